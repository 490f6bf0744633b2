// Stage 8: Result -> JSON in a fixed key order, as schemas/outline.schema.json describes.
// Covered by tests/golden (every expected file is this stage's output).
#ifndef GANGMU_WRITE_JSON_H_
#define GANGMU_WRITE_JSON_H_

#include <nlohmann/json.hpp>

#include "document.h"

namespace gangmu {

nlohmann::ordered_json ToJson(const Result& result);

// Pretty (indent 2) or compact (one line), UTF-8 kept as it is.
std::string Dump(const nlohmann::ordered_json& document, bool pretty);

}  // namespace gangmu

#endif  // GANGMU_WRITE_JSON_H_
