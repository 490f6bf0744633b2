// Stage 0: rule files -> RuleSet; see load_rules.h.
//
// The rule format is checked here by hand rather than with a schema validator so that each
// error points at the YAML node at fault (file:line:column) and names the rule's id;
// rules/README.md documents the format.
#include "load_rules.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>
#include <sstream>

#include "diagnostic.h"
#include "normalize_text.h"
#include "rule_keys.h"
#include "utf8.h"

namespace gangmu {
namespace {

namespace fs = std::filesystem;

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Reads one rule file, recording diagnostics instead of stopping at the first.
class FileReader {
 public:
  FileReader(const EmbeddedFile& file, std::vector<Diagnostic>* diagnostics)
      : name_(file.name), diagnostics_(diagnostics) {
    std::istringstream in(file.text);
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }

  const std::string& name() const { return name_; }

  std::vector<RuleProbe>* probes = nullptr;      // Where each rule is recorded for probing,
  std::vector<RuleExample>* examples = nullptr;  // and its `examples`.

  // Records a rule (its pattern, how it is matched) and its `examples: {match: [...],
  // keep: [...]}`, each a line of text.
  void Rule(const YAML::Node& rule, const std::string& kind, const std::string& id,
            const RE2* pattern, int max_chars = 0, bool anchored = false, bool on_text = false,
            bool whole = false) {
    if (!pattern || !probes) return;
    probes->push_back(
        {name_, rule.Mark().line + 1, kind, id, pattern, max_chars, anchored, on_text, whole});
    if (!rule.IsMap() || !examples) return;
    const YAML::Node node = rule["examples"];
    if (!node) return;
    if (!CheckMap(node, "examples", id, {"match", "keep"}, {})) return;
    for (const char* key : {"match", "keep"}) {
      const YAML::Node list = node[key];
      if (!list) continue;
      if (!list.IsSequence()) {
        Report(list.Mark(), id, std::string("'") + key + "' must be a list of lines");
        continue;
      }
      for (const auto& item : list) {
        if (!item.IsScalar()) {
          Report(item.Mark(), id, "an example must be a line of text");
          continue;
        }
        examples->push_back(
            {probes->size() - 1, item.Mark().line + 1, item.Scalar(), std::string(key) == "match"});
      }
    }
  }

  void Report(const YAML::Mark& mark, const std::string& rule_id, const std::string& message) {
    Diagnostic d;
    d.path = name_;
    if (!mark.is_null()) {
      d.line = mark.line + 1;
      if (mark.line >= 0 && mark.line < static_cast<int>(lines_.size())) {
        d.source_line = lines_[mark.line];
        // yaml-cpp counts columns in bytes; diagnostics count characters.
        d.column = static_cast<int>(
                       CountChars(std::string_view(d.source_line).substr(
                           0, std::min<size_t>(mark.column, d.source_line.size())))) +
                   1;
      }
    }
    d.message = rule_id.empty() ? message : "rule '" + rule_id + "': " + message;
    // A missing key is noticed both by the file's key check and by the reader of that key:
    // report it once.
    if (message.rfind("missing key '", 0) == 0) {
      const std::string token = message.substr(0, message.find('\'', 13) + 1);
      for (const auto& seen : *diagnostics_) {
        if (seen.path == d.path && seen.line == d.line && seen.column == d.column &&
            seen.message.find(token) != std::string::npos) {
          return;
        }
      }
    }
    diagnostics_->push_back(std::move(d));
  }

  // True when `node` is a mapping whose keys are all in `allowed` and hold every `required`.
  bool CheckMap(const YAML::Node& node, const std::string& what, const std::string& rule_id,
                const std::vector<std::string>& allowed,
                const std::vector<std::string>& required) {
    if (!node) return false;  // A missing key: the enclosing map's check reported it.
    if (!node.IsMap()) {
      Report(node.Mark(), rule_id, what + " must be a mapping");
      return false;
    }
    bool ok = true;
    std::set<std::string> seen;
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (!seen.insert(key).second) {
        // YAML keeps one of the two silently; which one the author meant is unknown.
        Report(kv.first.Mark(), rule_id, "duplicate key '" + key + "' in " + what);
        ok = false;
        continue;
      }
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string message = "unknown key '" + key + "' in " + what;
      std::string best;
      size_t best_distance = 3;
      for (const auto& candidate : allowed) {
        const size_t d = EditDistance(key, candidate);
        if (d < best_distance) best_distance = d, best = candidate;
      }
      if (!best.empty()) message += "; did you mean '" + best + "'?";
      Report(kv.first.Mark(), rule_id, message);
      ok = false;
    }
    for (const auto& key : required) {
      if (!seen.count(key)) {
        Report(node.Mark(), rule_id, "missing key '" + key + "' in " + what);
        ok = false;
      }
    }
    return ok;
  }

  std::string String(const YAML::Node& map, const std::string& key, const std::string& rule_id,
                     const std::string& fallback = "") {
    const YAML::Node node = map[key];
    if (!node) return fallback;
    if (!node.IsScalar()) {
      Report(node.Mark(), rule_id, "'" + key + "' must be a string");
      return fallback;
    }
    return node.Scalar();
  }

  int Int(const YAML::Node& map, const std::string& key, const std::string& rule_id, int fallback,
          int min, int max) {
    const YAML::Node node = map[key];
    if (!node) return fallback;
    int value = 0;
    if (!node.IsScalar() || !YAML::convert<int>::decode(node, value)) {
      Report(node.Mark(), rule_id, "'" + key + "' must be a whole number");
      return fallback;
    }
    if (value < min || value > max) {
      Report(node.Mark(), rule_id,
             "'" + key + "' must be between " + std::to_string(min) + " and " +
                 std::to_string(max));
      return fallback;
    }
    return value;
  }

  double Double(const YAML::Node& map, const std::string& key, const std::string& rule_id,
                double fallback, double min, double max) {
    const YAML::Node node = map[key];
    if (!node) return fallback;
    double value = 0;
    if (!node.IsScalar() || !YAML::convert<double>::decode(node, value)) {
      Report(node.Mark(), rule_id, "'" + key + "' must be a number");
      return fallback;
    }
    if (!(value >= min && value <= max)) {
      std::ostringstream range;
      range << "'" << key << "' must be between " << min << " and " << max;
      Report(node.Mark(), rule_id, range.str());
      return fallback;
    }
    return value;
  }

