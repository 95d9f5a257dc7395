// NumberParser: finds counted figures ("more than 9,000 detainees", "خمسة آلاف",
// "بين 5 و7 آلاف", "68 بالمائة") in a sequence of already-normalized tokens.
//
// Input contract
//   The tokens come from the analyser (see token.h / normalizer.h): tashkeel and
//   tatweel removed, alef variants folded to ا, ى → ي, ة → ه, all digits ASCII,
//   ٬ → ',' and ٫ → '.', Latin lower-cased. Number tokens carry their parsed
//   `value`; `norm` keeps the separators ("9,000", "2.5"). Symbol tokens are one
//   of % ٪ ‰ (percent signs, all three treated alike) - / . A clitic و glued to a
//   number ("و7") arrives as a Word "و" followed by the Number. Only `kind`,
//   `value` and `norm` are read; `stem`, `stopword`, offsets are ignored.
//
// What is a figure
//   * digits: 9000, 9,000, 2.5;
//   * number words, with the conjunction و/ف glued or not: units (masc./fem. and
//     case forms: ثلاث/ثلاثه, اثنان/اثنين/اثنتان…), teens (احد عشر, اثنا عشر,
//     ثلاث عشره…), tens (عشرون/عشرين…), hundreds (مئه/مائه, مئتان/مائتين,
//     خمسمائه/تسعمئه, or two words: ثلاث مئه), scales الف/الفا/الفان/الفين/الاف,
//     مليون/مليونا/مليونان/ملايين, مليار/مليارا/ملياران/مليارات, ترليون…, and
//     compounds: "ثلاثه الاف وخمسمائه وعشرون", "ثلاثه واربعون الفا";
//     "نصف مليون", "مليون ونصف";
//   * mixed: "9 الاف", "2.5 مليون", "3 ملايين و500 الف";
//   * vague plurals: عشرات, مئات, الاف/الالاف, ملايين, مليارات (also with the
//     article / بال-), composed ("عشرات الالاف", "مئات الملايين") or after
//     بضع/بضعه/عده ("بضعه الاف"). For a vague plural of unit S:
//         low = vague_low_factor * S  (default 3 S),
//         high = vague_high_factor * S (default 10 S),  value = low, vague = true.
//     e.g. "الاف" → [3000, 10000], "عشرات الالاف" → [30000, 100000].
//   * percentages: a following % ٪ ‰, "بالمائه"/"بالمئه", "في المئه"/"في المائه"
//     (or a % sign just before the number) → percent = true;
//   * ranges: "بين X و Y", "ما بين X و Y", "من X الي/حتي Y", "X الي/حتي/او Y",
//     "X-Y" followed by a scale or a percent sign, and "X و Y" when only Y carries
//     a scale ("25 و50 مليون"). A scale on Y distributes to a bare X
//     ("بين 5 و7 الاف" → 5000..7000). For a range: low = X, high = Y,
//     value = low, range = true. Without بين/من, "X-scale و Y-scale" is read as
//     two separate figures. A range needs X < Y.
//   * qualifiers before the number (optionally after a glued و/ف/ب/ل: "بنحو",
//     "لاكثر من", "بما يقارب"): اكثر من, اكثر, ازيد من, ما يزيد عن/علي,
//     ما يربو علي, ما لا يقل عن, يفوق, فوق → AtLeast; اقل من, اقل, ما لا يزيد عن,
//     لا يتجاوز, دون → AtMost; نحو, حوالي, قرابه, زهاء, ما يقارب, ما يقرب من,
//     ما يناهز, تقريبا → About. After the number: تقريبا → About,
//     علي الاقل / او اكثر / واكثر → AtLeast, علي الاكثر / او اقل → AtMost.
//     Bounds, applied to the base interval [b_lo, b_hi] (a point: b_lo = b_hi = v):
//         None:    [b_lo, b_hi]
//         AtLeast: [b_lo, +inf]
//         AtMost:  [0, b_hi]                 (counts are never negative)
//         About:   point → [about_low_factor v, about_high_factor v]
//                  (default [0.9 v, 1.1 v]); range/vague → unchanged.
//     `value` keeps the stated number.
//
// What is NOT a figure (parse_at → nullopt, classify_at tells why)
//   * Year: a plain 4-digit integer in [year_min, year_max] (default 1900..2100)
//     with no qualifier/scale/percent, that is preceded by a year cue (عام, العام,
//     عامي, سنه, منذ, في, حتي, قبل, بعد, خلال, مطلع, اواخر…) or by a month name,
//     followed by الماضي/المقبل/الجاري/م/ميلادي…, ends the input, or is followed by a
//     non-percent symbol; a year-like number right after "<year> و".
//   * YearRange: "2014-2015", "2014/2015", "2014-15", "بين 2014 و2015",
//     "من 2014 الي 2015" (both ends year-like).
//   * Date: day 1..31 before a month name, optionally with من / شهر in between
//     (Levantine كانون…تشرين, Gulf/Egyptian يناير…ديسمبر, Maghrebi جانفي…ديسمبر,
//     Moroccan يوليوز/غشت/شتنبر/نونبر/دجنبر), and d/m[/y] digit chains.
//   * Ordinal: ثالث, الثالث, الخامسه, الحادي عشر…, and any cardinal word with the
//     article (العشرين, الثلاثه), except vague plurals (الالاف).
//   * PhoneLike: a separator-less digit run with a leading zero and ≥ 7 digits,
//     or ≥ 10 digits not ending in six zeros; digit chains with such parts.
//   * Other: identifiers after رقم ("القرار رقم 2254"), clock times after الساعه,
//     bare "X-Y" (scores) and "X/Y" that are neither dates nor ranges.
//
// Thread safety: a NumberParser is immutable once constructed (it holds only its
// options; all word tables are static constexpr). Every member is const and
// keeps no state between calls, so one instance can be shared by any number of
// threads. No member allocates, except parse_all which grows its result vector.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/token.h"

