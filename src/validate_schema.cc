// The compiled schema checker; see validate_schema.h.
#include "validate_schema.h"

#include <re2/re2.h>

#include <map>
#include <optional>
#include <set>

#include "diagnostic.h"
#include "embedded_files.h"
#include "utf8.h"

namespace gangmu {

namespace {

// `where` is a JSON pointer into the schema.
Error SchemaError(const std::string& where, const std::string& message) {
  return Error({Diagnostic{"schema", 0, 0, (where.empty() ? "/" : where) + ": " + message, ""}});
}

enum TypeBit : unsigned {
  kNull = 1, kBoolean = 2, kInteger = 4, kNumber = 8, kString = 16, kArray = 32, kObject = 64,
};

unsigned TypeBitOf(const std::string& name) {
  static const std::map<std::string, unsigned> bits = {
      {"null", kNull},     {"boolean", kBoolean}, {"integer", kInteger}, {"number", kNumber},
      {"string", kString}, {"array", kArray},     {"object", kObject}};
  auto it = bits.find(name);
  if (it == bits.end()) throw SchemaError("", "unknown type '" + name + "'");
  return it->second;
}

std::string TypeNames(unsigned types) {
  std::string out;
  for (const char* name : {"null", "boolean", "integer", "number", "string", "array", "object"}) {
    if (types & TypeBitOf(name)) out += (out.empty() ? "" : " or ") + std::string(name);
  }
  return out;
}

template <typename Json>
unsigned TypeOf(const Json& v) {
  if (v.is_null()) return kNull;
  if (v.is_boolean()) return kBoolean;
  if (v.is_number_integer()) return kInteger | kNumber;
  if (v.is_number()) {
    const double d = v.template get<double>();
    return d == static_cast<double>(static_cast<long long>(d)) ? (kInteger | kNumber) : kNumber;
  }
  if (v.is_string()) return kString;
  if (v.is_array()) return kArray;
  return kObject;
}

}  // namespace

struct SchemaValidator::Node {
  unsigned types = 0;  // 0: any type.
  const Node* ref = nullptr;
  std::map<std::string, const Node*> properties;
  bool additional_properties = true;
  std::vector<std::string> required;
  const Node* items = nullptr;
  std::vector<const Node*> one_of;
  std::optional<double> minimum;
  std::optional<size_t> min_length;
  std::unique_ptr<RE2> pattern;
};

namespace {

using Node = SchemaValidator::Node;

class Compiler {
 public:
  Compiler(const nlohmann::json& schema, std::vector<std::unique_ptr<Node>>* nodes)
      : nodes_(nodes) {
    // Definitions first, so a $ref (even a recursive one) can point at its node.
    if (schema.contains("definitions")) {
      for (const auto& [name, unused] : schema["definitions"].items()) {
        definitions_["#/definitions/" + name] = New();
      }
      for (const auto& [name, definition] : schema["definitions"].items()) {
        Fill(definition, definitions_["#/definitions/" + name], "/definitions/" + name);
      }
    }
    root_ = New();
    Fill(schema, root_, "");
  }
  const Node* root() const { return root_; }

 private:
  Node* New() {
    nodes_->push_back(std::make_unique<Node>());
    return nodes_->back().get();
  }

  const Node* Compile(const nlohmann::json& schema, const std::string& where) {
    Node* node = New();
    Fill(schema, node, where);
    return node;
  }

  void Fill(const nlohmann::json& schema, Node* node, const std::string& where) {
    if (!schema.is_object()) throw SchemaError(where, "a schema must be an object");
    static const std::set<std::string> kIgnored = {"$schema", "$id", "title", "description",
                                                   "definitions"};
    for (const auto& [key, value] : schema.items()) {
      const std::string at = where + "/" + key;
      if (kIgnored.count(key)) continue;
      if (key == "type") {
        if (value.is_string()) {
          node->types = TypeBitOf(value.get<std::string>());
        } else {
          for (const auto& t : value) node->types |= TypeBitOf(t.get<std::string>());
        }
      } else if (key == "$ref") {
        auto it = definitions_.find(value.get<std::string>());
        if (it == definitions_.end()) throw SchemaError(at, "unresolved $ref");
        node->ref = it->second;
      } else if (key == "properties") {
        for (const auto& [name, sub] : value.items()) {
          node->properties[name] = Compile(sub, at + "/" + name);
        }
      } else if (key == "additionalProperties") {
        if (!value.is_boolean()) throw SchemaError(at, "only true or false is supported");
        node->additional_properties = value.get<bool>();
      } else if (key == "required") {
        node->required = value.get<std::vector<std::string>>();
      } else if (key == "items") {
        node->items = Compile(value, at);
      } else if (key == "oneOf") {
        for (size_t i = 0; i < value.size(); ++i) {
          node->one_of.push_back(Compile(value[i], at + "/" + std::to_string(i)));
        }
      } else if (key == "minimum") {
        node->minimum = value.get<double>();
      } else if (key == "minLength") {
        node->min_length = value.get<size_t>();
      } else if (key == "pattern") {
        node->pattern = std::make_unique<RE2>(value.get<std::string>());
        if (!node->pattern->ok()) throw SchemaError(at, node->pattern->error());
      } else {
        throw SchemaError(at, "keyword '" + key + "' is not supported by gangmu's validator");
      }
    }
  }

