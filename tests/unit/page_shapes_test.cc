// Issue 3's list of page shapes, one small page each, end to end through Extract(). Each test
// is named after the shape as the issue words it; the stage tests cover the details.
#include <catch2/catch.hpp>

#include "test_helpers.h"

using namespace gangmu;
using gangmu::testing::ExtractText;

namespace {

using Strings = std::vector<std::string>;

Article Only(const Result& r) {
  REQUIRE(r.articles.size() == 1);
  return r.articles[0];
}

void Indented(const std::vector<Section>& sections, std::string* out) {
  for (const auto& s : sections) {
    *out += std::string(2 * (s.level - 1), ' ') + s.marker + s.heading + "\n";
    Indented(s.children, out);
  }
}

// Every heading of every article, indented by level: "一、甲\n  1、子一\n".
std::string Outline(const Result& r) {
  std::string out;
  for (const auto& a : r.articles) Indented(a.sections, &out);
  return out;
}

bool Removed(const Result& r, const std::string& text) {
  for (const auto& x : r.removed) {
    if (x.text.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

// --- Authors ---------------------------------------------------------------------------------

TEST_CASE("shape: 作者:A and 作者:A B", "[shapes]") {
  CHECK(Only(ExtractText("题目\n作者:王明\n正文。\n")).authors == Strings{"王明"});
  CHECK(Only(ExtractText("题目\n作者：王明 李华\n正文。\n")).authors == Strings{"王明", "李华"});
}

TEST_CASE("shape: A,B and A;B name lines under the title", "[shapes]") {
  CHECK(Only(ExtractText("题目\n王明,李华\n正文。\n")).authors == Strings{"王明", "李华"});
  CHECK(Only(ExtractText("题目\n王明；李华\n正文。\n")).authors == Strings{"王明", "李华"});
  CHECK(Only(ExtractText("题目\n王明\n正文。\n")).authors == Strings{"王明"});
}

TEST_CASE("shape: 文/A, 记者 A, ■A", "[shapes]") {
  CHECK(Only(ExtractText("题目\n文/王明\n正文。\n")).authors == Strings{"王明"});
  CHECK(Only(ExtractText("题目\n本报记者 王明\n正文。\n")).authors == Strings{"王明"});
  CHECK(Only(ExtractText("题目\n■王明\n正文。\n")).authors == Strings{"王明"});
}

TEST_CASE("shape: an author line that also carries the source", "[shapes]") {
  const Article a = Only(ExtractText("题目\n来源:《党建研究》2018年第6期 作者:王明\n正文。\n"));
  CHECK(a.authors == Strings{"王明"});
  REQUIRE(a.source);
  CHECK(a.source->name == "党建研究");
  CHECK(a.source->issue == "2018年第6期");
}

TEST_CASE("shape: a name followed by its affiliation in brackets", "[shapes]") {
  const Article a = Only(ExtractText("题目\n王明（北京大学马克思主义学院，北京 100871）\n正文。\n"));
  CHECK(a.authors == Strings{"王明"});
  CHECK(a.affiliations == Strings{"北京大学马克思主义学院，北京 100871"});  // As written.
}

TEST_CASE("shape: a multi-line author block", "[shapes]") {
  const Article a = Only(ExtractText("题目\n王明\n李华\n正文第一段。\n"));
  CHECK(a.authors == Strings{"王明", "李华"});
  const Article b = Only(ExtractText(
      "题目\n王明（北京大学，北京 100871）\n李华（清华大学，北京 100084）\n正文。\n"));
  CHECK(b.authors == Strings{"王明", "李华"});
  CHECK(b.affiliations == Strings{"北京大学，北京 100871", "清华大学，北京 100084"});
}

// --- Affiliations ----------------------------------------------------------------------------

TEST_CASE("shape: (作者单位:…)", "[shapes]") {
  const Article a = Only(ExtractText("题目\n作者:王明\n(作者单位:荆门供电公司)\n正文。\n"));
  CHECK(a.affiliations == Strings{"荆门供电公司"});
}

TEST_CASE("shape: numbered affiliation lists are affiliations, not headings", "[shapes]") {
  const Result r = ExtractText(
      "题目\n王明1,李华2\n（1.北京大学 经济学院，北京 100871；2.清华大学 公共管理学院，北京 100084）\n"
      "摘要：本文研究了问题。\n一、引言\n正文。\n");
  const Article a = Only(r);
  CHECK(a.authors == Strings{"王明", "李华"});
  CHECK(a.affiliations ==
        Strings{"北京大学 经济学院，北京 100871", "清华大学 公共管理学院，北京 100084"});
  CHECK(Outline(r) == "一、引言\n");

  const Result lines = ExtractText(
      "题目\n王明1 李华2\n1. 北京大学 经济学院，北京 100871\n2. 清华大学 公共管理学院，北京 100084\n"
      "一、引言\n正文。\n");
  CHECK(Only(lines).affiliations ==
        Strings{"北京大学 经济学院，北京 100871", "清华大学 公共管理学院，北京 100084"});
  CHECK(Outline(lines) == "一、引言\n");
}

// --- Source and date -------------------------------------------------------------------------

TEST_CASE("shape: 来源:《X》2011年第17期 and 文章来源: 《X》 URL", "[shapes]") {
  const Article a = Only(ExtractText("题目\n来源:《现代企业文化》2011年第17期\n正文。\n"));
  REQUIRE(a.source);
  CHECK(a.source->name == "现代企业文化");
  CHECK(a.source->issue == "2011年第17期");
  const Article b = Only(ExtractText("题目\n文章来源: 《求是》 http://www.qstheory.cn/a.htm\n正文。\n"));
  REQUIRE(b.source);
  CHECK(b.source->name == "求是");
  CHECK(b.source->url == "http://www.qstheory.cn/a.htm");
}

TEST_CASE("shape: 2014年06月16日08:10来源:人民网-…", "[shapes]") {
  const Article& a =
      Only(ExtractText("题目\n2014年06月16日08:10来源:人民网-中国共产党新闻网\n正文。\n"));
  CHECK(a.date == "2014-06-16");
  REQUIRE(a.source);
  CHECK(a.source->name == "人民网-中国共产党新闻网");
}

TEST_CASE("shape: journal lines such as 党政研究 2019年4期", "[shapes]") {
  const Article a = Only(ExtractText("题目\n党政研究 2019年4期\n正文。\n"));
  REQUIRE(a.source);
  CHECK(a.source->name == "党政研究");
  CHECK(a.source->issue == "2019年4期");
}

TEST_CASE("shape: dates in every listed form become ISO", "[shapes]") {
  for (const std::string line : {"2014年06月16日", "2014-6-16", "2014.06.16",
                                 "时间:2014-06-16 11:14:59", "发布时间：2014年6月16日",
                                 "更新日期:2014/06/16"}) {
    INFO(line);
    CHECK(Only(ExtractText("题目\n" + line + "\n正文。\n")).date == "2014-06-16");
  }
}

TEST_CASE("shape: a page-level date belongs to the collection", "[shapes]") {
  const Result r = ExtractText(
      "工作总结(精选2篇)\n2020-01-05\n工作总结篇1\n一、甲\n正文。\n工作总结篇2\n一、乙\n正文。\n");
  REQUIRE(r.collection);
  CHECK(r.collection->date == "2020-01-05");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].date.empty());
}

// --- Keywords, abstract, identifiers, references ---------------------------------------------

TEST_CASE("shape: keywords in every listed form and separator", "[shapes]") {
  for (const std::string line :
       {"关键词:党建;基层;组织", "关键字：党建；基层；组织", "〔关键词〕党建 基层 组织",
        "【关键词】党建,基层,组织", "Key words: 党建, 基层, 组织", "关键词：党建、基层、组织"}) {
    INFO(line);
    CHECK(Only(ExtractText("题目\n" + line + "\n正文。\n")).keywords ==
          Strings{"党建", "基层", "组织"});
  }
}

TEST_CASE("shape: abstracts: 摘要, 〔摘要〕, 【摘要】, 内容提要", "[shapes]") {
  for (const std::string label : {"摘要:", "〔摘要〕", "【摘要】", "内容提要："}) {
    INFO(label);
    const Article a = Only(ExtractText("题目\n" + label + "本文讨论党建。\n正文。\n"));
    CHECK(a.abstract == "本文讨论党建。");
  }
}

TEST_CASE("shape: classification lines are metadata, not body", "[shapes]") {
  const Article a = Only(ExtractText(
      "题目\n中图分类号：D267\n文献标识码：A\n文章编号：1000-0000(2019)04-0001-05\n"
      "DOI:10.1234/abc.2019.04.001\n正文。\n"));
  REQUIRE(a.identifiers.size() == 4);
  CHECK(a.identifiers[0].label == "中图分类号");
  CHECK(a.identifiers[0].value == "D267");
  CHECK(a.identifiers[3].value == "10.1234/abc.2019.04.001");
  CHECK(a.preamble == Strings{"正文。"});
}

TEST_CASE("shape: references as a list and out of the body", "[shapes]") {
  for (const std::string label : {"参考文献", "参考文献:", "【参考文献】", "注释"}) {
    INFO(label);
    const Article a = Only(ExtractText("题目\n一、甲\n正文。\n" + label +
                                        "\n[1]王明.论党建[J].求是,2019(4).\n[2]李华.组织[M].北京:人民出版社,2018.\n"));
    CHECK(a.references.size() == 2);
    REQUIRE(a.sections.size() == 1);
    CHECK(a.sections[0].paragraphs == Strings{"正文。"});
  }
}

// --- Encodings and damage --------------------------------------------------------------------

TEST_CASE("shape: GB18030, Big5 and UTF-16 pages, with the encoding reported", "[shapes]") {
  // 標題 / 一、發展 / 正文。
  const std::string gb = "\x98\xcb\xee\x7d\n\xd2\xbb\xa1\xa2\xb0\x6c\xd5\xb9\n\xd5\xfd\xce\xc4\xa1\xa3\n";
  Result r = ExtractText(gb);
  CHECK(r.encoding == "GB18030");
  CHECK(Outline(r) == "一、發展\n");
  const std::string utf16le("\xff\xfe\x00\x4e\x01\x30\x32\x75\n\x00", 10);  // BOM 一、甲\n
  r = ExtractText(utf16le);
  CHECK(r.encoding == "UTF-16LE");
}

TEST_CASE("shape: pinyin annotations are repaired in the output", "[shapes]") {
  const Result r = ExtractText("題目\n一、發(fā)展經(jīng)濟\n來(lái)源:《報》\n正文。\n");
  CHECK(Outline(r) == "一、發展經濟\n");
}

TEST_CASE("shape: HTML remnants and zero-width characters", "[shapes]") {
  const Result r = ExtractText("题目\n一、甲</span>乙&nbsp;丙\xe2\x80\x8b\n正文<br>。\n");
  CHECK(Outline(r) == "一、甲乙 丙\n");
  CHECK(Only(r).sections[0].paragraphs == Strings{"正文。"});
}

TEST_CASE("shape: a word split by a page break is joined", "[shapes]") {
  // A page-long paragraph (40 characters at least) that stops mid-word.
  const std::string first = "在新的历史条件下，要把建立健全科学的考核体系作为一项基础工作来抓，完善基层党组织工";
  const Result r = ExtractText("题目\n一、评价\n" + first + "\n作业绩评价是关键。\n");
  CHECK(Only(r).sections[0].paragraphs == Strings{first + "作业绩评价是关键。"});
}

TEST_CASE("shape: mojibake is warned about and kept", "[shapes]") {
  const Result r = ExtractText("题目\n正文?;鶎狱h的。\n");
  bool warned = false;
  for (const auto& w : r.warnings) warned |= w.code == "mojibake";
  CHECK(warned);
  CHECK(Only(r).preamble == Strings{"正文?;鶎狱h的。"});
}

TEST_CASE("shape: traditional text: 來源, 作者, 關鍵詞, 參考文獻, 篇", "[shapes]") {
  const Result r = ExtractText(
      "文集(精選2篇)\n發展篇1\n作者：王明\n來源：《黨建》\n關鍵詞：黨建；組織\n一、總論\n正文。\n參考文獻\n[1]甲.\n"
      "發展篇2\n一、總論二\n正文。\n");
  REQUIRE(r.articles.size() == 2);
  const Article& a = r.articles[0];
  CHECK(a.authors == Strings{"王明"});
  REQUIRE(a.source);
  CHECK(a.source->name == "黨建");
  CHECK(a.keywords == Strings{"黨建", "組織"});
  CHECK(a.references == Strings{"[1]甲."});
}

TEST_CASE("shape: a repeated block is kept once; a repeated article is duplicate_of", "[shapes]") {
  const Result r = ExtractText("题目\n第一段很长的正文内容。\n第二段。\n第一段很长的正文内容。\n第二段。\n");
  CHECK(Only(r).preamble == Strings{"第一段很长的正文内容。", "第二段。"});
  const Result c = ExtractText("集(精选2篇)\n甲篇1\n一、乙\n正文。\n甲篇2\n一、乙\n正文。\n");
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[1].duplicate_of == 0);
}

// --- Link lists and navigation ---------------------------------------------------------------

TEST_CASE("shape: bulleted link lists and menus are furniture", "[shapes]") {
  const Result r = ExtractText("首页 > 党建 > 正文\n题目\n正文。\n· 相关文章一\n· 相关文章二\n· 相关文章三\n");
  CHECK(Only(r).preamble == Strings{"正文。"});
  CHECK(Removed(r, "相关文章二"));
}

TEST_CASE("shape: numbered link lists are furniture, not headings", "[shapes]") {
  const Result r = ExtractText(
      "题目\n一、总体要求\n正文在这里。\n相关文章\n1. 如何加强基层党建工作\n2. 基层党建工作总结\n"
      "3. 党建工作心得体会\n4. 关于党建的思考\n");
  CHECK(Outline(r) == "一、总体要求\n");
  CHECK(Removed(r, "基层党建工作总结"));
}

// --- Headings in the wild --------------------------------------------------------------------

TEST_CASE("shape: headings without a separator and with a space after the marker", "[shapes]") {
  CHECK(Outline(ExtractText("题目\n（一）加强领导\n正文。\n（二）健全制度\n正文。\n")) ==
        "（一）加强领导\n（二）健全制度\n");
  CHECK(Outline(ExtractText("题目\n1 加强领导\n正文。\n2 健全制度\n正文。\n")) ==
        "1加强领导\n2健全制度\n");
}

TEST_CASE("shape: full-width digits", "[shapes]") {
  CHECK(Outline(ExtractText("题目\n１．加强领导\n正文。\n２．健全制度\n正文。\n")) ==
        "１．加强领导\n２．健全制度\n");
}

TEST_CASE("shape: hierarchical numbering 1. > 1.1 > 1.1.1", "[shapes]") {
  CHECK(Outline(ExtractText("题目\n1 引言\n正文。\n1.1 背景\n正文。\n1.1.1 国内\n正文。\n"
                            "1.2 意义\n正文。\n2 方法\n正文。\n2.1 数据\n正文。\n")) ==
        "1引言\n  1.1背景\n    1.1.1国内\n  1.2意义\n2方法\n  2.1数据\n");
  // Quantities are no headings.
  CHECK(Outline(ExtractText("题目\n1.5亿元投入基层。\n正文。\n")).empty());
}

TEST_CASE("shape: headings inline in one huge Q&A paragraph", "[shapes]") {
  std::string body = "题目\n";
  for (const char* h : {"一、加强领导。", "二、健全制度。", "三、强化监督。"}) {
    body += h + std::string("这一部分的内容相当长，用来说明具体的做法和要求，做到有的放矢。");
  }
  CHECK(Outline(ExtractText(body + "\n")) == "一、加强领导\n二、健全制度\n三、强化监督\n");
}

TEST_CASE("shape: a page that starts at (二)", "[shapes]") {
  CHECK(Outline(ExtractText("题目\n（二）健全制度\n正文。\n（三）强化监督\n正文。\n三、其他\n正文。\n")) ==
        "（二）健全制度\n（三）强化监督\n三、其他\n");
}

TEST_CASE("shape: numbering that continues across sections", "[shapes]") {
  CHECK(Outline(ExtractText("题目\n一、甲\n1、子一\n正文。\n2、子二\n正文。\n二、乙\n3、子三\n正文。\n")) ==
        "一、甲\n  1、子一\n  2、子二\n二、乙\n  3、子三\n");
}

TEST_CASE("shape: a heading cut off by the end of the text", "[shapes]") {
  CHECK(Outline(ExtractText("题目\n一、甲\n正文。\n二、加强基层党组")) == "一、甲\n二、加强基层党组\n");
}

TEST_CASE("shape: several classification fields on one line", "[shapes]") {
  const Article a = Only(ExtractText(
      "题目\n中图分类号：D267 文献标识码：A 文章编号：1008-8088(2019)04-0012-06\n正文。\n"));
  REQUIRE(a.identifiers.size() == 3);
  CHECK(a.identifiers[1].label == "文献标识码");
  CHECK(a.identifiers[1].value == "A");
  CHECK(a.identifiers[2].value == "1008-8088(2019)04-0012-06");
  CHECK(a.preamble == Strings{"正文。"});
}

TEST_CASE("shape: a Q&A answer shown unfolded before the first 展开全部 is kept", "[shapes]") {
  const Result r = ExtractText(
      "如何做好基层党建工作？\n3个回答\n匿名用户\n2021-05-12\n"
      "一、加强思想建设。要组织党员认真学习。二、加强组织建设。健全组织。\n展开全部\n"
      "评论 收起\n热心网友\n2021-05-13\n我觉得主要有三点：1、抓学习；2、抓制度。\n");
  REQUIRE(r.articles.size() == 2);
  REQUIRE(r.collection);
  CHECK(r.collection->declared_count == 3);
  CHECK(Outline(r) == "一、加强思想建设\n二、加强组织建设\n");
  CHECK(r.articles[1].date == "2021-05-13");
  CHECK(r.articles[1].authors.empty());
  CHECK(r.articles[1].preamble == Strings{"我觉得主要有三点：1、抓学习；2、抓制度。"});
}

TEST_CASE("shape: author and affiliation labels on one line", "[shapes]") {
  const Article a = Only(ExtractText("题目\n作者：李明 單位：某某縣委組織部\n正文。\n"));
  CHECK(a.authors == Strings{"李明"});
  CHECK(a.affiliations == Strings{"某某縣委組織部"});
}

TEST_CASE("shape: abstract and keywords on one line", "[shapes]") {
  const Article a = Only(ExtractText("题目\n【摘要】本文总结了党建工作。【关键词】党建；总结\n正文。\n"));
  CHECK(a.abstract == "本文总结了党建工作。");
  CHECK(a.keywords == Strings{"党建", "总结"});
  CHECK(a.preamble == Strings{"正文。"});
}

TEST_CASE("shape: page numbers, counters and rights notices of document sites", "[shapes]") {
  const Result r = ExtractText(
      "调研报告\n上传者：匿名 日期：2022-03-01 阅读：1234 下载：56\n第 1 页 共 3 页\n"
      "一、基本情况\n全县共有村级党组织213个。\n- 2 -\n二、问题\n正文。\n"
      "本文由用户上传，如有侵权请联系删除。\n");
  const Article a = Only(r);
  CHECK(a.date == "2022-03-01");
  CHECK(Outline(r) == "一、基本情况\n二、问题\n");
  CHECK(a.sections[0].paragraphs == Strings{"全县共有村级党组织213个。"});
  CHECK(a.sections[1].paragraphs == Strings{"正文。"});
  for (const char* gone : {"第 1 页 共 3 页", "- 2 -", "阅读：1234", "上传者：匿名", "如有侵权"}) {
    INFO(gone);
    CHECK(Removed(r, gone));
  }
}

TEST_CASE("shape: a title line ending in the site's name or the file's extension", "[shapes]") {
  CHECK(Only(ExtractText("社区党支部工作总结 - 百度文库\n正文。\n")).title == "社区党支部工作总结");
  CHECK(Only(ExtractText("社区党支部工作总结_范文网\n正文。\n")).title == "社区党支部工作总结");
  CHECK(Only(ExtractText("社区党支部工作总结.docx\n正文。\n")).title == "社区党支部工作总结");
  // A dash inside a title is no site name.
  CHECK(Only(ExtractText("学习贯彻——做好新时代群众工作\n正文。\n")).title ==
        "学习贯彻——做好新时代群众工作");
}

TEST_CASE("shape: a title ending in a word like 平台 after a dash keeps it", "[shapes]") {
  CHECK(Only(ExtractText("创新载体——打造为民服务新平台\n正文。\n")).title == "创新载体——打造为民服务新平台");
  CHECK(Only(ExtractText("创新载体——中国共产党新闻网\n正文。\n")).title == "创新载体——中国共产党新闻网");
}

TEST_CASE("shape: short numbered lines inside the body stay headings", "[shapes]") {
  const Result r = ExtractText(
      "题目\n一、基本原则\n1.坚持党的领导\n2.坚持人民至上\n3.坚持理论创新\n二、主要任务\n正文。\n");
  CHECK(Outline(r) == "一、基本原则\n  1.坚持党的领导\n  2.坚持人民至上\n  3.坚持理论创新\n二、主要任务\n");
}

TEST_CASE("shape: numbered titles at the end of a page are a link list", "[shapes]") {
  const Result r = ExtractText(
      "题目\n一、总体要求\n正文在这里。\n1. 如何加强基层党建工作\n2. 基层党建工作总结\n3. 党建工作心得体会\n");
  CHECK(Outline(r) == "一、总体要求\n");
  CHECK(Removed(r, "党建工作心得体会"));
}

TEST_CASE("shape: journal portal labels in brackets: 【作者】 【机构】 【摘要】 【基金】", "[shapes]") {
  const Result r = ExtractText(
      "题目\n【作者】 王明; 李华;\n【机构】 北京大学马克思主义学院; 清华大学公共管理学院;\n"
      "【摘要】 提升组织力是重点。\n【关键词】 基层党组织; 组织力;\n【分类号】 D267\n"
      "【基金】 国家社会科学基金项目(19BDJ001)\n【被引频次】 3\n【下载频次】 120\n一、引言\n正文。\n");
  const Article a = Only(r);
  CHECK(a.authors == Strings{"王明", "李华"});
  CHECK(a.affiliations == Strings{"北京大学马克思主义学院", "清华大学公共管理学院"});
  CHECK(a.abstract == "提升组织力是重点。");
  CHECK(a.keywords == Strings{"基层党组织", "组织力"});
  REQUIRE(a.identifiers.size() == 2);
  CHECK(a.identifiers[1].label == "基金");
  CHECK(a.preamble.empty());
  CHECK(Removed(r, "【下载频次】 120"));
}

// --- Compilation headers, answer cards, site widgets -----------------------------------------

TEST_CASE("shape: compilation headers with the counter first: 篇一:…, 【篇二】, 第三篇:…",
          "[shapes]") {
  const Result r = ExtractText(
      "支部工作计划范文(精选3篇)\n时间:2023-01-05\n篇一:2023年党支部工作计划\n正文一。\n"
      "【篇二】\n党支部年度工作计划\n正文二。\n第三篇:支部工作计划\n正文三。\n");
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[0].title == "2023年党支部工作计划");
  CHECK(r.articles[1].title == "党支部年度工作计划");  // From the line under a bare header.
  CHECK(r.articles[2].title == "支部工作计划");
  REQUIRE(r.collection);
  CHECK(r.collection->title == "支部工作计划范文(精选3篇)");
  CHECK(r.collection->date == "2023-01-05");
  // Chinese counters after the title too.
  CHECK(ExtractText("心得体会 篇一\n正文一。\n心得体会 篇二\n正文二。\n").articles.size() == 2);
}

