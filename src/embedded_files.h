// Files compiled into the library by cmake/embed_files.cmake: the default rule set and the
// output schema, so that the tool works with no files beside it.
#ifndef GANGMU_EMBEDDED_FILES_H_
#define GANGMU_EMBEDDED_FILES_H_

#include <string>
#include <vector>

namespace gangmu {

struct EmbeddedFile {
  std::string name;  // "rules/headings.yaml": shown in diagnostics.
  std::string text;
};

// rules/*.yaml as they were when the library was built, sorted by name.
const std::vector<EmbeddedFile>& DefaultRuleFiles();

// schemas/outline.schema.json as it was when the library was built.
const char* OutlineSchemaText();

}  // namespace gangmu

#endif  // GANGMU_EMBEDDED_FILES_H_
