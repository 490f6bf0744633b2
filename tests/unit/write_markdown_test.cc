// write_markdown.cc: escaping and the document's shape, on small results written here.
#include <catch2/catch.hpp>

#include "test_helpers.h"
#include "write_markdown.h"

using gangmu::EscapeMarkdown;
using gangmu::WriteMarkdown;
using gangmu::testing::ExtractText;

TEST_CASE("markdown: text that would be markup is escaped", "[markdown]") {
  CHECK(EscapeMarkdown("普通的一段话。") == "普通的一段话。");
  CHECK(EscapeMarkdown("- 不是列表") == "\\- 不是列表");
  CHECK(EscapeMarkdown("+ 不是列表") == "\\+ 不是列表");
  CHECK(EscapeMarkdown("12. 不是列表") == "12\\. 不是列表");
  CHECK(EscapeMarkdown("3) 不是列表") == "3\\) 不是列表");
  CHECK(EscapeMarkdown("= 不是标题线") == "\\= 不是标题线");
  CHECK(EscapeMarkdown("# 不是标题") == "\\# 不是标题");
  CHECK(EscapeMarkdown("> 不是引用") == "\\> 不是引用");
  CHECK(EscapeMarkdown("    不是代码") == "不是代码");
  CHECK(EscapeMarkdown("*甲*_乙_[丙](丁)<戊>&己`庚`|辛~壬!") ==
        "\\*甲\\*\\_乙\\_\\[丙\\](丁)\\<戊\\>\\&己\\`庚\\`\\|辛\\~壬\\!");
  // Only at the start: a dash or a number inside a line is text.
  CHECK(EscapeMarkdown("2020-2021年度第1. 期") == "2020-2021年度第1. 期");
  CHECK(EscapeMarkdown("一行\n两行") == "一行 两行");
}

TEST_CASE("markdown: title, metadata, sections one level deeper, markers as written",
          "[markdown]") {
  const auto r = ExtractText(
      "关于加强组织建设的意见\n作者:王明\n一、加强组织建设\n(一)选优配强书记\n正文在这里。\n"
      "第二章 附则\n本意见自发布之日起施行。\n");
  CHECK(WriteMarkdown(r) ==
        "# 关于加强组织建设的意见\n"
        "\n- 作者: 王明\n"
        "\n## 一、加强组织建设\n"
        "\n### (一)选优配强书记\n"
        "\n正文在这里。\n"
        "\n## 第二章 附则\n"
        "\n本意见自发布之日起施行。\n");
}
