// The page-shape distances that were constants in the stages are rule keys (rules/README.md):
// each test changes one key in a copy of the built-in rules and checks that the output follows.
#include <catch2/catch.hpp>

#include "extract.h"
#include "load_rules.h"
#include "test_helpers.h"

using namespace gangmu;

namespace {

// The built-in rules with `from` replaced by `to` in the file `name` (which must hold it).
std::shared_ptr<const RuleSet> RulesWith(const std::string& name, const std::string& from,
                                         const std::string& to) {
  std::vector<EmbeddedFile> files = DefaultRuleFiles();
  bool replaced = false;
  for (auto& f : files) {
    if (f.name != "rules/" + name) continue;
    const size_t at = f.text.find(from);
    REQUIRE(at != std::string::npos);
    f.text.replace(at, from.size(), to);
    replaced = true;
  }
  REQUIRE(replaced);
  return LoadRules(files);
}

const Article& OnlyArticle(const Result& result) {
  REQUIRE(result.articles.size() == 1);
  return result.articles[0];
}

}  // namespace

TEST_CASE("rule keys: page_break_min_chars decides which unpunctuated paragraph was cut",
          "[rule_keys]") {
  const std::string page =
      "标题写在这里\n一、第一部分\n这一段文字被分页切断没有标点在这里结\n束了。\n";
  const Result before = testing::ExtractText(page);
  const Article& kept = OnlyArticle(before);
  REQUIRE(kept.sections.size() == 1);
  CHECK(kept.sections[0].paragraphs.size() == 2);  // 18 characters: shorter than 40.

  const auto rules =
      RulesWith("headings.yaml", "page_break_min_chars: 40", "page_break_min_chars: 10");
  const Result result = Extract("t.txt", page, *rules);
  const Article& joined = OnlyArticle(result);
  REQUIRE(joined.sections.size() == 1);
  CHECK(joined.sections[0].paragraphs ==
        std::vector<std::string>{"这一段文字被分页切断没有标点在这里结束了。"});
}

TEST_CASE("rule keys: heading_body_min_chars decides where a glued heading ends", "[rule_keys]") {
  const std::string page = "标题写在这里\n一、加强学习 提高思想认识水平。\n正文在这里写得很长很长。\n";
  const Result before = testing::ExtractText(page);
  const Article& whole = OnlyArticle(before);
  REQUIRE(whole.sections.size() == 1);
  CHECK(whole.sections[0].heading == "加强学习 提高思想认识水平");

  const auto rules =
      RulesWith("headings.yaml", "heading_body_min_chars: 15", "heading_body_min_chars: 5");
  const Result result = Extract("t.txt", page, *rules);
  const Article& cut = OnlyArticle(result);
  REQUIRE(cut.sections.size() == 1);
  CHECK(cut.sections[0].heading == "加强学习");
  CHECK(cut.sections[0].paragraphs.at(0) == "提高思想认识水平。");
}

TEST_CASE("rule keys: question_max_chars decides whether a question is a title", "[rule_keys]") {
  const std::string page = "如何做好基层党建工作?\n基层党建工作要抓好三件事,下面分别来说。\n";
  const Result before = testing::ExtractText(page);
  CHECK(OnlyArticle(before).title == "如何做好基层党建工作?");

  const auto rules = RulesWith("metadata.yaml", "question_max_chars: 40", "question_max_chars: 5");
  const Result result = Extract("t.txt", page, *rules);
  CHECK(OnlyArticle(result).title.empty());
}
