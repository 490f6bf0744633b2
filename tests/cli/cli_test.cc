// The command line, in process: exit codes, messages and files written.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/run.h"
#include "rule_keys.h"

namespace fs = std::filesystem;

namespace {

struct RunResult {
  int code;
  std::string out, err;
};

RunResult RunCli(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = gangmu::Run(args, in, out, err);
  return {code, out.str(), err.str()};
}

// A fresh temporary folder per test.
fs::path TempDir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("gangmu-cli-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("cli: no arguments is a usage error", "[cli]") {
  auto r = RunCli({});
  CHECK(r.code == 2);
  CHECK(r.err.find("A subcommand is required") != std::string::npos);
}

TEST_CASE("cli: --help teaches formats, rules and exit codes", "[cli]") {
  auto r = RunCli({"extract", "--help"});
  CHECK(r.code == 0);
  CHECK(r.out.find("--format") != std::string::npos);
  CHECK(r.out.find("Exit codes: 0 all well") != std::string::npos);
  CHECK(r.out.find("--rules DIR") != std::string::npos);
  // Printed once (it used to come twice).
  CHECK(r.out.find("Exit codes: 0 all well") == r.out.rfind("Exit codes: 0 all well"));
}

TEST_CASE("cli: each --help is exactly the reviewed text in tests/cli/help", "[cli]") {
  // A change to an option or its help shows up here; copy `gangmu X --help` over the file after
  // reading it.
  for (const std::string command : {"", "extract", "validate", "explain", "review", "test-rules",
                                    "rule-keys"}) {
    std::vector<std::string> args;
    if (!command.empty()) args.push_back(command);
    args.push_back("--help");
    auto r = RunCli(args);
    CHECK(r.code == 0);
    const fs::path expected = fs::path(GANGMU_SOURCE_DIR) / "tests" / "cli" / "help" /
                              ((command.empty() ? "gangmu" : command) + ".txt");
    std::ifstream file(expected);
    std::stringstream text;
    text << file.rdbuf();
    INFO(expected.string());
    CHECK(r.out == text.str());
  }
}

TEST_CASE("cli: explain accounts for each line of a page", "[cli]") {
  auto r = RunCli({"explain", "-"}, "首页\n关于开展检查的通知\n正文第一段写在这里。\n");
  CHECK(r.code == 0);
  CHECK(r.out ==
        "    1  removed       shape:navigation  首页\n"
        "    2  title         title_choice      关于开展检查的通知\n"
        "    3  body                            正文第一段写在这里。\n");
  auto one = RunCli({"explain", "-", "--line", "2", "--json"}, "首页\n关于开展检查的通知\n正文第一段写在这里。\n");
  CHECK(one.code == 0);
  // One object; with --line it adds every rule tried on the line and the shape score.
  CHECK(one.out.rfind("{\"fate\":\"title\",\"line\":2,\"rule\":\"title_choice\",\"rules_tried\":[{", 0) == 0);
  CHECK(one.out.find("\"shape\":{\"score\":") != std::string::npos);
  const std::string tail = "\"text\":\"关于开展检查的通知\"}\n";
  REQUIRE(one.out.size() >= tail.size());
  CHECK(one.out.substr(one.out.size() - tail.size()) == tail);
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 1);
  auto text = RunCli({"explain", "-", "--line", "1"}, "首页\n关于开展检查的通知\n正文第一段写在这里。\n");
  CHECK(text.code == 0);
  CHECK(text.out.rfind("    1  removed       shape:navigation  首页\n"
                       "Rules tried on the line by itself (",
                       0) == 0);
  CHECK(text.out.find("\nShape score 3 (navigation +1, coverage +2): furniture.yaml shape removes a line at "
                      "the page's top or bottom from 2, anywhere from 4; a body paragraph scores -2 "
                      "or less\n") !=
        std::string::npos);
  auto beyond = RunCli({"explain", "-", "--line", "9"}, "标题\n正文。\n");
  CHECK(beyond.code == 2);
  CHECK(beyond.err == "-: no line 9 (the page has 2)\n");
  auto missing = RunCli({"explain", "/nonexistent/page.txt"});
  CHECK(missing.code == 1);
}

TEST_CASE("cli: one page from stdin gives one pretty document", "[cli]") {
  auto r = RunCli({"extract", "-"}, "标题\n一、加强学习\n正文。\n");
  CHECK(r.code == 0);
  auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["input"] == "-");
  CHECK(doc["articles"][0]["sections"][0]["heading"] == "加强学习");
}