  bool Bool(const YAML::Node& map, const std::string& key, const std::string& rule_id,
            bool fallback) {
    const YAML::Node node = map[key];
    if (!node) return fallback;
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
      Report(node.Mark(), rule_id, "'" + key + "' must be true or false");
      return fallback;
    }
    return value;
  }

  // A scalar key as rule_keys.cc describes it (default, range) for this file; `section` is
  // its place ("shape", "lines[]", "" for the top level). Messages name `rule_id`, by default
  // the section.
  int KeyInt(const YAML::Node& map, std::string_view section, const char* key,
             const std::string& rule_id = "") {
    const RuleKey& d = Describe(section, key);
    return Int(map, key, Owner(section, rule_id), static_cast<int>(d.fallback),
               static_cast<int>(d.min), static_cast<int>(d.max));
  }
  double KeyNumber(const YAML::Node& map, std::string_view section, const char* key,
                   const std::string& rule_id = "") {
    const RuleKey& d = Describe(section, key);
    return Double(map, key, Owner(section, rule_id), d.fallback, d.min, d.max);
  }
  bool KeyBool(const YAML::Node& map, std::string_view section, const char* key,
               const std::string& rule_id = "") {
    return Bool(map, key, Owner(section, rule_id), Describe(section, key).fallback != 0);
  }
  std::u32string KeyChars(const YAML::Node& map, std::string_view section, const char* key,
                          const std::string& rule_id = "") {
    return Chars(map, key, Owner(section, rule_id), Describe(section, key).chars);
  }

  // map's keys against rule_keys.cc's rows for `section` of this file: unknown keys (with a
  // "did you mean"), keys given twice, missing required keys. False when map is no mapping or
  // a key is wrong.
  bool CheckSection(const YAML::Node& map, std::string_view section, const std::string& what,
                    const std::string& rule_id = "") {
    std::vector<std::string> allowed, required;
    for (const RuleKey* key : SectionKeys(File(), section)) {
      allowed.push_back(key->name);
      if (key->required) required.push_back(key->name);
    }
    return CheckMap(map, what, Owner(section, rule_id), allowed, required);
  }

  // A pattern key as rule_keys.cc describes it: compiled with the groups it needs, probed
  // as `kind` (the section by default); null when an optional key is absent.
  Regex KeyPattern(const YAML::Node& map, std::string_view section, const char* key,
                   const std::string& rule_id = "", const std::string& kind = "") {
    const RuleKey& d = Describe(section, key);
    if (!map[key] && !d.required) return nullptr;
    const std::string owner = Owner(section, rule_id);
    Regex re = Pattern(map, key, owner, Groups(section, key));
    Rule(map[key], kind.empty() ? owner : kind, key, re.get());
    return re;
  }

  // The named groups rule_keys.cc says a pattern key needs.
  std::vector<std::string> Groups(std::string_view section, const char* key) const {
    return Words(Describe(section, key).values);
  }

  // A key of one pattern or a list of them (Patterns) as rule_keys.cc describes it.
  std::vector<Regex> KeyPatterns(const YAML::Node& map, std::string_view section, const char* key,
                                 const std::string& rule_id = "") {
    return Patterns(map, key, Owner(section, rule_id), Groups(section, key));
  }

  // A choice key: one of the values rule_keys.cc lists, or its default when absent.
  std::string KeyChoice(const YAML::Node& map, std::string_view section, const char* key,
                        const std::string& rule_id = "") {
    const RuleKey& d = Describe(section, key);
    const std::string value = String(map, key, Owner(section, rule_id), d.chars);
    const std::vector<std::string> values = Words(d.values);
    if (std::find(values.begin(), values.end(), value) != values.end()) return value;
    std::string list;
    for (size_t i = 0; i < values.size(); ++i) {
      list += (i == 0 ? "'" : i + 1 == values.size() ? " or '" : ", '") + values[i] + "'";
    }
    Report(map[key].Mark(), Owner(section, rule_id), "'" + std::string(key) + "' must be " + list);
    return d.chars;
  }

  // Compiles map[key] as RE2; `groups` must all be named groups of the pattern.
  Regex Pattern(const YAML::Node& map, const std::string& key, const std::string& rule_id,
                const std::vector<std::string>& groups = {}) {
    const YAML::Node node = map[key];
    if (!node) {
      Report(map.Mark(), rule_id, "missing key '" + key + "'");
      return nullptr;
    }
    return Compile(node, key, rule_id, groups);
  }

  // Pattern(), recorded for probing as `kind` `key` (a file's single patterns: link_lists
  // item, compilation collection_title, ...).
  Regex Single(const YAML::Node& map, const std::string& key, const std::string& rule_id,
               const std::vector<std::string>& groups = {}, const std::string& kind = "") {
    Regex re = Pattern(map, key, rule_id, groups);
    Rule(map[key], kind.empty() ? rule_id : kind, key, re.get());
    return re;
  }

  // map[key] as one pattern or a list of them.
  std::vector<Regex> Patterns(const YAML::Node& map, const std::string& key,
                              const std::string& rule_id,
                              const std::vector<std::string>& groups = {}) {
    std::vector<Regex> out;
    const YAML::Node node = map[key];
    if (node && node.IsSequence()) {
      if (node.size() == 0) Report(node.Mark(), rule_id, "'" + key + "' must hold a pattern");
      for (const auto& item : node) {
        if (Regex re = Compile(item, key, rule_id, groups)) {
          Rule(item, rule_id, key, re.get());
          out.push_back(std::move(re));
        }
      }
    } else if (Regex re = Single(map, key, rule_id, groups)) {
      out.push_back(std::move(re));
    }
    return out;
  }

