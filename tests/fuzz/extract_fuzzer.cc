// libFuzzer target: the whole pipeline on arbitrary bytes, as `gangmu extract` runs it.
// Build and run: scripts/fuzz.sh (see README.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "diagnostic.h"
#include "extract.h"
#include "load_rules.h"
#include "validate_schema.h"
#include "write_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto rules = gangmu::LoadDefaultRules();
  static const gangmu::SchemaValidator validator;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the options, so both paths of each are explored.
  const bool to_simplified = size > 0 && (data[0] & 1);
  try {
    const auto document =
        gangmu::ToJson(gangmu::Extract("fuzz", bytes, *rules, {"", to_simplified}));
    // Every output must conform: a schema failure here is a bug, so crash loudly.
    if (!validator.Validate(document).empty()) __builtin_trap();
    gangmu::Dump(document, false);
  } catch (const gangmu::Error&) {
    // A refusal (binary input) is a clean outcome.
  }
  return 0;
}
