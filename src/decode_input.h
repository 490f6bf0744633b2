// Stage 1: bytes -> UTF-8 lines with their line numbers. A BOM is honoured (UTF-8, UTF-16LE/BE);
// valid UTF-8 is taken as it is; anything else is identified with ICU's charset detector
// (GB18030, Big5, UTF-16 without BOM, ...) and converted. Bytes that do not decode become U+FFFD
// and are reported; input that is not text (NUL bytes, control characters) is refused.
// Covered by tests/unit/decode_input_test.cc.
#ifndef GANGMU_DECODE_INPUT_H_
#define GANGMU_DECODE_INPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace gangmu {

struct DecodedInput {
  std::string encoding;  // As detected or forced: "UTF-8", "GB18030", "Big5", "UTF-16LE" ...
  std::vector<std::string> lines;  // Line i is input line i + 1, without its line break.
  std::vector<Warning> warnings;
  // False when the page is known to hold no control or zero-width character (normalize_text
  // then looks for none).
  bool may_hold_invisible = true;
};

// `forced_encoding` (an ICU converter name) skips detection when not empty. Throws gangmu::Error
// when the bytes are not text or the encoding is unknown.
DecodedInput DecodeInput(std::string_view display_name, std::string_view bytes,
                         const std::string& forced_encoding = "");

}  // namespace gangmu

#endif  // GANGMU_DECODE_INPUT_H_
