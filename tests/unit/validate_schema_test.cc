// validate_schema.cc: the schema accepts our output and says where a broken one breaks.
#include <catch2/catch.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <sstream>

#include "diagnostic.h"
#include "embedded_files.h"

#include "test_helpers.h"
#include "validate_schema.h"
#include "write_json.h"

using gangmu::SchemaValidator;

TEST_CASE("schema: a fresh document validates", "[schema]") {
  auto doc = gangmu::ToJson(gangmu::testing::ExtractText("标题\n作者:甲\n一、乙\n正文。\n"));
  CHECK(SchemaValidator().Validate(nlohmann::json(doc)).empty());
}

TEST_CASE("schema: a hand-broken document is rejected with a pointer", "[schema]") {
  nlohmann::json doc =
      gangmu::ToJson(gangmu::testing::ExtractText("标题\n一、乙\n正文。\n"));
  doc["articles"][0]["sections"][0]["level"] = "one";
  doc["articles"][0]["date"] = "2014/06/16";
  const auto errors = SchemaValidator().Validate(doc);
  REQUIRE_FALSE(errors.empty());
  bool level = false, date = false;
  for (const auto& e : errors) {
    level |= e.rfind("/articles/0/sections/0/level:", 0) == 0;
    date |= e.rfind("/articles/0/date:", 0) == 0;
  }
  CHECK(level);
  CHECK(date);
}

TEST_CASE("schema: numbers beyond any integer type are checked, not cast", "[schema]") {
  // Found by the validate fuzzer: 1e76 as a section number was cast to long long (undefined).
  nlohmann::json doc = gangmu::ToJson(gangmu::testing::ExtractText("标题\n一、乙\n正文。\n"));
  doc["articles"][0]["sections"][0]["number"] = 1e76;
  CHECK(SchemaValidator().Validate(doc).empty());  // a whole number: an integer, at least 1
  doc["articles"][0]["sections"][0]["level"] = 1.5;
  CHECK_FALSE(SchemaValidator().Validate(doc).empty());
  doc["articles"][0]["sections"][0]["level"] = -1e300;
  CHECK_FALSE(SchemaValidator().Validate(doc).empty());
}

TEST_CASE("schema: an unknown field is rejected", "[schema]") {
  nlohmann::json doc = gangmu::ToJson(gangmu::testing::ExtractText("标题\n"));
  doc["extra"] = 1;
  CHECK_FALSE(SchemaValidator().Validate(doc).empty());
}

// valijson, a general JSON Schema validator, is the reference: the compiled checker must accept
// and reject the same documents.
namespace {

bool ValijsonAccepts(const nlohmann::json& document) {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto s = std::make_unique<valijson::Schema>();
    const nlohmann::json schema_json = nlohmann::json::parse(gangmu::OutlineSchemaText());
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(schema_json);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  valijson::Validator validator;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  return validator.validate(*schema, adapter, nullptr);
}

}  // namespace

TEST_CASE("schema: the compiled checker agrees with valijson", "[schema]") {
  const SchemaValidator checker;
  std::vector<nlohmann::json> documents;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(GANGMU_SOURCE_DIR) / "tests" / "golden" / "expected")) {
    if (entry.path().extension() != ".json") continue;  // beside them: Markdown and chunks
    std::ifstream in(entry.path());
    documents.push_back(nlohmann::json::parse(in));
  }
  REQUIRE(documents.size() >= 5);
  const nlohmann::json base = documents.front();
  // One break per keyword the schema uses.
  const std::vector<std::pair<std::string, nlohmann::json>> breaks = {
      {"/encoding", 3},                                // type
      {"/articles/0/date", "2014/06/16"},              // pattern
      {"/articles/0/date", nullptr},                   // null is allowed
      {"/articles/0/sections/0/level", 0},             // minimum
      {"/articles/0/sections/0/level", "one"},         // type in a $ref'd definition
      {"/articles/0/sections/0/children", nlohmann::json::array({{{"marker", "x"}}})},  // required
      {"/articles/0/title", ""},                       // minLength (oneOf string / null)
      {"/articles/0/extra", true},                     // additionalProperties
      {"/removed/0", 1},                               // items
      {"/collection", 5},                              // oneOf
  };
  for (const auto& [pointer, value] : breaks) {
    nlohmann::json doc = base;
    doc[nlohmann::json::json_pointer(pointer)] = value;
    documents.push_back(doc);
  }
  nlohmann::json missing = base;
  missing.erase("articles");
  documents.push_back(missing);
  int rejected = 0;
  for (const auto& doc : documents) {
    const bool ours = checker.Validate(doc).empty();
    CHECK(ours == ValijsonAccepts(doc));
    rejected += !ours;
  }
  CHECK(rejected >= 9);  // The breaks really break (null date and maybe empty removed do not).
}

