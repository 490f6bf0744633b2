// The mechanisms for pages of sites no rule was written for (issue "pages from sites the rules
// have never seen"): furniture by shape (filter_boilerplate.cc ShapeScore / FurnitureByShape),
// titles by structure (extract_metadata.cc ChooseTitle), the header block around the title,
// title clean-up, more heading conventions and compilation shapes. Small pages written for
// these tests; every case names the mechanism it checks.
#include <catch2/catch.hpp>

#include "extract_metadata.h"
#include "filter_boilerplate.h"
#include "test_helpers.h"

using gangmu::ChooseTitle;
using gangmu::FurnitureByShape;
using gangmu::Line;
using gangmu::Result;
using gangmu::ShapeScore;
using gangmu::testing::ExtractText;
using gangmu::testing::MakeLine;
using gangmu::testing::MakeLines;
using gangmu::testing::Outline;
using gangmu::testing::Rules;

namespace {

using Strings = std::vector<std::string>;

const gangmu::Article& Only(const Result& r) {
  REQUIRE(r.articles.size() == 1);
  return r.articles[0];
}

// The rule that removed the line holding exactly `text`, or "".
std::string RemovedBy(const Result& r, const std::string& text) {
  for (const auto& x : r.removed) {
    if (x.text == text) return x.rule;
  }
  return "";
}

double Score(const std::string& text, std::string* why = nullptr) {
  return ShapeScore(MakeLine(text).view, Rules().furniture.shape, why);
}

const char* kBody = "我们要认真学习会议精神,把各项工作落到实处,推动事业不断向前发展。";

}  // namespace

TEST_CASE("shape: lexicons and features score lines", "[unseen]") {
  const auto& shape = Rules().furniture.shape;
  std::string why;
  // A menu word alone: its lexicon and full coverage.
  CHECK(Score("首页", &why) >= shape.furniture_at);
  CHECK(why == "navigation");
  CHECK(Score("购物车") >= shape.furniture_at);
  // A row of short items is a menu.
  CHECK(Score("关于我们 联系方式 网站地图 招聘信息", &why) >= shape.furniture_at);
  // Copyright and ICP lines.
  CHECK(Score("Copyright © 2020 某某网 All rights reserved", &why) >= shape.strong_at);
  CHECK(why == "legal");
  // Anti-scraping garbage: ASCII symbols, no Han.
  CHECK(Score("% _* ^( K+ }- ^& A5 ~", &why) >= shape.furniture_at);
  CHECK(why == "symbols");
  // A navigation trail.
  CHECK(Score("某某书屋 > 某某书名 > 第三章 >", &why) >= shape.furniture_at);
  // Body text scores low: sentence ends, function words, length.
  CHECK(Score(kBody) <= shape.body_at);
  // A title scores neither way.
  CHECK(Score("关于加强基层党组织建设的实施意见") < shape.furniture_at);
  CHECK(Score("关于加强基层党组织建设的实施意见") > shape.body_at);
  // A site name alone that is a title's word stays a title.
  CHECK(Score("筑牢疫情防控网") < shape.furniture_at);
}

TEST_CASE("shape: the place on the page decides", "[unseen]") {
  const auto& shape = Rules().furniture.shape;
  // Top zone (before the first body paragraph) and bottom zone (after the last): a
  // furniture-like line goes. Between body paragraphs a line of the same score stays.
  const std::vector<Line> lines =
      MakeLines({"购物车", "标题", kBody, "登录", kBody, "返回顶部"});
  const std::vector<bool> keep(lines.size(), false);
  const Strings verdict = FurnitureByShape(lines, shape, keep);
  CHECK(verdict == Strings{"shape:account", "", "", "", "", "shape:navigation"});
  // A line scoring strong_at goes anywhere.
  const std::vector<Line> middle =
      MakeLines({"标题", kBody, "Copyright © 2020 某某网 All rights reserved 京ICP备12345678号", kBody});
  CHECK(FurnitureByShape(middle, shape, std::vector<bool>(4, false))[2].rfind("shape:", 0) == 0);
  // A protected line (metadata) is never removed by shape.
  std::vector<bool> protect(lines.size(), false);
  protect[0] = true;
  CHECK(FurnitureByShape(lines, shape, protect)[0].empty());
}

