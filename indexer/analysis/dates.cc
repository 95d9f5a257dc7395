// DateExtractor implementation. See dates.h for the contract.
//
// The month table below is this unit's own: number_parser.cc has one too, but in
// an anonymous namespace (and without month numbers), so it cannot be shared
// without editing that unit. Keep the two spellings lists in step.
//
// Everything is a left-to-right scan: at each token try a period (range_at), then
// a single point (point_at); on success jump past the mention. Word tables are
// static constexpr; nothing is allocated except the caller's output vector.
#include "analysis/dates.h"

#include "analysis/flat_map.h"
#include "analysis/hijri.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace fahras::analysis {
namespace {

using sv = std::string_view;

constexpr int kYearMin = 1900;
constexpr int kYearMax = 2100;

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

struct MonthEntry {
  sv w;
  int month;
  bool ambiguous;  // a common word too: needs date context (see dates.h)
  friend constexpr bool operator<(const MonthEntry& a, const MonthEntry& b) { return a.w < b.w; }
};

consteval MonthEntry M(sv w, int month, bool ambiguous = false) { return {w, month, ambiguous}; }

template <class T, std::size_t N>
consteval std::array<T, N> sorted_unique(std::array<T, N> a) {
  std::sort(a.begin(), a.end());
  for (std::size_t i = 1; i < N; ++i) {
    if (!(a[i - 1] < a[i])) throw "duplicate entry in a dates table";
  }
  return a;
}

// Normalized spellings. كانون / تشرين are handled apart: they need الاول/الثاني.
constexpr auto kMonths = sorted_unique(std::array{
    // Levantine / Iraqi
    M("شباط", 2), M("اذار", 3), M("نيسان", 4), M("ايار", 5), M("حزيران", 6), M("تموز", 7),
    M("اب", 8, true), M("ايلول", 9),
    // Gulf / Egyptian (and Maghrebi spellings shared with them)
    M("يناير", 1), M("فبراير", 2), M("مارس", 3, true), M("ابريل", 4), M("مايو", 5),
    M("يونيو", 6), M("يونيه", 6), M("يوليو", 7), M("يوليه", 7), M("اغسطس", 8),
    M("سبتمبر", 9), M("اكتوبر", 10), M("نوفمبر", 11), M("ديسمبر", 12),
    // Algeria / Tunisia
    M("جانفي", 1), M("فيفري", 2), M("افريل", 4), M("ماي", 5, true), M("جوان", 6, true),
    M("جويليه", 7), M("جويليا", 7), M("اوت", 8, true),
    // Morocco
    M("يوليوز", 7), M("غشت", 8), M("شتنبر", 9), M("نونبر", 11), M("دجنبر", 12)});

// Glued clitics a month word may carry ("وحزيران", "بتموز", "ولشباط").
constexpr std::array<sv, 8> kMonthClitics{"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"};

// Prefixes a noun may carry, with or without the article: "", ال, وال, بال, لل,
// و, ب, ل, وب… ("العام", "للعام", "لعام", "وعام", "لشهر").
constexpr std::array<sv, 20> kNounPrefixes{
    "",    "ال",  "وال", "فال", "بال", "لل",  "وبال", "ولل", "فبال", "فلل",
    "كال", "وكال", "و",   "ف",   "ب",   "ل",   "وب",   "ول",  "فب",   "فل"};
// Only the article forms (النصف, بالنصف, للنصف…): a bare "نصف" is not a period.
constexpr std::array<sv, 11> kArticlePrefixes{"ال",   "وال", "فال",  "بال", "لل",  "وبال",
                                              "ولل", "فبال", "فلل", "كال", "وكال"};

constexpr std::array<sv, 7> kWeekdays{"الاحد",   "الاثنين", "الثلاثاء", "الاربعاء",
                                      "الخميس", "الجمعه",  "السبت"};
constexpr std::array<sv, 8> kRelative{"الماضي", "المقبل",  "القادم", "الجاري",
                                      "الحالي", "المنصرم", "الفائت", "السابق"};
constexpr std::array<sv, 4> kYearSuffix{"م", "ميلادي", "ميلاديه", "للميلاد"};
constexpr std::array<sv, 6> kFromConnectors{"حتي", "الي", "وحتي", "والي", "لغايه", "ولغايه"};
constexpr std::array<sv, 6> kOpeners{"من", "منذ", "بين", "ومن", "ومنذ", "وبين"};

template <std::size_t N>
bool in(const std::array<sv, N>& a, sv w) {
  return std::find(a.begin(), a.end(), w) != a.end();
}

bool is_word(const Token& t) { return t.kind == TokenKind::Word; }
bool word_is(const Token& t, sv w) { return is_word(t) && t.norm == w; }
template <std::size_t N>
bool word_in(const Token& t, const std::array<sv, N>& a) {
  return is_word(t) && in(a, t.norm);
}
bool is_sep(const Token& t) {
  return t.kind == TokenKind::Symbol && (t.norm == "/" || t.norm == "-" || t.norm == "–");
}

// w is PREFIX + one of `bases` for a prefix in `prefixes`. Runs for nearly
// every token several times, so it tests the few bases as suffixes first (one
// comparison each, nearly always failing) and only then the many prefixes.
template <std::size_t P, std::size_t B>
bool prefixed_in(sv w, const std::array<sv, P>& prefixes, const std::array<sv, B>& bases) {
  for (sv b : bases) {
    if (w.ends_with(b) && in(prefixes, w.substr(0, w.size() - b.size()))) return true;
  }
  return false;
}

// Year words: عام / سنه (single), عامي / سنتي (dual construct), the article on
// either, with glued و/ف/ب/ل.
constexpr std::array<sv, 2> kYearNoun{"عام", "سنه"};
constexpr std::array<sv, 4> kYearDual{"عامي", "عامين", "سنتي", "سنتين"};
constexpr std::array<sv, 1> kMonthNoun{"شهر"};
constexpr std::array<sv, 2> kMonthDual{"شهري", "شهرين"};

bool is_year_cue(const Token& t) {
  return is_word(t) && prefixed_in(t.norm, kNounPrefixes, kYearNoun);
}
bool is_year_dual_cue(const Token& t) {
  return is_word(t) && prefixed_in(t.norm, kNounPrefixes, kYearDual);
}
bool is_month_cue(const Token& t) {
  return is_word(t) && prefixed_in(t.norm, kNounPrefixes, kMonthNoun);
}
bool is_month_dual_cue(const Token& t) {
  return is_word(t) && prefixed_in(t.norm, kNounPrefixes, kMonthDual);
}
bool is_weekday(const Token& t) {
  return is_word(t) && prefixed_in(t.norm, std::array<sv, 3>{"", "و", "ف"}, kWeekdays);
}

// Integer value of a Number token written with min..max plain digits, else -1.
int int_token(const Token& t, std::size_t min_digits, std::size_t max_digits) {
  if (t.kind != TokenKind::Number) return -1;
  const sv s = t.norm;
  if (s.size() < min_digits || s.size() > max_digits) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int day_of(const Token& t) {
  const int v = int_token(t, 1, 2);
  return v >= 1 && v <= 31 ? v : 0;
}
int month_number_of(const Token& t) {
  const int v = int_token(t, 1, 2);
  return v >= 1 && v <= 12 ? v : 0;
}
int year_of(const Token& t) {
  const int v = int_token(t, 4, 4);
  return v >= kYearMin && v <= kYearMax ? v : 0;
}

int days_in(int month, int year) {
  static constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && year != 0) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<std::size_t>(month - 1)];
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

struct MonthSpan {
  std::size_t end;
  int month;
  bool ambiguous;
};

// Every word a month name can be, with and without a glued clitic: one hash
// lookup per token instead of a binary search per clitic. `month` 0 is كانون /
// تشرين, whose month the next word decides. A word that is both a name and a
// clitic plus a name keeps the first reading, as trying them in order would.
struct MonthWord {
  int month;
  bool ambiguous;
};

struct SvHash {
  using is_transparent = void;
  std::size_t operator()(sv s) const noexcept { return std::hash<sv>{}(s); }
};
using MonthWords = std::unordered_map<std::string, MonthWord, SvHash, std::equal_to<>>;

const MonthWords& month_words(bool clitic) {
  static const std::array<MonthWords, 2> maps = [] {
    std::array<MonthWords, 2> m;
    for (MonthWords& map : m) {
      for (const MonthEntry& e : kMonths) map.emplace(std::string(e.w), MonthWord{e.month, e.ambiguous});
      for (sv two : {sv("كانون"), sv("تشرين")}) map.emplace(std::string(two), MonthWord{0, false});
    }
    MonthWords& with = m[1];
    const MonthWords bases = m[0];
    for (sv p : kMonthClitics)
      for (const auto& [w, mw] : bases)
        if (w.size() >= 4) with.emplace(std::string(p) + w, mw);  // at least two letters remain: "اب"
    return m;
  }();
  return maps[clitic ? 1 : 0];
}

// One month name starting at i (a two-word كانون/تشرين name included).
std::optional<MonthSpan> month_word_at(std::span<const Token> t, std::size_t i, bool clitic) {
  const std::size_t n = t.size();
  if (i >= n || !is_word(t[i])) return std::nullopt;
  const MonthWords& words = month_words(clitic);
  const auto it = words.find(t[i].norm);
  if (it == words.end()) return std::nullopt;
  if (it->second.month != 0) return MonthSpan{i + 1, it->second.month, it->second.ambiguous};
  if (i + 1 >= n || !is_word(t[i + 1])) return std::nullopt;
  const sv o = t[i + 1].norm;
  int which = 0;
  if (o == "الاول" || o == "اول") which = 1;
  if (o == "الثاني" || o == "ثاني") which = 2;
  if (which == 0) return std::nullopt;
  const bool tishreen = t[i].norm.ends_with("تشرين");
  const int m = tishreen ? 9 + which : (which == 1 ? 12 : 1);
  return MonthSpan{i + 2, m, false};
}

// A month name plus an optional second name of the same month, joined by '/' or
// adjacent ("نيسان/ابريل", "كانون الاول/ديسمبر", "نيسان (ابريل)").
std::optional<MonthSpan> month_at(std::span<const Token> t, std::size_t i, bool clitic) {
  auto a = month_word_at(t, i, clitic);
  if (!a) return std::nullopt;
  const std::size_t k = a->end;
  std::optional<MonthSpan> b;
  if (k < t.size() && t[k].kind == TokenKind::Symbol && t[k].norm == "/") {
    b = month_word_at(t, k + 1, false);
  } else if (k < t.size() && t[k].norm != t[i].norm) {
    b = month_word_at(t, k, false);
  }
  if (b && b->month == a->month) {
    a->end = b->end;
    a->ambiguous = a->ambiguous && b->ambiguous;
  }
  return a;
}

struct YearSpan {
  std::size_t end;
  int year;
};

// A year number at k, with an optional م / ميلادي after it.
std::optional<YearSpan> year_at(std::span<const Token> t, std::size_t k) {
  if (k >= t.size()) return std::nullopt;
  const int y = year_of(t[k]);
  if (y == 0) return std::nullopt;
  std::size_t e = k + 1;
  if (e < t.size() && word_in(t[e], kYearSuffix)) ++e;
  return YearSpan{e, y};
}

// "[من] [عام|العام|لعام…] YEAR" after a month or a period word.
std::optional<YearSpan> year_part_at(std::span<const Token> t, std::size_t k) {
  const std::size_t n = t.size();
  if (k < n && word_is(t[k], "من")) {
    std::size_t j = k + 1;
    if (j < n && is_year_cue(t[j])) ++j;
    if (auto y = year_at(t, j)) return y;
  }
  std::size_t j = k;
  if (j < n && is_year_cue(t[j])) ++j;
  return year_at(t, j);
}

struct Point {
  std::size_t begin = 0, end = 0;
  int y = 0, m = 0, d = 0;
  bool needs_ctx = false;  // an ambiguous month name without its own context
  bool bare_year = false;  // a year number with no cue at all
  bool year_only = false;  // a year (cue or bare), no month or day
  bool dual = false;       // after عامي / العامين: "عامي 2014 و2019"
};

// Digit dates: D/M/YYYY, D-M-YYYY, YYYY-M-D, YYYY/M/D, and one token D.M.YYYY.
// Five tokens "N sep N sep N" at i, one separator twice ("19/6/1436", "4 - 7 -
// 2020"), that do not continue a longer chain of numbers before them
// ("1/12/5/2020").
bool digit_triple_at(std::span<const Token> t, std::size_t i) {
  return i + 4 < t.size() && t[i].kind == TokenKind::Number && is_sep(t[i + 1]) && is_sep(t[i + 3]) &&
         t[i + 1].norm == t[i + 3].norm && t[i + 2].kind == TokenKind::Number && t[i + 4].kind == TokenKind::Number &&
         !(i >= 2 && is_sep(t[i - 1]) && t[i - 2].kind == TokenKind::Number);
}

std::optional<Point> digit_date_at(std::span<const Token> t, std::size_t i) {
  const std::size_t n = t.size();
  if (i >= n || t[i].kind != TokenKind::Number) return std::nullopt;
  // continuation of a longer chain ("1/12/5/2020")
  if (i >= 2 && is_sep(t[i - 1]) && t[i - 2].kind == TokenKind::Number) return std::nullopt;

  auto make = [&](int d, int m, int y, std::size_t end) -> std::optional<Point> {
    if (m < 1 || m > 12 || y < kYearMin || y > kYearMax || d < 1 || d > days_in(m, y))
      return std::nullopt;
    Point p;
    p.begin = i;
    p.end = end;
    p.y = y;
    p.m = m;
    p.d = d;
    return p;
  };

  // One token "12.5.2020" (the tokenizer keeps dotted digit runs together).
  const sv s = t[i].norm;
  if (std::count(s.begin(), s.end(), '.') == 2) {
    std::array<int, 3> part{};
    std::array<std::size_t, 3> len{};
    std::size_t p = 0;
    for (char c : s) {
      if (c == '.') {
        ++p;
      } else if (c >= '0' && c <= '9') {
        // Only parts of at most 4 digits can make a date: stop accumulating
        // beyond that (a long digit run would overflow an int).
        if (len[p] < 4) part[p] = part[p] * 10 + (c - '0');
        ++len[p];
      } else {
        return std::nullopt;
      }
    }
    if (len[0] <= 2 && len[1] <= 2 && len[2] == 4 && len[0] && len[1])
      return make(part[0], part[1], part[2], i + 1);
    if (len[0] == 4 && len[1] <= 2 && len[2] <= 2 && len[1] && len[2])
      return make(part[2], part[1], part[0], i + 1);
    return std::nullopt;
  }

  if (!digit_triple_at(t, i)) return std::nullopt;
  const Token& a = t[i];
  const Token& b = t[i + 2];
  const Token& c = t[i + 4];
  if (const int y = year_of(a)) {  // YYYY-M-D
    return make(day_of(c), month_number_of(b), y, i + 5);
  }
  if (const int y = year_of(c)) {  // D/M/YYYY
    return make(day_of(a), month_number_of(b), y, i + 5);
  }
  return std::nullopt;
}

// Finishes a month point: a year part, or a relative word (الماضي…).
void finish_month(std::span<const Token> t, Point& p, bool& has_year) {
  if (auto y = year_part_at(t, p.end)) {
    p.y = y->year;
    p.end = y->end;
    has_year = true;
  } else if (p.end < t.size() && word_in(t[p.end], kRelative)) {
    ++p.end;
  }
}

// A single date point starting exactly at i. `bare_year_ok`: a cue-less year
// number counts (inside a period); `lenient`: an ambiguous month without context
// is returned with needs_ctx set instead of rejected.
std::optional<Point> point_at(std::span<const Token> t, std::size_t i, bool bare_year_ok,
                              bool lenient) {
  const std::size_t n = t.size();
  if (i >= n) return std::nullopt;

  if (auto p = digit_date_at(t, i)) return p;

  // [weekday] D [من] [شهر] MONTH [YEAR-PART]
  {
    std::size_t j = i;
    if (is_weekday(t[j]) && j + 1 < n && day_of(t[j + 1])) ++j;
    if (const int d = day_of(t[j])) {
      std::size_t k = j + 1;
      if (k < n && word_is(t[k], "من")) ++k;
      if (k < n && is_month_cue(t[k])) ++k;
      const auto ms = month_at(t, k, false);
      if (!ms || d > days_in(ms->month, 0)) return std::nullopt;
      Point p;
      p.begin = i;
      p.end = ms->end;
      p.m = ms->month;
      p.d = d;
      bool has_year = false;
      finish_month(t, p, has_year);
      if (p.y != 0 && d > days_in(p.m, p.y)) return std::nullopt;  // 29 شباط 2023
      return p;
    }
    if (j != i) return std::nullopt;
  }

  // [شهر] MONTH [YEAR-PART]
  {
    std::size_t j = i;
    const bool cue = is_month_cue(t[j]);
    if (cue) ++j;
    if (const auto ms = month_at(t, j, true)) {
      Point p;
      p.begin = i;
      p.end = ms->end;
      p.m = ms->month;
      bool has_year = false;
      finish_month(t, p, has_year);
      if (ms->ambiguous && !cue && !has_year) {
        if (!lenient) return std::nullopt;
        p.needs_ctx = true;
      }
      return p;
    }
    if (cue) return std::nullopt;
  }

  // year word + YEAR
  if (is_year_cue(t[i]) || is_year_dual_cue(t[i])) {
    if (const auto y = year_at(t, i + 1)) {
      Point p;
      p.begin = i;
      p.end = y->end;
      p.y = y->year;
      p.year_only = true;
      p.dual = is_year_dual_cue(t[i]);
      return p;
    }
    return std::nullopt;
  }

  // bare YEAR: after منذ, before م/ميلادي, or inside a period
  if (const auto y = year_at(t, i)) {
    const bool suffix = y->end > i + 1;
    const bool since = i > 0 && (word_is(t[i - 1], "منذ") || word_is(t[i - 1], "ومنذ"));
    if (!suffix && !since && !bare_year_ok) return std::nullopt;
    Point p;
    p.begin = i;
    p.end = y->end;
    p.y = y->year;
    p.year_only = true;
    p.bare_year = !suffix && !since;
    return p;
  }
  return std::nullopt;
}

DateMention to_mention(const Point& p) {
  DateMention m;
  m.begin = p.begin;
  m.end = p.end;
  m.year = p.y;
  m.month = p.m;
  m.day = p.d;
  return m;
}

// Lexicographic (y, m, d) comparison: -1, 0, 1.
int compare(const Point& a, const Point& b) {
  if (a.y != b.y) return a.y < b.y ? -1 : 1;
  if (a.m != b.m) return a.m < b.m ? -1 : 1;
  if (a.d != b.d) return a.d < b.d ? -1 : 1;
  return 0;
}

// "النصف الاول من عام 2024", "الربع الثالث من 2023", "الثلث الاخير لعام 2022".
std::optional<DateMention> fraction_period_at(std::span<const Token> t, std::size_t i) {
  const std::size_t n = t.size();
  if (i + 2 >= n || !is_word(t[i]) || !is_word(t[i + 1])) return std::nullopt;
  int parts = 0;
  if (prefixed_in(t[i].norm, kArticlePrefixes, std::array<sv, 1>{"نصف"})) parts = 2;
  if (prefixed_in(t[i].norm, kArticlePrefixes, std::array<sv, 1>{"ثلث"})) parts = 3;
  if (prefixed_in(t[i].norm, kArticlePrefixes, std::array<sv, 1>{"ربع"})) parts = 4;
  if (parts == 0) return std::nullopt;
  const sv o = t[i + 1].norm;
  int k = 0;
  if (o == "الاول") k = 1;
  if (o == "الثاني") k = 2;
  if (o == "الثالث") k = 3;
  if (o == "الرابع") k = 4;
  if (o == "الاخير") k = parts;
  if (k == 0 || k > parts) return std::nullopt;
  const auto y = year_part_at(t, i + 2);
  if (!y) return std::nullopt;
  const int len = 12 / parts;
  DateMention m;
  m.begin = i;
  m.end = y->end;
  m.year = m.end_year = y->year;
  m.month = (k - 1) * len + 1;
  m.end_month = k * len;
  return m;
}

// "2014-2015", "2014/2015", "2014-15", optionally after a year word.
std::optional<DateMention> year_range_at(std::span<const Token> t, std::size_t i) {
  const std::size_t n = t.size();
  std::size_t j = i;
  if (j < n && is_year_cue(t[j])) ++j;
  if (j + 2 >= n) return std::nullopt;
  if (i == j && i >= 2 && is_sep(t[i - 1]) && t[i - 2].kind == TokenKind::Number)
    return std::nullopt;  // inside a chain
  const int a = year_of(t[j]);
  if (a == 0 || !is_sep(t[j + 1])) return std::nullopt;
  int b = year_of(t[j + 2]);
  if (b == 0) {
    // "2014-15": only the next year (a season or fiscal year); "2001-05" may be
    // a month, so it is not read as 2001..2005.
    if (int_token(t[j + 2], 2, 2) == (a + 1) % 100) b = a + 1;
  }
  if (b == 0 || b <= a || b > kYearMax) return std::nullopt;
  std::size_t e = j + 3;
  // a longer digit chain (2001-02-12) or a percent sign (1990-2000 %)
  if (e < n && t[e].kind == TokenKind::Symbol) return std::nullopt;
  if (e < n && word_in(t[e], kYearSuffix)) ++e;
  DateMention m;
  m.begin = i;
  m.end = e;
  m.year = a;
  m.end_year = b;
  return m;
}

// "من P1 حتي P2", "بين P1 و P2", "بين عامي 2014 و2019", "من 1 الي 5 ايلول".
std::optional<DateMention> opener_period_at(std::span<const Token> t, std::size_t i) {
  const std::size_t n = t.size();
  if (i >= n || !word_in(t[i], kOpeners)) return std::nullopt;
  const bool between = t[i].norm.ends_with("بين");
  std::size_t j = i + 1;
  bool years = false, months = false;
  if (j < n && is_year_dual_cue(t[j])) {
    years = true;
    ++j;
  } else if (j < n && is_month_dual_cue(t[j])) {
    months = true;
    ++j;
  }
  if (j >= n) return std::nullopt;

  std::optional<Point> p1 = point_at(t, j, true, true);
  bool day_only = false;
  if (!p1 && !years && !months) {
    if (const int d = day_of(t[j])) {
      p1 = Point{};
      p1->begin = j;
      p1->end = j + 1;
      p1->d = d;
      day_only = true;
    }
  }
  if (!p1) return std::nullopt;
  if (years && !p1->year_only) return std::nullopt;
  if (months && (p1->m == 0 || p1->d != 0)) return std::nullopt;

  // connector
  std::size_t k = p1->end;
  if (k >= n) return std::nullopt;
  if (between) {
    if (word_is(t[k], "و")) {
      ++k;
    } else if (!(is_word(t[k]) && t[k].norm.starts_with("و"))) {
      return std::nullopt;
    }
  } else {
    if (word_is(t[k], "و")) ++k;
    if (k >= n || !word_in(t[k], kFromConnectors)) return std::nullopt;
    ++k;
  }

  std::optional<Point> p2 = point_at(t, k, p1->year_only, true);
  if (!p2) return std::nullopt;
  if (years && !p2->year_only) return std::nullopt;
  if (months && (p2->m == 0 || p2->d != 0)) return std::nullopt;
  if (p1->bare_year && !p2->year_only) return std::nullopt;
  if (p2->bare_year && !p1->year_only) return std::nullopt;
  if (p1->needs_ctx && p2->needs_ctx) return std::nullopt;

  if (day_only) {  // "من 1 الي 5 ايلول"
    if (p2->d == 0 || p2->m == 0) return std::nullopt;
    p1->m = p2->m;
    p1->y = p2->y;
  }
  if (p1->y == 0 && p2->y != 0 && p1->m != 0) {
    const bool later = p2->m != 0 && (p1->m > p2->m || (p1->m == p2->m && p1->d > p2->d));
    p1->y = p2->y - (later ? 1 : 0);
  } else if (p2->y == 0 && p1->y != 0 && p2->m != 0) {
    const bool earlier = p1->m != 0 && (p2->m < p1->m || (p2->m == p1->m && p2->d < p1->d));
    p2->y = p1->y + (earlier ? 1 : 0);
  }
  if (p1->y != 0 && p2->y != 0) {
    if (compare(*p1, *p2) >= 0) return std::nullopt;
  } else if (p1->m == p2->m && p1->d >= p2->d) {
    return std::nullopt;
  }

  DateMention m;
  m.begin = i;
  m.end = p2->end;
  m.year = p1->y;
  m.month = p1->m;
  m.day = p1->d;
  m.end_year = p2->y;
  m.end_month = p2->m;
  m.end_day = p2->d;
  return m;
}

// Prepositions of time before a bare year: "في 2018 ،", "قبل 2003 .".
// (حتى also comes before a count, "ارتفع العدد حتى 2000.", but mostly before a
// year: "حتى 2030"; a count followed by its noun stays a count anyway.)
constexpr std::array<sv, 20> kYearPrepositions{"في",   "وفي",   "خلال", "وخلال", "حتي",  "وحتي", "قبل",
                                               "وقبل", "بعد",   "وبعد", "مطلع", "ومطلع", "اوائل", "واوائل",
                                               "اواخر", "واواخر", "منتصف", "ومنتصف", "بحلول", "وبحلول"};

// A bare year that its place in the text makes a year (with the text only):
// after a preposition of time with the phrase ending after it ("في 2018 ،",
// "بعد 2003 ."), or alone in brackets that end a phrase ("نابلس ( 1948 ) .").
// A count stays a count: "في 3000 موقع", "( 2000 ) شخص".
bool placed_year(std::string_view text, std::span<const Token> t, std::size_t i) {
  if (text.empty() || i >= t.size() || t[i].end > text.size()) return false;
  const std::size_t after = t[i].end;
  const std::size_t next = i + 1 < t.size() ? t[i + 1].begin : text.size();
  const bool closed = i + 1 >= t.size() ? text.find_first_not_of(" \t\r\v", after) == sv::npos ||
                                              ends_phrase(text, after, text.size())
                                        : ends_phrase(text, after, next);
  if (!closed) return false;
  if (i > 0 && word_in(t[i - 1], kYearPrepositions) && !ends_phrase(text, t[i - 1].end, t[i].begin)) return true;
  // In brackets: "(" right before it, ")" right after it, and the phrase ends after ")".
  const std::size_t prev = i > 0 ? t[i - 1].end : 0;
  const sv before = text.substr(prev, t[i].begin - prev);
  const sv rest = text.substr(after, next - after);
  const std::size_t open = before.find_last_not_of(" \t\r\v");
  const std::size_t close = rest.find_first_not_of(" \t\r\v");
  if (open == sv::npos || before[open] != '(' || close == sv::npos || rest[close] != ')') return false;
  // (No token after it: only marks follow.)
  return i + 1 >= t.size() || ends_phrase(text, after + close + 1, next);
}


// ---- Hijri dates (Umm al-Qura, converted by hijri.h) ----

// Hijri month names, normalized (ى→ي, ة→ه, أ/إ/آ→ا): one or two words.
struct HijriMonthName {
  sv first, second;  // second empty: one word
  int month;
};
constexpr std::array<HijriMonthName, 25> kHijriMonths{{
    {"محرم", "", 1},         {"المحرم", "", 1},        {"صفر", "", 2},           {"ربيع", "الاول", 3},
    {"ربيع", "اول", 3},      {"ربيع", "الاخر", 4},     {"ربيع", "الثاني", 4},    {"ربيع", "ثاني", 4},
    {"جمادي", "الاولي", 5},  {"جمادي", "الاول", 5},    {"جمادي", "اولي", 5},     {"جمادي", "الاخره", 6},
    {"جمادي", "الاخر", 6},   {"جمادي", "الثانيه", 6},  {"جمادي", "الثاني", 6},   {"رجب", "", 7},
    {"شعبان", "", 8},        {"رمضان", "", 9},         {"شوال", "", 10},         {"ذو", "القعده", 11},
    {"ذي", "القعده", 11},    {"ذوالقعده", "", 11},     {"ذو", "الحجه", 12},      {"ذي", "الحجه", 12},
    {"ذوالحجه", "", 12},
}};
// What marks a year as Hijri after it: هـ (ه after normalization), هجري, هجريه, للهجره.
constexpr std::array<sv, 5> kHijriMarks{"ه", "هجري", "هجريه", "للهجره", "هجريا"};

struct HijriMonthSpan {
  std::size_t end;
  int month;
};

// The first words of the Hijri month names, bare and with each glued clitic,
// to the set of kHijriMonths entries they start (a bit per entry): one hash
// lookup per word of the text, built once.
static_assert(kHijriMonths.size() <= 32, "hijri_first_words keeps one bit per month name in 32 bits");
const FlatStringMap<std::uint32_t>& hijri_first_words() {
  static const FlatStringMap<std::uint32_t> words = [] {
    FlatStringMap<std::uint32_t> m;
    for (std::size_t e = 0; e < kHijriMonths.size(); ++e) {
      m.emplace(kHijriMonths[e].first, 0) |= 1u << e;
      for (const sv c : kMonthClitics) m.emplace(std::string(c) + std::string(kHijriMonths[e].first), 0) |= 1u << e;
    }
    return m;
  }();
  return words;
}

// A Hijri month name at k (its first word may carry one glued clitic: برمضان).
std::optional<HijriMonthSpan> hijri_month_at(std::span<const Token> t, std::size_t k) {
  if (k >= t.size() || !is_word(t[k])) return std::nullopt;
  const std::uint32_t* entries = hijri_first_words().find(t[k].norm);
  if (!entries) return std::nullopt;
  for (std::size_t e = 0; e < kHijriMonths.size(); ++e) {
    if ((*entries & (1u << e)) == 0) continue;
    const HijriMonthName& m = kHijriMonths[e];
    if (m.second.empty()) return HijriMonthSpan{k + 1, m.month};
    if (k + 1 < t.size() && word_is(t[k + 1], m.second)) return HijriMonthSpan{k + 2, m.month};
  }
  return std::nullopt;
}

// A Hijri year number (kHijriYearMin..kHijriYearMax, four plain digits) at k.
int hijri_year_of(const Token& t) {
  const int v = int_token(t, 4, 4);
  return v >= kHijriYearMin && v <= kHijriYearMax ? v : 0;
}

// The end of a Hijri mark (هـ, هجري…) at k, else k.
std::size_t after_hijri_mark(std::span<const Token> t, std::size_t k) {
  return k < t.size() && word_in(t[k], kHijriMarks) ? k + 1 : k;
}

// A mention of Hijri year y, month m (0: the whole year), day d (0: the whole
// month) over tokens [begin, end), as Gregorian dates: a day, or a period
// from the first to the last day of the month or year.
std::optional<DateMention> hijri_mention(std::size_t begin, std::size_t end, int y, int m, int d, int end_y = 0) {
  CivilDate from, to;
  if (!hijri_to_civil(y, m ? m : 1, d ? d : 1, from)) return std::nullopt;
  DateMention out;
  out.begin = begin;
  out.end = end;
  out.hijri = true;
  out.year = from.year;
  out.month = from.month;
  out.day = from.day;
  if (d == 0) {
    const int last_y = end_y ? end_y : y;
    const int last_m = m ? m : 12;
    const int days = hijri_month_days(last_y, last_m);
    if (days == 0 || !hijri_to_civil(last_y, last_m, days, to)) return std::nullopt;
    out.end_year = to.year;
    out.end_month = to.month;
    out.end_day = to.day;
  }
  return out;
}

// A Hijri date at i:
//   D/M/YYYY, D-M-YYYY with YYYY a Hijri year (1300..1500) [هـ]   "19/6/1436"
//   [weekday] D [من] [شهر] MONTH YYYY [هـ]                         "29 محرم 1430 هـ"
//   [شهر] MONTH YYYY [هـ]                                           "رمضان 1436"
//   [year word] YYYY هـ, YYYY-YYYY هـ, YYYY/YYYY هـ                 "1435هـ", "1434 - 1435هـ"
// A Hijri month needs its year (the month alone, رمضان المقبل, has no date),
// and a year alone needs its mark (عام 1453 may be Gregorian).
// `skip` receives the end of a Hijri form that names an impossible day (30/1/1436,
// "30 محرم 1436": محرم 1436 had 29 days), so that no part of it is read again as
// a month or a year; it is left alone otherwise.
std::optional<DateMention> hijri_at(std::span<const Token> t, std::size_t i, std::size_t& skip) {
  const std::size_t n = t.size();
  if (i >= n) return std::nullopt;
  // D sep M sep YYYY
  if (digit_triple_at(t, i)) {
    const int d = day_of(t[i]), m = month_number_of(t[i + 2]), y = hijri_year_of(t[i + 4]);
    if (d && m && y && !(i + 6 < n && is_sep(t[i + 5]) && t[i + 6].kind == TokenKind::Number)) {
      const std::size_t end = after_hijri_mark(t, i + 5);
      auto r = hijri_mention(i, end, y, m, d);
      if (!r) skip = end;
      return r;
    }
    return std::nullopt;
  }
  // [weekday] D [من] [شهر] MONTH YYYY
  std::size_t j = i;
  if (is_weekday(t[j]) && j + 1 < n) ++j;
  int day = 0;
  if (const int d = day_of(t[j]); d && t[j].kind == TokenKind::Number) {
    day = d;
    ++j;
    if (j < n && word_is(t[j], "من")) ++j;
  } else if (j != i) {
    return std::nullopt;
  }
  if (j < n && is_month_cue(t[j])) ++j;
  if (const auto ms = hijri_month_at(t, j)) {
    if (ms->end >= n) return std::nullopt;
    std::size_t k = ms->end;
    if (k < n && word_is(t[k], "من")) ++k;  // "من عام"
    if (k < n && is_year_cue(t[k])) ++k;
    const int y = k < n ? hijri_year_of(t[k]) : 0;
    if (!y) return std::nullopt;
    const std::size_t end = after_hijri_mark(t, k + 1);
    auto r = day <= 30 ? hijri_mention(i, end, y, ms->month, day) : std::nullopt;
    if (!r) skip = end;
    return r;
  }
  if (day) return std::nullopt;
  // [year word] YYYY [sep YYYY] mark (not the last number of a digit chain: 5/1318هـ)
  if (i >= 2 && is_sep(t[i - 1]) && t[i - 2].kind == TokenKind::Number) return std::nullopt;
  j = i;
  if (is_year_cue(t[j]) && j + 1 < n) ++j;
  const int y = hijri_year_of(t[j]);
  if (!y) return std::nullopt;
  if (j + 2 < n && is_sep(t[j + 1]) && (t[j + 1].norm == "-" || t[j + 1].norm == "/")) {
    const int y2 = hijri_year_of(t[j + 2]);
    if (y2 == y + 1 && after_hijri_mark(t, j + 3) > j + 3) return hijri_mention(i, j + 4, y, 0, 0, y2);
  }
  if (after_hijri_mark(t, j + 1) == j + 1) return std::nullopt;
  return hijri_mention(i, j + 2, y, 0, 0);
}

}  // namespace