TEST_CASE("cli: a folder to jsonl keeps input order; failures do not stop the batch", "[cli]") {
  const fs::path dir = TempDir("batch");
  Write(dir / "a.txt", "甲\n一、一\n");
  Write(dir / "b.txt", std::string("\x89PNG\0\0\0", 7));
  Write(dir / "c.txt", "丙\n一、三\n");
  auto r = RunCli({"extract", dir.string(), "--format", "jsonl", "-q"});
  CHECK(r.code == 1);
  std::istringstream lines(r.out);
  std::string first, second, extra;
  std::getline(lines, first);
  std::getline(lines, second);
  CHECK_FALSE(std::getline(lines, extra));
  CHECK(nlohmann::json::parse(first)["articles"][0]["title"] == "甲");
  CHECK(nlohmann::json::parse(second)["articles"][0]["title"] == "丙");
  CHECK(r.err.find("b.txt: not text (binary data") != std::string::npos);
  CHECK(r.err.find("gangmu: 1 of 3 input(s) failed") != std::string::npos);
}

TEST_CASE("cli: -o writes one <stem>.json per input", "[cli]") {
  const fs::path dir = TempDir("out");
  Write(dir / "page.txt", "标题\n一、甲\n");
  auto r = RunCli({"extract", (dir / "page.txt").string(), "-o", (dir / "json").string()});
  CHECK(r.code == 0);
  CHECK(nlohmann::json::parse(Read(dir / "json" / "page.json"))["articles"].size() == 1);
  CHECK_FALSE(fs::exists(dir / "json" / "page.json.tmp"));
}

TEST_CASE("cli: a missing input is reported, exit 1", "[cli]") {
  auto r = RunCli({"extract", "/nonexistent/page.txt"});
  CHECK(r.code == 1);
  CHECK(r.err.find("gangmu: /nonexistent/page.txt: no such file or folder") != std::string::npos);
  CHECK(r.err.find("gangmu: 1 of 1 input(s) failed") != std::string::npos);
}

