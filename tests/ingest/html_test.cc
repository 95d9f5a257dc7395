// HTML articles: title, paragraphs and date from a news page; chrome dropped.
#include "ingest/html.h"
#include "ingest/source.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <string>

using fahras::ingest::parse_html;

TEST_CASE("an HTML news page gives its headline, its paragraphs and its date, not its chrome", "[ingest][html]") {
  struct Case {
    const char* name;
    const char* html;
    const char* title;
    const char* text;
    const char* date;
  };
  const Case cases[] = {
      {"article page",
       R"(<!doctype html><html><head><title>خبر - موقع</title>
          <meta property="article:published_time" content="2024-09-03T10:00:00Z">
          <script>var x = "لا تفهرس";</script><style>p{}</style></head>
          <body><nav><a href="/">الرئيسية</a></nav>
          <h1>البنتاجون: خطر التنظيم تراجع</h1>
          <p>قال قائد  <b>سينتكوم</b> إن هناك أكثر من 9000 معتقل.</p>
          <p>وأضاف أن   الجهود
             مستمرة.</p>
          <footer>جميع الحقوق محفوظة</footer></body></html>)",
       "البنتاجون: خطر التنظيم تراجع", "قال قائد سينتكوم إن هناك أكثر من 9000 معتقل.\n\nوأضاف أن الجهود مستمرة.",
       "2024-09-03T10:00:00Z"},
      {"no h1: the <title>; a <time>; list items and a subheading",
       R"(<html><head><title>عنوان الصفحة</title></head><body>
          <time datetime="2015-07-21">21 يوليو</time>
          <h2>أرقام</h2><ul><li>153 هجوما</li><li><p>196 عملية</p></li></ul></body></html>)",
       "عنوان الصفحة", "أرقام\n\n153 هجوما\n\n196 عملية", "2015-07-21"},
      {"no paragraphs: the visible text of the body",
       "<html><body><div>نص <span>بلا</span> فقرات</div><script>ignored()</script></body></html>", "",
       "نص بلا فقرات", ""},
      {"broken markup is repaired, not fatal", "<p>فقرة أولى<p>فقرة ثانية <b>غير مغلقة", "",
       "فقرة أولى\n\nفقرة ثانية غير مغلقة", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const fahras::ingest::HtmlArticle a = parse_html(c.html);
    CHECK(a.title == c.title);
    CHECK(a.text == c.text);
    CHECK(a.date == c.date);
  }
}

TEST_CASE("HTML files are read by DocumentSource: an empty page is reported, the rest indexed", "[ingest][html]") {
  fahras::test::TempDir dir;
  dir.write("a/page.html", "<html><head><title>عنوان</title></head><body><p>نص الخبر هنا</p></body></html>");
  dir.write("b.htm", "<html><body><nav>قائمة</nav></body></html>");
  std::vector<std::string> skipped;
  fahras::ingest::Diagnostics diag([&](fahras::ingest::Outcome o, std::string_view where, std::string_view) {
    if (o == fahras::ingest::Outcome::Skipped) skipped.emplace_back(where);
  });
  fahras::ingest::DocumentSource source({dir.path()}, {}, diag);
  fahras::schema::Article a;
  REQUIRE(source.next(a));
  CHECK(a.id == "a/page.html");
  CHECK(a.title == "عنوان");
  CHECK(a.text == "نص الخبر هنا");
  CHECK_FALSE(source.next(a));
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0].find("b.htm") != std::string::npos);
}
