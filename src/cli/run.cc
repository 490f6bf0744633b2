// The gangmu command line; see run.h. Subcommands: extract, validate, explain, review,
// test-rules, rule-keys.
#include "cli/run.h"

#include <CLI/CLI.hpp>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <optional>
#include <thread>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <set>
#include <sstream>

#include "diagnostic.h"
#include "extract.h"
#include "load_rules.h"
#include "ordered_pool.h"
#include "validate_schema.h"
#include "explain.h"
#include "review.h"
#include "rule_keys.h"
#include "json_events.h"
#include "write_json.h"
#include "write_chunks.h"
#include "write_markdown.h"

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
    "  --format markdown  CommonMark: the title as #, a list of metadata, each section a\n"
    "                  heading one level deeper with its marker (## 一、…), for retrieval\n"
    "                  pipelines and readers; one <stem>.md per input with -o, as json.\n"
    "  --format chunks JSON Lines for vector stores, as jsonl: one chunk a line, whole\n"
    "                  paragraphs of one section cut at paragraph or sentence ends to at most\n"
    "                  --chunk-chars, with text, heading_path, title, authors, source, date,\n"
    "                  input, article, section (2.1), first_line, last_line.\n"
    "  Every document is checked against schemas/outline.schema.json before it is written.\n"
    "Rules:\n"
    "  Built in by default. --rules DIR replaces each of normalize.yaml, furniture.yaml,\n"
    "  split.yaml, metadata.yaml, headings.yaml that DIR holds; see rules/README.md.\n"
    "Exit codes: 0 all well, 1 some inputs failed (the rest were written), 2 usage or rules "
    "error,\n"
    "  130 / 143 stopped by SIGINT / SIGTERM (inputs written so far are complete; a -o FILE.jsonl\n"
    "  is not written at all).\n"
    "Examples:\n"
    "  gangmu extract page.txt\n"
    "  gangmu extract pages/ --format jsonl > pages.jsonl\n"
    "  gangmu extract pages/ -o out/ --rules my-rules/\n"
    "  gangmu extract pages/ --format jsonl --jobs 2 -o pages.jsonl\n"
    "  gangmu extract - --input-format jsonl --format jsonl < records.jsonl\n"
    "Parallel runs: --jobs N pages at a time, with the rules compiled once and shared; output\n"
    "  order is input order. Memory is bounded by a few pages, not by the number of inputs.";

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

// Standard input is read by TaskSource on the caller's thread; workers read files only.
// nlohmann's message without its "[json.exception.other_error.501] " prefix.
// Its "last read" quotes the input, which may be a whole page: the message is abbreviated.
std::string WithoutJsonPrefix(const std::string& what) {
  const size_t end = what.rfind("[", 0) == 0 ? what.find("] ") : std::string::npos;
  return Abbreviate(end == std::string::npos ? what : what.substr(end + 2));
}

bool ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  std::ifstream file(path, std::ios::binary);
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
// SIGINT and SIGTERM during an extract run: the handler records the signal and puts the default
// action back (a second signal kills at once); the run stops taking inputs, finishes the one it
// is writing, removes its temporary file and says how far it got.
std::atomic<int> g_stop_signal{0};

extern "C" void OnStopSignal(int signal_number) {
  g_stop_signal.store(signal_number);
  ::signal(signal_number, SIG_DFL);
}

class StopSignals {
 public:
  StopSignals() {
    g_stop_signal.store(0);
    struct sigaction action = {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a read of stdin returns, so the run notices
    // A signal the caller ignores (a background job of a script ignores SIGINT) stays ignored.
    sigaction(SIGINT, nullptr, &old_int_);
    sigaction(SIGTERM, nullptr, &old_term_);
    if (old_int_.sa_handler != SIG_IGN) sigaction(SIGINT, &action, nullptr);
    if (old_term_.sa_handler != SIG_IGN) sigaction(SIGTERM, &action, nullptr);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  static int Received() { return g_stop_signal.load(); }

 private:
  struct sigaction old_int_, old_term_;
};

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
  std::string input_format = "text";
  std::string rules_dir;
  std::string encoding;
  bool to_simplified = false;
  bool quiet = false;
  size_t jobs = 0;        // 0: one per core.
  bool progress = false;  // Set by Run when stderr is a terminal.
  ChunkOptions chunks;
};

// One page to extract: a file read by the worker, or a record's text already in hand.
struct Task {
  std::string name;  // The document's "input".
  std::string stem;  // For -o FOLDER: <stem>.json.
  std::string path;  // Read by the worker when `has_bytes` is false.
  std::string bytes;
  bool has_bytes = false;
  std::string error;  // A record that could not be read: reported in order, not extracted.
};

struct Outcome {
  std::string stem;
  std::string path;      // The input file, when there is one.
  std::string document;  // Serialised; empty when the input failed.
  std::string messages;  // For stderr, in input order.
  size_t input_bytes = 0;
};

// Where tasks come from: the files named or found, or the records of JSON Lines inputs
// ({"name": ..., "text": ...} per line), read one line at a time.
class TaskSource {
 public:
  TaskSource(const std::vector<Input>& inputs, bool records, std::istream& in)
      : inputs_(inputs), records_(records), in_(in) {}

