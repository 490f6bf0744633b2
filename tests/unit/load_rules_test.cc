// Stage 0: load_rules.cc. Error messages are checked by their exact text.
#include "load_rules.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "diagnostic.h"
#include "explain.h"
#include "extract.h"
#include "rule_keys.h"
#include "test_helpers.h"
#include "write_json.h"

using namespace gangmu;

namespace {

// The built-in files with `name` replaced by `text`.
std::vector<EmbeddedFile> With(const std::string& name, const std::string& text) {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name == "rules/" + name) f = {"my/" + name, text};
  }
  return files;
}

std::string LoadError(const std::vector<EmbeddedFile>& files) {
  try {
    LoadRules(files);
  } catch (const Error& e) {
    return e.what();
  }
  return "(loaded)";
}

const char* kMinimalHeadings =
    "families:\n"
    "  - id: cn_dun\n"
    "    rank: 10\n"
    "    pattern: '(?P<num>[一二三])、'\n"
    "    numeral: chinese\n";

}  // namespace

TEST_CASE("rules: the built-in rules load", "[rules]") {
  auto rules = LoadDefaultRules();
  CHECK(rules->headings.families.size() >= 10);
  CHECK(rules->furniture.lines.size() >= 5);
  CHECK(rules->sources.size() == RuleFileNames().size());
}

TEST_CASE("rules: a minimal headings file loads", "[rules]") {
  auto rules = LoadRules(With("headings.yaml", kMinimalHeadings));
  REQUIRE(rules->headings.families.size() == 1);
  CHECK(rules->headings.families[0].id == "cn_dun");
}

TEST_CASE("rules: an invalid RE2 pattern names file, line, column and rule", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "families:\n"
                       "  - id: broken\n"
                       "    rank: 10\n"
                       "    pattern: '(?P<num>[一二三]、'\n"
                       "    numeral: chinese\n")) ==
        "my/headings.yaml:4:14: rule 'broken': invalid RE2 pattern: missing ): (?P<num>[一二三]、\n"
        "        pattern: '(?P<num>[一二三]、'\n"
        "                 ^");
}

TEST_CASE("rules: look-around gets a hint", "[rules]") {
  const std::string error = LoadError(With("headings.yaml",
                                           "families:\n"
                                           "  - id: la\n"
                                           "    rank: 10\n"
                                           "    pattern: '(?P<num>\\d)(?=、)'\n"
                                           "    numeral: arabic\n"));
  CHECK(error.rfind("my/headings.yaml:4:14: rule 'la': invalid RE2 pattern: invalid perl operator: "
                    "(?= (RE2 has no look-around; match the context and capture the part you "
                    "need)",
                    0) == 0);
}

TEST_CASE("rules: an unknown key gets a did-you-mean hint; all errors are reported", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "families:\n"
                       "  - id: a\n"
                       "    rank: 10\n"
                       "    patern: 'x'\n"
                       "    numeral: chinese\n"
                       "  - id: b\n"
                       "    rank: ten\n"
                       "    pattern: '(?P<num>x)'\n"
                       "    numeral: roman\n")) ==
        "my/headings.yaml:4:5: rule 'a': unknown key 'patern' in a marker family; did you mean "
        "'pattern'?\n"
        "        patern: 'x'\n"
        "        ^\n"
        "my/headings.yaml:2:5: rule 'a': missing key 'pattern' in a marker family\n"
        "      - id: a\n"
        "        ^\n"
        "my/headings.yaml:7:11: rule 'b': 'rank' must be a whole number\n"
        "        rank: ten\n"
        "              ^\n"
        "my/headings.yaml:9:14: rule 'b': 'numeral' must be 'chinese', 'arabic', 'circled' or "
        "'stem'\n"
        "        numeral: roman\n"
        "                 ^");
}

TEST_CASE("rules: invalid YAML is reported with its position", "[rules]") {
  CHECK(LoadError(With("split.yaml", "compilation: [a, b\n")) ==
        "my/split.yaml:2: invalid YAML: end of sequence flow not found");
}

