// Stage 5: extract_metadata.cc.
#include <catch2/catch.hpp>

#include "extract_metadata.h"
#include "test_helpers.h"

using namespace gangmu;
using gangmu::testing::MakeLines;
using gangmu::testing::Rules;

namespace {
Article Meta(const std::vector<std::string>& lines, const std::string& title = "") {
  Article a;
  a.title = title;
  a.lines = MakeLines(lines);
  ExtractMetadata(&a, Rules().metadata);
  return a;
}
std::vector<std::string> Body(const Article& a) {
  std::vector<std::string> out;
  for (const auto& l : a.lines) out.push_back(l.text);
  return out;
}
}  // namespace

TEST_CASE("metadata: title, repeated title, author label, source with issue", "[metadata]") {
  auto a = Meta({"提高能力的问题", "提高能力的问题", "作者:马瑞华", "来源:《现代企业文化·理论版》2011年第17期",
                 "正文。"});
  CHECK(a.title == "提高能力的问题");
  CHECK(a.authors == std::vector<std::string>{"马瑞华"});
  REQUIRE(a.source);
  CHECK(a.source->name == "现代企业文化·理论版");
  CHECK(a.source->issue == "2011年第17期");
  CHECK(Body(a) == std::vector<std::string>{"正文。"});
}

TEST_CASE("metadata: traditional source line with URL", "[metadata]") {
  auto a = Meta({"題目", "正文。", "文章來源: 《重慶科技報》 http://example.com/w/1.html"});
  REQUIRE(a.source);
  CHECK(a.source->name == "重慶科技報");
  CHECK(a.source->url == "http://example.com/w/1.html");
}

TEST_CASE("metadata: date and source on one line; a bare author line", "[metadata]") {
  auto a = Meta({"王爱民", "2014年06月16日08:10来源:人民网-中国共产党新闻网", "正文。"}, "题目");
  CHECK(a.authors == std::vector<std::string>{"王爱民"});
  CHECK(a.date == "2014-06-16");
  REQUIRE(a.source);
  CHECK(a.source->name == "人民网-中国共产党新闻网");
}

TEST_CASE("metadata: author and source on one line; several authors", "[metadata]") {
  auto a = Meta({"来源:《党政研究》2018年第6期 作者:张三 李四", "正文。"}, "题目");
  CHECK(a.authors == std::vector<std::string>{"张三", "李四"});
  CHECK(a.source->name == "党政研究");
  CHECK(a.source->issue == "2018年第6期");
  auto b = Meta({"作者:张三,李四;王五", "正文。"}, "题目");
  CHECK(b.authors == std::vector<std::string>{"张三", "李四", "王五"});
}

TEST_CASE("metadata: keywords, abstract and identifiers", "[metadata]") {
  auto a = Meta({"【摘要】本文讨论了问题。", "关键词:基层;服务型党组织;建设",
                 "中图分类号:D267", "文献标识码:A", "正文。"},
                "题目");
  CHECK(a.abstract == "本文讨论了问题。");
  CHECK(a.keywords == std::vector<std::string>{"基层", "服务型党组织", "建设"});
  REQUIRE(a.identifiers.size() == 2);
  CHECK(a.identifiers[0].label == "中图分类号");
  CHECK(a.identifiers[0].value == "D267");
  CHECK(Body(a) == std::vector<std::string>{"正文。"});
}

TEST_CASE("metadata: affiliation lines and a trailing affiliation", "[metadata]") {
  auto a = Meta({"正文。", "(作者单位:荆门供电公司物流服务中心)"}, "题目");
  CHECK(a.affiliations == std::vector<std::string>{"荆门供电公司物流服务中心"});
  CHECK(Body(a) == std::vector<std::string>{"正文。"});
  auto b = Meta({"长长的正文到此结束。 (作者单位:建筑公司)"}, "题目");
  CHECK(b.affiliations == std::vector<std::string>{"建筑公司"});
  CHECK(Body(b) == std::vector<std::string>{"长长的正文到此结束。"});
}

TEST_CASE("metadata: references leave the body", "[metadata]") {
  auto a = Meta({"正文。", "参考文献:", "[1]谷宇.党的先进性[M].上海,2013.", "[2]某某."}, "题目");
  CHECK(a.references.size() == 2);
  CHECK(Body(a) == std::vector<std::string>{"正文。"});
}

TEST_CASE("metadata: a first line that is a sentence is no title", "[metadata]") {
  auto a = Meta({"这是正文的第一句话。", "第二句。"});
  CHECK(a.title.empty());
  CHECK(a.lines.size() == 2);
}

TEST_CASE("metadata: a label word under the title is no author", "[metadata]") {
  auto a = Meta({"摘要", "正文。"}, "题目");
  CHECK(a.authors.empty());
}

TEST_CASE("metadata: header-only rules do not fire in the body", "[metadata]") {
  auto a = Meta({"正文第一段很长很长很长。", "作者:某人"}, "题目");
  CHECK(a.authors.empty());
  CHECK(a.lines.size() == 2);
}

TEST_CASE("metadata: a salutation ending in a colon is no title", "[metadata]") {
  auto a = Meta({"同志们：", "我代表大会作报告。"});
  CHECK(a.title.empty());
}

TEST_CASE("metadata: a name with its affiliation in brackets; a journal line", "[metadata]") {
  auto a = Meta({"张三(北京大学马克思主义学院,北京 100871)", "党政研究 2019年4期", "正文。"}, "题目");
  CHECK(a.authors == std::vector<std::string>{"张三"});
  CHECK(a.affiliations == std::vector<std::string>{"北京大学马克思主义学院,北京 100871"});
  REQUIRE(a.source);
  CHECK(a.source->name == "党政研究");
  CHECK(a.source->issue == "2019年4期");
}

TEST_CASE("metadata: date shapes", "[metadata]") {
  for (const char* line : {"2014-6-16", "2014.06.16", "时间:2014-06-16 11:14:59",
                           "发布时间:2014年6月16日"}) {
    INFO(line);
    CHECK(Meta({line, "正文。"}, "题目").date == "2014-06-16");
  }
}
