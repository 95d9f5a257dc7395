// Entity facets on corpora/seeds/ through the real binaries (issue #4's
// acceptance): the organizations, places and people a reader of these five
// articles would list, each once whatever its alias or spelling; no common word
// as an entity; filters by any alias; `9000 detainees --org داعش --facets place`.
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
using fahras::test::run;
using fahras::test::TempDir;

namespace {

struct Index {
  TempDir tmp;
  std::string path = (tmp.path() / "seeds").string();
  Index() {
    const auto r = run(bin("fahras-index") + " -q --index '" + path + "' '" + FAHRAS_SOURCE_DIR + "/corpora/seeds'",
                       tmp.path());
    REQUIRE(r.code == 0);
  }
  // fahras-search's output; exit 0 (found) or 1 (no match, as grep) only.
  std::string search(const std::string& args) {
    const auto r = run(bin("fahras-search") + " --index '" + path + "' " + args, tmp.path());
    INFO(args << "\n" << r.err);
    REQUIRE((r.code == 0 || r.code == 1));
    return r.out;
  }
};

}  // namespace

TEST_CASE("the seeds' entity facets name what a reader would, once each", "[e2e][entities]") {
  Index idx;
  const Facets f = facets_of(idx.search("--json --limit 0 --facet-limit 1000 --facets org,place,person"));
  const auto& org = f.at("org");
  const auto& place = f.at("place");
  const auto& person = f.at("person");
  for (const char* name : {"داعش", "قوات سوريا الديمقراطية", "القيادة المركزية الأمريكية", "التحالف الدولي"}) {
    INFO(name);
    CHECK(org.count(name) == 1);
  }
  for (const char* name : {"العراق", "سوريا", "الحسكة", "الرقة", "الأنبار", "مخيم الهول"}) {
    INFO(name);
    CHECK(place.count(name) == 1);
  }
  for (const char* name : {"مايكل إريك كوريلا", "بات رايدر", "ماثيو ماكفرلين", "دانا سترول", "خالد الدندل"}) {
    INFO(name);
    CHECK(person.count(name) == 1);
  }
  // One entity for all aliases and spellings: no facet value is an alias of another.
  for (const char* alias : {"تنظيم الدولة", "الدولة الإسلامية", "قسد", "سينتكوم", "القيادة المركزية الأميركية",
                            "مايكل كوريلا", "مايكل إيريك كوريلا", "كوريلا", "رايدر"}) {
    INFO(alias);
    CHECK(org.count(alias) + person.count(alias) == 0);
  }
  // داعش is named in more passages than any of its aliases alone could account for.
  CHECK(org.at("داعش") >= 40);
  CHECK(person.at("مايكل إريك كوريلا") >= 3);  // three spellings, one person
  // Common words are never entities.
  for (const auto* values : {&org, &place, &person})
    for (const char* word : {"القيادة", "الثلاثاء", "التحالف", "التنظيم", "الجماعة", "القوات", "الدولة", "المنطقة",
                             "الجيش", "المركزية", "الإثنين", "الاثنين"}) {
      INFO(word);
      CHECK(values->count(word) == 0);
    }
}

TEST_CASE("entity filters accept any alias, inline or as options, and count facets", "[e2e][entities]") {
  Index idx;
  auto count = [&](const std::string& args) { return result_lines(idx.search("--json --limit 100 --per-article 0 " + args)); };
  const std::size_t daesh = count("--org داعش");
  CHECK(daesh > 20);
  CHECK(count("--org 'تنظيم الدولة'") == daesh);
  CHECK(count("org:الدولة_الإسلامية") == daesh);
  CHECK(count("--org قسد") == count("--org 'قوات سوريا الديمقراطية'"));
  CHECK(count("--org سينتكوم") == count("org:القيادة_المركزية_الأميركية"));
  const std::size_t kurilla = count("--person 'مايكل إريك كوريلا'");
  CHECK(kurilla >= 3);
  CHECK(count("--person 'مايكل كوريلا'") == kurilla);
  CHECK(count("person:كوريلا") >= kurilla);  // the surname alone
  CHECK(count("--place 'مخيم الهول'") >= 1);
  CHECK(count("--org 'لا وجود له'") == 0);
  // Filters combine: AND across kinds.
  CHECK(count("--org داعش --place الرقة") <= count("--place الرقة"));
  // Years written in the text.
  CHECK(count("mentions:2014") >= 2);
  CHECK(count("mentions:2024-06") >= 2);  // "النصف الأول من عام 2024", "حتى حزيران 2024" end in June
  CHECK(count("mentions:1999") == 0);
  CHECK(count("mentions:2024") >= 3);
  // ... counted as a facet over the passages that name them, and filtered by range.
  const Facets years = facets_of(idx.search("--json --limit 0 --per-article 0 --facets mentions,mentions-month"));
  CHECK(years.at("mentions").at("2024") == count("mentions:2024"));
  CHECK(years.at("mentions").at("2014") == count("mentions:2014"));
  CHECK(years.at("mentions").count("1999") == 0);
  CHECK(years.at("mentions-month").at("2024-06") == count("mentions:2024-06"));
  CHECK(count("mentions:2014..2024") >= count("mentions:2024") + 1);
  CHECK(count("mentions:2000..2013") == 0);
}

TEST_CASE("a quoted phrase must match with its words in order", "[e2e][phrases]") {
  Index idx;
  auto count = [&](const std::string& args) { return result_lines(idx.search("--json --limit 500 --per-article 0 " + args)); };
  const std::size_t words = count("'القيادة المركزية الأمريكية'");
  const std::size_t phrase = count("'\"القيادة المركزية الأمريكية\"'");
  CHECK(phrase >= 3);
  CHECK(phrase < words);
  CHECK(count("'\"الأمريكية المركزية القيادة\"'") == 0);  // same words, other order
  CHECK(count("'«مخيم الهول»'") >= 1);
  CHECK(count("'\"في مخيم الهول\"'") == count("'\"مخيم الهول\"'"));  // a stopword before it changes nothing
}

TEST_CASE("9000 detainees --org داعش --facets place prints counts", "[e2e][entities]") {
  Index idx;
  const std::string text = idx.search("'9000 detainees' --org داعش --facets place");
  CHECK(text.find("place: ") != std::string::npos);
  CHECK(text.find("سوريا (") != std::string::npos);
  const Facets f = facets_of(idx.search("--json '9000 detainees' --org داعش --facets place"));
  REQUIRE(f.count("place"));
  CHECK(f.at("place").at("سوريا") >= 1);
  // An empty query with a filter lists and counts everything the filter matches.
  const Facets all = facets_of(idx.search("--json --limit 0 --org داعش --facets place,person"));
  CHECK(all.at("place").at("سوريا") >= f.at("place").at("سوريا"));
}
