// Stage 8: Result -> JSON; see write_json.h.
#include "write_json.h"

namespace gangmu {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json WarningsJson(const std::vector<Warning>& warnings) {
  Json out = Json::array();
  for (const auto& w : warnings) {
    out.push_back({{"code", w.code}, {"message", w.message},
                   {"line", w.line > 0 ? Json(w.line) : Json(nullptr)}});
  }
  return out;
}

// Depth is bounded by the number of marker families (see build_outline.h).
Json SectionJson(const Section& s) {
  Json children = Json::array();
  for (const auto& c : s.children) children.push_back(SectionJson(c));
  return Json{{"marker", s.marker},         {"kind", s.kind},
              {"number", s.number},         {"level", s.level},
              {"heading", s.heading},       {"paragraphs", s.paragraphs},
              {"children", std::move(children)}, {"line", s.line}};
}

Json ArticleJson(const Article& a) {
  Json source = nullptr;
  if (a.source) {
    source = {{"name", a.source->name},
              {"issue", OrNull(a.source->issue)},
              {"url", OrNull(a.source->url)}};
  }
  Json identifiers = Json::array();
  for (const auto& id : a.identifiers) {
    identifiers.push_back({{"label", id.label}, {"value", id.value}});
  }
  Json sections = Json::array();
  for (const auto& s : a.sections) sections.push_back(SectionJson(s));
  return Json{{"title", OrNull(a.title)},
              {"authors", a.authors},
              {"affiliations", a.affiliations},
              {"source", std::move(source)},
              {"date", OrNull(a.date)},
              {"keywords", a.keywords},
              {"abstract", OrNull(a.abstract)},
              {"identifiers", std::move(identifiers)},
              {"preamble", a.preamble},
              {"sections", std::move(sections)},
              {"references", a.references},
              {"duplicate_of", a.duplicate_of >= 0 ? Json(a.duplicate_of) : Json(nullptr)},
              {"line", a.first_line},
              {"warnings", WarningsJson(a.warnings)}};
}

}  // namespace

Json ToJson(const Result& result) {
  Json collection = nullptr;
  if (result.collection) {
    collection = {{"title", result.collection->title},
                  {"date", OrNull(result.collection->date)},
                  {"declared_count", result.collection->declared_count > 0
                                         ? Json(result.collection->declared_count)
                                         : Json(nullptr)}};
  }
  Json articles = Json::array();
  for (const auto& a : result.articles) articles.push_back(ArticleJson(a));
  Json removed = Json::array();
  for (const auto& r : result.removed) {
    removed.push_back({{"rule", r.rule}, {"line", r.line}, {"text", r.text}});
  }
  return Json{{"input", result.input},
              {"encoding", result.encoding},
              {"collection", std::move(collection)},
              {"articles", std::move(articles)},
              {"removed", std::move(removed)},
              {"warnings", WarningsJson(result.warnings)}};
}

namespace {

// Appends `s` as a JSON string the way nlohmann's dump(ensure_ascii = false) writes it, but
// copies runs of plain bytes at once: nlohmann's serializer walks a UTF-8 state machine byte by
// byte and was the slowest step of a run. Every string here is valid UTF-8 (decode_input replaces
// invalid bytes, and every later cut falls on a character boundary), so multi-byte characters
// are copied as they are.
void AppendString(std::string* out, const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;  // Start of the bytes not yet copied.
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s, run, i - run);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append("\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
    run = ++i;
  }
  out->append(s, run, s.size() - run);
  out->push_back('"');
}

void Newline(std::string* out, int indent, int depth) {
  if (indent < 0) return;
  out->push_back('\n');
  out->append(static_cast<size_t>(indent * depth), ' ');
}

void AppendValue(std::string* out, const Json& v, int indent, int depth) {
  switch (v.type()) {
    case Json::value_t::string:
      AppendString(out, v.get_ref<const std::string&>());
      return;
    case Json::value_t::object: {
      if (v.empty()) {
        out->append("{}");
        return;
      }
      out->push_back('{');
      bool first = true;
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (!first) out->push_back(',');
        first = false;
        Newline(out, indent, depth + 1);
        AppendString(out, it.key());
        out->append(indent < 0 ? ":" : ": ");
        AppendValue(out, it.value(), indent, depth + 1);
      }
      Newline(out, indent, depth);
      out->push_back('}');
      return;
    }
    case Json::value_t::array: {
      if (v.empty()) {
        out->append("[]");
        return;
      }
      out->push_back('[');
      bool first = true;
      for (const auto& item : v) {
        if (!first) out->push_back(',');
        first = false;
        Newline(out, indent, depth + 1);
        AppendValue(out, item, indent, depth + 1);
      }
      Newline(out, indent, depth);
      out->push_back(']');
      return;
    }
    default:  // Numbers, booleans and null: short, and nlohmann's own forms.
      out->append(v.dump());
  }
}

}  // namespace

std::string Dump(const Json& document, bool pretty) {
  std::string out;
  AppendValue(&out, document, pretty ? 2 : -1, 0);
  return out;
}

}  // namespace gangmu
