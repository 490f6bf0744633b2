// The compiled rule set: every recognition rule of gangmu, loaded from rules/*.yaml by
// load_rules.cc. Immutable once loaded; one instance is shared by every thread (RE2 objects are
// thread-safe for matching).
#ifndef GANGMU_RULE_SET_H_
#define GANGMU_RULE_SET_H_

#include <re2/re2.h>

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "literal_prefilter.h"
#include "pattern_index.h"

namespace gangmu {

using Regex = std::unique_ptr<const RE2>;

// normalize.yaml
struct RepairRule {
  std::string id;
  Regex pattern;
  std::string replace;  // RE2 rewrite string (\1 refers to group 1).
};
struct CheckRule {
  std::string id;
  Regex pattern;
  std::string message;
};
// normalize.yaml `flattened`: a page whose line breaks were lost (joined with spaces) is cut
// back into lines where `cut`'s groups match, on a line of at least min_chars with min_cuts.
struct FlattenedRule {
  Regex cut;
  int min_chars = 200;
  int min_cuts = 3;
  double min_share = 0.5;  // of the page's bytes: a paragraph of a page with line breaks is not
};

struct NormalizeRules {
  std::vector<RepairRule> repairs;
  std::vector<CheckRule> checks;
  FlattenedRule flattened;
  // Over the repairs, then the checks: which of them a line may need (few lines need any).
  LiteralPrefilter prefilter;
};

// furniture.yaml
struct FurnitureRule {
  std::string id;
  Regex pattern;
  int max_chars = 200;  // Longer lines are body text that merely mentions the phrase.
  bool opens_link_list = false;  // The line heads a list of links (相关文章).
  bool opens_contents = false;   // The line heads a table of contents (目录).
  int min_symbols = 0;  // Runs only on lines with this many ASCII symbols (a rule without literals).
  FirstByteGate gate;   // Line rules: the bytes a match can open with (start-anchored ones).
};
// furniture.yaml `shape`: furniture told by what a line is, not by a phrase of one site. A
// line's score adds the weights of the lexicons it hits (navigation, account, download …) and
// of its shape features; positive is furniture-like, negative body-like. Where a line lies on
// the page decides what a score means (filter_boilerplate.cc, RemoveByShape).
struct Lexicon {
  std::string id;
  double weight = 1.0;
  Regex pattern;  // A pattern lexicon's pattern; null for a word lexicon (see words below).
};
struct ShapeRules {
  bool enabled = false;
  std::vector<Lexicon> lexicons;
  // Each word of the word lexicons as its own literal pattern, then the pattern lexicons: one
  // literal pass per line (prefilter) tells which words a line holds and which pattern
  // lexicons can match, so a line without furniture words costs that pass and nothing more.
  std::vector<Regex> words;
  std::vector<int> word_lexicon;   // Lexicon index of words[i].
  std::vector<int> word_chars;     // Characters of words[i].
  std::vector<int> pattern_lexicons;  // Lexicon indices of the pattern lexicons, in order.
  LiteralPrefilter prefilter;      // Over words, then the pattern lexicons.
  double coverage_weight = 2.0;       // Times the share of the line the lexicons cover.
  double items_weight = 1.5;          // A row of three or more short items (a menu).
  int item_max_chars = 8;
  double separators_weight = 3.0;     // Two or more of > » › (a navigation trail).
  double symbols_weight = 2.0;        // Mostly ASCII symbols: counters, anti-scraping garbage.
  double symbols_share = 0.3;
  double sentence_weight = -2.0;      // Holds a sentence end (。, or ends in ! ?).
  double function_words_weight = -1.0;  // Dense in function words (的 了 是 在 和 …).
  std::u32string function_words;
  std::vector<bool> function_word_bmp = std::vector<bool>(0x10000, false);  // The same, as a bitmap.
  int function_words_min = 2;
  double long_weight = -1.0;          // Per long_chars characters, at most three times.
  int long_chars = 50;
  int max_chars = 400;                // Longer lines are body and are not scored.
  double furniture_at = 2.0;          // At the top or bottom of the page: furniture.
  double strong_at = 4.0;             // Anywhere: furniture.
  double body_at = -2.0;              // A body paragraph: ends the page's top zone,
  int body_min_chars = 10;            // when it is at least this long.
};

struct FurnitureRules {
  std::vector<FurnitureRule> lines;    // Remove the whole line.
  std::vector<FurnitureRule> phrases;  // Remove the matched text only.
  Regex link_item;                     // A line that looks like a link-list item.
  Regex link_numbered_item;            // Optional: a numbered title; see furniture.yaml.
  Regex link_heading_item;             // Optional: any link title under a link-list heading.
  // The first bytes each of the three can match at (most lines open with Han: no RE2 call).
  FirstByteGate link_item_gate, link_numbered_gate, link_heading_gate;
  int link_min_lines = 3;
  int link_max_chars = 100;
  LiteralPrefilter prefilter;  // Over the phrases, then the lines.
  ShapeRules shape;
};

// split.yaml
struct SplitRules {
  std::vector<Regex> article_headers;  // Groups: title, num; the first that matches wins.
  Regex collection_title;  // Group: count.
  Regex stem_number;       // Optional: what follows a counted title's stem on a header line.
  Regex answer_count;      // Group: count.
  Regex answer_separator;
  Regex answer_label;      // Optional: a separator that names the answer below it (最佳答案).
  // Over article_headers, then answer_separator, answer_count and answer_label (when given):
  // most lines hold none of their literals (篇, 个回答) and need no RE2 call.
  LiteralPrefilter prefilter;
  int header_max_chars = 120;       // An article header or collection title is this short.
  int collection_title_lines = 12;  // The collection title stands in the page's first lines.
  int card_max_chars = 20;          // An answerer's card line (a name, a date) is this short.
};

// metadata.yaml
struct MetadataRule {
  std::string id;
  Regex pattern;  // Named groups are fields: author, affiliation, source, issue, url, year,
                  // month, day, keywords, abstract, label, value, title.
  bool header_only = false;  // Only before the article's first body paragraph.
  bool closing_only = false;  // Only in the article's closing block (issuer, date, signature).
  bool edges_only = false;    // In the header or the closing block (bylines).
  bool fills_summary = false;  // Fills abstract or keywords: a journal's title stands above.
  bool check_surname = false;  // Names it takes must open with a surname.
  bool weak = false;  // Its date gives way to a later rule's (a bare timestamp to 发布时间:).
  bool consume_match = false;  // Remove the match from the line instead of the whole line.
  bool consume_none = false;   // Read the fields and leave the line whole (a lead's byline).
  int max_chars = 200;
  FirstByteGate gate;  // The bytes its match can open with (start-anchored patterns).
};
// metadata.yaml: the rows of `lines` that share one action other than `take` (reject_author,
// trim_site …; rule_keys.cc describes them), in file order, tried as one pattern (?:a)|(?:b).
// Used where a single pattern stood (`*rules.reject_title`, `rules.trim_site->Match`).
struct ActionRules {
  Regex any;                     // Null: the file has no row of this action.
  std::vector<std::string> ids;  // The rows' ids, in order.
  std::vector<Regex> rows;       // Each row alone, kept where there are two or more.
  explicit operator bool() const { return any != nullptr; }
  const RE2& operator*() const { return *any; }
  const RE2* operator->() const { return any.get(); }
  // The id of the first row that matches `view` (with `anchor`): the fate a line records.
  const std::string& Id(std::string_view view, RE2::Anchor anchor = RE2::UNANCHORED) const {
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i]->Match(view, 0, view.size(), anchor, nullptr, 0)) return ids[i];
    }
    return ids.front();
  }
};

