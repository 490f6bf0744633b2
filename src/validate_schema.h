// Checks output documents against schemas/outline.schema.json (JSON Schema draft 7, with
// valijson). The schema is compiled once. Covered by tests/unit/validate_schema_test.cc.
#ifndef GANGMU_VALIDATE_SCHEMA_H_
#define GANGMU_VALIDATE_SCHEMA_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gangmu {

class SchemaValidator {
 public:
  // The built-in outline schema.
  SchemaValidator();
  explicit SchemaValidator(const std::string& schema_text);
  ~SchemaValidator();

  // Empty when `document` conforms; otherwise one line per error: "<json pointer>: <message>".
  std::vector<std::string> Validate(const nlohmann::json& document) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gangmu

#endif  // GANGMU_VALIDATE_SCHEMA_H_
