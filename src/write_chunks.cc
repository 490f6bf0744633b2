// Result -> retrieval chunks; see write_chunks.h.
#include "write_chunks.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "utf8.h"
#include "write_json.h"
#include "write_markdown.h"

namespace gangmu {
namespace {

bool EndsSentence(char32_t c) {
  // 。！？；… and their ASCII forms.
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0x2026 || c == '!' ||
         c == '?' || c == ';';
}

bool Closes(char32_t c) {
  // ”’」』）》 and their ASCII forms.
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == 0xFF09 || c == 0x300B ||
         c == ')' || c == '"';
}

// A unit of text a chunk is made of: a sentence (or, for an over-long one, a piece of it).
struct Unit {
  std::string_view text;
  size_t chars;
  int paragraph;  // Index within the section: a new paragraph starts a new line in the chunk.
  int first_line, last_line;
};

class ChunkWriter {
 public:
  ChunkWriter(const Result& result, const ChunkOptions& options, std::string* out)
      : result_(result), options_(options), out_(out) {}

  void Article(size_t index) {
    const gangmu::Article& a = result_.articles[index];
    article_ = index;
    Paragraphs(a.preamble, a.preamble_lines, 0, {}, "");
    // Depth first, iteratively (sections nest as deep as the page's markers).
    struct Item {
      const Section* section;
      std::vector<std::string> path;
      std::string number;
    };
    std::vector<Item> todo;
    for (size_t i = a.sections.size(); i-- > 0;) {
      todo.push_back({&a.sections[i], {SectionLabel(a.sections[i])}, std::to_string(i + 1)});
    }
    while (!todo.empty()) {
      Item item = std::move(todo.back());
      todo.pop_back();
      const Section& s = *item.section;
      Paragraphs(s.paragraphs, s.paragraph_lines, s.line, item.path, item.number);
      for (size_t i = s.children.size(); i-- > 0;) {
        std::vector<std::string> path = item.path;
        path.push_back(SectionLabel(s.children[i]));
        todo.push_back({&s.children[i], std::move(path), item.number + "." + std::to_string(i + 1)});
      }
    }
  }

 private:
  void Paragraphs(const std::vector<std::string>& paragraphs,
                  const std::vector<std::pair<int, int>>& lines, int section_line,
                  const std::vector<std::string>& path, const std::string& number) {
    const size_t limit = static_cast<size_t>(std::max(1, options_.max_chars));
    std::vector<Unit> units;
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      const int first = p < lines.size() ? lines[p].first : section_line;
      const int last = p < lines.size() ? lines[p].second : section_line;
      for (const std::string_view sentence : Sentences(paragraphs[p])) {
        // Only a sentence longer than the limit is cut inside.
        std::string_view rest = sentence;
        while (!rest.empty()) {
          size_t end = 0, chars = 0, len = 1;
          while (end < rest.size() && chars < limit) DecodeAt(rest, end, &len), end += len, ++chars;
          units.push_back({rest.substr(0, end), chars, static_cast<int>(p), first, last});
          rest.remove_prefix(end);
        }
      }
    }
    // Greedy: units while they fit; a paragraph that fits a chunk of its own is not begun in a
    // chunk it would not fit.
    size_t begin = 0;
    while (begin < units.size()) {
      size_t end = begin, chars = 0;
      while (end < units.size()) {
        const size_t add = units[end].chars + (end > begin && units[end].paragraph != units[end - 1].paragraph);
        if (end > begin && chars + add > limit) break;
        if (end > begin && units[end].paragraph != units[end - 1].paragraph) {
          size_t whole = 0;  // The new paragraph's length.
          for (size_t k = end; k < units.size() && units[k].paragraph == units[end].paragraph; ++k) {
            whole += units[k].chars;
          }
          if (chars + add - units[end].chars + whole > limit && whole <= limit) break;
        }
        chars += add;
        ++end;
      }
      Emit(units, begin, end, path, number);
      if (end >= units.size()) break;
      // The next chunk opens with the last sentences of this one, where they leave room.
      size_t next = end;
      size_t room = limit - units[end].chars;
      for (int k = 0; k < options_.overlap_sentences && next > begin + 1; ++k) {
        const size_t c = units[next - 1].chars + 1;
        if (c > room) break;
        room -= c;
        --next;
      }
      begin = next;
    }
  }

  void Emit(const std::vector<Unit>& units, size_t begin, size_t end,
            const std::vector<std::string>& path, const std::string& number) {
    if (begin >= end) return;
    const gangmu::Article& a = result_.articles[article_];
    std::string text;
    int first = units[begin].first_line, last = units[begin].last_line;
    for (size_t k = begin; k < end; ++k) {
      if (k > begin && units[k].paragraph != units[k - 1].paragraph) text += '\n';
      text += units[k].text;
      if (units[k].first_line > 0) first = first > 0 ? std::min(first, units[k].first_line) : units[k].first_line;
      last = std::max(last, units[k].last_line);
    }
    nlohmann::ordered_json chunk;
    chunk["input"] = result_.input;
    chunk["article"] = article_;
    chunk["title"] = a.title.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.title);
    chunk["authors"] = a.authors;
    chunk["source"] = a.source ? nlohmann::ordered_json(a.source->name) : nlohmann::ordered_json(nullptr);
    chunk["date"] = a.date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(a.date);
    chunk["section"] = number;
    chunk["heading_path"] = path;
    chunk["text"] = text;
    chunk["first_line"] = first;
    chunk["last_line"] = last;
    *out_ += Dump(chunk, false);
    *out_ += '\n';
  }

  const Result& result_;
  const ChunkOptions& options_;
  std::string* out_;
  size_t article_ = 0;
};

}  // namespace

std::vector<std::string_view> Sentences(std::string_view paragraph) {
  std::vector<std::string_view> out;
  size_t start = 0, i = 0, len = 1;
  while (i < paragraph.size()) {
    const char32_t c = DecodeAt(paragraph, i, &len);
    i += len;
    if (!EndsSentence(c)) continue;
    // Runs of ends (?!, ……) and the closing marks after them stay with the sentence.
    while (i < paragraph.size()) {
      const char32_t d = DecodeAt(paragraph, i, &len);
      if (!EndsSentence(d) && !Closes(d)) break;
      i += len;
    }
    out.push_back(paragraph.substr(start, i - start));
    start = i;
  }
  if (start < paragraph.size()) out.push_back(paragraph.substr(start));
  return out;
}

std::string WriteChunks(const Result& result, const ChunkOptions& options) {
  std::string out;
  ChunkWriter writer(result, options, &out);
  for (size_t i = 0; i < result.articles.size(); ++i) writer.Article(i);
  return out;
}

}  // namespace gangmu
