// literal_prefilter.cc: a line's candidates are never fewer than the patterns that match it,
// whatever the case, the bytes or the shape of the patterns; rules with a literal the line
// lacks are left out.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "literal_prefilter.h"
#include "load_rules.h"
#include "normalize_text.h"
#include "rule_set.h"

using gangmu::LiteralPrefilter;

namespace {

bool Has(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("prefilter: a pattern is a candidate only where its literals are", "[index]") {
  RE2 source("^(?:来源|出处)\\s*[::]"), author("作者[::]"), digits("^\\d+$");
  LiteralPrefilter filter;
  filter.Build({&source, &author, &digits}, 2);
  std::vector<int> out;
  filter.Candidates("本文出处:新华社 作者:张三", &out);
  CHECK(out == std::vector<int>{0, 1, 2});  // ^\d+$ has no literal: always a candidate.
  filter.Candidates("一、总体要求", &out);
  CHECK(out == std::vector<int>{2});
  filter.Candidates("", &out);
  CHECK(out == std::vector<int>{2});
  filter.Candidates("来", &out);  // Half an atom is none.
  CHECK(out == std::vector<int>{2});
  // Whatever comes before an atom (a stray lead byte, a character outside the BMP, ASCII)
  // cannot hide it.
  for (const char* before : {"\xE5", "\xE5\x8F", "\xF0\xA0\x80\x80", "\x80\x80", "ab", "，"}) {
    filter.Candidates(std::string(before) + "来源:新华社", &out);
    CHECK(out == std::vector<int>{0, 2});
  }
}

TEST_CASE("prefilter: all of a pattern's literals are needed, any of its alternatives", "[index]") {
  RE2 both("责任编辑.*校对"), either("(?:点击|扫码)关注");
  LiteralPrefilter filter;
  filter.Build({&both, &either}, 2);
  std::vector<int> out;
  filter.Candidates("责任编辑:李四", &out);
  CHECK(out.empty());
  filter.Candidates("校对:王五 责任编辑:李四", &out);  // Both present (order is RE2's business).
  CHECK(out == std::vector<int>{0});
  filter.Candidates("扫码关注我们", &out);
  CHECK(out == std::vector<int>{1});
}

TEST_CASE("prefilter: atoms are found in any case, in any script", "[index]") {
  RE2 copyright("(?i)copyright"), upper("DOI:"), umlaut("Über"), cyrillic("(?i)дата");
  LiteralPrefilter filter;
  filter.Build({&copyright, &upper, &umlaut, &cyrillic}, 2);
  std::vector<int> out;
  filter.Candidates("COPYRIGHT 2020", &out);
  CHECK(Has(out, 0));
  filter.Candidates("doi:10.1/x DOI:10.2/y", &out);
  CHECK(Has(out, 1));
  // FilteredRE2 lower-cases its atoms (über, дата): upper-case text must still find them.
  filter.Candidates("ÜBER", &out);
  CHECK(Has(out, 2));
  filter.Candidates("ДАТА", &out);
  CHECK(Has(out, 3));
}

TEST_CASE("prefilter: one-byte atoms are searched only when asked for", "[index]") {
  RE2 tag("</?[a-z]+>"), entity("&amp;");
  LiteralPrefilter coarse, fine;
  coarse.Build({&tag, &entity}, 2);
  fine.Build({&tag, &entity}, 1);
  std::vector<int> out;
  coarse.Candidates("正文", &out);
  CHECK(out == std::vector<int>{0});  // '<' is too short to search: always a candidate.
  fine.Candidates("正文", &out);
  CHECK(out.empty());
  fine.Candidates("正文</span>", &out);
  CHECK(out == std::vector<int>{0});
}

TEST_CASE("prefilter: an empty rule list has no candidates", "[index]") {
  LiteralPrefilter filter;
  filter.Build({}, 2);
  std::vector<int> out{7};
  filter.Candidates("任何文字", &out);
  CHECK(out.empty());
}

// The property the stages rely on, over the built-in rules and every line of the bundled
// pages: a rule that matches a line is among the line's candidates.
TEST_CASE("prefilter: built-in rules never miss a match on real pages", "[index]") {
  const auto rules = gangmu::LoadDefaultRules();
  struct Group {
    const char* name;
    const LiteralPrefilter* filter;
    std::vector<const RE2*> patterns;
    bool on_view;
  };
  std::vector<Group> groups(3);
  groups[0] = {"normalize", &rules->normalize.prefilter, {}, false};
  for (const auto& r : rules->normalize.repairs) groups[0].patterns.push_back(r.pattern.get());
  for (const auto& r : rules->normalize.checks) groups[0].patterns.push_back(r.pattern.get());
  groups[1] = {"furniture", &rules->furniture.prefilter, {}, true};
  for (const auto& r : rules->furniture.phrases) groups[1].patterns.push_back(r.pattern.get());
  for (const auto& r : rules->furniture.lines) groups[1].patterns.push_back(r.pattern.get());
  groups[2] = {"metadata", &rules->metadata.prefilter, {}, true};
  for (const auto& r : rules->metadata.lines) groups[2].patterns.push_back(r.pattern.get());

  size_t lines = 0, matches = 0, skipped = 0;
  std::vector<int> out;
  for (const char* dir : {"/tests/pages/input", "/tests/golden/input", "/examples"}) {
    const std::string path = std::string(GANGMU_SOURCE_DIR) + dir;
    if (!std::filesystem::is_directory(path)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      std::string text;
      while (std::getline(in, text)) {
        gangmu::Line line;
        line.text = text;
        gangmu::BuildView(&line);
        ++lines;
        for (const Group& g : groups) {
          const std::string& subject = g.on_view ? line.view : line.text;
          g.filter->Candidates(subject, &out);
          for (size_t i = 0; i < g.patterns.size(); ++i) {
            if (!RE2::PartialMatch(subject, *g.patterns[i])) {
              skipped += !Has(out, static_cast<int>(i));
              continue;
            }
            ++matches;
            INFO(g.name << " rule " << i << " on: " << subject);
            CHECK(Has(out, static_cast<int>(i)));
          }
        }
      }
    }
  }
  CHECK(lines > 500);
  CHECK(matches > 100);
  CHECK(skipped > lines);  // The point of it: most rules are skipped on most lines.
}

// Hyperscan's pass (where the build has it) and RE2's give the same candidates.
TEST_CASE("prefilter: both passes agree on every line of the bundled pages", "[index]") {
  const auto rules = gangmu::LoadDefaultRules();
  std::vector<const RE2*> patterns;
  for (const auto& r : rules->furniture.phrases) patterns.push_back(r.pattern.get());
  for (const auto& r : rules->furniture.lines) patterns.push_back(r.pattern.get());
  for (const auto& r : rules->metadata.lines) patterns.push_back(r.pattern.get());
  for (const auto& r : rules->normalize.repairs) patterns.push_back(r.pattern.get());
  // (A non-ASCII letter with a case, as in Über, is where they may differ: Hyperscan's pass
  // counts such an atom present everywhere. The case test above covers it.)
  RE2 either("(?:点击|扫码)关注"), both("责任编辑.*校对");
  for (const RE2* p : {&either, &both}) patterns.push_back(p);
  LiteralPrefilter fastest, portable;
  fastest.Build(patterns, 1);
  portable.Build(patterns, 1, LiteralPrefilter::Scanner::kRe2Set);
  CHECK_FALSE(portable.uses_hyperscan());
  std::vector<int> a, b;
  size_t lines = 0;
  std::vector<std::string> extra = {"ÜBER alles", "扫码关注 责任编辑 校对", "", "\xE5来源"};
  for (const char* dir : {"/tests/pages/input", "/tests/golden/input"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(GANGMU_SOURCE_DIR) + dir)) {
      std::ifstream in(entry.path());
      std::string text;
      while (std::getline(in, text)) extra.push_back(text);
    }
  }
  for (const auto& text : extra) {
    gangmu::Line line;
    line.text = text;
    gangmu::BuildView(&line);
    ++lines;
    fastest.Candidates(line.view, &a);
    portable.Candidates(line.view, &b);
    if (a != b) {
      std::string sa, sb;
      for (int x : a) sa += std::to_string(x) + " ";
      for (int x : b) sb += std::to_string(x) + " ";
      FAIL("the passes disagree on: " << line.view << ": " << sa << "/ " << sb);
    }
  }
  CHECK(lines > 500);
}
