// Stage 5: an article's metadata; see extract_metadata.h.
#include "extract_metadata.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "filter_boilerplate.h"
#include "normalize_text.h"
#include "split_articles.h"
#include "utf8.h"

namespace gangmu {
namespace {

// A line ending in a sentence end is body text, and one ending in a colon introduces what
// follows (同志们:, 各位代表:): neither is a title. A short question that is one sentence is
// a title (如何做好基层党建工作?); a short exclamation is more often a salutation (各位代表!).
bool EndsLikeSentence(const std::string& view, const TitleWeights& shape) {
  static const std::vector<std::string> kEnds = {"。", "!", "?", ";", "…", ":"};
  for (const auto& end : kEnds) {
    if (view.size() < end.size() || view.compare(view.size() - end.size(), end.size(), end) != 0) {
      continue;
    }
    // A lead-in ends in one colon (同志们:); a row ending in several (详情:::) is a widget's.
    if (end == ":") return !(view.size() >= 2 && view[view.size() - 2] == ':');
    if (end != "?" && end != "!") return true;
    // A short exclamation that is a whole headline (…研究热点分析!) reads as a title; a
    // salutation (各位代表!) is shorter.
    const std::string_view rest(view.data(), view.size() - end.size());
    return CountChars(view) > static_cast<size_t>(shape.question_max_chars) ||
           (end == "!" && CountChars(view) < static_cast<size_t>(shape.exclamation_min_chars)) ||
           rest.find_first_of("!?;") != std::string_view::npos ||
           rest.find("。") != std::string_view::npos;
  }
  return false;
}

std::string StripBrackets(std::string s) {
  for (const char* mark : {"《", "》", "〈", "〉"}) {
    for (size_t pos; (pos = s.find(mark)) != std::string::npos;) s.erase(pos, std::string(mark).size());
  }
  return Trim(s);
}

// Names carry marks that point at numbered affiliations or notes (王明1, 李华*, 张三²): digits
// and metadata.yaml's author_marks; the name is what is left.
std::string AuthorName(std::string name, const MetadataRules& rules) {
  for (bool stripped = true; stripped && !name.empty();) {
    stripped = false;
    if (name.back() >= '0' && name.back() <= '9') {
      name.pop_back();
      stripped = true;
      continue;
    }
    const size_t last = PreviousCharStart(name, name.size());
    size_t len;
    if (rules.author_marks.find(DecodeAt(name, last, &len)) != std::u32string::npos) {
      name.erase(last);
      stripped = true;
    }
  }
  return Trim(name);
}

// An item of a numbered list of affiliations without its number (1.北京大学 -> 北京大学):
// metadata.yaml's affiliation_number (optional).
std::string WithoutEnumerator(const std::string& item, const MetadataRules& rules) {
  std::string out = item;
  if (rules.trim_affiliation) RE2::Replace(&out, *rules.trim_affiliation, "");
  return out;
}

void AddUnique(std::vector<std::string>* list, const std::string& value) {
  if (!value.empty() && std::find(list->begin(), list->end(), value) == list->end()) {
    list->push_back(value);
  }
}

// Splits a field's text at list separators, working on the view so that '，' splits like ','.
// `marked_only`: where the separator also matches something other than spaces (; , 、), spaces
// part no items (big data; education).
std::vector<std::string> SplitList(const Line& line, size_t view_begin, size_t view_end,
                                   const RE2& separator, bool marked_only = false) {
  std::vector<std::string> items;
  re2::StringPiece rest(line.view.data() + view_begin, view_end - view_begin);
  re2::StringPiece sep;
  bool spaces_part = true;
  for (re2::StringPiece scan = rest;
       marked_only && spaces_part &&
       separator.Match(scan, 0, scan.size(), RE2::UNANCHORED, &sep, 1);) {
    spaces_part = TrimmedView(std::string_view(sep.data(), sep.size())).empty();
    const size_t next = sep.data() - scan.data() + std::max<size_t>(sep.size(), 1);
    if (next >= scan.size()) break;
    scan.remove_prefix(next);
  }
  size_t start = view_begin;
  while (!rest.empty() && separator.Match(rest, 0, rest.size(), RE2::UNANCHORED, &sep, 1)) {
    const size_t sep_begin = sep.data() - line.view.data();
    // A pattern that matches nothing would never advance.
    if (sep.empty() || (!spaces_part && TrimmedView(std::string_view(sep.data(), sep.size())).empty())) {
      const size_t skip = sep_begin + std::max<size_t>(sep.size(), 1);
      rest = re2::StringPiece(line.view.data() + skip, view_end - skip);
      continue;
    }
    const std::string item = Trim(line.TextOf(start, sep_begin));
    if (!item.empty()) items.push_back(item);
    start = sep_begin + sep.size();
    rest = re2::StringPiece(line.view.data() + start, view_end - start);
  }
  const std::string last = Trim(line.TextOf(start, view_end));
  if (!last.empty()) items.push_back(last);
  return items;
}

// Whether metadata.yaml's name_separators part the names of `view`.
bool HasNameSeparator(std::string_view view, const MetadataRules& rules) {
  size_t len;
  for (size_t i = 0; i < view.size(); i += len) {
    if (rules.name_separators.find(DecodeAt(view, i, &len)) != std::u32string::npos) return true;
  }
  return false;
}

// A name of an author line, unless it is a role word (记者, 通讯员, 图) that the line's
// shape let through.
void AddAuthor(const std::string& name, const MetadataRules& rules, Article* article) {
  Line probe;
  probe.text = AuthorName(name, rules);
  BuildView(&probe);
  if (!RE2::FullMatch(probe.view, *rules.reject_author)) AddUnique(&article->authors, probe.text);
}

// Whether a line holds any word (a Han character, a letter or a digit): what the fields of a
// header line leave between them (" | ", " / ") holds none.
bool HasWords(const std::string& view) {
  size_t len;
  for (size_t i = 0; i < view.size(); i += len) {
    const char32_t c = DecodeAt(view, i, &len);
    if (IsHan(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)))) return true;
  }
  return false;
}

