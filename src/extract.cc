// The pipeline in run order; see extract.h.
#include "extract.h"

#include "build_outline.h"
#include "decode_input.h"
#include "extract_metadata.h"
#include "filter_boilerplate.h"
#include "normalize_text.h"
#include "split_articles.h"
#include "utf8.h"

namespace gangmu {
namespace {

// Everything an article says, in order, for spotting a compilation that repeats an article.
template <typename Visit>
void ForEachText(const Article& a, Visit visit) {
  for (const auto& p : a.preamble) visit(p);
  std::vector<const Section*> todo;
  for (auto it = a.sections.rbegin(); it != a.sections.rend(); ++it) todo.push_back(&*it);
  while (!todo.empty()) {
    const Section* s = todo.back();
    todo.pop_back();
    visit(s->marker);
    visit(s->heading);
    for (const auto& p : s->paragraphs) visit(p);
    for (auto it = s->children.rbegin(); it != s->children.rend(); ++it) todo.push_back(&*it);
  }
}

// Articles compare without spaces: by hash first, then (only where hashes agree) by text.
SpacelessHash BodyHash(const Article& a) {
  SpacelessHash hash;
  ForEachText(a, [&](const std::string& s) { hash.Add(s); });
  return hash;
}

std::string BodyKey(const Article& a) {
  std::string key;
  ForEachText(a, [&](const std::string& s) { key += WithoutSpaces(s); });
  return key;
}

void SimplifySection(Section* s) {
  s->heading = ToSimplified(s->heading);
  for (auto& p : s->paragraphs) p = ToSimplified(p);
  for (auto& c : s->children) SimplifySection(&c);
}

void Simplify(Result* result) {
  if (result->collection) result->collection->title = ToSimplified(result->collection->title);
  for (auto& a : result->articles) {
    a.title = ToSimplified(a.title);
    for (auto* list : {&a.authors, &a.affiliations, &a.keywords, &a.preamble, &a.references}) {
      for (auto& s : *list) s = ToSimplified(s);
    }
    if (a.source) a.source->name = ToSimplified(a.source->name);
    a.abstract = ToSimplified(a.abstract);
    for (auto& s : a.sections) SimplifySection(&s);
  }
}

}  // namespace

Result Extract(std::string_view display_name, std::string_view bytes, const RuleSet& rules,
               const ExtractOptions& options) {
  Result result;
  result.input = std::string(display_name);
  DecodedInput decoded = DecodeInput(display_name, bytes, options.encoding);
  result.encoding = decoded.encoding;
  result.warnings = std::move(decoded.warnings);

  std::vector<Line> lines = NormalizeText(std::move(decoded.lines), rules.normalize,
                                          &result.warnings, decoded.may_hold_invisible);
  FilterBoilerplate(&lines, rules.furniture, &result.removed, &rules.metadata);
  SplitPage page = SplitArticles(std::move(lines), rules, &result.removed, &result.fates);
  result.collection = std::move(page.collection);
  result.articles = std::move(page.articles);

  std::vector<SpacelessHash> keys;
  for (size_t i = 0; i < result.articles.size(); ++i) {
    Article& article = result.articles[i];
    DropRepeatedBlocks(&article.lines, &article.warnings);
    ExtractMetadata(&article, rules.metadata, &result.removed, &rules.furniture.shape, &result.fates);
    BuildOutline(&article, rules.headings);
    if (result.articles.size() < 2) continue;  // A single article repeats nothing.
    keys.push_back(BodyHash(article));
    for (size_t j = 0; j < i; ++j) {
      if (keys[i].chars() > 0 && keys[j].value() == keys[i].value() &&
          BodyKey(result.articles[j]) == BodyKey(article)) {
        article.duplicate_of = static_cast<int>(j);
        article.warnings.push_back(
            {"duplicate_article", "repeats article " + std::to_string(j) + " of this page", 0});
        break;
      }
    }
  }
  if (options.to_simplified) Simplify(&result);
  return result;
}

}  // namespace gangmu