  Regex Compile(const YAML::Node& node, const std::string& key, const std::string& rule_id,
                const std::vector<std::string>& groups) {
    if (!node.IsScalar()) {
      Report(node.Mark(), rule_id, "'" + key + "' must be a string holding an RE2 pattern");
      return nullptr;
    }
    std::string pattern;
    if (!Expand(node, rule_id, &pattern)) return nullptr;
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<const RE2>(pattern, options);
    if (!re->ok()) {
      std::string message = "invalid RE2 pattern: " + re->error();
      if (pattern.find("(?=") != std::string::npos || pattern.find("(?!") != std::string::npos ||
          pattern.find("(?<=") != std::string::npos || pattern.find("(?<!") != std::string::npos) {
        message += " (RE2 has no look-around; match the context and capture the part you need)";
      } else if (re->error_code() == RE2::ErrorBadEscape && pattern.find("\\1") != std::string::npos) {
        message += " (RE2 has no backreferences)";
      }
      Report(node.Mark(), rule_id, message);
      return nullptr;
    }
    for (const auto& group : groups) {
      if (!re->NamedCapturingGroups().count(group)) {
        Report(node.Mark(), rule_id, "pattern needs a named group (?P<" + group + ">...)");
        return nullptr;
      }
    }
    return re;
  }

  // The file's `define:` mapping: names for pattern pieces that several patterns share. A
  // definition may use the ones above it; each must compile on its own.
  void Defines(const YAML::Node& node) {
    if (!node || node.IsNull()) return;
    if (!node.IsMap()) {
      Report(node.Mark(), "", "'define' must be a mapping of names to pattern pieces");
      return;
    }
    for (const auto& kv : node) {
      const std::string name = kv.first.Scalar();
      if (!RE2::FullMatch(name, "[A-Za-z_][A-Za-z0-9_]*")) {
        Report(kv.first.Mark(), "", "definition name '" + Abbreviate(name) +
                                        "' must be letters, digits and _ (used as (?&name))");
        continue;
      }
      if (defines_.count(name)) {
        Report(kv.first.Mark(), "", "duplicate definition '" + name + "'");
        continue;
      }
      if (Regex re = Compile(kv.second, "define", "", {})) {
        std::string piece;
        Expand(kv.second, "", &piece);
        defines_[name] = piece;
      }
    }
  }

  // node's pattern with every (?&name) replaced by (?:the definition); false (reported) for
  // a name the file does not define. RE2 rejects (?& itself, so no valid pattern holds it.
  bool Expand(const YAML::Node& node, const std::string& rule_id, std::string* out) {
    const std::string& pattern = node.Scalar();
    out->clear();
    size_t at = 0;
    for (size_t use; (use = pattern.find("(?&", at)) != std::string::npos;) {
      const size_t end = pattern.find(')', use);
      const std::string name =
          pattern.substr(use + 3, end == std::string::npos ? std::string::npos : end - use - 3);
      const auto it = defines_.find(name);
      if (end == std::string::npos || it == defines_.end()) {
        std::string known;
        for (const auto& d : defines_) known += (known.empty() ? "" : ", ") + d.first;
        Report(node.Mark(), rule_id,
               "unknown definition (?&" + Abbreviate(name) + "); " +
                   (known.empty() ? "this file has no 'define:' section"
                                  : "this file defines " + known));
        return false;
      }
      out->append(pattern, at, use - at).append("(?:").append(it->second).append(")");
      at = end + 1;
    }
    out->append(pattern, at, std::string::npos);
    return true;
  }

  std::u32string Chars(const YAML::Node& map, const std::string& key, const std::string& rule_id,
                       const std::string& fallback) {
    const std::string s = String(map, key, rule_id, fallback);
    std::u32string out;
    size_t len;
    for (size_t i = 0; i < s.size(); i += len) out.push_back(DecodeAt(s, i, &len));
    return out;
  }

 private:
  static std::string Owner(std::string_view section, const std::string& rule_id) {
    return rule_id.empty() ? std::string(section) : rule_id;
  }
  std::string File() const { return fs::path(name_).filename().string(); }
  const RuleKey& Describe(std::string_view section, const char* key) const {
    return FindRuleKey(File(), section, key);
  }

  std::string name_;
  std::vector<std::string> lines_;
  std::vector<Diagnostic>* diagnostics_;
  std::map<std::string, std::string> defines_;  // define: name -> expanded piece
};

// The sequence under map[key]; an absent key is an empty list.
std::vector<YAML::Node> List(FileReader& reader, const YAML::Node& map, const std::string& key) {
  std::vector<YAML::Node> out;
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return out;
  if (!node.IsSequence()) {
    reader.Report(node.Mark(), "", "'" + key + "' must be a list");
    return out;
  }
  for (const auto& item : node) out.push_back(item);
  return out;
}

std::string RuleId(FileReader& reader, const YAML::Node& rule) {
  if (rule.IsMap() && rule["id"] && rule["id"].IsScalar()) return rule["id"].Scalar();
  reader.Report(rule.Mark(), "", "rule without an 'id'");
  return "";
}

void LoadNormalize(FileReader& r, const YAML::Node& root, NormalizeRules* out) {
  // Keys are checked, then whatever the file holds is read: every error is reported at once.
  r.CheckSection(root, "", "normalize.yaml");
  if (!root.IsMap()) return;
  if (root["flattened"] && r.CheckSection(root["flattened"], "flattened", "flattened")) {
    const YAML::Node f = root["flattened"];
    out->flattened.cut = r.KeyPattern(f, "flattened", "cut");
    if (out->flattened.cut && out->flattened.cut->NumberOfCapturingGroups() < 1) {
      r.Report(f["cut"].Mark(), "flattened", "'cut' needs a group: the spaces to cut at");
      out->flattened.cut = nullptr;
    }
    out->flattened.min_chars = r.KeyInt(f, "flattened", "min_chars");
    out->flattened.min_cuts = r.KeyInt(f, "flattened", "min_cuts");
    out->flattened.min_share = r.KeyNumber(f, "flattened", "min_share");
  }
  for (const auto& node : List(r, root, "repairs")) {
    const std::string id = RuleId(r, node);
    if (!r.CheckSection(node, "repairs[]", "a repair", id)) continue;
    RepairRule rule{id, r.Pattern(node, "pattern", id), r.String(node, "replace", id)};
    if (rule.pattern) {
      std::string error;
      if (!rule.pattern->CheckRewriteString(rule.replace, &error)) {
        r.Report(node["replace"].Mark(), id, "invalid replacement: " + error);
        continue;
      }
      r.Rule(node, "repair", id, rule.pattern.get(), 0, false, true);
      out->repairs.push_back(std::move(rule));
    }
  }
  for (const auto& node : List(r, root, "checks")) {
    const std::string id = RuleId(r, node);
    if (!r.CheckSection(node, "checks[]", "a check", id)) continue;
    CheckRule rule{id, r.Pattern(node, "pattern", id), r.String(node, "message", id)};
    r.Rule(node, "check", id, rule.pattern.get(), 0, false, true);
    if (rule.pattern) out->checks.push_back(std::move(rule));
  }
}