TEST_CASE("shape: under a link heading every title line is a link, dated or with digits",
          "[shapes]") {
  const Result r = ExtractText(
      "题目\n正文。\n【党员学习心得体会(通用5篇)】相关文章:\n1.党员学习心得体会2023\n"
      "其他类似问题\n2020-03-16 如何加强农村基层党组织建设 12\n更多类似问题 >\n"
      "相关文档\n机关党建工作调研报告范文\n");
  CHECK(Only(r).preamble == Strings{"正文。"});
  for (const char* link : {"心得体会2023", "2020-03-16 如何加强", "调研报告范文"}) {
    CHECK(Removed(r, link));
  }
}

TEST_CASE("shape: Q&A answerer cards and stamps are furniture", "[shapes]") {
  const Result r = ExtractText(
      "如何加强农村基层党组织建设?\n3个回答\n#热议# 哪些癌症可能会遗传?\n知道合伙人教育行家\n"
      "采纳数:2896 获赞数:12584\n向TA提问 私信TA\n关注\n展开全部\n第一,要抓好班子建设。\n"
      "本回答由提问者推荐\n已赞过\n2019-05-12 · TA获得超过1.2万个赞\n展开全部\n一是建强班子。\n");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].sections.at(0).heading == "要抓好班子建设");
  CHECK(r.articles[0].sections.at(0).paragraphs.empty());
  CHECK(r.articles[1].sections.at(0).paragraphs.empty());
  CHECK(Removed(r, "采纳数:2896"));
  CHECK(Removed(r, "TA获得超过"));
}

