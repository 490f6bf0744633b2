// Stage 7: build_outline.cc, through Extract() on small pages, as one-line-per-heading dumps.
#include <catch2/catch.hpp>

#include "test_helpers.h"

using gangmu::testing::ExtractText;
using gangmu::testing::Outline;

TEST_CASE("outline: small pages", "[outline]") {
  struct Case {
    const char* name;
    const char* page;
    const char* outline;
  } cases[] = {
      {"conventional nesting",
       "标题\n一、总体要求\n(一)指导思想。正文。\n1.坚持原则。正文。\n(1)细则\n①要点\n(二)目标\n二、主要任务\n",
       "1 一、 总体要求\n2 (一) 指导思想\n3 1. 坚持原则\n4 (1) 细则\n5 ① 要点\n2 (二) 目标\n"
       "1 二、 主要任务\n"},
      {"a page that starts at (一) and later shows 二、",
       "标题\n(一)学习\n正文。\n(二)实践\n二、共建\n(三)机制\n",
       "1 (一) 学习\n1 (二) 实践\n1 二、 共建\n2 (三) 机制\n"},
      {"numbering that runs on across sections",
       "标题\n1、认识意义。正文。\n二、落实工作\n2、深化活动。正文。\n3、开展活动。\n三、加强领导\n",
       "1 1、 认识意义\n1 二、 落实工作\n2 2、 深化活动\n2 3、 开展活动\n1 三、 加强领导\n"},
      {"第一, items, then 二、 with 第一 below it",
       "标题\n第一,压力增大。正文。\n第二,难点增多。\n二、方法途径\n第一,提高素质。\n",
       "1 第一, 压力增大\n1 第二, 难点增多\n1 二、 方法途径\n2 第一, 提高素质\n"},
      {"heading text ends at a colon",
       "标题\n1、组织建设:建立党群工作三级网络体系,健全完善党小组制度,赋予新的职能和更高的要求,配齐配强小组长。\n",
       "1 1、 组织建设\n"},
      {"a marker alone on its line takes the next line",
       "标题\n一\n博学之,笃行之\n正文在这里。\n二\n审问之\n",
       "1 一 博学之,笃行之\n1 二 审问之\n"},
      {"a marker alone on its line before a paragraph takes its lead sentence",
       "标题\n一\n一九五六年的纲要是根据倡议提出的。后来作了修改。\n",
       "1 一 一九五六年的纲要是根据倡议提出的\n"},
      {"a bare number with a space needs its sequence",
       "标题\n1 当前研究现状\n正文。\n2 当前研究意义\n正文。\n5 个方面的工作都很重要。\n",
       "1 1 当前研究现状\n1 2 当前研究意义\n"},
      {"quantities and years are no headings",
       "标题\n2014年,我们完成了任务。\n1.5亿元用于建设。\n一、总结\n",
       "1 一、 总结\n"},
      {"a space that a lost line break left ends the heading before a sentence of body",
       "标题\n(一)思想认识不足 部分企业领导重经营轻党建,认为党建可有可无。\n"
       "(二)工作方式陈旧 党建工作的方法手段单一而且缺乏吸引力。\n(三)系统打造 党群义工服务平台。\n"
       "(四)加强党的领导 提高执政能力\n",
       "1 (一) 思想认识不足\n1 (二) 工作方式陈旧\n1 (三) 系统打造 党群义工服务平台\n"
       "1 (四) 加强党的领导 提高执政能力\n"},
      {"headings in traditional characters and full-width forms",
       "標題\n一、擅於做群眾工作\n（一）堅持群眾路線\n１．加強學習\n",
       "1 一、 擅於做群眾工作\n2 （一） 堅持群眾路線\n3 １． 加強學習\n"},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(Outline(ExtractText(c.page)) == c.outline);
  }
}

TEST_CASE("outline: body paragraphs, preamble and a lead sentence split", "[outline]") {
  auto result = ExtractText("标题\n引言一段。\n一、加强学习。学习是根本。\n第二段。\n");
  const auto& a = result.articles.at(0);
  CHECK(a.title == "标题");
  CHECK(a.preamble == std::vector<std::string>{"引言一段。"});
  REQUIRE(a.sections.size() == 1);
  CHECK(a.sections[0].heading == "加强学习");
  CHECK(a.sections[0].paragraphs == std::vector<std::string>{"学习是根本。", "第二段。"});
  CHECK(a.sections[0].line == 3);
}

TEST_CASE("outline: a paragraph cut by a page break is joined", "[outline]") {
  auto result = ExtractText(
      "标题\n一、考核\n将考核结果作为对基层党组织工作业绩评价的重要内容并且作为党建责任人绩效评价的重要依据和基层党组织工\n"
      "作业绩评价的重要内容。\n");
  const auto& s = result.articles.at(0).sections.at(0);
  REQUIRE(s.paragraphs.size() == 1);
  CHECK(s.paragraphs[0].find("基层党组织工作业绩评价的重要内容。") != std::string::npos);
  CHECK(result.articles[0].warnings.at(0).code == "joined_page_break");
}

TEST_CASE("outline: a repeated compilation article is marked duplicate_of", "[outline]") {
  auto result = ExtractText("汇编 篇1\n一、甲\n正文。\n汇编 篇2\n一、甲\n正文。\n");
  REQUIRE(result.articles.size() == 2);
  CHECK(result.articles[0].duplicate_of == -1);
  CHECK(result.articles[1].duplicate_of == 0);
}
