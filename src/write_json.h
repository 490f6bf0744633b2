// Stage 8: Result -> JSON in a fixed key order, as schemas/outline.schema.json describes.
// EmitResult is the one description of the document's shape; the text writer, the tree builder
// (for the Python module's callers and the tests) and the schema check all consume its events.
// Covered by tests/golden (every expected file is this stage's output) and
// tests/unit/validate_schema_test.cc.
#ifndef GANGMU_WRITE_JSON_H_
#define GANGMU_WRITE_JSON_H_

#include <nlohmann/json.hpp>

#include <string>

#include "document.h"
#include "json_events.h"

namespace gangmu {

// The document of one result, as events.
void EmitResult(const Result& result, JsonEvents* out);

// The document as text: pretty (indent 2) or compact (one line), UTF-8 kept as it is. `also`,
// when given, sees the same events (the schema check), so no tree is built.
std::string WriteJson(const Result& result, bool pretty, JsonEvents* also = nullptr);

// The document as a tree.
nlohmann::ordered_json ToJson(const Result& result);

// The result a document describes (what Markdown and chunks are made from), for callers that
// hold a document rather than a page (the Python module's to_markdown and chunks). The document
// must conform to the schema (check it first); paragraphs get their section's line as their
// input lines, which the document does not carry.
Result ResultFromJson(const nlohmann::json& document);

// A tree as text, written as WriteJson writes it (and as nlohmann's dump does, UTF-8 kept).
std::string Dump(const nlohmann::ordered_json& document, bool pretty);

}  // namespace gangmu

#endif  // GANGMU_WRITE_JSON_H_