TEST_CASE("rules: a pattern without its required group is refused", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "families:\n"
                       "  - id: nogroup\n"
                       "    rank: 10\n"
                       "    pattern: '[一二三]、'\n"
                       "    numeral: chinese\n")) ==
        "my/headings.yaml:4:14: rule 'nogroup': pattern needs a named group (?P<num>...)\n"
        "        pattern: '[一二三]、'\n"
        "                 ^");
}

TEST_CASE("rules: a missing rule file is reported", "[rules]") {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  files.pop_back();
  CHECK(LoadError(files).find(": rule file missing") != std::string::npos);
}

TEST_CASE("rules: a wrong type where a list belongs", "[rules]") {
  CHECK(LoadError(With("headings.yaml", "families: 3\n")) ==
        "my/headings.yaml:1:11: 'families' must be a list\n"
        "    families: 3\n"
        "              ^\n"
        "my/headings.yaml:1:1: no marker families\n"
        "    families: 3\n"
        "    ^");
}

TEST_CASE("rules: a backreference gets a hint", "[rules]") {
  CHECK(LoadError(With("normalize.yaml",
                       "repairs:\n"
                       "  - id: doubled\n"
                       "    pattern: '(\\p{Han})\\1'\n"
                       "    replace: '\\1'\n")) ==
        "my/normalize.yaml:3:14: rule 'doubled': invalid RE2 pattern: invalid escape sequence: \\1 "
        "(RE2 has no backreferences)\n"
        "        pattern: '(\\p{Han})\\1'\n"
        "                 ^");
}

TEST_CASE("rules: look-behind gets the same hint, with the line quoted", "[rules]") {
  CHECK(LoadError(With("furniture.yaml",
                       "lines:\n"
                       "  - id: lb\n"
                       "    pattern: '(?<=来源)X'\n"
                       "link_lists:\n"
                       "  item: '^x$'\n")) ==
        "my/furniture.yaml:3:14: rule 'lb': invalid RE2 pattern: invalid perl operator: (?< "
        "(RE2 has no look-around; match the context and capture the part you need)\n"
        "        pattern: '(?<=来源)X'\n"
        "                 ^");
}

TEST_CASE("rules: invalid YAML inside a file points at line and column", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "families:\n"
                       "  - id: a\n"
                       "    rank: 1\n"
                       "   pattern: x\n")) ==
        "my/headings.yaml:4:4: invalid YAML: end of sequence not found\n"
        "       pattern: x\n"
        "       ^");
}

TEST_CASE("rules: wrong scalar types are named", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "families:\n"
                       "  - id: a\n"
                       "    rank: 1\n"
                       "    pattern: '(?P<num>\\d)、'\n"
                       "    numeral: arabic\n"
                       "    inline: maybe\n"
                       "    max_number: [3]\n")) ==
        "my/headings.yaml:6:13: rule 'a': 'inline' must be true or false\n"
        "        inline: maybe\n"
        "                ^\n"
        "my/headings.yaml:7:17: rule 'a': 'max_number' must be a whole number\n"
        "        max_number: [3]\n"
        "                    ^");
}

TEST_CASE("rules: errors in several files are all reported", "[rules]") {
  std::vector<EmbeddedFile> files = With("split.yaml", "compilation: 3\nanswers: {}\n");
  for (auto& f : files) {
    if (f.name == "rules/metadata.yaml") f = {"my/metadata.yaml", "lines: []\n"};
  }
  const std::string error = LoadError(files);
  CHECK(error.find("my/split.yaml:1:14: rule 'compilation':") != std::string::npos);
  CHECK(error.find("my/split.yaml:2:10: rule 'answers': missing key 'count'") != std::string::npos);
  CHECK(error.find("my/metadata.yaml:1:1: missing key 'list_separator'") != std::string::npos);
}

