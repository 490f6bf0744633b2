// Stage 8: Result -> JSON; see write_json.h.
#include "write_json.h"

#include <cstring>
#include <vector>

namespace gangmu {
namespace {

void StringOrNull(const std::string& s, JsonEvents* out) {
  if (s.empty()) {
    out->Null();
  } else {
    out->String(s);
  }
}

void Strings(const std::vector<std::string>& list, JsonEvents* out) {
  out->BeginArray();
  for (const auto& s : list) out->String(s);
  out->EndArray();
}

void Warnings(const std::vector<Warning>& warnings, JsonEvents* out) {
  out->BeginArray();
  for (const auto& w : warnings) {
    out->BeginObject();
    out->Key("code"), out->String(w.code);
    out->Key("message"), out->String(w.message);
    out->Key("line");
    if (w.line > 0) {
      out->Integer(w.line);
    } else {
      out->Null();
    }
    out->EndObject();
  }
  out->EndArray();
}

// Depth is bounded by the number of marker families (see build_outline.h).
void EmitSection(const Section& s, JsonEvents* out) {
  out->BeginObject();
  out->Key("marker"), out->String(s.marker);
  out->Key("kind"), out->String(s.kind);
  out->Key("number"), out->Integer(s.number);
  out->Key("level"), out->Integer(s.level);
  out->Key("heading"), out->String(s.heading);
  out->Key("paragraphs"), Strings(s.paragraphs, out);
  out->Key("children");
  out->BeginArray();
  for (const auto& c : s.children) EmitSection(c, out);
  out->EndArray();
  out->Key("line"), out->Integer(s.line);
  out->EndObject();
}

void EmitArticle(const Article& a, JsonEvents* out) {
  out->BeginObject();
  out->Key("title"), StringOrNull(a.title, out);
  out->Key("authors"), Strings(a.authors, out);
  out->Key("affiliations"), Strings(a.affiliations, out);
  out->Key("source");
  if (a.source) {
    out->BeginObject();
    out->Key("name"), out->String(a.source->name);
    out->Key("issue"), StringOrNull(a.source->issue, out);
    out->Key("url"), StringOrNull(a.source->url, out);
    out->EndObject();
  } else {
    out->Null();
  }
  out->Key("date"), StringOrNull(a.date, out);
  out->Key("keywords"), Strings(a.keywords, out);
  out->Key("abstract"), StringOrNull(a.abstract, out);
  out->Key("identifiers");
  out->BeginArray();
  for (const auto& id : a.identifiers) {
    out->BeginObject();
    out->Key("label"), out->String(id.label);
    out->Key("value"), out->String(id.value);
    out->EndObject();
  }
  out->EndArray();
  out->Key("preamble"), Strings(a.preamble, out);
  out->Key("sections");
  out->BeginArray();
  for (const auto& s : a.sections) EmitSection(s, out);
  out->EndArray();
  out->Key("references"), Strings(a.references, out);
  out->Key("duplicate_of");
  if (a.duplicate_of >= 0) {
    out->Integer(a.duplicate_of);
  } else {
    out->Null();
  }
  out->Key("line"), out->Integer(a.first_line);
  out->Key("warnings"), Warnings(a.warnings, out);
  out->EndObject();
}

// Writes the events as text the way nlohmann's dump(indent, ' ', ensure_ascii = false) does,
// copying runs of plain bytes at once: nlohmann's serializer walks a UTF-8 state machine byte
// by byte and was the slowest step of a run.
class TextWriter : public JsonEvents {
 public:
  TextWriter(std::string* out, int indent) : out_(out), indent_(indent) {}

  void BeginObject() override { Open('{'); }
  void Key(std::string_view name) override {
    Item();
    AppendString(name);
    out_->append(indent_ < 0 ? ":" : ": ");
    after_key_ = true;
  }
  void EndObject() override { Close('}'); }
  void BeginArray() override { Open('['); }
  void EndArray() override { Close(']'); }
  void String(std::string_view value) override {
    Value();
    AppendString(value);
  }
  void Integer(int64_t value) override {
    Value();
    out_->append(std::to_string(value));
  }
  void Double(double value) override {
    Value();
    out_->append(nlohmann::json(value).dump());  // nlohmann's own number format.
  }
  void Boolean(bool value) override {
    Value();
    out_->append(value ? "true" : "false");
  }
  void Null() override {
    Value();
    out_->append("null");
  }