struct Match {
  std::map<std::string, std::pair<size_t, size_t>> fields;  // Group -> view [begin, end).
  size_t begin = 0, end = 0;                                // The whole match in the view.
};

// `chars` is the line's length in characters, counted once per line by the caller.
bool HasSurname(std::string_view name, const MetadataRules& rules);

bool MatchRule(const MetadataRule& rule, const Line& line, size_t chars, Match* out,
               const MetadataRules& rules) {
  if (chars > static_cast<size_t>(rule.max_chars) || !rule.gate.Admits(line.view)) return false;
  const RE2& re = *rule.pattern;
  // Most lines match no rule: a test without groups runs only RE2's DFA.
  if (!re.Match(line.view, 0, line.view.size(), RE2::UNANCHORED, nullptr, 0)) return false;
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(line.view, 0, line.view.size(), RE2::UNANCHORED, groups.data(),
                static_cast<int>(groups.size()))) {
    return false;
  }
  out->begin = groups[0].data() - line.view.data();
  out->end = out->begin + groups[0].size();
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    const re2::StringPiece& g = groups[index];
    if (g.data() == nullptr || g.empty()) continue;
    const size_t begin = g.data() - line.view.data();
    out->fields[name] = {begin, begin + g.size()};
  }
  if (rule.check_surname && out->fields.count("author")) {
    const auto& [begin, end] = out->fields.at("author");
    if (!HasSurname(std::string_view(line.view).substr(begin, end - begin), rules)) return false;
  }
  return true;
}

void Apply(const Match& match, const Line& line, const MetadataRules& rules, const MetadataRule& rule,
           Article* article) {
  auto text = [&](const std::string& name) -> std::string {
    auto it = match.fields.find(name);
    return it == match.fields.end() ? "" : Trim(line.TextOf(it->second.first, it->second.second));
  };
  auto view = [&](const std::string& name) -> std::string {
    auto it = match.fields.find(name);
    return it == match.fields.end()
               ? ""
               : line.view.substr(it->second.first, it->second.second - it->second.first);
  };
  auto list = [&](const std::string& name, std::vector<std::string>* out) {
    auto it = match.fields.find(name);
    if (it == match.fields.end()) return;
    // Where the list marks its separators (; , 、), a space is inside an item (big data).
    for (auto& item :
         SplitList(line, it->second.first, it->second.second, *rules.list_separator, true)) {
      AddUnique(out, item);
    }
  };
  if (match.fields.count("author")) {
    const auto& [begin, end] = match.fields.at("author");
    for (auto& name : SplitList(line, begin, end, *rules.list_separator)) {
      AddAuthor(name, rules, article);
    }
  }
  list("keywords", &article->keywords);
  if (!text("affiliation").empty()) {
    // Affiliations contain commas ("单位,城市 邮编"): only semicolons separate them.
    std::string all = text("affiliation");
    for (size_t start = 0; start <= all.size();) {
      size_t end = all.find_first_of(";", start);
      const size_t full = all.find("；", start);
      size_t width = 1;
      if (full != std::string::npos && (end == std::string::npos || full < end)) end = full, width = 3;
      AddUnique(
          &article->affiliations,
          WithoutEnumerator(
              Trim(all.substr(start, end == std::string::npos ? std::string::npos : end - start)),
              rules));
      if (end == std::string::npos) break;
      start = end + width;
    }
  }
  if (!text("source").empty() && !article->source &&
      !(rules.reject_source && RE2::FullMatch(view("source"), *rules.reject_source))) {
    article->source = Source{StripBrackets(text("source")), text("issue"), text("url")};
  }
  // A weak rule's date (a bare timestamp) gives way to a labelled one found later.
  if (!view("year").empty() && (article->date.empty() || (article->date_weak && !rule.weak))) {
    const std::string date = IsoDate(view("year"), view("month"), view("day"));
    if (!date.empty()) article->date = date, article->date_weak = rule.weak;
  }
  if (!text("abstract").empty() && article->abstract.empty()) article->abstract = text("abstract");
  if (!text("label").empty()) article->identifiers.push_back({text("label"), text("value")});
  if (!text("title").empty() && article->title.empty()) article->title = text("title");
}

}  // namespace

bool IsMetadataLine(const Line& line, const MetadataRules& rules, bool field_rules_too) {
  Match m;
  const size_t chars = CountChars(line.view);
  std::vector<int> candidates;
  rules.prefilter.Candidates(line.view, &candidates);
  for (const int index : candidates) {
    const MetadataRule& rule = rules.lines[index];
    if ((field_rules_too || !rule.consume_match) && !rule.consume_none &&
        MatchRule(rule, line, chars, &m, rules)) {
      return true;
    }
  }
  return false;
}

size_t SiteSuffixStart(const Line& line, const MetadataRules& rules) {
  re2::StringPiece tail;
  if (rules.trim_site &&
      rules.trim_site->Match(line.view, 0, line.view.size(), RE2::UNANCHORED, &tail, 1) &&
      tail.data() + tail.size() == line.view.data() + line.view.size() &&
      tail.data() != line.view.data()) {
    return tail.data() - line.view.data();
  }
  return line.view.size();
}

