// Explain: each input line's fate; see explain.h.
#include "explain.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <sstream>

#include "decode_input.h"
#include "normalize_text.h"
#include "utf8.h"

namespace gangmu {
namespace {

void AddSection(const Section& s, std::string* blob, std::set<int>* heading_lines) {
  // Iterative: sections nest as deep as the page's markers.
  std::vector<const Section*> todo = {&s};
  while (!todo.empty()) {
    const Section* t = todo.back();
    todo.pop_back();
    heading_lines->insert(t->line);
    *blob += WithoutSpaces(t->marker) + '\x01' + WithoutSpaces(t->heading) + '\x01';
    for (const auto& p : t->paragraphs) *blob += WithoutSpaces(p) + '\x01';
    for (const auto& c : t->children) todo.push_back(&c);
  }
}

// Everything the output says, without spaces, strings apart.
std::string OutputBlob(const Result& r, std::set<int>* heading_lines) {
  std::string blob;
  auto add = [&](const std::string& s) { blob += WithoutSpaces(s) + '\x01'; };
  if (r.collection) add(r.collection->title);
  for (const auto& a : r.articles) {
    add(a.title);
    for (const auto* list : {&a.authors, &a.affiliations, &a.keywords, &a.preamble, &a.references}) {
      for (const auto& s : *list) add(s);
    }
    if (a.source) add(a.source->name + a.source->issue + a.source->url);
    add(a.abstract);
    for (const auto& id : a.identifiers) add(id.label + id.value);
    for (const auto& s : a.sections) AddSection(s, &blob, heading_lines);
  }
  return blob;
}

// The first and last `n` characters of s.
std::string Head(const std::string& s, size_t n) {
  size_t i = 0, len, chars = 0;
  while (i < s.size() && chars < n) DecodeAt(s, i, &len), i += len, ++chars;
  return s.substr(0, i);
}
std::string Tail(const std::string& s, size_t n) {
  size_t i = s.size(), chars = 0;
  while (i > 0 && chars < n) i = PreviousCharStart(s, i), ++chars;
  return s.substr(i);
}

}  // namespace

std::vector<LineAccount> ExplainPage(std::string_view display_name, std::string_view bytes,
                                     const RuleSet& rules, const ExtractOptions& options,
                                     Result* result_out) {
  Result result = Extract(display_name, bytes, rules, options);
  DecodedInput decoded = DecodeInput(display_name, bytes, options.encoding);
  std::vector<Warning> ignored;
  const std::vector<Line> lines =
      NormalizeText(std::move(decoded.lines), rules.normalize, &ignored, decoded.may_hold_invisible);

  // An input line may have become several lines (a flattened page's pieces): a fate or a
  // removal belongs to the piece whose text it holds, else to the line's first piece.
  std::multimap<int, const Fate*> fates;
  for (const auto& f : result.fates) fates.emplace(f.line, &f);
  std::map<int, std::vector<const Removal*>> removed;
  for (const auto& r : result.removed) removed[r.line].push_back(&r);
  std::map<int, std::string> repeats;
  for (const auto& a : result.articles) {
    for (const auto& w : a.warnings) {
      int from = 0, to = 0, of_from = 0, of_to = 0;
      if (w.code == "repeated_block" &&
          std::sscanf(w.message.c_str(), "lines %d-%d repeat lines %d-%d", &from, &to, &of_from,
                      &of_to) == 4) {
        for (int n = from; n <= to; ++n) repeats[n] = "repeat of line " + std::to_string(of_from + n - from);
      }
    }
  }
  std::set<int> heading_lines;
  const std::string blob = OutputBlob(result, &heading_lines);
  std::set<int> article_starts;
  if (result.collection) {
    for (const auto& a : result.articles) article_starts.insert(a.first_line);
  }

  std::map<int, int> pieces;  // Input line -> how many lines it became.
  for (const Line& line : lines) ++pieces[line.number];
  std::vector<LineAccount> out;
  out.reserve(lines.size());
  for (const Line& line : lines) {
    LineAccount acc;
    acc.line = line.number;
    acc.text = line.text;
    const std::string key = WithoutSpaces(line.text);
    std::string removed_by, whole_rule;
    if (auto rm = removed.find(line.number); rm != removed.end()) {
      for (const Removal* r : rm->second) {
        const std::string text = WithoutSpaces(r->text);
        if (text == key && whole_rule.empty()) whole_rule = r->rule;
        // A piece's removals are those of its own text (phrases leave part of it).
        if (key.find(text) != std::string::npos || text.find(key) != std::string::npos) {
          removed_by += (removed_by.empty() ? "" : ",") + r->rule;
        }
      }
    }
    const Fate* fate = nullptr;
    const auto [first_fate, last_fate] = fates.equal_range(line.number);
    for (auto f = first_fate; f != last_fate && !fate; ++f) {
      if (WithoutSpaces(f->second->text) == key) fate = f->second;
    }
    if (!fate && first_fate != last_fate && pieces[line.number] == 1) fate = first_fate->second;
    const bool kept = !key.empty() && (blob.find(Head(key, 12)) != std::string::npos ||
                                       blob.find(Tail(key, 12)) != std::string::npos);
    if (key.empty()) {
      acc.fate = "blank";
    } else if (fate) {
      acc.fate = fate->what;
      acc.rule = fate->rule;
    } else if (heading_lines.count(line.number)) {
      acc.fate = "heading";
    } else if (!whole_rule.empty()) {
      acc.fate = "removed";
      acc.rule = whole_rule;
    } else if (!removed_by.empty() && !kept) {
      acc.fate = "removed";
      acc.rule = removed_by;
    } else if (kept) {
      acc.fate = "body";
      if (!removed_by.empty()) acc.rule = "phrases: " + removed_by;
    } else if (auto r = repeats.find(line.number); r != repeats.end()) {
      acc.fate = "repeat";
      acc.rule = r->second;
    } else if (article_starts.count(line.number)) {
      acc.fate = "article_header";
      acc.rule = "split";
    } else {
      acc.fate = "unaccounted";
    }
    out.push_back(std::move(acc));
  }
  if (result_out) *result_out = std::move(result);
  return out;
}

const char* ProbeResultName(ProbeResult result) {
  switch (result) {
    case ProbeResult::kMatch:
      return "match";
    case ProbeResult::kTooLong:
      return "longer than max_chars";
    case ProbeResult::kNoMatch:
      break;
  }
  return "no match";
}

LineTrials TryRules(const std::string& text, const RuleSet& rules) {
  LineTrials out;
  Line line;
  line.text = text;
  BuildView(&line);
  out.view = std::string(TrimmedView(line.view));
  for (const RuleProbe& probe : rules.probes) out.trials.push_back({&probe, ProbeMatches(probe, line)});
  // Matches first, then rules the line is too long for, then the rest; each in file order.
  const auto key = [&](const RuleTrial& t) {
    const int group = t.result == ProbeResult::kMatch ? 0 : t.result == ProbeResult::kTooLong ? 1 : 2;
    const auto file = std::find(rules.sources.begin(), rules.sources.end(), t.probe->file);
    return std::make_tuple(group, file - rules.sources.begin(), t.probe->line);
  };
  std::stable_sort(out.trials.begin(), out.trials.end(),
                   [&](const RuleTrial& a, const RuleTrial& b) { return key(a) < key(b); });
  const ShapeRules& shape = rules.furniture.shape;
  out.shape_enabled = shape.enabled;
  if (shape.enabled) out.shape_score = ShapeScore(line.view, shape, nullptr, &out.shape_terms);
  return out;
}

std::string FormatTrials(const LineTrials& trials, const RuleSet& rules, bool colour) {
  std::ostringstream out;
  size_t place_width = 0, kind_width = 0;
  std::vector<std::string> places;
  for (const auto& t : trials.trials) {
    places.push_back(t.probe->file + ":" + std::to_string(t.probe->line));
    place_width = std::max(place_width, places.back().size());
    kind_width = std::max(kind_width, t.probe->kind.size());
  }
  out << "Rules tried on the line by itself (" << trials.trials.size()
      << "), as the page's rules see it: " << trials.view << "\n";
  for (size_t i = 0; i < trials.trials.size(); ++i) {
    const RuleTrial& t = trials.trials[i];
    const char* name = ProbeResultName(t.result);
    const char* paint = !colour ? ""
                        : t.result == ProbeResult::kMatch ? "\x1b[1;32m"
                                                          : "\x1b[2m";
    out << "  " << paint << name << std::string(24 - std::string(name).size(), ' ') << places[i]
        << std::string(place_width - places[i].size() + 2, ' ') << t.probe->kind
        << std::string(kind_width - t.probe->kind.size() + 2, ' ') << t.probe->rule
        << (colour ? "\x1b[0m" : "") << "\n";
  }
  if (trials.shape_enabled) {
    const ShapeRules& shape = rules.furniture.shape;
    char score[64];
    std::snprintf(score, sizeof score, "%.3g", trials.shape_score);
    out << "Shape score " << score << " (";
    if (trials.shape_terms.empty()) out << "no lexicon or feature";
    for (size_t i = 0; i < trials.shape_terms.size(); ++i) {
      std::snprintf(score, sizeof score, "%+.3g", trials.shape_terms[i].second);
      out << (i ? ", " : "") << trials.shape_terms[i].first << " " << score;
    }
    out << "): furniture.yaml shape removes a line at the page's top or bottom from "
        << shape.furniture_at << ", anywhere from " << shape.strong_at
        << "; a body paragraph scores " << shape.body_at << " or less\n";
  }
  return out.str();
}

std::string FormatAccounts(const std::vector<LineAccount>& accounts, bool colour) {
  size_t rule_width = 4;
  for (const auto& a : accounts) rule_width = std::max(rule_width, CountChars(a.rule));
  rule_width = std::min<size_t>(rule_width, 28);
  auto paint = [&](const std::string& fate) -> const char* {
    if (!colour) return "";
    if (fate == "removed" || fate == "repeat") return "\x1b[31m";
    if (fate == "title" || fate == "title_part") return "\x1b[1;35m";
    if (fate == "metadata" || fate == "authors" || fate == "reference") return "\x1b[36m";
    if (fate == "heading") return "\x1b[1;34m";
    if (fate == "unaccounted") return "\x1b[1;41m";
    if (fate == "blank") return "\x1b[2m";
    return "";
  };
  std::ostringstream out;
  for (const auto& a : accounts) {
    char number[16];
    std::snprintf(number, sizeof number, "%5d  ", a.line);
    out << number << paint(a.fate) << a.fate << std::string(a.fate.size() < 14 ? 14 - a.fate.size() : 1, ' ')
        << a.rule << std::string(CountChars(a.rule) < rule_width ? rule_width - CountChars(a.rule) : 0, ' ')
        << "  " << Head(a.text, 60) << (colour ? "\x1b[0m" : "") << "\n";
  }
  return out.str();
}

}  // namespace gangmu
