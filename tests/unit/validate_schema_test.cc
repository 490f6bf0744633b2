// validate_schema.cc: the schema accepts our output and says where a broken one breaks.
#include <catch2/catch.hpp>

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

TEST_CASE("schema: an unknown field is rejected", "[schema]") {
  nlohmann::json doc = gangmu::ToJson(gangmu::testing::ExtractText("标题\n"));
  doc["extra"] = 1;
  CHECK_FALSE(SchemaValidator().Validate(doc).empty());
}