TEST_CASE("furniture: placeholder fields, permalinks, issue counters", "[unseen]") {
  const Result r = ExtractText(std::string("标题在此\n") + kBody +
                               "\n备注: -\n附件:无\n原文链接: https://example.com/a?id=1\n本文地址:\n(第12期)\n"
                               "总第305期\n" + kBody + "\n");
  CHECK(RemovedBy(r, "备注: -") == "placeholder_field");
  CHECK(RemovedBy(r, "附件:无") == "placeholder_field");
  CHECK(RemovedBy(r, "原文链接: https://example.com/a?id=1") == "permalink");
  CHECK(RemovedBy(r, "本文地址:") == "permalink");
  CHECK(RemovedBy(r, "(第12期)") == "issue_counter");
  CHECK(RemovedBy(r, "总第305期") == "issue_counter");
  // A sentence that holds such words is body.
  const Result body = ExtractText(std::string("标题在此\n") + kBody + "\n本刊第12期将刊登调查报告。\n附件:无需提交。\n");
  CHECK(body.removed.empty());
}

TEST_CASE("furniture: a site's credits and a related-links block at the page's end", "[unseen]") {
  const Result r = ExtractText(std::string("标题在此\n") + kBody +
                               "\n相关链接:\n关于印发某某办法的通知\n关于开展某某活动的通知\n");
  CHECK(RemovedBy(r, "相关链接:") == "related_links");
  CHECK(RemovedBy(r, "关于开展某某活动的通知") == "link_list");
  const Result credits =
      ExtractText(std::string("标题在此\n") + kBody + "\n主办单位:某某市委宣传部 技术支持:某某科技有限公司\n");
  CHECK(RemovedBy(credits, "主办单位:某某市委宣传部 技术支持:某某科技有限公司") == "shape:service");
  // An event notice's organisers are its body.
  const Result notice = ExtractText(std::string("标题在此\n") + kBody + "\n主办单位:市委宣传部\n承办单位:市图书馆\n");
  CHECK(notice.removed.empty());
}

TEST_CASE("header: an official document's fields", "[unseen]") {
  const Result r = ExtractText(std::string("索引号:000012345/2021-00001\n成文日期:2021年10月28日\n") +
                               "标题:某某办公厅关于做好某项工作的通知\n发文字号:某办发〔2021〕1号\n"
                               "某某办公厅关于做好某项工作的通知\n" + kBody + "\n");
  const auto a = Only(r);
  CHECK(a.title == "某某办公厅关于做好某项工作的通知");
  CHECK(a.date == "2021-10-28");
  REQUIRE(a.identifiers.size() == 2);
  CHECK(a.identifiers[0].label == "索引号");
  CHECK(a.identifiers[1].label == "发文字号");
  CHECK(a.identifiers[1].value == "某办发〔2021〕1号");
  // The font-size widget's word inside 发文字号 is no widget: nothing is cut from the line.
  const Result body = ExtractText(std::string("标题在此\n") + kBody + "\n发文字号见附件说明。\n");
  CHECK(body.removed.empty());
  CHECK(Only(body).preamble.back() == "发文字号见附件说明。");
  const Result widget = ExtractText(std::string("标题在此\n字号:大 中 小\n") + kBody + "\n");
  CHECK(RemovedBy(widget, "字号:大 中 小") == "page_stats");
}

