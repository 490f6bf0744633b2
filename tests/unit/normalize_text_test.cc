// Stage 2: normalize_text.cc (and utf8.cc).
#include <catch2/catch.hpp>

#include "normalize_text.h"
#include "test_helpers.h"
#include "utf8.h"

using namespace gangmu;
using gangmu::testing::Rules;

namespace {
Line Normalize(const std::string& text, std::vector<Warning>* warnings) {
  return NormalizeText({text}, Rules().normalize, warnings).at(0);
}
}  // namespace

TEST_CASE("normalize: pinyin annotations are removed from the text", "[normalize]") {
  std::vector<Warning> w;
  Line line = Normalize("歷史發(fā)展的動(dòng)力源,文章來(lái)源", &w);
  CHECK(line.text == "歷史發展的動力源,文章來源");
  REQUIRE(w.size() == 1);
  CHECK(w[0].code == "pinyin_annotation");
}

TEST_CASE("normalize: a parenthesised English word after Han is kept", "[normalize]") {
  std::vector<Warning> w;
  CHECK(Normalize("使用手机(app)办理", &w).text == "使用手机(app)办理");
  CHECK(w.empty());
}

TEST_CASE("normalize: HTML remnants and zero-width characters go", "[normalize]") {
  std::vector<Warning> w;
  CHECK(Normalize("基层<span class=\"a\">党组织</span>&nbsp;工作\u200b<br/>", &w).text ==
        "基层党组织 工作");
  CHECK(Normalize("工作?/span>黨組織", &w).text == "工作黨組織");
}

TEST_CASE("normalize: mojibake is warned about and kept", "[normalize]") {
  std::vector<Warning> w;
  Line line = Normalize("價值取向?;鶎狱h組織", &w);
  CHECK(line.text == "價值取向?;鶎狱h組織");
  REQUIRE(w.size() == 1);
  CHECK(w[0].code == "mojibake");
  // A question mark between sentences is no damage, half-width or full-width.
  w.clear();
  Normalize("如何做好工作?我认为要抓好三点。", &w);
  Normalize("如何做好工作？我认为要抓好三点。", &w);
  CHECK(w.empty());
}

TEST_CASE("normalize: the view folds width and script, and maps back", "[normalize]") {
  Line line = gangmu::testing::MakeLine("（一）來源：１２　ＡＢ");
  CHECK(line.view == "(一)来源:12 AB");
  // "来源" in the view maps back to "來源" in the text.
  const size_t at = line.view.find("来源");
  CHECK(line.TextOf(at, at + std::string("来源").size()) == "來源");
  // Every character of the view maps back to its own character of the text, whatever the
  // folds before it shortened.
  const std::vector<std::string> text_chars = {"（", "一", "）", "來", "源", "：", "１", "２",
                                               "　", "Ａ", "Ｂ"};
  size_t view_pos = 0, len;
  for (const auto& expected : text_chars) {
    DecodeAt(line.view, view_pos, &len);
    CHECK(line.TextOf(view_pos, view_pos + len) == expected);
    view_pos += len;
  }
  CHECK(line.TextOffset(line.view.size()) == line.text.size());
  CHECK(line.TextOf(0, line.view.size()) == line.text);
  // A line without folds that change lengths needs no shifts at all.
  CHECK(gangmu::testing::MakeLine("一、總體要求。").shifts.empty());
}

TEST_CASE("normalize: ToSimplified converts traditional text", "[normalize]") {
  CHECK(ToSimplified("試論提升基層黨組織的群眾工作能力") == "试论提升基层党组织的群众工作能力");
}

