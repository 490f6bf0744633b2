// The library's entry point: Extract(bytes, rules, options) runs every stage in order
// (src/README.md lists them) and returns the page's Result. Thread-safe: the rule set is only
// read. Covered by tests/golden and tests/unit/extract_test.cc.
#ifndef GANGMU_EXTRACT_H_
#define GANGMU_EXTRACT_H_

#include <string>
#include <string_view>

#include "document.h"
#include "rule_set.h"

namespace gangmu {

struct ExtractOptions {
  std::string encoding;        // Force an input encoding (ICU converter name); empty = detect.
  bool to_simplified = false;  // Convert the output's text to simplified characters.
};

// Throws gangmu::Error when the input cannot be read as text.
Result Extract(std::string_view display_name, std::string_view bytes, const RuleSet& rules,
               const ExtractOptions& options = {});

}  // namespace gangmu

#endif  // GANGMU_EXTRACT_H_
