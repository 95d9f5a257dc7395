// Hijri (Umm al-Qura) to Gregorian, through ICU (indexer/analysis/hijri.h).
#include "analysis/hijri.h"

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace fahras::analysis;

namespace {

struct Known {
  int year, month, day;    // Hijri
  int gyear, gmonth, gday; // Gregorian
};

// Days fixed by Saudi Arabia's calendar: the first of Ramadan and Eid al-Fitr
// of 1436 (2015) and 1445 (2024), the Hijri new year 1436, and the range's ends.
constexpr Known kKnown[] = {
    {1436, 9, 1, 2015, 6, 18},  {1436, 10, 1, 2015, 7, 17}, {1445, 9, 1, 2024, 3, 11},
    {1445, 10, 1, 2024, 4, 10}, {1436, 1, 1, 2014, 10, 25}, {1436, 6, 19, 2015, 4, 8},
    {1430, 1, 29, 2009, 1, 26}, {1318, 1, 1, 1900, 4, 30},
};

}  // namespace

TEST_CASE("hijri: known days of the Umm al-Qura calendar", "[hijri]") {
  for (const Known& k : kKnown) {
    INFO(k.year << "-" << k.month << "-" << k.day);
    CivilDate d;
    REQUIRE(hijri_to_civil(k.year, k.month, k.day, d));
    CHECK(d.year == k.gyear);
    CHECK(d.month == k.gmonth);
    CHECK(d.day == k.gday);
  }
}

TEST_CASE("hijri: months of 29 or 30 days, and what is out of range", "[hijri]") {
  CHECK(hijri_month_days(1436, 1) == 29);  // محرم 1436
  CHECK(hijri_month_days(1436, 9) == 29);  // رمضان 1436: Eid on 17 July 2015
  CHECK(hijri_month_days(1436, 10) == 30);
  CivilDate d;
  CHECK_FALSE(hijri_to_civil(1436, 1, 30, d));  // no 30 محرم 1436
  CHECK(hijri_to_civil(1436, 10, 30, d));
  CHECK_FALSE(hijri_to_civil(1317, 12, 1, d));  // before 1318: before 1900
  CHECK_FALSE(hijri_to_civil(1501, 1, 1, d));
  CHECK_FALSE(hijri_to_civil(1436, 13, 1, d));
  CHECK_FALSE(hijri_to_civil(1436, 0, 1, d));
  CHECK_FALSE(hijri_to_civil(1436, 5, 0, d));
  CHECK(hijri_month_days(1436, 13) == 0);
  CHECK(hijri_month_days(1200, 1) == 0);
}

TEST_CASE("hijri: each thread converts with its own calendars", "[hijri]") {
  // Every day of 1436, converted by four threads at once, equals one thread's answer.
  std::vector<CivilDate> want;
  for (int m = 1; m <= 12; ++m)
    for (int d = 1; d <= hijri_month_days(1436, m); ++d) {
      CivilDate c;
      REQUIRE(hijri_to_civil(1436, m, d, c));
      want.push_back(c);
    }
  REQUIRE(want.size() >= 354);
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        std::size_t i = 0;
        for (int m = 1; m <= 12; ++m)
          for (int d = 1; d <= hijri_month_days(1436, m); ++d, ++i) {
            CivilDate c;
            if (!hijri_to_civil(1436, m, d, c) || c.year != want[i].year || c.month != want[i].month ||
                c.day != want[i].day)
              ++mismatches[t];
          }
      }
    });
  for (std::thread& th : threads) th.join();
  CHECK(mismatches == std::vector<int>(4, 0));
}
