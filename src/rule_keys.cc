// The table of rule keys and row actions; see rule_keys.h.
#include "rule_keys.h"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace gangmu {
namespace {

constexpr KeyType I = KeyType::kInt, N = KeyType::kNumber, B = KeyType::kBool,
                  C = KeyType::kChars;
constexpr double kWeight = 100;  // Weights and scores lie in [-100, 100].

// The numbers, switches and character sets.
std::vector<RuleKey> Scalars() {
  return {
      // normalize.yaml
      {"normalize.yaml", "flattened", "min_chars", I, 200, 1, 1e8, nullptr,
       "a line this long (characters) may be a flattened page"},
      {"normalize.yaml", "flattened", "min_cuts", I, 3, 1, 1e8, nullptr,
       "and is cut only where `cut` matches at least this often"},
      {"normalize.yaml", "flattened", "min_share", N, 0.5, 0, 1, nullptr,
       "and only when it holds this share of the page's bytes"},
      // furniture.yaml
      {"furniture.yaml", "lines[]", "max_chars", I, 200, 1, 1e6, nullptr,
       "the rule removes only lines up to this long; longer ones are body that mentions it"},
      {"furniture.yaml", "lines[]", "min_symbols", I, 0, 0, 1e4, nullptr,
       "runs only on lines with this many rare ASCII symbols (a rule without literals)"},
      {"furniture.yaml", "lines[]", "opens_link_list", B, 0, 0, 1, nullptr,
       "older spelling of action open_link_list"},
      {"furniture.yaml", "lines[]", "opens_contents", B, 0, 0, 1, nullptr,
       "older spelling of action open_contents"},
      {"furniture.yaml", "phrases[]", "max_chars", I, 1e6, 1, 1e6, nullptr,
       "the phrase is cut only from lines up to this long"},
      {"furniture.yaml", "phrases[]", "min_symbols", I, 0, 0, 1e4, nullptr,
       "runs only on lines with this many rare ASCII symbols"},
      {"furniture.yaml", "link_lists", "min_lines", I, 3, 2, 1000, nullptr,
       "a run of at least this many item lines is a link list"},
      {"furniture.yaml", "link_lists", "max_chars", I, 100, 1, 1e5, nullptr,
       "an item line is at most this long"},
      {"furniture.yaml", "shape.lexicons[]", "weight", N, 1, -kWeight, kWeight, nullptr,
       "each hit of the lexicon adds this (three hits at most)", true},
      {"furniture.yaml", "shape", "coverage_weight", N, 2, -kWeight, kWeight, nullptr,
       "times the share of the line the lexicons' hits cover"},
      {"furniture.yaml", "shape", "items_weight", N, 1.5, -kWeight, kWeight, nullptr,
       "a row of three or more short items with Han text and no sentence end (a menu)"},
      {"furniture.yaml", "shape", "item_max_chars", I, 8, 1, 1000, nullptr,
       "an item of such a row is at most this long"},
      {"furniture.yaml", "shape", "separators_weight", N, 3, -kWeight, kWeight, nullptr,
       "two or more of > » › without a sentence end (a navigation trail)"},
      {"furniture.yaml", "shape", "symbols_weight", N, 2, -kWeight, kWeight, nullptr,
       "a line without Han characters, mostly ASCII symbols (counters, garbage)"},
      {"furniture.yaml", "shape", "symbols_share", N, 0.3, 0, 1, nullptr,
       "the share of symbols that makes such a line"},
      {"furniture.yaml", "shape", "sentence_weight", N, -2, -kWeight, kWeight, nullptr,
       "a sentence end (。, or a last ! ? ;)"},
      {"furniture.yaml", "shape", "function_words_weight", N, -1, -kWeight, kWeight, nullptr,
       "at least function_words_min of function_words"},
      {"furniture.yaml", "shape", "function_words", C, 0, 0, 0,
       "的了是在和与对为我们这也就都而把被从", "the function words of running text"},
      {"furniture.yaml", "shape", "function_words_min", I, 2, 1, 1000, nullptr,
       "how many of them make a line text-like"},
      {"furniture.yaml", "shape", "long_weight", N, -1, -kWeight, kWeight, nullptr,
       "per long_chars characters, three times at most"},
      {"furniture.yaml", "shape", "long_chars", I, 50, 1, 1e5, nullptr,
       "the length step of long_weight"},
      {"furniture.yaml", "shape", "max_chars", I, 400, 1, 1e6, nullptr,
       "longer lines are body and are not scored"},
      {"furniture.yaml", "shape", "furniture_at", N, 2, -kWeight, kWeight, nullptr,
       "in the page's top or bottom zone a line scoring this or more goes"},
      {"furniture.yaml", "shape", "strong_at", N, 4, -kWeight, kWeight, nullptr,
       "anywhere a line scoring this or more goes"},
      {"furniture.yaml", "shape", "body_at", N, -2, -kWeight, kWeight, nullptr,
       "a line scoring this or less is a body paragraph (ends the top zone)"},
      {"furniture.yaml", "shape", "body_min_chars", I, 10, 0, 1e5, nullptr,
       "when it is at least this long"},
      // split.yaml
      {"split.yaml", "compilation", "header_max_chars", I, 120, 1, 1e5, nullptr,
       "an article header or collection title is at most this long"},
      {"split.yaml", "compilation", "title_lines", I, 12, 1, 1e5, nullptr,
       "the collection title is looked for in the page's first lines"},
      {"split.yaml", "answers", "card_max_chars", I, 20, 0, 1e5, nullptr,
       "an answerer's card line (a name, a date) above the next answer is this short"},
      // metadata.yaml
      {"metadata.yaml", "lines[]", "max_chars", I, 200, 1, 1e6, nullptr,
       "the rule reads only lines up to this long", false, "", "take"},
      {"metadata.yaml", "lines[]", "check_surname", B, 0, 0, 1, nullptr,
       "the names it takes must open with a surname", false, "", "take"},
      {"metadata.yaml", "lines[]", "weak", B, 0, 0, 1, nullptr,
       "its date gives way to a date a later rule finds", false, "", "take"},
      {"metadata.yaml", "", "title_max_chars", I, 80, 4, 1e4, nullptr,
       "a title line is at most this long; a longer line is body"},
      {"metadata.yaml", "", "closing_max_chars", I, 40, 1, 1e4, nullptr,
       "lines of the closing block (issuer, date) are at most this long"},
      {"metadata.yaml", "", "field_rest_max_chars", I, 12, 0, 1e4, nullptr,
       "what field rules leave of a header line goes when this short"},
      {"metadata.yaml", "", "surnames", C, 0, 0, 0, "",
       "single surnames; a bare names line counts only when every name opens with one"},
      {"metadata.yaml", "", "author_marks", C, 0, 0, 0, "*¹²³⁴⁵⁶⁷⁸⁹",
       "marks after a name pointing at a note or affiliation; dropped, as digits are"},
      {"metadata.yaml", "", "name_separators", C, 0, 0, 0, ",、;",
       "characters that part the names of a names line (then a space is inside a name)"},
      {"metadata.yaml", "title_choice", "repeated", N, 3, -kWeight, kWeight, nullptr,
       "the page repeats the line, or a body line opens with it"},
      {"metadata.yaml", "title_choice", "before_metadata", N, 2, -kWeight, kWeight, nullptr,
       "a metadata or name line follows it"},
      {"metadata.yaml", "title_choice", "book_title", N, 1, -kWeight, kWeight, nullptr,
       "it opens with 《"},
      {"metadata.yaml", "title_choice", "han", N, 1, -kWeight, kWeight, nullptr,
       "half of it or more is Han"},
      {"metadata.yaml", "title_choice", "too_short", N, -2, -kWeight, kWeight, nullptr,
       "it is shorter than min_chars"},
      {"metadata.yaml", "title_choice", "min_chars", I, 4, 0, 1000, nullptr,
       "the shortest title that is not too_short"},
      {"metadata.yaml", "title_choice", "before_body", N, 1, -kWeight, kWeight, nullptr,
       "the first body line follows it"},
      {"metadata.yaml", "title_choice", "first", N, 0.5, -kWeight, kWeight, nullptr,
       "it is the header zone's first candidate"},
      {"metadata.yaml", "title_choice", "search_lines", I, 40, 0, 1e5, nullptr,
       "how far down a title with a field line under it is looked for"},
      {"metadata.yaml", "title_choice", "restated_tail", N, 0.75, 0, 1, nullptr,
       "a bracketed tail goes when the title holds this share of its Han; 0 keeps all"},
      {"metadata.yaml", "title_choice", "question_max_chars", I, 40, 0, 1e5, nullptr,
       "a line ending in ? may be a title up to this long"},
      {"metadata.yaml", "title_choice", "exclamation_min_chars", I, 10, 0, 1e5, nullptr,
       "a line ending in ! may be a title from this long (各位代表! is a salutation)"},
      {"metadata.yaml", "title_choice", "notice_lines", I, 12, 0, 1e5, nullptr,
       "notice lines looked past over a title where the zone has no candidate"},
      {"metadata.yaml", "title_choice", "own_title_lines", I, 12, 0, 1e5, nullptr,
       "how far under a labelled title or headline its own title line is looked for"},
      {"metadata.yaml", "title_choice", "category_prefix_chars", I, 4, 0, 100, nullptr,
       "a category before a title glued to the first sentence is at most this long"},
      {"metadata.yaml", "title_choice", "repeat_lines", I, 6, 0, 1e5, nullptr,
       "copies of the title this close under it are title_repeat"},
      // headings.yaml
      {"headings.yaml", "", "sentence_end", C, 0, 0, 0, "。!?;", "the sentence ends"},
      {"headings.yaml", "", "inline_after", C, 0, 0, 0,
       "。!?;:", "a marker may open an inline heading after these"},
      {"headings.yaml", "", "closing", C, 0, 0, 0, "\"”’」』)",
       "closing quotes and brackets that may follow a sentence end"},
      {"headings.yaml", "", "heading_end", C, 0, 0, 0,
       "。!?;:", "the punctuation that ends a heading's words"},
      {"headings.yaml", "", "short_line_chars", I, 60, 1, 1e5, nullptr,
       "a line a marker opens that is this short is a heading as a whole"},
      {"headings.yaml", "", "runon_min_chars", I, 150, 1, 1e6, nullptr,
       "a paragraph this long may be one that lost its line breaks"},
      {"headings.yaml", "", "page_break_min_chars", I, 40, 1, 1e6, nullptr,
       "a paragraph this long ending mid-word was cut by a page break"},
      {"headings.yaml", "", "heading_body_min_chars", I, 15, 1, 1e6, nullptr,
       "text after a space in a heading this long (or with a comma) is body"},
      {"headings.yaml", "", "heading_trail", C, 0, 0, 0, "。．.,，、;；:： ",
       "punctuation taken off the end of a heading's words"},
      {"headings.yaml", "", "heading_body_inner", C, 0, 0, 0, ",，、;；:：",
       "inside text after a space in a heading, one of these makes it body"},
      {"headings.yaml", "families[]", "rank", I, 0, 0, 1000, nullptr,
       "conventional order: smaller is higher", true},
      {"headings.yaml", "families[]", "inline", B, 1, 0, 1, nullptr,
       "may open a heading after a sentence end inside a paragraph"},
      {"headings.yaml", "families[]", "runon_trigger", B, 0, 0, 1, nullptr,
       "a run of these inside a long paragraph means it lost its line breaks"},
      {"headings.yaml", "families[]", "runon_until_heading", B, 0, 0, 1, nullptr,
       "the trigger counts only before the article's first line-initial marker"},
      {"headings.yaml", "families[]", "needs_sequence", B, 0, 0, 1, nullptr,
       "only number 1 or the next number of the family counts"},
      {"headings.yaml", "families[]", "alone", B, 0, 0, 1, nullptr,
       "the marker stands alone on its line; its words are the next line"},
      {"headings.yaml", "families[]", "max_number", I, 99, 1, 1e4, nullptr,
       "larger numbers are no marker of this family"},
  };
}

const std::vector<RuleAction>& Actions();

// The actions of `file`, space-separated (a choice key's values).
std::string ActionNames(const char* file) {
  std::string names;
  for (const RuleAction& action : Actions()) {
    if (action.file == std::string(file))
      names += std::string(names.empty() ? "" : " ") + action.name;
  }
  return names;
}

RuleKey Key(const char* file, const char* section, const char* name, KeyType type, bool required,
            const char* values, const char* meaning, const char* fallback = "",
            const char* only_for = "") {
  RuleKey key{file, section, name, type, 0, 0, 0, fallback, meaning};
  key.required = required;
  key.values = values;
  key.only_for = only_for;
  return key;
}

// The patterns, choices, texts, lists and mappings, in the order the reference shows each
// file's sections; every rule row also takes `about` and `examples` (Row below).
std::vector<RuleKey> Structure() {
  constexpr KeyType P = KeyType::kPattern, Ps = KeyType::kPatterns, Ch = KeyType::kChoice,
                    T = KeyType::kText, L = KeyType::kList, M = KeyType::kMap;
  const char* const kDefine = "named pattern pieces of this file, used in a pattern as (?&name)";
  std::vector<RuleKey> out;
  // A rule of a list: its id, then what `add` gives, then about and examples.
  const auto row = [&out](const char* file, const char* section, bool examples,
                          std::initializer_list<RuleKey> add) {
    out.push_back(Key(file, section, "id", T, true, "",
                      "the rule's name, shown in `removed`, warnings and explain"));
    out.insert(out.end(), add);
    out.push_back(Key(file, section, "about", T, false, "", "free text: what the rule is for"));
    if (examples) {
      out.push_back(Key(file, section, "examples", M, false, "",
                        "lines it must match (`match`) and leave alone (`keep`); test-rules "
                        "runs them"));
    }
  };
  const char* n = "normalize.yaml";
  out.push_back(Key(n, "", "define", M, false, "", kDefine));
  out.push_back(Key(n, "", "repairs", L, false, "",
                    "rewrites of a line's text before any other rule reads it"));
  out.push_back(Key(n, "", "checks", L, false, "", "patterns that make a warning"));
  out.push_back(Key(n, "", "flattened", M, false, "",
                    "cutting a page whose line breaks were lost back into lines"));
  row(n, "repairs[]", true,
      {Key(n, "repairs[]", "pattern", P, true, "", "matched on the line's text, not the view"),
       Key(n, "repairs[]", "replace", T, true, "", "the RE2 rewrite (\\1 is group 1)")});
  row(n, "checks[]", true,
      {Key(n, "checks[]", "pattern", P, true, "", "matched on the line's text"),
       Key(n, "checks[]", "message", T, true, "", "the warning")});
  out.push_back(Key(n, "flattened", "cut", P, true, "",
                    "where a flattened line is cut: group 1 is the spaces cut at"));
  out.push_back(Key(n, "flattened", "about", T, false, "", "free text"));

  const char* f = "furniture.yaml";
  out.push_back(Key(f, "", "define", M, false, "", kDefine));
  out.push_back(Key(f, "", "lines", L, true, "", "rules that remove a whole line"));
  out.push_back(Key(f, "", "phrases", L, false, "",
                    "rules that remove the matched text (a line left empty goes)"));
  out.push_back(Key(f, "", "link_lists", M, true, "", "runs of link titles and menus"));
  out.push_back(Key(f, "", "shape", M, false, "",
                    "furniture told by what a line is: lexicons and shape features"));
  static const std::string furniture_actions = ActionNames(f);
  row(f, "lines[]", true,
      {Key(f, "lines[]", "action", Ch, false, furniture_actions.c_str(),
           "what a match does (the actions table)", "remove"),
       Key(f, "lines[]", "pattern", P, true, "", "matched on the view")});
  row(f, "phrases[]", true,
      {Key(f, "phrases[]", "pattern", P, true, "", "its match is cut from the line")});
  out.push_back(
      Key(f, "link_lists", "item", P, true, "", "a line that looks like a link (a bullet)"));
  out.push_back(Key(f, "link_lists", "numbered_item", P, false, "",
                    "a numbered title, an item under a link-list heading or at the page's end"));
  out.push_back(Key(f, "link_lists", "heading_item", P, false, "",
                    "any link title right under a link-list heading"));
  out.push_back(Key(f, "link_lists", "about", T, false, "", "free text"));
  out.push_back(Key(f, "shape", "lexicons", L, true, "", "word or pattern lexicons with weights"));
  out.push_back(Key(f, "shape", "about", T, false, "", "free text"));
  row(f, "shape.lexicons[]", false,
      {Key(f, "shape.lexicons[]", "words", L, false, "",
           "the lexicon's words, as the view writes them (or a pattern)"),
       Key(f, "shape.lexicons[]", "pattern", P, false, "", "the lexicon as a pattern (or words)")});

  const char* sp = "split.yaml";
  out.push_back(Key(sp, "", "define", M, false, "", kDefine));
  out.push_back(Key(sp, "", "compilation", M, true, "", "pages that hold several articles"));
  out.push_back(Key(sp, "", "answers", M, true, "", "Q&A pages: one article per answer"));
  out.push_back(Key(sp, "compilation", "article_header", Ps, true, "title num",
                    "the line that opens an article (… 篇1); the first that matches wins"));
  out.push_back(Key(sp, "compilation", "collection_title", P, true, "count",
                    "a title that counts its articles (…(精选8篇))"));
  out.push_back(Key(sp, "compilation", "stem_number", P, false, "",
                    "what follows a counted title's stem on a line that opens an article"));
  out.push_back(Key(sp, "compilation", "about", T, false, "", "free text"));
  out.push_back(Key(sp, "answers", "count", P, true, "count", "the answer count (2个回答)"));
  out.push_back(Key(sp, "answers", "separator", P, true, "", "the line that opens an answer"));
  out.push_back(Key(sp, "answers", "label", P, false, "",
                    "a separator that names the answer below it (最佳答案)"));
  out.push_back(Key(sp, "answers", "about", T, false, "", "free text"));

  const char* m = "metadata.yaml";
  out.push_back(Key(m, "", "define", M, false, "", kDefine));
  out.push_back(Key(m, "", "lines", L, true, "", "the metadata rules, each with its action"));
  out.push_back(Key(m, "", "list_separator", P, true, "", "where a list field is split"));
  out.push_back(Key(m, "", "compound_surnames", L, false, "", "two-character surnames (欧阳)"));
  out.push_back(Key(m, "", "title_choice", M, false, "", "how the title is told"));
  static std::deque<std::string> older;  // The meanings below point into it.
  for (const RuleAction& action : Actions()) {
    if (action.file != std::string(m) || !*action.older_key) continue;
    older.push_back(std::string("older spelling of rows with action ") + action.name);
    out.push_back(Key(m, "", action.older_key, Ps, false, action.groups, older.back().c_str()));
  }
  static const std::string action_names = ActionNames(m);
  row(m, "lines[]", true,
      {Key(m, "lines[]", "action", Ch, false, action_names.c_str(),
           "what a match means (the actions table)", "take"),
       Key(m, "lines[]", "pattern", P, true, "",
           "take: named groups are the fields it fills; other actions: the groups of the "
           "actions table"),
       Key(m, "lines[]", "where", Ch, false, "header closing edges anywhere",
           "where in the article the rule applies", "anywhere", "take"),
       Key(m, "lines[]", "consume", Ch, false, "line match none",
           "the whole line leaves the body, only the match, or nothing (the fields are read, the "
           "line stays body)",
           "line", "take")});
  out.push_back(Key(m, "title_choice", "about", T, false, "", "free text"));

  const char* h = "headings.yaml";
  out.push_back(Key(h, "", "define", M, false, "", kDefine));
  out.push_back(Key(h, "", "families", L, true, "", "the marker families (一、 (一) 1. …)"));
  row(h, "families[]", true,
      {Key(h, "families[]", "pattern", P, true, "num",
           "the marker, matched at its start; group num, group marker optional"),
       Key(h, "families[]", "numeral", Ch, true, "chinese arabic circled stem",
           "how num is read")});
  return out;
}

// Every key: Structure()'s, then the scalars, grouped by file and section in Structure()'s order.
const std::vector<RuleKey>& Table() {
  static const std::vector<RuleKey> table = [] {
    std::vector<RuleKey> out = Structure();
    std::vector<std::string> order;  // file + '/' + section, first appearance
    for (const RuleKey& key : out) {
      const std::string place = std::string(key.file) + "/" + key.section;
      if (std::find(order.begin(), order.end(), place) == order.end()) order.push_back(place);
    }
    for (const RuleKey& key : Scalars()) {
      out.push_back(key);
    }
    const auto rank = [&order](const RuleKey& key) {
      const std::string place = std::string(key.file) + "/" + key.section;
      return std::find(order.begin(), order.end(), place) - order.begin();
    };
    std::stable_sort(out.begin(), out.end(),
                     [&rank](const RuleKey& a, const RuleKey& b) { return rank(a) < rank(b); });
    return out;
  }();
  return table;
}

std::string Number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

const std::vector<RuleAction>& Actions() {
  static const std::vector<RuleAction> table = {
      {"furniture.yaml", "remove", "", "anywhere", true, false, "",
       "the default: the line goes (listed in `removed` with the rule's id)"},
      {"furniture.yaml", "open_link_list", "", "anywhere", true, false, "opens_link_list",
       "the line goes and heads a list of links (相关文章): numbered titles and link titles "
       "under it go too"},
      {"furniture.yaml", "open_contents", "", "anywhere", true, false, "opens_contents",
       "the line goes and heads a table of contents (目录): the lines under it that the page "
       "repeats later go too"},
      {"metadata.yaml", "take", "", "anywhere", true, false, "",
       "the default: its named groups fill the fields they name (author, source, year …); the "
       "line, or with `consume: match` the match, leaves the body"},
      {"metadata.yaml", "names", "author", "whole", false, true, "bare_author",
       "a line of names only, right under the title; group `author` holds them, and every name "
       "must open with a surname"},
      {"metadata.yaml", "one_name", "", "whole", true, false, "spaced_name",
       "a names-only line that is one name spaced out to a wider width (李　强)"},
      {"metadata.yaml", "reject_author", "", "whole", true, true, "not_author",
       "a name or names line it matches as a whole is no author (摘要, 记者, 通知)"},
      {"metadata.yaml", "reject_source", "", "whole", true, false, "not_source",
       "a source value it matches as a whole names no publication (本站原创, 网络)"},
      {"metadata.yaml", "reject_title", "", "anywhere", true, false, "not_title",
       "a line it matches (anywhere: anchor it with ^) opens the body and is no title (一、…)"},
      {"metadata.yaml", "open_references", "", "whole", true, true, "references_start",
       "a line it matches as a whole opens the reference list: the article's later lines are "
       "references"},
      {"metadata.yaml", "reference", "", "anywhere", true, false, "reference_item",
       "a line it matches is a reference wherever it stands ([1]…[J]…)"},
      {"metadata.yaml", "page_date", "year month day", "anywhere", false, true, "page_date",
       "a date in a compilation's page header, above its first article: the collection's date"},
      {"metadata.yaml", "trim_site", "", "anywhere", true, false, "title_site_suffix",
       "the end of a title line that names the site or the file (…_范文网, ….docx): left out of "
       "every title"},
      {"metadata.yaml", "trim_counter", "", "anywhere", true, false, "title_counter_suffix",
       "a count or genre label ending an article title (精选11篇, 范文): left out; where a group "
       "matched, the title ends where that group starts"},
      {"metadata.yaml", "trim_column", "", "start", true, false, "title_column_prefix",
       "a column tag opening a title (焦点热议:): left out; a group named source… names the "
       "publication (rows name their groups apart: source, source2)"},
      {"metadata.yaml", "join_title", "", "anywhere", true, false, "title_continuation",
       "the end of a title's second line (…的通知): a title line without it over a line with it "
       "is one title"},
      {"metadata.yaml", "cut_title", "", "start", false, false, "glued_title",
       "group 1 is a title glued to the speech under it by a lost line break; the first line is "
       "cut where it ends"},
      {"metadata.yaml", "trim_affiliation", "", "anywhere", true, false, "affiliation_number",
       "a list number before an affiliation (1.北京大学): left out"},
  };
  return table;
}

}  // namespace