  std::optional<Task> Next() {
    if (!records_) {
      if (next_input_ == inputs_.size()) return std::nullopt;
      const Input& input = inputs_[next_input_++];
      Task task{input.path, input.stem, input.path, "", false, ""};
      if (input.path == "-") {
        std::ostringstream s;
        s << in_.rdbuf();
        task.bytes = s.str();
        task.has_bytes = true;
      }
      return task;
    }
    for (;;) {
      if (!stream_) {
        if (next_input_ == inputs_.size()) return std::nullopt;
        current_ = inputs_[next_input_++].path;
        line_number_ = 0;
        if (current_ == "-") {
          stream_ = &in_;
        } else {
          file_ = std::make_unique<std::ifstream>(current_, std::ios::binary);
          if (!*file_) {
            Task task;
            task.name = current_;
            task.error = current_ + ": cannot open: " + std::strerror(errno);
            file_.reset();
            return task;
          }
          stream_ = file_.get();
        }
      }
      std::string line;
      if (!std::getline(*stream_, line)) {
        stream_ = nullptr;
        file_.reset();
        continue;
      }
      ++line_number_;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      return RecordTask(line);
    }
  }

 private:
  Task RecordTask(const std::string& line) {
    Task task;
    const Record record = ReadRecord(line, current_ + ":" + std::to_string(line_number_));
    task.name = record.name;
    task.error = record.error;
    if (record.error.empty()) {
      task.bytes = record.text;
      task.has_bytes = true;
      task.stem = fs::path(task.name).stem().string();
    }
    return task;
  }

  const std::vector<Input>& inputs_;
  const bool records_;
  std::istream& in_;
  size_t next_input_ = 0;
  std::string current_;
  std::istream* stream_ = nullptr;
  std::unique_ptr<std::ifstream> file_;
  int line_number_ = 0;
};

enum class Format { kJson, kJsonLines, kMarkdown, kChunks };

Outcome ExtractOne(Task& task, const RuleSet& rules, const ExtractOptions& options,
                   const SchemaValidator& validator, Format format, const ChunkOptions& chunks) {
  const bool pretty = format == Format::kJson;
  Outcome outcome;
  outcome.stem = task.stem;
  if (!task.has_bytes) outcome.path = task.path;
  if (!task.error.empty()) {
    outcome.messages = "gangmu: " + task.error + "\n";
    return outcome;
  }
  if (!task.has_bytes) {
    std::string error;
    if (!ReadFile(task.path, &task.bytes, &error)) {
      outcome.messages = "gangmu: " + task.path + ": " + error + "\n";
      return outcome;
    }
  }
  outcome.input_bytes = task.bytes.size();
  Result result;
  try {
    result = Extract(task.name, task.bytes, rules, options);
  } catch (const Error& e) {
    outcome.messages = std::string("gangmu: ") + e.what() + "\n";
    return outcome;
  }
  std::string().swap(task.bytes);  // The page is no longer needed; the result is.
  // The schema check reads the same events as the writer: no tree is built for it.
  SchemaValidator::Stream check(validator);
  std::string text = WriteJson(result, pretty, &check);
  if (!check.Errors().empty()) {
    outcome.messages =
        "gangmu: " + task.name + ": output breaks the schema (a bug; please report):\n";
    for (const auto& p : check.Errors()) outcome.messages += "  " + p + "\n";
    return outcome;
  }
  text += '\n';
  // Markdown and chunks are made from the result the JSON check passed.
  if (format == Format::kMarkdown) {
    outcome.document = WriteMarkdown(result);
  } else if (format == Format::kChunks) {
    outcome.document = WriteChunks(result, chunks);
  } else {
    outcome.document = std::move(text);
  }
  return outcome;
}

// "12/40 files, 18.3 MB/s, 3 s left" on one terminal line, at most five times a second.
class Progress {
 public:
  Progress(std::ostream& err, bool enabled, size_t total)
      : err_(err), enabled_(enabled), total_(total), start_(Clock::now()), last_(start_) {}
  void Done(size_t bytes) {
    ++files_;
    bytes_ += bytes;
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200) && files_ != total_) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    std::ostringstream line;
    line << "\r" << files_;
    if (total_ > 0) line << "/" << total_;
    line << " files, " << std::fixed << std::setprecision(1)
         << (seconds > 0 ? bytes_ / 1e6 / seconds : 0.0) << " MB/s";
    if (total_ > 0 && files_ > 0) {
      line << ", " << static_cast<long>(seconds / files_ * (total_ - files_)) << " s left";
    }
    err_ << line.str() << "   " << std::flush;
    shown_ = true;
  }
  // Ends the progress line, so that what follows starts a line of its own.
  void Finish() {
    if (shown_) err_ << "\n";
    shown_ = false;
  }
  ~Progress() { Finish(); }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  const bool enabled_;
  const size_t total_;
  size_t files_ = 0, bytes_ = 0;
  Clock::time_point start_, last_;
  bool shown_ = false;
};

