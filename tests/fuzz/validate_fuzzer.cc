// libFuzzer target: `gangmu validate` on arbitrary bytes. The first byte picks whether the rest
// is one .json document or a .jsonl file (a document per line); each must be accepted or
// refused with messages, never crash, hang or recurse as deep as the input nests.
// Build and run: scripts/fuzz.sh (see README.md, "Fuzzing").
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cli/run.h"
#include "validate_schema.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const gangmu::SchemaValidator validator;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  if ((data[0] & 1) == 0) {
    gangmu::CheckDocument(text, validator);
    return 0;
  }
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    gangmu::CheckDocument(text.substr(start, end - start), validator);
    start = end + 1;
  }
  return 0;
}
