// Outlines one line of text with the installed library and prints the first heading.
#include <iostream>

#include "extract.h"
#include "load_rules.h"
#include "write_json.h"

int main() {
  const auto rules = gangmu::LoadDefaultRules();
  const auto document = gangmu::ToJson(gangmu::Extract("-", "一、标题\n正文。", *rules, {}));
  std::cout << document["articles"][0]["sections"][0]["heading"].get<std::string>() << "\n";
  return 0;
}