void LoadFurnitureList(FileReader& r, const YAML::Node& parent, const std::string& key,
                       const std::string& what,
                       std::vector<FurnitureRule>* out) {
  for (const auto& node : List(r, parent, key)) {
    const std::string id = RuleId(r, node);
    // action, opens_link_list and opens_contents say what lies under a removed line: a phrase
    // rule removes no line, so rule_keys.cc gives them to lines[] only.
    if (!r.CheckSection(node, key + "[]", what, id)) continue;
    // A line rule's action; older files said opens_link_list: true.
    const std::string action = key == "lines" ? r.KeyChoice(node, "lines[]", "action", id) : "";
    FurnitureRule rule{id,
                       r.Pattern(node, "pattern", id),
                       r.KeyInt(node, key + "[]", "max_chars", id),
                       action == "open_link_list" ||
                           (key == "lines" && r.KeyBool(node, "lines[]", "opens_link_list", id)),
                       action == "open_contents" ||
                           (key == "lines" && r.KeyBool(node, "lines[]", "opens_contents", id)),
                       r.KeyInt(node, key + "[]", "min_symbols", id),
                       {}};  // The gate is built with the indexes.
    if (rule.opens_link_list && rule.opens_contents) {
      r.Report(node.Mark(), id, "a line opens a link list or a table of contents, not both");
    }
    r.Rule(node, key == "lines" ? "furniture line" : "furniture phrase", id, rule.pattern.get(),
           rule.max_chars);
    if (rule.pattern) out->push_back(std::move(rule));
  }
}

void LoadShape(FileReader& r, const YAML::Node& shape, ShapeRules* out) {
  if (!r.CheckSection(shape, "shape", "shape")) return;
  out->enabled = true;
  for (const auto& node : List(r, shape, "lexicons")) {
    const std::string id = RuleId(r, node);
    if (!r.CheckSection(node, "shape.lexicons[]", "a lexicon", id)) continue;
    Lexicon lexicon{id, r.KeyNumber(node, "shape.lexicons[]", "weight", id), nullptr};
    const YAML::Node words = node["words"];
    if (words && node["pattern"]) {
      r.Report(node.Mark(), id, "a lexicon has 'words' or a 'pattern', not both");
      continue;
    }
    if (words) {
      if (!words.IsSequence() || words.size() == 0) {
        r.Report(words.Mark(), id, "'words' must be a list of words");
        continue;
      }
      // Words are written as the view shows them: simplified, half-width; case is ignored.
      // Each is its own literal for the shape prefilter (ShapeScore), which finds them all in
      // one pass; no per-lexicon pattern is needed.
      std::vector<std::string> views;
      for (const auto& w : words) {
        if (!w.IsScalar() || w.Scalar().empty()) {
          r.Report(w.Mark(), id, "a word must be a non-empty string");
          continue;
        }
        Line probe;
        probe.text = w.Scalar();
        BuildView(&probe);
        views.push_back(probe.view);
      }
      if (views.size() != words.size()) continue;
      RE2::Options options;
      options.set_log_errors(false);
      options.set_case_sensitive(false);
      for (const auto& view : views) {
        out->words.push_back(std::make_unique<const RE2>(RE2::QuoteMeta(view), options));
        out->word_lexicon.push_back(static_cast<int>(out->lexicons.size()));
        out->word_chars.push_back(static_cast<int>(CountChars(view)));
      }
      out->lexicons.push_back(std::move(lexicon));
      continue;
    }
    lexicon.pattern = r.Pattern(node, "pattern", id);
    r.Rule(node, "lexicon", id, lexicon.pattern.get());
    if (!lexicon.pattern) continue;
    out->pattern_lexicons.push_back(static_cast<int>(out->lexicons.size()));
    out->lexicons.push_back(std::move(lexicon));
  }
  out->coverage_weight = r.KeyNumber(shape, "shape", "coverage_weight");
  out->items_weight = r.KeyNumber(shape, "shape", "items_weight");
  out->item_max_chars = r.KeyInt(shape, "shape", "item_max_chars");
  out->separators_weight = r.KeyNumber(shape, "shape", "separators_weight");
  out->symbols_weight = r.KeyNumber(shape, "shape", "symbols_weight");
  out->symbols_share = r.KeyNumber(shape, "shape", "symbols_share");
  out->sentence_weight = r.KeyNumber(shape, "shape", "sentence_weight");
  out->function_words_weight = r.KeyNumber(shape, "shape", "function_words_weight");
  out->function_words = r.KeyChars(shape, "shape", "function_words");
  for (const char32_t c : out->function_words) {
    if (c < 0x10000) out->function_word_bmp[c] = true;
  }
  out->function_words_min = r.KeyInt(shape, "shape", "function_words_min");
  out->long_weight = r.KeyNumber(shape, "shape", "long_weight");
  out->long_chars = r.KeyInt(shape, "shape", "long_chars");
  out->max_chars = r.KeyInt(shape, "shape", "max_chars");
  out->furniture_at = r.KeyNumber(shape, "shape", "furniture_at");
  out->strong_at = r.KeyNumber(shape, "shape", "strong_at");
  out->body_min_chars = r.KeyInt(shape, "shape", "body_min_chars");
  out->body_at = r.KeyNumber(shape, "shape", "body_at");
}

void LoadFurniture(FileReader& r, const YAML::Node& root, FurnitureRules* out) {
  r.CheckSection(root, "", "furniture.yaml");
  if (!root.IsMap()) return;
  LoadFurnitureList(r, root, "lines", "a line rule", &out->lines);
  LoadFurnitureList(r, root, "phrases", "a phrase rule", &out->phrases);
  const YAML::Node links = root["link_lists"];
  if (r.CheckSection(links, "link_lists", "link_lists")) {
    out->link_item = r.KeyPattern(links, "link_lists", "item");
    out->link_numbered_item = r.KeyPattern(links, "link_lists", "numbered_item");
    out->link_heading_item = r.KeyPattern(links, "link_lists", "heading_item");
    out->link_min_lines = r.KeyInt(links, "link_lists", "min_lines");
    out->link_max_chars = r.KeyInt(links, "link_lists", "max_chars");
  }
  if (root["shape"]) LoadShape(r, root["shape"], &out->shape);
}