const std::vector<RuleKey>& RuleKeys() { return Table(); }

const std::vector<RuleAction>& RuleActions() { return Actions(); }

const RuleAction* FindRuleAction(std::string_view file, std::string_view name) {
  for (const RuleAction& action : Actions()) {
    if (file == action.file && name == action.name) return &action;
  }
  return nullptr;
}

std::string RuleActionNames(std::string_view file) {
  std::string out;
  for (const RuleAction& action : Actions()) {
    if (file == action.file) out += (out.empty() ? "" : ", ") + std::string(action.name);
  }
  return out;
}

const RuleKey& FindRuleKey(std::string_view file, std::string_view section, std::string_view name) {
  for (const RuleKey& key : Table()) {
    if (file == key.file && section == key.section && name == key.name) return key;
  }
  throw std::logic_error("rule key " + std::string(file) + " " + std::string(section) + " " +
                         std::string(name) + " is not described in rule_keys.cc");
}

std::string KeyPath(const RuleKey& key) {
  return *key.section ? std::string(key.section) + "." + key.name : std::string(key.name);
}

std::vector<const RuleKey*> SectionKeys(std::string_view file, std::string_view section) {
  std::vector<const RuleKey*> out;
  for (const RuleKey& key : Table()) {
    if (file == key.file && section == key.section) out.push_back(&key);
  }
  return out;
}

