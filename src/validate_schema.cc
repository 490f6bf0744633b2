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
  while (results.popError(error)) {
    std::string pointer;
    for (const auto& part : error.context) {
      if (part == "<root>") continue;
      pointer += part.front() == '[' ? part : "/" + part;
    }
    errors.push_back((pointer.empty() ? "/" : pointer) + ": " + error.description);
  }
  return errors;
}

}  // namespace gangmu
