// DateExtractor: finds date expressions ("15 كانون الاول/ديسمبر", "حزيران 2024",
// "العام 2014", "12/5/2020", "النصف الاول من عام 2024", "بين عامي 2014 و2019")
// in a sequence of already-analysed tokens.
//
// Input contract
//   Tokens from Analyzer::analyze (see token.h / normalizer.h): `norm` is
//   normalized (alef variants → ا, ى → ي, ة → ه, no tashkeel/tatweel, ASCII
//   digits). Number tokens carry `value`; Symbol tokens include '/', '-', '–'; a
//   glued و before a digit arrives as Word "و" + Number. Only `kind`, `value`
//   and `norm` are read.
//
// What is a date (each form table-tested in tests/analysis/dates_test.cc)
//   * Month names, three families, one month table (its own, in dates.cc):
//       Levantine كانون الثاني, شباط, اذار, نيسان, ايار, حزيران, تموز, اب, ايلول,
//         تشرين الاول, تشرين الثاني, كانون الاول (also "كانون ثاني"); كانون and
//         تشرين alone are not months;
//       Gulf/Egyptian يناير … ديسمبر (ابريل, يونيو/يونيه, يوليو/يوليه);
//       Maghrebi جانفي, فيفري, مارس, افريل, ماي, جوان, جويليه/جويليا, اوت,
//         and Moroccan يوليوز, غشت, شتنبر, نونبر, دجنبر.
//     A month word may carry one glued clitic و/ف/ب/ل ("وحزيران", "بتموز"). Two
//     names of one month joined by '/' or simply adjacent (the tokenizer drops
//     parentheses) are one mention: "نيسان/ابريل", "كانون الاول/ديسمبر",
//     "نيسان (ابريل)". A preceding شهر/الشهر/لشهر… belongs to the mention.
//   * Ambiguous names — ماي, مارس, جوان, اوت, اب (also "father"; "باب" = door
//     would otherwise strip to it) — count only with date context: a day number
//     before them, a year after them, شهر before them, a '/' partner name, or
//     the other end of a period ("من يناير حتي مارس"). Alone they are ignored.
//   * Day + month (+ year): "[weekday] D [من] [شهر] MONTH [YEAR-PART]", D in
//     1..days-in-month (29 for شباط): "3 من ايلول", "الثلاثاء 3 من ايلول",
//     "24 نيسان/ابريل 2023". A weekday (الاحد … السبت) right before the day
//     belongs to the mention; "يوم" and prepositions (في, منذ…) do not.
//   * Month + year: "MONTH YEAR-PART", YEAR-PART = [من] [عام|العام|سنه|لعام…]
//     YEAR: "حزيران 2024", "كانون الاول من عام 2017". Without a year, a following
//     relative word (الماضي, المقبل, القادم, الجاري, الحالي, المنصرم, الفائت)
//     belongs to the mention but the year stays 0 (it is not resolved).
//   * Years: YEAR is a 4-digit integer in 1900..2100. It needs a cue: a year word
//     before it (عام, العام, عامي, العامين, سنه, السنه, سنتي … with و/ف/ب/ل/لل
//     glued), منذ before it ("منذ 2014": منذ is not in the span), or م/ميلادي
//     after it, or (given the text) its place: a preposition of time before it
//     and a phrase's end after it, or brackets of its own (extract(text, …)).
//     A bare 4-digit number is NOT a date ("2000 شخص"). "عامي 2014
//     و2019" (no بين) gives two year mentions.
//   * Digit dates: D/M/YYYY, D-M-YYYY, D.M.YYYY (also one token "12.5.2020"),
//     YYYY-M-D, YYYY/M/D. Day-first only; M must be 1..12.
//   * Periods (end_* set):
//       "YEAR-YEAR", "YEAR/YEAR" (first < second), "YEAR-YY" only for the next
//         year ("2014-15", a season; "2001-05" is not 2001..2005), optionally
//         after a year word: 2014..2015.
//       "النصف|الربع|الثلث ORDINAL [من|ل] [year word] YEAR": النصف الاول → 1..6,
//         الثاني/الاخير → 7..12; الربع الاول..الرابع/الاخير → quarters; الثلث →
//         four-month thirds.
//       "من|منذ|بين [عامي|العامين|شهري|الشهرين…] P1 CONNECTOR P2" where P1, P2 are
//         any of the point forms above (bare years allowed when both ends are
//         years; P1 may be a bare day: "من 1 الي 5 ايلول"), CONNECTOR is حتي,
//         الي, وحتي, والي, لغايه (after من/منذ) or و (after بين, glued or not).
//         A year given only on P2 distributes to P1 (to the previous year when
//         P1's month is later: "من تشرين الاول حتي اذار 2024" → 10/2023..3/2024);
//         likewise P1's year to P2. The opener (من/بين) is in the span. Known
//         ends must be in order, else the two points are reported separately.
//
//   * Hijri dates (Umm al-Qura calendar, converted by hijri.h; years 1318..1500
//     AH), reported as their Gregorian days with `hijri` set:
//       D/M/YYYY, D-M-YYYY [هـ]: "19/6/1436" → 2015-04-08;
//       [weekday] D [من] [شهر] MONTH YYYY [هـ]: "29 محرم 1430 هـ" → 2009-01-26;
//       [شهر] MONTH YYYY [هـ]: "رمضان 1436" → 2015-06-18..2015-07-16 (the month);
//       [year word] YYYY هـ (also هجري, هجرية, للهجرة), "YYYY - YYYY+1 هـ": the
//       year(s), 1 Muharram to the last day of Dhu al-Hijja.
//     Months: محرم, صفر, ربيع الأول, ربيع الآخر/الثاني, جمادى الأولى, جمادى
//     الآخرة/الثانية, رجب, شعبان, رمضان, شوال, ذو/ذي القعدة, ذو/ذي الحجة. A Hijri
//     month needs its year ("رمضان المقبل" is no date) and a year alone needs
//     its mark ("عام 1453" may be Gregorian); an impossible day (30 of a month
//     of 29 days) is no date.
//
// Not dates: bare numbers ("2000 شخص", "153 هجوما"), ordinals alone ("الثالث"),
// years outside 1900..2100, "3/4", "العام الماضي" (no year number), كانون or
// تشرين alone, ambiguous names without context, a Hijri month without its year
// or a Hijri year without its mark. Ordinal days ("الثالث من ايلول") are not recognised.
//
// Output: mentions left to right, non-overlapping, [begin, end) token indices.
//
// Thread safety: a DateExtractor is immutable (stateless; all tables are static
// constexpr) and may be shared by any number of threads. extract() allocates only
// when it grows the caller's vector.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/token.h"

