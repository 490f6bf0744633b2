// Which of many line rules can match a line, from one pass over the line. Most rules need a
// literal that most lines lack (来源, 作者, 相关阅读 ...): RE2's FilteredRE2 derives, for every
// pattern, the literals ("atoms") a match must contain; one pass over the line finds the atoms
// it holds, and only the patterns whose atoms are present are then run. A call into RE2 costs
// hundreds of instructions even when the pattern fails at the first byte, so this replaces some
// thirty calls per line with one pass and a few calls (measured; see bench/RESULTS.md).
//
// The pass is Hyperscan's (Debian's libhyperscan-dev) where the build found it: its literal
// matcher (SIMD) reads a line at about 1 GB/s where RE2 reads 400 MB/s, and the pass was the
// largest single cost of a run (bench/RESULTS.md). Without Hyperscan the atoms are one
// case-insensitive RE2::Set. Two hand-written scans were measured and dropped: an Aho-Corasick
// automaton over the bytes (its table, hundreds of KiB for the furniture rules, missed the
// caches) and a first-character bitmap (no faster than the RE2::Set).
//
// Never fewer candidates than true matches: a pattern with no usable atom (^\d+$) is always a
// candidate, and when the set's automaton runs out of memory on a line every atom counts as
// present.
// Built once with the rule set, read-only afterwards (shared by threads).
// Covered by tests/unit/literal_prefilter_test.cc.
#ifndef GANGMU_LITERAL_PREFILTER_H_
#define GANGMU_LITERAL_PREFILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gangmu {

class LiteralPrefilter {
 public:
  // Each pattern is compiled again (with its own options) only to derive its atoms; matching
  // still uses the caller's RE2 objects. Atoms shorter than `min_atom_bytes` count as present
  // on every line: one-byte atoms (':', '<') are worth searching only where most lines lack
  // them.
  enum class Scanner { kFastest, kRe2Set };
  // `scanner` kRe2Set forces the portable pass (for tests that compare the two).
  void Build(const std::vector<const RE2*>& patterns, int min_atom_bytes,
             Scanner scanner = Scanner::kFastest);
  ~LiteralPrefilter();
  LiteralPrefilter();
  LiteralPrefilter(LiteralPrefilter&&) noexcept;
  LiteralPrefilter& operator=(LiteralPrefilter&&) noexcept;

  // Indices, ascending, of the patterns that may match `text` or any part of it.
  void Candidates(std::string_view text, std::vector<int>* out) const;

  int size() const { return size_; }
  // Whether the pass is Hyperscan's.
  bool uses_hyperscan() const { return hyperscan_ != nullptr; }
  // The atoms looked for (lower-cased), for tests and tools.
  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  void BuildIndex(Scanner scanner);
  void FindAtoms(std::string_view text, std::vector<int>* found) const;

  int size_ = 0;
  bool filtered_ = false;  // False when no pattern could be filtered: all are candidates.
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::vector<std::string> atoms_;
  std::vector<int> unfiltered_;  // The candidates of a line holding no atom.
  // Hyperscan's database of the atoms (an hs_database_t, kept opaque here so that the header
  // does not need Hyperscan's), or null.
  struct Hyperscan;
  std::unique_ptr<Hyperscan> hyperscan_;
  std::vector<int> always_present_;  // Atoms Hyperscan cannot be asked for (see the .cc).
  // Otherwise the atoms as case-insensitive literals in one unanchored set: one pass of RE2's
  // DFA finds all a line holds. Null when neither could be built: every atom counts.
  std::unique_ptr<RE2::Set> atom_set_;
  // Most patterns need any one of a few atoms (来源 or 出处): for those, the patterns each atom
  // lets through on its own (atom_patterns_) are exactly the candidates, and FilteredRE2's
  // AllPotentials, which allocates on every call, is needed only for the others (patterns that
  // need two atoms together), when the line holds any atom.
  std::vector<std::vector<int>> atom_patterns_;
  std::vector<int> needs_all_atoms_;  // Patterns AllPotentials must judge.
};

}  // namespace gangmu

#endif  // GANGMU_LITERAL_PREFILTER_H_
