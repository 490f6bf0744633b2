// pattern_index.cc: candidates are never fewer than the true matches, and come in rule order.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "pattern_index.h"
#include "test_helpers.h"
#include "utf8.h"

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

TEST_CASE("first-byte gate: anchored at the start only without a top-level |", "[index]") {
  using gangmu::AnchoredAtStart;
  CHECK(AnchoredAtStart("^abc"));
  CHECK(AnchoredAtStart("(?i)^abc"));
  CHECK(AnchoredAtStart("^(?:a|b)c"));
  CHECK(AnchoredAtStart("^[|]x"));
  CHECK(AnchoredAtStart("^[]|]x"));
  CHECK(AnchoredAtStart("^\\(a|b\\)") == false);  // The | is outside any group.
  CHECK_FALSE(AnchoredAtStart("^a|b"));
  CHECK_FALSE(AnchoredAtStart("abc"));
  CHECK_FALSE(AnchoredAtStart("(?:^a)"));  // Possible, but not recognised: no gate, still sound.
  CHECK_FALSE(AnchoredAtStart("^\\|x|y"));
}

TEST_CASE("first-byte gate: never refuses a line the pattern matches", "[index]") {
  const auto& f = gangmu::testing::Rules().furniture;
  REQUIRE(f.link_item);
  CHECK(f.link_item_gate.active());
  CHECK(f.link_numbered_gate.active());
  CHECK_FALSE(f.link_item_gate.Admits("正文第一段。"));
  CHECK_FALSE(f.link_numbered_gate.Admits("正文第一段。"));
  CHECK(f.link_item_gate.Admits("· 相关文章标题"));
  // Every line of the seeds and the bundled pages, and lines made to open with every byte,
  // against the link patterns and patterns with flags and groups.
  std::vector<std::string> lines;
  for (const char* dir : {"/tests/pages/input", "/../shared/seeds"}) {
    const std::filesystem::path root = std::string(GANGMU_SOURCE_DIR) + dir;
    if (!std::filesystem::is_directory(root)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(root)) {
      std::ifstream in(entry.path());
      for (std::string line; std::getline(in, line);) lines.push_back(gangmu::testing::MakeLine(line).view);
    }
  }
  for (int b = 1; b < 256; ++b) lines.push_back(std::string(1, static_cast<char>(b)) + " 1. 标题");
  for (const char* extra : {"1. 相关文章的标题", "[2] 标题", "- 条目", "ABC def", "abc", "Abc x"}) {
    lines.push_back(extra);
  }
  std::vector<const RE2*> patterns = {f.link_item.get(), f.link_numbered_item.get()};
  const RE2 folded("(?i)^abc"), grouped("^(?:\\d|[a-c])x?"), classed("^[^\\x{4e00}-\\x{9fff}]");
  for (const RE2* p : {&folded, &grouped, &classed}) patterns.push_back(p);
  size_t matched = 0;
  for (const RE2* p : patterns) {
    gangmu::FirstByteGate gate;
    gate.Build(*p);
    for (const auto& line : lines) {
      const std::string_view trimmed = gangmu::TrimmedView(line);
      if (!RE2::PartialMatch(trimmed, *p)) continue;
      ++matched;
      INFO(p->pattern() << " on " << line);
      CHECK(gate.Admits(trimmed));
    }
  }
  CHECK(matched > 20);
}