TEST_CASE("rules: article_header takes one pattern or a list; a bad item is named by place",
          "[rules]") {
  const std::string answers = "answers: {count: '(?P<count>\\d+)个回答', separator: '展开全部'}\n";
  const std::string list =
      "compilation:\n"
      "  article_header:\n"
      "    - '^(?P<title>.+)篇(?P<num>\\d)$'\n"
      "    - '^篇(?P<num>\\d):(?P<title>.*)$'\n"
      "  collection_title: '(?P<count>\\d)篇'\n" + answers;
  CHECK(LoadRules(With("split.yaml", list))->split.article_headers.size() == 2);
  const std::string bad =
      "compilation:\n"
      "  article_header:\n"
      "    - '^(?P<title>.+)篇(?P<num>\\d)$'\n"
      "    - '^篇(?P<num>\\d)$'\n"
      "  collection_title: '(?P<count>\\d)篇'\n" + answers;
  CHECK(LoadError(With("split.yaml", bad)) ==
        "my/split.yaml:4:7: rule 'compilation': pattern needs a named group (?P<title>...)\n"
        "        - '^篇(?P<num>\\d)$'\n"
        "          ^");
  const std::string empty =
      "compilation:\n  article_header: []\n  collection_title: '(?P<count>\\d)篇'\n" + answers;
  CHECK(LoadError(With("split.yaml", empty)) ==
        "my/split.yaml:2:19: rule 'compilation': 'article_header' must hold a pattern\n"
        "      article_header: []\n"
        "                      ^");
}

TEST_CASE("rules: a key given twice in one rule is an error, not a silent choice", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "families:\n"
                       "  - id: a\n"
                       "    rank: 10\n"
                       "    pattern: '(?P<num>\\d)、'\n"
                       "    numeral: arabic\n"
                       "    rank: 20\n")) ==
        "my/headings.yaml:6:5: rule 'a': duplicate key 'rank' in a marker family\n"
        "        rank: 20\n"
        "        ^");
}

TEST_CASE("rules: every shape and title_choice key the schema names loads", "[rules]") {
  const std::string furniture =
      "lines: []\n"
      "link_lists:\n"
      "  item: '^x$'\n"
      "shape:\n"
      "  lexicons:\n"
      "    - id: nav\n"
      "      weight: 1.5\n"
      "      words: [首页, 登录]\n"
      "    - id: url\n"
      "      weight: 2\n"
      "      pattern: 'https?://'\n"
      "  coverage_weight: 2\n  items_weight: 1.5\n  item_max_chars: 8\n  symbols_weight: 2\n"
      "  symbols_share: 0.3\n  separators_weight: 1.5\n  sentence_weight: -2\n"
      "  function_words_weight: -1\n  function_words: 的了\n  function_words_min: 2\n"
      "  long_weight: -1\n  long_chars: 50\n  max_chars: 100\n  furniture_at: 2\n"
      "  strong_at: 4\n  body_at: -2\n  body_min_chars: 10\n";
  CHECK(LoadError(With("furniture.yaml", furniture)) == "(loaded)");
}

TEST_CASE("rules: a lexicon's faults are named with file:line", "[rules]") {
  CHECK(LoadError(With("furniture.yaml",
                       "lines: []\nlink_lists:\n  item: '^x$'\nshape:\n  lexicons:\n"
                       "    - id: both\n      weight: 1\n      words: [a]\n      pattern: 'b'\n")) ==
        "my/furniture.yaml:6:7: rule 'both': a lexicon has 'words' or a 'pattern', not both\n"
        "        - id: both\n"
        "          ^");
  CHECK(LoadError(With("furniture.yaml",
                       "lines: []\nlink_lists:\n  item: '^x$'\nshape:\n  lexicons:\n"
                       "    - id: w\n      weight: heavy\n      words: [a]\n")) ==
        "my/furniture.yaml:7:15: rule 'w': 'weight' must be a number\n"
        "          weight: heavy\n"
        "                  ^");
}

