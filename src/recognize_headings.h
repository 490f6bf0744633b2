// Stage 6: paragraphs -> segments with heading-marker candidates. A marker of any family in
// headings.yaml may open a paragraph. Inside a paragraph, after a sentence end, a marker opens a
// new segment only when it continues the sequence that opened the paragraph (二是 after 一是),
// or when the paragraph is a page that lost its line breaks: long, with a run of
// `runon_trigger` markers (一、 … 二、); then every marker after a sentence end that forms a run
// with another of its family opens a segment. Numbers are parsed from Chinese numerals
// (一 … 九十九), Arabic digits (half- or full-width) and circled digits.
// Covered by tests/unit/recognize_headings_test.cc.
#ifndef GANGMU_RECOGNIZE_HEADINGS_H_
#define GANGMU_RECOGNIZE_HEADINGS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "document.h"
#include "rule_set.h"

namespace gangmu {

struct MarkerMatch {
  const MarkerFamily* family = nullptr;
  int number = 0;
  size_t begin = 0;  // View offsets of the marker as written.
  size_t end = 0;
  char32_t after = 0;  // Inline: the character that let it open (a sentence end, a colon …).
};

// A paragraph or part of one: view bytes [begin, end) of `line`.
struct Segment {
  const Line* line = nullptr;
  size_t begin = 0;
  size_t end = 0;
  std::optional<MarkerMatch> marker;  // Starts at `begin` when present.
};

// Chinese numerals up to 九百九十九 (十二, 二十, 一百零五), Arabic digits and circled digits;
// -1 when `text` is not a number of that kind.
int ParseNumber(std::string_view text, Numeral numeral);

// 0 for 零, 〇 and ○ (the zero of written years), 1-9 for 一..九 (and 两); -1 otherwise.
int ChineseDigit(char32_t c);

// The marker that opens view offset `pos` of `line`, if any family matches there. With
// `inline_only`, families with inline: false are skipped. The first family in file order wins.
std::optional<MarkerMatch> MatchMarkerAt(const Line& line, size_t pos, const HeadingRules& rules,
                                         bool inline_only);

std::vector<Segment> SegmentParagraphs(const std::vector<Line>& lines, const HeadingRules& rules);

}  // namespace gangmu

#endif  // GANGMU_RECOGNIZE_HEADINGS_H_
