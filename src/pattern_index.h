// Many rule patterns in one automaton: one pass over a text tells which of them can match it,
// instead of one pass per pattern. Used for the marker families tried at every sentence end,
// anchored there, where most positions open no heading. The line rules of normalize,
// furniture and metadata use literal_prefilter.h instead: an automaton of whole patterns must
// read every line to its end and grows large. Built once with the rule set, read-only
// afterwards (shared by threads).
// Covered by tests/unit/pattern_index_test.cc.
#ifndef GANGMU_PATTERN_INDEX_H_
#define GANGMU_PATTERN_INDEX_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string_view>
#include <vector>

namespace gangmu {

class PatternIndex {
 public:
  // `anchor` as for RE2::Set. With ANCHOR_START a pattern is meant to be tried at a position
  // inside a longer text; one whose match depends on the text before it (\B) cannot be judged
  // from the rest alone, so it is always a candidate.
  void Build(const std::vector<const RE2*>& patterns, RE2::Anchor anchor);

  // Indices, ascending, of the patterns that may match `text` (all of them when the index could
  // not be built or its automaton ran out of memory: never fewer than the true matches).
  void Candidates(std::string_view text, std::vector<int>* out) const;

 private:
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> set_to_pattern_;  // Set index -> pattern index.
  std::vector<int> always_;          // Patterns outside the set.
  int size_ = 0;
};

// The bytes a start-anchored pattern's match can open with, as a range: a line outside it
// needs no RE2 call (a call costs hundreds of instructions even when the first byte fails).
// For a pattern without literals that opens with ASCII (^[-·•*], ^\d{1,2}[.、]), the Han lines
// that make most of a page are outside it. Sound only for patterns anchored at the start of
// every alternative: Build checks that the pattern opens with ^ (after an optional flag
// group) and has no top-level |; otherwise, or where the pattern may match empty, every line
// is admitted. The range comes from RE2::PossibleMatchRange.
class FirstByteGate {
 public:
  void Build(const RE2& pattern);
  bool Admits(std::string_view text) const {
    if (low_ == 0 && high_ == 0xFF) return true;
    if (text.empty()) return false;
    const auto b = static_cast<unsigned char>(text[0]);
    return b >= low_ && b <= high_;
  }
  bool active() const { return !(low_ == 0 && high_ == 0xFF); }

 private:
  unsigned char low_ = 0, high_ = 0xFF;
};

// Whether every match of `pattern` starts at the start of the text: it opens with ^ (after
// flag groups such as (?i)) and has no | outside parentheses.
bool AnchoredAtStart(std::string_view pattern);

}  // namespace gangmu

#endif  // GANGMU_PATTERN_INDEX_H_