TEST_CASE("rules: a long offending line is quoted as 120 characters around the column",
          "[rules]") {
  Diagnostic d;
  d.path = "f.yaml";
  d.line = 1;
  d.column = 100000;
  d.message = "bad";
  d.source_line = std::string(99999, 'a') + "X" + std::string(100000, 'b');
  CHECK(d.Format() == "f.yaml:1:100000: bad\n    …" + std::string(60, 'a') + "X" +
                          std::string(59, 'b') + "…\n    " + std::string(61, ' ') + "^");
  // A short line is quoted whole; a long one near its start has only the closing mark.
  d.column = 2;
  d.source_line = "a" + std::string(200, 'c');
  CHECK(d.Format() == "f.yaml:1:2: bad\n    a" + std::string(119, 'c') + "…\n     ^");
  d.source_line = "ab";
  CHECK(d.Format() == "f.yaml:1:2: bad\n    ab\n     ^");
}

TEST_CASE("rules: a 200,000-character YAML line is not quoted whole", "[rules]") {
  auto files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name == "rules/headings.yaml") f.text = "families: [" + std::string(200000, 'b') + ":\n";
  }
  try {
    LoadRules(files);
    FAIL("loaded");
  } catch (const Error& e) {
    const std::string what = e.what();
    CHECK(what.find("invalid YAML") != std::string::npos);
    CHECK(what.size() < 400);
  }
}

TEST_CASE("rules: a message quoting a 200,000-character pattern is cut to 240 characters",
          "[rules]") {
  Diagnostic d;
  d.path = "f.yaml";
  d.message = "invalid RE2 pattern: missing ): " + std::string(200000, 'a');
  const std::string text = d.Format();
  CHECK(text == "f.yaml: invalid RE2 pattern: missing ): " + std::string(208, 'a') + "…");
}

TEST_CASE("rules: a million-deep YAML flow sequence is refused, not a crash", "[rules]") {
  auto files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name == "rules/headings.yaml") {
      f.text = "families: " + std::string(1000000, '[') + std::string(1000000, ']') + "\n";
    }
  }
  CHECK_THROWS_WITH(LoadRules(files), Catch::Contains("rules/headings.yaml:1:") &&
                                          Catch::Contains("invalid YAML"));
}

TEST_CASE("rules: flattened's cut needs a group", "[rules]") {
  auto files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name == "rules/normalize.yaml") f.text = "flattened:\n  cut: '[。!?]\\s+'\n";
  }
  CHECK_THROWS_WITH(LoadRules(files), Catch::Contains("rules/normalize.yaml:2:") &&
                                          Catch::Contains("'cut' needs a group"));
}

TEST_CASE("rules: every built-in rule carries examples, and they hold", "[rules]") {
  const auto rules = LoadDefaultRules();
  std::set<std::string> with_examples;
  for (const auto& ex : rules->examples) with_examples.insert(rules->probes[ex.probe].rule);
  std::vector<std::string> ids;
  for (const auto& r : rules->normalize.repairs) ids.push_back(r.id);
  for (const auto& r : rules->normalize.checks) ids.push_back(r.id);
  for (const auto& r : rules->furniture.lines) ids.push_back(r.id);
  for (const auto& r : rules->furniture.phrases) ids.push_back(r.id);
  for (const auto& r : rules->metadata.lines) ids.push_back(r.id);
  for (const auto& f : rules->headings.families) ids.push_back(f.id);
  for (const auto& id : ids) {
    INFO(id);
    CHECK(with_examples.count(id) == 1);
  }
  CHECK(RunRuleExamples(*rules).empty());
}