TEST_CASE("reposts from WeChat accounts: the byline and the page's chrome", "[unseen]") {
  const Result r = ExtractText(std::string("某某工作的几点体会\n原创 王明 某某发布 2022-12-20 08:00 发表于北京\n") +
                               "收录于合集 #理论学习 12个\n" + kBody +
                               "\n编辑:李华 审核:赵强\n继续滑动看下一个\n轻触阅读原文\n");
  const auto a = Only(r);
  CHECK(a.authors == Strings{"王明"});
  REQUIRE(a.source);
  CHECK(a.source->name == "某某发布");  // The account, as the annotation conventions take it.
  CHECK(a.date == "2022-12-20");
  CHECK(RemovedBy(r, "收录于合集 #理论学习 12个") == "wechat_widget");
  CHECK(RemovedBy(r, "编辑:李华 审核:赵强") == "news_widget");
  CHECK(RemovedBy(r, "继续滑动看下一个") == "wechat_widget");
  CHECK(RemovedBy(r, "轻触阅读原文") == "wechat_widget");
}

TEST_CASE("blog posts: the byline, counters and the platform's widgets", "[unseen]") {
  const Result r = ExtractText(std::string("数据分析入门笔记\n最新推荐文章于 2023-01-05 10:00:00 发布\n") +
                               "张三 于 2021-03-05 10:00:00 发布\n阅读量1,234 收藏 12 点赞数 3\n"
                               "版权声明:本文为博主原创文章,转载请附上原文出处链接和本声明。\n" + kBody + "\n");
  const auto a = Only(r);
  CHECK(a.authors == Strings{"张三"});
  CHECK(a.date == "2021-03-05");  // The post's, not the recommendation widget's.
  CHECK(RemovedBy(r, "最新推荐文章于 2023-01-05 10:00:00 发布") == "blog_widget");
  CHECK(RemovedBy(r, "版权声明:本文为博主原创文章,转载请附上原文出处链接和本声明。") == "blog_widget");
  CHECK(a.preamble == Strings{kBody});  // No counter's digits are left behind.
  // A user name is no author; the time is still the date.
  const auto b = Only(ExtractText(std::string("数据分析入门笔记\nuser_123 于 2021-03-05 10:00:00 发布\n") + kBody + "\n"));
  CHECK(b.authors.empty());
  CHECK(b.date == "2021-03-05");
}

TEST_CASE("journal papers: English keywords, and fields after the references", "[unseen]") {
  const Result r = ExtractText(std::string("一篇论文的标题\n关键词:大数据;教育\nKey words: big data; ideological education\n") +
                               kBody + "\n参考文献:\n[1]王明.论文题目[J].某某学报,2019(3):12-15.\n"
                               "收稿日期:2021-03-01\n作者简介:李明(1985-),男,讲师。\n");
  const auto a = Only(r);
  // Where a list marks its separators, a space is inside a keyword.
  CHECK(a.keywords == Strings{"大数据", "教育", "big data", "ideological education"});
  // The reference list ends where a labelled field opens a line.
  CHECK(a.references == Strings{"[1]王明.论文题目[J].某某学报,2019(3):12-15."});
  REQUIRE_FALSE(a.identifiers.empty());
  CHECK(a.identifiers.back().label == "收稿日期");
  // Space-separated keywords still split at the spaces.
  const auto b = Only(ExtractText(std::string("一篇论文的标题\n关键词:大数据 思想政治教育 创新\n") + kBody + "\n"));
  CHECK(b.keywords == Strings{"大数据", "思想政治教育", "创新"});
}

TEST_CASE("shape: header widgets go, the header's fields stay", "[unseen]") {
  const Result r = ExtractText(
      "首页\n关于开展安全检查的通知\n发布日期:2023-05-06 信息来源:市应急管理局 浏览次数: 字号:[ 大 中 小 ]\n" +
      std::string(kBody) + "\n");
  const auto& a = Only(r);
  CHECK(a.title == "关于开展安全检查的通知");
  CHECK(a.date == "2023-05-06");
  REQUIRE(a.source);
  CHECK(a.source->name == "市应急管理局");
  CHECK(RemovedBy(r, "首页") == "shape:navigation");
}