// metadata.yaml `title_choice`: how a title line is told among the header zone's lines.
struct TitleWeights {
  double repeated = 3.0;         // The page repeats the line (or a line starts with it).
  double before_metadata = 2.0;  // A metadata or name line follows it.
  double book_title = 1.0;       // It opens with 《.
  double han = 1.0;              // At least half of it is Han characters.
  double too_short = -2.0;       // Fewer than min_chars characters.
  int min_chars = 4;
  double before_body = 1.0;      // The first body line follows it.
  double first = 0.5;            // It is the zone's first candidate.
  int search_lines = 40;         // How far down a title with metadata under it is looked for.
  double restated_tail = 0.75;   // A (…) tail this share of whose Han the title holds goes.
  int question_max_chars = 40;   // A line ending in ? up to this long may be a title.
  int exclamation_min_chars = 10;  // One ending in ! this long or longer may (not 各位代表!).
  int notice_lines = 12;         // Notice lines looked past over a title-less zone.
  int own_title_lines = 12;      // How far under a labelled title or headline its own line is.
  int category_prefix_chars = 4;  // A category before a title glued to the first sentence.
  int repeat_lines = 6;          // Copies of the title this close under it are repeats.
};

struct MetadataRules {
  TitleWeights title_weights;
  std::vector<MetadataRule> lines;  // Rows with action `take`.
  // The rows of every other action (metadata.yaml's table; the first four are required).
  ActionRules names;            // A line holding only names, right under the title.
  ActionRules reject_author;    // Words that look like names but are labels (摘要, 记者 …).
  ActionRules open_references;  // The line that opens the reference list.
  ActionRules page_date;        // A date anywhere in a line of the page header.
  ActionRules one_name;         // One name spaced to a wider width (李　强).
  ActionRules reject_source;    // Source values that name no publication (本站原创).
  ActionRules reject_title;     // A first line that opens the body (一、标题) is no title.
  ActionRules reference;        // A reference entry ([1]王明.题名[J].刊名,2019(3).) anywhere.
  ActionRules trim_site;        // A site name or file extension ending a title line.
  ActionRules trim_counter;     // A count or genre label ending an article title.
  ActionRules trim_column;      // A column tag opening a title; groups source… optional.
  ActionRules join_title;       // The end of a title's second line (…的意见).
  ActionRules cut_title;        // Group 1 is a title glued to the body after it.
  ActionRules trim_affiliation;  // A list number before an affiliation (1.北京大学).
  Regex list_separator;
  int title_max_chars = 80;
  int closing_max_chars = 40;       // Lines of the closing block are at most this long.
  int field_rest_max_chars = 12;    // What field rules leave of a header line goes when this short.
  std::u32string author_marks;      // Marks after a name that point at a note (王明*, 李华²).
  std::u32string name_separators;   // Characters that part names (then a space is inside one).
  Regex name_item, name_separator;  // Built from name_separators at load time.
  std::u32string surnames;                  // Optional: a bare name opens with one of these
  std::vector<std::string> compound_surnames;  // or one of these (欧阳).
  LiteralPrefilter prefilter;  // Over the lines.
  // Past the header only the rules without `where: header` apply; their own prefilter finds
  // fewer atoms on body lines than the full one. Its index i is rule body_rules[i].
  LiteralPrefilter body_prefilter;
  std::vector<int> body_rules;
  // open_references and reference are tried on every body line: a Han line needs no call.
  FirstByteGate open_references_gate, reference_gate;
};