namespace fahras::analysis {

enum class Qualifier : std::uint8_t { None, AtLeast, AtMost, About };

// Why a numeric span is (not) a figure.
enum class NumberClass : std::uint8_t {
  Figure,     // a counted quantity: returned by parse_at / parse_all
  Year,       // عام 2024
  YearRange,  // 2014-2015, بين 2014 و2015
  Date,       // 3 من ايلول, 12 يناير, 12/5/2020
  Ordinal,    // الثالث, الخامسه
  PhoneLike,  // 0501234567
  Other,      // رقم 2254, الساعه 10, a score 3-1, a ratio 3/4
};

struct ParsedNumber {
  std::size_t begin = 0, end = 0;  // token index range [begin, end) covered, qualifier words included
  std::size_t number_begin = 0;    // first token of the number itself (after qualifier / بين / من)
  double value = 0, low = 0, high = 0;  // see the header comment for the bounds
  Qualifier qualifier = Qualifier::None;
  bool percent = false, range = false, vague = false;

  // True when v lies in [low, high]: what a query "figure = v" should match.
  [[nodiscard]] bool admits(double v) const noexcept { return v >= low && v <= high; }
};

// A numeric span of any class (Figure included).
struct NumberSpan {
  NumberClass cls = NumberClass::Figure;
  std::size_t begin = 0, end = 0;  // [begin, end) token indices
};

struct NumberParserOptions {
  double about_low_factor = 0.9;   // About: low = 0.9 v
  double about_high_factor = 1.1;  // About: high = 1.1 v
  double vague_low_factor = 3;     // vague plural of S: low = 3 S
  double vague_high_factor = 10;   //                    high = 10 S
  int year_min = 1900;             // plain 4-digit integers in [year_min, year_max]
  int year_max = 2100;             //   are year candidates
  std::size_t phone_min_digits = 10;               // long separator-less digit runs
  std::size_t phone_min_digits_leading_zero = 7;   // 0xxxxxx…
};

class NumberParser {
 public:
  NumberParser() = default;
  explicit NumberParser(const NumberParserOptions& options) : opt_(options) {}

  // Parses the figure that starts at token i (a qualifier, بين/ما بين/من, a
  // leading % sign, or the number itself). nullopt when no figure starts at i,
  // including when i starts a year, date, ordinal, phone-like string, or is the
  // continuation of a digit chain (the "2015" of "2014-2015").
  // Note: i inside a compound ("واربعون" in "ثلاثه واربعون الفا") parses the tail.
  [[nodiscard]] std::optional<ParsedNumber> parse_at(std::span<const Token> toks,
                                                     std::size_t i) const;

  // All figures, left to right, non-overlapping; years, dates, ordinals, phone-
  // like strings and year ranges are skipped as whole spans.
  [[nodiscard]] std::vector<ParsedNumber> parse_all(std::span<const Token> toks) const;
  // Same, appending to `out` (lets a caller reuse its buffer).
  void parse_all(std::span<const Token> toks, std::vector<ParsedNumber>& out) const;

  // The numeric span starting at i and its class, or nullopt when i starts
  // nothing numeric. For a Figure, the span equals parse_at's [begin, end).
  [[nodiscard]] std::optional<NumberSpan> classify_at(std::span<const Token> toks,
                                                      std::size_t i) const;

  // Query helper: the first figure of a (short) token sequence, e.g. the
  // analysed query "اكثر من 9 الاف" → AtLeast 9000 → filter value ≥ 9000.
  [[nodiscard]] std::optional<ParsedNumber> first_figure(std::span<const Token> toks) const;

  [[nodiscard]] const NumberParserOptions& options() const noexcept { return opt_; }

 private:
  struct Scan {
    NumberClass cls;
    ParsedNumber num;  // begin/end valid for every class; the rest for Figure
  };
  [[nodiscard]] std::optional<Scan> scan_at(std::span<const Token> toks, std::size_t i) const;

  NumberParserOptions opt_{};
};

}  // namespace fahras::analysis