TEST_CASE("shape: document sites' file facts and reading prompts are furniture", "[shapes]") {
  const Result r = ExtractText(
      "述职报告.doc\n述职报告\n文档格式:.doc 文档页数:3页 文档大小:35.5KB 上传时间:2020-12-28\n"
      "述职报告\n王明\n一、履行职责情况\n正文。\n点击查看更多>>\n还剩1页未读,继续阅读\n");
  const Article a = Only(r);
  CHECK(a.title == "述职报告");
  CHECK(a.authors == Strings{"王明"});  // The repeated title and the facts no longer hide it.
  CHECK(Outline(r) == "一、履行职责情况\n");
  CHECK(a.sections[0].paragraphs == Strings{"正文。"});
}

TEST_CASE("shape: news pages' share buttons and editor credits are furniture", "[shapes]") {
  const Result r = ExtractText(
      "以党建引领基层治理\n2021年07月12日08:25  来源：人民网-理论频道\n分享到：\n李明\n正文。\n"
      "（责编：王瑶、王倩）\n");
  const Article a = Only(r);
  CHECK(a.authors == Strings{"李明"});
  CHECK(a.preamble == Strings{"正文。"});
  CHECK(Removed(r, "王瑶"));
}

TEST_CASE("shape: a list opened by a colon in a run-on answer starts at its first item",
          "[shapes]") {
  std::string body = "题目\n我认为要从以下几个方面着手:";
  for (const char* h : {"一、选好书记。", "二、建强队伍。", "三、健全制度。"}) {
    body += h + std::string("这一部分的内容相当长，用来说明具体的做法和要求，做到有的放矢，"
                            "让每一位党员都明白应该怎样去做。");
  }
  CHECK(Outline(ExtractText(body + "\n")) == "一、选好书记\n二、建强队伍\n三、健全制度\n");
  // A colon inside an ordinary paragraph opens no heading.
  CHECK(Outline(ExtractText("题目\n要做到:一是学习;二是实践。\n")).empty());
}