TEST_CASE("title: chosen among the header zone's lines", "[unseen]") {
  SECTION("menus and prompts above the title go, as above_title or by shape") {
    const Result r = ExtractText("购物车\n我的足迹\n如何写好一份工作总结?\n加入VIP免费下载 立即下载\n" +
                                 std::string(kBody) + "\n");
    CHECK(Only(r).title == "如何写好一份工作总结?");
    CHECK_FALSE(RemovedBy(r, "我的足迹").empty());
    CHECK_FALSE(RemovedBy(r, "加入VIP免费下载 立即下载").empty());
  }
  SECTION("a page that opens with its body has no title") {
    CHECK(Only(ExtractText(std::string(kBody) + "\n短句。\n")).title.empty());
  }
  SECTION("a cover title split one word a line: the whole title over the body wins") {
    const Result r = ExtractText("2024\n乡村\n振兴\n调研\n报告\n乡村振兴工作调研报告\n" + std::string(kBody) + "\n");
    const auto& a = Only(r);
    CHECK(a.title == "乡村振兴工作调研报告");
    CHECK(a.authors.empty());
  }
  SECTION("a category label above the title is the page's") {
    const Result r = ExtractText("工作总结\n学校后勤部门年度工作总结\n作者:王明\n" + std::string(kBody) + "\n");
    const auto& a = Only(r);
    CHECK(a.title == "学校后勤部门年度工作总结");
    CHECK(a.authors == Strings{"王明"});
    CHECK(RemovedBy(r, "工作总结") == "above_title");
  }
  SECTION("a notice over the title does not hide it") {
    const Result r = ExtractText("本文系网友投稿,仅供学习参考,请勿照搬照抄!\n社区志愿服务活动方案\n" +
                                 std::string(kBody) + "\n");
    CHECK(Only(r).title == "社区志愿服务活动方案");
  }
  SECTION("ChooseTitle: metadata under a line makes it the title") {
    const auto lines = MakeLines({"某某论坛", "基层治理的几点思考", "作者:李华", kBody});
    const auto choice = ChooseTitle(lines, Rules().metadata, &Rules().furniture.shape);
    CHECK(choice.index == 1);
    CHECK(choice.body == 3);
  }
  SECTION("a repost: the document's title with its authors a few lines down") {
    const Result r = ExtractText(std::string("某某公众号:转载一篇好文章\n") + kBody + "\n" + kBody +
                                 "\n基于项目学习的课堂教学设计\n王明 李华\n" + kBody + "\n");
    const auto& a = Only(r);
    CHECK(a.title == "基于项目学习的课堂教学设计");
    CHECK(a.authors == Strings{"王明", "李华"});
  }
  SECTION("a line below the abstract is a section's, not the title") {
    CHECK(Only(ExtractText("【摘要】本文讨论城市治理。\n【关键词】城市;治理\n研究背景\n" + std::string(kBody) + "\n"))
              .title.empty());
  }
}

TEST_CASE("title: a labelled title anchors the header", "[unseen]") {
  // A forum's repost: what stands above the 标题: field is the forum's; the article's own
  // title line under the field, with its authors, is the cleaner title.
  const Result r = ExtractText(
      "某某论坛\n税务交流区\n标题: 专栏:乡村振兴的路径研究!\n发布时间: 2022-04-28 06:15\n"
      "乡村振兴的路径研究\n张明 李华\n" + std::string(kBody) + "\n");
  CHECK(Only(r).title == "乡村振兴的路径研究");
  CHECK(Only(r).authors == Strings{"张明", "李华"});
  CHECK(Only(r).date == "2022-04-28");
  CHECK(RemovedBy(r, "税务交流区") == "above_title");
  // Without such a line the field's title stands, and still anchors the header.
  const Result plain = ExtractText("某某论坛\n税务交流区\n标题: 乡村振兴的路径研究\n" + std::string(kBody) + "\n");
  CHECK(Only(plain).title == "乡村振兴的路径研究");
  CHECK(RemovedBy(plain, "税务交流区") == "above_title");
}

