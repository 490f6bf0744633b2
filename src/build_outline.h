// Stage 7: segments -> the article's section tree. A segment with an accepted marker becomes a
// section: its heading is the short line, or the lead sentence up to the first heading_end
// character (。!?; or a colon), and the rest is its first paragraph. A marker alone on its line
// takes the next line as its words. Levels follow the order in which families appear, with the
// conventional rank deciding where a family goes when it comes back or does not start at 1.
// Paragraphs before the first heading are the preamble; a paragraph that a page break cut
// mid-sentence is joined with the next. Covered by tests/unit/build_outline_test.cc.
//
// The tree's depth is bounded by the number of marker families (a family occurs once on the
// path from the root), so recursive walks over it are bounded by the rules, not the input.
#ifndef GANGMU_BUILD_OUTLINE_H_
#define GANGMU_BUILD_OUTLINE_H_

#include "document.h"
#include "rule_set.h"

namespace gangmu {

// Consumes article->lines into preamble and sections.
void BuildOutline(Article* article, const HeadingRules& rules);

}  // namespace gangmu

#endif  // GANGMU_BUILD_OUTLINE_H_
