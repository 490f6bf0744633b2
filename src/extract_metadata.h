// Stage 5: an article's metadata out of its lines. The title (unless the split gave one) is
// the first line when it looks like one; copies of the title right under it go. Lines matched
// by metadata.yaml rules fill authors, affiliations, source, date, keywords, abstract and
// identifiers and leave the body (or only the matched part does); a bare line of names right
// under the title gives the authors; everything after a references header is the reference
// list. What is left is the body. Covered by tests/unit/extract_metadata_test.cc.
#ifndef GANGMU_EXTRACT_METADATA_H_
#define GANGMU_EXTRACT_METADATA_H_

#include "document.h"
#include "rule_set.h"

namespace gangmu {

void ExtractMetadata(Article* article, const MetadataRules& rules);

// Where a title line's site name or file extension starts in its view (…总结 - 百度文库,
// …总结.doc): title_site_suffix's match at the end of the line, or view.size() when none. The
// split stage uses it for questions and collection titles too.
size_t SiteSuffixStart(const Line& line, const MetadataRules& rules);

}  // namespace gangmu

#endif  // GANGMU_EXTRACT_METADATA_H_