 private:
  // Every string here is valid UTF-8 (decode_input replaces invalid bytes, and every later cut
  // falls on a character boundary), so multi-byte characters are copied as they are.
  void AppendString(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_->push_back('"');
    size_t run = 0;  // Start of the bytes not yet copied.
    for (size_t i = 0; i < s.size();) {
      // Eight bytes at a time while none needs escaping (paragraphs are long and need none):
      // a byte below 0x20, a quote or a backslash shows in the word tests below.
      if (i + 8 <= s.size()) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
        const uint64_t quote = w ^ (kOnes * '"'), slash = w ^ (kOnes * '\\');
        const uint64_t special =
            ((w - kOnes * 0x20) | (quote - kOnes) | (slash - kOnes)) & ~w & kHigh;
        if (special == 0) {
          i += 8;
          continue;
        }
      }
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out_->append(s.data() + run, i - run);
      switch (c) {
        case '"': out_->append("\\\""); break;
        case '\\': out_->append("\\\\"); break;
        case '\b': out_->append("\\b"); break;
        case '\f': out_->append("\\f"); break;
        case '\n': out_->append("\\n"); break;
        case '\r': out_->append("\\r"); break;
        case '\t': out_->append("\\t"); break;
        default:
          out_->append("\\u00");
          out_->push_back(kHex[c >> 4]);
          out_->push_back(kHex[c & 0xF]);
      }
      run = ++i;
    }
    out_->append(s.data() + run, s.size() - run);
    out_->push_back('"');
  }

  void Newline(size_t depth) {
    if (indent_ < 0) return;
    out_->push_back('\n');
    out_->append(static_cast<size_t>(indent_) * depth, ' ');
  }
  // Before an array item or an object key: the separator and the item's line.
  void Item() {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
    Newline(first_.size() - 1);
  }
  // Before any value: a value in an array is an item; one in an object follows its key.
  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else if (first_.size() > 1) {
      Item();
    }
  }
  void Open(char bracket) {
    Value();
    out_->push_back(bracket);
    first_.push_back(true);
  }
  void Close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) Newline(first_.size() - 1);
    out_->push_back(bracket);
  }

  std::string* out_;
  int indent_;
  // One entry per open container (true until its first item), below them one for the top.
  std::vector<bool> first_{true};
  bool after_key_ = false;
};

// Builds a tree from the events.
class TreeBuilder : public JsonEvents {
 public:
  using Json = nlohmann::ordered_json;

  void BeginObject() override { Open(Json::object()); }
  void Key(std::string_view name) override { keys_.back() = std::string(name); }
  void EndObject() override { Close(); }
  void BeginArray() override { Open(Json::array()); }
  void EndArray() override { Close(); }
  void String(std::string_view value) override { Add(Json(std::string(value))); }
  void Integer(int64_t value) override { Add(Json(value)); }
  void Double(double value) override { Add(Json(value)); }
  void Boolean(bool value) override { Add(Json(value)); }
  void Null() override { Add(Json(nullptr)); }

  Json Take() { return std::move(root_); }

 private:
  void Add(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
    } else if (open_.back().is_object()) {
      open_.back()[keys_.back()] = std::move(value);
    } else {
      open_.back().push_back(std::move(value));
    }
  }
  void Open(Json container) {
    open_.push_back(std::move(container));
    keys_.emplace_back();
  }
  void Close() {
    Json done = std::move(open_.back());
    open_.pop_back();
    keys_.pop_back();
    Add(std::move(done));
  }

  std::vector<Json> open_;
  std::vector<std::string> keys_;  // Per open container: the key of the value coming next.
  Json root_;
};

}  // namespace

