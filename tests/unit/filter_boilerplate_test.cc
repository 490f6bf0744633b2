// Stage 3: filter_boilerplate.cc.
#include <catch2/catch.hpp>

#include "filter_boilerplate.h"
#include "test_helpers.h"

using namespace gangmu;
using gangmu::testing::MakeLines;
using gangmu::testing::Rules;

namespace {
std::vector<std::string> Texts(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) out.push_back(l.text);
  return out;
}
}  // namespace

TEST_CASE("furniture: site notices, widgets and tracking ids are removed and recorded",
          "[furniture]") {
  auto lines = MakeLines({"标题", "", "  1. 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑。",
                          "正文第一段。", "nlc202309091128", "已赞过", "上一篇:甲下一篇:乙",
                          "相关文档"});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(Texts(lines) == std::vector<std::string>{"标题", "正文第一段。"});
  REQUIRE(removed.size() == 5);
  CHECK(removed[0].rule == "download_notice");
  CHECK(removed[0].line == 3);
  CHECK(removed[1].rule == "tracking_id");
  CHECK(removed[2].rule == "qa_widget");
  CHECK(removed[3].rule == "prev_next");
  CHECK(removed[4].rule == "related_links");
}

TEST_CASE("furniture: a long body line that mentions a phrase stays", "[furniture]") {
  std::string long_line = "他说欢迎访问我们的村子,";
  for (int i = 0; i < 20; ++i) long_line += "村里的道路和房屋都有了很大的变化,";
  long_line += "大家都很高兴。";
  auto lines = MakeLines({long_line});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(lines.size() == 1);
  CHECK(removed.empty());
}

TEST_CASE("furniture: phrases go, the rest of the line stays", "[furniture]") {
  auto lines = MakeLines({"2024-11-17 版权声明 我要投稿"});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(Texts(lines) == std::vector<std::string>{"2024-11-17"});
  CHECK(removed.size() == 2);
}

TEST_CASE("furniture: link lists are recognised by shape, traditional menus by name",
          "[furniture]") {
  auto lines = MakeLines({"正文最后一段。", "欄目分類", "- 1短視頻走紅的原因", "- 論樹洞傳播",
                          "- 美術創作中的創造性思維"});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(Texts(lines) == std::vector<std::string>{"正文最后一段。"});
  CHECK(removed.size() == 4);
  CHECK(removed[1].rule == "link_list");
}

TEST_CASE("furniture: two bulleted lines are not yet a link list", "[furniture]") {
  auto lines = MakeLines({"- 甲", "- 乙", "正文。"});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(lines.size() == 3);
}

TEST_CASE("repeated blocks: a verbatim repeat is kept once with a warning", "[furniture]") {
  auto lines = MakeLines({"一、问题", "(一)重视不够。", "正文。", "一、问题", "(一)重视不够。",
                          "正文。", "结尾。"});
  std::vector<Warning> warnings;
  DropRepeatedBlocks(&lines, &warnings);
  CHECK(Texts(lines) ==
        std::vector<std::string>{"一、问题", "(一)重视不够。", "正文。", "结尾。"});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message == "lines 4-6 repeat lines 1-3; kept once");
}

TEST_CASE("repeated blocks: a short line repeated alone stays", "[furniture]") {
  auto lines = MakeLines({"同上。", "正文。", "同上。"});
  std::vector<Warning> warnings;
  DropRepeatedBlocks(&lines, &warnings);
  CHECK(lines.size() == 3);
}

TEST_CASE("furniture: breadcrumbs are navigation", "[furniture]") {
  auto lines = MakeLines({"首页 > 论文 > 党建论文", "当前位置:首页", "正文。"});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(Texts(lines) == std::vector<std::string>{"正文。"});
  CHECK(removed.at(0).rule == "breadcrumb");
}

TEST_CASE("furniture: a table of contents goes where the page repeats its entries",
          "[furniture]") {
  auto lines = MakeLines({"预案", "说明在前。", "目　　录", "1　总则", "1.1　编制目的", "2　组织机构",
                          "1　总则", "1.1　编制目的", "为了做好工作。", "2　组织机构", "正文。"});
  std::vector<Removal> removed;
  FilterBoilerplate(&lines, Rules().furniture, &removed);
  CHECK(Texts(lines) == std::vector<std::string>{"预案", "说明在前。", "1　总则", "1.1　编制目的",
                                                 "为了做好工作。", "2　组织机构", "正文。"});
  REQUIRE(removed.size() == 4);
  CHECK(removed[0].rule == "contents_heading");
  CHECK(removed[1].rule == "contents");
  CHECK(removed[3].text == "2　组织机构");
  // Entries the page does not repeat are no contents: the run stops at the first of them.
  auto single = MakeLines({"目录", "一、总则", "正文。"});
  removed.clear();
  FilterBoilerplate(&single, Rules().furniture, &removed);
  CHECK(Texts(single) == std::vector<std::string>{"一、总则", "正文。"});
}