void DateExtractor::extract(std::span<const Token> tokens, std::vector<DateMention>& out) const {
  extract({}, tokens, out);
}

void DateExtractor::extract(std::string_view text, std::span<const Token> tokens, std::vector<DateMention>& out) const {
  const std::size_t n = tokens.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t skip = i;
    std::optional<DateMention> r = hijri_at(tokens, i, skip);
    if (skip > i) {  // an impossible Hijri day: no date, and none of its parts either
      i = skip;
      continue;
    }
    if (!r) r = fraction_period_at(tokens, i);
    if (!r) r = opener_period_at(tokens, i);
    if (!r) r = year_range_at(tokens, i);
    if (r) {
      out.push_back(*r);
      i = r->end;
      continue;
    }
    if (const auto p = point_at(tokens, i, false, false)) {
      out.push_back(to_mention(*p));
      i = p->end;
      if (p->dual) {  // "عامي 2014 و2019": the second year of the pair
        while (i + 1 < n && word_is(tokens[i], "و")) {
          const auto y = year_at(tokens, i + 1);
          if (!y) break;
          DateMention m;
          m.begin = i + 1;
          m.end = y->end;
          m.year = y->year;
          out.push_back(m);
          i = y->end;
        }
      }
      continue;
    }
    if (const auto y = year_at(tokens, i); y && y->end == i + 1 && placed_year(text, tokens, i)) {
      DateMention m;
      m.begin = i;
      m.end = i + 1;
      m.year = y->year;
      out.push_back(m);
      i = m.end;
      continue;
    }
    ++i;
  }
}

std::vector<DateMention> DateExtractor::extract(std::span<const Token> tokens) const {
  std::vector<DateMention> out;
  extract(tokens, out);
  return out;
}

}  // namespace fahras::analysis
