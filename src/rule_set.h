// The compiled rule set: every recognition rule of gangmu, loaded from rules/*.yaml by
// load_rules.cc. Immutable once loaded; one instance is shared by every thread (RE2 objects are
// thread-safe for matching).
#ifndef GANGMU_RULE_SET_H_
#define GANGMU_RULE_SET_H_

#include <re2/re2.h>

#include <array>
#include <memory>
#include <string>
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
struct NormalizeRules {
  std::vector<RepairRule> repairs;
  std::vector<CheckRule> checks;
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
};
struct FurnitureRules {
  std::vector<FurnitureRule> lines;    // Remove the whole line.
  std::vector<FurnitureRule> phrases;  // Remove the matched text only.
  Regex link_item;                     // A line that looks like a link-list item.
  Regex link_numbered_item;            // Optional: a numbered title; see furniture.yaml.
  Regex link_heading_item;             // Optional: any link title under a link-list heading.
  int link_min_lines = 3;
  int link_max_chars = 100;
  LiteralPrefilter prefilter;  // Over the phrases, then the lines.
};

// split.yaml
struct SplitRules {
  std::vector<Regex> article_headers;  // Groups: title, num; the first that matches wins.
  Regex collection_title;  // Group: count.
  Regex answer_count;      // Group: count.
  Regex answer_separator;
  Regex answer_label;      // Optional: a separator that names the answer below it (最佳答案).
};

// metadata.yaml
struct MetadataRule {
  std::string id;
  Regex pattern;  // Named groups are fields: author, affiliation, source, issue, url, year,
                  // month, day, keywords, abstract, label, value, title.
  bool header_only = false;  // Only before the article's first body paragraph.
  bool consume_match = false;  // Remove the match from the line instead of the whole line.
  int max_chars = 200;
};
struct MetadataRules {
  std::vector<MetadataRule> lines;
  Regex list_separator;
  Regex bare_author;      // A line holding only names, right under the title.
  Regex not_author;       // Words that look like names but are labels (摘要, 引言 ...).
  Regex references_start;
  Regex page_date;        // A date anywhere in a line of the page header.
  int title_max_chars = 80;
  Regex not_title;        // Optional: a first line that opens the body (一、标题) is no title.
  Regex reference_item;   // Optional: a reference entry ([1]王明.题名[J].刊名,2019(3).) anywhere.
  Regex spaced_name;      // Optional: one name spaced to a wider width (李　强).
  Regex not_source;       // Optional: source values that name no publication (本站原创, 网络).
  Regex title_site_suffix;  // Optional: a site name or file extension ending a title line.
  LiteralPrefilter prefilter;  // Over the lines.
  // Past the header only the rules without `where: header` apply; their own prefilter finds
  // fewer atoms on body lines than the full one. Its index i is rule body_rules[i].
  LiteralPrefilter body_prefilter;
  std::vector<int> body_rules;
};

// headings.yaml
enum class Numeral { kChinese, kArabic, kCircled };
struct MarkerFamily {
  std::string id;
  int rank = 0;  // Conventional order: smaller is higher in the outline.
  Regex pattern;  // Anchored at the marker start; groups: num (required), marker (optional).
  Numeral numeral = Numeral::kArabic;
  bool inline_ok = true;       // May open a heading inside a paragraph, after a sentence end.
  bool runon_trigger = false;  // A run of these inside one paragraph means lost line breaks.
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
  PatternIndex family_index;  // Over the families' patterns, anchored at a position.
  // Lead bytes of the UTF-8 forms of inline_after: a character with another lead byte is not
  // one of them, which spares decoding most characters of a paragraph.
  std::array<bool, 256> inline_after_lead{};
};

struct RuleSet {
  NormalizeRules normalize;
  FurnitureRules furniture;
  SplitRules split;
  MetadataRules metadata;
  HeadingRules headings;
  std::vector<std::string> sources;  // Where each file came from, for --help and errors.
};

}  // namespace gangmu

#endif  // GANGMU_RULE_SET_H_
