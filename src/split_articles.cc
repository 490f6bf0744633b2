// Stage 4: one page -> its articles; see split_articles.h.
#include "split_articles.h"

#include <cstdio>

#include "extract_metadata.h"
#include "recognize_headings.h"
#include "rule_set.h"
#include "utf8.h"

namespace gangmu {
namespace {


// Lines reach this stage trimmed (filter_boilerplate.cc), so group offsets in the view map
// straight back into the text.
struct Captures {
  bool matched = false;
  std::vector<re2::StringPiece> groups;
};

Captures MatchLine(const RE2& re, re2::StringPiece view) {
  Captures c;
  c.groups.resize(re.NumberOfCapturingGroups() + 1);
  c.matched = re.Match(view, 0, view.size(), RE2::UNANCHORED, c.groups.data(),
                       static_cast<int>(c.groups.size()));
  return c;
}

std::string Group(const RE2& re, const Captures& c, const Line& line, const std::string& name) {
  auto it = re.NamedCapturingGroups().find(name);
  if (it == re.NamedCapturingGroups().end()) return "";
  const re2::StringPiece& g = c.groups[it->second];
  if (g.data() == nullptr) return "";
  const size_t begin = g.data() - line.view.data();
  return Trim(line.TextOf(begin, begin + g.size()));
}

std::string ViewGroup(const RE2& re, const Captures& c, const std::string& name) {
  auto it = re.NamedCapturingGroups().find(name);
  if (it == re.NamedCapturingGroups().end()) return "";
  const re2::StringPiece& g = c.groups[it->second];
  return g.data() ? std::string(g.data(), g.size()) : "";
}

std::string PageDate(const std::vector<Line>& header, const RE2& page_date) {
  for (const auto& line : header) {
    Captures c = MatchLine(page_date, line.view);
    if (!c.matched) continue;
    std::string date = IsoDate(ViewGroup(page_date, c, "year"), ViewGroup(page_date, c, "month"),
                               ViewGroup(page_date, c, "day"));
    if (!date.empty()) return date;
  }
  return "";
}

// A header line is short (split.yaml's header_max_chars): a long line ending in 篇3 is a
// sentence, not a header.
bool IsShort(const Line& line, const SplitRules& split) {
  return CountChars(line.view) <= static_cast<size_t>(split.header_max_chars);
}

// Text of an answer rather than a name, a date or a widget: a long line, or one holding a
// sentence end (headings.yaml's sentence_end).
bool LooksLikeBody(const Line& line, const RuleSet& rules) {
  if (!IsShort(line, rules.split)) return true;
  const std::u32string& sentence_end = rules.headings.sentence_end;
  size_t len;
  for (size_t i = 0; i < line.view.size(); i += len) {
    if (sentence_end.find(DecodeAt(line.view, i, &len)) != std::u32string::npos) return true;
  }
  return false;
}

// Whether lines [begin, end) hold a body line (a long line or one with a sentence end).
bool HasBodyBetween(const std::vector<Line>& lines, size_t begin, size_t end,
                    const RuleSet& rules) {
  for (size_t i = begin; i < end; ++i) {
    if (LooksLikeBody(lines[i], rules)) return true;
  }
  return false;
}

}  // namespace

namespace {

// A number as a date writes it: Arabic digits (2024, 03), Chinese digits one by one (二〇二四,
// 一九五四) or Chinese with 十 (十二, 二十一, 三十), read as headings read their numbers; -1 for
// anything else.
int DateNumber(const std::string& s) {
  if (const int arabic = ParseNumber(s, Numeral::kArabic); arabic >= 0) return arabic;
  if (s.find("十") != std::string::npos) return ParseNumber(s, Numeral::kChinese);
  int value = 0;
  size_t len;
  for (size_t i = 0; i < s.size(); i += len) {
    const int d = ChineseDigit(DecodeAt(s, i, &len));
    if (d < 0 || value > 1000) return -1;
    value = value * 10 + d;
  }
  return s.empty() ? -1 : value;
}

}  // namespace

std::string IsoDate(const std::string& year, const std::string& month, const std::string& day) {
  if (CountChars(year) != 4 || month.empty() || day.empty()) return "";
  const int y = DateNumber(year), m = DateNumber(month), d = DateNumber(day);
  if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

SplitPage SplitArticles(std::vector<Line> lines, const RuleSet& rules,
                        std::vector<Removal>* removed, std::vector<Fate>* fates) {
  const SplitRules& split = rules.split;
  SplitPage page;

  // Which of the split patterns each line may match (split.prefilter's order: the article
  // headers, then the answer separator, count and label); most lines hold none's literals.
  const size_t n_headers = split.article_headers.size();
  std::vector<std::vector<bool>> may(lines.size());
  {
    std::vector<int> candidates;
    for (size_t i = 0; i < lines.size(); ++i) {
      split.prefilter.Candidates(lines[i].view, &candidates);
      if (candidates.empty()) continue;
      may[i].assign(n_headers + 3, false);
      for (const int c : candidates) may[i][c] = true;
    }
  }
  const auto may_match = [&](size_t line, size_t pattern) {
    return !may[line].empty() && may[line][pattern];
  };
  const size_t kSeparator = n_headers, kCount = n_headers + 1, kLabel = n_headers + 2;

  // Compilations: each header line with the pattern it matched.
  std::vector<size_t> headers;
  std::vector<const RE2*> header_patterns;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (may[i].empty() || !IsShort(lines[i], split)) continue;
    for (size_t h = 0; h < n_headers; ++h) {
      const auto& pattern = split.article_headers[h];
      if (may_match(i, h) && RE2::FullMatch(lines[i].view, *pattern)) {
        headers.push_back(i);
        header_patterns.push_back(pattern.get());
        break;
      }
    }
  }
  // A page that declares a count (…(精选11篇)) and opens its articles with that title and a
  // number (…制度 1, …方案1): those lines are the headers, the articles' title is the stem.
  std::string stem_title;
  if (headers.empty() && split.stem_number) {
    for (size_t i = 0; i < lines.size() && i < static_cast<size_t>(split.collection_title_lines);
         ++i) {
      const Line& line = lines[i];
      if (!IsShort(line, split)) continue;
      const size_t end = SiteSuffixStart(line, rules.metadata);
      Captures c = MatchLine(*split.collection_title, re2::StringPiece(line.view.data(), end));
      if (!c.matched) continue;
      const size_t stem_end = c.groups[0].data() - line.view.data();
      const std::string stem = WithoutSpaces(line.view.substr(0, stem_end));
      if (CountChars(stem) < 4) break;
      for (size_t j = i + 1; j < lines.size(); ++j) {
        const std::string key = WithoutSpaces(lines[j].view);
        if (key.size() > stem.size() && key.compare(0, stem.size(), stem) == 0 &&
            RE2::FullMatch(key.substr(stem.size()), *split.stem_number)) {
          headers.push_back(j);
          header_patterns.push_back(nullptr);
        }
      }
      if (!headers.empty()) stem_title = Trim(line.TextOf(0, stem_end));
      break;
    }
  }
  if (!headers.empty()) {
    std::vector<Line> header_zone(lines.begin(), lines.begin() + headers[0]);
    Collection collection;
    for (const auto& line : header_zone) {
      // The page title may end in the site's name: …(精选8篇) - 范文网.
      const size_t end = SiteSuffixStart(line, rules.metadata);
      Captures c =
          MatchLine(*split.collection_title, re2::StringPiece(line.view.data(), end));
      if (c.matched && IsShort(line, split)) {
        collection.title = Trim(line.TextOf(0, end));
        const std::string count = ViewGroup(*split.collection_title, c, "count");
        if (!count.empty()) collection.declared_count = DateNumber(count);
        break;
      }
    }
    // Without a counted title line, the collection's title is the header zone's title line,
    // told as an article's is; none shows, none is given.
    if (collection.title.empty() && !header_zone.empty()) {
      const TitleChoice choice = ChooseTitle(header_zone, rules.metadata, &rules.furniture.shape);
      if (choice.index >= 0) {
        const Line& line = header_zone[choice.index];
        collection.title = Trim(line.TextOf(0, SiteSuffixStart(line, rules.metadata)));
      }
    }
    collection.date = PageDate(header_zone, *rules.metadata.page_date);
    for (const auto& line : header_zone) {
      removed->push_back({"page_header", line.number, Trim(line.text)});
    }
    for (size_t h = 0; h < headers.size(); ++h) {
      const Line& header = lines[headers[h]];
      // A header right before another is an entry of the page's table of contents (篇一:…
      // 篇二:… listed before the articles), not an article.
      if (h + 1 < headers.size() && headers[h + 1] == headers[h] + 1) {
        removed->push_back({"contents", header.number, Trim(header.text)});
        continue;
      }
      Article article;
      if (header_patterns[h]) {
        const RE2& pattern = *header_patterns[h];
        Captures c = MatchLine(pattern, header.view);
        // A header without a title (【篇一】) leaves it to the article's first line.
        article.title = Group(pattern, c, header, "title");
      } else {
        article.title = stem_title;
      }
      article.first_line = header.number;
      // An included document may carry its own counter (篇一:X / X的问题3篇一:) right under
      // the outer one: with no body line between, it is part of the article, not a new one.
      size_t next = h + 1;
      while (next < headers.size() && !HasBodyBetween(lines, headers[h] + 1, headers[next], rules)) {
        ++next;
      }
      const size_t end = next < headers.size() ? headers[next] : lines.size();
      for (size_t i = headers[h] + 1; i < end; ++i) article.lines.push_back(std::move(lines[i]));
      page.articles.push_back(std::move(article));
      h = next - 1;
    }
    page.collection = collection;
    return page;
  }

  // Q&A pages.
  std::vector<size_t> separators;
  size_t count_line = lines.size();
  bool first_is_label = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (may[i].empty()) continue;
    const bool label = split.answer_label && may_match(i, kLabel) &&
                       RE2::FullMatch(lines[i].view, *split.answer_label);
    if (label ||
        (may_match(i, kSeparator) && RE2::FullMatch(lines[i].view, *split.answer_separator))) {
      if (separators.empty()) first_is_label = label;
      separators.push_back(i);
    }
    if (count_line == lines.size() && may_match(i, kCount) &&
        RE2::FullMatch(lines[i].view, *split.answer_count)) {
      count_line = i;
    }
  }
  // One separator makes a Q&A page too when the page opens with a question (…? - 知乎): the
  // lines between it and the answer are the page's (the question again, the answerer's card).
  const auto question_of = [&](const Line& line) {
    return TrimmedView(std::string_view(line.view.data(), SiteSuffixStart(line, rules.metadata)));
  };
  const auto opens_with_question = [&] {
    if (separators.empty() || separators[0] == 0) return false;
    const std::string_view q = question_of(lines[0]);
    return q.size() > 1 && q.back() == '?' &&
           CountChars(q) <= static_cast<size_t>(rules.metadata.title_weights.question_max_chars);
  };
  if (!separators.empty() &&
      (separators.size() >= 2 || count_line < lines.size() || opens_with_question())) {
    std::string question;
    // Before the first separator: the question, the answer count, the answerer's name and
    // date. Body text there (an answer shown unfolded, with its widget after it) is an answer
    // of its own, never dropped.
    // Text above the answer count, or above a label such as 最佳答案, details the question;
    // only below it can an answer begin.
    size_t first_body = separators[0];
    const size_t answers_from = first_is_label               ? separators[0]
                                : count_line < separators[0] ? count_line + 1
                                                             : 1;
    const std::string_view asked = question_of(lines[0]);
    for (size_t i = answers_from; i < separators[0]; ++i) {
      // The question printed again (a page title over the page's heading) is no answer.
      if (i != count_line && question_of(lines[i]) != asked && LooksLikeBody(lines[i], rules)) {
        first_body = i;
        break;
      }
    }
    for (size_t i = 0; i < first_body; ++i) {
      if (i == 0 && i != count_line) {
        question = Trim(lines[i].TextOf(0, SiteSuffixStart(lines[i], rules.metadata)));
        if (fates) fates->push_back({lines[i].number, "title", "question", lines[i].text});
        continue;
      }
      const bool detail = (count_line < lines.size() && i < count_line) || first_is_label;
      const char* rule = i == count_line ? "answer_count" : detail ? "question_detail" : "page_header";
      removed->push_back({rule, lines[i].number, Trim(lines[i].text)});
    }
    if (first_body < separators[0]) {
      Article article;
      article.title = question;
      article.first_line = lines[first_body].number;
      for (size_t i = first_body; i < separators[0]; ++i) {
        if (i != count_line) article.lines.push_back(std::move(lines[i]));
      }
      page.articles.push_back(std::move(article));
    }
    for (size_t s = 0; s < separators.size(); ++s) {
      const Line& separator = lines[separators[s]];
      removed->push_back({"answer_separator", separator.number, Trim(separator.text)});
      Article article;
      article.title = question;
      article.first_line = separator.number;
      size_t end = s + 1 < separators.size() ? separators[s + 1] : lines.size();
      // Short lines without a sentence end between an answer's text and the next separator
      // are the next answerer's card (name, date), not this answer's words.
      const size_t answer_end = end;
      if (s + 1 < separators.size()) {
        while (end > separators[s] + 1 && end - 1 != count_line &&
               CountChars(lines[end - 1].view) <= static_cast<size_t>(split.card_max_chars) &&
               !LooksLikeBody(lines[end - 1], rules)) {
          --end;
        }
      }
      for (size_t i = separators[s] + 1; i < end; ++i) {
        if (i == count_line) {
          removed->push_back({"answer_count", lines[i].number, Trim(lines[i].text)});
          continue;
        }
        article.lines.push_back(std::move(lines[i]));
      }
      for (size_t i = end; i < answer_end; ++i) {
        removed->push_back({"answer_card", lines[i].number, Trim(lines[i].text)});
      }
      if (!article.lines.empty()) page.articles.push_back(std::move(article));
    }
    // A page of several answers is a collection, also when a cut-off page shows only the first
    // of the answers it announces (2个回答).
    int declared = 0;
    if (count_line < lines.size()) {
      Captures c = MatchLine(*split.answer_count, lines[count_line].view);
      declared = std::stoi(ViewGroup(*split.answer_count, c, "count"));
    }
    if (page.articles.size() >= 2 || declared >= 2) {
      page.collection = Collection{question, "", static_cast<int>(page.articles.size())};
      if (declared > 0) page.collection->declared_count = declared;
    }
    return page;
  }

  if (lines.empty()) return page;  // An empty page holds no article.
  Article article;
  article.first_line = lines.front().number;
  // A lone 展开全部 opens the page's only answer: a widget, not text.
  for (const size_t s : separators) {
    removed->push_back({"answer_separator", lines[s].number, Trim(lines[s].text)});
  }
  for (size_t i = 0, s = 0; i < lines.size(); ++i) {
    if (s < separators.size() && separators[s] == i) {
      ++s;
      continue;
    }
    article.lines.push_back(std::move(lines[i]));
  }
  page.articles.push_back(std::move(article));
  return page;
}

}  // namespace gangmu
