// Stage 2: repairs and the matching view; see normalize_text.h.
#include "normalize_text.h"

#include <algorithm>
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

// Bit c is set when character c folds to another (FoldTable()[c] != c).
const std::vector<uint64_t>& FoldBits() {
  static const std::vector<uint64_t> bits = [] {
    const std::vector<char16_t>& fold = FoldTable();
    std::vector<uint64_t> b(0x10000 / 64, 0);
    for (char32_t c = 0; c < 0x10000; ++c) {
      if (fold[c] != c) b[c >> 6] |= uint64_t{1} << (c & 63);
    }
    return b;
  }();
  return bits;
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

// Whether a line holds a control character or one of IsZeroWidth's characters, read from the
// bytes: U+00AD is C2 AD, U+200B..U+200D are E2 80 8B..8D, U+2060 is E2 81 A0, U+FEFF is EF BB
// BF. Most lines hold none and are copied as they are.
bool MayHoldInvisible(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = b[i];
    if (c >= 0x20 && c < 0x7F) continue;
    if (c < 0x20 ? c != '\t' : c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < n && b[i + 1] == 0xAD) return true;
    if (c == 0xE2 && i + 2 < n &&
        ((b[i + 1] == 0x80 && b[i + 2] >= 0x8B && b[i + 2] <= 0x8D) ||
         (b[i + 1] == 0x81 && b[i + 2] == 0xA0))) {
      return true;
    }
    if (c == 0xEF && i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF) return true;
  }
  return false;
}

}  // namespace

char32_t FoldChar(char32_t c) { return c < 0x10000 ? FoldTable()[c] : c; }

