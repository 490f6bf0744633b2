// Checks output documents against schemas/outline.schema.json (JSON Schema draft 7).
//
// The schema is compiled once into a tree of checks, applied to a document as a stream of events
// in one pass (a general validator, valijson, cost as much as all extraction stages together,
// and building a tree only to check it cost as much as writing the text). The compiler accepts the
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

#include "json_events.h"

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

  // Checks a document given as events (write_json's, or EmitJson's), as they come: no tree is
  // needed. Feed it exactly one document, then read Errors().
  class Stream : public JsonEvents {
   public:
    explicit Stream(const SchemaValidator& validator);
    ~Stream() override;
    void BeginObject() override;
    void Key(std::string_view name) override;
    void EndObject() override;
    void BeginArray() override;
    void EndArray() override;
    void String(std::string_view value) override;
    void Integer(int64_t value) override;
    void Double(double value) override;
    void Boolean(bool value) override;
    void Null() override;
    // As Validate returns them.
    const std::vector<std::string>& Errors() const { return errors_; }

   private:
    struct Check;
    struct Open;
    size_t StartValue(unsigned type);
    void CheckScalar(size_t first, unsigned type, std::string_view text, double number);
    void EndValue(size_t first);
    void Fail(size_t check, const std::string& message);

    const Node* root_;
    std::vector<Check> checks_;  // The checks of the values now open, outermost first.
    std::vector<Open> open_;     // The open objects and arrays.
    std::vector<std::string> errors_;
  };

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  const Node* root_ = nullptr;
};

}  // namespace gangmu

#endif  // GANGMU_VALIDATE_SCHEMA_H_
