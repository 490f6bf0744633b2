// Stage 4: split_articles.cc.
#include <catch2/catch.hpp>

#include "split_articles.h"
#include "test_helpers.h"

using namespace gangmu;
using gangmu::testing::MakeLines;
using gangmu::testing::Rules;

TEST_CASE("split: a compilation with 篇N headers", "[split]") {
  std::vector<Removal> removed;
  auto page = SplitArticles(MakeLines({"工作总结", "2020-05-06", "工作总结(精选3篇)",
                                       "工作总结 篇1", "正文一。", "工作总结篇(2)", "正文二。",
                                       "另一个题目 篇3", "正文三。"}),
                            Rules(), &removed);
  REQUIRE(page.collection);
  CHECK(page.collection->title == "工作总结(精选3篇)");
  CHECK(page.collection->date == "2020-05-06");
  CHECK(page.collection->declared_count == 3);
  REQUIRE(page.articles.size() == 3);
  CHECK(page.articles[0].title == "工作总结");
  CHECK(page.articles[1].title == "工作总结");
  CHECK(page.articles[2].title == "另一个题目");
  CHECK(page.articles[1].lines.at(0).text == "正文二。");
  CHECK(removed.size() == 3);  // The page header lines.
}

TEST_CASE("split: 第N篇 inside a sentence is no header", "[split]") {
  std::vector<Removal> removed;
  auto page = SplitArticles(MakeLines({"标题", "这是本书的第3篇"}), Rules(), &removed);
  CHECK_FALSE(page.collection);
  CHECK(page.articles.size() == 1);
}

TEST_CASE("split: a Q&A page gives one article per answer", "[split]") {
  std::vector<Removal> removed;
  auto page = SplitArticles(
      MakeLines({"如何做好工作", "2个回答", "展开全部", "回答一。", "展开全部", "回答二。"}),
      Rules(), &removed);
  REQUIRE(page.collection);
  CHECK(page.collection->title == "如何做好工作");
  CHECK(page.collection->declared_count == 2);
  REQUIRE(page.articles.size() == 2);
  CHECK(page.articles[1].title == "如何做好工作");
  CHECK(page.articles[1].lines.at(0).text == "回答二。");
}

TEST_CASE("split: one answer is one article and no collection", "[split]") {
  std::vector<Removal> removed;
  auto page =
      SplitArticles(MakeLines({"问题", "1个回答", "展开全部", "回答。"}), Rules(), &removed);
  CHECK_FALSE(page.collection);
  REQUIRE(page.articles.size() == 1);
  CHECK(page.articles[0].title == "问题");
}

TEST_CASE("split: a cut-off page showing one of the answers it announces is a collection",
          "[split]") {
  std::vector<Removal> removed;
  auto page =
      SplitArticles(MakeLines({"问题", "2个回答", "展开全部", "回答的开头"}), Rules(), &removed);
  REQUIRE(page.collection);
  CHECK(page.collection->title == "问题");
  CHECK(page.collection->declared_count == 2);
  CHECK(page.articles.size() == 1);
}

TEST_CASE("split: IsoDate checks ranges", "[split]") {
  CHECK(IsoDate("2014", "6", "16") == "2014-06-16");
  CHECK(IsoDate("2014", "13", "1").empty());
  CHECK(IsoDate("14", "6", "16").empty());
  // Chinese numerals: digit by digit for the year, with 十 for month and day.
  CHECK(IsoDate("二〇二四", "三", "五") == "2024-03-05");
  CHECK(IsoDate("一九五四", "九", "二十三") == "1954-09-23");
  CHECK(IsoDate("二○二三", "十二", "三十一") == "2023-12-31");
  CHECK(IsoDate("二零零八", "十", "十") == "2008-10-10");
  CHECK(IsoDate("二〇二四", "十三", "一").empty());
  CHECK(IsoDate("二〇二四", "一", "四十").empty());
  CHECK(IsoDate("二〇二四", "十十", "一").empty());
  CHECK(IsoDate("二〇二四年", "一", "一").empty());
}

TEST_CASE("split: a lone 展开全部 on a page without an answer count is removed", "[split]") {
  std::vector<Removal> removed;
  auto page = SplitArticles(MakeLines({"问题", "展开全部", "回答。"}), Rules(), &removed);
  CHECK_FALSE(page.collection);
  REQUIRE(page.articles.size() == 1);
  REQUIRE(page.articles[0].lines.size() == 2);
  CHECK(page.articles[0].lines[1].text == "回答。");
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].rule == "answer_separator");
}

TEST_CASE("split: one answer under a page that opens with its question", "[split]") {
  // The question, again as the page's heading, the answerer's card, then one answer: the
  // question is the title and the card is the page's, not the answer's.
  std::vector<Removal> removed;
  std::vector<Fate> fates;
  auto page = SplitArticles(MakeLines({"如何做好工作? - 某某问答", "如何做好工作?", "张三",
                                       "某某公司 产品经理", "128 人赞同了该回答", "先做好计划。"}),
                            Rules(), &removed, &fates);
  CHECK_FALSE(page.collection);
  REQUIRE(page.articles.size() == 1);
  CHECK(page.articles[0].title == "如何做好工作?");
  REQUIRE(page.articles[0].lines.size() == 1);
  CHECK(page.articles[0].lines[0].text == "先做好计划。");
  std::vector<std::string> rules;
  for (const Removal& r : removed) rules.push_back(r.rule + " " + r.text);
  CHECK(rules == std::vector<std::string>{"page_header 如何做好工作?", "page_header 张三",
                                          "page_header 某某公司 产品经理",
                                          "answer_separator 128 人赞同了该回答"});
  REQUIRE(fates.size() == 1);
  CHECK(fates[0].rule == "question");
}

TEST_CASE("split: text between the question and the answer count details the question",
          "[split]") {
  std::vector<Removal> removed;
  auto page = SplitArticles(MakeLines({"如何做好工作?", "我是一名支部书记,想请教一下,谢谢。", "2个回答",
                                       "展开全部", "回答一。", "展开全部", "回答二。"}),
                            Rules(), &removed);
  REQUIRE(page.articles.size() == 2);
  CHECK(page.articles[0].lines.at(0).text == "回答一。");
  REQUIRE(removed.size() >= 1);
  CHECK(removed[0].rule == "question_detail");
}