// --- More author shapes ----------------------------------------------------------------------

TEST_CASE("shape: author labels with | 丨 and 文/图; names with an affiliation in brackets",
          "[shapes]") {
  for (const char* line : {"文 | 张三", "文丨张三", "作者 | 张三", "文/图 张三", "◎张三"}) {
    INFO(line);
    CHECK(Only(ExtractText(std::string("题目\n") + line + "\n正文。\n")).authors ==
          Strings{"张三"});
  }
  const Article a = Only(ExtractText("题目\n作者:张三 李四(北京大学,北京 100871)\n正文。\n"));
  CHECK(a.authors == Strings{"张三", "李四"});
  CHECK(a.affiliations == Strings{"北京大学,北京 100871"});
}

TEST_CASE("shape: role words are no names: 本报记者, 通讯员", "[shapes]") {
  CHECK(Only(ExtractText("题目\n■ 本报记者 张三 李四\n正文。\n")).authors ==
        Strings{"张三", "李四"});
  CHECK(Only(ExtractText("题目\n记者 张三 通讯员 李四\n正文。\n")).authors ==
        Strings{"张三", "李四"});
}

TEST_CASE("shape: 作者简介 names the author", "[shapes]") {
  const Article a = Only(ExtractText(
      "题目\n正文。\n作者简介:王芳(1985-),女,山东济南人,中共济南市委党校讲师。\n"));
  CHECK(a.authors == Strings{"王芳"});
  CHECK(a.preamble == Strings{"正文。"});
}

