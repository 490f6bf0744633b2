// pattern_index.cc: candidates are never fewer than the true matches, and come in rule order.
#include <catch2/catch.hpp>

#include "pattern_index.h"

using gangmu::PatternIndex;

TEST_CASE("index: unanchored candidates are the patterns that match", "[index]") {
  RE2 a("党建"), b("^一、"), c("\\d{6}");
  PatternIndex index;
  index.Build({&a, &b, &c}, RE2::UNANCHORED);
  std::vector<int> out;
  index.Candidates("一、加强党建 100871", &out);
  CHECK(out == std::vector<int>{0, 1, 2});
  index.Candidates("加强党建", &out);
  CHECK(out == std::vector<int>{0});
  index.Candidates("", &out);
  CHECK(out.empty());
}

TEST_CASE("index: anchored at a position, as marker families are tried", "[index]") {
  RE2 dun("(?P<num>[一二三])、"), paren("\\((?P<num>[一二三])\\)"), weak("\\B(?P<num>\\d)");
  PatternIndex index;
  index.Build({&dun, &paren, &weak}, RE2::ANCHOR_START);
  std::vector<int> out;
  index.Candidates("二、乙", &out);
  CHECK(out == std::vector<int>{0, 2});  // \B depends on the text before: always a candidate.
  index.Candidates("甲(二)乙", &out);
  CHECK(out == std::vector<int>{2});  // Anchored: (二) is not at the start.
}
