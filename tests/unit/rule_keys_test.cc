// The page-shape distances that were constants in the stages are rule keys (rules/README.md):
// each test changes one key in a copy of the built-in rules and checks that the output follows.
#include "rule_keys.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "diagnostic.h"
#include "extract.h"
#include "load_rules.h"
#include "test_helpers.h"

using namespace gangmu;

namespace {

// The built-in rules with `from` replaced by `to` in the file `name` (which must hold it).
std::shared_ptr<const RuleSet> RulesWith(const std::string& name, const std::string& from,
                                         const std::string& to) {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  bool replaced = false;
  for (auto& f : files) {
    if (f.name != "rules/" + name) continue;
    const size_t at = f.text.find(from);
    REQUIRE(at != std::string::npos);
    f.text.replace(at, from.size(), to);
    replaced = true;
  }
  REQUIRE(replaced);
  return LoadRules(files);
}

const Article& OnlyArticle(const Result& result) {
  REQUIRE(result.articles.size() == 1);
  return result.articles[0];
}

}  // namespace

TEST_CASE("rule keys: page_break_min_chars decides which unpunctuated paragraph was cut",
          "[rule_keys]") {
  const std::string page =
      "标题写在这里\n一、第一部分\n这一段文字被分页切断没有标点在这里结\n束了。\n";
  const Result before = testing::ExtractText(page);
  const Article& kept = OnlyArticle(before);
  REQUIRE(kept.sections.size() == 1);
  CHECK(kept.sections[0].paragraphs.size() == 2);  // 18 characters: shorter than 40.

  const auto rules =
      RulesWith("headings.yaml", "page_break_min_chars: 40", "page_break_min_chars: 10");
  const Result result = Extract("t.txt", page, *rules);
  const Article& joined = OnlyArticle(result);
  REQUIRE(joined.sections.size() == 1);
  CHECK(joined.sections[0].paragraphs ==
        std::vector<std::string>{"这一段文字被分页切断没有标点在这里结束了。"});
}

TEST_CASE("rule keys: heading_body_min_chars decides where a glued heading ends", "[rule_keys]") {
  const std::string page = "标题写在这里\n一、加强学习 提高思想认识水平。\n正文在这里写得很长很长。\n";
  const Result before = testing::ExtractText(page);
  const Article& whole = OnlyArticle(before);
  REQUIRE(whole.sections.size() == 1);
  CHECK(whole.sections[0].heading == "加强学习 提高思想认识水平");

  const auto rules =
      RulesWith("headings.yaml", "heading_body_min_chars: 15", "heading_body_min_chars: 5");
  const Result result = Extract("t.txt", page, *rules);
  const Article& cut = OnlyArticle(result);
  REQUIRE(cut.sections.size() == 1);
  CHECK(cut.sections[0].heading == "加强学习");
  CHECK(cut.sections[0].paragraphs.at(0) == "提高思想认识水平。");
}

TEST_CASE("rule keys: question_max_chars decides whether a question is a title", "[rule_keys]") {
  const std::string page = "如何做好基层党建工作?\n基层党建工作要抓好三件事,下面分别来说。\n";
  const Result before = testing::ExtractText(page);
  CHECK(OnlyArticle(before).title == "如何做好基层党建工作?");

  const auto rules = RulesWith("metadata.yaml", "question_max_chars: 40", "question_max_chars: 5");
  const Result result = Extract("t.txt", page, *rules);
  CHECK(OnlyArticle(result).title.empty());
}