void LoadSplit(FileReader& r, const YAML::Node& root, SplitRules* out) {
  // Keys are checked, then whatever the file holds is read: every error is reported at once.
  r.CheckSection(root, "", "split.yaml");
  if (!root.IsMap()) return;
  const YAML::Node comp = root["compilation"];
  if (r.CheckSection(comp, "compilation", "compilation")) {
    out->article_headers = r.KeyPatterns(comp, "compilation", "article_header");
    out->collection_title = r.KeyPattern(comp, "compilation", "collection_title");
    out->stem_number = r.KeyPattern(comp, "compilation", "stem_number");
    out->header_max_chars =
        r.KeyInt(comp, "compilation", "header_max_chars");
    out->collection_title_lines =
        r.KeyInt(comp, "compilation", "title_lines");
  }
  const YAML::Node answers = root["answers"];
  if (r.CheckSection(answers, "answers", "answers")) {
    out->card_max_chars = r.KeyInt(answers, "answers", "card_max_chars");
    out->answer_count = r.KeyPattern(answers, "answers", "count");
    out->answer_separator = r.KeyPattern(answers, "answers", "separator");
    out->answer_label = r.KeyPattern(answers, "answers", "label");
  }
}

// A metadata.yaml row of an action other than `take`, or an older file's top-level key read
// as one (not_author: … is a row with action reject_author and id not_author).
struct ActionRow {
  YAML::Node node;  // The pattern's node (for errors).
  std::string id;
  Regex pattern;
  std::string piece;  // The pattern with its (?&name) pieces expanded.
};

// The rows of one action as one pattern (?:a)|(?:b), in file order.
ActionRules JoinRows(FileReader& r, const YAML::Node& root, const RuleAction& action,
                     std::vector<ActionRow>* rows) {
  ActionRules out;
  if (rows->empty()) {
    if (action.required) {
      r.Report(root.Mark(), "",
               std::string("needs a row of 'lines' with 'action: ") + action.name +
                   "' (older files: the key '" + action.older_key + "')");
    }
    return out;
  }
  if (!action.many && rows->size() > 1) {
    r.Report((*rows)[1].node.Mark(), (*rows)[1].id,
             std::string("only one row may have 'action: ") + action.name + "' (the first is '" +
                 (*rows)[0].id + "'): its groups are read by position or name");
    return out;
  }
  for (const ActionRow& row : *rows) out.ids.push_back(row.id);
  if (rows->size() == 1) {
    out.any = std::move((*rows)[0].pattern);
    return out;
  }
  // RE2 would let two rows name a group alike and read only the first's: refused.
  std::map<std::string, std::string> groups;  // Group name -> the row that names it.
  for (const ActionRow& row : *rows) {
    for (const auto& [name, index] : row.pattern->NamedCapturingGroups()) {
      (void)index;
      const auto [it, fresh] = groups.emplace(name, row.id);
      if (!fresh) {
        r.Report(row.node.Mark(), row.id,
                 "group (?P<" + name + ">) is named by row '" + it->second + "' too: the rows " +
                     "with 'action: " + action.name +
                     "' are tried as one pattern, so each names its groups apart (" + name + ", " +
                     name + "2)");
        return out;
      }
    }
  }
  std::string joined;
  for (const ActionRow& row : *rows) joined += (joined.empty() ? "(?:" : "|(?:") + row.piece + ")";
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<const RE2>(joined, options);
  if (!re->ok()) {
    r.Report((*rows)[1].node.Mark(), (*rows)[1].id,
             std::string("the rows with 'action: ") + action.name +
                 "' cannot be tried as one pattern: " + re->error());
    return out;
  }
  out.any = std::move(re);
  for (ActionRow& row : *rows) out.rows.push_back(std::move(row.pattern));
  return out;
}

// A row's pattern compiled for its action: the groups the action needs, probed by
// `explain --line` and `test-rules` the way the action matches.
bool CompileRow(FileReader& r, const YAML::Node& node, const std::string& key,
                const std::string& id, const RuleAction& action, const YAML::Node& rule,
                ActionRow* row) {
  std::vector<std::string> groups;
  std::istringstream names(action.groups);
  for (std::string g; names >> g;) groups.push_back(g);
  row->node = node;
  row->id = id;
  row->pattern = r.Compile(node, key, id, groups);
  if (!row->pattern || !r.Expand(node, id, &row->piece)) return false;
  const std::string match = action.match;
  r.Rule(rule, std::string("metadata ") + action.name, id, row->pattern.get(), 0, match == "start",
         false, match == "whole");
  return true;
}

