// A diagnostic points at a place in a file (rules, schema, input) and says what is wrong there.
// Format() renders it the way compilers do, so editors can jump to it:
//   rules/headings.yaml:12:14: rule 'cn_dun': invalid RE2 pattern: missing ): (一
//       pattern: '(一'
//                ^
#ifndef GANGMU_DIAGNOSTIC_H_
#define GANGMU_DIAGNOSTIC_H_

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gangmu {

struct Diagnostic {
  std::string path;
  int line = 0;    // 1-based; 0 when unknown.
  int column = 0;  // 1-based; 0 when unknown.
  std::string message;
  std::string source_line;  // The offending line, quoted under the message when known.

  std::string Format() const;
};

// Thrown where a whole step cannot go on (rules that do not load, an input that is not text).
class Error : public std::runtime_error {
 public:
  explicit Error(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

std::string FormatAll(const std::vector<Diagnostic>& diagnostics);

// `text` cut to its first `max_chars` characters with a … mark when longer: for messages that
// quote input (a parser's "last read", RE2's pattern), so that no message floods a terminal.
std::string Abbreviate(std::string_view text, size_t max_chars = 240);

}  // namespace gangmu

#endif  // GANGMU_DIAGNOSTIC_H_
