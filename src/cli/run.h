// The gangmu command line, testable in-process: main() only forwards to Run(). Exit codes:
// 0 all well; 1 some inputs failed (the others were still processed and written); 2 usage or
// rules error (nothing was read). Covered by tests/cli/cli_test.cc.
#ifndef GANGMU_CLI_RUN_H_
#define GANGMU_CLI_RUN_H_

#include <iostream>
#include <string>
#include <vector>

namespace gangmu {

// `args` excludes the program name.
int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);

}  // namespace gangmu

#endif  // GANGMU_CLI_RUN_H_
