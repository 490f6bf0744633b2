// Stage 2: repairs and the matching view; see normalize_text.h.
#include "normalize_text.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "utf8.h"

namespace gangmu {
namespace {

constexpr char32_t kTableBegin = 0x3400;
constexpr char32_t kTableEnd = 0xFB00;

// Traditional -> simplified for single characters. Built once from ICU's transform: one call on
// all characters of the table range separated by newlines is far cheaper than one call each,
// and a character whose output is not one character keeps its form.
const std::vector<char32_t>& SimplifiedTable() {
  static const std::vector<char32_t> table = [] {
    std::vector<char32_t> t(kTableEnd - kTableBegin);
    for (char32_t c = kTableBegin; c < kTableEnd; ++c) t[c - kTableBegin] = c;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !tr) return t;
    icu::UnicodeString all;
    for (char32_t c = kTableBegin; c < kTableEnd; ++c) {
      if (!IsHan(c)) continue;
      all.append(static_cast<UChar32>(c));
      all.append(static_cast<UChar>('\n'));
    }
    icu::UnicodeString source = all;
    tr->transliterate(all);
    int32_t i_src = 0, i_out = 0;
    while (i_src < source.length() && i_out < all.length()) {
      const UChar32 from = source.char32At(i_src);
      i_src += U16_LENGTH(from) + 1;  // The character and its newline.
      const int32_t end = all.indexOf(static_cast<UChar>('\n'), i_out);
      if (end < 0) break;
      const UChar32 to = all.char32At(i_out);
      if (U16_LENGTH(to) == end - i_out) t[from - kTableBegin] = static_cast<char32_t>(to);
      i_out = end + 1;
    }
    return t;
  }();
  return table;
}

bool IsZeroWidth(char32_t c) {
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD;
}

}  // namespace

char32_t FoldChar(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // Full-width ASCII.
  if (IsSpace(c)) return ' ';
  if (c >= kTableBegin && c < kTableEnd) return SimplifiedTable()[c - kTableBegin];
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

void BuildView(Line* line) {
  const std::string& text = line->text;
  line->view.clear();
  line->view_to_text.clear();
  line->view.reserve(text.size());
  line->view_to_text.reserve(text.size() + 1);
  size_t len;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t folded = FoldChar(DecodeAt(text, i, &len));
    const size_t before = line->view.size();
    AppendUtf8(&line->view, folded);
    for (size_t k = before; k < line->view.size(); ++k) {
      line->view_to_text.push_back(static_cast<uint32_t>(i));
    }
  }
  line->view_to_text.push_back(static_cast<uint32_t>(text.size()));
}

std::string ToSimplified(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t len;
  for (size_t i = 0; i < text.size(); i += len) {
    const char32_t c = DecodeAt(text, i, &len);
    AppendUtf8(&out, c >= kTableBegin && c < kTableEnd ? SimplifiedTable()[c - kTableBegin] : c);
  }
  return out;
}

std::vector<Line> NormalizeText(const std::vector<std::string>& lines, const NormalizeRules& rules,
                                std::vector<Warning>* warnings) {
  std::vector<Line> out;
  out.reserve(lines.size());
  for (size_t n = 0; n < lines.size(); ++n) {
    Line line;
    line.number = static_cast<int>(n + 1);
    const std::string& raw = lines[n];
    line.text.reserve(raw.size());
    size_t len, zero_width = 0;
    for (size_t i = 0; i < raw.size(); i += len) {
      const char32_t c = DecodeAt(raw, i, &len);
      if (IsZeroWidth(c)) {
        ++zero_width;
      } else {
        line.text.append(raw, i, len);
      }
    }
    if (zero_width > 0) {
      warnings->push_back({"zero_width", std::to_string(zero_width) +
                                             " zero-width character(s) removed", line.number});
    }
    for (const auto& repair : rules.repairs) {
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