void EmitResult(const Result& result, JsonEvents* out) {
  out->BeginObject();
  out->Key("input"), out->String(result.input);
  out->Key("encoding"), out->String(result.encoding);
  out->Key("collection");
  if (result.collection) {
    out->BeginObject();
    out->Key("title"), out->String(result.collection->title);
    out->Key("date"), StringOrNull(result.collection->date, out);
    out->Key("declared_count");
    if (result.collection->declared_count > 0) {
      out->Integer(result.collection->declared_count);
    } else {
      out->Null();
    }
    out->EndObject();
  } else {
    out->Null();
  }
  out->Key("articles");
  out->BeginArray();
  for (const auto& a : result.articles) EmitArticle(a, out);
  out->EndArray();
  out->Key("removed");
  out->BeginArray();
  for (const auto& r : result.removed) {
    out->BeginObject();
    out->Key("rule"), out->String(r.rule);
    out->Key("line"), out->Integer(r.line);
    out->Key("text"), out->String(r.text);
    out->EndObject();
  }
  out->EndArray();
  out->Key("warnings"), Warnings(result.warnings, out);
  out->EndObject();
}

std::string WriteJson(const Result& result, bool pretty, JsonEvents* also) {
  std::string text;
  TextWriter writer(&text, pretty ? 2 : -1);
  if (also) {
    JsonTee tee(&writer, also);
    EmitResult(result, &tee);
  } else {
    EmitResult(result, &writer);
  }
  return text;
}

nlohmann::ordered_json ToJson(const Result& result) {
  TreeBuilder builder;
  EmitResult(result, &builder);
  return builder.Take();
}

std::string Dump(const nlohmann::ordered_json& document, bool pretty) {
  std::string text;
  TextWriter writer(&text, pretty ? 2 : -1);
  EmitJson(document, &writer);
  return text;
}

Result ResultFromJson(const nlohmann::json& document) {
  using Json = nlohmann::json;
  const auto text = [](const Json& j) { return j.is_string() ? j.get<std::string>() : std::string(); };
  const auto strings = [&](const Json& j) {
    std::vector<std::string> out;
    if (j.is_array()) {
      for (const auto& s : j) out.push_back(text(s));
    }
    return out;
  };
  Result r;
  r.input = text(document.value("input", Json()));
  r.encoding = text(document.value("encoding", Json()));
  if (document.contains("collection") && document["collection"].is_object()) {
    const Json& c = document["collection"];
    r.collection = Collection{text(c.value("title", Json())), text(c.value("date", Json())),
                              c.value("declared_count", Json()).is_number_integer()
                                  ? c["declared_count"].get<int>()
                                  : 0};
  }
  for (const Json& a : document.value("articles", Json::array())) {
    Article article;
    article.title = text(a.value("title", Json()));
    article.authors = strings(a.value("authors", Json()));
    article.affiliations = strings(a.value("affiliations", Json()));
    if (a.contains("source") && a["source"].is_object()) {
      const Json& s = a["source"];
      article.source = Source{text(s.value("name", Json())), text(s.value("issue", Json())),
                              text(s.value("url", Json()))};
    }
    article.date = text(a.value("date", Json()));
    article.keywords = strings(a.value("keywords", Json()));
    article.abstract = text(a.value("abstract", Json()));
    for (const Json& id : a.value("identifiers", Json::array())) {
      article.identifiers.push_back({text(id.value("label", Json())), text(id.value("value", Json()))});
    }
    article.preamble = strings(a.value("preamble", Json()));
    article.references = strings(a.value("references", Json()));
    // Sections, iteratively: each JSON section is copied into the place its parent made.
    std::vector<std::pair<const Json*, std::vector<Section>*>> todo;
    const Json sections = a.value("sections", Json::array());
    todo.push_back({&sections, &article.sections});
    while (!todo.empty()) {
      auto [list, into] = todo.back();
      todo.pop_back();
      into->reserve(list->size());  // the children's addresses stay put
      for (const Json& s : *list) {
        Section section;
        section.marker = text(s.value("marker", Json()));
        section.kind = text(s.value("kind", Json()));
        section.number = s.value("number", Json()).is_number_integer() ? s["number"].get<int>() : 0;
        section.level = s.value("level", Json()).is_number_integer() ? s["level"].get<int>() : 1;
        section.heading = text(s.value("heading", Json()));
        section.paragraphs = strings(s.value("paragraphs", Json()));
        section.line = s.value("line", Json()).is_number_integer() ? s["line"].get<int>() : 0;
        into->push_back(std::move(section));
        if (s.contains("children") && s["children"].is_array() && !s["children"].empty()) {
          todo.push_back({&s["children"], &into->back().children});
        }
      }
    }
    r.articles.push_back(std::move(article));
  }
  return r;
}

}  // namespace gangmu
