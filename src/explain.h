// Explain: every input line with the fate the pipeline gave it (removed by a rule, title,
// metadata field, heading, body, repeat, blank), from one Extract() and the page's decoded
// lines. `gangmu explain` prints it; tests/unit/explain_test.cc checks that every non-blank line
// of every bundled page is accounted for.
#ifndef GANGMU_EXPLAIN_H_
#define GANGMU_EXPLAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "extract.h"
#include "rule_set.h"

namespace gangmu {

struct LineAccount {
  int line = 0;       // 1-based input line.
  std::string fate;   // blank, removed, title, title_part, metadata, authors, reference,
                      // heading, body, repeat, page_header, unaccounted
  std::string rule;   // The rule or mechanism behind the fate ("" for body and blank).
  std::string text;   // The line as decoded.
};

// Runs Extract() on the page and accounts for each of its lines. `result` (may be null) gets
// the extraction's result.
std::vector<LineAccount> ExplainPage(std::string_view display_name, std::string_view bytes,
                                     const RuleSet& rules, const ExtractOptions& options = {},
                                     Result* result = nullptr);

// The accounts as aligned text, one line each ("  12  removed   shape:navigation  首页");
// `colour` adds ANSI colours by fate.
std::string FormatAccounts(const std::vector<LineAccount>& accounts, bool colour);

}  // namespace gangmu

#endif  // GANGMU_EXPLAIN_H_
