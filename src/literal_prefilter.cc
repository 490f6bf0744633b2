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
  filter_->AllPotentials({}, &unfiltered_);
  std::sort(unfiltered_.begin(), unfiltered_.end());
  BuildIndex();
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

  // Which patterns each atom lets through alone; a pattern is judged by them exactly when the
  // line holding every atom but those still does not let it through (the filter is monotone).
  const int atoms = static_cast<int>(atoms_.size());
  atom_patterns_.assign(atoms, {});
  std::vector<std::vector<int>> triggers(size_);
  std::vector<int> passed;
  for (int a = 0; a < atoms; ++a) {
    filter_->AllPotentials({a}, &passed);
    for (const int p : passed) {
      if (std::binary_search(unfiltered_.begin(), unfiltered_.end(), p)) continue;
      atom_patterns_[a].push_back(p);
      triggers[p].push_back(a);
    }
  }
  needs_all_atoms_.clear();
  for (int p = 0; p < size_; ++p) {
    if (std::binary_search(unfiltered_.begin(), unfiltered_.end(), p)) continue;
    std::vector<int> others;
    for (int a = 0; a < atoms; ++a) {
      if (!std::binary_search(triggers[p].begin(), triggers[p].end(), a)) others.push_back(a);
    }
    filter_->AllPotentials(others, &passed);
    if (std::find(passed.begin(), passed.end(), p) != passed.end()) {
      needs_all_atoms_.push_back(p);
    }
  }
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
  *out = unfiltered_;
  if (found.empty()) return;
  for (const int a : found) {
    out->insert(out->end(), atom_patterns_[a].begin(), atom_patterns_[a].end());
  }
  if (!needs_all_atoms_.empty()) {
    thread_local std::vector<int> passed;
    filter_->AllPotentials(found, &passed);
    for (const int p : passed) {
      if (std::binary_search(needs_all_atoms_.begin(), needs_all_atoms_.end(), p)) {
        out->push_back(p);
      }
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace gangmu
