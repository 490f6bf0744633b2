// Stage 7: the section tree; see build_outline.h.
#include "build_outline.h"

#include <map>

#include "recognize_headings.h"
#include "utf8.h"

namespace gangmu {
namespace {

bool Contains(const std::u32string& set, char32_t c) {
  return set.find(c) != std::u32string::npos;
}

char32_t FirstChar(const std::string& s) {
  size_t len;
  return s.empty() ? 0 : DecodeAt(s, 0, &len);
}

// Trailing punctuation off a heading line (headings.yaml's heading_trail).
std::string StripTrailingPunct(const std::string& s, const HeadingRules& rules) {
  std::string out = s;
  while (!out.empty()) {
    const size_t last = PreviousCharStart(out, out.size());
    size_t len;
    if (rules.heading_trail.find(DecodeAt(out, last, &len)) == std::u32string::npos) break;
    out.resize(last);
  }
  return out;
}

// Text after a space that reads as body rather than the heading's second half: a sentence of
// heading_body_min_chars or more, or one with punctuation inside (…手段单一,缺乏吸引力。);
// 党群义工服务平台。 is the heading's own words.
bool LooksLikeBody(const std::string& v, size_t from, size_t to, const HeadingRules& rules) {
  const std::u32string& kInner = rules.heading_body_inner;
  size_t len, chars = 0;
  const size_t last = PreviousCharStart(v, to);
  for (size_t i = from; i < to; i += len) {
    const char32_t c = DecodeAt(v, i, &len);
    ++chars;
    if (i != last && kInner.find(c) != std::u32string::npos) return true;
  }
  return chars >= static_cast<size_t>(rules.heading_body_min_chars);
}

// A short line without a sentence end: a heading's words, not a paragraph.
bool IsLabel(std::string_view words, const HeadingRules& rules) {
  if (CountChars(words) > static_cast<size_t>(rules.short_line_chars)) return false;
  size_t len;
  for (size_t i = 0; i < words.size(); i += len) {
    if (rules.sentence_end.find(DecodeAt(words, i, &len)) != std::u32string::npos) return false;
  }
  return true;
}

struct HeadingParts {
  std::string heading;
  std::string body;  // The rest of the paragraph, empty when none.
};

// Splits the text after a marker (view bytes [from, to) of line) into heading and body.
HeadingParts SplitHeading(const Line& line, size_t from, size_t to, const HeadingRules& rules) {
  const std::string& v = line.view;
  size_t len;
  while (from < to && IsSpace(DecodeAt(v, from, &len))) from += len;
  // The first heading_end character that is not the last character of the segment.
  size_t cut = std::string::npos, last_start = PreviousCharStart(v, to);
  for (size_t i = from; i < to; i += len) {
    const char32_t c = DecodeAt(v, i, &len);
    if (Contains(rules.heading_end, c) && i != last_start) {
      cut = i;
      break;
    }
  }
  const size_t chars = CountChars(std::string_view(v).substr(from, to - from));
  const bool ends_in_punct = last_start >= from && last_start < to &&
                             Contains(rules.heading_end, DecodeAt(v, last_start, &len));
  // A lost line break glues body to a heading, often leaving a space: in a long paragraph, or
  // one with a sentence after the heading, the heading's words end at a space between two Han
  // characters before the first punctuation (…存在的问题 (一)思想认识不足 部分企业…。).
  const bool long_unpunctuated =
      chars > static_cast<size_t>(rules.short_line_chars) && cut == std::string::npos;
  if (chars > static_cast<size_t>(rules.short_line_chars) || cut != std::string::npos ||
      ends_in_punct) {
    const size_t limit = cut == std::string::npos ? to : cut;
    for (size_t i = from; i < limit; i += len) {
      const char32_t c = DecodeAt(v, i, &len);
      if (c != ' ' || i == from) continue;
      const char32_t before = DecodeAt(v, PreviousCharStart(v, i), &len);
      size_t after_len;
      const char32_t after = i + 1 < to ? DecodeAt(v, i + 1, &after_len) : 0;
      len = 1;
      if (IsHan(before) && IsHan(after) && (long_unpunctuated || LooksLikeBody(v, i + 1, to, rules))) {
        cut = i;
        break;
      }
    }
  }
  HeadingParts parts;
  if (cut == std::string::npos) {
    parts.heading = StripTrailingPunct(Trim(line.TextOf(from, to)), rules);
    return parts;
  }
  DecodeAt(v, cut, &len);
  parts.heading = StripTrailingPunct(Trim(line.TextOf(from, cut)), rules);
  parts.body = Trim(line.TextOf(cut + len, to));
  return parts;
}

struct OpenSection {
  Section* section;
  const MarkerFamily* family;
};

class OutlineBuilder {
 public:
  OutlineBuilder(Article* article, const HeadingRules& rules) : article_(article), rules_(rules) {}

  // The number the family had last in this article (0 when never seen).
  int LastNumber(const MarkerFamily* family) const {
    auto it = last_number_.find(family);
    return it == last_number_.end() ? 0 : it->second;
  }

