// Stage 6: recognize_headings.cc.
#include <catch2/catch.hpp>

#include "recognize_headings.h"
#include "test_helpers.h"

using namespace gangmu;
using gangmu::testing::MakeLine;
using gangmu::testing::MakeLines;
using gangmu::testing::Rules;

TEST_CASE("numbers: Chinese, Arabic and circled numerals", "[headings]") {
  struct Case {
    const char* text;
    Numeral numeral;
    int value;
  } cases[] = {
      {"一", Numeral::kChinese, 1},    {"十", Numeral::kChinese, 10},
      {"十二", Numeral::kChinese, 12}, {"二十", Numeral::kChinese, 20},
      {"九十九", Numeral::kChinese, 99}, {"一百零五", Numeral::kChinese, 105},
      {"两", Numeral::kChinese, 2},    {"一二", Numeral::kChinese, -1},
      {"12", Numeral::kArabic, 12},    {"１２", Numeral::kArabic, 12},
      {"①", Numeral::kCircled, 1},     {"⑳", Numeral::kCircled, 20},
      {"x", Numeral::kArabic, -1},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(ParseNumber(c.text, c.numeral) == c.value);
  }
}

TEST_CASE("markers: every family at a paragraph start", "[headings]") {
  struct Case {
    const char* text;
    const char* family;  // "" for no marker.
    int number;
    const char* marker;
  } cases[] = {
      {"一、加强学习", "cn_dun", 1, "一、"},
      {"（二）加强学习", "cn_paren", 2, "（二）"},
      {"3.加强学习", "arabic_dot", 3, "3."},
      {"１．加强学习", "arabic_dot", 1, "１．"},
      {"4、加强学习", "arabic_dun", 4, "4、"},
      {"1 当前群众工作", "arabic_space", 1, "1"},
      {"(5)加强学习", "arabic_paren", 5, "(5)"},
      {"6)加强学习", "arabic_half_paren", 6, "6)"},
      {"③加强学习", "circled", 3, "③"},
      {"四是加强学习", "cn_shi", 4, "四是"},
      {"六要定期学习", "cn_shi", 6, "六要"},
      {"第一,加强学习", "cn_di", 1, "第一,"},
      {"第二章 总则", "chapter", 2, "第二章"},
      {"一", "cn_alone", 1, "一"},
      {"1.5亿元的投入", "", 0, ""},
      {"2014年的工作", "", 0, ""},
      {"第一书记要带头", "", 0, ""},
      {"一些同志认为", "", 0, ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    Line line = MakeLine(c.text);
    auto m = MatchMarkerAt(line, 0, Rules().headings, false);
    if (std::string(c.family).empty()) {
      CHECK_FALSE(m);
      continue;
    }
    REQUIRE(m);
    CHECK(m->family->id == c.family);
    CHECK(m->number == c.number);
    CHECK(line.TextOf(m->begin, m->end) == c.marker);
  }
}

TEST_CASE("segments: a sequence opened at the paragraph start continues inline", "[headings]") {
  auto lines = MakeLines({"一是加强学习。学习很重要。二是加强实践。实践出真知。三是总结。"});
  auto segments = SegmentParagraphs(lines, Rules().headings);
  REQUIRE(segments.size() == 3);
  CHECK(segments[1].marker->number == 2);
  CHECK(segments[2].marker->number == 3);
}

TEST_CASE("segments: inline enumerations not opened at the start are body", "[headings]") {
  auto lines = MakeLines({"(一)突出规范化。一是完善制度。二是建立评价。三是建立考核。"});
  auto segments = SegmentParagraphs(lines, Rules().headings);
  CHECK(segments.size() == 1);
}

TEST_CASE("segments: a long paragraph with a run of 一、二、 lost its line breaks",
          "[headings]") {
  std::string filler;
  for (int i = 0; i < 8; ++i) filler += "我们要认真做好各项工作,";
  auto lines = MakeLines({"如何做好工作?我认为要抓好以下几个方面。一、增强党员意识" + filler +
                          "取得成效。二、健全制度" + filler + "促其转化。三、发挥作用" + filler +
                          "企业才会发展。"});
  auto segments = SegmentParagraphs(lines, Rules().headings);
  REQUIRE(segments.size() == 4);
  CHECK_FALSE(segments[0].marker);
  CHECK(segments[1].marker->family->id == "cn_dun");
  CHECK(segments[3].marker->number == 3);
}

TEST_CASE("segments: a marker after a comma is no heading", "[headings]") {
  auto lines = MakeLines({"一是学习,二是实践,三是总结。"});
  CHECK(SegmentParagraphs(lines, Rules().headings).size() == 1);
}
