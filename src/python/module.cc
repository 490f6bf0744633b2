// The Python module `gangmu`: the library's pipeline behind three calls. Built by CMake with
// pybind11 when GANGMU_PYTHON is on; see README.md, section "Python".
//
//   rules = gangmu.Rules.load()            # or Rules.load("my-rules/")
//   doc = gangmu.extract("一、标题\n正文。")  # str or bytes; the CLI's JSON document as a dict
//   doc = gangmu.extract_file("page.txt", rules=rules)
//
// The document is exactly what `gangmu extract` writes (it is checked against the schema and
// serialised by the same code, then read by Python's json), so the two can never drift apart.
#include <pybind11/pybind11.h>

#include <fstream>
#include <memory>
#include <sstream>

#include "diagnostic.h"
#include "extract.h"
#include "load_rules.h"
#include "validate_schema.h"
#include "json_events.h"
#include "write_chunks.h"
#include "write_json.h"
#include "write_markdown.h"

namespace py = pybind11;

namespace {

struct Rules {
  std::shared_ptr<const gangmu::RuleSet> set;
};

std::shared_ptr<const gangmu::RuleSet> DefaultRules() {
  static const std::shared_ptr<const gangmu::RuleSet> rules = gangmu::LoadDefaultRules();
  return rules;
}

const gangmu::SchemaValidator& Validator() {
  static const gangmu::SchemaValidator validator;
  return validator;
}

// Runs without the GIL: other Python threads (Dask's workers among them) go on meanwhile.
std::string ExtractToText(const std::string& name, const std::string& bytes,
                          const std::shared_ptr<const gangmu::RuleSet>& rules,
                          const gangmu::ExtractOptions& options) {
  py::gil_scoped_release release;
  const gangmu::Result result = gangmu::Extract(name, bytes, *rules, options);
  gangmu::SchemaValidator::Stream check(Validator());
  std::string text = gangmu::WriteJson(result, false, &check);
  if (!check.Errors().empty()) {
    std::string message = name + ": output breaks the schema (a bug; please report):";
    for (const auto& p : check.Errors()) message += "\n  " + p;
    throw gangmu::Error({{name, 0, 0, message, ""}});
  }
  return text;
}

py::object Loads(const std::string& text) {
  // Imported per call (a dict lookup in sys.modules): a static py::object would outlive the
  // interpreter and crash its finalisation.
  return py::module_::import("json").attr("loads")(py::str(text));
}

py::object Extract(const py::object& data, const Rules* rules, const std::string& name,
                   const std::string& encoding, bool to_simplified) {
  std::string bytes;
  if (py::isinstance<py::bytes>(data)) {
    bytes = data.cast<std::string>();
  } else if (py::isinstance<py::str>(data)) {
    bytes = data.cast<std::string>();  // UTF-8.
  } else {
    throw py::type_error("gangmu.extract: data must be bytes or str, not " +
                         std::string(py::str(data.get_type().attr("__name__"))));
  }
  return Loads(ExtractToText(name, bytes, rules ? rules->set : DefaultRules(),
                             {encoding, to_simplified}));
}

py::object ExtractFile(const std::string& path, const Rules* rules, const std::string& encoding,
                       bool to_simplified) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    PyErr_SetFromErrnoWithFilename(PyExc_OSError, path.c_str());
    throw py::error_already_set();
  }
  std::ostringstream s;
  s << file.rdbuf();
  return Loads(ExtractToText(path, s.str(), rules ? rules->set : DefaultRules(),
                             {encoding, to_simplified}));
}

