// Which of many line rules can match a line, from one pass over the line. Most rules need a
// literal that most lines lack (来源, 作者, 相关阅读 ...): RE2's FilteredRE2 derives, for every
// pattern, the literals ("atoms") a match must contain; one pass over the line finds the atoms
// it holds, and only the patterns whose atoms are present are then run. A call into RE2 costs
// hundreds of instructions even when the pattern fails at the first byte, so this replaces some
// thirty calls per line with one pass and a few calls (measured; see bench/RESULTS.md).
//
// The pass is RE2's own: the atoms as case-insensitive literals in one unanchored RE2::Set.
// Two hand-written scans were measured against it on the corpus and dropped: an Aho-Corasick
// automaton over the bytes (its transition table, hundreds of KiB for the furniture rules,
// missed the caches) and a first-character bitmap (as fast, but with its own decoding and case
// rules to get right).
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
  void Build(const std::vector<const RE2*>& patterns, int min_atom_bytes);

  // Indices, ascending, of the patterns that may match `text` or any part of it.
  void Candidates(std::string_view text, std::vector<int>* out) const;

  int size() const { return size_; }
  // The atoms looked for (lower-cased), for tests and tools.
  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  void BuildIndex();

  int size_ = 0;
  bool filtered_ = false;  // False when no pattern could be filtered: all are candidates.
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::vector<std::string> atoms_;
  std::vector<int> unfiltered_;  // The candidates of a line holding no atom.
  // The atoms as case-insensitive literals in one unanchored set: one pass of RE2's DFA over
  // the line finds all it holds. Null when the set could not be built: every atom counts.
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
