// Stage 1: decode_input.cc.
#include <unicode/ucnv.h>

#include <catch2/catch.hpp>

#include "decode_input.h"
#include "diagnostic.h"

using gangmu::DecodeInput;

namespace {
std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), int32_t(out.size()), utf8.data(),
                                 int32_t(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(n);
  return out;
}
}  // namespace

TEST_CASE("decode: plain UTF-8 splits lines on LF, CRLF and CR", "[decode]") {
  auto d = DecodeInput("t", "一、标题\r\n正文。\r第三行\n");
  CHECK(d.encoding == "UTF-8");
  REQUIRE(d.lines.size() == 3);
  CHECK(d.lines[0] == "一、标题");
  CHECK(d.lines[2] == "第三行");
  CHECK(d.warnings.empty());
}

TEST_CASE("decode: a UTF-8 BOM is dropped", "[decode]") {
  auto d = DecodeInput("t", "\xEF\xBB\xBF标题");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.lines.at(0) == "标题");
}

TEST_CASE("decode: UTF-16 with and without BOM", "[decode]") {
  const std::string text = "一、加强学习\n正文内容在这里。abc\n";
  std::string le = Encode(text, "UTF-16LE");
  auto with_bom = DecodeInput("t", "\xFF\xFE" + le);
  CHECK(with_bom.encoding == "UTF-16LE");
  CHECK(with_bom.lines.at(0) == "一、加强学习");
  auto without_bom = DecodeInput("t", le);
  CHECK(without_bom.encoding == "UTF-16LE");
  CHECK(without_bom.lines.at(1) == "正文内容在这里。abc");
}

TEST_CASE("decode: GB18030 without BOM is detected and converted", "[decode]") {
  const std::string text =
      "提高基层党组织服务群众工作能力的问题\n作者:马瑞华\n一、积极开展创先争优活动,推进工作创新与突破。"
      "创新是一个企业生存和发展的核心,基层党组织在争优创先的大潮中更应该发挥党员的先锋模范作用。\n";
  auto d = DecodeInput("t", Encode(text, "GB18030"));
  CHECK(d.encoding == "GB18030");
  CHECK(d.lines.at(1) == "作者:马瑞华");
}

TEST_CASE("decode: Big5 is converted when forced", "[decode]") {
  auto d = DecodeInput("t", Encode("試論提升基層黨組織", "Big5"), "Big5");
  CHECK(d.lines.at(0) == "試論提升基層黨組織");
}

TEST_CASE("decode: invalid bytes in UTF-8 become U+FFFD with a warning", "[decode]") {
  std::string text = "一、标题正文内容足够长以便判断编码是否正确";
  text += "\xC3";  // A truncated sequence.
  text += "继续的正文内容在这里出现了一些文字";
  auto d = DecodeInput("t", text);
  CHECK(d.encoding == "UTF-8");
  CHECK(d.lines.at(0).find("\xEF\xBF\xBD") != std::string::npos);
  REQUIRE(d.warnings.size() == 1);
  CHECK(d.warnings[0].code == "invalid_bytes");
}

TEST_CASE("decode: binary data is refused with a clear message", "[decode]") {
  std::string binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  try {
    DecodeInput("image.txt", binary);
    FAIL("binary input was accepted");
  } catch (const gangmu::Error& e) {
    CHECK(std::string(e.what()) ==
          "image.txt: not text (binary data: NUL bytes or control characters); skipped");
  }
}

TEST_CASE("decode: an unknown forced encoding is an error", "[decode]") {
  CHECK_THROWS_WITH(DecodeInput("t", "abc", "NO-SUCH-CODEPAGE"),
                    "t: unknown encoding 'NO-SUCH-CODEPAGE'");
}

TEST_CASE("decode: empty input has no lines", "[decode]") {
  auto d = DecodeInput("t", "");
  CHECK(d.lines.empty());
}

TEST_CASE("decode: the binary test counts control bytes exactly, in blocks and the tail",
          "[decode]") {
  // 1,603 bytes: 100 blocks of 16 and a tail of 3. Binary: more than 1% + 8 control bytes
  // (other than tab, newline, carriage return, form feed, escape), or NULs over 1%.
  const auto page = [](size_t controls, char control) {
    std::string s(1603, 'a');
    for (size_t k = 0; k < controls; ++k) s[(k * 67 + 5) % s.size()] = control;
    s[1601] = control;  // One in the tail, counted in `controls`' place.
    s[5] = 'a';
    return s;
  };
  const auto binary = [](const std::string& s) {
    try {
      DecodeInput("t", s);
      return false;
    } catch (const gangmu::Error&) {
      return true;
    }
  };
  CHECK_FALSE(binary(page(24, '\x01')));  // 24 x 100 <= 1603 + 800
  CHECK(binary(page(25, '\x01')));        // 25 x 100 > 1603 + 800
  CHECK_FALSE(binary(page(300, '\n')));
  CHECK_FALSE(binary(page(300, '\x1b')));
  CHECK_FALSE(binary(page(16, '\0')));    // 16 x 100 <= 1603: a few stray NULs
  CHECK(binary(page(17, '\0')));          // 17 x 100 > 1603
}