TEST_CASE("title: a repost's headline over the document's own title and authors", "[unseen]") {
  // The account's headline puts a tag before the title and an intro under it; the document's
  // own title (with a footnote mark) has its authors under it.
  const Result r = ExtractText(
      "某某大学教授张明:基于数学史的课例分析研究\n本号宗旨:为数学教师提供交流的平台,欢迎关注。\n"
      "张明简介\n张明,博士,某某大学教授,主要从事数学史研究。\n基于数学史的课例分析研究*\n张明 李华\n" +
      std::string(kBody) + "\n");
  CHECK(Only(r).title == "基于数学史的课例分析研究");
  CHECK(Only(r).authors == Strings{"张明", "李华"});
  CHECK(RemovedBy(r, "张明简介") == "above_title");
}

TEST_CASE("title: a header under a slogan, a clock and a menu", "[unseen]") {
  // The slogan's sentence would end the header zone; a title with a date line under it,
  // below short lines only, is found further down.
  const Result r = ExtractText(
      "时代在变,真知不变。\n首页\n财经\n观察\n公告\n【港口码头完成年度改造工程】\n"
      "时间:2025-12-06 15:36:47\n" + std::string(kBody) + "\n");
  CHECK(Only(r).title == "港口码头完成年度改造工程");
  CHECK(Only(r).date == "2025-12-06");
  CHECK(RemovedBy(r, "财经") == "above_title");
  // Paragraphs above (a notice wrapped at short lines) are no page furniture: the signature
  // and date at the end are no header.
  const Result notice = ExtractText(
      "各部门:\n为做好检查工作,现将有关事项\n通知如下,请认真落实。\n特此通知,望周知。\n"
      "办公室\n2011年5月24日\n");
  CHECK(Only(notice).title.empty());
  CHECK(Only(notice).date == "2011-05-24");
}

TEST_CASE("title: clean-up by rule", "[unseen]") {
  const auto title = [](const std::string& page) { return Only(ExtractText(page + "\n" + kBody + "\n")).title; };
  CHECK(title("七一党课讲稿9500字") == "七一党课讲稿");
  // A page title's portal or platform name goes (a kind of name, not one site's).
  CHECK(title("某地出台新规_新浪新闻") == "某地出台新规");
  CHECK(title("如何写好工作总结 - 知乎") == "如何写好工作总结");
  CHECK(title("学习笔记_CSDN博客") == "学习笔记");
  CHECK(title("国务院令 | 第708号") == "国务院令 | 第708号");
  // Document sites' tags: stacked tails go one after another, a quality tag before the title
  // goes; a document's own edition stays.
  CHECK(title("【精品】年度个人工作总结范文(通用5篇)") == "年度个人工作总结");
  CHECK(title("社区工作总结(完整版)") == "社区工作总结");
  CHECK(title("社区工作总结【推荐】") == "社区工作总结");
  CHECK(title("社区工作总结(共5页)") == "社区工作总结");
  CHECK(title("学生会工作制度(征求意见稿)") == "学生会工作制度(征求意见稿)");
  CHECK(title("年度工作计划范文一") == "年度工作计划");
  CHECK(title("员工考核方案1") == "员工考核方案");
  CHECK(title("焦点热议:乡村道路修到家门口") == "乡村道路修到家门口");
  CHECK(title("《新时代调查研究方法》") == "新时代调查研究方法");
  CHECK(title("【港口码头完成年度改造工程】") == "港口码头完成年度改造工程");
  CHECK(title("【快讯】港口码头完成改造") == "【快讯】港口码头完成改造");
  // A bracketed tail that restates the title goes; one that adds to it stays.
  CHECK(title("如何办理党员组织关系转接(党员组织关系转接的办理)") == "如何办理党员组织关系转接");
  CHECK(title("安全生产管理条例(2020年修订)") == "安全生产管理条例(2020年修订)");
  CHECK(title("学生会工作制度(征求意见稿)") == "学生会工作制度(征求意见稿)");
  // A publication's column tag names the source.
  const Result r = ExtractText(std::string("某某网评:让数据多跑路\n") + kBody + "\n");
  CHECK(Only(r).title == "让数据多跑路");
  REQUIRE(Only(r).source);
  CHECK(Only(r).source->name == "某某网");
  // An author after a 《…》 title goes; a dash and words after a plain title stay.
  CHECK(title("《法学研究方法》—— 王明") == "法学研究方法");
  CHECK(title("深化改革——新思路") == "深化改革——新思路");
  // Two lines, the second ending in a genre word.
  CHECK(title("市人民政府关于进一步优化营商环境\n加快经济发展的实施意见") ==
        "市人民政府关于进一步优化营商环境加快经济发展的实施意见");
  // A subtitle line joins the title.
  CHECK(title("平凡中的坚守\n——记一位乡村教师") == "平凡中的坚守——记一位乡村教师");
  // The document's own title glued to its first sentence, under a page title with a category
  // before it: the title is the document's.
  const Result own = ExtractText("学校七一党课:初心易得始终难守\n七一党课:初心易得始终难守按照统一要求,我来讲一堂党课。\n");
  CHECK(Only(own).title == "七一党课:初心易得始终难守");
  CHECK(title("学校工作总结") == "学校工作总结");
  // A title glued to the speech under it.
  const Result glued = ExtractText("县长在全县工作会议上的讲话同志们:今天我们召开全县工作会议。\n" + std::string(kBody) + "\n");
  CHECK(Only(glued).title == "县长在全县工作会议上的讲话");
  CHECK(Only(glued).preamble.at(0) == "同志们:今天我们召开全县工作会议。");
}

