// Result -> CommonMark; see write_markdown.h.
#include "write_markdown.h"

#include <vector>

#include "utf8.h"

namespace gangmu {
namespace {

constexpr int kMaxHeadingLevel = 6;  // CommonMark has six; deeper sections are strong lines.

void Block(std::string* out, const std::string& text) {
  if (!out->empty()) *out += '\n';
  *out += text;
  *out += '\n';
}

void Heading(std::string* out, int level, const std::string& text) {
  if (level <= kMaxHeadingLevel) {
    Block(out, std::string(level, '#') + (text.empty() ? "" : " " + text));
  } else {
    Block(out, "**" + text + "**");
  }
}

std::string Joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += EscapeMarkdown(item);
  }
  return out;
}

void WriteSections(const std::vector<Section>& sections, int level, std::string* out) {
  // Iterative, as every stage is over the outline: sections nest as deep as the page's markers.
  struct Item {
    const Section* section;
    int level;
  };
  std::vector<Item> todo;
  for (auto it = sections.rbegin(); it != sections.rend(); ++it) todo.push_back({&*it, level});
  while (!todo.empty()) {
    const Item item = todo.back();
    todo.pop_back();
    const Section& s = *item.section;
    Heading(out, item.level, EscapeMarkdown(SectionLabel(s)));
    for (const auto& p : s.paragraphs) Block(out, EscapeMarkdown(p));
    for (auto it = s.children.rbegin(); it != s.children.rend(); ++it) {
      todo.push_back({&*it, item.level + 1});
    }
  }
}

void WriteArticle(const Article& a, int level, std::string* out) {
  Heading(out, level, EscapeMarkdown(a.title));
  std::vector<std::string> meta;
  if (!a.authors.empty()) meta.push_back("- 作者: " + Joined(a.authors, ", "));
  if (!a.affiliations.empty()) meta.push_back("- 单位: " + Joined(a.affiliations, "; "));
  if (a.source) {
    std::string source = EscapeMarkdown(a.source->name);
    if (!a.source->issue.empty()) source += " " + EscapeMarkdown(a.source->issue);
    if (!a.source->url.empty()) source += " " + EscapeMarkdown(a.source->url);
    meta.push_back("- 来源: " + source);
  }
  if (!a.date.empty()) meta.push_back("- 日期: " + a.date);
  if (!a.keywords.empty()) meta.push_back("- 关键词: " + Joined(a.keywords, "; "));
  for (const auto& id : a.identifiers) {
    meta.push_back("- " + EscapeMarkdown(id.label) + ": " + EscapeMarkdown(id.value));
  }
  if (!meta.empty()) {
    std::string list;
    for (const auto& m : meta) list += m + "\n";
    list.pop_back();
    Block(out, list);
  }
  if (!a.abstract.empty()) Block(out, "摘要: " + EscapeMarkdown(a.abstract));
  for (const auto& p : a.preamble) Block(out, EscapeMarkdown(p));
  WriteSections(a.sections, level + 1, out);
  if (!a.references.empty()) {
    Heading(out, level + 1, "参考文献");
    std::string list;
    for (const auto& r : a.references) list += "- " + EscapeMarkdown(r) + "\n";
    list.pop_back();
    Block(out, list);
  }
}

}  // namespace

std::string SectionLabel(const Section& s) {
  if (s.heading.empty()) return s.marker;
  return s.marker + (IsWordChar(LastChar(s.marker)) ? " " : "") + s.heading;
}

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  // What would open a block at the start of a line: a list item (- + 1. 1)), a setext
  // underline (=), a code block (leading spaces, trimmed).
  size_t start = 0;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  size_t digits = start;
  while (digits < text.size() && digits - start < 10 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const size_t block_mark = (digits > start && digits < text.size() &&
                             (text[digits] == '.' || text[digits] == ')'))
                                ? digits
                                : (start < text.size() && (text[start] == '-' || text[start] == '+' ||
                                                           text[start] == '='))
                                      ? start
                                      : std::string_view::npos;
  for (size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      out += ' ';  // A paragraph is one line.
      continue;
    }
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '&': case '!': case '|': case '~': case '#':
        out += '\\';
        break;
      default:
        if (i == block_mark) out += '\\';
    }
    out += c;
  }
  return out;
}

std::string WriteMarkdown(const Result& result) {
  std::string out;
  int level = 1;
  if (result.collection) {
    Heading(&out, 1, EscapeMarkdown(result.collection->title));
    if (!result.collection->date.empty()) Block(&out, "- 日期: " + result.collection->date);
    level = 2;
  }
  for (const auto& a : result.articles) WriteArticle(a, level, &out);
  if (out.empty()) out = "\n";
  return out;
}

}  // namespace gangmu