namespace {

// Whether a bare name opens with a known surname (always, when the rules list none).
bool HasSurname(std::string_view name, const MetadataRules& rules) {
  name = TrimmedView(name);
  if (rules.surnames.empty() || name.empty()) return true;
  for (const auto& compound : rules.compound_surnames) {
    if (name.substr(0, compound.size()) == compound) return true;
  }
  size_t len;
  return rules.surnames.find(DecodeAt(name, 0, &len)) != std::u32string::npos;
}

bool IsAuthorLine(const Line& line, const MetadataRules& rules) {
  if (RE2::FullMatch(line.view, *rules.reject_author) ||
      RE2::FullMatch(WithoutSpaces(line.view), *rules.reject_author)) {
    return false;
  }
  if (rules.one_name && RE2::FullMatch(line.view, *rules.one_name)) {
    return HasSurname(line.view, rules);
  }
  if (!RE2::FullMatch(line.view, *rules.names)) return false;
  // Every name of the line opens with a surname (spaced names, 宋 娟, are one name).
  re2::StringPiece rest(line.view);
  std::string name;
  if (HasNameSeparator(line.view, rules)) {
    while (!rest.empty() && RE2::Consume(&rest, *rules.name_item, &name)) {
      if (!HasSurname(name, rules)) return false;
    }
    return true;
  }
  // Names apart by spaces.
  size_t start = 0;
  const std::string& v = line.view;
  while (start < v.size()) {
    const size_t end = v.find(' ', start);
    const std::string_view part(v.data() + start, (end == std::string::npos ? v.size() : end) - start);
    if (!part.empty() && !HasSurname(part, rules)) return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

bool HasTitleWords(const std::string& view);

bool OpensBody(const Line& line, const MetadataRules& rules) {
  if (rules.reject_title && RE2::PartialMatch(line.view, *rules.reject_title)) return true;
  // A line without words (a lone colon or bar) is a page's remnant, not its body.
  if (!HasTitleWords(line.view)) return false;
  return CountChars(line.view) > static_cast<size_t>(rules.title_max_chars) ||
         EndsLikeSentence(line.view, rules.title_weights);
}

// Words enough to name an article: a Han character or three letters.
bool HasTitleWords(const std::string& view) {
  size_t han = 0, letters = 0, len;
  for (size_t i = 0; i < view.size(); i += len) {
    const char32_t c = DecodeAt(view, i, &len);
    if (IsHan(c)) ++han;
    else if (c < 0x80 && std::isalpha(static_cast<int>(c))) ++letters;
  }
  return han >= 1 || letters >= 3;
}

double HanShare(const std::string& view) {
  size_t han = 0, all = 0, len;
  for (size_t i = 0; i < view.size(); i += len) {
    const char32_t c = DecodeAt(view, i, &len);
    if (IsSpace(c)) continue;
    ++all;
    if (IsHan(c)) ++han;
  }
  return all ? static_cast<double>(han) / all : 0;
}

}  // namespace

TitleChoice ChooseTitle(const std::vector<Line>& lines, const MetadataRules& rules,
                        const ShapeRules* shape, const std::vector<bool>* gone) {
  TitleChoice choice;
  auto furniture_leaning = [&](const Line& line) {
    return shape && shape->enabled &&
           CountChars(line.view) <= static_cast<size_t>(rules.title_max_chars) &&
           ShapeScore(line.view, *shape, nullptr) > 0;
  };
  auto weak_body = [&](const Line& line) {
    const size_t chars = CountChars(line.view);
    return shape && shape->enabled && chars <= static_cast<size_t>(rules.title_max_chars) &&
           (ShapeScore(line.view, *shape, nullptr) > shape->body_at ||
            chars < static_cast<size_t>(shape->body_min_chars));
  };
  // The header zone: the lines above the first body paragraph (a sentence, a long line, a
  // line that opens with a heading marker); metadata and name lines do not end it.
  size_t body = 0;
  std::vector<char> kind(lines.size(), 0);  // 'm' metadata, 'a' names, 't' candidate.
  for (; body < lines.size(); ++body) {
    const Line& line = lines[body];
    if ((gone && (*gone)[body]) || IsMetadataLine(line, rules, true)) {
      kind[body] = 'm';
      continue;
    }
    // Names follow a title: a name-shaped line before any candidate may be the title (标题).
    if (IsAuthorLine(line, rules) &&
        (std::find(kind.begin(), kind.begin() + body, 't') != kind.begin() + body ||
         WithoutSpaces(line.view).size() != TrimmedView(line.view).size() ||
         line.view.find_first_of(",;") != std::string::npos || line.view.find("、") != std::string::npos)) {
      kind[body] = 'a';
      continue;
    }
    if (OpensBody(line, rules)) {
      // A widget row ending in a colon (推荐度:) does not open the body.
      if (!furniture_leaning(line)) break;
      kind[body] = 'f';
      continue;
    }
    const std::string_view v = TrimmedView(line.view);
    // A subtitle (——…) or a bracketed remark is no title of its own.
    if (HasTitleWords(line.view) && v.rfind("——", 0) != 0 && v.rfind("(", 0) != 0) kind[body] = 't';
  }
  // No candidate above the first body line: a site's notice or promotion may stand over the
  // title (温馨提示 …, 本文系作者原创, 网校上线了!). Where a few short lines that are no body
  // paragraph by shape lead to a line that a body paragraph, heading or metadata follows, the
  // zone runs to that line. A salutation (同志们:) ends the search: the speech has no title.
  if (std::find(kind.begin(), kind.begin() + body, 't') == kind.begin() + body) {
    const size_t notice_lines = static_cast<size_t>(rules.title_weights.notice_lines);
    for (size_t k = body; k < lines.size() && k < body + notice_lines; ++k) {
      const Line& line = lines[k];
      const std::string_view v = TrimmedView(line.view);
      if (v.size() >= 1 && v.back() == ':') break;
      if (IsMetadataLine(line, rules, true) || IsAuthorLine(line, rules)) break;
      if (OpensBody(line, rules)) {
        if (!weak_body(line) ||
            (rules.reject_title && RE2::PartialMatch(line.view, *rules.reject_title))) {
          break;
        }
        continue;
      }
      if (!HasTitleWords(line.view) || k + 1 >= lines.size()) continue;
      const Line& next = lines[k + 1];
      if (OpensBody(next, rules) || IsMetadataLine(next, rules, true) || IsAuthorLine(next, rules)) {
        for (size_t j = body; j <= k; ++j) kind[j] = 'f';
        kind[k] = 't';
        body = k + 1;
        break;
      }
    }
  }
  // No candidate at all, and the body opens with a heading line that the page repeats further
  // down: the page's title is that heading (a chapter page titled by its chapter).
  if (std::find(kind.begin(), kind.begin() + body, 't') == kind.begin() + body &&
      body < lines.size() && rules.reject_title &&
      RE2::PartialMatch(lines[body].view, *rules.reject_title) &&
      CountChars(lines[body].view) <= static_cast<size_t>(rules.title_max_chars) &&
      !EndsLikeSentence(lines[body].view, rules.title_weights)) {
    const std::string key = WithoutSpaces(lines[body].view);
    for (size_t j = body + 1; j < lines.size(); ++j) {
      if (WithoutSpaces(lines[j].view) == key) {
        choice.index = static_cast<int>(body);
        choice.body = body + 1;
        choice.heading_title = true;
        return choice;
      }
    }
  }
  choice.body = body;
  double best_score = -1e9;
  bool best_before_metadata = false;
  for (size_t i = 0; i < body; ++i) {
    if (kind[i] != 't') continue;
    const Line& line = lines[i];
    const std::string key = WithoutSpaces(line.view);
    // A page that prints its title twice in the header: the first copy is the title.
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = kind[j] == 't' && WithoutSpaces(lines[j].view) == key;
    if (seen) continue;
    double score = 0;
    // The page repeats its title (page title and heading, or the body's first words).
    for (size_t j = 0; j < lines.size() && j < body + 20; ++j) {
      if (j == i) continue;
      const std::string other = WithoutSpaces(lines[j].view);
      // A body line may open with the title (a lost line break glued them).
      if (other == key || (j >= body && CountChars(key) >= 4 && other.size() > key.size() &&
                           other.compare(0, key.size(), key) == 0)) {
        score += rules.title_weights.repeated;
        break;
      }
    }
    // Metadata or names follow a title; a run of short name-shaped lines that leads to
    // another candidate is no byline (a cover title split one word a line).
    size_t next = i + 1;
    while (next < body && kind[next] == 'a') ++next;
    const bool before_metadata =
        i + 1 < body && (kind[i + 1] == 'm' || (kind[i + 1] == 'a' && (next >= body || kind[next] != 't')));
    if (before_metadata) score += rules.title_weights.before_metadata;
    if (i + 1 == body) score += rules.title_weights.before_body;
    const std::string_view v = TrimmedView(line.view);
    if (v.rfind("《", 0) == 0) score += rules.title_weights.book_title;
    if (HanShare(line.view) >= 0.5) score += rules.title_weights.han;
    if (CountChars(key) < static_cast<size_t>(rules.title_weights.min_chars)) {
      score += rules.title_weights.too_short;
    }
    // The first candidate is likelier (menus and banners went by shape); ties go to it.
    if (choice.index < 0) score += rules.title_weights.first;
    if (score > best_score) {
      best_score = score, choice.index = static_cast<int>(i);
      best_before_metadata = before_metadata;
    }
  }
  // A repost prints the site's title and intro first and the document's own title, with its
  // authors under it, a few lines further down: a title-shaped line followed by a line of
  // two or more names beats a first line that nothing confirms. The lines between are the
  // repost's (above the title).
  if (!best_before_metadata) {
    const size_t lookahead = static_cast<size_t>(rules.title_weights.own_title_lines);
    for (size_t k = body; k + 1 < lines.size() && k < body + lookahead; ++k) {
      // Cheap tests first: a short line of names with separators under a short line.
      const Line& names = lines[k + 1];
      const bool several = names.view.size() <= 60 &&
                           (names.view.find_first_of(" ,;") != std::string::npos ||
                            names.view.find("、") != std::string::npos);
      const Line& line = lines[k];
      if (line.view.size() > 3 * static_cast<size_t>(rules.title_max_chars)) continue;
      if (rules.reject_title && RE2::PartialMatch(line.view, *rules.reject_title)) break;
      if (!several || OpensBody(line, rules) || !HasTitleWords(line.view) || IsAuthorLine(line, rules)) continue;
      if (IsAuthorLine(names, rules)) {
        choice.index = static_cast<int>(k);
        choice.body = k + 2;
        break;
      }
    }
  }
  // A page may open with its slogan, clock and menu (a word a line) before the header, so that
  // a short sentence ended the zone early: a title-shaped line with a date or source line under
  // it, where every line above is short (no paragraph of an article stands above its title),
  // is the title. The lines above are the page's; the fields under it are the header.
  if (!best_before_metadata && choice.body == body) {
    const size_t title_max = static_cast<size_t>(rules.title_max_chars);
    // A field line (the second pass sees the fields the first one took as gone).
    auto field = [&](size_t j) { return (gone && (*gone)[j]) || IsMetadataLine(lines[j], rules, true); };
    int punctuated = 0;  // Lines above with sentence punctuation: one slogan, not a paragraph.
    for (size_t k = 0; k + 1 < lines.size() && k < static_cast<size_t>(rules.title_weights.search_lines);
         ++k) {
      const Line& line = lines[k];
      if (line.view.size() > 3 * title_max || CountChars(line.view) > title_max) break;
      if (line.view.find_first_of(",;!?") != std::string::npos ||
          line.view.find("。") != std::string::npos) {
        if (++punctuated > 1) break;
      }
      // A salutation (各部门:) opens a letter's body: its signature and date are no header.
      const std::string_view trimmed = TrimmedView(line.view);
      if (!trimmed.empty() && trimmed.back() == ':') break;
      if (k < body && kind[k] == 't') continue;  // weighed above
      // Cheap tests first, then the field under it, which few lines have.
      if (!HasTitleWords(line.view) || EndsLikeSentence(line.view, rules.title_weights) ||
          !field(k + 1) || OpensBody(line, rules) ||
          (rules.reject_title && RE2::PartialMatch(line.view, *rules.reject_title)) ||
          IsMetadataLine(line, rules, true) || IsAuthorLine(line, rules)) {
        continue;
      }
      choice.index = static_cast<int>(k);
      size_t end = k + 1;
      while (end < lines.size() && field(end)) ++end;
      choice.body = std::max(body, end);
      break;
    }
  }
  return choice;
}

namespace {

// What the metadata rules made of one line.
struct Fields {
  bool consumed = false;    // Nothing of the line is left for the body.
  bool took_match = false;  // A rule took part of it.
  bool read_only = false;   // A rule read its fields and left it whole (consume: none).
  std::string rule;         // The last rule that took something.
  bool summary = false;     // It gave the abstract or the keywords.
};

// Runs the metadata rules on a line (header rules in the header zone, closing rules in the
// closing block); a rule that consumes only its match leaves the rest of the line to the rules
// again, so one line may hold several fields (中图分类号:D267 文献标识码:A 文章编号:…). Each
// round removes text, so the rounds end; the bound only guards against a rule matching nothing.
Fields ReadFields(Line* line, bool in_header, bool in_closing, const MetadataRules& rules,
                  Article* article) {
  Fields out;
  std::vector<int> candidates;
  for (int round = 0; round < 16 && !out.consumed; ++round) {
    const size_t chars = CountChars(line->view);
    bool again = false;
    if (in_header || in_closing) {
      rules.prefilter.Candidates(line->view, &candidates);
    } else {
      rules.body_prefilter.Candidates(line->view, &candidates);
      for (int& c : candidates) c = rules.body_rules[c];
    }
    for (const int index : candidates) {
      const MetadataRule& rule = rules.lines[index];
      if (rule.header_only && !in_header) continue;
      if (rule.closing_only && !in_closing) continue;
      if (rule.edges_only && !in_header && !in_closing) continue;
      Match match;
      if (!MatchRule(rule, *line, chars, &match, rules)) continue;
      Apply(match, *line, rules, rule, article);
      out.rule = rule.id;
      out.summary = out.summary || rule.fills_summary;
      if (rule.consume_none) {
        out.read_only = true;  // The line stays as it is.
      } else if (rule.consume_match && match.end > match.begin) {
        const size_t tb = line->TextOffset(match.begin), te = line->TextOffset(match.end);
        line->text.erase(tb, te - tb);
        line->text = Trim(line->text);
        BuildView(line);
        out.consumed = !HasWords(line->view);
        out.took_match = again = !out.consumed;
      } else {
        out.consumed = !rule.consume_match;
      }
      break;
    }
    if (!again) break;
  }
  return out;
}

// Reads a line of names (王明, 李华 / 李　强) into the authors: the id of the row that took it,
// or null when it is none.
const std::string* ReadAuthors(const Line& line, const MetadataRules& rules, Article* article) {
  if (!IsAuthorLine(line, rules)) return nullptr;
  // A two-character name spaced to the width of three (李　强) is one name.
  if (rules.one_name && RE2::FullMatch(line.view, *rules.one_name)) {
    AddAuthor(WithoutSpaces(line.text), rules, article);
    return &rules.one_name.Id(line.view, RE2::ANCHOR_BOTH);
  }
  const RE2& bare = *rules.names;
  std::vector<re2::StringPiece> groups(bare.NumberOfCapturingGroups() + 1);
  if (!bare.Match(line.view, 0, line.view.size(), RE2::ANCHOR_BOTH, groups.data(),
                  static_cast<int>(groups.size()))) {
    return nullptr;
  }
  const re2::StringPiece& g = groups[bare.NamedCapturingGroups().at("author")];
  const size_t begin = g.data() - line.view.data();
  // Where name_separators (commas, 、) part the names, a space is padding inside one (宋 娟).
  const bool marked = HasNameSeparator(line.view, rules);
  for (auto& name : SplitList(line, begin, begin + g.size(),
                              marked ? *rules.name_separator : *rules.list_separator)) {
    AddAuthor(marked ? WithoutSpaces(name) : name, rules, article);
  }
  return &rules.names.ids.front();
}

// The title text of a chosen line, without the site's name, file extension or counters.
std::string TitleText(const Line& candidate, const MetadataRules& rules) {
  Line title;
  title.text = Trim(candidate.TextOf(0, SiteSuffixStart(candidate, rules)));
  BuildView(&title);
  // Where a group matched, the title ends where it starts; else where the match starts. Tails
  // stack (…范文(通用5篇)): each is cut in turn, three at most.
  for (int cut_tails = 0; rules.trim_counter && cut_tails < 3; ++cut_tails) {
    const RE2& re = *rules.trim_counter;
    std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
    if (!re.Match(title.view, 0, title.view.size(), RE2::UNANCHORED, groups.data(),
                  static_cast<int>(groups.size()))) {
      break;
    }
    re2::StringPiece cut = groups[0];
    for (size_t g = 1; g < groups.size(); ++g) {
      if (groups[g].data()) {
        cut = groups[g];
        break;
      }
    }
    if (cut.data() == title.view.data()) break;  // All of it: the title stays.
    title.text = Trim(title.TextOf(0, cut.data() - title.view.data()));
    BuildView(&title);
  }
  // A bracketed tail that restates the title in other order (如何管理党员组织关系(党员组织
  //关系的管理)) is an SEO page's, not the document's: most of its Han characters are the title's.
  if (rules.title_weights.restated_tail > 0 && title.view.size() > 2 && title.view.back() == ')') {
    const size_t open = title.view.rfind('(');
    if (open != std::string::npos && open > 0) {
      const std::string_view main(title.view.data(), open);
      const std::string_view inner(title.view.data() + open + 1, title.view.size() - open - 2);
      size_t han = 0, shared = 0, len = 1;
      for (size_t i = 0; i < inner.size(); i += len) {
        const char32_t c = DecodeAt(inner, i, &len);
        if (!IsHan(c)) continue;
        ++han;
        shared += main.find(inner.substr(i, len)) != std::string_view::npos;
      }
      if (han >= 4 && CountChars(main) >= static_cast<size_t>(rules.title_weights.min_chars) &&
          static_cast<double>(shared) >= rules.title_weights.restated_tail * static_cast<double>(han)) {
        title.text = Trim(title.TextOf(0, open));
        BuildView(&title);
      }
    }
  }
  // A title wholly in 《》 is the document's name, one wholly in 【】 or 〖〗 a news site's
  // decoration: the marks are the page's. (Each mark is three bytes.)
  const std::string_view v = title.view;
  for (const auto& [open, close] : {std::pair<const char*, const char*>{"《", "》"}, {"【", "】"}, {"〖", "〗"}}) {
    if (v.size() > 6 && v.rfind(open, 0) == 0 && v.compare(v.size() - 3, 3, close) == 0 &&
        v.find(open, 3) == std::string_view::npos) {
      return Trim(title.TextOf(3, v.size() - 3));
    }
  }
  return title.text;
}

// Whether `first` and `second` are the two lines of one title: the second ends in a genre
// word that the first lacks, and neither is the other's copy (a page title over the same
// title) or carries a site name.
bool TitleLines(const Line& first, const Line& second, const MetadataRules& rules) {
  if (!rules.join_title || RE2::PartialMatch(first.view, *rules.join_title) ||
      !RE2::PartialMatch(second.view, *rules.join_title)) {
    return false;
  }
  const std::string a = WithoutSpaces(first.view), b = WithoutSpaces(second.view);
  return a.find(b) == std::string::npos && b.find(a) == std::string::npos &&
         SiteSuffixStart(first, rules) == first.view.size() &&
         CountChars(first.view) + CountChars(second.view) <= static_cast<size_t>(rules.title_max_chars);
}

// A column tag before the title (焦点热议:, 党建播报|) is the site's; a publication's (人民网评:,
// 光明日报:) names the source (groups named source, source2 …: RE2 names a group once).
void StripColumnPrefix(const MetadataRules& rules, Article* article) {
  if (!rules.trim_column) return;
  Line t;
  t.text = article->title;
  BuildView(&t);
  const RE2& re = *rules.trim_column;
  std::vector<re2::StringPiece> groups(re.NumberOfCapturingGroups() + 1);
  if (!re.Match(t.view, 0, t.view.size(), RE2::ANCHOR_START, groups.data(),
                static_cast<int>(groups.size())) ||
      groups[0].size() >= t.view.size()) {
    return;
  }
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    if (name.rfind("source", 0) != 0 || !groups[index].data() || article->source) continue;
    const size_t b = groups[index].data() - t.view.data();
    article->source = Source{t.TextOf(b, b + groups[index].size()), "", ""};
  }
  article->title = Trim(t.TextOf(groups[0].size(), t.view.size()));
}

// Where the closing block starts: the run of short lines without a sentence end that ends the
// article (a notice's issuer and date, a signature).
size_t ClosingStart(const std::vector<Line>& lines, const MetadataRules& rules) {
  const size_t max_chars = static_cast<size_t>(rules.closing_max_chars);
  size_t i = lines.size();
  while (i > 0) {
    const Line& line = lines[i - 1];
    if (CountChars(line.view) > max_chars || EndsLikeSentence(line.view, rules.title_weights) ||
        line.view.find("。") != std::string::npos) {
      break;
    }
    --i;
  }
  return i;
}

}  // namespace

void ExtractMetadata(Article* article, const MetadataRules& rules, std::vector<Removal>* removed,
                     const ShapeRules* shape, std::vector<Fate>* fates) {
  std::vector<Line>& lines = article->lines;
  // A title glued to the speech under it by a lost line break (…的讲话同志们:今天,…): the
  // line is cut where the salutation starts.
  if (article->title.empty() && !lines.empty() && rules.cut_title &&
      rules.cut_title->NumberOfCapturingGroups() >= 1) {
    re2::StringPiece groups[2];
    if (rules.cut_title->Match(lines[0].view, 0, lines[0].view.size(), RE2::ANCHOR_START, groups,
                               2) &&
        groups[1].data() && groups[1].size() < lines[0].view.size()) {
      const size_t cut = groups[1].data() + groups[1].size() - lines[0].view.data();
      Line rest = lines[0];
      rest.text = Trim(lines[0].TextOf(cut, lines[0].view.size()));
      BuildView(&rest);
      lines[0].text = Trim(lines[0].TextOf(0, cut));
      BuildView(&lines[0]);
      lines.insert(lines.begin() + 1, std::move(rest));
    }
  }
  auto remove = [&](const Line& line, const std::string& why) {
    if (removed) removed->push_back({why, line.number, Trim(line.text)});
  };
  auto record = [&](const Line& line, const char* what, const std::string& rule) {
    if (fates) fates->push_back({line.number, what, rule, line.text});
  };
  // 1. The header zone's fields, before and after the title alike.
  std::vector<bool> gone(lines.size(), false);
  std::vector<bool> fields(lines.size(), false);  // Gone, or a field rule took part of it.
  // The field rule that took part of a line whose rest stays, or read a line it left whole:
  // the body line's fate names it.
  std::vector<std::string> took_part(lines.size());
  const TitleChoice first_choice = ChooseTitle(lines, rules, shape);
  const size_t zone = first_choice.body;
  size_t first_summary = lines.size();  // The first abstract or keywords line of the zone.
  int label_title = -1;                 // The line whose field (标题:X) gave the title.
  for (size_t i = 0; i < zone; ++i) {
    const bool had_title = !article->title.empty();
    const Fields f = ReadFields(&lines[i], true, false, rules, article);
    if (!had_title && !article->title.empty()) label_title = static_cast<int>(i);
    if (f.summary && first_summary == lines.size()) first_summary = i;
    fields[i] = f.consumed || f.took_match;
    if (f.consumed) {
      record(lines[i], "metadata", f.rule);
      gone[i] = true;
    } else if (f.took_match) {
      // What field rules leave of a header line is the line's furniture when it is short (a
      // category label, a site name) or scores as such (网站名 手机版 分类:…).
      std::string why = "field_rest";
      const bool sentence = EndsLikeSentence(lines[i].view, rules.title_weights) || lines[i].view.find("。") != std::string::npos;
      if ((!sentence && CountChars(lines[i].view) <= static_cast<size_t>(rules.field_rest_max_chars)) ||
          (shape && shape->enabled && ShapeScore(lines[i].view, *shape, &why) >= shape->furniture_at)) {
        const std::string rest_rule = why == "field_rest" ? why : "shape:" + why;
        // The line's fate: its fields went to the article, its rest is removed.
        record(lines[i], "metadata", f.rule + ", rest removed by " + rest_rule);
        remove(lines[i], rest_rule);
        gone[i] = true;
      } else {
        took_part[i] = "rest of " + f.rule;
      }
    } else if (f.read_only) {
      took_part[i] = "fields read by " + f.rule;
    }
  }
  // The article's own title line under a headline or a labelled title: a line in [from, limit)
  // that `headline` contains (cleaned as a title is: a footnote mark goes), of at least
  // min_chars, with names or fields under it. Its index and the index of the line under it, or
  // -1. `whole`: the line may be all of the headline.
  auto own_title_line = [&](size_t from, size_t limit, const std::string& headline,
                            size_t min_chars, bool whole) -> std::pair<int, size_t> {
    for (size_t j = from; j < limit && j < lines.size(); ++j) {
      if (gone[j] || lines[j].view.size() > headline.size() + 8) continue;  // a short line only
      const std::string key = WithoutSpaces(TitleText(lines[j], rules));
      if ((!whole && key.size() >= headline.size()) || CountChars(key) < min_chars ||
          headline.find(key) == std::string::npos) {
        continue;
      }
      size_t next = j + 1;
      while (next < lines.size() && gone[next]) ++next;
      if (next < lines.size() &&
          (IsAuthorLine(lines[next], rules) || IsMetadataLine(lines[next], rules, true))) {
        return {static_cast<int>(j), next};
      }
    }
    return {-1, 0};
  };
  // 2. The title among what is left.
  int title_index = -1;
  bool heading_title = false;  // The title line stays as the body's first heading.
  size_t header_end = zone;
  if (article->title.empty() && !lines.empty()) {
    // The fields change the choice only where a field rule took (part of) a line.
    const bool any_fields = std::find(fields.begin(), fields.end(), true) != fields.end();
    const TitleChoice choice = any_fields ? ChooseTitle(lines, rules, shape, &fields) : first_choice;
    header_end = std::max(header_end, choice.body);
    // A journal's title stands above its abstract and keywords; a line below them is a
    // section's (the excerpt cut the title off).
    if (choice.index >= 0 && static_cast<size_t>(choice.index) > first_summary) {
      // No title: the line stays in the body.
    } else if (choice.index >= 0) {
      title_index = choice.index;
      heading_title = choice.heading_title;
      // A repost's headline (its column tag before the document's title: 某某博导:题名) over the
      // repost's intro, then the document's own title with its authors under it: a line a few
      // lines down that the headline contains, with names or fields under it, is the title; the
      // headline and the intro are the repost's (above the title).
      if (!heading_title) {
        const auto [own, under] =
            own_title_line(title_index + 1, header_end + rules.title_weights.own_title_lines,
                           WithoutSpaces(TitleText(lines[title_index], rules)),
                           2 * static_cast<size_t>(rules.title_weights.min_chars), false);
        if (own >= 0) {
          title_index = own;
          header_end = std::max(header_end, under + 1);  // its names are the header's
        }
      }
      // A title over two lines: the second ends in a document's genre word (…的意见, …的通知)
      // that the first lacks. The choice may have fallen on either.
      size_t prev = title_index;
      while (prev > 0 && gone[prev - 1]) --prev;
      if (prev > 0 && !gone[prev - 1]) {
        const Line& first = lines[prev - 1];
        const Line& second = lines[title_index];
        if (TitleLines(first, second, rules) && !OpensBody(first, rules) &&
            !IsAuthorLine(first, rules) && !IsMetadataLine(first, rules, true) && HasTitleWords(first.view)) {
          lines[title_index].text = Trim(first.text) + Trim(second.text);
          BuildView(&lines[title_index]);
          gone[prev - 1] = true;
          record(first, "title_part", rules.join_title.Id(second.view));
        }
      }
      size_t next = title_index + 1;
      while (next < lines.size() && gone[next]) ++next;
      if (next < choice.body && next < lines.size()) {
        const Line& first = lines[title_index];
        const Line& second = lines[next];
        if (TitleLines(first, second, rules) && !OpensBody(second, rules) &&
            !IsAuthorLine(second, rules)) {
          lines[title_index].text = Trim(first.text) + Trim(second.text);
          BuildView(&lines[title_index]);
          gone[next] = true;
          record(second, "title_part", rules.join_title.Id(second.view));
        }
      }
      article->title = TitleText(lines[title_index], rules);
      record(lines[title_index], "title", heading_title ? "title_choice (also a heading)" : "title_choice");
      // A subtitle on its own line (——怎样写好主持词) belongs to the title.
      next = title_index + 1;
      while (next < lines.size() && gone[next]) ++next;
      if (next < lines.size() && TrimmedView(lines[next].view).rfind("——", 0) == 0 &&
          CountChars(lines[next].view) <= static_cast<size_t>(rules.title_max_chars) &&
          !EndsLikeSentence(lines[next].view, rules.title_weights)) {
        article->title += Trim(lines[next].text);
        gone[next] = true;
        record(lines[next], "title_part", "subtitle");
      }
      StripColumnPrefix(rules, article);
      // The document's own title, glued to its first sentence by a lost line break, under a
      // page title that puts a category before it (学校 + 七一党课:…): the body's first line
      // opens with the title less a few leading characters; that is the title.
      next = title_index + 1;
      while (next < lines.size() && gone[next]) ++next;
      if (next < lines.size()) {
        Line title;
        title.text = article->title;
        BuildView(&title);
        const std::string_view first = lines[next].view;
        size_t cut = 0, len = 1;
        for (int k = 0; k < rules.title_weights.category_prefix_chars && cut < title.view.size();
             ++k) {
          DecodeAt(title.view, cut, &len);
          cut += len;
          const std::string_view rest = std::string_view(title.view).substr(cut);
          if (CountChars(rest) >= 2 * static_cast<size_t>(rules.title_weights.min_chars) &&
              first.size() > rest.size() && first.compare(0, rest.size(), rest) == 0) {
            article->title = Trim(title.TextOf(cut, title.view.size()));
            break;
          }
        }
      }
    }
  } else if (label_title >= 0) {
    // A labelled title (a repost's 标题: field) anchors the header: what stands above it is the
    // page's. The article's own title line may follow under the field, cleaner (without the
    // repost's column tag or exclamation): a line the labelled title contains, with names or
    // metadata under it, is the title.
    title_index = label_title;
    const int own = own_title_line(label_title + 1, header_end, WithoutSpaces(article->title),
                                   static_cast<size_t>(rules.title_weights.min_chars), true)
                        .first;
    if (own >= 0) {
      title_index = own;
      article->title = TitleText(lines[own], rules);
      record(lines[own], "title", "own_title_line");
    }
  }
  if ((title_index < 0 || title_index == label_title) && !article->title.empty()) {
    // A title the split or a field gave is cleaned as a chosen one is.
    Line given;
    given.text = article->title;
    BuildView(&given);
    article->title = TitleText(given, rules);
  }
  Line title_line;
  title_line.text = article->title;
  BuildView(&title_line);
  const std::string title_key = WithoutSpaces(title_line.view);
  // The chosen line as the page prints it (with its column tag or site name) repeats too.
  const std::string title_line_key =
      title_index >= 0 && !gone[title_index] ? WithoutSpaces(lines[title_index].view) : "";
  const size_t closing = std::max(header_end, ClosingStart(lines, rules));

  // 3. The body: what no field took.
  std::vector<Line> body;
  bool names_may_follow = true;  // Name lines follow the title before any body line.
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    const bool is_title = static_cast<int>(i) == title_index;
    if (gone[i] || (is_title && !heading_title)) continue;
    if (static_cast<int>(i) < title_index) {
      // Above the title only metadata belongs to the article: the rest is the page's (menus,
      // banners, category names, the page title a site prints over the document's own).
      remove(line, "above_title");
      continue;
    }
    // Pages repeat the title, sometimes below a line of widgets or counters that ended the
    // header: a copy among the first lines is no body.
    if (!is_title && !title_key.empty() &&
        i < std::max<size_t>(header_end, title_index + 1 + rules.title_weights.repeat_lines) &&
        (WithoutSpaces(line.view) == title_key || WithoutSpaces(line.view) == title_line_key)) {
      remove(line, "title_repeat");
      continue;
    }
    // A reference entry is no body even where no 参考文献 line opened the list.
    if (rules.reference && rules.reference_gate.Admits(line.view) &&
        RE2::PartialMatch(line.view, *rules.reference)) {
      article->references.push_back(line.text);
      record(line, "reference", rules.reference.Id(line.view));
      continue;
    }
    if (rules.open_references_gate.Admits(line.view) &&
        RE2::FullMatch(line.view, *rules.open_references)) {
      const std::string& id = rules.open_references.Id(line.view, RE2::ANCHOR_BOTH);
      record(line, "reference", id);
      // The list runs to the article's end, or to a line that opens with a field a metadata
      // rule of the body takes (收稿日期:…, 作者简介:…): the reading goes on from there.
      auto opens_field = [&](const Line& l) {
        Match m;
        const size_t chars = CountChars(l.view);
        std::vector<int> candidates;
        rules.body_prefilter.Candidates(l.view, &candidates);
        for (const int c : candidates) {
          if (MatchRule(rules.lines[rules.body_rules[c]], l, chars, &m, rules) && m.begin == 0) {
            return true;
          }
        }
        return false;
      };
      size_t k = i + 1;
      for (; k < lines.size() && !opens_field(lines[k]); ++k) {
        article->references.push_back(lines[k].text);
        record(lines[k], "reference", id);
      }
      if (k == lines.size()) break;
      i = k - 1;
      continue;
    }
    const bool in_header = i < header_end;
    if (!in_header) {
      const Fields f = ReadFields(&line, false, i >= closing, rules, article);
      if (f.consumed) {
        record(line, "metadata", f.rule);
        continue;
      }
      if (f.took_match) took_part[i] = "rest of " + f.rule;
      if (f.read_only) took_part[i] = "fields read by " + f.rule;
    }
    if (in_header && names_may_follow) {
      if (const std::string* id = ReadAuthors(line, rules, article)) {
        record(line, "authors", *id);
        continue;
      }
    }
    names_may_follow = false;
    if (!took_part[i].empty()) record(line, "body", took_part[i]);
    body.push_back(std::move(line));
  }
  lines = std::move(body);
}

}  // namespace gangmu