void LoadMetadata(FileReader& r, const YAML::Node& root, MetadataRules* out) {
  // Keys are checked, then whatever the file holds is read: every error is reported at once.
  r.CheckSection(root, "", "metadata.yaml");
  if (!root.IsMap()) return;
  static const std::set<std::string> kFields = {
      "author", "affiliation", "source", "issue", "url", "year", "month", "day",
      "keywords", "abstract", "label", "value", "title"};
  std::map<std::string, std::vector<ActionRow>> rows;  // Action -> its rows, in file order.
  for (const auto& node : List(r, root, "lines")) {
    const std::string id = RuleId(r, node);
    const std::string name = node.IsMap() ? r.String(node, "action", id, "take") : "take";
    const RuleAction* action = FindRuleAction("metadata.yaml", name);
    if (!action) {
      r.Report(node["action"].Mark(), id,
               "unknown action '" + Abbreviate(name) + "'; actions are " +
                   RuleActionNames("metadata.yaml"));
      continue;
    }
    if (name != "take") {
      for (const RuleKey* key : SectionKeys("metadata.yaml", "lines[]")) {
        if (*key->only_for && name != key->only_for && node[key->name]) {
          r.Report(node[key->name].Mark(), id,
                   std::string("'") + key->name +
                       "' applies to rows with 'action: " + key->only_for + "' only");
        }
      }
      if (!r.CheckSection(node, "lines[]", "a metadata rule", id)) continue;
      ActionRow row;
      if (CompileRow(r, node["pattern"], "pattern", id, *action, node, &row)) {
        rows[name].push_back(std::move(row));
      }
      continue;
    }
    if (!r.CheckSection(node, "lines[]", "a metadata rule", id)) continue;
    MetadataRule rule;
    rule.id = id;
    rule.pattern = r.Pattern(node, "pattern", id);
    const std::string where = r.KeyChoice(node, "lines[]", "where", id);
    rule.header_only = where == "header";
    rule.closing_only = where == "closing";
    rule.edges_only = where == "edges";
    rule.check_surname = r.KeyBool(node, "lines[]", "check_surname", id);
    rule.weak = r.KeyBool(node, "lines[]", "weak", id);
    const std::string consume = r.KeyChoice(node, "lines[]", "consume", id);
    rule.consume_match = consume == "match";
    rule.consume_none = consume == "none";
    rule.max_chars = r.KeyInt(node, "lines[]", "max_chars", id);
    if (!rule.pattern) continue;
    rule.fills_summary = rule.pattern->NamedCapturingGroups().count("abstract") > 0 ||
                         rule.pattern->NamedCapturingGroups().count("keywords") > 0;
    bool fields_ok = true;
    for (const auto& [group, index] : rule.pattern->NamedCapturingGroups()) {
      (void)index;
      if (!kFields.count(group)) {
        r.Report(node["pattern"].Mark(), id,
                 "unknown field group (?P<" + group +
                     ">); fields are author, affiliation, source, issue, url, year, month, day, "
                     "keywords, abstract, label, value, title");
        fields_ok = false;
      }
    }
    r.Rule(node, "metadata", id, rule.pattern.get(), rule.max_chars);
    if (fields_ok) out->lines.push_back(std::move(rule));
  }
  // An older file's keys (not_author: …, one pattern or a list) are rows named after the key,
  // after the rows of `lines`.
  for (const RuleAction& action : RuleActions()) {
    if (!*action.older_key || action.file != std::string("metadata.yaml")) continue;
    const YAML::Node node = root[action.older_key];
    if (!node) continue;
    if (node.IsSequence() && node.size() == 0) {
      r.Report(node.Mark(), action.older_key,
               std::string("'") + action.older_key + "' must hold a pattern");
    }
    for (const YAML::Node& item : node.IsSequence()
                                      ? std::vector<YAML::Node>(node.begin(), node.end())
                                      : std::vector<YAML::Node>{node}) {
      ActionRow row;
      if (CompileRow(r, item, action.older_key, action.older_key, action, item, &row)) {
        rows[action.name].push_back(std::move(row));
      }
    }
  }
  const std::pair<const char*, ActionRules*> slots[] = {
      {"names", &out->names},
      {"one_name", &out->one_name},
      {"reject_author", &out->reject_author},
      {"reject_source", &out->reject_source},
      {"reject_title", &out->reject_title},
      {"open_references", &out->open_references},
      {"reference", &out->reference},
      {"page_date", &out->page_date},
      {"trim_site", &out->trim_site},
      {"trim_counter", &out->trim_counter},
      {"trim_column", &out->trim_column},
      {"join_title", &out->join_title},
      {"cut_title", &out->cut_title},
      {"trim_affiliation", &out->trim_affiliation},
  };
  for (const auto& [name, slot] : slots) {
    *slot = JoinRows(r, root, *FindRuleAction("metadata.yaml", name), &rows[name]);
  }
  // Not probed: it splits a field's value, it matches no line.
  out->list_separator =
      r.Pattern(root, "list_separator", "list_separator", r.Groups("", "list_separator"));
  // Without a title_choice section every weight takes its default from rule_keys.cc.
  const YAML::Node t =
      root["title_choice"] ? root["title_choice"] : YAML::Node(YAML::NodeType::Map);
  if (r.CheckSection(t, "title_choice", "title_choice")) {
    TitleWeights& w = out->title_weights;
    w.repeated = r.KeyNumber(t, "title_choice", "repeated");
    w.before_metadata = r.KeyNumber(t, "title_choice", "before_metadata");
    w.book_title = r.KeyNumber(t, "title_choice", "book_title");
    w.han = r.KeyNumber(t, "title_choice", "han");
    w.too_short = r.KeyNumber(t, "title_choice", "too_short");
    w.min_chars = r.KeyInt(t, "title_choice", "min_chars");
    w.before_body = r.KeyNumber(t, "title_choice", "before_body");
    w.first = r.KeyNumber(t, "title_choice", "first");
    w.search_lines = r.KeyInt(t, "title_choice", "search_lines");
    w.restated_tail = r.KeyNumber(t, "title_choice", "restated_tail");
    w.question_max_chars =
        r.KeyInt(t, "title_choice", "question_max_chars");
    w.exclamation_min_chars =
        r.KeyInt(t, "title_choice", "exclamation_min_chars");
    w.notice_lines = r.KeyInt(t, "title_choice", "notice_lines");
    w.own_title_lines = r.KeyInt(t, "title_choice", "own_title_lines");
    w.category_prefix_chars =
        r.KeyInt(t, "title_choice", "category_prefix_chars");
    w.repeat_lines = r.KeyInt(t, "title_choice", "repeat_lines");
  }
  out->surnames = r.KeyChars(root, "", "surnames");
  out->author_marks = r.KeyChars(root, "", "author_marks");
  out->name_separators = r.KeyChars(root, "", "name_separators");
  {
    std::string set;
    for (const char32_t c : out->name_separators) {
      char bytes[4];
      set += RE2::QuoteMeta(std::string(bytes, EncodeUtf8(c, bytes)));
    }
    if (set.empty()) set = "\\x{0}";  // No separator: a class that matches nothing on a page.
    out->name_item = std::make_unique<const RE2>("\\s*([^" + set + "]+?)\\s*(?:[" + set + "]|$)");
    out->name_separator = std::make_unique<const RE2>("\\s*[" + set + "]\\s*");
  }
  for (const auto& node : List(r, root, "compound_surnames")) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      r.Report(node.Mark(), "compound_surnames", "a surname must be a non-empty string");
      continue;
    }
    out->compound_surnames.push_back(node.Scalar());
  }
  out->field_rest_max_chars =
      r.KeyInt(root, "", "field_rest_max_chars");
  out->closing_max_chars = r.KeyInt(root, "", "closing_max_chars");
  out->title_max_chars = r.KeyInt(root, "", "title_max_chars");
}

