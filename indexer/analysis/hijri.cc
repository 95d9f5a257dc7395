#include "analysis/hijri.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>

namespace fahras::analysis {
namespace {

// This thread's calendars, in GMT so that a day is never shifted by a zone's
// offset: Umm al-Qura (strict: day 30 of a 29-day month is an error) and Gregorian.
struct Calendars {
  std::unique_ptr<icu::Calendar> hijri, civil;
  bool ok = false;
  Calendars() {
    UErrorCode status = U_ZERO_ERROR;
    hijri.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                              icu::Locale("en@calendar=islamic-umalqura"), status));
    civil.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                              icu::Locale("en@calendar=gregorian"), status));
    ok = U_SUCCESS(status) && hijri && civil;
    if (ok) hijri->setLenient(false);
  }
};

Calendars& calendars() {
  thread_local Calendars c;
  return c;
}

bool in_range(int year, int month) {
  return year >= kHijriYearMin && year <= kHijriYearMax && month >= 1 && month <= 12;
}

}  // namespace

int hijri_month_days(int year, int month) {
  if (!in_range(year, month)) return 0;
  Calendars& c = calendars();
  if (!c.ok) return 0;
  UErrorCode status = U_ZERO_ERROR;
  c.hijri->clear();
  c.hijri->set(year, month - 1, 1);
  const int days = c.hijri->getActualMaximum(UCAL_DATE, status);
  return U_SUCCESS(status) ? days : 0;
}

bool hijri_to_civil(int year, int month, int day, CivilDate& out) {
  if (!in_range(year, month) || day < 1 || day > 30) return false;
  Calendars& c = calendars();
  if (!c.ok) return false;
  UErrorCode status = U_ZERO_ERROR;
  c.hijri->clear();
  c.hijri->set(year, month - 1, day);
  const UDate when = c.hijri->getTime(status);  // fails for day 30 of a 29-day month (not lenient)
  if (U_FAILURE(status)) return false;
  c.civil->setTime(when, status);
  out.year = c.civil->get(UCAL_YEAR, status);
  out.month = c.civil->get(UCAL_MONTH, status) + 1;
  out.day = c.civil->get(UCAL_DATE, status);
  return U_SUCCESS(status);
}

}  // namespace fahras::analysis
