// The compiled schema checker; see validate_schema.h.
#include "validate_schema.h"

#include <cmath>

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

// Whether s holds at least n characters, reading no further than needed (paragraphs are long,
// and minLength is 1).
bool HasChars(std::string_view s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size() && count < n; ++i) {
    count += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  }
  return count >= n;
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
        if (node->required.size() > 64) throw SchemaError(at, "more than 64 required properties");
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
  Stream stream(*this);
  EmitJson(document, &stream);
  return stream.Errors();
}

std::vector<std::string> SchemaValidator::Validate(const nlohmann::ordered_json& document) const {
  Stream stream(*this);
  EmitJson(document, &stream);
  return stream.Errors();
}

// A value is checked against several schema nodes at once: the one its place in the document
// calls for and, where that node has oneOf, each option (quietly: an option's failures only
// count against it). A Check is one such pairing; the checks of every open value sit on a stack.
struct SchemaValidator::Stream::Check {
  const Node* node;
  long parent;   // The check of the enclosing value (or of the oneOf owner) or -1.
  bool option;   // A oneOf option of `parent`: it counts a match instead of failing it.
  bool quiet;    // Failures are not reported (inside a oneOf option).
  bool ok = true;
  bool typed = true;   // False once the value's type failed: nothing further is checked.
  int matches = 0;     // oneOf options the value matched.
  uint64_t seen = 0;       // Objects: bit k set when node->required[k] came.
};

// The JSON pointer of the value being read is made of each open container's current member
// (its key, or its item's index); it is spelled out only for an error.
struct SchemaValidator::Stream::Open {
  size_t first_check, end_check;  // The container's own checks.
  bool object;
  size_t next_index;  // Arrays: the index of the next item.
  size_t index;       // Arrays: the index of the current item.
  std::string key;    // Objects: the key of the current member.
};

SchemaValidator::Stream::Stream(const SchemaValidator& validator) : root_(validator.root_) {}
SchemaValidator::Stream::~Stream() = default;

void SchemaValidator::Stream::Fail(size_t check, const std::string& message) {
  checks_[check].ok = false;
  if (checks_[check].quiet) return;
  std::string pointer;
  for (const Open& o : open_) pointer += "/" + (o.object ? o.key : std::to_string(o.index));
  errors_.push_back((pointer.empty() ? "/" : pointer) + ": " + message);
}

// Pushes the checks of a new value and checks its type; returns the index of its first check.
size_t SchemaValidator::Stream::StartValue(unsigned type) {
  const size_t first = checks_.size();
  // A node and, depth first, its oneOf options, which come after it on the stack.
  auto add = [this](const Node* node, long parent, bool option, bool quiet, auto& self) -> void {
    while (node->ref) node = node->ref;
    const long index = static_cast<long>(checks_.size());
    checks_.push_back(Check{node, parent, option, quiet});
    for (const Node* o : node->one_of) self(o, index, true, true, self);
  };
  if (open_.empty()) {
    add(root_, -1, false, false, add);
  } else {
    Open& o = open_.back();
    if (!o.object) o.index = o.next_index++;
    const std::string key = o.key;
    const size_t begin = o.first_check, end = o.end_check;
    for (size_t i = begin; i < end; ++i) {
      if (!checks_[i].typed) continue;
      const Node* parent_node = checks_[i].node;
      const Node* child = nullptr;
      if (open_.back().object) {
        auto it = parent_node->properties.find(key);
        if (it != parent_node->properties.end()) {
          child = it->second;
        } else if (!parent_node->additional_properties) {
          Fail(i, "is not a property the schema allows");
        }
      } else {
        child = parent_node->items;
      }
      if (child) add(child, static_cast<long>(i), false, checks_[i].quiet, add);
    }
  }
  for (size_t i = first; i < checks_.size(); ++i) {
    const unsigned types = checks_[i].node->types;
    if (types != 0 && (type & types) == 0) {
      Fail(i, "must be " + TypeNames(types));
      checks_[i].typed = false;
    }
  }
  return first;
}

