// See literal_prefilter.h.
#include "literal_prefilter.h"

#include <algorithm>


namespace gangmu {

void LiteralPrefilter::Build(const std::vector<const RE2*>& patterns, int min_atom_bytes) {
  size_ = static_cast<int>(patterns.size());
  filtered_ = false;
  filter_ = std::make_unique<re2::FilteredRE2>(min_atom_bytes);
  atoms_.clear();
  unfiltered_.clear();
  for (const RE2* pattern : patterns) {
    int id;
    if (filter_->Add(pattern->pattern(), pattern->options(), &id) != RE2::NoError) {
      return;  // Compiled alone before, so this does not happen; all stay candidates.
    }
  }
  if (size_ == 0) return;
  filter_->Compile(&atoms_);
  filtered_ = true;
  BuildIndex();
  filter_->AllPotentials({}, &unfiltered_);
  std::sort(unfiltered_.begin(), unfiltered_.end());
}

void LiteralPrefilter::BuildIndex() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);  // FilteredRE2 lower-cased the atoms.
  atom_set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : atoms_) {
    if (atom_set_->Add(RE2::QuoteMeta(atom), nullptr) < 0) {
      atom_set_.reset();
      return;
    }
  }
  if (atoms_.empty() || !atom_set_->Compile()) atom_set_.reset();
}

void LiteralPrefilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  if (!filtered_) {
    for (int i = 0; i < size_; ++i) out->push_back(i);
    return;
  }
  thread_local std::vector<int> found;
  found.clear();
  RE2::Set::ErrorInfo error;
  if (!atom_set_) {
    for (size_t i = 0; i < atoms_.size(); ++i) found.push_back(static_cast<int>(i));
  } else if (!atom_set_->Match(re2::StringPiece(text.data(), text.size()), &found, &error) &&
             error.kind != RE2::Set::kNoError) {
    // The DFA ran out of memory on this line: every atom counts as present.
    found.clear();
    for (size_t i = 0; i < atoms_.size(); ++i) found.push_back(static_cast<int>(i));
  }
  if (found.empty()) {
    *out = unfiltered_;
    return;
  }
  std::sort(found.begin(), found.end());
  filter_->AllPotentials(found, out);
  std::sort(out->begin(), out->end());
}

}  // namespace gangmu
