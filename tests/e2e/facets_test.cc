// Filters and facets through fahras-search: year/month/source/date range, inline
// and as options, facet counts over every matching passage, an empty query that
// lists and counts what the filters match, the JSON facets line.
#include "support/facets.h"
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <simdjson.h>

#include <map>
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

}  // namespace

TEST_CASE("facets count matching passages, filters narrow them, an empty query lists what filters match",
          "[e2e][facets]") {
  TempDir tmp;
  tmp.write("news.jsonl", kArticles);
  const std::string index = (tmp.path() / "idx").string();
  REQUIRE(run(bin("fahras-index") + " -q --index '" + index + "' '" + (tmp.path() / "news.jsonl").string() + "'",
              tmp.path()).code == 0);
  const std::string search = bin("fahras-search") + " --json --limit 20 --index '" + index + "' ";

  struct Case {
    const char* args;
    std::size_t results;
    std::map<std::string, std::map<std::string, std::uint64_t>> facets;
  };
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
  for (const Case& c : cases) {
    CAPTURE(c.args);
    const Run r = run(search + c.args, tmp.path());
    INFO(r.err);
    CHECK(r.code == (c.results == 0 ? 1 : 0));
    CHECK(result_lines(r.out) == c.results);
    CHECK(facets_of(r.out) == c.facets);
  }

  const Run unknown = run(search + "--facets colour 'وزارة'", tmp.path());
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("unknown facet") != std::string::npos);

  const Run text = run(bin("fahras-search") + " --index '" + index + "' --facets source --color never year:2015",
                       tmp.path());
  CHECK(text.out.find("source: okaz (3)") != std::string::npos);
}