void LoadHeadings(FileReader& r, const YAML::Node& root, HeadingRules* out) {
  // Keys are checked, then whatever the file holds is read: every error is reported at once.
  r.CheckSection(root, "", "headings.yaml");
  if (!root.IsMap()) return;
  out->sentence_end = r.KeyChars(root, "", "sentence_end");
  out->inline_after = r.KeyChars(root, "", "inline_after");
  out->closing = r.KeyChars(root, "", "closing");
  out->heading_end = r.KeyChars(root, "", "heading_end");
  out->short_line_chars = r.KeyInt(root, "", "short_line_chars");
  out->runon_min_chars = r.KeyInt(root, "", "runon_min_chars");
  out->page_break_min_chars =
      r.KeyInt(root, "", "page_break_min_chars");
  out->heading_body_min_chars =
      r.KeyInt(root, "", "heading_body_min_chars");
  out->heading_trail = r.KeyChars(root, "", "heading_trail");
  out->heading_body_inner = r.KeyChars(root, "", "heading_body_inner");
  std::set<std::string> ids;
  const std::vector<YAML::Node> families = List(r, root, "families");
  if (families.empty()) r.Report(root.Mark(), "", "no marker families");
  for (const auto& node : families) {
    const std::string id = RuleId(r, node);
    if (!r.CheckSection(node, "families[]", "a marker family", id)) continue;
    if (!ids.insert(id).second) r.Report(node["id"].Mark(), id, "duplicate family id");
    MarkerFamily family;
    family.id = id;
    family.rank = r.KeyInt(node, "families[]", "rank", id);
    family.pattern = r.Pattern(node, "pattern", id, r.Groups("families[]", "pattern"));
    const std::string numeral = r.KeyChoice(node, "families[]", "numeral", id);
    family.numeral = numeral == "chinese"   ? Numeral::kChinese
                     : numeral == "circled" ? Numeral::kCircled
                     : numeral == "stem"    ? Numeral::kStem
                                            : Numeral::kArabic;
    family.inline_ok = r.KeyBool(node, "families[]", "inline", id);
    family.runon_trigger = r.KeyBool(node, "families[]", "runon_trigger", id);
    family.needs_sequence = r.KeyBool(node, "families[]", "needs_sequence", id);
    family.alone = r.KeyBool(node, "families[]", "alone", id);
    family.runon_until_heading = r.KeyBool(node, "families[]", "runon_until_heading", id);
    family.max_number = r.KeyInt(node, "families[]", "max_number", id);
    r.Rule(node, "marker family", id, family.pattern.get(), 0, true);
    if (family.pattern) out->families.push_back(std::move(family));
  }
}

}  // namespace