TEST_CASE("header: the shapes of bylines, dates and sources", "[unseen]") {
  SECTION("a source named in a phrase or a ready-made citation") {
    const auto a = Only(ExtractText("标题在此\n本文刊于核心期刊《数学通报》2020.3(7-12)\n" + std::string(kBody) + "\n"));
    REQUIRE(a.source);
    CHECK(a.source->name == "数学通报");
    const auto b = Only(ExtractText("标题在此\n王明, 李华. 标题在此[J]. 岩土工程学报, 2021, 43(S1): 209-213.\n" +
                                    std::string(kBody) + "\n"));
    REQUIRE(b.source);
    CHECK(b.source->name == "岩土工程学报");
  }
  const auto meta = [](const std::string& header) {
    return Only(ExtractText("一篇文章的标题\n" + header + "\n" + kBody + "\n"));
  };
  SECTION("fields of one line: each label ends the field before it") {
    // An editor's credit after the author is no part of the author.
    const auto a = meta("发布时间:2021年10月28日 来源:某某网 作者:张三 责任编辑:李四");
    CHECK(a.authors == Strings{"张三"});
    REQUIRE(a.source);
    CHECK(a.source->name == "某某网");
    CHECK(a.date == "2021-10-28");
    // Fields parted by bars, a bare date among them, on either side.
    for (const std::string line : {"作者:张三 | 来源:某某报 | 2021-10-28",
                                   "2021-10-28 | 来源:某某报 | 作者:张三"}) {
      INFO(line);
      const auto b = meta(line);
      CHECK(b.authors == Strings{"张三"});
      REQUIRE(b.source);
      CHECK(b.source->name == "某某报");
      CHECK(b.date == "2021-10-28");
    }
    CHECK(meta("作者:张三|李四").authors == Strings{"张三", "李四"});
    // Dates with a weekday or a clock in other notations.
    CHECK(meta("2022年5月10日 星期二").date == "2022-05-10");
    CHECK(meta("发布时间:2022年05月10日 10时20分").preamble.size() == 1);  // No 10时20分 left over.
    CHECK(meta("发布时间:2022-05-10T10:20:00+08:00").date == "2022-05-10");
    // A site's clock of today above the title gives way to the article's labelled date.
    const auto clock = Only(ExtractText(std::string("2026年02月14日 星期六\n一篇文章的标题\n发布时间:2025-12-06\n") + kBody + "\n"));
    CHECK(clock.date == "2025-12-06");
    // A news lead that opens with its byline: the names are the authors, the lead stays.
    const auto lead = Only(ExtractText(std::string("一篇文章的标题\n") +
                                       "本报讯(记者 王明 通讯员 李华)5月9日,某区开展安全检查,排查隐患。\n" + kBody + "\n"));
    CHECK(lead.authors == Strings{"王明", "李华"});
    CHECK(lead.preamble.at(0) == "本报讯(记者 王明 通讯员 李华)5月9日,某区开展安全检查,排查隐患。");
    // A reporter's byline with the place reported from, traditional or simplified.
    const auto d = meta("記者王小明/台北報導");
    CHECK(d.title == "一篇文章的标题");
    CHECK(d.authors == Strings{"王小明"});
    CHECK(meta("记者 王明 北京报道").authors == Strings{"王明"});
    // Press roles inside an author field: the names after them are the authors.
    const auto c = meta("2021-10-28 09:30 来源:某某日报 作者:记者 王明 通讯员 李华");
    CHECK(c.authors == Strings{"王明", "李华"});
    CHECK(c.date == "2021-10-28");
  }
  SECTION("an organisation and a name") {
    const auto a = meta("某某县某某乡人民政府 张明");
    CHECK(a.authors == Strings{"张明"});
    CHECK(a.affiliations == Strings{"某某县某某乡人民政府"});
    const auto glued = meta("市住房公积金中心高峰");
    CHECK(glued.authors == Strings{"高峰"});
  }
  SECTION("reporters with 报道 and a mark") {
    CHECK(meta("□记者 王红 报道").authors == Strings{"王红"});
    CHECK(meta("融媒体记者:刘洋").authors == Strings{"刘洋"});
  }
  SECTION("names with padding spaces and affiliation numbers") {
    CHECK(meta("李小明1,宋 娟2,王 刚1*").authors == Strings{"李小明", "宋娟", "王刚"});
  }
  SECTION("words that are no names: the surname lexicon") {
    const auto a = meta("工作计划");
    CHECK(a.authors.empty());
  }
  SECTION("dates: a timestamp among fields, a dotted date, not a manuscript date") {
    CHECK(meta("作者:赵亮 2021-03-04 10:47:46 来源:某某报").date == "2021-03-04");
    CHECK(meta("04.03.2021 10:15").date == "2021-03-04");
    CHECK(meta("中图分类号:G623 收稿日期:2018-09-28").date.empty());
    CHECK(meta("小明网 发布于:2016-11-23 分类:论文").date == "2016-11-23");
  }
  SECTION("a labelled date beats a bare timestamp") {
    CHECK(meta("2022-4-29 14:45:10 | 显示全部楼层\n发布时间: 2022-04-28 06:15").date == "2022-04-28");
  }
  SECTION("a widget row ending in several colons does not end the header") {
    const Result r = ExtractText("详情显示:::\n论文名称:城市社区治理研究\n" + std::string(kBody) + "\n");
    CHECK(Only(r).title == "城市社区治理研究");
  }
  SECTION("a labelled title and a title with its author") {
    const Result r = ExtractText("论文名称:网络学习环境下的概念构图研究\n" + std::string(kBody) + "\n");
    CHECK(Only(r).title == "网络学习环境下的概念构图研究");
  }
  SECTION("what field rules leave of a header line goes when short") {
    const Result r = ExtractText("年度工作计划\n时间:2021-10-28 12:15:31 工作计划\n" + std::string(kBody) + "\n");
    CHECK(Only(r).date == "2021-10-28");
    CHECK(RemovedBy(r, "工作计划") == "field_rest");
  }
  SECTION("a notice's date above its signature, a byline at the end") {
    const auto a = Only(ExtractText("通 知\n各部门:\n" + std::string(kBody) + "\n特此通知\n办公室\n2011年5月24日\n"));
    CHECK(a.title == "通 知");
    CHECK(a.date == "2011-05-24");
    CHECK(a.authors.empty());
    CHECK(Only(ExtractText("标题\n" + std::string(kBody) + "\n融媒体记者:陈明\n")).authors == Strings{"陈明"});
  }
}