// A document (a dict, as extract returns it) back to the result it describes, after the schema
// check: Markdown and chunks are made by the CLI's code from it.
gangmu::Result FromDocument(const py::object& doc) {
  const std::string text =
      py::module_::import("json").attr("dumps")(doc, py::arg("ensure_ascii") = false).cast<std::string>();
  py::gil_scoped_release release;
  nlohmann::json document;
  try {
    document = gangmu::ParseJson(text);
  } catch (const nlohmann::json::exception& e) {
    throw gangmu::Error({{"document", 0, 0, e.what(), ""}});
  }
  const auto problems = Validator().Validate(document);
  if (!problems.empty()) {
    std::string message = "not an outline document:";
    for (const auto& p : problems) message += "\n  " + p;
    throw gangmu::Error({{"document", 0, 0, message, ""}});
  }
  return gangmu::ResultFromJson(document);
}

py::str ToMarkdown(const py::object& doc) {
  const gangmu::Result result = FromDocument(doc);
  std::string text;
  {
    py::gil_scoped_release release;
    text = gangmu::WriteMarkdown(result);
  }
  return py::str(text);
}

py::object Chunks(const py::object& doc, int max_chars, int overlap) {
  if (max_chars < 1 || overlap < 0) throw py::value_error("gangmu.chunks: max_chars >= 1, overlap >= 0");
  const gangmu::Result result = FromDocument(doc);
  std::string lines;
  {
    py::gil_scoped_release release;
    lines = gangmu::WriteChunks(result, {max_chars, overlap});
  }
  // One JSON object a line -> one list.
  std::string array = "[";
  for (size_t start = 0; start < lines.size();) {
    const size_t end = lines.find('\n', start);
    if (array.size() > 1) array += ',';
    array.append(lines, start, end - start);
    start = end + 1;
  }
  array += ']';
  return Loads(array);
}

}  // namespace

PYBIND11_MODULE(gangmu, m) {
  m.doc() =
      "gangmu (纲目): Chinese article pages -> outline documents (title, authors, source, date, "
      "keywords and the nested sections). The documents are those of `gangmu extract`.";

  static py::exception<gangmu::Error> error(m, "Error", PyExc_ValueError);
  error.doc() = "A rule file, schema or input gangmu cannot use; the message says where.";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const gangmu::Error& e) {
      error(e.what());
    }
  });

  py::class_<Rules>(m, "Rules", "A compiled rule set; load once, use for every page.")
      .def_static(
          "load",
          [](const py::object& dir) {
            if (dir.is_none()) return Rules{DefaultRules()};
            const std::string path = py::str(dir);
            py::gil_scoped_release release;
            return Rules{gangmu::LoadRulesFromDirectory(path)};
          },
          py::arg("dir") = py::none(),
          "The built-in rules (dir=None), or the built-in rules with each file that `dir` holds "
          "replacing its namesake, as `gangmu extract --rules DIR`. Raises gangmu.Error with "
          "file:line:column messages when a rule file is wrong.");

  m.def("extract", &Extract, py::arg("data"), py::arg("rules") = nullptr, py::arg("name") = "-",
        py::arg("encoding") = "", py::arg("to_simplified") = false,
        "Outline one page. `data` is bytes (any supported encoding, detected) or str; `name` "
        "becomes the document's \"input\". Returns the document as a dict.");
  m.def("extract_file", &ExtractFile, py::arg("path"), py::arg("rules") = nullptr,
        py::arg("encoding") = "", py::arg("to_simplified") = false,
        "Outline the page in the file at `path`. Returns the document as a dict.");
  m.def("to_markdown", &ToMarkdown, py::arg("doc"),
        "The document (as extract returns it) as CommonMark, as `gangmu extract --format "
        "markdown` writes it. Raises gangmu.Error when `doc` is no outline document.");
  m.def("chunks", &Chunks, py::arg("doc"), py::arg("max_chars") = 800, py::arg("overlap") = 0,
        "The document's retrieval chunks, as `gangmu extract --format chunks` writes them: a "
        "list of dicts (text, heading_path, title, authors, source, date, input, article, "
        "section, first_line, last_line). A document carries no paragraph lines, so first_line "
        "and last_line are the section's heading line.");
  m.attr("__version__") = "0.1.0";
}
