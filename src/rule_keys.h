// Every key of the rule files, described once: file, section, name, type, whether it is
// required, default, range or allowed values, and meaning. The loader checks each mapping's
// keys against it (unknown, missing) and reads each key through its description (default,
// range, groups a pattern needs, allowed values); `gangmu rule-keys` prints the reference;
// tests/unit/rule_keys_test.cc checks that schemas/rules.schema.json and the key reference in
// rules/README.md say exactly what this table says. The actions of metadata rows are
// described the same way (RuleActions).
#ifndef GANGMU_RULE_KEYS_H_
#define GANGMU_RULE_KEYS_H_

#include <string>
#include <string_view>
#include <vector>

namespace gangmu {

// kPattern: one RE2 pattern; kPatterns: one or a list; kChoice: one of `values`; kText: free
// text; kList, kMap: a list or mapping that other rows describe (section "lines[]" holds the
// keys of each item of lines, "shape" those of the shape mapping).
enum class KeyType {
  kInt,
  kNumber,
  kBool,
  kChars,
  kPattern,
  kPatterns,
  kChoice,
  kText,
  kList,
  kMap
};

struct RuleKey {
  const char* file;     // furniture.yaml
  const char* section;  // "" (the file's top level), "shape", "lines[]" (each rule of lines)
  const char* name;
  KeyType type;
  double fallback;      // kInt, kNumber; kBool: 0 or 1
  double min, max;      // kInt, kNumber
  const char* chars;    // kChars: the default set; kChoice: the default value
  const char* meaning;
  bool required = false;
  const char* values = "";    // kPattern(s): the named groups it needs; kChoice: the values
  const char* only_for = "";  // A rule key that only rows with this action take ("take")
};

const std::vector<RuleKey>& RuleKeys();

// What a line rule does (its `action`: furniture.yaml's and metadata.yaml's `lines`),
// described once as the keys are:
// the loader checks rows against it, `gangmu rule-keys` prints it, and scripts/sync_rule_keys.py
// writes it into the schema's enum and the README's table. A new case of an action is a row;
// only a new action needs code.
struct RuleAction {
  const char* file;    // metadata.yaml
  const char* name;    // take, reject_author …
  const char* groups;  // the named groups each of its rows needs, space-separated
  const char* match;   // where its pattern must match: "whole" line (or value), "start", "anywhere"
  bool many;           // several rows may have it: they are tried as one, (?:a)|(?:b)
  bool required;       // the file needs a row of it
  const char* older_key;  // how older files wrote it ("" none), still read: a top-level key
                          // (metadata.yaml) or a switch of the rule (furniture.yaml)
  const char* meaning;
};

const std::vector<RuleAction>& RuleActions();
// The action `name` of `file`, or null.
const RuleAction* FindRuleAction(std::string_view file, std::string_view name);
// The actions of `file`, as a message lists them: "take, names, reject_author …".
std::string RuleActionNames(std::string_view file);

// The description of file/section/name (file without folder). A key the table lacks is a
// programming error: it throws std::logic_error naming it.
const RuleKey& FindRuleKey(std::string_view file, std::string_view section, std::string_view name);

// The keys of one mapping: file/section's rows, in table order.
std::vector<const RuleKey*> SectionKeys(std::string_view file, std::string_view section);
// The words of a space-separated list (a pattern's groups, a choice's values).
std::vector<std::string> Words(const char* list);

// The key's place as written in rules/README.md: `shape.max_chars`, `lines[].max_chars`.
std::string KeyPath(const RuleKey& key);
// Its type as the reference names it: integer, number, boolean, string, pattern, patterns,
// choice, text, list, mapping.
const char* SchemaType(KeyType type);
// Its default as written in YAML: 200, 0.5, true, '的了是' ("" for keys without one).
std::string DefaultText(const RuleKey& key);

// The reference: one Markdown table per file and one of the actions (rules/README.md holds a
// copy), or JSON Lines (keys, then actions with "action" in place of "name").
std::string RuleKeysMarkdown();
std::string RuleKeysJson();

}  // namespace gangmu

#endif  // GANGMU_RULE_KEYS_H_
