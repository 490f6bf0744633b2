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

bool AnchoredAtStart(std::string_view p) {
  size_t i = 0;
  // Leading flag groups: (?i), (?s), (?i-s) ...
  while (p.compare(i, 2, "(?") == 0 && i + 2 < p.size() && p[i + 2] != ':' && p[i + 2] != 'P' &&
         p[i + 2] != '<') {
    const size_t close = p.find(')', i);
    if (close == std::string_view::npos || p.substr(i + 2, close - i - 2).find(':') !=
                                               std::string_view::npos) {
      return false;
    }
    i = close + 1;
  }
  if (i >= p.size() || p[i] != '^') return false;
  int depth = 0;
  bool in_class = false;
  for (size_t k = i + 1; k < p.size(); ++k) {
    const char c = p[k];
    if (c == '\\') {
      ++k;  // The escaped character, whatever it is.
    } else if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (k + 1 < p.size() && p[k + 1] == '^') ++k;
      if (k + 1 < p.size() && p[k + 1] == ']') ++k;  // []...] and [^]...]: ] is literal.
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

void FirstByteGate::Build(const RE2& pattern) {
  low_ = 0, high_ = 0xFF;
  std::string min, max;
  if (!AnchoredAtStart(pattern.pattern()) || !pattern.PossibleMatchRange(&min, &max, 4) ||
      min.empty() || max.empty()) {
    return;  // Not anchored, a possible empty match, or no bound: every line may match.
  }
  // Every match M satisfies min <= M <= max, so its first byte lies between theirs; a match
  // starts the text, so the text's first byte is M's.
  low_ = static_cast<unsigned char>(min[0]);
  high_ = static_cast<unsigned char>(max[0]);
}

}  // namespace gangmu