// headings.yaml
enum class Numeral { kChinese, kArabic, kCircled, kStem };
struct MarkerFamily {
  std::string id;
  int rank = 0;  // Conventional order: smaller is higher in the outline.
  Regex pattern;  // Anchored at the marker start; groups: num (required), marker (optional).
  Numeral numeral = Numeral::kArabic;
  bool inline_ok = true;       // May open a heading inside a paragraph, after a sentence end.
  bool runon_trigger = false;  // A run of these inside one paragraph means lost line breaks.
  bool runon_until_heading = false;  // ... only before the article's first line-initial marker.
  bool needs_sequence = false;  // Only a heading as number 1 or as the next of its family.
  bool alone = false;           // The marker stands alone on its line; the words follow.
  int max_number = 99;
};
struct HeadingRules {
  std::vector<MarkerFamily> families;
  std::u32string sentence_end;  // Characters that end a sentence (in the view).
  std::u32string inline_after;  // Characters after which an inline marker may start.
  std::u32string closing;       // Closing quotes/brackets that may follow a sentence end.
  std::u32string heading_end;   // Where a paragraph's lead sentence ends.
  int short_line_chars = 60;
  int runon_min_chars = 150;
  int page_break_min_chars = 40;    // A paragraph ending mid-word this long was cut by a break.
  int heading_body_min_chars = 15;  // Text after a space in a heading this long is body.
  std::u32string heading_trail;     // Punctuation taken off a heading's end.
  std::u32string heading_body_inner;  // Inside text after a space, these make it body.
  PatternIndex family_index;  // Over the families' patterns, anchored at a position.
  // Lead bytes of the UTF-8 forms of inline_after: a character with another lead byte is not
  // one of them, which spares decoding most characters of a paragraph.
  std::array<bool, 256> inline_after_lead{};
};

// An example a rule carries (`examples: {match: [...], keep: [...]}`): a line its pattern must
// match, or must leave alone. `gangmu test-rules` runs them (RunRuleExamples in load_rules.h).
// A rule as it is tried on one line by itself: `gangmu test-rules` runs the rule's examples
// this way and `gangmu explain --line` every rule of every file (ProbeMatches, load_rules.h).
struct RuleProbe {
  std::string file;  // The rule file, and the rule's line in it.
  int line = 0;
  std::string
      kind;  // repair, check, furniture line, metadata, metadata reject_title, marker family …
  std::string rule;              // The rule's id (a single pattern's key).
  const RE2* pattern = nullptr;  // Owned by the rule.
  int max_chars = 0;             // A line rule's limit (0: none).
  bool anchored = false;         // Matched at the line's start (marker families).
  bool on_text = false;          // Matched on the text, not the view (normalize repairs).
  bool whole = false;            // Matched against the whole line (metadata names, reject_author).
};

struct RuleExample {
  size_t probe = 0;  // Index into RuleSet::probes.
  int line = 0;      // The example's line in the rule file.
  std::string text;
  bool match = true;
};

struct RuleSet {
  std::vector<RuleProbe> probes;  // Every pattern of every file, in file order.
  std::vector<RuleExample> examples;
  NormalizeRules normalize;
  FurnitureRules furniture;
  SplitRules split;
  MetadataRules metadata;
  HeadingRules headings;
  std::vector<std::string> sources;  // Where each file came from, for --help and errors.
};

}  // namespace gangmu

#endif  // GANGMU_RULE_SET_H_
