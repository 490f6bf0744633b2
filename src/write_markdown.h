// Result -> CommonMark: one Markdown document per input, for retrieval pipelines and readers.
// The title is `#`, a short list of metadata follows it, each section is a heading one level
// deeper than its parent with its marker as written (## 一、加强组织建设), paragraphs stay
// paragraphs and references are a list. A compilation is its title (`#`) with its articles in
// order, each one level down. Text is escaped so that it stays what it is: a paragraph that
// starts with #, -, 1. or > is still a paragraph. Covered by tests/unit/write_markdown_test.cc
// and tests/markdown_test.py (the seeds rendered by cmark, the heading tree compared).
#ifndef GANGMU_WRITE_MARKDOWN_H_
#define GANGMU_WRITE_MARKDOWN_H_

#include <string>
#include <string_view>

#include "document.h"

namespace gangmu {

// A section's marker and heading as the page writes them: 一、加强… and (一)选优… run on,
// 第一章 总则 keeps its space (a marker ending in a Han character or a letter or digit).
std::string SectionLabel(const Section& section);

// The document of one result as Markdown (ends with one newline).
std::string WriteMarkdown(const Result& result);

// `text` escaped for Markdown inline content: ASCII punctuation that could start markup is
// backslash-escaped, and so is what would open a block at the start of a line.
std::string EscapeMarkdown(std::string_view text);

}  // namespace gangmu

#endif  // GANGMU_WRITE_MARKDOWN_H_
