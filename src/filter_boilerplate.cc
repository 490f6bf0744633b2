// Stage 3: page furniture out; see filter_boilerplate.h.
#include "filter_boilerplate.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "extract_metadata.h"
#include "normalize_text.h"
#include "utf8.h"

namespace gangmu {
namespace {

bool IsBlank(const Line& line) { return TrimmedView(line.view).empty(); }

// `candidates` are the prefilter's indices for the line (phrases, then line rules); they are
// brought up to date whenever a removal changes the line.
// ASCII symbols that text rarely holds, # $ % & * + / < = > @ [ \ ] ^ _ ` { | } ~ (not the
// punctuation the view folds from full-width forms, ,.:;!?"'()-): a cheap gate for rules that
// have no literal.
size_t CountSymbols(std::string_view s) {
  static const auto kRare = [] {
    std::array<bool, 256> t{};
    for (const char c : std::string_view("#$%&*+/<=>@[\\]^_`{|}~")) t[static_cast<unsigned char>(c)] = true;
    return t;
  }();
  size_t n = 0;
  for (const char c : s) n += kRare[static_cast<unsigned char>(c)];
  return n;
}

void RemovePhrases(Line* line, const FurnitureRules& rules, std::vector<int>* candidates,
                   std::vector<Removal>* removed) {
  const int phrases = static_cast<int>(rules.phrases.size());
  bool changed = false;
  size_t symbols = SIZE_MAX;  // Counted when a rule asks.
  for (size_t k = 0; k < candidates->size() && (*candidates)[k] < phrases; ++k) {
    const int index = (*candidates)[k];
    const FurnitureRule& rule = rules.phrases[index];
    if (rule.min_symbols > 0) {
      if (symbols == SIZE_MAX) symbols = CountSymbols(line->view);
      if (symbols < static_cast<size_t>(rule.min_symbols)) continue;
    }
    // A line longer than the rule's max_chars keeps the phrase (bytes bound characters from
    // above: most lines need no count).
    if (line->view.size() > static_cast<size_t>(rule.max_chars) &&
        CountChars(line->view) > static_cast<size_t>(rule.max_chars)) {
      continue;
    }
    re2::StringPiece match;
    bool removed_here = false;
    // Matches are removed one at a time from the text, then the view is rebuilt.
    for (int guard = 0; guard < 16; ++guard) {
      if (!rule.pattern->Match(line->view, 0, line->view.size(), RE2::UNANCHORED, &match, 1) ||
          match.empty()) {
        break;
      }
      const size_t begin = match.data() - line->view.data();
      const size_t end = begin + match.size();
      removed->push_back({rule.id, line->number, Trim(line->TextOf(begin, end))});
      const size_t tb = line->TextOffset(begin), te = line->TextOffset(end);
      line->text.erase(tb, te - tb);
      BuildView(line);
      removed_here = changed = true;
    }
    if (removed_here) {
      // The text on either side of a removal may now spell another rule's literal.
      rules.prefilter.Candidates(line->view, candidates);
      k = std::upper_bound(candidates->begin(), candidates->end(), index) - candidates->begin();
      --k;  // The loop's ++k lands on the first candidate after `index`.
    }
  }
  if (changed) {
    line->text = Trim(line->text);
    BuildView(line);
    rules.prefilter.Candidates(line->view, candidates);
  }
}

const FurnitureRule* MatchingLineRule(const Line& line, const FurnitureRules& rules,
                                      const std::vector<int>& candidates) {
  const std::string_view trimmed = TrimmedView(line.view);
  size_t chars = SIZE_MAX;  // Counted when a rule's limit is below the line's bytes.
  const int phrases = static_cast<int>(rules.phrases.size());
  for (const int index : candidates) {
    if (index < phrases) continue;
    const FurnitureRule& rule = rules.lines[index - phrases];
    if (!rule.gate.Admits(trimmed)) continue;
    if (rule.min_symbols > 0 && CountSymbols(trimmed) < static_cast<size_t>(rule.min_symbols)) continue;
    // A line no longer in bytes than the limit is no longer in characters.
    if (trimmed.size() > static_cast<size_t>(rule.max_chars)) {
      if (chars == SIZE_MAX) chars = CountChars(trimmed);
      if (chars > static_cast<size_t>(rule.max_chars)) continue;
    }
    if (RE2::PartialMatch(trimmed, *rule.pattern)) return &rule;
  }
  return nullptr;
}

bool IsLinkItem(const Line& line, const RE2& item, const FirstByteGate& gate,
                const FurnitureRules& rules) {
  const std::string_view trimmed = TrimmedView(line.view);
  return gate.Admits(trimmed) && CountChars(trimmed) <= static_cast<size_t>(rules.link_max_chars) &&
         RE2::PartialMatch(trimmed, item);
}

// Length of the run of link items starting at kept[i] (0 when kept[i] is none). A run of
// numbered titles is a link list only under a link-list heading (相关文章) or at the end of the
// page: elsewhere short numbered lines are an outline's headings or the body's own list.
size_t LinkRun(const std::vector<Line>& kept, const std::vector<bool>& after_link_heading,
               size_t i, const FurnitureRules& rules) {
  size_t j = i;
  // Under a link-list heading every short title line is a link, numbered or not: a run of
  // them that reaches the end of the page, or a run of min_lines. A shorter run in the middle
  // of a page may be the next article's title and byline.
  if (after_link_heading[i] && rules.link_heading_item) {
    while (j < kept.size() && IsLinkItem(kept[j], *rules.link_heading_item, rules.link_heading_gate, rules)) ++j;
    if (j == kept.size() || j - i >= static_cast<size_t>(rules.link_min_lines)) return j - i;
    j = i;
  }
  while (j < kept.size() && IsLinkItem(kept[j], *rules.link_item, rules.link_item_gate, rules)) ++j;
  if (j > i || !rules.link_numbered_item) return j - i;
  while (j < kept.size() && IsLinkItem(kept[j], *rules.link_numbered_item, rules.link_numbered_gate, rules)) ++j;
  return after_link_heading[i] || j == kept.size() ? j - i : 0;
}

// A table of contents lists the headings that come later: under a contents heading, the run
// of lines that the page repeats further down goes (the later copies are the headings).
void RemoveContents(const std::vector<size_t>& starts, std::vector<Line>* kept,
                    std::vector<bool>* after_link_heading, std::vector<Removal>* removed) {
  if (starts.empty()) return;
  std::unordered_map<std::string, size_t> last_seen;
  for (size_t i = 0; i < kept->size(); ++i) last_seen[WithoutSpaces((*kept)[i].view)] = i;
  std::vector<bool> drop(kept->size(), false);
  for (const size_t start : starts) {
    for (size_t i = start; i < kept->size(); ++i) {
      auto it = last_seen.find(WithoutSpaces((*kept)[i].view));
      if (it == last_seen.end() || it->second <= i) break;
      drop[i] = true;
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < kept->size(); ++i) {
    if (drop[i]) {
      removed->push_back({"contents", (*kept)[i].number, Trim((*kept)[i].text)});
      continue;
    }
    if (out != i) {
      (*kept)[out] = std::move((*kept)[i]);
      (*after_link_heading)[out] = (*after_link_heading)[i];
    }
    ++out;
  }
  kept->resize(out);
  after_link_heading->resize(out);
}

bool IsAsciiSymbol(char32_t c) {
  return c < 0x80 && ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
                      (c >= '{' && c <= '~'));
}

}  // namespace

double ShapeScore(std::string_view view, const ShapeRules& rules, std::string* why,
                  ShapeTerms* terms) {
  view = TrimmedView(view);
  const size_t chars = CountChars(view);
  if (chars == 0) return 0;
  const int long_steps = std::min<int>(3, static_cast<int>(chars) / rules.long_chars);
  if (chars > static_cast<size_t>(rules.max_chars)) {
    if (terms) terms->push_back({"long (longer than max_chars: not scored)", rules.long_weight * long_steps});
    return rules.long_weight * long_steps;
  }
  double score = 0, best = 0;
  std::string_view best_id;  // A lexicon's id (the rules outlive the call) or a feature's.
  // Lexicons: each word a line holds counts once, each hit of a pattern lexicon once, at most
  // three a lexicon; the characters they cover count for coverage. One literal pass finds the
  // words and the pattern lexicons that can match.
  thread_local std::vector<int> candidates;
  thread_local std::vector<int> hits;
  rules.prefilter.Candidates(view, &candidates);
  hits.assign(rules.lexicons.size(), 0);
  size_t covered_chars = 0;
  const int words = static_cast<int>(rules.words.size());
  for (const int c : candidates) {
    if (c < words) {
      const int l = rules.word_lexicon[c];
      // The pass may report a word that a case fold made (rare): confirm short ones.
      if (hits[l] >= 3) continue;
      if (rules.word_chars[c] < 2 && !RE2::PartialMatch(view, *rules.words[c])) continue;
      ++hits[l];
      covered_chars += rules.word_chars[c];
      continue;
    }
    const int l = rules.pattern_lexicons[c - words];
    re2::StringPiece rest(view.data(), view.size()), hit;
    while (hits[l] < 3 && rules.lexicons[l].pattern->Match(rest, 0, rest.size(), RE2::UNANCHORED, &hit, 1)) {
      if (hit.empty()) break;
      ++hits[l];
      covered_chars += CountChars(std::string_view(hit.data(), hit.size()));
      rest = re2::StringPiece(hit.data() + hit.size(), view.data() + view.size() - (hit.data() + hit.size()));
    }
  }
  for (size_t l = 0; l < hits.size(); ++l) {
    if (hits[l] == 0) continue;
    const double w = rules.lexicons[l].weight * hits[l];
    score += w;
    if (terms) terms->push_back({rules.lexicons[l].id, w});
    if (w > best) best = w, best_id = rules.lexicons[l].id;
  }
  size_t nonspace = 0, han = 0, symbols = 0, function_words = 0;
  size_t tokens = 0, token_chars = 0, max_token = 0, separators = 0;
  bool sentence = false;
  char32_t last = 0;
  size_t len;
  for (size_t i = 0; i < view.size(); i += len) {
    // The view holds valid UTF-8 with every space folded to ' '.
    const unsigned char b = static_cast<unsigned char>(view[i]);
    char32_t c;
    if (b < 0x80) {
      c = b, len = 1;
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < view.size()) {
      c = ((b & 0x0F) << 12) | ((view[i + 1] & 0x3F) << 6) | (view[i + 2] & 0x3F), len = 3;
    } else {
      c = DecodeAt(view, i, &len);
    }
    if (c == ' ' || c == '\t') {
      token_chars = 0;
      continue;
    }
    if (token_chars++ == 0) ++tokens;
    max_token = std::max(max_token, token_chars);
    ++nonspace;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && IsHan(c))) ++han;
    if (IsAsciiSymbol(c)) ++symbols;
    if (c == U'。') sentence = true;
    if (c < 0x10000 && rules.function_word_bmp[c]) ++function_words;
    if (c == '>' || c == U'»' || c == U'›') ++separators;
    last = c;
  }
  if (last == '!' || last == '?' || last == ';') sentence = true;
  // `id` names the feature in `terms`; `why_id` in the removal record (coverage is credited to
  // the lexicon that weighed most).
  const auto feature = [&](double weight, std::string_view id, std::string_view why_id = {}) {
    score += weight;
    if (terms) terms->push_back({std::string(id), weight});
    if (weight > best) best = weight, best_id = why_id.empty() ? id : why_id;
  };
  if (nonspace > 0 && covered_chars > 0) {
    feature(rules.coverage_weight * std::min<double>(1.0, static_cast<double>(covered_chars) / nonspace),
            "coverage", best_id.empty() ? std::string_view("lexicon") : best_id);
  }
  if (tokens >= 3 && han > 0 && !sentence && max_token <= static_cast<size_t>(rules.item_max_chars)) {
    feature(rules.items_weight, "menu_row");
  }
  if (separators >= 2 && !sentence) feature(rules.separators_weight, "trail");
  if (nonspace >= 3 && symbols >= rules.symbols_share * nonspace && han == 0) feature(rules.symbols_weight, "symbols");
  if (sentence) feature(rules.sentence_weight, "sentence");
  if (function_words >= static_cast<size_t>(rules.function_words_min)) {
    feature(rules.function_words_weight, "function_words");
  }
  if (long_steps > 0) feature(rules.long_weight * long_steps, "long");
  if (why) *why = best_id.empty() ? std::string("shape") : std::string(best_id);
  return score;
}