namespace {

template <typename Rule>
std::vector<const RE2*> Patterns(const std::vector<Rule>& rules) {
  std::vector<const RE2*> out;
  for (const auto& rule : rules) out.push_back(rule.pattern.get());
  return out;
}

// The indexes are built from the loaded patterns, so they can never disagree with them.
// The prefilters compile every pattern again and cost more than reading the files; each is
// built on a thread of its own as soon as its file is read, while the main thread reads the
// next files (loading is the serial part of a run with --jobs). Each thread writes its own
// members of the rule set; the destructor joins them, on errors too.
class IndexBuilders {
 public:
  ~IndexBuilders() { Join(); }
  void Join() {
    for (auto& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  // Metadata and split rules: one-byte atoms are punctuation most lines hold (':'), and a
  // metadata rule run on every line with a colon cost more than the pass saved (measured:
  // 49 M -> 87 M instructions on 40 pages).
  static constexpr int kMinAtomBytes = 2;

  void Furniture(FurnitureRules* furniture) {
    threads_.emplace_back([furniture] {
      std::vector<const RE2*> patterns = Patterns(furniture->phrases);
      for (const RE2* p : Patterns(furniture->lines)) patterns.push_back(p);
      // One-byte atoms (| > * #) are what the literal-free furniture rules need (a menu row's
      // bars, a trail's >, a masked name's *): without them eight line rules ran on every
      // short line (measured: FilterBoilerplate 120 M -> 87 M instructions on 40 pages).
      furniture->prefilter.Build(patterns, 1);
    });
    threads_.emplace_back([furniture] {
      ShapeRules& shape = furniture->shape;
      std::vector<const RE2*> lexicon_patterns;
      for (const auto& w : shape.words) lexicon_patterns.push_back(w.get());
      for (const int l : shape.pattern_lexicons) {
        lexicon_patterns.push_back(shape.lexicons[l].pattern.get());
      }
      // Every word is searched, however short (©, qq): words are exact literals.
      shape.prefilter.Build(lexicon_patterns, 1);
    });
  }

  void Metadata(MetadataRules* metadata) {
    threads_.emplace_back(
        [metadata] { metadata->prefilter.Build(Patterns(metadata->lines), kMinAtomBytes); });
    threads_.emplace_back([metadata] {
      std::vector<const RE2*> body;
      metadata->body_rules.clear();
      for (size_t i = 0; i < metadata->lines.size(); ++i) {
        const MetadataRule& rule = metadata->lines[i];
        if (rule.header_only || rule.closing_only || rule.edges_only) continue;
        metadata->body_rules.push_back(static_cast<int>(i));
        body.push_back(rule.pattern.get());
      }
      metadata->body_prefilter.Build(body, kMinAtomBytes);
    });
  }

 private:
  std::vector<std::thread> threads_;
};

// The small indexes, on the main thread once every file is read.
void BuildIndexes(RuleSet* rules) {
  std::vector<const RE2*> patterns = Patterns(rules->normalize.repairs);
  for (const RE2* p : Patterns(rules->normalize.checks)) patterns.push_back(p);
  // Repairs look for rare bytes ('<', '&', '#'): one-byte atoms are worth it there.
  rules->normalize.prefilter.Build(patterns, 1);
  rules->headings.family_index.Build(Patterns(rules->headings.families), RE2::ANCHOR_START);
  FurnitureRules& furniture = rules->furniture;
  // First-byte gates: a rule without literals, anchored at the line's start, runs only on lines
  // opening with a byte its match can open with.
  for (FurnitureRule& rule : furniture.lines) rule.gate.Build(*rule.pattern);
  for (MetadataRule& rule : rules->metadata.lines) rule.gate.Build(*rule.pattern);
  rules->metadata.open_references_gate.Build(*rules->metadata.open_references);
  if (rules->metadata.reference) {
    rules->metadata.reference_gate.Build(*rules->metadata.reference);
  }
  if (furniture.link_item) furniture.link_item_gate.Build(*furniture.link_item);
  if (furniture.link_numbered_item) furniture.link_numbered_gate.Build(*furniture.link_numbered_item);
  if (furniture.link_heading_item) furniture.link_heading_gate.Build(*furniture.link_heading_item);
  std::vector<const RE2*> split;
  for (const Regex& header : rules->split.article_headers) split.push_back(header.get());
  split.push_back(rules->split.answer_separator.get());
  split.push_back(rules->split.answer_count.get());
  if (rules->split.answer_label) split.push_back(rules->split.answer_label.get());
  rules->split.prefilter.Build(split, IndexBuilders::kMinAtomBytes);
  for (const char32_t c : rules->headings.inline_after) {
    char bytes[4];
    EncodeUtf8(c, bytes);
    rules->headings.inline_after_lead[static_cast<unsigned char>(bytes[0])] = true;
  }
}

}  // namespace

const std::vector<std::string>& RuleFileNames() {
  static const std::vector<std::string> names = {"normalize.yaml", "furniture.yaml", "split.yaml",
                                                 "metadata.yaml", "headings.yaml"};
  return names;
}

std::shared_ptr<const RuleSet> LoadRules(const std::vector<EmbeddedFile>& files) {
  auto rules = std::make_shared<RuleSet>();
  std::vector<Diagnostic> diagnostics;
  IndexBuilders indexes;  // Joined before `rules` is returned or dropped.
  for (const auto& wanted : RuleFileNames()) {
    const EmbeddedFile* file = nullptr;
    for (const auto& f : files) {
      if (fs::path(f.name).filename() == wanted) file = &f;
    }
    if (!file) {
      diagnostics.push_back({wanted, 0, 0, "rule file missing", ""});
      continue;
    }
    rules->sources.push_back(file->name);
    FileReader reader(*file, &diagnostics);
    reader.probes = &rules->probes;
    reader.examples = &rules->examples;
    YAML::Node root;
    try {
      root = YAML::Load(file->text);
    } catch (const YAML::Exception& e) {
      reader.Report(e.mark, "", "invalid YAML: " + e.msg);
      continue;
    }
    try {
      if (root.IsMap()) reader.Defines(root["define"]);
      if (wanted == "normalize.yaml") LoadNormalize(reader, root, &rules->normalize);
      if (wanted == "furniture.yaml") {
        LoadFurniture(reader, root, &rules->furniture);
        if (diagnostics.empty()) indexes.Furniture(&rules->furniture);
      }
      if (wanted == "split.yaml") LoadSplit(reader, root, &rules->split);
      if (wanted == "metadata.yaml") {
        LoadMetadata(reader, root, &rules->metadata);
        if (diagnostics.empty()) indexes.Metadata(&rules->metadata);
      }
      if (wanted == "headings.yaml") LoadHeadings(reader, root, &rules->headings);
    } catch (const YAML::Exception& e) {
      // A list where a mapping was expected and the like: yaml-cpp throws on iteration.
      reader.Report(e.mark, "", "unexpected structure: " + e.msg);
    }
  }
  if (!diagnostics.empty()) throw Error(std::move(diagnostics));
  BuildIndexes(rules.get());
  indexes.Join();
  return rules;
}

std::shared_ptr<const RuleSet> LoadDefaultRules() { return LoadRules(DefaultRuleFiles()); }

std::shared_ptr<const RuleSet> LoadRulesFromDirectory(const std::string& dir) {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  std::vector<Diagnostic> diagnostics;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw Error({{dir, 0, 0, "not a folder of rule files", ""}});
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    const std::string name = path.filename().string();
    auto it = std::find_if(files.begin(), files.end(), [&](const EmbeddedFile& f) {
      return fs::path(f.name).filename() == name;
    });
    if (it == files.end()) {
      std::string known;
      for (const auto& n : RuleFileNames()) known += (known.empty() ? "" : ", ") + n;
      diagnostics.push_back(
          {path.string(), 0, 0, "not a rule file gangmu knows; expected one of " + known, ""});
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
      diagnostics.push_back({path.string(), 0, 0, "cannot read", ""});
      continue;
    }
    *it = {path.string(), text.str()};
  }
  if (!diagnostics.empty()) throw Error(std::move(diagnostics));
  return LoadRules(files);
}

ProbeResult ProbeMatches(const RuleProbe& probe, const Line& line) {
  const std::string_view subject =
      probe.on_text ? std::string_view(line.text) : TrimmedView(line.view);
  if (probe.max_chars > 0 && CountChars(subject) > static_cast<size_t>(probe.max_chars)) {
    return ProbeResult::kTooLong;
  }
  const re2::StringPiece piece(subject.data(), subject.size());
  const RE2::Anchor anchor = probe.whole      ? RE2::ANCHOR_BOTH
                             : probe.anchored ? RE2::ANCHOR_START
                                              : RE2::UNANCHORED;
  const bool matched = probe.pattern->Match(piece, 0, piece.size(), anchor, nullptr, 0);
  return matched ? ProbeResult::kMatch : ProbeResult::kNoMatch;
}

std::vector<std::string> RunRuleExamples(const RuleSet& rules) {
  std::vector<std::string> failures;
  for (const RuleExample& ex : rules.examples) {
    const RuleProbe& probe = rules.probes[ex.probe];
    Line line;
    line.text = ex.text;
    BuildView(&line);
    const ProbeResult result = ProbeMatches(probe, line);
    const bool matched = result == ProbeResult::kMatch;
    const bool fits = result != ProbeResult::kTooLong;
    if (matched == ex.match) continue;
    failures.push_back(probe.file + ":" + std::to_string(ex.line) + ": rule " + probe.rule +
                       ": example '" + Abbreviate(ex.text, 60) + "' expected " +
                       (ex.match ? "a match, got none" : "no match, got one") +
                       (ex.match && !fits ? " (longer than max_chars)" : ""));
  }
  return failures;
}

}  // namespace gangmu
