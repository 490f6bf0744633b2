// libFuzzer target: the JSON Lines record reader (`extract --input-format jsonl`) on arbitrary
// bytes, each line a record; every record that reads is extracted and its output checked.
// Build and run: scripts/fuzz.sh (see README.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/run.h"
#include "diagnostic.h"
#include "extract.h"
#include "load_rules.h"
#include "validate_schema.h"
#include "write_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto rules = gangmu::LoadDefaultRules();
  static const gangmu::SchemaValidator validator;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t start = 0;
  int number = 0;
  while (start <= bytes.size()) {
    size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    const std::string line(bytes.substr(start, end - start));
    start = end + 1;
    ++number;
    const gangmu::Record record = gangmu::ReadRecord(line, "fuzz:" + std::to_string(number));
    // A line that is no record is refused with a message that names it.
    if (!record.error.empty()) {
      if (record.error.rfind("fuzz:", 0) != 0) __builtin_trap();
      continue;
    }
    try {
      const auto document = gangmu::ToJson(gangmu::Extract(record.name, record.text, *rules, {}));
      if (!validator.Validate(document).empty()) __builtin_trap();
    } catch (const gangmu::Error&) {
      // A refusal (binary text in a record) is a clean outcome.
    }
  }
  return 0;
}