namespace fahras::analysis {

struct DateMention {
  std::size_t begin = 0, end = 0;  // token index range [begin, end)
  int year = 0;                    // 0 when unknown (e.g. "3 من ايلول" without a year)
  int month = 0;                   // 1..12, 0 when unknown
  int day = 0;                     // 1..31, 0 when unknown
  // A period such as "النصف الاول من عام 2024" or "من كانون الثاني وحتي حزيران 2024":
  int end_year = 0, end_month = 0, end_day = 0;  // 0 when it is a single point
  // Written in the Hijri calendar (the fields above are its Gregorian dates: a
  // day, or the first to the last day of a Hijri month or year).
  bool hijri = false;

  [[nodiscard]] bool is_period() const noexcept {
    return end_year != 0 || end_month != 0 || end_day != 0;
  }
};

class DateExtractor {
 public:
  // Appends the date mentions of `tokens` to `out` (left to right, non-overlapping).
  void extract(std::span<const Token> tokens, std::vector<DateMention>& out) const;
  // The same, given the text the tokens' offsets point into, which also makes a
  // year of a bare 4-digit number (1900..2100) by its place: after a preposition
  // of time (في, خلال, حتى, قبل, بعد, مطلع, أوائل, أواخر, منتصف, بحلول) with a
  // mark ending the phrase after it ("في 2018 ،", "قبل 2003 ."), or alone in
  // brackets that end a phrase ("نابلس ( 1948 ) ."). A number followed by a
  // word stays a count ("في 3000 موقع", "( 2000 ) شخص").
  void extract(std::string_view text, std::span<const Token> tokens, std::vector<DateMention>& out) const;

  // Convenience: returns them.
  [[nodiscard]] std::vector<DateMention> extract(std::span<const Token> tokens) const;
};

}  // namespace fahras::analysis
