// Stage 5: an article's metadata out of its lines. The header zone is the run of lines above
// the first body paragraph; metadata.yaml's rules read its fields wherever they stand, before
// or after the title. The title (unless the split gave one) is then chosen among the zone's
// remaining lines by structure (ChooseTitle) and cleaned (site names, counters, column tags;
// a second line or a ——subtitle joins it); lines above it that fill no field are the page's.
// A bare line of names right under the title gives the authors; the closing block (issuer,
// date, byline) has rules of its own; everything after a references header is the reference
// list. What is left is the body. Covered by tests/unit/extract_metadata_test.cc and
// tests/unit/unseen_sites_test.cc.
#ifndef GANGMU_EXTRACT_METADATA_H_
#define GANGMU_EXTRACT_METADATA_H_

#include "document.h"
#include "rule_set.h"

namespace gangmu {

// `removed` gets the lines that leave the article without filling a field (furniture above
// the title, what field rules leave of a header line when `shape` calls it furniture).
// `fates` gets the lines that filled a field or gave the title (see Fate).
void ExtractMetadata(Article* article, const MetadataRules& rules,
                     std::vector<Removal>* removed = nullptr, const ShapeRules* shape = nullptr,
                     std::vector<Fate>* fates = nullptr);

// The title among the lines above the first body paragraph (the header zone): no metadata,
// name, sentence or heading line; scored by metadata.yaml's `title_choice` (repeated by the
// page, followed by metadata, 《…》, mostly Han, nearer the body). `index` is -1 when the page
// has no title line; `body` is where the header zone ends.
struct TitleChoice {
  int index = -1;
  size_t body = 0;
  bool heading_title = false;  // The title is a heading line the page repeats (kept as such).
};
// `shape` (may be null) tells widget rows and notices from body paragraphs; `gone` (may be
// null) marks lines already taken by metadata.
TitleChoice ChooseTitle(const std::vector<Line>& lines, const MetadataRules& rules,
                        const ShapeRules* shape = nullptr,
                        const std::vector<bool>* gone = nullptr);

// Whether a whole-line metadata rule (one that takes the line) matches the line; with
// `field_rules_too`, a rule that takes only its match (发布日期:… among widgets) counts too.
bool IsMetadataLine(const Line& line, const MetadataRules& rules, bool field_rules_too = false);

// Where a title line's site name or file extension starts in its view (…总结 - 百度文库,
// …总结.doc): title_site_suffix's match at the end of the line, or view.size() when none. The
// split stage uses it for questions and collection titles too.
size_t SiteSuffixStart(const Line& line, const MetadataRules& rules);

}  // namespace gangmu

#endif  // GANGMU_EXTRACT_METADATA_H_
