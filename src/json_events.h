// A JSON document as a stream of events, in document order: how write_json hands a Result to
// the text writer and to the schema check at once, without building a tree in between (the
// tree cost as much as writing the text; see bench/RESULTS.md). Also the bridge from a parsed
// nlohmann tree (EmitJson) to the same consumers, for `gangmu validate` and the tests.
#ifndef GANGMU_JSON_EVENTS_H_
#define GANGMU_JSON_EVENTS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

namespace gangmu {

// Inside an object, every value is preceded by Key.
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual void BeginObject() = 0;
  virtual void Key(std::string_view name) = 0;
  virtual void EndObject() = 0;
  virtual void BeginArray() = 0;
  virtual void EndArray() = 0;
  virtual void String(std::string_view value) = 0;
  virtual void Integer(int64_t value) = 0;
  virtual void Double(double value) = 0;
  virtual void Boolean(bool value) = 0;
  virtual void Null() = 0;
};

// Sends every event to two consumers (the writer and the schema check).
class JsonTee : public JsonEvents {
 public:
  JsonTee(JsonEvents* a, JsonEvents* b) : a_(a), b_(b) {}
  void BeginObject() override { a_->BeginObject(), b_->BeginObject(); }
  void Key(std::string_view name) override { a_->Key(name), b_->Key(name); }
  void EndObject() override { a_->EndObject(), b_->EndObject(); }
  void BeginArray() override { a_->BeginArray(), b_->BeginArray(); }
  void EndArray() override { a_->EndArray(), b_->EndArray(); }
  void String(std::string_view value) override { a_->String(value), b_->String(value); }
  void Integer(int64_t value) override { a_->Integer(value), b_->Integer(value); }
  void Double(double value) override { a_->Double(value), b_->Double(value); }
  void Boolean(bool value) override { a_->Boolean(value), b_->Boolean(value); }
  void Null() override { a_->Null(), b_->Null(); }

 private:
  JsonEvents* a_;
  JsonEvents* b_;
};

// The deepest nesting of arrays and objects a document may have: deeper input is refused
// (ParseJson), so that no recursion over a document's depth can exhaust the stack.
constexpr int kMaxJsonDepth = 512;

// nlohmann::json::parse that refuses documents nested deeper than kMaxJsonDepth with a
// nlohmann::json::other_error ("nesting deeper than 512"), before building them.
inline nlohmann::json ParseJson(std::string_view text) {
  return nlohmann::json::parse(
      text.begin(), text.end(),
      [](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if (depth > kMaxJsonDepth && (event == nlohmann::json::parse_event_t::object_start ||
                                      event == nlohmann::json::parse_event_t::array_start)) {
          throw nlohmann::json::other_error::create(
              501, "nesting deeper than " + std::to_string(kMaxJsonDepth), nullptr);
        }
        return true;
      });
}

// Replays a parsed document (nlohmann::json or ordered_json) as events. Recursive: its input
// comes from ParseJson (bounded depth) or from the writer (an outline, whose depth the section
// tree bounds).
template <typename Json>
void EmitJson(const Json& value, JsonEvents* out) {
  switch (value.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
      out->Null();
      return;
    case Json::value_t::boolean:
      out->Boolean(value.template get<bool>());
      return;
    case Json::value_t::number_integer:
      out->Integer(value.template get<int64_t>());
      return;
    case Json::value_t::number_unsigned: {
      const uint64_t u = value.template get<uint64_t>();
      if (u <= static_cast<uint64_t>(INT64_MAX)) {
        out->Integer(static_cast<int64_t>(u));
      } else {
        out->Double(static_cast<double>(u));
      }
      return;
    }
    case Json::value_t::number_float:
      out->Double(value.template get<double>());
      return;
    case Json::value_t::string:
      out->String(value.template get_ref<const typename Json::string_t&>());
      return;
    case Json::value_t::array:
      out->BeginArray();
      for (const auto& item : value) EmitJson(item, out);
      out->EndArray();
      return;
    case Json::value_t::object:
      out->BeginObject();
      for (auto it = value.begin(); it != value.end(); ++it) {
        out->Key(it.key());
        EmitJson(it.value(), out);
      }
      out->EndObject();
      return;
    case Json::value_t::binary:
      out->Null();  // Never parsed from text.
      return;
  }
}

}  // namespace gangmu

#endif  // GANGMU_JSON_EVENTS_H_
