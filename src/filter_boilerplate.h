// Stage 3: page furniture out. Lines and phrases named by furniture.yaml, link lists and menus
// recognised by their shape (runs of bulleted short lines), furniture told by its shape
// (furniture.yaml `shape`: ShapeScore, FurnitureByShape), and blank lines are dropped; every
// removal but a blank line is recorded. Lines leave this stage trimmed. DropRepeatedBlocks() then keeps one copy of a block of
// lines a page repeats verbatim inside one article. Covered by
// tests/unit/filter_boilerplate_test.cc.
#ifndef GANGMU_FILTER_BOILERPLATE_H_
#define GANGMU_FILTER_BOILERPLATE_H_

#include <string_view>
#include <vector>

#include "document.h"
#include "rule_set.h"

namespace gangmu {

// `metadata`, when given, protects header lines (发布日期:… 浏览次数:…) from the shape test:
// their fields are read later and their widgets go by phrase rules.
void FilterBoilerplate(std::vector<Line>* lines, const FurnitureRules& rules,
                       std::vector<Removal>* removed, const MetadataRules* metadata = nullptr);

// How much a line looks like page furniture (positive) or article text (negative), from
// furniture.yaml's `shape`: the weights of the lexicons it hits and of its shape features.
// `why` (may be null) gets the id of the lexicon or feature that weighed most towards
// furniture, for the removal record; `terms` (may be null; `gangmu explain --line`) every
// lexicon and feature that weighed, with its weight.
using ShapeTerms = std::vector<std::pair<std::string, double>>;
double ShapeScore(std::string_view view, const ShapeRules& rules, std::string* why,
                  ShapeTerms* terms = nullptr);

// The context decision (jusText's idea, on lines): the page's top zone runs to its first body
// paragraph, its bottom zone from its last; there a line scoring `furniture_at` goes.
// Anywhere a line scoring `strong_at` goes. `keep(i)` protects line i (metadata). Returns, per line,
// the rule id that removed it, or "" for kept lines.
std::vector<std::string> FurnitureByShape(const std::vector<Line>& lines, const ShapeRules& rules,
                                          const std::vector<bool>& keep);

// Removes the second copy of any run of at least two consecutive lines (or one line of at least
// `min_single_chars` characters) that already occurred earlier in `lines`, with a warning.
void DropRepeatedBlocks(std::vector<Line>* lines, std::vector<Warning>* warnings,
                        size_t min_single_chars = 80);

}  // namespace gangmu

#endif  // GANGMU_FILTER_BOILERPLATE_H_