TEST_CASE("shape: a short question is a title; a line of sentences is not", "[shapes]") {
  CHECK(Only(ExtractText("如何做好基层党建工作？\n正文。\n")).title == "如何做好基层党建工作？");
  CHECK(Only(ExtractText("你好!我是一名党员,今天谈谈体会?\n正文。\n")).title.empty());
}

TEST_CASE("shape: a salutation ending in ! is no title", "[shapes]") {
  CHECK(Only(ExtractText("各位代表！\n现在我代表国务院作报告。\n")).title.empty());
}

// --- Site headers: menus, field lines, library widgets ---------------------------------------

TEST_CASE("shape: a menu row of site sections is no title", "[shapes]") {
  const Result r = ExtractText(
      "首页 | 范文大全 | 工作总结 | 心得体会\n基层党建工作总结\n正文。\n");
  CHECK(Only(r).title == "基层党建工作总结");
  CHECK(Removed(r, "范文大全"));
}

TEST_CASE("shape: a header line of fields: date, source, author, counters", "[shapes]") {
  const Article a = Only(ExtractText(
      "题目\n发布时间:2022-12-20 文章来源:人民网 作者:王明 点击数:1532\n正文。\n"));
  CHECK(a.date == "2022-12-20");
  REQUIRE(a.source);
  CHECK(a.source->name == "人民网");
  CHECK(a.authors == Strings{"王明"});
  CHECK(a.preamble == Strings{"正文。"});
  // The site's own words are no source and no author.
  const Article b = Only(ExtractText(
      "题目\n时间:2023-01-05 作者:网友投稿 文章来源:本站原创\n正文。\n"));
  CHECK(b.date == "2023-01-05");
  CHECK_FALSE(b.source);
  CHECK(b.authors.empty());
  CHECK(b.preamble == Strings{"正文。"});
  // Fields between bars leave nothing behind.
  const Article c = Only(ExtractText("题目\n时间：2019-01-01 | 来源：求是网 | 作者：王五\n正文。\n"));
  CHECK(c.authors == Strings{"王五"});
  CHECK(c.date == "2019-01-01");
  CHECK(c.preamble == Strings{"正文。"});
}

