// The gangmu command line; see run.h. Subcommands: extract, validate.
#include "cli/run.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <set>
#include <sstream>

#include "diagnostic.h"
#include "extract.h"
#include "load_rules.h"
#include "validate_schema.h"
#include "write_json.h"

namespace gangmu {
namespace {

namespace fs = std::filesystem;

constexpr int kOk = 0;
constexpr int kSomeFailed = 1;
constexpr int kUsage = 2;

constexpr const char* kDescription =
    "gangmu (纲目) turns Chinese article pages scraped from the web into outline JSON: for each\n"
    "article its title, authors, affiliations, source, date, keywords and the nested tree of\n"
    "its sections (一、 > (一) > 1. > (1) > ① > 一是/第一,) with their paragraphs.";

constexpr const char* kExtractFooter =
    "Output:\n"
    "  --format json   one pretty document for a single input on stdout, or one <stem>.json\n"
    "                  per input in the folder given with -o.\n"
    "  --format jsonl  one compact document per line, in input order, on stdout or in the file\n"
    "                  given with -o.\n"
    "  Every document is checked against schemas/outline.schema.json before it is written.\n"
    "Rules:\n"
    "  Built in by default. --rules DIR replaces each of normalize.yaml, furniture.yaml,\n"
    "  split.yaml, metadata.yaml, headings.yaml that DIR holds; see rules/README.md.\n"
    "Exit codes: 0 all well, 1 some inputs failed (the rest were written), 2 usage or rules "
    "error.\n"
    "Examples:\n"
    "  gangmu extract page.txt\n"
    "  gangmu extract pages/ --format jsonl > pages.jsonl\n"
    "  gangmu extract pages/ -o out/ --rules my-rules/";

struct Input {
  std::string path;  // As given or found; "-" for standard input.
  std::string stem;
};

// Files named on the command line, and *.txt files found below folders, in a stable order.
std::vector<Input> ExpandInputs(const std::vector<std::string>& args, std::ostream& err,
                                int* failures) {
  std::vector<Input> inputs;
  for (const auto& arg : args) {
    if (arg == "-") {
      inputs.push_back({"-", "stdin"});
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(arg, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".txt") found.push_back(it->path());
      }
      if (ec) {
        err << "gangmu: " << arg << ": cannot list folder: " << ec.message() << "\n";
        ++*failures;
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) err << "gangmu: " << arg << ": no *.txt files in this folder\n";
      for (const auto& p : found) inputs.push_back({p.string(), p.stem().string()});
    } else if (fs::exists(arg, ec)) {
      inputs.push_back({arg, fs::path(arg).stem().string()});
    } else {
      err << "gangmu: " << arg << ": no such file or folder\n";
      ++*failures;
    }
  }
  return inputs;
}

bool ReadAll(const Input& input, std::istream& in, std::string* bytes, std::string* error) {
  if (input.path == "-") {
    std::ostringstream s;
    s << in.rdbuf();
    *bytes = s.str();
    return true;
  }
  std::ifstream file(input.path, std::ios::binary);
  if (!file) {
    *error = "cannot open: " + std::string(std::strerror(errno));
    return false;
  }
  std::ostringstream s;
  s << file.rdbuf();
  *bytes = s.str();
  return true;
}

// Writes `text` to `path` through a temporary file and a rename, so that an interrupted run
// never leaves a truncated document.
bool WriteAtomically(const fs::path& path, const std::string& text, std::string* error) {
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
    file << text;
    file.flush();
    if (!file) {
      *error = "cannot write " + tmp.string();
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    *error = "cannot rename " + tmp.string() + ": " + ec.message();
    return false;
  }
  return true;
}

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string output;
  std::string format = "json";
  std::string rules_dir;
  std::string encoding;
  bool to_simplified = false;
  bool quiet = false;
};