void BuildView(Line* line) {
  const std::string& text = line->text;
  const std::vector<char16_t>& fold = FoldTable();
  const std::vector<uint64_t>& folds = FoldBits();
  // Every fold keeps a character's byte length or shortens it (full-width to ASCII, odd spaces
  // to ' ', traditional to simplified within the same plane), so the view fits in text.size()
  // bytes; writing through a pointer and trimming once beats appending character by character.
  line->view.resize(text.size());
  line->shifts.clear();
  char* view = line->view.data();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t out = 0, len;
  for (size_t i = 0; i < n; i += len) {
    const unsigned char lead = bytes[i];
    // Fast paths for ASCII and for well-formed three-byte characters (all of CJK), which are
    // nearly every character of a page; anything else goes through DecodeAt.
    if (lead < 0x80) {
      len = 1;
      view[out++] = static_cast<char>(fold[lead]);  // ASCII folds to ASCII.
      continue;
    }
    char32_t c;
    if ((lead & 0xF0) == 0xE0 && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 &&
        (bytes[i + 2] & 0xC0) == 0x80) {
      c = ((lead & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
      len = 3;
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) c = DecodeAt(text, i, &len);
    } else {
      c = DecodeAt(text, i, &len);
    }
    // Most characters fold to themselves; an 8 KiB bitmap answers that from the L1 cache, where
    // the 128 KiB table would miss it at most Han characters.
    if (c >= 0x10000 || !((folds[c >> 6] >> (c & 63)) & 1)) {
      if (len == 3) {  // Most Han: three stores, not a loop.
        view[out] = static_cast<char>(lead);
        view[out + 1] = static_cast<char>(bytes[i + 1]);
        view[out + 2] = static_cast<char>(bytes[i + 2]);
        out += 3;
      } else {
        for (size_t k = 0; k < len; ++k) view[out++] = static_cast<char>(bytes[i + k]);
      }
      continue;
    }
    const size_t written = EncodeUtf8(fold[c], view + out);
    out += written;
    if (written != len) {
      line->shifts.push_back({static_cast<uint32_t>(out), static_cast<uint32_t>(i + len)});
    }
  }
  line->view.resize(out);
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

namespace {

// The view offsets [begin, end) of the pieces of a flattened line (one piece when it is none):
// every non-empty group of every match of `cut` is a cut, its bytes (the spaces) dropped.
std::vector<std::pair<size_t, size_t>> FlattenedPieces(const Line& line, const FlattenedRule& rule,
                                                       size_t page_bytes) {
  std::vector<std::pair<size_t, size_t>> pieces;
  const std::string_view v = line.view;
  if (!rule.cut || v.size() < static_cast<size_t>(rule.min_chars) ||
      static_cast<double>(line.text.size()) < rule.min_share * static_cast<double>(page_bytes) ||
      CountChars(v) < static_cast<size_t>(rule.min_chars)) {
    return pieces;
  }
  const int groups = rule.cut->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> match(groups + 1);
  size_t pos = 0, start = 0;
  while (pos < v.size() &&
         rule.cut->Match(v, pos, v.size(), RE2::UNANCHORED, match.data(), groups + 1)) {
    for (int g = 1; g <= groups; ++g) {
      if (match[g].data() == nullptr || match[g].empty()) continue;
      const size_t b = match[g].data() - v.data(), e = b + match[g].size();
      if (b > start) pieces.push_back({start, b});
      start = std::max(start, e);
    }
    // On past the match, or one character when it was empty.
    const size_t end = match[0].data() - v.data() + match[0].size();
    size_t len = 1;
    if (end > pos) {
      pos = end;
    } else {
      DecodeAt(v, pos, &len);
      pos += len;
    }
  }
  if (pieces.size() < static_cast<size_t>(rule.min_cuts)) return {};
  if (start < v.size()) pieces.push_back({start, v.size()});
  return pieces;
}

}  // namespace

std::vector<Line> NormalizeText(std::vector<std::string> lines, const NormalizeRules& rules,
                                std::vector<Warning>* warnings, bool may_hold_invisible) {
  std::vector<Line> out;
  out.reserve(lines.size());
  std::vector<int> candidates;
  size_t page_bytes = 0;
  for (const auto& line : lines) page_bytes += line.size();
  for (size_t n = 0; n < lines.size(); ++n) {
    Line line;
    line.number = static_cast<int>(n + 1);
    std::string& raw = lines[n];
    size_t len, zero_width = 0, controls = 0;
    if (may_hold_invisible && MayHoldInvisible(raw)) {
      line.text.reserve(raw.size());
      size_t run = 0;  // Start of the bytes not yet copied.
      for (size_t i = 0; i < raw.size(); i += len) {
        const char32_t c = DecodeAt(raw, i, &len);
        const bool zero = IsZeroWidth(c), control = !zero && IsControl(c);
        if (!zero && !control) continue;
        zero_width += zero;
        controls += control;
        line.text.append(raw, run, i - run);
        run = i + len;
      }
      line.text.append(raw, run, std::string::npos);
    } else {
      line.text = std::move(raw);
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
    // Repairs run in file order, each where its literals are; one may make work for a later
    // one, so a repair that changed the line asks the prefilter again. The prefilter's indices
    // are the repairs, then the checks (sorted).
    const int repairs = static_cast<int>(rules.repairs.size());
    rules.prefilter.Candidates(line.text, &candidates);
    for (size_t k = 0; k < candidates.size() && candidates[k] < repairs; ++k) {
      const int index = candidates[k];
      const auto& repair = rules.repairs[index];
      const int count = RE2::GlobalReplace(&line.text, *repair.pattern, repair.replace);
      if (count == 0) continue;
      warnings->push_back(
          {repair.id, std::to_string(count) + " repair(s) by rule '" + repair.id + "'", line.number});
      rules.prefilter.Candidates(line.text, &candidates);
      k = std::upper_bound(candidates.begin(), candidates.end(), index) - candidates.begin();
      --k;  // The loop's ++k lands on the first candidate after `index`.
    }
    for (const int c : candidates) {
      if (c < repairs) continue;
      const CheckRule& check = rules.checks[c - repairs];
      if (RE2::PartialMatch(line.text, *check.pattern)) {
        warnings->push_back({check.id, check.message, line.number});
      }
    }
    // Lines are matched and kept trimmed (filter_boilerplate trims what it keeps); trimming
    // here spares building the view twice for the many indented lines (　　正文).
    const std::string_view trimmed = TrimmedView(line.text);
    if (trimmed.size() != line.text.size()) line.text = std::string(trimmed);
    BuildView(&line);
    // A page that lost its line breaks: the pieces become lines of the same input line.
    const auto pieces = FlattenedPieces(line, rules.flattened, page_bytes);
    if (!pieces.empty()) {
      warnings->push_back({"flattened", "a line of " + std::to_string(CountChars(line.view)) +
                                            " characters cut into " + std::to_string(pieces.size()) +
                                            " lines (the page lost its line breaks)",
                           line.number});
      for (const auto& [b, e] : pieces) {
        Line piece;
        piece.number = line.number;
        piece.text = Trim(line.TextOf(b, e));
        if (piece.text.empty()) continue;
        BuildView(&piece);
        out.push_back(std::move(piece));
      }
      continue;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace gangmu