std::vector<std::string> FurnitureByShape(const std::vector<Line>& lines, const ShapeRules& rules,
                                          const std::vector<bool>& keep) {
  std::vector<std::string> verdict(lines.size());
  if (!rules.enabled) return verdict;
  std::vector<double> score(lines.size());
  size_t first_body = lines.size();
  size_t last_body = lines.size();  // lines.size() when the page has no body paragraph.
  for (size_t i = 0; i < lines.size(); ++i) {
    score[i] = ShapeScore(lines[i].view, rules, nullptr);
    // A body paragraph has some length: a short sentence (没有找到结果。) is no evidence.
    if (score[i] <= rules.body_at &&
        CountChars(TrimmedView(lines[i].view)) >= static_cast<size_t>(rules.body_min_chars)) {
      if (first_body == lines.size()) first_body = i;
      last_body = i;
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (keep[i]) continue;
    const bool top = i < first_body;
    const bool bottom = last_body != lines.size() && i > last_body;
    if (score[i] >= rules.strong_at || ((top || bottom) && score[i] >= rules.furniture_at)) {
      std::string why;  // Scored again for the few lines removed: the id costs a string.
      ShapeScore(lines[i].view, rules, &why);
      verdict[i] = "shape:" + why;
    }
  }
  return verdict;
}

void FilterBoilerplate(std::vector<Line>* lines, const FurnitureRules& rules,
                       std::vector<Removal>* removed, const MetadataRules* metadata) {
  std::vector<Line> kept;
  std::vector<bool> after_link_heading;  // Per kept line: the line before it headed links.
  std::vector<size_t> contents_starts;   // Kept lines right under a contents heading (目录).
  kept.reserve(lines->size());
  bool link_heading = false, contents_heading = false;
  std::vector<int> candidates;
  for (auto& line : *lines) {
    if (IsBlank(line)) continue;
    rules.prefilter.Candidates(line.view, &candidates);
    RemovePhrases(&line, rules, &candidates, removed);
    if (IsBlank(line)) continue;
    if (const FurnitureRule* rule = MatchingLineRule(line, rules, candidates)) {
      removed->push_back({rule->id, line.number, Trim(line.text)});
      link_heading = rule->opens_link_list;
      contents_heading = rule->opens_contents;
      continue;
    }
    const std::string_view trimmed = TrimmedView(line.text);
    if (trimmed.size() != line.text.size()) line.text = std::string(trimmed), BuildView(&line);
    kept.push_back(std::move(line));
    after_link_heading.push_back(link_heading);
    if (contents_heading) contents_starts.push_back(kept.size() - 1);
    link_heading = contents_heading = false;
  }
  RemoveContents(contents_starts, &kept, &after_link_heading, removed);
  // Link lists: runs of short bulleted lines, or of numbered titles where links are expected.
  std::vector<Line> out;
  out.reserve(kept.size());
  for (size_t i = 0; i < kept.size();) {
    size_t j = i + LinkRun(kept, after_link_heading, i, rules);
    // Under a link-list heading LinkRun has judged the run already: whatever it returns is a list.
    if (j - i >= static_cast<size_t>(rules.link_min_lines) || (after_link_heading[i] && j > i)) {
      for (size_t k = i; k < j; ++k) {
        removed->push_back({"link_list", kept[k].number, Trim(kept[k].text)});
      }
      i = j;
    } else {
      if (j == i) j = i + 1;
      for (size_t k = i; k < j; ++k) out.push_back(std::move(kept[k]));
      i = j;
    }
  }
  if (rules.shape.enabled) {
    // Zones depend on body lines only, so the metadata test runs on the few lines the shape
    // would remove, not on every line.
    std::vector<std::string> verdict =
        FurnitureByShape(out, rules.shape, std::vector<bool>(out.size(), false));
    if (metadata) {
      for (size_t i = 0; i < out.size(); ++i) {
        if (!verdict[i].empty() && IsMetadataLine(out[i], *metadata, true)) verdict[i].clear();
      }
    }
    size_t n = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      if (!verdict[i].empty()) {
        removed->push_back({verdict[i], out[i].number, Trim(out[i].text)});
        continue;
      }
      if (n != i) out[n] = std::move(out[i]);
      ++n;
    }
    out.resize(n);
  }
  *lines = std::move(out);
}

