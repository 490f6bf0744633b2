// Stage 3: page furniture out. Lines and phrases named by furniture.yaml, link lists and menus
// recognised by their shape (runs of bulleted short lines), and blank lines are dropped; every
// removal but a blank line is recorded. Lines leave this stage trimmed. DropRepeatedBlocks() then keeps one copy of a block of
// lines a page repeats verbatim inside one article. Covered by
// tests/unit/filter_boilerplate_test.cc.
#ifndef GANGMU_FILTER_BOILERPLATE_H_
#define GANGMU_FILTER_BOILERPLATE_H_

#include <vector>

#include "document.h"
#include "rule_set.h"

namespace gangmu {

void FilterBoilerplate(std::vector<Line>* lines, const FurnitureRules& rules,
                       std::vector<Removal>* removed);

// Removes the second copy of any run of at least two consecutive lines (or one line of at least
// `min_single_chars` characters) that already occurred earlier in `lines`, with a warning.
void DropRepeatedBlocks(std::vector<Line>* lines, std::vector<Warning>* warnings,
                        size_t min_single_chars = 80);

}  // namespace gangmu

#endif  // GANGMU_FILTER_BOILERPLATE_H_
