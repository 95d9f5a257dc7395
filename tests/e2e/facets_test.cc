// Filters and facets through fahras-search: year/month/source/date range, inline
// and as options, facet counts over every matching passage, an empty query that
// lists and counts what the filters match, the JSON facets line.
#include "support/facets.h"
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <map>
#include <span>
#include <sstream>
#include <string>

using fahras::test::bin;
using fahras::test::Facets;
using fahras::test::facets_of;
using fahras::test::result_lines;
using fahras::test::Run;
using fahras::test::run;
using fahras::test::TempDir;

namespace {

// Six one-passage articles: 3 in 2015-07 (2 from "okaz"), 2 in 2015-08, 1 in 2016-01.
const char* kArticles =
    R"({"id":"a1","source":"okaz","date":"2015-07-03","text":"اعتقلت الشرطة أكثر من 9000 شخص في حملة أمنية واسعة"})" "\n"
    R"({"id":"a2","source":"okaz","date":"2015-07-20","text":"أعلنت وزارة الصحة تسجيل 120 إصابة جديدة في المنطقة الشرقية"})" "\n"
    R"({"id":"a3","source":"sabq","date":"2015-07-31 23:10:00","text":"وزارة الصحة تطلق حملة تطعيم تشمل مليون طفل في المدارس"})" "\n"
    R"({"id":"a4","source":"sabq","date":"2015-08-01","text":"ارتفاع أسعار النفط في الأسواق العالمية بنسبة 3 بالمائة اليوم"})" "\n"
    R"({"id":"a5","source":" okaz ","date":"2015-08-15","text":"وزارة الصحة تحذر من موجة حر شديدة خلال الأيام المقبلة"})" "\n"
    R"({"id":"a6","source":"aawsat","date":"2016-01-02","text":"مقالة بلا تاريخ معروف عن الاقتصاد والأسواق في المنطقة"})" "\n";

// fahras-search's arguments, how many results they give and the facets they count.
struct Case {
  const char* args;
  std::size_t results;
  Facets facets;
};

// Indexes `jsonl` (as news.jsonl in `tmp`) and returns the start of a
// fahras-search --json command line over that index.
std::string index_jsonl(TempDir& tmp, const char* jsonl) {
  tmp.write("news.jsonl", jsonl);
  const std::string index = (tmp.path() / "idx").string();
  REQUIRE(run(bin("fahras-index") + " -q --index '" + index + "' '" + (tmp.path() / "news.jsonl").string() + "'",
              tmp.path()).code == 0);
  return bin("fahras-search") + " --json --limit 20 --index '" + index + "' ";
}

void check_cases(const TempDir& tmp, const std::string& search, std::span<const Case> cases) {
  for (const Case& c : cases) {
    CAPTURE(c.args);
    const Run r = run(search + c.args, tmp.path());
    INFO(r.err);
    CHECK(r.code == (c.results == 0 ? 1 : 0));
    CHECK(result_lines(r.out) == c.results);
    CHECK(facets_of(r.out) == c.facets);
  }
}

}  // namespace

TEST_CASE("facets count matching passages, filters narrow them, an empty query lists what filters match",
          "[e2e][facets]") {
  TempDir tmp;
  const std::string search = index_jsonl(tmp, kArticles);
  const std::string index = (tmp.path() / "idx").string();
  const Case cases[] = {
      {"--facets year,month,source", 6,
       {{"year", {{"2015", 5}, {"2016", 1}}},
        {"month", {{"2015-07", 3}, {"2015-08", 2}, {"2016-01", 1}}},
        {"source", {{"okaz", 3}, {"sabq", 2}, {"aawsat", 1}}}}},
      {"--facets month 'وزارة الصحة'", 3, {{"month", {{"2015-07", 2}, {"2015-08", 1}}}}},
      {"--facets source 'وزارة الصحة' year:2015 month:2015-07", 2, {{"source", {{"okaz", 1}, {"sabq", 1}}}}},
      {"--facets year --source okaz", 3, {{"year", {{"2015", 3}}}}},
      {"--facets month --from 2015-07-20 --to 2015-08", 4, {{"month", {{"2015-07", 2}, {"2015-08", 2}}}}},
      {"--facets year 'from:2016'", 1, {{"year", {{"2016", 1}}}}},
      {"--facets year --year 2014", 0, {{"year", {}}}},
      {"--facets year --year 2014 --year 2016", 1, {{"year", {{"2016", 1}}}}},
  };
  check_cases(tmp, search, cases);

  const Run unknown = run(search + "--facets colour 'وزارة'", tmp.path());
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("unknown facet") != std::string::npos);

  const Run text = run(bin("fahras-search") + " --index '" + index + "' --facets source --color never year:2015",
                       tmp.path());
  CHECK(text.out.find("source: okaz (3)") != std::string::npos);
}