void DropRepeatedBlocks(std::vector<Line>* lines, std::vector<Warning>* warnings,
                        size_t min_single_chars) {
  // Lines compare without their spaces; a hash per line finds candidates without a copy of
  // each line, and equal hashes are confirmed on the text.
  std::vector<SpacelessHash> keys(lines->size());
  for (size_t i = 0; i < lines->size(); ++i) keys[i].Add((*lines)[i].view);
  auto same = [&](size_t a, size_t b) {
    return keys[a].value() == keys[b].value() &&
           SameWithoutSpaces((*lines)[a].view, (*lines)[b].view);
  };
  std::unordered_map<uint64_t, size_t> first_seen;
  std::vector<bool> drop(lines->size(), false);
  for (size_t i = 0; i < lines->size(); ++i) {
    auto [it, inserted] = first_seen.emplace(keys[i].value(), i);
    if (inserted || drop[i] || !same(it->second, i)) continue;
    // Line i occurred before at j: how long does the copy run on?
    const size_t j = it->second;
    size_t run = 0;
    while (i + run < lines->size() && j + run < i && same(j + run, i + run)) ++run;
    if (run >= 2 || keys[i].chars() >= min_single_chars) {
      for (size_t k = i; k < i + run; ++k) drop[k] = true;
      warnings->push_back({"repeated_block",
                           "lines " + std::to_string((*lines)[i].number) + "-" +
                               std::to_string((*lines)[i + run - 1].number) + " repeat lines " +
                               std::to_string((*lines)[j].number) + "-" +
                               std::to_string((*lines)[j + run - 1].number) + "; kept once",
                           (*lines)[i].number});
      i += run - 1;
    }
  }
  std::vector<Line> out;
  out.reserve(lines->size());
  for (size_t i = 0; i < lines->size(); ++i) {
    if (!drop[i]) out.push_back(std::move((*lines)[i]));
  }
  *lines = std::move(out);
}

}  // namespace gangmu
