// gangmu: Chinese article pages -> outline JSON. See src/cli/run.h.
#include <csignal>
#include <iostream>

#include "cli/run.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  // A reader that goes away (gangmu ... | head) shows as a failed write, which ends the run
  // quietly, instead of a signal.
  std::signal(SIGPIPE, SIG_IGN);
  return gangmu::Run(std::vector<std::string>(argv + 1, argv + argc), std::cin, std::cout,
                     std::cerr);
}