TEST_CASE("schema: a keyword the checker does not know is refused, not skipped", "[schema]") {
  try {
    SchemaValidator(R"({"type": "object", "maxProperties": 3})");
    FAIL("no error");
  } catch (const gangmu::Error& e) {
    CHECK(std::string(e.what()) ==
          "schema: /maxProperties: keyword 'maxProperties' is not supported by gangmu's validator");
  }
}

TEST_CASE("json: Dump writes what nlohmann's dump writes", "[json]") {
  nlohmann::ordered_json doc = gangmu::ToJson(gangmu::testing::ExtractText(
      "标题\n作者:甲 乙\n一、“引号”\\反斜杠\t制表\n正文。\n"));
  doc["warnings"].push_back({{"code", std::string("ctl\x01\x1f\x7f")}, {"line", -3}});
  doc["extra"] = {{"empty_object", nlohmann::ordered_json::object()},
                  {"empty_array", nlohmann::ordered_json::array()},
                  {"bool", true}, {"float", 1.5}};
  CHECK(gangmu::Dump(doc, false) == doc.dump());
  CHECK(gangmu::Dump(doc, true) == doc.dump(2));
}

TEST_CASE("json: WriteJson writes what Dump writes of ToJson's tree", "[json]") {
  for (const auto& entry : std::filesystem::directory_iterator(
           std::filesystem::path(GANGMU_SOURCE_DIR) / "tests" / "golden" / "input")) {
    std::ifstream in(entry.path());
    std::stringstream bytes;
    bytes << in.rdbuf();
    const gangmu::Result result = gangmu::testing::ExtractText(bytes.str());
    INFO(entry.path());
    CHECK(gangmu::WriteJson(result, false) == gangmu::Dump(gangmu::ToJson(result), false));
    CHECK(gangmu::WriteJson(result, true) == gangmu::ToJson(result).dump(2));
  }
}

TEST_CASE("schema: the check that rides along the writer catches a broken result", "[schema]") {
  gangmu::Result result = gangmu::testing::ExtractText("标题\n来源:人民日报\n一、乙\n正文。\n");
  REQUIRE(result.articles.size() == 1);
  REQUIRE(result.articles[0].sections.size() == 1);
  const SchemaValidator validator;
  {
    SchemaValidator::Stream check(validator);
    gangmu::WriteJson(result, false, &check);
    CHECK(check.Errors().empty());
  }
  result.articles[0].date = "2014/06/16";
  result.articles[0].sections[0].level = 0;
  result.articles[0].source->name = "";
  result.removed.push_back({"", 0, "x"});
  SchemaValidator::Stream check(validator);
  const std::string text = gangmu::WriteJson(result, false, &check);
  // The same errors, in the same words, as checking the parsed text.
  CHECK(check.Errors() == validator.Validate(nlohmann::ordered_json::parse(text)));
  const std::vector<std::string> expected = {
      "/articles/0/source: must match exactly one schema of oneOf, matches 0",
      "/articles/0/date: must match exactly one schema of oneOf, matches 0",
      "/articles/0/sections/0/level: must be at least 1",
  };
  std::string all;
  for (const auto& got : check.Errors()) all += got + "\n";
  INFO(all);
  for (const auto& e : expected) {
    INFO(e);
    CHECK(std::find(check.Errors().begin(), check.Errors().end(), e) != check.Errors().end());
  }
}

TEST_CASE("schema: errors name the place: a missing key, an extra key, a wrong item", "[schema]") {
  nlohmann::json doc = gangmu::ToJson(gangmu::testing::ExtractText("标题\n一、乙\n正文。\n"));
  doc.erase("encoding");
  doc["articles"][0]["extra"] = 1;
  doc["removed"] = {7};
  const std::vector<std::string> errors = SchemaValidator().Validate(doc);
  const std::vector<std::string> expected = {
      "/: missing required property 'encoding'",
      "/articles/0/extra: is not a property the schema allows",
      "/removed/0: must be object",
  };
  for (const auto& e : expected) {
    INFO(e);
    CHECK(std::find(errors.begin(), errors.end(), e) != errors.end());
  }
  CHECK(errors.size() == expected.size());
}

TEST_CASE("json: escapes are found wherever they fall in a long string", "[json]") {
  const std::string base = "一二三四五六七八九十abcdefghij一二三四五六";
  for (const char* special : {"\"", "\\", "\n", "\x01", "\x1f", "\t"}) {
    for (size_t at = 0; at <= base.size(); ++at) {
      if (at < base.size() && (static_cast<unsigned char>(base[at]) & 0xC0) == 0x80) continue;
      const nlohmann::ordered_json doc = {{"s", base.substr(0, at) + special + base.substr(at)}};
      INFO("at " << at);
      CHECK(gangmu::Dump(doc, false) == doc.dump());
    }
  }
}
