// Stage 6: marker candidates and paragraph segments; see recognize_headings.h.
#include "recognize_headings.h"

#include <algorithm>
#include <map>

#include "utf8.h"

namespace gangmu {

int ChineseDigit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': case U'○': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

namespace {

bool Contains(const std::u32string& set, char32_t c) {
  return set.find(c) != std::u32string::npos;
}

// Inline candidates: markers right after a sentence end or a colon (inline_after), and any
// closing quotes and spaces.
std::vector<MarkerMatch> InlineCandidates(const Line& line, const HeadingRules& rules) {
  std::vector<MarkerMatch> out;
  const std::string& v = line.view;
  size_t len;
  for (size_t i = 0; i < v.size(); i += len) {
    const unsigned char lead = static_cast<unsigned char>(v[i]);
    if (!rules.inline_after_lead[lead]) {
      len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;  // The view is valid UTF-8.
      continue;
    }
    const char32_t c = DecodeAt(v, i, &len);
    if (!Contains(rules.inline_after, c)) continue;
    size_t pos = i + len, l2;
    while (pos < v.size()) {
      const char32_t next = DecodeAt(v, pos, &l2);
      if (!Contains(rules.closing, next) && !IsSpace(next)) break;
      pos += l2;
    }
    if (pos >= v.size()) break;
    if (auto m = MatchMarkerAt(line, pos, rules, /*inline_only=*/true)) {
      m->after = c;
      out.push_back(*m);
      len = pos - i;  // Resume at the marker; its own characters are no sentence end.
      if (len == 0) len = 1;
    }
  }
  return out;
}

}  // namespace

int ParseNumber(std::string_view text, Numeral numeral) {
  size_t len;
  switch (numeral) {
    case Numeral::kArabic: {
      int value = 0;
      bool any = false;
      for (size_t i = 0; i < text.size(); i += len) {
        const char32_t c = DecodeAt(text, i, &len);
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (c >= 0xFF10 && c <= 0xFF19) d = c - 0xFF10;
        if (d < 0) return -1;
        value = value * 10 + d;
        any = true;
        if (value > 100000) return -1;
      }
      return any ? value : -1;
    }
    case Numeral::kCircled: {
      const char32_t c = text.empty() ? 0 : DecodeAt(text, 0, &len);
      if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1;
      if (c >= 0x3251 && c <= 0x325F) return c - 0x3251 + 21;
      return -1;
    }
    case Numeral::kStem: {
      // The heavenly stems count 甲乙丙丁…: 甲 is 1.
      static const std::u32string kStems = U"甲乙丙丁戊己庚辛壬癸";
      if (text.empty()) return -1;
      const char32_t c = DecodeAt(text, 0, &len);
      const size_t at = kStems.find(c);
      return at == std::u32string::npos || len != text.size() ? -1 : static_cast<int>(at) + 1;
    }
    case Numeral::kChinese: {
      // value = hundreds + tens + units, with 十 alone meaning 10 and 零 as a filler.
      int total = 0, digit = -1;
      bool any = false;
      for (size_t i = 0; i < text.size(); i += len) {
        const char32_t c = DecodeAt(text, i, &len);
        any = true;
        if (c == U'百') {
          if (digit <= 0) return -1;
          total += digit * 100;
          digit = -1;
        } else if (c == U'十') {
          total += (digit < 0 ? 1 : digit) * 10;
          digit = -1;
        } else {
          const int d = ChineseDigit(c);
          if (d < 0) return -1;
          if (digit > 0) return -1;  // Two digits in a row: 一二 is no number.
          digit = d;
        }
      }
      if (!any) return -1;
      if (digit > 0) total += digit;
      return total > 0 ? total : -1;
    }
  }
  return -1;
}

std::optional<MarkerMatch> MatchMarkerAt(const Line& line, size_t pos, const HeadingRules& rules,
                                         bool inline_only) {
  re2::StringPiece groups[8];
  std::vector<int> candidates;
  rules.family_index.Candidates(std::string_view(line.view).substr(pos), &candidates);
  for (const int index : candidates) {
    const MarkerFamily& family = rules.families[index];
    if (inline_only && !family.inline_ok) continue;
    const RE2& re = *family.pattern;
    const int n = std::min(re.NumberOfCapturingGroups() + 1, 8);
    // Asking for groups over the rest of the line makes RE2 clear a bitmap as long as that rest
    // at every call; finding the match's extent first (a DFA run) keeps each try short.
    if (!re.Match(line.view, pos, line.view.size(), RE2::ANCHOR_START, groups, 1)) continue;
    const size_t match_end = (groups[0].data() - line.view.data()) + groups[0].size();
    if (!re.Match(line.view, pos, match_end, RE2::ANCHOR_START, groups, n)) continue;
    const auto& names = re.NamedCapturingGroups();
    const re2::StringPiece& num = groups[names.at("num")];
    auto marker_it = names.find("marker");
    const re2::StringPiece& marker =
        marker_it != names.end() && marker_it->second < n ? groups[marker_it->second] : groups[0];
    const int number = ParseNumber(std::string_view(num.data(), num.size()), family.numeral);
    if (number < 1 || number > family.max_number) continue;
    MarkerMatch m;
    m.family = &family;
    m.number = number;
    m.begin = pos;
    m.end = (marker.data() - line.view.data()) + marker.size();
    return m;
  }
  return std::nullopt;
}

std::vector<Segment> SegmentParagraphs(const std::vector<Line>& lines, const HeadingRules& rules) {
  std::vector<Segment> out;
  bool heading_seen = false;  // A line opened with a marker before this one.
  for (const auto& line : lines) {
    std::optional<MarkerMatch> start = MatchMarkerAt(line, 0, rules, /*inline_only=*/false);
    std::vector<MarkerMatch> candidates = InlineCandidates(line, rules);
    std::vector<bool> accept(candidates.size(), false);

    // A sequence opened at the paragraph's start continues inline.
    if (start && start->family->inline_ok) {
      int expected = start->number + 1;
      for (size_t k = 0; k < candidates.size(); ++k) {
        if (candidates[k].family == start->family && candidates[k].number == expected) {
          accept[k] = true;
          ++expected;
        }
      }
    }

    // A long paragraph holding a run of top-level markers lost its line breaks.
    if (!candidates.empty() &&
        CountChars(line.view) >= static_cast<size_t>(rules.runon_min_chars)) {
      std::vector<MarkerMatch> all;
      if (start) all.push_back(*start);
      all.insert(all.end(), candidates.begin(), candidates.end());
      // A run partner is a marker of the same family numbered one less before it, or one more
      // after it. First and last positions per (family, number) answer that in O(log n), so
      // a paragraph of a million markers stays linear.
      std::map<std::pair<const MarkerFamily*, int>, std::pair<size_t, size_t>> positions;
      for (size_t idx = 0; idx < all.size(); ++idx) {
        auto [it, inserted] = positions.try_emplace({all[idx].family, all[idx].number}, idx, idx);
        if (!inserted) it->second.second = idx;
      }
      auto has_run_partner = [&](size_t idx) {
        const MarkerMatch& m = all[idx];
        auto before = positions.find({m.family, m.number - 1});
        if (before != positions.end() && before->second.first < idx) return true;
        auto after = positions.find({m.family, m.number + 1});
        return after != positions.end() && after->second.second > idx;
      };
      bool runon = false;
      for (size_t idx = 0; idx < all.size() && !runon; ++idx) {
        const MarkerFamily& f = *all[idx].family;
        runon = f.runon_trigger && (!f.runon_until_heading || !heading_seen) && has_run_partner(idx);
      }
      if (runon) {
        const size_t offset = start ? 1 : 0;
        // Lower-level items after a colon or a semicolon are the sentence's own enumeration,
        // even in a paragraph that lost its line breaks; top-level markers open headings.
        for (size_t k = 0; k < candidates.size(); ++k) {
          if (has_run_partner(k + offset) &&
              (candidates[k].family->runon_trigger ||
               (candidates[k].after != ':' && candidates[k].after != ';'))) {
            accept[k] = true;
          }
        }
      }
    }

    size_t begin = 0;
    std::optional<MarkerMatch> current = start;
    for (size_t k = 0; k < candidates.size(); ++k) {
      if (!accept[k]) continue;
      out.push_back({&line, begin, candidates[k].begin, current});
      begin = candidates[k].begin;
      current = candidates[k];
    }
    out.push_back({&line, begin, line.view.size(), current});
    heading_seen = heading_seen || start.has_value();
  }
  return out;
}

}  // namespace gangmu
