// The gangmu command line, testable in-process: main() only forwards to Run(). Exit codes:
// 0 all well; 1 some inputs failed (the others were still processed and written); 2 usage or
// rules error (nothing was read); 128 + N stopped by signal N (SIGINT, SIGTERM) with no partial
// output file. Covered by tests/cli/cli_test.cc and tests/cli/signal_test.sh.
#ifndef GANGMU_CLI_RUN_H_
#define GANGMU_CLI_RUN_H_

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace gangmu {

class SchemaValidator;

// `args` excludes the program name.
int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);

// One line of `extract --input-format jsonl` input: the page's name (the record's "name", else
// `where`) and text, or a message saying why the line is no record. Exposed for the fuzzers.
struct Record {
  std::string name, text, error;
};
Record ReadRecord(const std::string& line, const std::string& where);

// What `gangmu validate` says of one document's text: nothing when it parses and conforms to
// the outline schema, else the problems (parse errors, nesting deeper than the limit, schema
// violations), one per entry. Exposed for the fuzzers.
std::vector<std::string> CheckDocument(std::string_view text, const SchemaValidator& validator);

}  // namespace gangmu

#endif  // GANGMU_CLI_RUN_H_