  std::vector<std::unique_ptr<Node>>* nodes_;
  std::map<std::string, Node*> definitions_;
  Node* root_ = nullptr;
};

template <typename Json>
class Checker {
 public:
  explicit Checker(std::vector<std::string>* errors) : errors_(errors) {}

  // Returns whether `value` conforms; failures are reported unless `errors_` is null.
  bool Check(const Json& value, const Node& node, std::string* pointer) {
    if (node.ref) return Check(value, *node.ref, pointer);
    const unsigned type = TypeOf(value);
    if (node.types != 0 && (type & node.types) == 0) {
      return Fail(*pointer, "must be " + TypeNames(node.types));
    }
    bool ok = true;
    if (type & kString) {
      const auto& s = value.template get_ref<const typename Json::string_t&>();
      if (node.min_length && CountChars(s) < *node.min_length) {
        ok = Fail(*pointer, "must have at least " + std::to_string(*node.min_length) +
                                " character(s)");
      }
      if (node.pattern && !RE2::PartialMatch(s, *node.pattern)) {
        ok = Fail(*pointer, "does not match the pattern " + node.pattern->pattern());
      }
    }
    if ((type & kNumber) && node.minimum && value.template get<double>() < *node.minimum) {
      ok = Fail(*pointer, "must be at least " + nlohmann::json(*node.minimum).dump());
    }
    if (type & kObject) {
      for (const auto& name : node.required) {
        if (!value.contains(name)) ok = Fail(*pointer, "missing required property '" + name + "'");
      }
      for (auto it = value.begin(); it != value.end(); ++it) {
        const size_t length = pointer->size();
        *pointer += "/" + it.key();
        auto sub = node.properties.find(it.key());
        if (sub != node.properties.end()) {
          ok = Check(it.value(), *sub->second, pointer) && ok;
        } else if (!node.additional_properties) {
          ok = Fail(*pointer, "is not a property the schema allows");
        }
        pointer->resize(length);
      }
    }
    if ((type & kArray) && node.items) {
      for (size_t i = 0; i < value.size(); ++i) {
        const size_t length = pointer->size();
        *pointer += "/" + std::to_string(i);
        ok = Check(value[i], *node.items, pointer) && ok;
        pointer->resize(length);
      }
    }
    if (!node.one_of.empty()) {
      int matching = 0;
      Checker quiet(nullptr);
      for (const Node* option : node.one_of) matching += quiet.Check(value, *option, pointer);
      if (matching != 1) {
        ok = Fail(*pointer, "must match exactly one schema of oneOf, matches " +
                                std::to_string(matching));
      }
    }
    return ok;
  }

 private:
  bool Fail(const std::string& pointer, const std::string& message) {
    if (errors_) errors_->push_back((pointer.empty() ? "/" : pointer) + ": " + message);
    return false;
  }

  std::vector<std::string>* errors_;
};

template <typename Json>
std::vector<std::string> CheckDocument(const Json& document, const Node* root) {
  std::vector<std::string> errors;
  std::string pointer;
  Checker<Json>(&errors).Check(document, *root, &pointer);
  return errors;
}

}  // namespace

SchemaValidator::SchemaValidator() : SchemaValidator(OutlineSchemaText()) {}

SchemaValidator::SchemaValidator(const std::string& schema_text) {
  nlohmann::json schema;
  try {
    schema = nlohmann::json::parse(schema_text);
  } catch (const nlohmann::json::exception& e) {
    throw SchemaError("", std::string("not JSON: ") + e.what());
  }
  try {
    root_ = Compiler(schema, &nodes_).root();
  } catch (const nlohmann::json::exception& e) {
    throw SchemaError("", std::string("a keyword has a value of the wrong type: ") + e.what());
  }
}

SchemaValidator::~SchemaValidator() = default;

std::vector<std::string> SchemaValidator::Validate(const nlohmann::json& document) const {
  return CheckDocument(document, root_);
}

std::vector<std::string> SchemaValidator::Validate(const nlohmann::ordered_json& document) const {
  return CheckDocument(document, root_);
}

}  // namespace gangmu
