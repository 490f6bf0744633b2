// schemas/rules.schema.json describes the rule files: every bundled file conforms, and the
// schema refuses what the loader refuses by shape (unknown keys, wrong types, bad enums).
#include <catch2/catch.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {

// YAML -> JSON the way the loader reads it: plain scalars that spell a boolean or an integer
// are those, everything else is a string.
nlohmann::json ToJson(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& kv : node) out[kv.first.Scalar()] = ToJson(kv.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& item : node) out.push_back(ToJson(item));
      return out;
    }
    case YAML::NodeType::Scalar: {
      const std::string& s = node.Scalar();
      if (node.Tag() == "?") {  // Plain, not quoted.
        if (s == "true" || s == "false") return s == "true";
        if (!s.empty() && s.find_first_not_of("-0123456789") == std::string::npos) {
          return std::stoll(s);
        }
        double number = 0;
        if (YAML::convert<double>::decode(node, number)) return number;
      }
      return s;
    }
    default:
      return nullptr;
  }
}

// Errors of `document` against the schema's definition for the rule file `stem`.
std::vector<std::string> Check(const nlohmann::json& document, const std::string& stem) {
  std::ifstream in(fs::path(GANGMU_SOURCE_DIR) / "schemas" / "rules.schema.json");
  nlohmann::json schema_json = nlohmann::json::parse(in);
  schema_json.erase("oneOf");
  schema_json["$ref"] = "#/definitions/" + stem;
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  std::vector<std::string> errors;
  if (validator.validate(schema, adapter, &results)) return errors;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) errors.push_back(e.description);
  return errors;
}

nlohmann::json Bundled(const std::string& stem) {
  return ToJson(YAML::LoadFile((fs::path(GANGMU_SOURCE_DIR) / "rules" / (stem + ".yaml")).string()));
}

}  // namespace

TEST_CASE("rules schema: every bundled rule file conforms", "[rules]") {
  int files = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GANGMU_SOURCE_DIR) / "rules")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string stem = entry.path().stem().string();
    INFO(stem);
    const std::vector<std::string> errors = Check(Bundled(stem), stem);
    for (const auto& e : errors) INFO(e);
    std::string all;
    for (const auto& e : errors) all += e + "\n";
    CHECK(all == "");
    ++files;
  }
  CHECK(files == 5);
}

TEST_CASE("rules schema: shapes the loader refuses are refused", "[rules]") {
  nlohmann::json headings = Bundled("headings");
  headings["families"][0]["numeral"] = "roman";
  CHECK_FALSE(Check(headings, "headings").empty());

  headings = Bundled("headings");
  headings["families"][0]["rnak"] = 1;
  CHECK_FALSE(Check(headings, "headings").empty());

  headings = Bundled("headings");
  headings["families"][0]["rank"] = "first";
  CHECK_FALSE(Check(headings, "headings").empty());

  nlohmann::json metadata = Bundled("metadata");
  metadata["lines"][0]["where"] = "footer";
  CHECK_FALSE(Check(metadata, "metadata").empty());

  // A row's action is one of the table's; take's keys on another action's row are refused.
  metadata = Bundled("metadata");
  metadata["lines"][0]["action"] = "drop";
  CHECK_FALSE(Check(metadata, "metadata").empty());
  metadata["lines"][0]["action"] = "reject_title";
  CHECK(Check(metadata, "metadata").empty());
  metadata["lines"][0]["where"] = "header";
  CHECK_FALSE(Check(metadata, "metadata").empty());
  metadata["lines"][0]["action"] = "take";
  CHECK(Check(metadata, "metadata").empty());

  nlohmann::json split = Bundled("split");
  split.erase("answers");
  CHECK_FALSE(Check(split, "split").empty());
}
