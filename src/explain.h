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
#include "filter_boilerplate.h"
#include "load_rules.h"
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

// Every rule of the rule files tried on one line by itself (its text, viewed as a page line
// is), and the line's shape score with the lexicons and features that made it: what
// `gangmu explain --line N` adds under the line's fate. Where the page decided otherwise (a
// rule that matches but whose place on the page did not fit), the fate above says so.
struct RuleTrial {
  const RuleProbe* probe = nullptr;
  ProbeResult result = ProbeResult::kNoMatch;
};
struct LineTrials {
  std::string view;               // The line as the rules see it.
  std::vector<RuleTrial> trials;  // Matches first, then lines too long, then the rest.
  bool shape_enabled = false;
  double shape_score = 0;
  ShapeTerms shape_terms;
};
LineTrials TryRules(const std::string& text, const RuleSet& rules);
std::string FormatTrials(const LineTrials& trials, const RuleSet& rules, bool colour);
const char* ProbeResultName(ProbeResult result);  // "match", "no match", "longer than max_chars"

// The accounts as aligned text, one line each ("  12  removed   shape:navigation  首页");
// `colour` adds ANSI colours by fate.
std::string FormatAccounts(const std::vector<LineAccount>& accounts, bool colour);

}  // namespace gangmu

#endif  // GANGMU_EXPLAIN_H_
