// Hijri (Islamic) calendar dates to Gregorian ones, for the dates written in
// Saudi news ("19/6/1436", "29 محرم 1430 هـ", "رمضان 1436", "1435هـ").
//
// The calendar is Umm al-Qura, Saudi Arabia's official one, as ICU computes it
// (icu::Calendar with `calendar=islamic-umalqura`, tabulated for 1300–1600 AH;
// ICU falls back to the arithmetic calendar outside that range). Only years
// kHijriYearMin..kHijriYearMax are accepted, so that every date falls in the
// Gregorian years 1900..2100 that DateMention allows: 1318 AH began on 30 April
// 1900, 1500 AH ends in 2077.
//
// Thread safety: each thread uses its own ICU calendars (thread_local); any
// number of threads may call these functions.
#pragma once

namespace fahras::analysis {

inline constexpr int kHijriYearMin = 1318;
inline constexpr int kHijriYearMax = 1500;

struct CivilDate {
  int year = 0, month = 0, day = 0;  // Gregorian; month 1..12, day 1..31
};

// The number of days (29 or 30) of Hijri month `month` (1..12) of `year`, or 0
// when the year is outside kHijriYearMin..kHijriYearMax or the month outside 1..12.
int hijri_month_days(int year, int month);

// The Gregorian date of Hijri `day` `month` `year`; false when the year, month
// or day is out of range (day 30 of a month of 29 days included).
bool hijri_to_civil(int year, int month, int day, CivilDate& out);

}  // namespace fahras::analysis
