// See pattern_index.h.
#include "pattern_index.h"

#include <algorithm>

namespace gangmu {

void PatternIndex::Build(const std::vector<const RE2*>& patterns, RE2::Anchor anchor) {
  size_ = static_cast<int>(patterns.size());
  set_to_pattern_.clear();
  always_.clear();
  RE2::Options options;
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, anchor);
  for (int i = 0; i < size_; ++i) {
    const std::string& p = patterns[i]->pattern();
    if (anchor != RE2::UNANCHORED && p.find("\\B") != std::string::npos) {
      always_.push_back(i);
      continue;
    }
    if (set_->Add(p, nullptr) < 0) {  // Compiled alone before, so this does not happen.
      always_.push_back(i);
      continue;
    }
    set_to_pattern_.push_back(i);
  }
  if (!set_->Compile()) set_.reset();
}

void PatternIndex::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!set_) {
    for (int i = 0; i < size_; ++i) out->push_back(i);
    return;
  }
  std::vector<int> hits;
  RE2::Set::ErrorInfo error;
  if (!set_->Match(re2::StringPiece(text.data(), text.size()), &hits, &error) &&
      error.kind != RE2::Set::kNoError) {
    for (int i = 0; i < size_; ++i) out->push_back(i);
    return;
  }
  for (int hit : hits) out->push_back(set_to_pattern_[hit]);
  out->insert(out->end(), always_.begin(), always_.end());
  std::sort(out->begin(), out->end());
}

}  // namespace gangmu