// The one description of the rule keys (src/rule_keys.cc) and its two checked-in copies:
// schemas/rules.schema.json and the key reference of rules/README.md. After a change to the
// table, scripts/sync_rule_keys.py rewrites both.
namespace {

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(GANGMU_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const nlohmann::json& Resolve(const nlohmann::json& schema, const nlohmann::json* node) {
  while (node->contains("$ref")) {
    const std::string ref = (*node)["$ref"];
    node = &schema["definitions"][ref.substr(ref.rfind('/') + 1)];
  }
  return *node;
}

// The schema node of a file's section (the file's definition, then its section path: "",
// "shape", "lines[]" for each item of lines).
const nlohmann::json& SchemaSection(const nlohmann::json& schema, const std::string& file,
                                    const std::string& section) {
  const nlohmann::json* node = &schema.at("definitions").at(file.substr(0, file.find('.')));
  std::istringstream parts(section);
  for (std::string part; std::getline(parts, part, '.');) {
    const bool each = part.size() > 2 && part.compare(part.size() - 2, 2, "[]") == 0;
    node =
        &Resolve(schema, node).at("properties").at(each ? part.substr(0, part.size() - 2) : part);
    if (each) node = &Resolve(schema, node).at("items");
  }
  return Resolve(schema, node);
}

}  // namespace

TEST_CASE("rule keys: the schema says what the key table says, and no more", "[rule_keys]") {
  const nlohmann::json schema = nlohmann::json::parse(ReadSource("schemas/rules.schema.json"));
  REQUIRE(RuleKeys().size() >= 150);
  std::map<std::pair<std::string, std::string>, std::vector<const RuleKey*>> sections;
  for (const RuleKey& key : RuleKeys()) {
    INFO(key.file << " " << KeyPath(key));
    sections[{key.file, key.section}].push_back(&key);
    const nlohmann::json& properties =
        SchemaSection(schema, key.file, key.section).at("properties");
    REQUIRE(properties.contains(key.name));
    const nlohmann::json& p = properties[key.name];
    CHECK(p["description"] == key.meaning);
    switch (key.type) {
      case KeyType::kInt:
        CHECK(p["type"] == "integer");
        CHECK(p["default"] == static_cast<long long>(key.fallback));
        CHECK(p["minimum"] == static_cast<long long>(key.min));
        CHECK(p["maximum"] == static_cast<long long>(key.max));
        break;
      case KeyType::kNumber:
        CHECK(p["type"] == "number");
        CHECK(p["default"] == key.fallback);
        CHECK(p["minimum"] == key.min);
        CHECK(p["maximum"] == key.max);
        break;
      case KeyType::kBool:
        CHECK(p["type"] == "boolean");
        CHECK(p["default"] == (key.fallback != 0));
        break;
      case KeyType::kChars:
        CHECK(p["type"] == "string");
        CHECK(p["default"] == key.chars);
        break;
      case KeyType::kPattern:
        CHECK(p["$ref"] == "#/definitions/pattern");
        break;
      case KeyType::kPatterns:
        CHECK(p["$ref"] == "#/definitions/pattern_or_list");
        break;
      case KeyType::kChoice:
        CHECK(p["enum"] == nlohmann::json(Words(key.values)));
        if (!key.required) CHECK(p["default"] == key.chars);
        break;
      case KeyType::kText:
        CHECK((p.contains("$ref") || p["type"] == "string"));
        break;
      case KeyType::kList:
        CHECK(Resolve(schema, &p)["type"] == "array");
        break;
      case KeyType::kMap:
        CHECK(Resolve(schema, &p)["type"] == "object");
        break;
    }
  }
  // Each section of the schema holds exactly the table's keys and requires exactly its
  // required ones.
  for (const auto& [place, keys] : sections) {
    INFO(place.first << " section '" << place.second << "'");
    const nlohmann::json& node = SchemaSection(schema, place.first, place.second);
    std::set<std::string> in_table, required, in_schema, schema_required;
    for (const RuleKey* key : keys) {
      in_table.insert(key->name);
      if (key->required) required.insert(key->name);
    }
    for (const auto& item : node.at("properties").items()) in_schema.insert(item.key());
    if (node.contains("required")) {
      for (const auto& name : node["required"]) schema_required.insert(name.get<std::string>());
    }
    CHECK(in_schema == in_table);
    CHECK(schema_required == required);
    CHECK(node["additionalProperties"] == false);
    // Keys that only one action's rows take are refused on other rows (take's where,
    // consume, max_chars …).
    nlohmann::json refused = nlohmann::json::object();
    std::string action;
    for (const RuleKey* key : keys) {
      if (!*key->only_for) continue;
      action = key->only_for;
      refused[key->name] = false;
    }
    if (action.empty()) {
      CHECK_FALSE(node.contains("allOf"));
      continue;
    }
    const nlohmann::json rule = {
        {"if",
         {{"required", {"action"}}, {"properties", {{"action", {{"not", {{"const", action}}}}}}}}},
        {"then", {{"properties", refused}}}};
    CHECK(node["allOf"] == nlohmann::json::array({rule}));
  }
}

TEST_CASE("rule keys: the schema's actions are the action table's", "[rule_keys]") {
  const nlohmann::json schema = nlohmann::json::parse(ReadSource("schemas/rules.schema.json"));
  for (const std::string file : {"furniture.yaml", "metadata.yaml"}) {
    INFO(file);
    const nlohmann::json& top = SchemaSection(schema, file, "");
    const nlohmann::json& rows = SchemaSection(schema, file, "lines[]");
    nlohmann::json names = nlohmann::json::array();
    for (const RuleAction& action : RuleActions()) {
      if (action.file != file) continue;
      INFO(action.name);
      names.push_back(action.name);
      REQUIRE(FindRuleAction(file, action.name) == &action);
      if (!*action.older_key) continue;
      // How older files wrote it is still a schema key: a top-level key or a rule's switch.
      const nlohmann::json& older = file == "metadata.yaml" ? top["properties"][action.older_key]
                                                            : rows["properties"][action.older_key];
      CHECK(older["description"] == std::string(file == "metadata.yaml"
                                                    ? "older spelling of rows with action "
                                                    : "older spelling of action ") +
                                        action.name);
    }
    CHECK(rows["properties"]["action"]["enum"] == names);
    CHECK(rows["properties"]["action"]["default"] == names[0]);
  }
  CHECK(SchemaSection(schema, "metadata.yaml", "")["required"] ==
        nlohmann::json::array({"lines", "list_separator"}));
  CHECK(FindRuleAction("metadata.yaml", "drop") == nullptr);
  CHECK(FindRuleAction("furniture.yaml", "take") == nullptr);
}

TEST_CASE("rule keys: a furniture line rule's action opens a link list or a table of contents",
          "[rule_keys]") {
  const RuleSet& rules = testing::Rules();
  const auto rule = [&rules](const std::string& id) -> const FurnitureRule& {
    for (const FurnitureRule& r : rules.furniture.lines) {
      if (r.id == id) return r;
    }
    FAIL("no furniture line rule " << id);
    return rules.furniture.lines.front();
  };
  CHECK(rule("related_links").opens_link_list);
  CHECK_FALSE(rule("related_links").opens_contents);
  CHECK(rule("contents_heading").opens_contents);
  CHECK_FALSE(rule("breadcrumb").opens_link_list);
  // The older spelling still loads and means the same.
  const auto older = RulesWith("furniture.yaml", "action: open_link_list", "opens_link_list: true");
  for (const FurnitureRule& r : older->furniture.lines) {
    if (r.id == "related_links") CHECK(r.opens_link_list);
  }
  try {
    RulesWith("furniture.yaml", "action: open_contents",
              "action: open_contents\n    opens_link_list: true");
    FAIL("loaded");
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("rule 'contents_heading': a line opens a link list or a "
                                         "table of contents, not both"));
  }
  try {
    RulesWith("furniture.yaml", "action: open_contents", "action: drop");
    FAIL("loaded");
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Catch::Contains("rule 'contents_heading': 'action' must be 'remove', "
                                         "'open_link_list' or 'open_contents'"));
  }
}