TEST_CASE("shape: library-site widgets and counters; the title repeated below them", "[shapes]") {
  const Result r = ExtractText(
      "新时代党支部建设\n2019-06-12 党建园地 阅 1234 转 56\n转藏到我的图书馆\n微信分享:\n"
      "新时代党支部建设\n正文。\n来自:党建园地 > 《党建》\n类似文章 更多\n党支部标准化建设\n");
  const Article a = Only(r);
  CHECK(a.preamble == Strings{"2019-06-12 党建园地", "正文。"});
  CHECK(Removed(r, "阅 1234 转 56"));
  CHECK(Removed(r, "党支部标准化建设"));
}

TEST_CASE("shape: the next answerer's card is not part of an answer", "[shapes]") {
  const Result r = ExtractText(
      "问题?\n2个回答\n展开全部\n一是建强班子。\n王老师\n2019-05-12\n展开全部\n二是完善制度。\n");
  REQUIRE(r.articles.size() == 2);
  CHECK(r.articles[0].sections.at(0).paragraphs.empty());
  CHECK(Removed(r, "2019-05-12"));
  // The card's lines are listed in page order.
  std::vector<int> card_lines;
  for (const auto& x : r.removed) {
    if (x.rule == "answer_card") card_lines.push_back(x.line);
  }
  CHECK(card_lines == std::vector<int>{5, 6});
}

