// Formatting of diagnostics; see diagnostic.h. Covered by tests/unit/load_rules_test.cc.
#include "diagnostic.h"

#include "utf8.h"

namespace gangmu {

std::string Diagnostic::Format() const {
  std::string out = path;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += ": " + message;
  if (!source_line.empty()) {
    out += "\n    " + source_line;
    if (column > 0) {
      // The caret sits under the column'th character; wide characters take two cells.
      out += "\n    " + std::string(DisplayWidth(source_line, column - 1), ' ') + "^";
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

}  // namespace gangmu