TEST_CASE("rules: an example that does not hold is reported with file, line and rule", "[rules]") {
  auto files = DefaultRuleFiles();
  int lines_at = 0;  // The line of "lines:" in furniture.yaml; the rule goes right under it.
  for (auto& f : files) {
    if (f.name != "rules/furniture.yaml") continue;
    const size_t at = f.text.find("\nlines:\n");
    REQUIRE(at != std::string::npos);
    lines_at = static_cast<int>(std::count(f.text.begin(), f.text.begin() + at + 1, '\n')) + 1;
    f.text.insert(at + 8, "  - id: footer\n    pattern: '^返回顶部$'\n    examples:\n      match:\n"
                          "        - 返回顶部\n        - 回到顶部\n      keep:\n        - 返回顶部了\n");
  }
  const auto rules = LoadRules(files);
  CHECK(RunRuleExamples(*rules) ==
        std::vector<std::string>{"rules/furniture.yaml:" + std::to_string(lines_at + 6) +
                                 ": rule footer: example '回到顶部' expected a match, got none"});
}

TEST_CASE("rules: define names a pattern piece that patterns use as (?&name)", "[rules]") {
  auto rules = LoadRules(With("headings.yaml",
                              "define:\n"
                              "  cn: '[一二三]'\n"
                              "  cn_num: '(?P<num>(?&cn))'\n"
                              "families:\n"
                              "  - id: cn_dun\n"
                              "    rank: 10\n"
                              "    pattern: '(?&cn_num)、'\n"
                              "    numeral: chinese\n"));
  REQUIRE(rules->headings.families.size() == 1);
  const RE2& re = *rules->headings.families[0].pattern;
  CHECK(re.pattern() == "(?:(?P<num>(?:[一二三])))、");
  std::string num;
  CHECK(RE2::PartialMatch("二、做法", re, &num));
  CHECK(num == "二");
}

TEST_CASE("rules: an unknown definition, a bad name and a bad piece are named by line", "[rules]") {
  CHECK(LoadError(With("headings.yaml",
                       "define:\n"
                       "  cn: '[一二三]'\n"
                       "  bad name: 'x'\n"
                       "  broken: '(x'\n"
                       "families:\n"
                       "  - id: cn_dun\n"
                       "    rank: 10\n"
                       "    pattern: '(?P<num>(?&cm))、'\n"
                       "    numeral: chinese\n")) ==
        "my/headings.yaml:3:3: definition name 'bad name' must be letters, digits and _ (used as "
        "(?&name))\n"
        "      bad name: 'x'\n"
        "      ^\n"
        "my/headings.yaml:4:11: invalid RE2 pattern: missing ): (x\n"
        "      broken: '(x'\n"
        "              ^\n"
        "my/headings.yaml:8:14: rule 'cn_dun': unknown definition (?&cm); this file defines cn\n"
        "        pattern: '(?P<num>(?&cm))、'\n"
        "                 ^");
  CHECK(LoadError(With("headings.yaml", std::string(kMinimalHeadings) +
                                            "  - id: b\n    rank: 20\n"
                                            "    pattern: '(?&x)(?P<num>[1-9])'\n"
                                            "    numeral: arabic\n")) ==
        "my/headings.yaml:8:14: rule 'b': unknown definition (?&x); this file has no 'define:' "
        "section\n"
        "        pattern: '(?&x)(?P<num>[1-9])'\n"
        "                 ^");
}

