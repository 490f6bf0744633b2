// Stage 0: rules/*.yaml -> compiled RuleSet. Every file is checked against the rule format
// (unknown keys with a "did you mean" hint, wrong types, missing keys, RE2 errors) and every
// error of every file is collected before LoadRules throws gangmu::Error. Covered by
// tests/unit/load_rules_test.cc.
#ifndef GANGMU_LOAD_RULES_H_
#define GANGMU_LOAD_RULES_H_

#include <memory>
#include <string>
#include <vector>

#include "document.h"
#include "embedded_files.h"
#include "rule_set.h"

namespace gangmu {

// The rule files gangmu reads, in load order.
const std::vector<std::string>& RuleFileNames();

// Compiles a rule set from files given as (display name, text); every name in RuleFileNames()
// must be present once. Throws Error with every diagnostic found.
std::shared_ptr<const RuleSet> LoadRules(const std::vector<EmbeddedFile>& files);

// The built-in rules (compiled into the binary).
std::shared_ptr<const RuleSet> LoadDefaultRules();

// How a rule fares on one line by itself: matched on its view (its text for a repair or a
// check; at its start for a marker family), or the line is longer than its max_chars.
enum class ProbeResult { kMatch, kNoMatch, kTooLong };
ProbeResult ProbeMatches(const RuleProbe& probe, const Line& line);

// Runs every rule's examples (RuleSet::examples) on the line view a page's line would have,
// as the rule is matched (a line rule within its max_chars, a marker family at the line's
// start, a repair on the text); one message per example that does not hold:
// "file:line: rule id: example '…' expected a match, got none" (or the reverse).
std::vector<std::string> RunRuleExamples(const RuleSet& rules);

// The built-in rules with each file present in `dir` replacing its built-in namesake. A .yaml
// file in `dir` that is not a rule file is an error.
std::shared_ptr<const RuleSet> LoadRulesFromDirectory(const std::string& dir);

}  // namespace gangmu

#endif  // GANGMU_LOAD_RULES_H_
