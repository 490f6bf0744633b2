// See literal_prefilter.h.
#include "literal_prefilter.h"

#include <unicode/uchar.h>

#include <algorithm>

#ifdef GANGMU_HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

#include "utf8.h"

namespace gangmu {

#ifdef GANGMU_HAVE_HYPERSCAN
struct LiteralPrefilter::Hyperscan {
  hs_database_t* database = nullptr;
  ~Hyperscan() { hs_free_database(database); }
};

namespace {

// Hyperscan's scratch space is per thread; one grows to serve every database a thread scans.
// A database is noted once its scratch fits; a database freed and another built at the same
// address are told apart by hs_scan's error, after which the scratch is fitted again.
struct Scratch {
  hs_scratch_t* space = nullptr;
  std::vector<const hs_database_t*> fitted;
  ~Scratch() { hs_free_scratch(space); }
  bool Fit(const hs_database_t* db, bool again) {
    if (!again && std::find(fitted.begin(), fitted.end(), db) != fitted.end()) return true;
    if (hs_alloc_scratch(db, &space) != HS_SUCCESS) return false;
    if (std::find(fitted.begin(), fitted.end(), db) == fitted.end()) fitted.push_back(db);
    return true;
  }
};

int OnAtom(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* found) {
  static_cast<std::vector<int>*>(found)->push_back(static_cast<int>(id));
  return 0;  // Go on: every atom of the line is wanted.
}

}  // namespace
#else
struct LiteralPrefilter::Hyperscan {};
#endif

namespace {

// Hyperscan's caseless literals fold ASCII letters only; FilteredRE2 lower-cases all letters.
// An atom with a letter outside ASCII that has an upper case (é, д) is therefore not searched
// for by Hyperscan but counted present on every line.
bool FoldsLikeAscii(const std::string& atom) {
  size_t len;
  for (size_t i = 0; i < atom.size(); i += len) {
    const char32_t c = DecodeAt(atom, i, &len);
    if (c >= 0x80 && static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))) != c) return false;
  }
  return true;
}

}  // namespace

LiteralPrefilter::LiteralPrefilter() = default;
LiteralPrefilter::~LiteralPrefilter() = default;
LiteralPrefilter::LiteralPrefilter(LiteralPrefilter&&) noexcept = default;
LiteralPrefilter& LiteralPrefilter::operator=(LiteralPrefilter&&) noexcept = default;

void LiteralPrefilter::Build(const std::vector<const RE2*>& patterns, int min_atom_bytes,
                             Scanner scanner) {
  size_ = static_cast<int>(patterns.size());
  filtered_ = false;
  filter_ = std::make_unique<re2::FilteredRE2>(min_atom_bytes);
  atoms_.clear();
  unfiltered_.clear();
  hyperscan_.reset();
  atom_set_.reset();
  always_present_.clear();
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
  BuildIndex(scanner);
}

void LiteralPrefilter::BuildIndex(Scanner scanner) {
#ifdef GANGMU_HAVE_HYPERSCAN
  if (scanner == Scanner::kFastest && !atoms_.empty()) {
    std::vector<const char*> literals;
    std::vector<size_t> lengths;
    std::vector<unsigned int> flags, ids;
    for (size_t i = 0; i < atoms_.size(); ++i) {
      if (!FoldsLikeAscii(atoms_[i])) {
        always_present_.push_back(static_cast<int>(i));
        continue;
      }
      literals.push_back(atoms_[i].data());
      lengths.push_back(atoms_[i].size());
      flags.push_back(HS_FLAG_CASELESS | HS_FLAG_SINGLEMATCH);
      ids.push_back(static_cast<unsigned int>(i));
    }
    auto hyperscan = std::make_unique<Hyperscan>();
    hs_compile_error_t* error = nullptr;
    if (literals.empty() ||
        hs_compile_lit_multi(literals.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned int>(literals.size()), HS_MODE_BLOCK, nullptr,
                             &hyperscan->database, &error) == HS_SUCCESS) {
      if (!literals.empty()) hyperscan_ = std::move(hyperscan);
    } else {
      hs_free_compile_error(error);  // The RE2::Set below serves instead.
      always_present_.clear();
    }
  }
#else
  (void)scanner;
#endif
  if (!hyperscan_ && always_present_.empty()) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_case_sensitive(false);  // FilteredRE2 lower-cased the atoms.
    atom_set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    bool ok = !atoms_.empty();
    for (const std::string& atom : atoms_) {
      ok = ok && atom_set_->Add(RE2::QuoteMeta(atom), nullptr) >= 0;
    }
    if (!ok || !atom_set_->Compile()) atom_set_.reset();
  }

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
  FindAtoms(text, &found);
  *out = unfiltered_;
  if (found.empty()) return;
  for (const int a : found) {
    out->insert(out->end(), atom_patterns_[a].begin(), atom_patterns_[a].end());
  }
  // A pattern that needs two atoms together passes on its own atoms only with two of them
  // (one alone would make it a pattern of atom_patterns_).
  if (!needs_all_atoms_.empty() && found.size() >= 2) {
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

// The atoms `text` holds, each once, in any order.
void LiteralPrefilter::FindAtoms(std::string_view text, std::vector<int>* found) const {
  found->clear();
  auto all = [&] {
    found->clear();
    for (size_t i = 0; i < atoms_.size(); ++i) found->push_back(static_cast<int>(i));
  };
#ifdef GANGMU_HAVE_HYPERSCAN
  if (hyperscan_) {
    thread_local Scratch scratch;
    found->assign(always_present_.begin(), always_present_.end());
    for (bool again : {false, true}) {
      if (!scratch.Fit(hyperscan_->database, again)) break;
      const hs_error_t status =
          hs_scan(hyperscan_->database, text.data(), static_cast<unsigned int>(text.size()), 0,
                  scratch.space, OnAtom, found);
      if (status == HS_SUCCESS) return;
      found->assign(always_present_.begin(), always_present_.end());
    }
    all();  // Hyperscan failed on this line: every atom counts as present.
    return;
  }
#endif
  RE2::Set::ErrorInfo error;
  if (!atom_set_) {
    all();
  } else if (!atom_set_->Match(re2::StringPiece(text.data(), text.size()), found, &error) &&
             error.kind != RE2::Set::kNoError) {
    all();  // The DFA ran out of memory on this line: every atom counts as present.
  }
}

}  // namespace gangmu