TEST_CASE("rules: an older file's key (not_title: a pattern or a list) loads as rows of its action",
          "[rules]") {
  const auto with_list = [](const std::string& list) {
    std::vector<EmbeddedFile> files = DefaultRuleFiles();
    for (auto& f : files) {
      if (f.name != "rules/metadata.yaml") continue;
      REQUIRE(f.text.find("\nnot_title:") == std::string::npos);
      f.text += "not_title:\n" + list;
      f.name = "my/metadata.yaml";
    }
    return files;
  };
  const auto rules = LoadRules(with_list("  - '^第一部分'\n  - '^(?&ymd)$'\n"));
  const ActionRules& reject = rules->metadata.reject_title;
  CHECK(RE2::PartialMatch("第一部分 总则", *reject));
  CHECK(RE2::PartialMatch("2021-10-28", *reject));
  CHECK(RE2::PartialMatch("一、总体要求", *reject));  // The bundled rows still hold.
  CHECK_FALSE(RE2::PartialMatch("关于开展检查的通知", *reject));
  // The key's patterns are rows named after the key, after the rows of `lines`.
  REQUIRE(reject.ids.size() >= 3);
  CHECK(reject.ids.back() == "not_title");
  CHECK(reject.Id("第一部分 总则") == "not_title");
  CHECK(reject.Id("一、总体要求") == reject.ids.front());
  size_t probes = 0;
  for (const auto& p : rules->probes) probes += p.rule == "not_title";
  CHECK(probes == 2);
  // A bad row is named by its own line; an empty list is refused.
  CHECK_THAT(LoadError(with_list("  - '^第一部分'\n  - '(x'\n")),
             Catch::Contains("rule 'not_title': invalid RE2 pattern: missing ): (x"));
  CHECK_THAT(LoadError(with_list("  []\n")), Catch::Contains("'not_title' must hold a pattern"));
}

namespace {

// The built-in metadata.yaml (as my/metadata.yaml) with `rows` before its first row.
std::vector<EmbeddedFile> WithMetadataRows(const std::string& rows) {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name != "rules/metadata.yaml") continue;
    const size_t at = f.text.find("\nlines:\n");
    REQUIRE(at != std::string::npos);
    f.text.insert(at + 8, rows);
    f.name = "my/metadata.yaml";
  }
  return files;
}

// The line of metadata.yaml's `lines:` key, for the exact line numbers of errors.
int RowsLine() {
  for (const auto& f : DefaultRuleFiles()) {
    if (f.name != "rules/metadata.yaml") continue;
    return static_cast<int>(
               std::count(f.text.begin(), f.text.begin() + f.text.find("\nlines:\n") + 1, '\n')) +
           1;
  }
  return 0;
}

}  // namespace

TEST_CASE("rules: a metadata row's action says what its match means; a new case is a row",
          "[rules]") {
  const std::string page = "标题写在这里\n司机\n正文内容很长很长,这是第一段。\n";
  const auto plain = LoadDefaultRules();
  const Result before = Extract("t.txt", page, *plain);
  REQUIRE(before.articles.size() == 1);
  CHECK(before.articles[0].authors == std::vector<std::string>{"司机"});

  const auto rules =
      LoadRules(WithMetadataRows("  - id: drivers\n"
                                 "    action: reject_author\n"
                                 "    pattern: '^司机$'\n"
                                 "    examples: {match: [司机], keep: [司机们]}\n"
                                 "  - id: cited_works\n"
                                 "    action: open_references\n"
                                 "    pattern: '^引用文献$'\n"));
  const Result after = Extract("t.txt", page, *rules);
  REQUIRE(after.articles.size() == 1);
  CHECK(after.articles[0].authors.empty());
  CHECK(RunRuleExamples(*rules).empty());

  // The fate names the row that matched, not the action's first row.
  const std::string refs = "标题写在这里\n正文内容很长很长,这是第一段。\n引用文献\n甲书\n";
  Result result;
  std::vector<std::string> fates;
  for (const auto& a : ExplainPage("t.txt", refs, *rules, {}, &result)) {
    fates.push_back(std::to_string(a.line) + " " + a.fate + " " + a.rule);
  }
  CHECK(fates == std::vector<std::string>{"1 title title_choice", "2 body ",
                                          "3 reference cited_works", "4 reference cited_works"});
  REQUIRE(result.articles.size() == 1);
  CHECK(result.articles[0].references == std::vector<std::string>{"甲书"});
}

