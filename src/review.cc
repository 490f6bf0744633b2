// Review page; see review.h.
#include "review.h"

#include <map>

#include "write_markdown.h"

namespace gangmu {
namespace {

constexpr const char* kStyle = R"(
body{font-family:"Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;margin:0;color:#222}
header{padding:8px 16px;background:#334;color:#fff}
table.index{border-collapse:collapse;margin:12px 16px}
table.index td,table.index th{border:1px solid #ccc;padding:2px 8px;text-align:right}
table.index td:first-child{text-align:left}
section.page{display:flex;gap:16px;padding:8px 16px;border-top:3px solid #334}
div.source{flex:3;overflow-x:auto}
div.outline{flex:2}
table.lines{border-collapse:collapse;font-size:13px}
table.lines td{padding:1px 6px;vertical-align:top;white-space:pre-wrap}
td.n{color:#888;text-align:right}
td.f{color:#555;font-size:11px;white-space:nowrap}
tr.removed{background:#fdd;color:#844}
tr.title,tr.title_part{background:#cdf;font-weight:bold}
tr.metadata,tr.authors{background:#dfd}
tr.heading{background:#fe9}
tr.reference{background:#eee}
tr.repeat{background:#f3e0ff}
tr.unaccounted{background:#f88}
tr.blank td{height:4px}
tr.target{outline:2px solid #c00}
dl.meta dt{font-weight:bold}
ul.tree{padding-left:18px}
ul.tree a{text-decoration:none;color:#225}
)";

// Clicking a heading marks its source line; the last statement tells a test the page ran.
constexpr const char* kScript = R"(
document.addEventListener('click', function (e) {
  var a = e.target.closest('a[href^="#"]');
  if (!a) return;
  document.querySelectorAll('tr.target').forEach(function (t) { t.classList.remove('target'); });
  var row = document.getElementById(a.getAttribute('href').slice(1));
  if (row) row.classList.add('target');
});
document.body.setAttribute('data-ready', 'yes');
)";

std::string Id(size_t page, int line) {
  return "p" + std::to_string(page) + "-l" + std::to_string(line);
}

void Tree(const std::vector<Section>& sections, size_t page, std::string* out) {
  // Iterative: sections nest as deep as the page's markers.
  struct Item {
    const std::vector<Section>* list;
    size_t next;
  };
  std::vector<Item> stack = {{&sections, 0}};
  *out += "<ul class=\"tree\">";
  while (!stack.empty()) {
    Item& top = stack.back();
    if (top.next == top.list->size()) {
      stack.pop_back();
      *out += stack.empty() ? "</ul>" : "</ul></li>";
      continue;
    }
    const Section& s = (*top.list)[top.next++];
    *out += "<li><a class=\"h\" href=\"#" + Id(page, s.line) + "\">" + EscapeHtml(SectionLabel(s)) +
            "</a>";
    if (s.children.empty()) {
      *out += "</li>";
    } else {
      *out += "<ul class=\"tree\">";
      stack.push_back({&s.children, 0});
    }
  }
}

void Field(const char* label, const std::string& value, std::string* out) {
  if (!value.empty()) *out += "<dt>" + std::string(label) + "</dt><dd>" + EscapeHtml(value) + "</dd>";
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ReviewHtml(const std::vector<PageReview>& pages) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>gangmu review</title>"
      "<style>" + std::string(kStyle) + "</style></head><body>\n<header>gangmu review: " +
      std::to_string(pages.size()) + " page(s)</header>\n";
  if (pages.size() > 1) {
    out += "<table class=\"index\"><tr><th>page</th><th>lines</th><th>removed</th><th>headings</th>"
           "<th>articles</th></tr>";
    for (size_t p = 0; p < pages.size(); ++p) {
      std::map<std::string, int> counts;
      for (const auto& a : pages[p].accounts) ++counts[a.fate];
      out += "<tr><td><a href=\"#p" + std::to_string(p) + "\">" + EscapeHtml(pages[p].name) +
             "</a></td><td>" + std::to_string(pages[p].accounts.size()) + "</td><td>" +
             std::to_string(counts["removed"]) + "</td><td>" + std::to_string(counts["heading"]) +
             "</td><td>" + std::to_string(pages[p].result.articles.size()) + "</td></tr>";
    }
    out += "</table>\n";
  }
  for (size_t p = 0; p < pages.size(); ++p) {
    const PageReview& page = pages[p];
    out += "<section class=\"page\" id=\"p" + std::to_string(p) + "\"><div class=\"source\"><h2>" +
           EscapeHtml(page.name) + "</h2><table class=\"lines\">";
    int previous = 0;
    for (const auto& a : page.accounts) {
      // A line cut into pieces (a flattened page) keeps one anchor, on its first piece.
      const std::string id = a.line != previous ? " id=\"" + Id(p, a.line) + "\"" : "";
      previous = a.line;
      const std::string tip = a.fate + (a.rule.empty() ? "" : ": " + a.rule);
      out += "<tr class=\"" + a.fate + "\"" + id + " title=\"" + EscapeHtml(tip) + "\"><td class=\"n\">" +
             std::to_string(a.line) + "</td><td class=\"f\">" + EscapeHtml(a.fate) + "</td><td class=\"t\">" +
             EscapeHtml(a.text) + "</td></tr>\n";
    }
    out += "</table></div><div class=\"outline\">";
    if (page.result.collection) {
      out += "<h2 class=\"collection\">" + EscapeHtml(page.result.collection->title) + "</h2>";
    }
    for (const auto& a : page.result.articles) {
      out += "<h3 class=\"title\">" + EscapeHtml(a.title.empty() ? "(no title)" : a.title) +
             "</h3><dl class=\"meta\">";
      Field("作者", Joined(a.authors), &out);
      Field("单位", Joined(a.affiliations), &out);
      Field("来源", a.source ? a.source->name : "", &out);
      Field("日期", a.date, &out);
      Field("关键词", Joined(a.keywords), &out);
      out += "</dl>";
      Tree(a.sections, p, &out);
    }
    out += "</div></section>\n";
  }
  out += "<script>" + std::string(kScript) + "</script></body></html>\n";
  return out;
}

}  // namespace gangmu