TEST_CASE("cli: several inputs as json need -o", "[cli]") {
  const fs::path dir = TempDir("many");
  Write(dir / "a.txt", "甲\n");
  Write(dir / "b.txt", "乙\n");
  auto r = RunCli({"extract", dir.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find("2 inputs need -o FOLDER") != std::string::npos);
}

TEST_CASE("cli: a bad rule file stops the run before any input, exit 2", "[cli]") {
  const fs::path dir = TempDir("rules");
  Write(dir / "headings.yaml",
        "families:\n  - id: bad\n    rank: 1\n    pattern: '(?P<num>['\n    numeral: arabic\n");
  auto r = RunCli({"extract", "--rules", dir.string(), "-"}, "标题\n");
  CHECK(r.code == 2);
  CHECK(r.err.find((dir / "headings.yaml").string() +
                   ":4:14: rule 'bad': invalid RE2 pattern: missing ]") != std::string::npos);
  CHECK(r.err.find("no input was read") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("cli: an unknown file in the rules folder is an error", "[cli]") {
  const fs::path dir = TempDir("rules2");
  Write(dir / "heading.yaml", "x: 1\n");
  auto r = RunCli({"extract", "--rules", dir.string(), "-"}, "标题\n");
  CHECK(r.code == 2);
  CHECK(r.err.find("not a rule file gangmu knows; expected one of normalize.yaml") !=
        std::string::npos);
}

TEST_CASE("cli: validate accepts our output and rejects a broken document", "[cli]") {
  const fs::path dir = TempDir("validate");
  auto ok = RunCli({"extract", "-"}, "标题\n一、甲\n");
  Write(dir / "good.json", ok.out);
  auto good = RunCli({"validate", (dir / "good.json").string()});
  CHECK(good.code == 0);
  CHECK(good.out == "1 document(s) valid\n");
  auto doc = nlohmann::json::parse(ok.out);
  doc["articles"][0]["sections"][0]["number"] = 0;
  Write(dir / "bad.jsonl", doc.dump() + "\n");
  auto bad = RunCli({"validate", (dir / "bad.jsonl").string()});
  CHECK(bad.code == 1);
  CHECK(bad.err.find("bad.jsonl:1: /articles/0/sections/0/number:") != std::string::npos);
  // A number beyond any type is refused with a message (found by the validate fuzzer: it was
  // an uncaught exception).
  Write(dir / "big.json", "{\"input\": 1e99999}");
  auto big = RunCli({"validate", (dir / "big.json").string()});
  CHECK(big.code == 1);
  CHECK(big.err == (dir / "big.json").string() + ": not JSON: number overflow parsing '1e99999'\n"
                   "gangmu: 1 of 1 document(s) break the schema\n");
  // A file that cannot be opened counts as a document that fails.
  const std::string missing = (dir / "missing.json").string();
  auto gone = RunCli({"validate", missing, (dir / "good.json").string()});
  CHECK(gone.code == 1);
  CHECK(gone.err == missing + ": cannot open: No such file or directory\n"
                    "gangmu: 1 of 2 document(s) break the schema\n");
}

TEST_CASE("cli: --jobs 1 and --jobs 2 write the same JSON Lines in input order", "[cli]") {
  const fs::path dir = TempDir("jobs");
  const fs::path seeds = fs::path(GANGMU_SOURCE_DIR) / "tests" / "golden" / "input";
  int n = 0;
  for (int copy = 0; copy < 4; ++copy) {
    for (const auto& entry : fs::directory_iterator(seeds)) {
      char name[32];
      std::snprintf(name, sizeof name, "%03d.txt", n++);
      Write(dir / name, "第" + std::to_string(copy) + "份\n" + Read(entry.path()));
    }
  }
  auto one = RunCli({"extract", dir.string(), "--format", "jsonl", "--jobs", "1"});
  auto two = RunCli({"extract", dir.string(), "--format", "jsonl", "--jobs", "2"});
  REQUIRE(one.code == 0);
  REQUIRE(two.code == 0);
  CHECK(one.out == two.out);
  std::istringstream lines(two.out);
  int i = 0;
  for (std::string line; std::getline(lines, line); ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%03d.txt", i);
    CHECK(nlohmann::json::parse(line)["input"] == (dir / name).string());
  }
  CHECK(i == n);
}

TEST_CASE("cli: --jobs 0 is refused", "[cli]") {
  auto r = RunCli({"extract", "-", "--jobs", "0"}, "x");
  CHECK(r.code == 2);
}

TEST_CASE("cli: JSON Lines records in, one document per record out", "[cli]") {
  const std::string records =
      "{\"name\": \"a.txt\", \"text\": \"一、标题\\n正文。\"}\n"
      "\n"
      "{\"text\": \"标题乙\\n（一）丙\\n丁。\"}\n";
  auto r = RunCli({"extract", "-", "--input-format", "jsonl", "--format", "jsonl"}, records);
  REQUIRE(r.code == 0);
  std::istringstream lines(r.out);
  std::string first, second, extra;
  REQUIRE(std::getline(lines, first));
  REQUIRE(std::getline(lines, second));
  CHECK_FALSE(std::getline(lines, extra));
  auto a = nlohmann::json::parse(first), b = nlohmann::json::parse(second);
  CHECK(a["input"] == "a.txt");
  CHECK(a["articles"][0]["sections"][0]["heading"] == "标题");
  CHECK(b["input"] == "-:3");  // No name: where the record was.
  CHECK(b["articles"][0]["title"] == "标题乙");
}

TEST_CASE("cli: a broken record is reported with its line and the others are written", "[cli]") {
  const std::string records =
      "{\"name\": \"a\", \"text\": \"甲\"}\n"
      "not json\n"
      "{\"name\": \"c\"}\n"
      "{\"name\": \"d\", \"text\": \"丁\"}\n";
  auto r = RunCli({"extract", "-", "--input-format", "jsonl", "--format", "jsonl"}, records);
  CHECK(r.code == 1);
  CHECK(r.err.find("gangmu: -:2: not a JSON record:") != std::string::npos);
  CHECK(r.err.find("gangmu: -:3: a record needs a string field \"text\"") != std::string::npos);
  CHECK(r.err.find("gangmu: 2 of 4 input(s) failed") != std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
}

TEST_CASE("cli: records need jsonl output or a folder", "[cli]") {
  auto r = RunCli({"extract", "-", "--input-format", "jsonl"}, "{\"text\": \"甲\"}\n");
  CHECK(r.code == 2);
  CHECK(r.err.find("records need -o FOLDER") != std::string::npos);
}

TEST_CASE("cli: jsonl to a file is written whole, through a temporary file", "[cli]") {
  const fs::path dir = TempDir("jsonl-file");
  Write(dir / "a.txt", "标题\n一、甲\n乙。\n");
  const fs::path out = dir / "out.jsonl";
  auto r = RunCli({"extract", (dir / "a.txt").string(), "--format", "jsonl", "-o", out.string()});
  CHECK(r.code == 0);
  CHECK_FALSE(fs::exists(out.string() + ".tmp"));
  CHECK(nlohmann::json::parse(Read(out))["articles"][0]["title"] == "标题");
}

TEST_CASE("cli: an input is never overwritten", "[cli]") {
  const fs::path dir = TempDir("overwrite");
  Write(dir / "page.json", "标题\n一、甲\n乙。\n");  // A page that happens to end in .json.
  const std::string before = Read(dir / "page.json");
  auto r = RunCli({"extract", (dir / "page.json").string(), "-o", dir.string()});
  CHECK(r.code == 1);
  CHECK(r.err.find("page.json: the output would overwrite this input; skipped") !=
        std::string::npos);
  CHECK(Read(dir / "page.json") == before);

  Write(dir / "a.txt", "标题\n");
  r = RunCli({"extract", (dir / "a.txt").string(), "--format", "jsonl", "-o",
              (dir / "a.txt").string()});
  CHECK(r.code == 2);
  CHECK(r.err == "gangmu: -o " + (dir / "a.txt").string() + " is an input; it would be overwritten\n");
  CHECK(Read(dir / "a.txt") == "标题\n");
}

TEST_CASE("cli: a million-deep document is refused, not a crash", "[cli]") {
  // validate used to recurse once per level and die (exit 139) on this.
  const fs::path dir = TempDir("deep");
  Write(dir / "deep.json", std::string(1000000, '[') + std::string(1000000, ']'));
  Write(dir / "ok.json", "[]");
  auto r = RunCli({"validate", (dir / "deep.json").string(), (dir / "ok.json").string()});
  CHECK(r.code == 1);
  CHECK(r.err.find((dir / "deep.json").string() + ": nesting deeper than 512\n") == 0);
  // The record reader: the deep record is reported, the next one is written.
  const std::string records = "{\"text\": " + std::string(1000000, '[') + std::string(1000000, ']') +
                              "}\n{\"name\": \"b\", \"text\": \"乙\"}\n";
  auto e = RunCli({"extract", "-", "--input-format", "jsonl", "--format", "jsonl"}, records);
  CHECK(e.code == 1);
  CHECK(e.err.find("gangmu: -:1: nesting deeper than 512\n") != std::string::npos);
  CHECK(std::count(e.out.begin(), e.out.end(), '\n') == 1);
}

TEST_CASE("cli: a broken record's message quotes at most 240 characters of it", "[cli]") {
  // nlohmann's "last read" quotes the string read so far: a whole page before a bad byte.
  const std::string records = "{\"text\": \"" + std::string(100000, 'a') + "\xff\"}\n";
  auto e = RunCli({"extract", "-", "--input-format", "jsonl", "--format", "jsonl"}, records);
  CHECK(e.code == 1);
  const std::string first = e.err.substr(0, e.err.find('\n'));
  CHECK(first.rfind("gangmu: -:1: not a JSON record: parse error at line 1, column 100011: ", 0) == 0);
  CHECK(first.size() < 320);
  CHECK(first.substr(first.size() - 3) == "…");
}

TEST_CASE("cli: --format markdown writes one <stem>.md per input", "[cli]") {
  const fs::path dir = TempDir("markdown");
  fs::create_directories(dir / "in");
  Write(dir / "in" / "a.txt", "标题甲\n一、第一部分\n正文。\n");
  Write(dir / "in" / "b.txt", "标题乙\n正文。\n");
  auto one = RunCli({"extract", "-", "--format", "markdown"}, "标题甲\n一、第一部分\n正文。\n");
  CHECK(one.code == 0);
  CHECK(one.out == "# 标题甲\n\n## 一、第一部分\n\n正文。\n");
  auto many = RunCli({"extract", (dir / "in").string(), "--format", "markdown"});
  CHECK(many.code == 2);
  CHECK(many.err == "gangmu: 2 inputs need -o FOLDER (one <stem>.md each) or --format jsonl\n");
  auto out = RunCli({"extract", (dir / "in").string(), "--format", "markdown", "-o",
                     (dir / "out").string(), "-q"});
  CHECK(out.code == 0);
  CHECK(Read(dir / "out" / "a.md") == one.out);
  CHECK(Read(dir / "out" / "b.md") == "# 标题乙\n\n正文。\n");
}

TEST_CASE("cli: --format chunks writes one JSON object per chunk, in input order", "[cli]") {
  auto r = RunCli({"extract", "-", "--format", "chunks", "--chunk-chars", "20"},
                  "标题\n一、第一部分\n第一句话就写在这里好了。第二句话也写在这里好了。\n");
  CHECK(r.code == 0);
  std::vector<nlohmann::json> chunks;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) chunks.push_back(nlohmann::json::parse(line));
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[0]["text"] == "第一句话就写在这里好了。");
  CHECK(chunks[1]["text"] == "第二句话也写在这里好了。");
  CHECK(chunks[1]["heading_path"] == nlohmann::json::array({"一、第一部分"}));
  CHECK(chunks[1]["input"] == "-");
  auto bad = RunCli({"extract", "-", "--format", "chunks", "--chunk-chars", "5"}, "x");
  CHECK(bad.code == 2);
}

TEST_CASE("cli: test-rules reports an example that does not hold, with file and line", "[cli]") {
  const fs::path dir = TempDir("test-rules");
  fs::create_directories(dir);
  Write(dir / "headings.yaml",
        "families:\n  - id: dun\n    rank: 1\n    pattern: '(?P<marker>(?P<num>[一二三])、)'\n"
        "    numeral: chinese\n    examples:\n      match: [一、总则, 四、附则]\n      keep: [一是]\n");
  auto r = RunCli({"test-rules", dir.string()});
  CHECK(r.code == 1);
  // The other files are the built-in ones, with their examples.
  CHECK(r.err.rfind((dir / "headings.yaml").string() +
                        ":7: rule dun: example '四、附则' expected a match, got none\ngangmu: 1 of ",
                    0) == 0);
  CHECK(r.err.substr(r.err.size() - 24) == " example(s) do not hold\n");
  auto ok = RunCli({"test-rules"});
  CHECK(ok.code == 0);
  CHECK(ok.out.find(" rule(s) hold\n") != std::string::npos);
}

TEST_CASE("cli: rule-keys lists every key and row action, as Markdown or JSON Lines", "[cli]") {
  auto text = RunCli({"rule-keys"});
  CHECK(text.code == 0);
  CHECK(text.out == gangmu::RuleKeysMarkdown());
  CHECK(text.out.find("| `shape.max_chars` | integer | 400 | 1 .. 1000000 | longer lines are body "
                      "and are not scored |\n") != std::string::npos);
  // Patterns with the groups they need, choices with their values, required keys.
  CHECK(text.out.find("| `compilation.article_header` | patterns | (required) | groups `title`, "
                      "`num` | the line that opens an article (… 篇1); the first that matches "
                      "wins |\n") != std::string::npos);
  CHECK(text.out.find("| `lines[].where` | choice | anywhere | `header`, `closing`, `edges`, "
                      "`anywhere` | (action take) where in the article the rule applies |\n") !=
        std::string::npos);
  auto json = RunCli({"rule-keys", "--json"});
  CHECK(json.code == 0);
  CHECK(static_cast<size_t>(std::count(json.out.begin(), json.out.end(), '\n')) ==
        gangmu::RuleKeys().size() + gangmu::RuleActions().size());
  CHECK(json.out.find("{\"action\":\"page_date\",\"file\":\"metadata.yaml\",\"groups\":\"year "
                      "month day\",\"many\":false,\"match\":\"anywhere\",\"meaning\":\"a date in a "
                      "compilation's page header, above its first article: the collection's date\","
                      "\"older_key\":\"page_date\",\"required\":true}\n") != std::string::npos);
  CHECK(text.out.find("| `names` | `author` | whole | one, required | `bare_author` |") !=
        std::string::npos);
  CHECK(
      json.out.find("{\"default\":80,\"file\":\"metadata.yaml\",\"maximum\":10000,\"meaning\":\"a "
                    "title line is at most this long; a longer line is body\",\"minimum\":4,"
                    "\"name\":\"title_max_chars\",\"required\":false,\"section\":\"\",\"type\":"
                    "\"integer\"}\n") != std::string::npos);
}

TEST_CASE("cli: explain --line on a flattened line tries the rules on each of its pieces",
          "[cli]") {
  std::string page = "标题写在这里 ";
  for (int i = 0; i < 20; ++i) page += "正文内容写在这里很长很长的一句话。 ";
  auto r = RunCli({"explain", "-", "--line", "1"}, page + "\n");
  CHECK(r.code == 0);
  size_t pieces = 0, tried = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    pieces += line.rfind("    1  ", 0) == 0;
    tried += line.rfind("Rules tried on the line by itself", 0) == 0;
  }
  CHECK(pieces >= 3);
  CHECK(tried == pieces);
}