TEST_CASE("rule keys: rules/README.md holds the key reference as generated", "[rule_keys]") {
  const std::string readme = ReadSource("rules/README.md");
  const std::string begin =
      "<!-- rule-keys: generated by scripts/sync_rule_keys.py from src/rule_keys.cc -->\n\n";
  const size_t at = readme.find(begin);
  REQUIRE(at != std::string::npos);
  const size_t end = readme.find("\n<!-- rule-keys end -->", at);
  REQUIRE(end != std::string::npos);
  CHECK(readme.substr(at + begin.size(), end - at - begin.size()) == RuleKeysMarkdown());
}

TEST_CASE("rule keys: the loader takes default and range from the table", "[rule_keys]") {
  // Out of the table's range, with the range in the message.
  const auto error = [](const std::string& from, const std::string& to) {
    try {
      RulesWith("metadata.yaml", from, to);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("(loaded)");
  };
  CHECK_THAT(error("title_max_chars: 80", "title_max_chars: 3"),
             Catch::Contains("'title_max_chars' must be between 4 and 10000"));
  CHECK_THAT(error("  restated_tail: 0.75", "  restated_tail: 1.5"),
             Catch::Contains("'restated_tail' must be between 0 and 1"));
  // Left out, a key takes the table's default.
  const auto rules = RulesWith("metadata.yaml", "title_max_chars: 80\n", "");
  CHECK(rules->metadata.title_max_chars ==
        static_cast<int>(FindRuleKey("metadata.yaml", "", "title_max_chars").fallback));
  CHECK_THROWS_AS(FindRuleKey("metadata.yaml", "", "no_such_key"), std::logic_error);
}

TEST_CASE("rule keys: a phrase rule refuses the keys that only a line rule can use",
          "[rule_keys]") {
  try {
    RulesWith("furniture.yaml", "phrases:\n", "phrases:\n  - {id: p, pattern: x, opens_contents: true}\n");
    FAIL("loaded");
  } catch (const Error& e) {
    CHECK_THAT(std::string(e.what()),
               Catch::Contains("rule 'p': unknown key 'opens_contents' in a phrase rule"));
  }
}

TEST_CASE("rule keys: a phrase rule's max_chars keeps the phrase on longer lines",
          "[rule_keys]") {
  const std::string page = "标题写在这里\n正文第一段写在这里,版权声明,后面还有很长的一句话。\n";
  const Result before = testing::ExtractText(page);
  REQUIRE(before.articles.size() == 1);
  CHECK(before.articles[0].preamble.at(0).find("版权声明") == std::string::npos);
  const auto rules = RulesWith("furniture.yaml", "  - id: copyright_widget\n",
                               "  - id: copyright_widget\n    max_chars: 10\n");
  const Result after = Extract("t.txt", page, *rules);
  REQUIRE(after.articles.size() == 1);
  CHECK(after.articles[0].preamble.at(0).find("版权声明") != std::string::npos);
}

TEST_CASE("rule keys: heading_trail and author_marks are the file's, not the code's",
          "[rule_keys]") {
  const std::string page = "标题写在这里\n王明*\n一、加强学习。\n正文在这里写得很长很长。\n";
  const Result before = testing::ExtractText(page);
  REQUIRE(before.articles.size() == 1);
  REQUIRE(before.articles[0].sections.size() == 1);
  CHECK(before.articles[0].sections[0].heading == "加强学习");
  CHECK(before.articles[0].authors == std::vector<std::string>{"王明"});

  const auto trail =
      RulesWith("headings.yaml", "heading_trail: '。．.,，、;；:： '", "heading_trail: ' '");
  const Result kept = Extract("t.txt", page, *trail);
  REQUIRE(kept.articles.size() == 1);
  REQUIRE(kept.articles[0].sections.size() == 1);
  CHECK(kept.articles[0].sections[0].heading == "加强学习。");

  const auto marks = RulesWith("metadata.yaml", "author_marks: '*¹²³⁴⁵⁶⁷⁸⁹'", "author_marks: '¹'");
  const Result starred = Extract("t.txt", page, *marks);
  REQUIRE(starred.articles.size() == 1);
  CHECK(starred.articles[0].authors == std::vector<std::string>{"王明*"});
}

// The struct's own initial values must not stand in for the table's (they would drift apart
// unnoticed when a default changes in rule_keys.cc).
TEST_CASE("rule keys: a metadata.yaml without title_choice gets the table's defaults",
          "[rule_keys]") {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  for (auto& f : files) {
    if (f.name != "rules/metadata.yaml") continue;
    const size_t begin = f.text.find("\ntitle_choice:\n");
    REQUIRE(begin != std::string::npos);
    size_t end = begin + 1;
    // The section runs to the next line that opens at column 0 with a key or a comment.
    while ((end = f.text.find('\n', end + 1)) != std::string::npos && end + 1 < f.text.size() &&
           f.text[end + 1] == ' ') {
    }
    REQUIRE(end != std::string::npos);
    f.text.erase(begin, end - begin);
    REQUIRE(f.text.find("title_choice") == std::string::npos);
    REQUIRE(f.text.find("restated_tail") == std::string::npos);
  }
  const auto rules = LoadRules(files);
  const TitleWeights& w = rules->metadata.title_weights;
  CHECK(w.repeated == FindRuleKey("metadata.yaml", "title_choice", "repeated").fallback);
  CHECK(w.search_lines == FindRuleKey("metadata.yaml", "title_choice", "search_lines").fallback);
  CHECK(w.repeat_lines == FindRuleKey("metadata.yaml", "title_choice", "repeat_lines").fallback);
  CHECK(w.restated_tail == FindRuleKey("metadata.yaml", "title_choice", "restated_tail").fallback);
}
