// Stage 2: decoded lines -> Lines with a repaired text and a matching view.
//
// The text keeps the page's own characters, less scraping damage: zero-width characters, HTML
// remnants and pinyin annotations (發(fā)展 -> 發展) go, each repair recorded as a warning, by the
// rules of normalize.yaml. The view is what every later rule matches: full-width ASCII folded to
// half-width, odd spaces to ' ', traditional characters to simplified (ICU's
// Traditional-Simplified transform, built once into a table), so one rule serves both scripts.
// Covered by tests/unit/normalize_text_test.cc.
#ifndef GANGMU_NORMALIZE_TEXT_H_
#define GANGMU_NORMALIZE_TEXT_H_

#include <string>
#include <vector>

#include "document.h"
#include "rule_set.h"

namespace gangmu {

// `may_hold_invisible` false (decode_input knows the page holds no control or zero-width
// character) skips looking for them.
std::vector<Line> NormalizeText(std::vector<std::string> lines, const NormalizeRules& rules,
                                std::vector<Warning>* warnings, bool may_hold_invisible = true);

// The matching view of one string (see above), with the shifts back into `text`.
void BuildView(Line* line);

// One code point folded as the view folds it.
char32_t FoldChar(char32_t c);

// `text` with traditional characters converted to simplified (for --to-simplified).
std::string ToSimplified(const std::string& text);

}  // namespace gangmu

#endif  // GANGMU_NORMALIZE_TEXT_H_
