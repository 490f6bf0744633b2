// libFuzzer target: the rules loader on arbitrary YAML. The first byte picks which rule file the
// rest replaces; the loader must either load or throw gangmu::Error, never crash or hang.
// Build and run: scripts/fuzz.sh (see README.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string>

#include "diagnostic.h"
#include "embedded_files.h"
#include "extract.h"
#include "load_rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::vector<gangmu::EmbeddedFile> defaults = gangmu::DefaultRuleFiles();
  std::vector<gangmu::EmbeddedFile> files = defaults;
  const size_t which = data[0] % files.size();
  files[which].text = std::string(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const auto rules = gangmu::LoadRules(files);
    // Rules that load must be usable: run them on a small page.
    gangmu::Extract("page", "标题\n作者:甲\n一、乙\n丙。(一)丁\n1.戊\n", *rules, {});
  } catch (const gangmu::Error&) {
  }
  return 0;
}
