// write_chunks.cc: sentences, limits, coverage, overlap and the path each chunk carries.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "extract.h"
#include "test_helpers.h"
#include "utf8.h"
#include "write_chunks.h"

using gangmu::ChunkOptions;
using gangmu::Sentences;
using gangmu::WriteChunks;
using gangmu::testing::ExtractText;

namespace {

std::vector<nlohmann::json> Chunks(const gangmu::Result& r, int max_chars, int overlap = 0) {
  std::vector<nlohmann::json> out;
  std::istringstream in(WriteChunks(r, ChunkOptions{max_chars, overlap}));
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("chunks: sentences end after 。!?; and the closing marks after them", "[chunks]") {
  using V = std::vector<std::string_view>;
  CHECK(Sentences("甲。乙!丙?丁") == V{"甲。", "乙!", "丙?", "丁"});
  CHECK(Sentences("他说:“好。”然后走了。") == V{"他说:“好。”", "然后走了。"});
  CHECK(Sentences("真的吗?!是的……") == V{"真的吗?!", "是的……"});
  CHECK(Sentences("").empty());
}

TEST_CASE("chunks: whole paragraphs of one section, with its path, title and lines", "[chunks]") {
  const auto r = ExtractText(
      "关于加强组织建设的意见\n作者:王明\n一、总体要求\n第一段。\n第二段。\n(一)选优配强\n第三段。\n"
      "二、保障措施\n第四段。\n");
  const auto c = Chunks(r, 800);
  REQUIRE(c.size() == 3);
  CHECK(c[0]["section"] == "1");
  CHECK(c[0]["heading_path"] == nlohmann::json::array({"一、总体要求"}));
  CHECK(c[0]["text"] == "第一段。\n第二段。");
  CHECK(c[0]["first_line"] == 4);
  CHECK(c[0]["last_line"] == 5);
  CHECK(c[0]["title"] == "关于加强组织建设的意见");
  CHECK(c[0]["authors"] == nlohmann::json::array({"王明"}));
  CHECK(c[0]["source"].is_null());
  CHECK(c[0]["article"] == 0);
  CHECK(c[1]["section"] == "1.1");
  CHECK(c[1]["heading_path"] == nlohmann::json::array({"一、总体要求", "(一)选优配强"}));
  CHECK(c[1]["text"] == "第三段。");
  CHECK(c[2]["section"] == "2");
  CHECK(c[2]["text"] == "第四段。");
}

TEST_CASE("chunks: cut at paragraph ends, else sentence ends; a long sentence in pieces",
          "[chunks]") {
  const std::string s10 = "一二三四五六七八九。";  // ten characters
  const auto r = ExtractText("标题\n" + s10 + s10 + "\n" + s10 + "\n" + std::string(30, 'a') + "\n");
  const auto c = Chunks(r, 25);
  std::vector<std::string> texts;
  for (const auto& x : c) texts.push_back(x["text"]);
  CHECK(texts == std::vector<std::string>{s10 + s10, s10, std::string(25, 'a'), std::string(5, 'a')});
  // With an overlap of one sentence, the next chunk of a section opens with the last sentence.
  const auto o = Chunks(ExtractText("标题\n" + s10 + "甲乙丙丁戊己庚辛壬。" + "子丑寅卯辰巳午未申。\n"), 25, 1);
  REQUIRE(o.size() == 2);
  CHECK(o[0]["text"] == s10 + "甲乙丙丁戊己庚辛壬。");
  CHECK(o[1]["text"] == "甲乙丙丁戊己庚辛壬。子丑寅卯辰巳午未申。");
}

TEST_CASE("chunks: on every bundled page, the limit holds and every sentence is in one chunk",
          "[chunks]") {
  namespace fs = std::filesystem;
  for (const char* dir : {"tests/golden/input", "tests/pages/input"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(GANGMU_SOURCE_DIR) / dir)) {
      std::ifstream file(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << file.rdbuf();
      const auto r = gangmu::Extract(entry.path().string(), bytes.str(), gangmu::testing::Rules(), {});
      for (const int limit : {60, 300}) {
        INFO(entry.path().string() << " limit " << limit);
        // Per section: the chunks' texts, without their paragraph breaks, are its paragraphs.
        std::map<std::pair<int, std::string>, std::string> chunked;
        for (const auto& c : Chunks(r, limit)) {
          const std::string text = c["text"];
          std::string flat;
          for (const char ch : text) if (ch != '\n') flat += ch;
          CHECK(gangmu::CountChars(flat) <= static_cast<size_t>(limit));
          chunked[{c["article"].get<int>(), c["section"].get<std::string>()}] += flat;
        }
        std::map<std::pair<int, std::string>, std::string> want;
        for (size_t a = 0; a < r.articles.size(); ++a) {
          for (const auto& p : r.articles[a].preamble) want[{static_cast<int>(a), ""}] += p;
          std::vector<std::pair<const gangmu::Section*, std::string>> todo;
          for (size_t i = 0; i < r.articles[a].sections.size(); ++i) {
            todo.push_back({&r.articles[a].sections[i], std::to_string(i + 1)});
          }
          while (!todo.empty()) {
            auto [s, number] = todo.back();
            todo.pop_back();
            for (const auto& p : s->paragraphs) want[{static_cast<int>(a), number}] += p;
            for (size_t i = 0; i < s->children.size(); ++i) {
              todo.push_back({&s->children[i], number + "." + std::to_string(i + 1)});
            }
          }
        }
        for (auto it = want.begin(); it != want.end();) it = it->second.empty() ? want.erase(it) : std::next(it);
        CHECK(chunked == want);
      }
    }
  }
}
