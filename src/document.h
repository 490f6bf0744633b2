// The types passed between pipeline stages (see src/README.md for the stage order).
#ifndef GANGMU_DOCUMENT_H_
#define GANGMU_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gangmu {

// One input line after normalisation. `text` is what the output carries (the page's own
// characters with scraping damage repaired); `view` is the matching view every rule sees:
// full-width ASCII folded to half-width, odd spaces folded to ' ', traditional characters folded
// to simplified. A match in the view maps back to the page's own characters with TextOffset.
struct Line {
  int number = 0;  // 1-based line in the input.
  std::string text;
  std::string view;
  // Where a fold shortened a character (， to ,): from view byte `view` on, view byte v is text
  // byte v - view + text, until the next entry. Sorted; empty when no fold changed a length.
  // A few entries per line where a byte-for-byte map would cost four bytes per view byte.
  struct Shift {
    uint32_t view;
    uint32_t text;
  };
  std::vector<Shift> shifts;

  // The byte offset in `text` of view byte `view_pos` (a character boundary; view.size() maps
  // to text.size()).
  size_t TextOffset(size_t view_pos) const {
    size_t lo = 0, hi = shifts.size();  // The last shift at or before view_pos.
    while (lo < hi) {
      const size_t mid = (lo + hi) / 2;
      if (shifts[mid].view <= view_pos) lo = mid + 1; else hi = mid;
    }
    return lo == 0 ? view_pos : view_pos - shifts[lo - 1].view + shifts[lo - 1].text;
  }

  // The text under view bytes [begin, end).
  std::string TextOf(size_t view_begin, size_t view_end) const {
    const size_t begin = TextOffset(view_begin);
    return text.substr(begin, TextOffset(view_end) - begin);
  }
};

struct Removal {
  std::string rule;
  int line = 0;
  std::string text;
};

// What became of an input line that left the body without being removed as furniture: it
// gave the title, a metadata field, a reference. `gangmu explain` reads these with `removed`.
struct Fate {
  int line = 0;
  std::string what;  // title, metadata, authors, reference, title_part
  std::string rule;  // The rule (or mechanism) that decided it.
  std::string text;  // The line as it was then (a flattened input line has several pieces).
};

struct Warning {
  std::string code;
  std::string message;
  int line = 0;  // 0 when the warning concerns no single line.
};

struct Source {
  std::string name;
  std::string issue;
  std::string url;
};

struct Identifier {
  std::string label;  // 中图分类号, 文献标识码, 文章编号, DOI ...
  std::string value;
};

struct Section {
  std::string marker;  // As written on the page.
  std::string kind;    // The id of the marker family rule.
  int number = 0;
  int level = 1;
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<Section> children;
  int line = 0;
  // Per paragraph, its first and last input line (a paragraph joined across a page break
  // spans several). Not written to JSON; the chunk writer reads it.
  std::vector<std::pair<int, int>> paragraph_lines;
};

struct Article {
  std::string title;
  std::vector<std::string> authors;
  std::vector<std::string> affiliations;
  std::optional<Source> source;
  std::string date;  // YYYY-MM-DD, empty when unknown.
  std::vector<std::string> keywords;
  std::string abstract;
  std::vector<Identifier> identifiers;
  std::vector<std::string> preamble;
  std::vector<std::pair<int, int>> preamble_lines;  // As Section::paragraph_lines.
  std::vector<Section> sections;
  std::vector<std::string> references;
  std::vector<Warning> warnings;
  int duplicate_of = -1;  // Index of an earlier article with the same body, or -1.
  bool date_weak = false;  // The date came from a weak rule (a bare timestamp); not written.
  int first_line = 0;
  // The article's lines between splitting and outline building.
  std::vector<Line> lines;
};

struct Collection {
  std::string title;
  std::string date;
  int declared_count = 0;  // 0 when the page declares none.
};

struct Result {
  std::string input;
  std::string encoding;
  std::optional<Collection> collection;
  std::vector<Article> articles;
  std::vector<Removal> removed;
  std::vector<Warning> warnings;
  std::vector<Fate> fates;  // Not written to JSON; see Fate.
};

}  // namespace gangmu

#endif  // GANGMU_DOCUMENT_H_
