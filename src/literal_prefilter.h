// Which of many line rules can match a line, from one pass over the line. Most rules need a
// literal that most lines lack (来源, 作者, 相关阅读 ...): RE2's FilteredRE2 derives, for every
// pattern, the literals ("atoms") a match must contain, and an Aho-Corasick automaton over all
// atoms finds the ones a line holds in one pass of a table lookup per byte. Only the patterns
// whose atoms are present are then run. A call into RE2 costs hundreds of instructions even
// when the pattern fails at the first byte, so this replaces some thirty calls per line with one
// pass and a few calls (measured with callgrind; see bench/RESULTS.md).
//
// Never fewer candidates than true matches: a pattern with no usable atom (^\d+$) is always a
// candidate, and an atom whose case the ASCII folding below cannot follow (a non-ASCII letter
// with an upper case) counts as present on every line.
// Built once with the rule set, read-only afterwards (shared by threads).
// Covered by tests/unit/literal_prefilter_test.cc.
#ifndef GANGMU_LITERAL_PREFILTER_H_
#define GANGMU_LITERAL_PREFILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <array>
#include <cstdint>
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
  // The atoms the automaton looks for (lower-cased), for tests and `rules --explain`-like tools.
  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  void BuildAutomaton();

  int size_ = 0;
  bool filtered_ = false;  // False when no pattern could be filtered: all are candidates.
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::vector<std::string> atoms_;
  std::vector<int> always_present_;  // Atoms the automaton cannot search for reliably.
  std::vector<int> unfiltered_;      // The candidates of a line holding no atom.
  // The automaton: bytes map to classes (bytes in no atom share class 0), and
  // next_[row + class] is the next state, failure links already folded in. A state is stored
  // as (its row's offset << 1) | (whether atoms end there), so the scan needs no multiply and
  // no second lookup.
  std::array<uint8_t, 256> byte_class_{};
  int classes_ = 1;
  std::vector<uint32_t> next_;
  // Atoms ending at each state (its own and those of its failure chain): outputs_ from
  // output_begin_[state] to output_begin_[state + 1].
  std::vector<uint32_t> output_begin_;
  std::vector<int> outputs_;
};

}  // namespace gangmu

#endif  // GANGMU_LITERAL_PREFILTER_H_
