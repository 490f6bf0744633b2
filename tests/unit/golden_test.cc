// Golden end-to-end tests: tests/golden/input/<name>.txt -> tests/golden/expected/<name>.json,
// and its Markdown (<name>.md) and chunks (<name>.chunks.jsonl, --chunk-chars 300).
// A mismatch prints a unified diff. To accept a behaviour change, rerun with
//   GANGMU_UPDATE_GOLDEN=1 build/tests/gangmu_tests "[golden]"
// and review the diff of tests/golden/expected in version control.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_helpers.h"
#include "validate_schema.h"
#include "write_chunks.h"
#include "write_json.h"
#include "write_markdown.h"

namespace fs = std::filesystem;

namespace {
std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("golden: every input gives its expected outline", "[golden]") {
  const fs::path root = fs::path(GANGMU_SOURCE_DIR) / "tests" / "golden";
  const bool update = std::getenv("GANGMU_UPDATE_GOLDEN") != nullptr;
  const gangmu::SchemaValidator validator;
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(root / "input")) inputs.push_back(e.path());
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 5);
  for (const auto& input : inputs) {
    const std::string name = input.filename().string();
    INFO(name);
    const gangmu::Result result = gangmu::Extract(name, ReadFile(input), gangmu::testing::Rules());
    auto document = gangmu::ToJson(result);
    CHECK(validator.Validate(nlohmann::json(document)).empty());
    const std::pair<std::string, std::string> outputs[] = {
        {".json", gangmu::Dump(document, true) + "\n"},
        {".md", gangmu::WriteMarkdown(result)},
        {".chunks.jsonl", gangmu::WriteChunks(result, {300, 0})}};
    for (const auto& [extension, actual] : outputs) {
      const fs::path expected = root / "expected" / (input.stem().string() + extension);
      if (update) {
        std::ofstream(expected, std::ios::binary) << actual;
        continue;
      }
      const std::string wanted = ReadFile(expected);
      if (actual != wanted) {
        const fs::path got = fs::temp_directory_path() / ("gangmu-" + input.stem().string() + extension);
        std::ofstream(got, std::ios::binary) << actual;
        const std::string diff = "diff -u '" + expected.string() + "' '" + got.string() + "' | head -80";
        std::system(diff.c_str());
      }
      INFO(extension);
      CHECK(actual == wanted);
    }
  }
}
