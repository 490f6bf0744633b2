// Traditional -> simplified character pairs, generated at build time from ICU (see
// src/generate/make_simplified_table.cc). Only characters of the Basic Multilingual Plane
// whose simplified form differs are listed.
#ifndef GANGMU_SIMPLIFIED_PAIRS_H_
#define GANGMU_SIMPLIFIED_PAIRS_H_

#include <cstddef>

namespace gangmu {

struct SimplifiedPair {
  char16_t traditional;
  char16_t simplified;
};
extern const SimplifiedPair kSimplifiedPairs[];
extern const size_t kSimplifiedPairCount;

}  // namespace gangmu

#endif  // GANGMU_SIMPLIFIED_PAIRS_H_
