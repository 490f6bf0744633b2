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

std::string Dump(const Json& document, bool pretty) {
  // Invalid UTF-8 cannot reach here (decode_input replaces it), but replace rather than throw.
  return document.dump(pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace gangmu