TEST_CASE("the years and months the text names are a facet and a filter by range", "[e2e][facets]") {
  TempDir tmp;
  // Article dates all 2015; the text names other years.
  const std::string search = index_jsonl(
      tmp, R"({"id":"m1","date":"2015-07-03","text":"استمرت الحرب من آذار/مارس 2011 إلى عام 2014 ."})" "\n"
           R"({"id":"m2","date":"2015-07-04","text":"افتتح المشروع في أيار 2013 بعد تأخير ."})" "\n"
           R"({"id":"m3","date":"2015-07-05","text":"زاد الإنتاج خلال عام 2013 ثم تراجع في عام 2014 ."})" "\n"
           R"({"id":"m4","date":"2015-07-06","text":"مقالة لا تذكر أي تاريخ في نصها ."})" "\n");
  const Case cases[] = {
      // m1: 2011-03 .. 2014 (a period: its ends and the years between).
      {"--facets mentions,mentions-month", 4,
       {{"mentions", {{"2011", 1}, {"2012", 1}, {"2013", 3}, {"2014", 2}}},
        {"mentions-month", {{"2011-03", 1}, {"2013-05", 1}}}}},
      {"--facets mentions --mentions 2013", 3, {{"mentions", {{"2011", 1}, {"2012", 1}, {"2013", 3}, {"2014", 2}}}}},
      {"--facets year mentions:2011..2012", 1, {{"year", {{"2015", 1}}}}},
      {"--facets mentions-month --mentions 2013-01..2013-06", 1, {{"mentions-month", {{"2013-05", 1}}}}},
      {"--facets year --mentions 2016..2020", 0, {{"year", {}}}},
  };
  check_cases(tmp, search, cases);
}

namespace {

// The "doc" of each result line of fahras-search --json, in order.
std::vector<std::string> docs_of(const std::string& out) {
  std::vector<std::string> docs;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    const std::string key = "\"doc\":\"";
    const std::size_t b = line.rfind("{\"rank\":", 0) == 0 ? line.find(key) : std::string::npos;
    if (b == std::string::npos) continue;
    docs.push_back(line.substr(b + key.size(), line.find('"', b + key.size()) - b - key.size()));
  }
  return docs;
}

}  // namespace

TEST_CASE("sorting by date (--sort newest, oldest) and filters alone listed newest first", "[e2e][facets]") {
  TempDir tmp;
  const std::string search = index_jsonl(tmp,
      R"({"id":"d1","date":"2015-07-03","text":"اعتقلت الشرطة 9000 شخص في حملة أمنية واسعة في الرياض"})" "\n"
      R"({"id":"d2","date":"2016-02-10","text":"بلغت قيمة الصفقة 9000 ريال في السوق المحلية في الرياض"})" "\n"
      R"({"id":"d3","text":"اعتقلت الشرطة 9000 شخص في حملة ثانية بلا تاريخ في الرياض"})" "\n"
      R"({"id":"d4","date":"2015-09-20","text":"أفرجت السلطات عن 9000 شخص من المعتقلين في الرياض"})" "\n"
      R"({"id":"d5","date":"2014-01-05","text":"قالت الشرطة إن الحملة في الرياض مستمرة منذ أشهر"})" "\n");
  struct Order {
    const char* args;
    std::vector<std::string> docs;
  };
  const Order cases[] = {
      // Filters alone: newest first, undated last (auto), or as asked.
      {"place:الرياض", {"d2", "d4", "d1", "d5", "d3"}},
      {"--sort newest place:الرياض", {"d2", "d4", "d1", "d5", "d3"}},
      {"--sort oldest place:الرياض", {"d5", "d1", "d4", "d2", "d3"}},
      // A query by date keeps the best figure tier present: 9000 people, not 9000 riyals.
      {"--sort newest '9000 شخص'", {"d4", "d1", "d3"}},
      {"--sort oldest '9000 شخص'", {"d1", "d4", "d3"}},
  };
  for (const Order& c : cases) {
    CAPTURE(c.args);
    const Run r = run(search + c.args, tmp.path());
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(docs_of(r.out) == c.docs);
  }
  // By relevance (a query's default) the 9000 riyals come last, after every 9000 people.
  const std::vector<std::string> ranked = docs_of(run(search + "'9000 شخص'", tmp.path()).out);
  REQUIRE(ranked.size() == 4);
  CHECK(ranked.back() == "d2");
  const Run bad = run(search + "--sort date x", tmp.path());
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--sort must be") != std::string::npos);
}