  bool Accepts(const MarkerMatch& m) const {
    if (m.family->needs_sequence) return m.number == 1 || LastNumber(m.family) == m.number - 1;
    return true;
  }

  void AddHeading(const MarkerMatch& m, const Line& line, std::string heading, std::string body) {
    const MarkerFamily* f = m.family;
    const bool seen = last_number_.count(f) > 0;
    size_t keep = stack_.size();  // Entries [0, keep) stay open; the new section goes below.
    size_t same = stack_.size();
    for (size_t i = 0; i < stack_.size(); ++i) {
      if (stack_[i].family == f) same = i;
    }
    if (same == stack_.size()) {
      // Sloppy pages mix 1. and 1、 in one sequence: a family of the same rank whose last number
      // is one less counts as the same sequence.
      for (size_t i = 0; i < stack_.size(); ++i) {
        const MarkerFamily* g = stack_[i].family;
        if (g->rank == f->rank && LastNumber(g) == m.number - 1) same = i;
      }
    }
    if (same < stack_.size()) {
      keep = same;
    } else if (seen || m.number != 1) {
      // A family coming back, or a sequence whose first member we did not see: the
      // conventional order decides.
      while (keep > 0 && stack_[keep - 1].family->rank >= f->rank) --keep;
    }
    stack_.resize(keep);
    Section section;
    section.marker = Trim(line.TextOf(m.begin, m.end));
    section.kind = f->id;
    section.number = m.number;
    section.level = static_cast<int>(keep) + 1;
    section.heading = std::move(heading);
    section.line = line.number;
    if (!body.empty()) {
      section.paragraphs.push_back(std::move(body));
      section.paragraph_lines.push_back({line.number, line.number});
    }
    std::vector<Section>& siblings =
        stack_.empty() ? article_->sections : stack_.back().section->children;
    siblings.push_back(std::move(section));
    stack_.push_back({&siblings.back(), f});
    last_number_[f] = m.number;
  }

  void AddParagraph(std::string text, int line_number) {
    std::vector<std::string>& paragraphs =
        stack_.empty() ? article_->preamble : stack_.back().section->paragraphs;
    std::vector<std::pair<int, int>>& lines =
        stack_.empty() ? article_->preamble_lines : stack_.back().section->paragraph_lines;
    if (!paragraphs.empty() && IsCut(paragraphs.back()) && IsWordChar(FirstChar(text))) {
      paragraphs.back() += text;
      if (!lines.empty()) lines.back().second = line_number;
      article_->warnings.push_back({"joined_page_break",
                                    "paragraph cut mid-sentence joined with the next",
                                    line_number});
      return;
    }
    paragraphs.push_back(std::move(text));
    lines.push_back({line_number, line_number});
  }

 private:
  // A paragraph a page break cut ends mid-word and is at least page_break_min_chars long:
  // shorter ones are headings, captions, list items, which end without punctuation by nature.
  bool IsCut(const std::string& paragraph) const {
    return IsWordChar(LastChar(paragraph)) &&
           CountChars(paragraph) >= static_cast<size_t>(rules_.page_break_min_chars);
  }

  Article* article_;
  const HeadingRules& rules_;
  std::vector<OpenSection> stack_;
  std::map<const MarkerFamily*, int> last_number_;
};

}  // namespace

void BuildOutline(Article* article, const HeadingRules& rules) {
  std::vector<Segment> segments = SegmentParagraphs(article->lines, rules);
  OutlineBuilder builder(article, rules);
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& seg = segments[i];
    const Line& line = *seg.line;
    if (seg.marker && builder.Accepts(*seg.marker)) {
      const MarkerMatch& m = *seg.marker;
      HeadingParts parts = SplitHeading(line, m.end, seg.end, rules);
      // A marker alone on its line: its words are the next line when that is a label (a
      // short line without a sentence end), or, for a family of lone markers (一 / 1 on a line
      // of their own), that line's lead sentence. Otherwise, and at the end of the page, the
      // marker is a heading without words (a bare (一) over a paragraph, a cut-off 二、).
      bool empty_heading = false;
      if (parts.heading.empty() && TrimmedView(line.view.substr(m.end, seg.end - m.end)).empty()) {
        if (i + 1 < segments.size() && !segments[i + 1].marker) {
          const Segment& next = segments[i + 1];
          const std::string_view words(next.line->view.data() + next.begin, next.end - next.begin);
          if (m.family->alone || IsLabel(words, rules)) {
            parts = SplitHeading(*next.line, next.begin, next.end, rules);
            ++i;
          } else {
            empty_heading = true;
          }
        } else if (i + 1 == segments.size()) {
          empty_heading = true;
        }
      }
      if (!parts.heading.empty() || empty_heading) {
        builder.AddHeading(m, line, std::move(parts.heading), std::move(parts.body));
        continue;
      }
    }
    std::string text = Trim(line.TextOf(seg.begin, seg.end));
    if (!text.empty()) builder.AddParagraph(std::move(text), line.number);
  }
  article->lines.clear();
}

}  // namespace gangmu
