// Stage 2: repairs and the matching view; see normalize_text.h.
#include "normalize_text.h"

#include <cstring>

#include "simplified_pairs.h"
#include "utf8.h"

namespace gangmu {
namespace {

// Every fold of the view (full-width ASCII, spaces, small forms, traditional -> simplified) stays
// in the Basic Multilingual Plane, so one table of 64K entries, filled once, answers them all.
char32_t FoldUncached(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // Full-width ASCII.
  if (IsSpace(c)) return ' ';
  switch (c) {
    case 0xFE50: return ',';  // Small form variants.
    case 0xFE52: return '.';
    case 0xFE54: return ';';
    case 0xFE55: return ':';
    case 0xFE59: return '(';
    case 0xFE5A: return ')';
    case 0x2236: return ':';  // RATIO, typed for a colon by some input methods.
    default: return c;
  }
}

const std::vector<char16_t>& FoldTable() {
  static const std::vector<char16_t> table = [] {
    std::vector<char16_t> t(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) t[c] = static_cast<char16_t>(FoldUncached(c));
    for (size_t i = 0; i < kSimplifiedPairCount; ++i) {
      t[kSimplifiedPairs[i].traditional] = kSimplifiedPairs[i].simplified;
    }
    return t;
  }();
  return table;
}

const std::vector<char16_t>& SimplifiedTable() {
  static const std::vector<char16_t> table = [] {
    std::vector<char16_t> t(0x10000);
    for (char32_t c = 0; c < 0x10000; ++c) t[c] = static_cast<char16_t>(c);
    for (size_t i = 0; i < kSimplifiedPairCount; ++i) {
      t[kSimplifiedPairs[i].traditional] = kSimplifiedPairs[i].simplified;
    }
    return t;
  }();
  return table;
}

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

// Control characters other than tab (NUL, bell, escape ...) carry nothing on a page.
bool IsControl(char32_t c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

// The zero-width characters are encoded with lead bytes C2, E2 or EF; a line without those
// bytes (most Chinese lines have only E4-E9 leads) nor controls needs no decoding.
bool MayHoldInvisible(std::string_view s) {
  for (const char c : s) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (b == 0xC2 || b == 0xE2 || b == 0xEF || (b < 0x20 && b != '\t') || b == 0x7F) return true;
  }
  return false;
}

}  // namespace

char32_t FoldChar(char32_t c) { return c < 0x10000 ? FoldTable()[c] : c; }

void BuildView(Line* line) {
  const std::string& text = line->text;
  const std::vector<char16_t>& fold = FoldTable();
  // Every fold keeps a character's byte length or shortens it (full-width to ASCII, odd spaces
  // to ' ', traditional to simplified within the same plane), so the view fits in text.size()
  // bytes; writing through pointers and trimming once beats appending character by character.
  line->view.resize(text.size());
  line->view_to_text.resize(text.size() + 1);
  char* view = line->view.data();
  uint32_t* to_text = line->view_to_text.data();
  size_t out = 0, len;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t c = DecodeAt(text, i, &len);
    const char32_t folded = c < 0x10000 ? fold[c] : c;
    const size_t before = out;
    if (folded == c) {
      std::memcpy(view + out, text.data() + i, len);
      out += len;
    } else {
      char bytes[4];
      const size_t n = EncodeUtf8(folded, bytes);
      std::memcpy(view + out, bytes, n);
      out += n;
    }
    for (size_t k = before; k < out; ++k) to_text[k] = static_cast<uint32_t>(i);
  }
  to_text[out] = static_cast<uint32_t>(text.size());
  line->view.resize(out);
  line->view_to_text.resize(out + 1);
}

std::string ToSimplified(const std::string& text) {
  const std::vector<char16_t>& simplified = SimplifiedTable();
  std::string out;
  out.reserve(text.size());
  size_t len;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t c = DecodeAt(text, i, &len);
    AppendUtf8(&out, c < 0x10000 ? simplified[c] : c);
  }
  return out;
}

std::vector<Line> NormalizeText(const std::vector<std::string>& lines, const NormalizeRules& rules,
                                std::vector<Warning>* warnings) {
  std::vector<Line> out;
  out.reserve(lines.size());
  std::vector<int> candidates;
  for (size_t n = 0; n < lines.size(); ++n) {
    Line line;
    line.number = static_cast<int>(n + 1);
    const std::string& raw = lines[n];
    line.text.reserve(raw.size());
    size_t len, zero_width = 0, controls = 0;
    if (MayHoldInvisible(raw)) {
      for (size_t i = 0; i < raw.size(); i += len) {
        const char32_t c = DecodeAt(raw, i, &len);
        if (IsZeroWidth(c)) {
          ++zero_width;
        } else if (IsControl(c)) {
          ++controls;
        } else {
          line.text.append(raw, i, len);
        }
      }
    } else {
      line.text = raw;
    }
    if (zero_width > 0) {
      warnings->push_back({"zero_width", std::to_string(zero_width) +
                                             " zero-width character(s) removed", line.number});
    }
    if (controls > 0) {
      warnings->push_back({"control_characters",
                           std::to_string(controls) + " control character(s) (NUL, ...) removed",
                           line.number});
    }
    // Repairs run in file order, and one may make work for a later one: a line that needs
    // any repair gets all of them.
    rules.repair_index.Candidates(line.text, &candidates);
    for (const auto& repair : rules.repairs) {
      if (candidates.empty()) break;
      const int count = RE2::GlobalReplace(&line.text, *repair.pattern, repair.replace);
      if (count > 0) {
        warnings->push_back(
            {repair.id, std::to_string(count) + " repair(s) by rule '" + repair.id + "'",
             line.number});
      }
    }
    for (const auto& check : rules.checks) {
      if (RE2::PartialMatch(line.text, *check.pattern)) {
        warnings->push_back({check.id, check.message, line.number});
      }
    }
    BuildView(&line);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace gangmu