TEST_CASE("shape: a source named in a phrase: (原载《求是》2019年第3期), 本文选自《X》", "[shapes]") {
  const Article a = Only(ExtractText("题目\n正文。\n(原载《求是》2019年第3期)\n"));
  REQUIRE(a.source);
  CHECK(a.source->name == "求是");
  CHECK(a.source->issue == "2019年第3期");
  CHECK(a.preamble == Strings{"正文。"});
  const Article b = Only(ExtractText("题目\n本文选自《党建研究》\n正文。\n"));
  REQUIRE(b.source);
  CHECK(b.source->name == "党建研究");
}

TEST_CASE("shape: an affiliation in brackets under the authors, without numbers", "[shapes]") {
  const Article a = Only(ExtractText(
      "题目\n王丽娟,张国强\n(南京师范大学 马克思主义学院,江苏 南京 210023)\n正文。\n(此处为说明)\n"));
  CHECK(a.authors == Strings{"王丽娟", "张国强"});
  CHECK(a.affiliations == Strings{"南京师范大学 马克思主义学院,江苏 南京 210023"});
  CHECK(a.preamble == Strings{"正文。", "(此处为说明)"});  // A remark in brackets stays.
}

TEST_CASE("shape: a site name alone on the first line is no title; spaced 关 键 词", "[shapes]") {
  const Result r = ExtractText("中国论文网\n题目\n关 键 词:党建;组织力\n正文。\n");
  CHECK(Only(r).title == "题目");
  CHECK(Only(r).keywords == Strings{"党建", "组织力"});
  CHECK(Removed(r, "中国论文网"));
}

TEST_CASE("shape: answers opened by a vote line (56 人赞同了该回答)", "[shapes]") {
  const Result r = ExtractText(
      "如何理解党建引领?\n关注者\n128\n5 个回答\n张三\n政治学博士\n56 人赞同了该回答\n"
      "一、组织引领。把党组织建在网格上。\n编辑于 2021-09-03 10:15\n赞同 56\n7 条评论\n李四\n"
      "1.2 万人赞同了该回答\n首先是要建强班子。\n发布于 2022-01-10 08:30\n");
  REQUIRE(r.articles.size() == 2);
  REQUIRE(r.collection);
  CHECK(r.collection->declared_count == 5);
  CHECK(Outline(r) == "一、组织引领\n");
  CHECK(r.articles[1].preamble == Strings{"首先是要建强班子。"});
  CHECK(Removed(r, "政治学博士"));
}

TEST_CASE("shape: reference entries without a 参考文献 line leave the body", "[shapes]") {
  const Article a = Only(ExtractText(
      "题目\n一、引言\n正文引用了文献[1]。\n[1]王明.基层党建研究[J].党建研究,2019(3):12-15.\n"
      "[2]李华.组织力[M].北京:人民出版社,2018.\n"));
  CHECK(a.references.size() == 2);
  CHECK(a.sections.at(0).paragraphs == Strings{"正文引用了文献[1]。"});
}

TEST_CASE("shape: prompts of articles reposted from WeChat accounts are furniture", "[shapes]") {
  const Result r = ExtractText("题目\n点击上方蓝字关注我们\n正文。\n- END -\n往期推荐\n长按识别二维码关注\n");
  CHECK(Only(r).preamble == Strings{"正文。"});
  CHECK(Removed(r, "往期推荐"));
}

TEST_CASE("shape: a question or collection title ending in the site's name loses it", "[shapes]") {
  const Result qa = ExtractText(
      "如何做好基层党建工作_百度知道\n2个回答\n展开全部\n回答一。\n展开全部\n回答二。\n");
  REQUIRE(qa.collection);
  CHECK(qa.collection->title == "如何做好基层党建工作");
  CHECK(qa.articles.at(1).title == "如何做好基层党建工作");
  const Result essays = ExtractText(
      "党建论文范文(精选3篇) - 范文网\n党建论文 篇1\n正文。\n党建论文 篇2\n正文。\n");
  REQUIRE(essays.collection);
  CHECK(essays.collection->title == "党建论文范文(精选3篇)");
  CHECK(essays.collection->declared_count == 3);
}