int RunExtract(const ExtractArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  std::shared_ptr<const RuleSet> rules;
  try {
    rules = args.rules_dir.empty() ? LoadDefaultRules() : LoadRulesFromDirectory(args.rules_dir);
  } catch (const Error& e) {
    err << e.what() << "\ngangmu: rules not loaded; no input was read\n";
    return kUsage;
  }
  int failures = 0;
  const std::vector<Input> inputs = ExpandInputs(args.inputs, err, &failures);
  // Inputs named but not found count among the inputs that failed.
  const size_t total = inputs.size() + failures;
  const bool jsonl = args.format == "jsonl";
  if (!jsonl && args.output.empty() && inputs.size() > 1) {
    err << "gangmu: " << inputs.size()
        << " inputs need -o FOLDER (one <stem>.json each) or --format jsonl\n";
    return kUsage;
  }
  if (!jsonl && !args.output.empty()) {
    std::error_code ec;
    fs::create_directories(args.output, ec);
    if (ec) {
      err << "gangmu: " << args.output << ": cannot create folder: " << ec.message() << "\n";
      return kUsage;
    }
  }
  const SchemaValidator validator;
  ExtractOptions options{args.encoding, args.to_simplified};
  std::string jsonl_text;
  std::set<std::string> stems;
  for (const auto& input : inputs) {
    std::string bytes, error;
    if (!ReadAll(input, in, &bytes, &error)) {
      err << "gangmu: " << input.path << ": " << error << "\n";
      ++failures;
      continue;
    }
    nlohmann::ordered_json document;
    try {
      document = ToJson(Extract(input.path, bytes, *rules, options));
    } catch (const Error& e) {
      err << "gangmu: " << e.what() << "\n";
      ++failures;
      continue;
    }
    const std::vector<std::string> problems = validator.Validate(nlohmann::json(document));
    if (!problems.empty()) {
      err << "gangmu: " << input.path << ": output breaks the schema (a bug; please report):\n";
      for (const auto& p : problems) err << "  " << p << "\n";
      ++failures;
      continue;
    }
    if (jsonl) {
      const std::string line = Dump(document, false) + "\n";
      if (args.output.empty()) {
        out << line << std::flush;
      } else {
        jsonl_text += line;
      }
    } else if (args.output.empty()) {
      out << Dump(document, true) << "\n";
    } else {
      if (!stems.insert(input.stem).second) {
        err << "gangmu: " << input.path << ": another input already wrote " << input.stem
            << ".json; skipped\n";
        ++failures;
        continue;
      }
      if (!WriteAtomically(fs::path(args.output) / (input.stem + ".json"),
                           Dump(document, true) + "\n", &error)) {
        err << "gangmu: " << input.path << ": " << error << "\n";
        ++failures;
      }
    }
  }
  if (jsonl && !args.output.empty()) {
    std::string error;
    if (!WriteAtomically(args.output, jsonl_text, &error)) {
      err << "gangmu: " << error << "\n";
      return kSomeFailed;
    }
  }
  if (failures > 0) {
    err << "gangmu: " << failures << " of " << total << " input(s) failed\n";
    return kSomeFailed;
  }
  if (!args.quiet && !args.output.empty()) {
    err << "gangmu: " << inputs.size() << " input(s) written to " << args.output << "\n";
  }
  return kOk;
}

// Validates .json files (one document) and .jsonl files (one document per line).
int RunValidate(const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
  const SchemaValidator validator;
  int bad = 0, documents = 0;
  for (const auto& path : files) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      err << path << ": cannot open\n";
      ++bad;
      continue;
    }
    std::vector<std::pair<int, std::string>> texts;  // (line, text)
    if (fs::path(path).extension() == ".jsonl") {
      int n = 0;
      for (std::string line; std::getline(file, line);) {
        ++n;
        if (line.find_first_not_of(" \t\r") != std::string::npos) texts.push_back({n, line});
      }
    } else {
      std::ostringstream s;
      s << file.rdbuf();
      texts.push_back({0, s.str()});
    }
    for (const auto& [line, text] : texts) {
      ++documents;
      const std::string where = line > 0 ? path + ":" + std::to_string(line) : path;
      nlohmann::json document;
      try {
        document = nlohmann::json::parse(text);
      } catch (const nlohmann::json::parse_error& e) {
        err << where << ": not JSON: " << e.what() << "\n";
        ++bad;
        continue;
      }
      const auto problems = validator.Validate(document);
      for (const auto& p : problems) err << where << ": " << p << "\n";
      if (!problems.empty()) ++bad;
    }
  }
  if (bad > 0) {
    err << "gangmu: " << bad << " of " << documents << " document(s) break the schema\n";
    return kSomeFailed;
  }
  out << documents << " document(s) valid\n";
  return kOk;
}

}  // namespace

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err) {
  CLI::App app{kDescription, "gangmu"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gangmu 0.1.0");

  ExtractArgs extract;
  CLI::App* ex = app.add_subcommand("extract", "Outline pages: FILE, DIR (walked for *.txt) or -");
  ex->add_option("inputs", extract.inputs, "Pages to read: files, folders, or - for stdin")
      ->required();
  ex->add_option("-o,--output", extract.output,
                 "json: folder for one <stem>.json per input; jsonl: the output file "
                 "[default: stdout]");
  ex->add_option("--format", extract.format, "json or jsonl")
      ->check(CLI::IsMember({"json", "jsonl"}))
      ->capture_default_str();
  ex->add_option("--rules", extract.rules_dir,
                 "Folder of rule files replacing the built-in ones [default: built-in]");
  ex->add_option("--encoding", extract.encoding,
                 "Input encoding (GB18030, Big5, UTF-16LE, ...) [default: detected]");
  ex->add_flag("--to-simplified", extract.to_simplified,
               "Convert the output's text to simplified characters");
  ex->add_flag("-q,--quiet", extract.quiet, "No summary line on stderr");
  ex->footer(kExtractFooter);

  std::vector<std::string> to_validate;
  CLI::App* va = app.add_subcommand(
      "validate", "Check outline documents (.json, or .jsonl one per line) against the schema");
  va->add_option("files", to_validate, "Files to check")->required();

  std::vector<std::string> argv_storage = {"gangmu"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const auto& a : argv_storage) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    for (auto* sub : app.get_subcommands()) out << "\n" << sub->help();
    return kOk;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << "\n";
    return kOk;
  } catch (const CLI::ParseError& e) {
    std::ostringstream tmp_out, tmp_err;
    const int code = app.exit(e, tmp_out, tmp_err);
    out << tmp_out.str();
    err << tmp_err.str();
    if (code != 0) {
      err << "Run 'gangmu --help' or 'gangmu extract --help' for usage.\n";
      return kUsage;
    }
    return kOk;
  }
  if (ex->parsed()) return RunExtract(extract, in, out, err);
  return RunValidate(to_validate, out, err);
}

}  // namespace gangmu