TEST_CASE("utf8: helpers", "[utf8]") {
  CHECK(Trim("\u3000 标题 \u00a0") == "标题");
  CHECK(CountChars("一a二") == 3);
  CHECK(WithoutSpaces("一 二\u3000三") == "一二三");
  CHECK(SameWithoutSpaces("一 二\u3000三", "一二 三 "));
  CHECK_FALSE(SameWithoutSpaces("一二三", "一二四"));
  // The hash agrees with WithoutSpaces, however the text is cut into pieces and spaced.
  SpacelessHash whole, pieces, other;
  whole.Add("第一章 总则");
  pieces.Add("第一"), pieces.Add(" 章\u3000"), pieces.Add("总则 ");
  other.Add("第一章 总纲");
  CHECK(whole.value() == pieces.value());
  CHECK(whole.chars() == 5);
  CHECK(whole.value() != other.value());
  // Cut anywhere, even inside a character other than a space (runs of eight bytes and more are
  // hashed a word at a time), same hash.
  const std::string text = "一、总体要求 (一)指导思想 abc def 第三条 规定如下:";
  SpacelessHash reference;
  reference.Add(text);
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    SpacelessHash two;
    two.Add(std::string_view(text).substr(0, cut));
    two.Add(std::string_view(text).substr(cut));
    if (two.value() != reference.value()) FAIL("cut at " << cut);
  }
  CHECK(reference.chars() == CountChars(WithoutSpaces(text)));
  size_t len;
  CHECK(DecodeAt("\xE4\xB8", 0, &len) == 0xFFFD);  // Truncated: one byte consumed.
  CHECK(len == 1);
}

TEST_CASE("normalize: Markdown heading prefixes go", "[normalize]") {
  std::vector<Warning> w;
  CHECK(Normalize("## 一、总则", &w).text == "一、总则");
  CHECK(Normalize("C# 语言", &w).text == "C# 语言");
}

TEST_CASE("normalize: a page that lost its line breaks is cut back into lines", "[normalize]") {
  // Title, date, a caption, a widget before a paragraph, three paragraphs: one line, spaced.
  const std::string para = "我们要认真学习会议精神,把各项工作落到实处,推动事业不断向前发展,努力实现全年目标任务。";
  const std::string page = "港口码头完成改造 工程顺利验收 2018-04-30 13:03 " + para + " Previous Next " +
                           para + " " + para + " " + para + " 上一篇 下一篇";
  std::vector<Warning> w;
  const auto lines = NormalizeText({page, "返回顶部"}, Rules().normalize, &w);
  std::vector<std::string> texts;
  for (const auto& l : lines) texts.push_back(l.text);
  CHECK(texts == std::vector<std::string>{"港口码头完成改造 工程顺利验收", "2018-04-30 13:03", para,
                                          "Previous Next", para, para, para, "上一篇 下一篇", "返回顶部"});
  CHECK(lines.at(7).number == 1);
  CHECK(lines.at(8).number == 2);
  REQUIRE(w.size() == 1);
  CHECK(w[0].code == "flattened");
  CHECK(w[0].line == 1);
  // A paragraph that puts spaces after its sentences, on a page with line breaks, stays whole.
  const std::string spaced = para + " " + para + " " + para + " " + para;
  std::vector<std::string> page2 = {"标题", spaced};
  for (int i = 0; i < 6; ++i) page2.push_back(para + para);
  w.clear();
  const auto kept = NormalizeText(page2, Rules().normalize, &w);
  CHECK(kept.size() == 8);
  CHECK(kept.at(1).text == spaced);
  CHECK(w.empty());
}

TEST_CASE("utf8: WithoutSpaces skips blocks of 16 bytes and finds every space in them",
          "[utf8]") {
  // A reference that decodes every character.
  const auto reference = [](const std::string& s) {
    std::string out;
    size_t len;
    for (size_t i = 0; i < s.size(); i += len) {
      const char32_t c = gangmu::DecodeAt(s, i, &len);
      if (!gangmu::IsSpace(c)) out.append(s, i, len);
    }
    return out;
  };
  // Spaces of every kind, and E3 characters that are no space (、。「), at every offset of a
  // long Han line, so that each falls at each place of a 16-byte block and on its edges.
  const std::vector<std::string> spaces = {" ", "\t", "\u3000", "\u00a0", "\u2003", "\u202f",
                                           "\u205f", "\u3001", "\u3002", "\u300c", "a"};
  const std::string han = "党建工作要抓好落实推进基层治理现代化建设";  // 20 characters, 60 bytes.
  for (const auto& space : spaces) {
    for (size_t at = 0; at <= han.size(); at += 3) {
      std::string line = han;
      line.insert(at, space);
      line += han;
      size_t len;
      INFO("character U+" << std::hex << static_cast<uint32_t>(gangmu::DecodeAt(space, 0, &len))
                          << " at byte " << std::dec << at);
      CHECK(gangmu::WithoutSpaces(line) == reference(line));
      gangmu::SpacelessHash a, b;
      a.Add(line);
      b.Add(reference(line));
      CHECK(a.value() == b.value());
      CHECK(a.chars() == b.chars());
    }
  }
}