void SchemaValidator::Stream::CheckScalar(size_t first, unsigned type, std::string_view text,
                                          double number) {
  for (size_t i = first; i < checks_.size(); ++i) {
    if (!checks_[i].typed) continue;
    const Node& node = *checks_[i].node;
    if (type & kString) {
      if (node.min_length && !HasChars(text, *node.min_length)) {
        Fail(i, "must have at least " + std::to_string(*node.min_length) + " character(s)");
      }
      if (node.pattern && !RE2::PartialMatch(text, *node.pattern)) {
        Fail(i, "does not match the pattern " + node.pattern->pattern());
      }
    }
    if ((type & kNumber) && node.minimum && number < *node.minimum) {
      const double m = *node.minimum;
      Fail(i, "must be at least " + (m == static_cast<double>(static_cast<long long>(m))
                                         ? std::to_string(static_cast<long long>(m))
                                         : nlohmann::json(m).dump()));
    }
  }
}

// The value whose checks start at `first` is complete: oneOf counts are judged, results go to
// the enclosing checks, and the pointer returns to the enclosing container.
void SchemaValidator::Stream::EndValue(size_t first) {
  for (size_t i = checks_.size(); i-- > first;) {
    Check& c = checks_[i];
    if (c.typed && !c.node->one_of.empty() && c.matches != 1) {
      Fail(i, "must match exactly one schema of oneOf, matches " + std::to_string(c.matches));
    }
    if (c.parent < 0) continue;
    Check& parent = checks_[c.parent];
    if (c.option) {
      parent.matches += c.ok;
    } else {
      parent.ok = parent.ok && c.ok;
    }
  }
  checks_.resize(first);
}

void SchemaValidator::Stream::BeginObject() {
  const size_t first = StartValue(kObject);
  open_.push_back(Open{first, checks_.size(), true, 0, 0, ""});
}

void SchemaValidator::Stream::Key(std::string_view name) {
  Open& o = open_.back();
  o.key.assign(name.data(), name.size());
  for (size_t i = o.first_check; i < o.end_check; ++i) {
    const std::vector<std::string>& required = checks_[i].node->required;
    for (size_t k = 0; k < required.size(); ++k) {
      if (required[k] == name) checks_[i].seen |= uint64_t{1} << k;
    }
  }
}

void SchemaValidator::Stream::EndObject() {
  const Open o = std::move(open_.back());
  open_.pop_back();
  for (size_t i = o.first_check; i < o.end_check; ++i) {
    if (!checks_[i].typed) continue;
    const std::vector<std::string>& required = checks_[i].node->required;
    for (size_t k = 0; k < required.size(); ++k) {
      if (!(checks_[i].seen >> k & 1)) {
        Fail(i, "missing required property '" + required[k] + "'");
      }
    }
  }
  EndValue(o.first_check);
}

void SchemaValidator::Stream::BeginArray() {
  const size_t first = StartValue(kArray);
  open_.push_back(Open{first, checks_.size(), false, 0, 0, ""});
}

void SchemaValidator::Stream::EndArray() {
  const Open o = std::move(open_.back());
  open_.pop_back();
  EndValue(o.first_check);
}

void SchemaValidator::Stream::String(std::string_view value) {
  const size_t first = StartValue(kString);
  CheckScalar(first, kString, value, 0);
  EndValue(first);
}

void SchemaValidator::Stream::Integer(int64_t value) {
  const size_t first = StartValue(kInteger | kNumber);
  CheckScalar(first, kInteger | kNumber, {}, static_cast<double>(value));
  EndValue(first);
}

void SchemaValidator::Stream::Double(double value) {
  // A whole number of any size is an integer to JSON Schema (1e76 is); no cast to a narrower
  // type, which is undefined for values out of its range.
  const bool whole = std::isfinite(value) && std::trunc(value) == value;
  const unsigned type = whole ? (kInteger | kNumber) : kNumber;
  const size_t first = StartValue(type);
  CheckScalar(first, type, {}, value);
  EndValue(first);
}

void SchemaValidator::Stream::Boolean(bool) { EndValue(StartValue(kBoolean)); }

void SchemaValidator::Stream::Null() { EndValue(StartValue(kNull)); }

}  // namespace gangmu
