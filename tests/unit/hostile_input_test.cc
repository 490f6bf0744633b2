// Hostile inputs (issue 5): each is processed or refused cleanly, and the output still conforms
// to the schema. Time stays linear: bench/stages_bench.cc measures that; these tests check the
// outcome. GANGMU_HOSTILE_MB scales the largest input (default 100; the sanitizer build, ten
// times slower, uses 10).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "cli/run.h"
#include "diagnostic.h"
#include "test_helpers.h"
#include "validate_schema.h"
#include "write_json.h"

using namespace gangmu;

namespace {

size_t HostileMegabytes() {
  const char* mb = std::getenv("GANGMU_HOSTILE_MB");
  return mb ? std::strtoul(mb, nullptr, 10) : 100;
}

// Extracts `bytes` and checks the document against the schema.
Result ExtractChecked(const std::string& bytes) {
  Result result = Extract("hostile", bytes, testing::Rules());
  static const SchemaValidator validator;
  const auto problems = validator.Validate(ToJson(result));
  CHECK(problems.empty());
  return result;
}

size_t CountSections(const std::vector<Section>& sections) {
  size_t n = sections.size();
  for (const auto& s : sections) n += CountSections(s.children);
  return n;
}

}  // namespace

TEST_CASE("hostile: an empty file gives an empty document", "[hostile]") {
  const Result r = ExtractChecked("");
  CHECK(r.articles.empty());
  CHECK(r.removed.empty());
}

TEST_CASE("hostile: binary is refused and the batch goes on", "[hostile]") {
  const std::string dir = testing::TempDir("hostile-binary");
  testing::WriteFile(dir + "/a.txt", "标题\n一、甲\n乙。\n");
  std::string blob;
  for (int i = 0; i < 4096; ++i) blob.push_back(static_cast<char>(i * 7 % 256));
  testing::WriteFile(dir + "/b.txt", blob);
  testing::WriteFile(dir + "/c.txt", "标题二\n");
  std::istringstream in;
  std::ostringstream out, err;
  const int code = Run({"extract", dir, "--format", "jsonl"}, in, out, err);
  CHECK(code == 1);
  CHECK(err.str().find(dir + "/b.txt: not text (binary data: NUL bytes or control characters); "
                             "skipped") != std::string::npos);
  CHECK(err.str().find("gangmu: 1 of 3 input(s) failed") != std::string::npos);
  std::string a, c, extra;
  std::istringstream lines(out.str());
  REQUIRE(std::getline(lines, a));
  REQUIRE(std::getline(lines, c));
  CHECK_FALSE(std::getline(lines, extra));
  CHECK(a.find("a.txt") != std::string::npos);
  CHECK(c.find("c.txt") != std::string::npos);
}

TEST_CASE("hostile: invalid UTF-8 and a few NUL bytes are replaced and warned about", "[hostile]") {
  std::string text = "标题\n一、甲\xff\xfe乙。\n";
  text += std::string(1, '\0') + "丙\xe4\xb8。\n";
  const Result r = ExtractChecked(text);
  bool warned = false;
  for (const auto& w : r.warnings) warned |= w.code == "invalid_bytes";
  CHECK(warned);
  REQUIRE(r.articles.size() == 1);
  REQUIRE_FALSE(r.articles[0].sections.empty());
  CHECK(r.articles[0].sections[0].heading.find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("hostile: a 100 MB single line", "[hostile]") {
  const size_t mb = HostileMegabytes();
  std::string line;
  line.reserve(mb * 1000000 + 16);
  const std::string unit = "这是没有换行的很长的一段文字，";  // 45 bytes.
  while (line.size() + unit.size() <= mb * 1000000) line += unit;
  line += "\n";
  const Result r = ExtractChecked(line);
  REQUIRE(r.articles.size() == 1);
  // The line is body text: nothing of it is lost.
  size_t kept = 0;
  for (const auto& p : r.articles[0].preamble) kept += p.size();
  CHECK(kept + 1 >= line.size() - 1);
}

TEST_CASE("hostile: a million empty lines", "[hostile]") {
  const std::string text = "标题\n" + std::string(1000000, '\n') + "一、甲\n乙。\n";
  const Result r = ExtractChecked(text);
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].title == "标题");
  REQUIRE(r.articles[0].sections.size() == 1);
  CHECK(r.articles[0].sections[0].line == 1000002);  // Line numbers count the empty lines.
}

TEST_CASE("hostile: thousands of nested brackets before a marker", "[hostile]") {
  std::string text = "标题\n";
  for (int i = 0; i < 5000; ++i) text += "（(【[";
  text += "一、甲\n二、乙\n";
  const Result r = ExtractChecked(text);
  REQUIRE(r.articles.size() == 1);
  // The bracket line is no heading; 二、 is (its sequence has no 一、 above it, so it comes in
  // at the top level).
  CHECK(CountSections(r.articles[0].sections) == 1);
}

TEST_CASE("hostile: a marker repeated a million times on one line", "[hostile]") {
  std::string text = "标题\n";
  for (int i = 0; i < 1000000; ++i) text += "一、甲。";
  text += "\n";
  const Result r = ExtractChecked(text);
  REQUIRE(r.articles.size() == 1);
  // The same number over and over is no sequence: one heading opens the line, the rest is body.
  CHECK(CountSections(r.articles[0].sections) == 1);
}

TEST_CASE("hostile: numbered markers a hundred thousand times on one line", "[hostile]") {
  std::string text = "标题\n";
  for (int i = 1; i <= 100000; ++i) text += std::to_string(i % 99 + 1) + "、甲。";
  text += "\n";
  const Result r = ExtractChecked(text);
  REQUIRE(r.articles.size() == 1);
}

TEST_CASE("hostile: GB18030 without a BOM, short and long", "[hostile]") {
  // 標題 / 一、發展 / 正文。 in GB18030.
  const std::string short_text =
      "\x98\xcb\xee\x7d\n\xd2\xbb\xa1\xa2\xb0\x6c\xd5\xb9\n\xd5\xfd\xce\xc4\xa1\xa3\n";
  Result r = ExtractChecked(short_text);
  CHECK(r.encoding == "GB18030");
  REQUIRE(r.articles.size() == 1);
  REQUIRE(r.articles[0].sections.size() == 1);
  CHECK(r.articles[0].sections[0].heading == "發展");
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += short_text;
  r = ExtractChecked(long_text);
  CHECK(r.encoding == "GB18030");
}

TEST_CASE("hostile: a truncated page ends cleanly mid-heading", "[hostile]") {
  const std::string text = "标题\n一、甲\n乙。\n二、丙丁\xe6\x88";  // Cut inside a character.
  const Result r = ExtractChecked(text);
  REQUIRE(r.articles.size() == 1);
  REQUIRE(r.articles[0].sections.size() == 2);
  CHECK(r.articles[0].sections[1].heading.rfind("丙丁", 0) == 0);
}