TEST_CASE("shape: a compilation's table of contents is no article", "[shapes]") {
  const Result r = ExtractText(
      "心得体会(精选3篇)\n篇一:学习心得\n篇二:工作心得\n篇三:生活心得\n篇一:学习心得\n正文一。\n"
      "篇二:工作心得\n正文二。\n篇三:生活心得\n正文三。\n");
  REQUIRE(r.articles.size() == 3);
  CHECK(r.articles[2].title == "生活心得");
  CHECK(r.articles[2].preamble == Strings{"正文三。"});
  CHECK(Removed(r, "篇二:工作心得"));
}

TEST_CASE("shape: a title ending in 网 that names no site stays the title", "[shapes]") {
  CHECK(Only(ExtractText("筑牢疫情防控网\n正文。\n")).title == "筑牢疫情防控网");
}

TEST_CASE("shape: a link heading in mid-page takes no short title lines below it", "[shapes]") {
  const Result r = ExtractText("热门推荐\n基层党建工作总结\n王明\n正文。\n");
  CHECK(Only(r).title == "基层党建工作总结");
  CHECK(Only(r).authors == Strings{"王明"});
}

TEST_CASE("shape: a document's table of contents gives no headings", "[shapes]") {
  const Result r = ExtractText(
      "工作方案\n目录\n一、总体要求……………………1\n二、主要任务 .......... 3\n"
      "一、总体要求\n正文。\n二、主要任务\n正文。\n");
  CHECK(Outline(r) == "一、总体要求\n二、主要任务\n");
  CHECK(Only(r).preamble.empty());
  CHECK(Removed(r, "总体要求……"));
}

TEST_CASE("shape: counters in brackets or with a colon; counts behind other words", "[shapes]") {
  for (const char* page : {"工作总结(优秀7篇)\n工作总结(篇1)\n正文一。\n工作总结(篇2)\n正文二。\n",
                           "工作总结(热门9篇)\n工作总结 篇1:\n正文一。\n工作总结 篇2:\n正文二。\n"}) {
    INFO(page);
    const Result r = ExtractText(page);
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[1].title == "工作总结");
    REQUIRE(r.collection);
    CHECK(r.collection->declared_count > 0);
  }
}

TEST_CASE("shape: a speech's date in brackets and its speaker with an office", "[shapes]") {
  const Article a = Only(ExtractText(
      "在全市党建工作会议上的讲话\n市委书记 张三\n(2019年3月1日)\n同志们:\n今天召开会议。\n"));
  CHECK(a.authors == Strings{"张三"});
  CHECK(a.date == "2019-03-01");
  CHECK(a.preamble == Strings{"同志们:", "今天召开会议。"});
}

TEST_CASE("shape: a speech's subtitle with its date and occasion", "[shapes]") {
  const Article a = Only(ExtractText(
      "政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表:\n现在报告工作。\n"));
  CHECK(a.date == "2024-03-05");
  CHECK(a.preamble == Strings{"各位代表:", "现在报告工作。"});
}

TEST_CASE("shape: dates in Chinese numerals, on their own line or in a speech's subtitle",
          "[shapes]") {
  CHECK(Only(ExtractText("政府工作报告\n二〇二四年三月五日\n各位代表:\n现在报告工作。\n")).date ==
        "2024-03-05");
  CHECK(Only(ExtractText("关于宪法草案的报告\n(一九五四年九月十五日)\n各位代表:\n报告。\n")).date ==
        "1954-09-15");
  CHECK(Only(ExtractText("政府工作报告\n——二○二三年十二月二十一日在全市人民代表大会上\n各位代表:\n"
                         "报告。\n"))
            .date == "2023-12-21");
  // A year in a sentence of the body is no date of the article.
  const Article a = Only(ExtractText("标题\n正文。\n一九五三年全国企业的职工已经达到一千万人。\n"));
  CHECK(a.date.empty());
}

TEST_CASE("shape: a two-character name spaced out is one name", "[shapes]") {
  CHECK(Only(ExtractText("题目\n张　三\n正文。\n")).authors == Strings{"张三"});
  CHECK(Only(ExtractText("题目\n张三 李四\n正文。\n")).authors == Strings{"张三", "李四"});
}

TEST_CASE("shape: answers under labels (最佳答案, 其他回答); the question's detail above them",
          "[shapes]") {
  const Result r = ExtractText(
      "党支部书记如何抓好党建工作? - 百度知道\n我是新上任的支部书记,请问怎样才能抓好党建工作?\n最佳答案\n"
      "1、抓好班子建设。选好配强支部班子。\n本回答由网友推荐\n其他回答\n首先要加强学习。\n");
  REQUIRE(r.articles.size() == 2);
  REQUIRE(r.collection);
  CHECK(r.collection->title == "党支部书记如何抓好党建工作?");
  CHECK(Outline(r) == "1、抓好班子建设\n");
  CHECK(r.articles[1].preamble == Strings{"首先要加强学习。"});
  CHECK(Removed(r, "我是新上任的支部书记"));
}