TEST_CASE("headings: more conventions", "[unseen]") {
  CHECK(Outline(ExtractText("管理制度\n第一章 总则\n第一条 目的\n为规范管理,制定本制度。\n第二条 适用范围\n"
                            "本制度适用于全体员工。\n第二章 职责\n第三条 部门职责\n(一)负责日常管理。\n")) ==
        "1 第一章 总则\n2 第一条 目的\n2 第二条 适用范围\n1 第二章 职责\n2 第三条 部门职责\n3 (一) 负责日常管理\n");
  CHECK(Outline(ExtractText("标题\n甲、准备阶段\n正文。\n乙、实施阶段\n正文。\n")) ==
        "1 甲、 准备阶段\n1 乙、 实施阶段\n");
  CHECK(Outline(ExtractText("标题\n一、总体情况\n(一)、组织领导\n正文。\n(二)、工作措施\n")) ==
        "1 一、 总体情况\n2 (一)、 组织领导\n2 (二)、 工作措施\n");
  // A number alone on its line takes the label under it.
  CHECK(Outline(ExtractText("标题\n1\n引言\n正文在这里。\n2\n方法\n正文。\n")) == "1 1 引言\n1 2 方法\n");
  // A bare (一) over a paragraph is a heading without words.
  CHECK(Outline(ExtractText("标题\n(一)\n1978年,他调到北京工作。\n(二)\n后来他又回到家乡。\n")) ==
        "1 (一) \n1 (二) \n");
}

