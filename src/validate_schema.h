// Checks output documents against schemas/outline.schema.json (JSON Schema draft 7).
//
// The schema is compiled once into a tree of checks that walks a document in one pass; a general
// validator (valijson) cost as much as all extraction stages together. The compiler accepts the
// keywords the outline schema uses (type, properties, required, additionalProperties, items,
// $ref to #/definitions, oneOf, minimum, minLength, pattern; plus the annotations $schema,
// $id, title, description, definitions) and refuses a schema with any other, so a keyword can
// never be silently ignored. tests/unit/validate_schema_test.cc checks that it agrees with
// valijson on accepted and broken documents.
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
  // Throws gangmu::Error when the schema is no JSON or uses a keyword outside the subset.
  explicit SchemaValidator(const std::string& schema_text);
  ~SchemaValidator();

  // Empty when `document` conforms; otherwise one line per error: "<json pointer>: <message>".
  std::vector<std::string> Validate(const nlohmann::json& document) const;
  std::vector<std::string> Validate(const nlohmann::ordered_json& document) const;

  struct Node;

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  const Node* root_ = nullptr;
};

}  // namespace gangmu

#endif  // GANGMU_VALIDATE_SCHEMA_H_
