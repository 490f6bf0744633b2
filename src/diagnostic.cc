// Formatting of diagnostics; see diagnostic.h. Covered by tests/unit/load_rules_test.cc.
#include "diagnostic.h"

#include <algorithm>

#include "utf8.h"

namespace gangmu {
namespace {

constexpr size_t kQuoteChars = 120;  // a quoted source line shows at most this many characters

// Byte offset of the n'th character of s (s.size() past the end).
size_t CharOffset(std::string_view s, size_t n) {
  size_t i = 0;
  for (; i < s.size() && n > 0; --n) {
    size_t len = 1;
    DecodeAt(s, i, &len);
    i += len;
  }
  return std::min(i, s.size());
}

}  // namespace

std::string Diagnostic::Format() const {
  std::string out = path;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  // A message may quote input itself (RE2 quotes the pattern it refuses): at most two lines' worth.
  out += ": " + Abbreviate(message, 2 * kQuoteChars);
  if (!source_line.empty()) {
    // A long line is quoted as the kQuoteChars characters around the column, with … marks.
    const size_t chars = CountChars(source_line);
    size_t first = 0, caret = column > 0 ? column - 1 : 0;
    std::string quote = source_line;
    if (chars > kQuoteChars) {
      first = std::min(caret > kQuoteChars / 2 ? caret - kQuoteChars / 2 : 0, chars - kQuoteChars);
      const size_t from = CharOffset(source_line, first);
      const size_t to = CharOffset(source_line, first + kQuoteChars);
      quote = std::string(first > 0 ? "…" : "") + source_line.substr(from, to - from) +
              (first + kQuoteChars < chars ? "…" : "");
      caret = caret - first + (first > 0 ? 1 : 0);
    }
    out += "\n    " + quote;
    if (column > 0) {
      // The caret sits under the column'th character; wide characters take two cells.
      out += "\n    " + std::string(DisplayWidth(quote, caret), ' ') + "^";
    }
  }
  return out;
}

static std::string Join(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += "\n";
    out += d.Format();
  }
  return out;
}

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(Join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

std::string FormatAll(const std::vector<Diagnostic>& diagnostics) { return Join(diagnostics); }

std::string Abbreviate(std::string_view text, size_t max_chars) {
  if (CountChars(text) <= max_chars) return std::string(text);
  return std::string(text.substr(0, CharOffset(text, max_chars))) + "…";
}

}  // namespace gangmu