TEST_CASE("rules: metadata row actions are checked at file:line", "[rules]") {
  const int at = RowsLine() + 1;  // The first inserted row.
  const auto line = [&](int offset) {
    return "my/metadata.yaml:" + std::to_string(at + offset) + ":";
  };
  CHECK_THAT(
      LoadError(WithMetadataRows("  - id: x\n    action: drop\n    pattern: 'a'\n")),
      Catch::Contains(line(1) + "13: rule 'x': unknown action 'drop'; actions are take, "
                                "names, one_name, reject_author, reject_source, reject_title, "
                                "open_references, reference, page_date, trim_site, trim_counter, "
                                "trim_column, join_title, cut_title, trim_affiliation"));
  CHECK_THAT(
      LoadError(WithMetadataRows(
          "  - id: x\n    action: reject_title\n    pattern: 'a'\n    where: header\n")),
      Catch::Contains(line(3) + "12: rule 'x': 'where' applies to rows with 'action: take' only"));
  // An action whose groups are read by name takes one row, and a row needs its groups.
  CHECK_THAT(LoadError(WithMetadataRows(
                 "  - id: x\n    action: names\n    pattern: '^(?P<author>王明)$'\n")),
             Catch::Contains("rule 'bare_author': only one row may have 'action: names' (the first "
                             "is 'x'): its groups are read by position or name"));
  CHECK_THAT(
      LoadError(WithMetadataRows("  - id: x\n    action: page_date\n    pattern: '\\d{4}'\n")),
      Catch::Contains(line(2) + "14: rule 'x': pattern needs a named group (?P<year>...)"));
  // Rows tried as one pattern cannot share a group name (RE2 would read the first only).
  const std::vector<EmbeddedFile> twice =
      WithMetadataRows("  - id: x\n    action: trim_column\n    pattern: '(?P<source>某报):'\n");
  CHECK_THAT(LoadError(twice),
             Catch::Contains("rule 'column_tag': group (?P<source>) is named by row 'x' too: the "
                             "rows with 'action: trim_column' are tried as one pattern, so each "
                             "names its groups apart (source, source2)"));
  CHECK_THAT(LoadError(WithMetadataRows(
                 "  - id: x\n    action: trim_column\n    pattern: '(?P<source3>某报):'\n")),
             Catch::Equals("(loaded)"));
  // A required action without a row.
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name != "rules/metadata.yaml") continue;
    const size_t id = f.text.find("  - id: references_start\n");
    REQUIRE(id != std::string::npos);
    f.text.replace(f.text.find("action: open_references", id), 23, "action: reference");
    f.name = "my/metadata.yaml";
  }
  const std::string error = LoadError(files);
  CHECK(error.rfind("my/metadata.yaml:", 0) == 0);
  CHECK_THAT(error, Catch::Contains(": needs a row of 'lines' with 'action: open_references' "
                                    "(older files: the key 'references_start')"));
}

TEST_CASE("rules: a metadata.yaml in the older spelling (top-level keys) reads as its rows do",
          "[rules]") {
  // The bundled file rewritten the way older files were: every row of an action other than
  // take becomes a pattern under the action's older key.
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name != "rules/metadata.yaml") continue;
    YAML::Node root = YAML::Load(f.text);
    YAML::Node take(YAML::NodeType::Sequence);
    int moved = 0;
    for (const auto& row : root["lines"]) {
      const std::string action = row["action"] ? row["action"].Scalar() : "take";
      if (action == "take") {
        take.push_back(row);
        continue;
      }
      const RuleAction* a = FindRuleAction("metadata.yaml", action);
      REQUIRE(a != nullptr);
      REQUIRE(*a->older_key);
      root[a->older_key].push_back(row["pattern"].Scalar());
      ++moved;
    }
    CHECK(moved >= 14);
    root["lines"] = take;
    YAML::Emitter out;
    out << root;
    f = {"older/metadata.yaml", out.c_str()};
  }
  const auto older = LoadRules(files);
  const RuleSet& rows = testing::Rules();
  int pages = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(GANGMU_SOURCE_DIR) / "tests" / "pages" / "input")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(entry.path().filename().string());
    CHECK(WriteJson(Extract("p.txt", page, *older), false) ==
          WriteJson(Extract("p.txt", page, rows), false));
    ++pages;
  }
  CHECK(pages >= 10);
}
