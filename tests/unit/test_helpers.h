// Shared helpers for the unit tests: the built-in rules, lines made from strings, and a one-line
// dump per heading ("2 (一) 加强学习") that reads better in a table than nested JSON.
#ifndef GANGMU_TESTS_TEST_HELPERS_H_
#define GANGMU_TESTS_TEST_HELPERS_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document.h"
#include "extract.h"
#include "load_rules.h"
#include "normalize_text.h"

namespace gangmu::testing {

inline const RuleSet& Rules() {
  static const std::shared_ptr<const RuleSet> rules = LoadDefaultRules();
  return *rules;
}

inline Line MakeLine(const std::string& text, int number = 1) {
  Line line;
  line.number = number;
  line.text = text;
  BuildView(&line);
  return line;
}

inline std::vector<Line> MakeLines(const std::vector<std::string>& texts) {
  std::vector<Line> lines;
  for (size_t i = 0; i < texts.size(); ++i) lines.push_back(MakeLine(texts[i], int(i) + 1));
  return lines;
}

inline void DumpSections(const std::vector<Section>& sections, std::ostringstream* out) {
  for (const auto& s : sections) {
    *out << s.level << " " << s.marker << " " << s.heading << "\n";
    DumpSections(s.children, out);
  }
}

// One line per heading of every article: "<level> <marker> <heading>".
inline std::string Outline(const Result& result) {
  std::ostringstream out;
  for (const auto& a : result.articles) DumpSections(a.sections, &out);
  return out.str();
}

inline Result ExtractText(const std::string& text) { return Extract("test.txt", text, Rules()); }

// A fresh, empty folder under the system's temporary folder.
inline std::string TempDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("gangmu-test-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace gangmu::testing

#endif  // GANGMU_TESTS_TEST_HELPERS_H_