std::vector<std::string> Words(const char* list) {
  std::vector<std::string> out;
  std::istringstream in(list ? list : "");
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

const char* SchemaType(KeyType type) {
  switch (type) {
    case KeyType::kInt:
      return "integer";
    case KeyType::kNumber:
      return "number";
    case KeyType::kBool:
      return "boolean";
    case KeyType::kChars:
      return "string";
    case KeyType::kPattern:
      return "pattern";
    case KeyType::kPatterns:
      return "patterns";
    case KeyType::kChoice:
      return "choice";
    case KeyType::kText:
      return "text";
    case KeyType::kList:
      return "list";
    case KeyType::kMap:
      break;
  }
  return "mapping";
}

std::string DefaultText(const RuleKey& key) {
  switch (key.type) {
    case KeyType::kBool:
      return key.fallback != 0 ? "true" : "false";
    case KeyType::kChars:
      return std::string("'") + key.chars + "'";
    case KeyType::kChoice:
      return key.chars;
    case KeyType::kInt:
    case KeyType::kNumber:
      return Number(key.fallback);
    default:
      break;
  }
  return "";
}

namespace {

// `a`, `b`: a list of words as the reference writes them.
std::string Quoted(const char* list) {
  std::string out;
  for (const std::string& word : Words(list)) out += (out.empty() ? "`" : ", `") + word + "`";
  return out;
}

}  // namespace

std::string RuleKeysMarkdown() {
  std::ostringstream out;
  std::string file;
  for (const RuleKey& key : Table()) {
    if (file != key.file) {
      file = key.file;
      out << (out.tellp() > 0 ? "\n" : "") << "`" << file << "`\n\n"
          << "| key | type | default | range, values or groups | meaning |\n"
          << "|---|---|---|---|---|\n";
    }
    std::string range;
    if (key.type == KeyType::kInt || key.type == KeyType::kNumber) {
      range = Number(key.min) + " .. " + Number(key.max);
    } else if (key.type == KeyType::kChoice) {
      range = Quoted(key.values);
    } else if (*key.values) {
      range = "groups " + Quoted(key.values);
    }
    std::string shown = key.required ? "(required)" : DefaultText(key);
    if (key.type == KeyType::kChars && !*key.chars) shown = "(none)";
    for (size_t at; (at = shown.find('|')) != std::string::npos;) shown.replace(at, 1, "\\|");
    out << "| `" << KeyPath(key) << "` | " << SchemaType(key.type) << " | " << shown << " | "
        << range << " | " << (*key.only_for ? std::string("(action ") + key.only_for + ") " : "")
        << key.meaning << " |\n";
  }
  file.clear();
  for (const RuleAction& action : Actions()) {
    if (file != action.file) {
      file = action.file;
      out << "\nThe actions of `" << file << "` line rules (`lines[].action`)\n\n"
          << "| action | groups | matches | rows | older key | meaning |\n"
          << "|---|---|---|---|---|---|\n";
    }
    std::string groups;
    std::istringstream names(action.groups);
    for (std::string g; names >> g;) groups += (groups.empty() ? "`" : ", `") + g + "`";
    out << "| `" << action.name << "` | " << groups << " | " << action.match << " | "
        << (action.many ? "many" : "one") << (action.required ? ", required" : "") << " | "
        << (*action.older_key ? std::string("`") + action.older_key + "`" : "") << " | "
        << action.meaning << " |\n";
  }
  return out.str();
}

std::string RuleKeysJson() {
  std::string out;
  for (const RuleKey& key : Table()) {
    nlohmann::json j{{"file", key.file},       {"section", key.section},
                     {"name", key.name},       {"type", SchemaType(key.type)},
                     {"meaning", key.meaning}, {"required", key.required}};
    if (*key.only_for) j["only_for"] = key.only_for;
    if (key.type == KeyType::kInt) {
      j["default"] = static_cast<long long>(key.fallback);
      j["minimum"] = static_cast<long long>(key.min);
      j["maximum"] = static_cast<long long>(key.max);
    } else if (key.type == KeyType::kNumber) {
      j["default"] = key.fallback;
      j["minimum"] = key.min;
      j["maximum"] = key.max;
    } else if (key.type == KeyType::kBool) {
      j["default"] = key.fallback != 0;
    } else if (key.type == KeyType::kChars) {
      j["default"] = key.chars;
    } else if (key.type == KeyType::kChoice) {
      j["default"] = key.chars;
      j["values"] = Words(key.values);
    } else if (key.type == KeyType::kPattern || key.type == KeyType::kPatterns) {
      j["groups"] = Words(key.values);
    }
    out += j.dump() + "\n";
  }
  for (const RuleAction& action : Actions()) {
    nlohmann::json j{{"file", action.file},           {"action", action.name},
                     {"groups", action.groups},       {"match", action.match},
                     {"many", action.many},           {"required", action.required},
                     {"older_key", action.older_key}, {"meaning", action.meaning}};
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace gangmu