TEST_CASE("headings: runs of 第一, that lost their line breaks", "[unseen]") {
  const std::string runon =
      "如何写好讲话稿? 第一,学会调查研究 起草讲话稿首先要调查研究,掌握的情况越多越好。"
      "这一点非常重要,需要长期坚持下去,不能有任何懈怠,要深入基层了解情况,多听取群众的意见和建议,"
      "把第一手材料掌握在手里,这样写出来的讲话稿才有说服力。 第二,吃透上级精神 "
      "讲话稿要体现上级的要求,把上级精神和本地实际结合起来,写出有针对性的内容。";
  // A space where a line break was ends the heading's words.
  CHECK(Outline(ExtractText("标题\n" + runon + "\n")) == "1 第一, 学会调查研究\n1 第二, 吃透上级精神\n");
  // Under a heading the same run enumerates inside a paragraph.
  CHECK(Outline(ExtractText("标题\n一、总体要求\n" + runon + "\n")) == "1 一、 总体要求\n");
}

TEST_CASE("compilations: counted titles and counters", "[unseen]") {
  SECTION("title and number under a counted title") {
    const Result r = ExtractText("车间安全管理制度(精选3篇)\n车间安全管理制度 1\n" + std::string(kBody) +
                                 "\n车间安全管理制度 2\n" + kBody + "\n");
    REQUIRE(r.articles.size() == 2);
    CHECK(r.articles[0].title == "车间安全管理制度");
    REQUIRE(r.collection);
    CHECK(r.collection->title == "车间安全管理制度(精选3篇)");
    CHECK(r.collection->declared_count == 3);
  }
  SECTION("an included document's own counter stays in its article") {
    const Result r = ExtractText("篇一:问题原因剖析\n存在的问题3篇\n存在的问题3篇一:\n" + std::string(kBody) + "\n");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].title == "问题原因剖析");
    REQUIRE(r.collection);
    CHECK(r.collection->title.empty());
  }
  SECTION("范文N headers, and the page title as the collection's") {
    const Result r = ExtractText("2024年党员发言稿\n发言稿范文一\n" + std::string(kBody) + "\n发言稿范文二\n" + kBody + "\n");
    REQUIRE(r.articles.size() == 2);
    REQUIRE(r.collection);
    CHECK(r.collection->title == "2024年党员发言稿");
  }
}