// The built-in rules, or those of `dir`; null after reporting a rules error.
std::shared_ptr<const RuleSet> LoadRulesOrReport(const std::string& dir, std::ostream& err) {
  try {
    return dir.empty() ? LoadDefaultRules() : LoadRulesFromDirectory(dir);
  } catch (const Error& e) {
    err << e.what() << "\ngangmu: rules not loaded; no input was read\n";
    return nullptr;
  }
}

int RunExtract(const ExtractArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  // First of all: a signal while the rules load stops the run before its first input.
  const StopSignals stop_signals;
  const std::shared_ptr<const RuleSet> rules = LoadRulesOrReport(args.rules_dir, err);
  if (!rules) return kUsage;
  int failures = 0;
  const std::vector<Input> inputs = ExpandInputs(args.inputs, err, &failures);
  const int missing = failures;
  // Chunks are JSON Lines: a stream, to stdout or one file.
  const bool jsonl = args.format == "jsonl" || args.format == "chunks";
  const bool markdown = args.format == "markdown";
  const Format format = args.format == "jsonl"      ? Format::kJsonLines
                        : args.format == "chunks"   ? Format::kChunks
                        : markdown                  ? Format::kMarkdown
                                                    : Format::kJson;
  const std::string extension = markdown ? ".md" : ".json";
  const bool records = args.input_format == "jsonl";
  if (!jsonl && args.output.empty() && (inputs.size() > 1 || records)) {
    err << "gangmu: " << (records ? "records" : std::to_string(inputs.size()) + " inputs")
        << " need -o FOLDER (one <stem>" << extension << " each) or --format jsonl\n";
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
  // Inputs are never overwritten.
  if (jsonl && !args.output.empty()) {
    for (const auto& input : inputs) {
      std::error_code ec;
      if (input.path != "-" && fs::equivalent(input.path, args.output, ec)) {
        err << "gangmu: -o " << args.output << " is an input; it would be overwritten\n";
        return kUsage;
      }
    }
  }
  // JSON Lines to a file go to a temporary file renamed at the end: never a truncated file.
  std::ofstream jsonl_file;
  const std::string jsonl_tmp = args.output + ".tmp";
  if (jsonl && !args.output.empty()) {
    jsonl_file.open(jsonl_tmp, std::ios::binary | std::ios::trunc);
    if (!jsonl_file) {
      err << "gangmu: " << jsonl_tmp << ": cannot write: " << std::strerror(errno) << "\n";
      return kUsage;
    }
  }
  std::ostream& sink = jsonl_file.is_open() ? static_cast<std::ostream&>(jsonl_file) : out;

  const SchemaValidator validator;
  const ExtractOptions options{args.encoding, args.to_simplified};
  const size_t jobs = args.jobs > 0 ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  TaskSource source(inputs, records, in);
  Progress progress(err, args.progress && !args.quiet, records ? 0 : inputs.size());
  std::set<std::string> stems;
  size_t documents = 0, written = 0;
  bool broken_pipe = false;
  RunOrdered<Task, Outcome>(
      jobs,
      [&]() -> std::optional<Task> {
        if (StopSignals::Received()) return std::nullopt;
        return source.Next();
      },
      [&](Task& task) { return ExtractOne(task, *rules, options, validator, format, args.chunks); },
      [&](Outcome& outcome) {
        if (StopSignals::Received()) return false;
        ++documents;
        progress.Done(outcome.input_bytes);
        err << outcome.messages;
        if (outcome.document.empty()) {
          ++failures;
          return true;
        }
        if (jsonl || args.output.empty()) {
          sink << outcome.document << std::flush;
          if (!sink) {
            broken_pipe = args.output.empty();
            if (!broken_pipe) err << "gangmu: " << jsonl_tmp << ": write failed\n";
            ++failures;
            return false;
          }
          ++written;
          return true;
        }
        std::string error;
        const fs::path target = fs::path(args.output) / (outcome.stem + extension);
        std::error_code ec;
        if (!outcome.path.empty() && fs::equivalent(outcome.path, target, ec)) {
          err << "gangmu: " << outcome.path << ": the output would overwrite this input; "
              << "skipped\n";
          ++failures;
        } else if (!stems.insert(outcome.stem).second) {
          err << "gangmu: another input already wrote " << outcome.stem << extension << "; skipped\n";
          ++failures;
        } else if (!WriteAtomically(target, outcome.document, &error)) {
          err << "gangmu: " << error << "\n";
          ++failures;
        } else {
          ++written;
        }
        return true;
      });
  progress.Finish();
  if (broken_pipe) return kSomeFailed;  // The reader went away: nothing more to say.
  if (const int signal_number = StopSignals::Received()) {
    const char* name = signal_number == SIGINT ? "SIGINT" : "SIGTERM";
    if (jsonl_file.is_open()) {
      jsonl_file.close();
      std::error_code ec;
      fs::remove(jsonl_tmp, ec);
      err << "gangmu: stopped by " << name << " after " << written << " input(s); "
          << args.output << " not written\n";
    } else {
      err << "gangmu: stopped by " << name << ": " << written << " input(s) written to "
          << (args.output.empty() ? "stdout" : args.output) << "\n";
    }
    return 128 + signal_number;
  }
  if (jsonl_file.is_open()) {
    jsonl_file.close();
    std::error_code ec;
    if (jsonl_file.fail()) {
      err << "gangmu: " << jsonl_tmp << ": write failed\n";
      return kSomeFailed;
    }
    fs::rename(jsonl_tmp, args.output, ec);
    if (ec) {
      err << "gangmu: cannot rename " << jsonl_tmp << ": " << ec.message() << "\n";
      return kSomeFailed;
    }
  }
  // Inputs named but not found count among the inputs that failed.
  const size_t total = (records ? documents : inputs.size()) + missing;
  if (failures > 0) {
    err << "gangmu: " << failures << " of " << total << " input(s) failed\n";
    return kSomeFailed;
  }
  if (!args.quiet && !args.output.empty()) {
    err << "gangmu: " << documents << " input(s) written to " << args.output << "\n";
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
      err << path << ": cannot open: " << std::strerror(errno) << "\n";
      ++bad;
      ++documents;  // counted as one document that fails
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
      const auto problems = CheckDocument(text, validator);
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

struct ExplainArgs {
  std::string page;
  std::string rules_dir;
  std::string encoding;
  int line = 0;
  bool json = false;
  bool colour = false;
};

int RunExplain(const ExplainArgs& args, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::shared_ptr<const RuleSet> rules = LoadRulesOrReport(args.rules_dir, err);
  if (!rules) return kUsage;
  std::string bytes, error;
  if (args.page == "-") {
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
  } else if (!ReadFile(args.page, &bytes, &error)) {
    err << args.page << ": " << error << "\n";
    return kSomeFailed;
  }
  std::vector<LineAccount> accounts;
  try {
    accounts = ExplainPage(args.page, bytes, *rules, ExtractOptions{args.encoding, false});
  } catch (const Error& e) {
    err << args.page << ": " << e.what() << "\n";
    return kSomeFailed;
  }
  if (args.line > 0) {
    std::vector<LineAccount> one;
    for (const auto& a : accounts) {
      if (a.line == args.line) one.push_back(a);
    }
    if (one.empty()) {
      err << args.page << ": no line " << args.line << " (the page has " << accounts.size()
          << ")\n";
      return kUsage;
    }
    accounts = std::move(one);
  }
  if (!args.json && args.line == 0) {
    out << FormatAccounts(accounts, args.colour);
    return kOk;
  }
  // With --line, every rule tried on that line by itself, and its shape score (for each piece
  // of a flattened line, which keeps its input line's number).
  std::vector<LineTrials> trials;
  if (args.line > 0) {
    for (const auto& a : accounts) trials.push_back(TryRules(a.text, *rules));
  }
  for (size_t i = 0; i < accounts.size(); ++i) {
    const LineAccount& a = accounts[i];
    if (!args.json) {
      out << FormatAccounts({a}, args.colour);
      if (args.line > 0) out << FormatTrials(trials[i], *rules, args.colour);
      continue;
    }
    nlohmann::json j{{"line", a.line}, {"fate", a.fate}, {"rule", a.rule}, {"text", a.text}};
    if (args.line > 0) {
      nlohmann::json tried = nlohmann::json::array();
      for (const auto& t : trials[i].trials) {
        tried.push_back({{"file", t.probe->file},
                         {"file_line", t.probe->line},
                         {"kind", t.probe->kind},
                         {"rule", t.probe->rule},
                         {"result", ProbeResultName(t.result)}});
      }
      j["rules_tried"] = std::move(tried);
      if (trials[i].shape_enabled) {
        nlohmann::json terms = nlohmann::json::array();
        for (const auto& [id, weight] : trials[i].shape_terms) {
          terms.push_back({{"id", id}, {"weight", weight}});
        }
        j["shape"] = {{"score", trials[i].shape_score}, {"terms", std::move(terms)}};
      }
    }
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return kOk;
}

// Runs the examples the rules carry; a failure names the file and line of the example.
int RunTestRules(const std::string& dir, std::ostream& out, std::ostream& err) {
  const std::shared_ptr<const RuleSet> rules = LoadRulesOrReport(dir, err);
  if (!rules) return kUsage;
  const std::vector<std::string> failures = RunRuleExamples(*rules);
  for (const auto& f : failures) err << f << "\n";
  std::set<std::string> tested;
  for (const auto& ex : rules->examples) {
    tested.insert(rules->probes[ex.probe].file + ":" + rules->probes[ex.probe].rule);
  }
  if (!failures.empty()) {
    err << "gangmu: " << failures.size() << " of " << rules->examples.size()
        << " example(s) do not hold\n";
    return kSomeFailed;
  }
  out << rules->examples.size() << " example(s) of " << tested.size() << " rule(s) hold\n";
  return kOk;
}

struct ReviewArgs {
  std::vector<std::string> pages;
  std::string output;
  std::string rules_dir;
  std::string encoding;
};

int RunReview(const ReviewArgs& args, std::ostream& err) {
  const std::shared_ptr<const RuleSet> rules = LoadRulesOrReport(args.rules_dir, err);
  if (!rules) return kUsage;
  int failures = 0;
  const std::vector<Input> inputs = ExpandInputs(args.pages, err, &failures);
  std::vector<PageReview> pages;
  for (const auto& input : inputs) {
    std::string bytes, error;
    if (input.path == "-" || !ReadFile(input.path, &bytes, &error)) {
      err << "gangmu: " << input.path << ": " << (input.path == "-" ? "review reads files" : error)
          << "\n";
      ++failures;
      continue;
    }
    PageReview page;
    page.name = input.path;
    try {
      page.accounts = ExplainPage(input.path, bytes, *rules, ExtractOptions{args.encoding, false},
                                  &page.result);
    } catch (const Error& e) {
      err << "gangmu: " << e.what() << "\n";
      ++failures;
      continue;
    }
    pages.push_back(std::move(page));
  }
  std::string error;
  if (!WriteAtomically(args.output, ReviewHtml(pages), &error)) {
    err << "gangmu: " << error << "\n";
    return kSomeFailed;
  }
  err << "gangmu: " << pages.size() << " page(s) reviewed in " << args.output << "\n";
  return failures > 0 ? kSomeFailed : kOk;
}

}  // namespace

Record ReadRecord(const std::string& line, const std::string& where) {
  Record out;
  out.name = where;
  try {
    const nlohmann::json record = ParseJson(line);
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) {
      out.error = where + ": a record needs a string field \"text\" (and may have \"name\")";
      return out;
    }
    if (record.contains("name") && record["name"].is_string()) {
      out.name = record["name"].get<std::string>();
    }
    out.text = record["text"].get<std::string>();
  } catch (const nlohmann::json::other_error& e) {
    out.error = where + ": " + WithoutJsonPrefix(e.what());
  } catch (const nlohmann::json::exception& e) {
    out.error = where + ": not a JSON record: " + WithoutJsonPrefix(e.what());
  }
  return out;
}

std::vector<std::string> CheckDocument(std::string_view text, const SchemaValidator& validator) {
  nlohmann::json document;
  try {
    document = ParseJson(text);
  } catch (const nlohmann::json::other_error& e) {
    return {WithoutJsonPrefix(e.what())};
  } catch (const nlohmann::json::exception& e) {
    // A parse error, or a number too large for any type (1e99999: out_of_range).
    return {"not JSON: " + WithoutJsonPrefix(e.what())};
  }
  return validator.Validate(document);
}

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
                 "json, markdown: folder for one <stem>.json or <stem>.md per input; jsonl: the "
                 "output file [default: stdout]");
  ex->add_option("--format", extract.format, "json, jsonl, markdown or chunks")
      ->check(CLI::IsMember({"json", "jsonl", "markdown", "chunks"}))
      ->capture_default_str();
  ex->add_option("--rules", extract.rules_dir,
                 "Folder of rule files replacing the built-in ones [default: built-in]");
  ex->add_option("--encoding", extract.encoding,
                 "Input encoding (GB18030, Big5, UTF-16LE, ...) [default: detected]");
  ex->add_flag("--to-simplified", extract.to_simplified,
               "Convert the output's text to simplified characters");
  ex->add_option("--chunk-chars", extract.chunks.max_chars,
                 "chunks: at most this many characters a chunk (a longer sentence is cut)")
      ->check(CLI::Range(20, 1000000))
      ->capture_default_str();
  ex->add_option("--chunk-overlap", extract.chunks.overlap_sentences,
                 "chunks: sentences of a chunk repeated at the start of the next one")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  ex->add_option("--input-format", extract.input_format,
                 "text: each input is one page; jsonl: each line of each input is a record "
                 "{\"name\": ..., \"text\": ...} holding one page (for Hadoop Streaming, "
                 "Spark's RDD.pipe)")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  ex->add_option("-j,--jobs", extract.jobs,
                 "Pages processed in parallel; output stays in input order [default: cores]")
      ->check(CLI::PositiveNumber);
  ex->add_flag("-q,--quiet", extract.quiet, "No summary or progress line on stderr");
  ex->footer(kExtractFooter);

  std::vector<std::string> to_validate;
  CLI::App* va = app.add_subcommand(
      "validate", "Check outline documents (.json, or .jsonl one per line) against the schema");
  va->add_option("files", to_validate, "Files to check")->required();
  va->footer(
      "Each problem goes to stderr as FILE[:LINE]: problem (a schema path and what it breaks,\n"
      "a parse error, or 'nesting deeper than 512'); a .jsonl file is checked line by line.\n"
      "Exit codes: 0 every document conforms, 1 some do not (the others are still checked).\n"
      "Examples:\n"
      "  gangmu validate out/*.json\n"
      "  gangmu extract pages/ --format jsonl -o pages.jsonl && gangmu validate pages.jsonl");

  ExplainArgs explain;
  CLI::App* xp = app.add_subcommand(
      "explain", "Show what became of every line of a page: removed (by which rule), title, "
                 "metadata, heading, body, repeat");
  xp->add_option("page", explain.page, "The page: a file, or - for stdin")->required();
  xp->add_option("--line", explain.line, "Only this line (1-based), with every rule tried on it by itself and its shape score")->check(CLI::PositiveNumber);
  xp->add_flag("--json", explain.json, "One JSON object per line: line, fate, rule, text (with --line also rules_tried, shape)");
  xp->add_option("--rules", explain.rules_dir,
                 "Folder of rule files replacing the built-in ones [default: built-in]");
  xp->add_option("--encoding", explain.encoding, "Input encoding [default: detected]");
  xp->footer(
      "Fates: blank, removed (rule ids from furniture.yaml, shape:<lexicon>, above_title, ...), "
      "title, title_part, metadata (metadata.yaml rule id), authors, reference, heading, body, "
      "repeat, article_header. The same ids appear in the output's `removed`.");

  ReviewArgs review;
  CLI::App* rv = app.add_subcommand(
      "review", "Write one HTML page showing each page's lines coloured by fate beside its outline");
  rv->add_option("pages", review.pages, "Pages: files or folders (walked for *.txt)")->required();
  rv->add_option("-o,--output", review.output, "The HTML file to write")->required();
  rv->add_option("--rules", review.rules_dir,
                 "Folder of rule files replacing the built-in ones [default: built-in]");
  rv->add_option("--encoding", review.encoding, "Input encoding [default: detected]");
  rv->footer(
      "The file is self-contained (no network, no external script): for each page its source\n"
      "lines, coloured by fate with the rule on hover, beside the title, metadata and heading\n"
      "tree; clicking a heading marks its line. Several pages get an index with their counts.\n"
      "Example:\n"
      "  gangmu review pages/ -o review.html && chromium review.html");

  std::string test_rules_dir;
  CLI::App* tr = app.add_subcommand(
      "test-rules", "Check every rule against the example lines it carries (examples: match/keep)");
  tr->add_option("dir", test_rules_dir,
                 "Folder of rule files replacing the built-in ones [default: the built-in rules]");
  tr->footer(
      "A rule may carry lines its pattern must match and lines it must leave alone:\n"
      "  - id: page_number\n"
      "    pattern: '^第\\s*\\d+\\s*页$'\n"
      "    examples: {match: [第 2 页], keep: [第二页的内容写在这里。]}\n"
      "Each is matched as the rule matches a page's line (the folded view, within max_chars; a\n"
      "marker family at the line's start). A failure is reported as FILE:LINE: rule ID: example\n"
      "'…' expected a match, got none (exit 1). The loop for a new site: add a rule with its\n"
      "examples to a copy of the file, gangmu test-rules my-rules/, gangmu explain page.txt\n"
      "--rules my-rules/.");

  bool rule_keys_json = false;
  CLI::App* rk = app.add_subcommand(
      "rule-keys",
      "List every key the rule files take (file, section, key, type, required or "
      "default, range or values or groups, meaning) and the actions of line rules");
  rk->add_flag("--json", rule_keys_json,
               "One JSON object per key (file, section, name, type, required, default, minimum, "
               "maximum, values, groups, meaning), then one per action (file, action, groups, "
               "match, many, required, older_key, meaning)");
  rk->footer(
      "The list is the one description the loader checks each mapping's keys by (unknown,\n"
      "missing) and reads them by (defaults, ranges, the groups a pattern needs, a choice's\n"
      "values); rules/README.md and schemas/rules.schema.json carry copies that a test keeps\n"
      "equal (scripts/sync_rule_keys.py rewrites them). A key a file leaves out takes its\n"
      "default.");

  std::vector<std::string> argv_storage = {"gangmu"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const auto& a : argv_storage) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp&) {
    // CLI11's help() of the app already shows a parsed subcommand's help: print it once.
    out << app.help();
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
  // Progress goes to a terminal only, never into a log or a pipe.
  extract.progress = &err == &std::cerr && isatty(STDERR_FILENO);
  if (ex->parsed()) return RunExtract(extract, in, out, err);
  if (xp->parsed()) {
    explain.colour = &out == &std::cout && isatty(STDOUT_FILENO);
    return RunExplain(explain, in, out, err);
  }
  if (rv->parsed()) return RunReview(review, err);
  if (tr->parsed()) return RunTestRules(test_rules_dir, out, err);
  if (rk->parsed()) {
    out << (rule_keys_json ? RuleKeysJson() : RuleKeysMarkdown());
    return kOk;
  }
  return RunValidate(to_validate, out, err);
}

}  // namespace gangmu
