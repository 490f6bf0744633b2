// Stage 4: one page -> its articles. A compilation (lines "… 篇1", "…篇(2)") gives one article
// per header, titled by the header, and a collection with the page's title (the line that
// declares the count, "…(精选8篇)"), date and declared count. A Q&A page ("2个回答", answers
// opened by "展开全部") gives one article per answer, titled by the question. Any other page is
// one article. Page-header lines that belong to no article are recorded as removed. Rules:
// split.yaml. Covered by tests/unit/split_articles_test.cc.
#ifndef GANGMU_SPLIT_ARTICLES_H_
#define GANGMU_SPLIT_ARTICLES_H_

#include <optional>
#include <vector>

#include "document.h"
#include "rule_set.h"

namespace gangmu {

struct SplitPage {
  std::optional<Collection> collection;
  std::vector<Article> articles;  // Each with `lines` (and `title` where the page gives it).
};

// `fates` (may be null) gets the fate of a line this stage gives one without removing it (a Q&A
// page's question line: the title of every answer).
SplitPage SplitArticles(std::vector<Line> lines, const RuleSet& rules,
                        std::vector<Removal>* removed, std::vector<Fate>* fates = nullptr);

// YYYY-MM-DD from a match of a rule with year, month and day groups; empty when not a date.
std::string IsoDate(const std::string& year, const std::string& month, const std::string& day);

}  // namespace gangmu

#endif  // GANGMU_SPLIT_ARTICLES_H_
