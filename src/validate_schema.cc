// Schema validation with valijson; see validate_schema.h.
#include "validate_schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "embedded_files.h"

namespace gangmu {

struct SchemaValidator::Impl {
  valijson::Schema schema;
};

SchemaValidator::SchemaValidator() : SchemaValidator(OutlineSchemaText()) {}

SchemaValidator::SchemaValidator(const std::string& schema_text) : impl_(std::make_unique<Impl>()) {
  const nlohmann::json schema_json = nlohmann::json::parse(schema_text);
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter adapter(schema_json);
  parser.populateSchema(adapter, impl_->schema);
}

SchemaValidator::~SchemaValidator() = default;

std::vector<std::string> SchemaValidator::Validate(const nlohmann::json& document) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(document);
  std::vector<std::string> errors;
  if (validator.validate(impl_->schema, adapter, &results)) return errors;
  valijson::ValidationResults::Error error;
  std::vector<std::string> all;
  while (results.popError(error)) {
    // valijson names the path as [articles][0][date]; a JSON pointer reads /articles/0/date.
    std::string pointer;
    for (const auto& part : error.context) {
      if (part == "<root>") continue;
      const bool bracketed = part.size() >= 2 && part.front() == '[' && part.back() == ']';
      pointer += "/" + (bracketed ? part.substr(1, part.size() - 2) : part);
    }
    std::string message = (pointer.empty() ? "/" : pointer) + ": " + error.description;
    // Parents repeat each failure of a child ("Failed to validate item #0 in array"): the
    // child's own message says where and what.
    const bool propagated =
        error.description.rfind("Failed to validate against schema associated with property", 0) ==
            0 ||
        error.description.rfind("Failed to validate item #", 0) == 0;
    (propagated ? all : errors).push_back(std::move(message));
  }
  return errors.empty() ? all : errors;
}

}  // namespace gangmu
