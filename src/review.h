// Review: one self-contained HTML page (no network, no external script) that shows, for each
// page, its source lines coloured by fate with the rule on hover, beside the outline (title,
// metadata, the heading tree); a heading links to its source line. Several pages get an index
// with each page's counts. `gangmu review` writes it; tests/review_test.sh opens it in headless
// chromium and checks what it shows.
#ifndef GANGMU_REVIEW_H_
#define GANGMU_REVIEW_H_

#include <string>
#include <vector>

#include "document.h"
#include "explain.h"

namespace gangmu {

struct PageReview {
  std::string name;
  std::vector<LineAccount> accounts;
  Result result;
};

std::string ReviewHtml(const std::vector<PageReview>& pages);

// `text` with & < > " ' as entities.
std::string EscapeHtml(const std::string& text);

}  // namespace gangmu

#endif  // GANGMU_REVIEW_H_
