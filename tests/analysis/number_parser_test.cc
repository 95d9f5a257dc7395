// Table-driven tests for fahras::analysis::NumberParser.
//
// Every phrase below is written in its NORMALIZED spelling, i.e. what the
// normalizer hands the parser: no tashkeel/tatweel, أ إ آ ٱ → ا, ى → ي, ة → ه,
// ASCII digits, ٬ → ',' and ٫ → '.'. So "آلاف" appears as "الاف", "ثلاثة" as
// "ثلاثه", "إلى" as "الي", "على" as "علي".
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/number_parser.h"
#include "analysis/token.h"

using fahras::analysis::NumberClass;
using fahras::analysis::NumberParser;
using fahras::analysis::NumberParserOptions;
using fahras::analysis::ParsedNumber;
using fahras::analysis::Qualifier;
using fahras::analysis::Token;
using fahras::analysis::TokenKind;

namespace {

constexpr double INF = std::numeric_limits<double>::infinity();
constexpr Qualifier NO = Qualifier::None;
constexpr Qualifier AL = Qualifier::AtLeast;
constexpr Qualifier AM = Qualifier::AtMost;
constexpr Qualifier AB = Qualifier::About;

// --- a tiny stand-in for the analyser -------------------------------------
// Splits a normalized phrase on spaces, splits off the symbols - / % ٪ ‰ and a
// و glued to digits ("و7" → "و" "7"), and classifies each piece: digits with
// , and . → Number (value parsed, commas dropped), symbols → Symbol, else Word.
// norm == stem == the piece; views point into the (static) phrase literal.
std::size_t symbol_len(std::string_view s, std::size_t k) {
  const char c = s[k];
  if (c == '-' || c == '/' || c == '%') return 1;
  if (s.substr(k).starts_with("٪")) return std::string_view("٪").size();
  if (s.substr(k).starts_with("‰")) return std::string_view("‰").size();
  return 0;
}

bool digit_piece(std::string_view p) {
  bool digit = false;
  for (char c : p) {
    if (c >= '0' && c <= '9') digit = true;
    else if (c != ',' && c != '.') return false;
  }
  return digit;
}

std::vector<Token> toks(const char* phrase) {
  const std::string_view s(phrase);
  std::vector<Token> out;
  std::uint32_t pos = 0;
  auto emit = [&](std::size_t b, std::size_t e) {
    if (b >= e) return;
    const std::string_view piece = s.substr(b, e - b);
    Token t;
    t.begin = static_cast<std::uint32_t>(b);
    t.end = static_cast<std::uint32_t>(e);
    t.position = pos;
    if (digit_piece(piece)) {
      t.kind = TokenKind::Number;
      std::string digits;
      for (char c : piece)
        if (c != ',') digits += c;
      t.value = std::strtod(digits.c_str(), nullptr);
      ++pos;
    } else if (symbol_len(piece, 0) == piece.size()) {
      t.kind = TokenKind::Symbol;
    } else {
      t.kind = TokenKind::Word;
      ++pos;
    }
    t.norm = t.stem = piece;
    out.push_back(t);
  };
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::size_t b = i, k = i;
    const std::string_view waw = "و";
    if (s.substr(i, j - i).starts_with(waw) && i + waw.size() < j && s[i + waw.size()] >= '0' &&
        s[i + waw.size()] <= '9') {
      emit(i, i + waw.size());
      b = k = i + waw.size();
    }
    while (k < j) {
      if (const std::size_t sl = symbol_len(s, k)) {
        emit(b, k);
        emit(k, k + sl);
        k += sl;
        b = k;
      } else {
        ++k;
      }
    }
    emit(b, j);
    i = j;
  }
  return out;
}

#define CHECK_NUM(got, want)                       \
  do {                                             \
    const double g_ = (got), w_ = (want);          \
    INFO(#got " = " << g_ << ", want " << w_);     \
    if (std::isinf(w_)) CHECK((std::isinf(g_) && (g_ > 0) == (w_ > 0))); \
    else CHECK(g_ == Approx(w_).epsilon(1e-9));    \
  } while (0)

// --- figures ----------------------------------------------------------------
struct Case {
  const char* phrase;
  double value, low, high;
  Qualifier q;
  bool percent, range, vague;
  std::size_t begin;  // token index where the first figure starts
};

constexpr bool F = false, T = true;

// Normalized spellings (see the file comment).
const Case kCases[] = {
    // ---- digits, separators, decimals
    {"9000", 9000, 9000, 9000, NO, F, F, F, 0},
    {"9,000 شخص", 9000, 9000, 9000, NO, F, F, F, 0},
    {"43,000", 43000, 43000, 43000, NO, F, F, F, 0},
    {"2.5", 2.5, 2.5, 2.5, NO, F, F, F, 0},
    {"قتل 150 شخصا", 150, 150, 150, NO, F, F, F, 1},
    {"اعتقل 1,250,000 شخص", 1250000, 1250000, 1250000, NO, F, F, F, 1},
    {"تراجع 0.75 نقطه", 0.75, 0.75, 0.75, NO, F, F, F, 1},
    {"اعتقل 2000 شخص", 2000, 2000, 2000, NO, F, F, F, 1},
    {"قتل 1950 مدنيا", 1950, 1950, 1950, NO, F, F, F, 1},
    {"في 20 مليون", 2e7, 2e7, 2e7, NO, F, F, F, 1},
    {"7 قتلي", 7, 7, 7, NO, F, F, F, 0},
    {"وصل 31 شخصا", 31, 31, 31, NO, F, F, F, 1},
    // ---- digits with a scale word
    {"70 الف شخص", 70000, 70000, 70000, NO, F, F, F, 0},
    {"9 الاف", 9000, 9000, 9000, NO, F, F, F, 0},
    {"2.5 مليون", 2.5e6, 2.5e6, 2.5e6, NO, F, F, F, 0},
    {"20 مليار دولار", 2e10, 2e10, 2e10, NO, F, F, F, 0},
    {"1.5 مليار", 1.5e9, 1.5e9, 1.5e9, NO, F, F, F, 0},
    {"3 ملايين", 3e6, 3e6, 3e6, NO, F, F, F, 0},
    {"10 ملايين نسمه", 1e7, 1e7, 1e7, NO, F, F, F, 0},
    {"300 الف", 3e5, 3e5, 3e5, NO, F, F, F, 0},
    {"13 الف جندي", 13000, 13000, 13000, NO, F, F, F, 0},
    {"43 الفا", 43000, 43000, 43000, NO, F, F, F, 0},
    {"2 ترليون", 2e12, 2e12, 2e12, NO, F, F, F, 0},
    {"5 مليارات", 5e9, 5e9, 5e9, NO, F, F, F, 0},
    {"3 ملايين و500 الف", 3.5e6, 3.5e6, 3.5e6, NO, F, F, F, 0},
    {"20 الف و500", 20500, 20500, 20500, NO, F, F, F, 0},
    {"2 مليون ونصف", 2.5e6, 2.5e6, 2.5e6, NO, F, F, F, 0},
    {"2024 مليون", 2.024e9, 2.024e9, 2.024e9, NO, F, F, F, 0},
    // ---- units (masculine/feminine, case forms)
    {"تسعه الاف", 9000, 9000, 9000, NO, F, F, F, 0},
    {"ثمانيه من اعضاء", 8, 8, 8, NO, F, F, F, 0},
    {"ثلاث نساء", 3, 3, 3, NO, F, F, F, 0},
    {"ثلاثه رجال", 3, 3, 3, NO, F, F, F, 0},
    {"اثنان", 2, 2, 2, NO, F, F, F, 0},
    {"اثنين من الجنود", 2, 2, 2, NO, F, F, F, 0},
    {"اثنتان", 2, 2, 2, NO, F, F, F, 0},
    {"اثنتين", 2, 2, 2, NO, F, F, F, 0},
    {"رجل واحد", 1, 1, 1, NO, F, F, F, 1},
    {"واحده", 1, 1, 1, NO, F, F, F, 0},
    {"اربع سنوات", 4, 4, 4, NO, F, F, F, 0},
    {"اربعه", 4, 4, 4, NO, F, F, F, 0},
    {"خمس", 5, 5, 5, NO, F, F, F, 0},
    {"خمسه قتلي", 5, 5, 5, NO, F, F, F, 0},
    {"ست سنوات", 6, 6, 6, NO, F, F, F, 0},
    {"سته", 6, 6, 6, NO, F, F, F, 0},
    {"سبع", 7, 7, 7, NO, F, F, F, 0},
    {"سبعه جرحي", 7, 7, 7, NO, F, F, F, 0},
    {"ثمان سنوات", 8, 8, 8, NO, F, F, F, 0},
    {"ثماني", 8, 8, 8, NO, F, F, F, 0},
    {"تسع", 9, 9, 9, NO, F, F, F, 0},
    {"عشر سنوات", 10, 10, 10, NO, F, F, F, 0},
    {"عشره", 10, 10, 10, NO, F, F, F, 0},
    // ---- teens
    {"احد عشر لاعبا", 11, 11, 11, NO, F, F, F, 0},
    {"احدي عشره", 11, 11, 11, NO, F, F, F, 0},
    {"اثنا عشر", 12, 12, 12, NO, F, F, F, 0},
    {"اثني عشر شهرا", 12, 12, 12, NO, F, F, F, 0},
    {"اثنتا عشره", 12, 12, 12, NO, F, F, F, 0},
    {"ثلاثه عشر", 13, 13, 13, NO, F, F, F, 0},
    {"ثلاث عشره", 13, 13, 13, NO, F, F, F, 0},
    {"خمسه عشر", 15, 15, 15, NO, F, F, F, 0},
    {"تسعه عشر", 19, 19, 19, NO, F, F, F, 0},
    // ---- tens and unit + tens
    {"عشرون", 20, 20, 20, NO, F, F, F, 0},
    {"عشرين", 20, 20, 20, NO, F, F, F, 0},
    {"ثلاثون", 30, 30, 30, NO, F, F, F, 0},
    {"اربعين", 40, 40, 40, NO, F, F, F, 0},
    {"خمسين", 50, 50, 50, NO, F, F, F, 0},
    {"ستون", 60, 60, 60, NO, F, F, F, 0},
    {"سبعين", 70, 70, 70, NO, F, F, F, 0},
    {"ثمانون", 80, 80, 80, NO, F, F, F, 0},
    {"تسعين", 90, 90, 90, NO, F, F, F, 0},
    {"ثلاثه واربعون", 43, 43, 43, NO, F, F, F, 0},
    {"ثلاثه و اربعون", 43, 43, 43, NO, F, F, F, 0},
    {"خمسه وعشرين", 25, 25, 25, NO, F, F, F, 0},
    {"واحد وعشرون", 21, 21, 21, NO, F, F, F, 0},
    {"اثنان وثلاثون", 32, 32, 32, NO, F, F, F, 0},
    {"تسعه وتسعون", 99, 99, 99, NO, F, F, F, 0},
    // ---- hundreds
    {"مئه", 100, 100, 100, NO, F, F, F, 0},
    {"مائه", 100, 100, 100, NO, F, F, F, 0},
    {"مئتان", 200, 200, 200, NO, F, F, F, 0},
    {"مائتين", 200, 200, 200, NO, F, F, F, 0},
    {"خمسمائه", 500, 500, 500, NO, F, F, F, 0},
    {"تسعمئه", 900, 900, 900, NO, F, F, F, 0},
    {"ثلاثمئه", 300, 300, 300, NO, F, F, F, 0},
    {"ثلاثمائه", 300, 300, 300, NO, F, F, F, 0},
    {"اربعمئه", 400, 400, 400, NO, F, F, F, 0},
    {"ستمائه", 600, 600, 600, NO, F, F, F, 0},
    {"سبعمئه", 700, 700, 700, NO, F, F, F, 0},
    {"ثمانمائه", 800, 800, 800, NO, F, F, F, 0},
    {"ثلاث مئه", 300, 300, 300, NO, F, F, F, 0},
    {"ثلاث مائه", 300, 300, 300, NO, F, F, F, 0},
    {"تسع مئه", 900, 900, 900, NO, F, F, F, 0},
    {"خمس مائه", 500, 500, 500, NO, F, F, F, 0},
    {"مئه وعشرون", 120, 120, 120, NO, F, F, F, 0},
    {"مائه وخمسون", 150, 150, 150, NO, F, F, F, 0},
    {"خمسمائه وثلاثه وعشرون", 523, 523, 523, NO, F, F, F, 0},
    {"ثلاثمئه واثنا عشر", 312, 312, 312, NO, F, F, F, 0},
    {"مئتان وسبعه", 207, 207, 207, NO, F, F, F, 0},
    // ---- scale words, duals, compounds
    {"الف شخص", 1000, 1000, 1000, NO, F, F, F, 0},
    {"الفا", 1000, 1000, 1000, NO, F, F, F, 0},
    {"الفان", 2000, 2000, 2000, NO, F, F, F, 0},
    {"الفين", 2000, 2000, 2000, NO, F, F, F, 0},
    {"مليون", 1e6, 1e6, 1e6, NO, F, F, F, 0},
    {"مليونا", 1e6, 1e6, 1e6, NO, F, F, F, 0},
    {"مليونان", 2e6, 2e6, 2e6, NO, F, F, F, 0},
    {"مليونين", 2e6, 2e6, 2e6, NO, F, F, F, 0},
    {"مليار", 1e9, 1e9, 1e9, NO, F, F, F, 0},
    {"ملياران", 2e9, 2e9, 2e9, NO, F, F, F, 0},
    {"ثلاثه الاف", 3000, 3000, 3000, NO, F, F, F, 0},
    {"عشره الاف", 10000, 10000, 10000, NO, F, F, F, 0},
    {"سبعه ملايين", 7e6, 7e6, 7e6, NO, F, F, F, 0},
    {"خمسه مليارات", 5e9, 5e9, 5e9, NO, F, F, F, 0},
    {"ثلاثه واربعون الفا", 43000, 43000, 43000, NO, F, F, F, 0},
    {"خمسه وعشرون الف", 25000, 25000, 25000, NO, F, F, F, 0},
    {"ثلاثمائه الف", 3e5, 3e5, 3e5, NO, F, F, F, 0},
    {"ثلاث مئه الف", 3e5, 3e5, 3e5, NO, F, F, F, 0},
    {"مئه الف", 1e5, 1e5, 1e5, NO, F, F, F, 0},
    {"مئتا الف", 2e5, 2e5, 2e5, NO, F, F, F, 0},
    {"ثلاثه الاف وخمسمائه", 3500, 3500, 3500, NO, F, F, F, 0},
    {"الفان وخمسمائه", 2500, 2500, 2500, NO, F, F, F, 0},
    {"ثلاثه ملايين وخمسمائه الف", 3.5e6, 3.5e6, 3.5e6, NO, F, F, F, 0},
    {"خمسه الاف وسبعه", 5007, 5007, 5007, NO, F, F, F, 0},
    {"احد عشر الفا", 11000, 11000, 11000, NO, F, F, F, 0},
    {"اثنا عشر مليونا", 12e6, 12e6, 12e6, NO, F, F, F, 0},
    {"ثلاثون الفا", 30000, 30000, 30000, NO, F, F, F, 0},
    {"تسعمئه وخمسون الفا", 950000, 950000, 950000, NO, F, F, F, 0},
    {"مليون ونصف", 1.5e6, 1.5e6, 1.5e6, NO, F, F, F, 0},
    {"ثلاثه ملايين ونصف المليون", 3.5e6, 3.5e6, 3.5e6, NO, F, F, F, 0},
    {"نصف مليون", 5e5, 5e5, 5e5, NO, F, F, F, 0},
    {"ربع مليون لاجئ", 2.5e5, 2.5e5, 2.5e5, NO, F, F, F, 0},
    {"مليونان والفان", 2002000, 2002000, 2002000, NO, F, F, F, 0},
    // ---- glued conjunction on the first word
    {"وسبعه جرحي", 7, 7, 7, NO, F, F, F, 0},
    {"فثلاثه", 3, 3, 3, NO, F, F, F, 0},
    {"قتل ثلاثه واصيب سبعه", 3, 3, 3, NO, F, F, F, 1},
    {"قتل 3 واصيب 7", 3, 3, 3, NO, F, F, F, 1},
    // ---- vague plurals: [3 S, 10 S], value = low
    {"الاف المتظاهرين", 3000, 3000, 10000, NO, F, F, T, 0},
    {"الالاف", 3000, 3000, 10000, NO, F, F, T, 0},
    {"عشرات القتلي", 30, 30, 100, NO, F, F, T, 0},
    {"مئات", 300, 300, 1000, NO, F, F, T, 0},
    {"ملايين", 3e6, 3e6, 1e7, NO, F, F, T, 0},
    {"مليارات الدولارات", 3e9, 3e9, 1e10, NO, F, F, T, 0},
    {"عشرات الالاف", 3e4, 3e4, 1e5, NO, F, F, T, 0},
    {"مئات الالاف", 3e5, 3e5, 1e6, NO, F, F, T, 0},
    {"عشرات الملايين", 3e7, 3e7, 1e8, NO, F, F, T, 0},
    {"بضعه الاف", 3000, 3000, 10000, NO, F, F, T, 0},
    {"بضع مئات", 300, 300, 1000, NO, F, F, T, 0},
    {"عده الاف", 3000, 3000, 10000, NO, F, F, T, 0},
    {"قتل بالالاف", 3000, 3000, 10000, NO, F, F, T, 1},
    {"العشرات", 30, 30, 100, NO, F, F, T, 0},
    {"اكثر من عشرات الالاف", 3e4, 3e4, INF, AL, F, F, T, 0},
    // ---- percentages
    {"68 بالمائه", 68, 68, 68, NO, T, F, F, 0},
    {"55 بالمائه", 55, 55, 55, NO, T, F, F, 0},
    {"68%", 68, 68, 68, NO, T, F, F, 0},
    {"68 في المئه", 68, 68, 68, NO, T, F, F, 0},
    {"68 في المائه", 68, 68, 68, NO, T, F, F, 0},
    {"68 بالمئه", 68, 68, 68, NO, T, F, F, 0},
    {"نسبه 55 بالمائه", 55, 55, 55, NO, T, F, F, 1},
    {"بنسبه 12.5%", 12.5, 12.5, 12.5, NO, T, F, F, 1},
    {"68 ٪", 68, 68, 68, NO, T, F, F, 0},
    {"5 ‰", 5, 5, 5, NO, T, F, F, 0},
    {"اكثر من 50 بالمئه", 50, 50, INF, AL, T, F, F, 0},
    {"خمسون بالمئه", 50, 50, 50, NO, T, F, F, 0},
    {"%55", 55, 55, 55, NO, T, F, F, 0},
    {"نحو 40%", 40, 36, 44, AB, T, F, F, 0},
    {"2020%", 2020, 2020, 2020, NO, T, F, F, 0},
    // ---- ranges
    {"بين 5 و7 الاف", 5000, 5000, 7000, NO, F, T, F, 0},
    {"من 25 الي 50 مليون", 25e6, 25e6, 50e6, NO, F, T, F, 0},
    {"بين خمسه الاف وسبعه الاف", 5000, 5000, 7000, NO, F, T, F, 0},
    {"25 و50 مليون", 25e6, 25e6, 50e6, NO, F, T, F, 0},
    {"ببين حوالي 25 و50 مليون دولار", 25e6, 25e6, 50e6, AB, F, T, F, 1},
    {"بين حوالي 25 و50 مليون", 25e6, 25e6, 50e6, AB, F, T, F, 0},
    {"ما بين 10 و15 الف", 1e4, 1e4, 1.5e4, NO, F, T, F, 0},
    {"بين 5 و7", 5, 5, 7, NO, F, T, F, 0},
    {"من 3 الي 5 ملايين", 3e6, 3e6, 5e6, NO, F, T, F, 0},
    {"بين 100 و200 شخص", 100, 100, 200, NO, F, T, F, 0},
    {"20-30 الف", 2e4, 2e4, 3e4, NO, F, T, F, 0},
    {"20-30%", 20, 20, 30, NO, T, T, F, 0},
    {"5 الي 7 الاف", 5000, 5000, 7000, NO, F, T, F, 0},
    {"خمسه او سته الاف", 5000, 5000, 6000, NO, F, T, F, 0},
    {"من 10 حتي 20 الفا", 1e4, 1e4, 2e4, NO, F, T, F, 0},
    {"بين ثلاثه واربعه ملايين", 3e6, 3e6, 4e6, NO, F, T, F, 0},
    {"بين عشره وعشرين الفا", 1e4, 1e4, 2e4, NO, F, T, F, 0},
    {"بين 20 و30 بالمئه", 20, 20, 30, NO, T, T, F, 0},
    {"بين 500 و2 مليون", 500, 500, 2e6, NO, F, T, F, 0},
    {"وصل ما بين 3 و4 مليارات", 3e9, 3e9, 4e9, NO, F, T, F, 1},
    // ---- qualifiers
    {"اكثر من 9000 معتقل", 9000, 9000, INF, AL, F, F, F, 0},
    {"اكثر من 43,000", 43000, 43000, INF, AL, F, F, F, 0},
    {"اكثر من 9 الاف عنصر", 9000, 9000, INF, AL, F, F, F, 0},
    {"اكثر من 43 الفا", 43000, 43000, INF, AL, F, F, F, 0},
    {"اكثر من 20 مليار دولار", 2e10, 2e10, INF, AL, F, F, F, 0},
    {"نحو 2500 عنصر", 2500, 2250, 2750, AB, F, F, F, 0},
    {"اقل من 100", 100, 0, 100, AM, F, F, F, 0},
    {"حوالي 300 شخص", 300, 270, 330, AB, F, F, F, 0},
    {"قرابه 2000 شخص", 2000, 1800, 2200, AB, F, F, F, 0},
    {"زهاء 40 الفا", 40000, 36000, 44000, AB, F, F, F, 0},
    {"ما يقارب 600 مليون", 6e8, 5.4e8, 6.6e8, AB, F, F, F, 0},
    {"ما يزيد عن 500", 500, 500, INF, AL, F, F, F, 0},
    {"ما يزيد علي الف", 1000, 1000, INF, AL, F, F, F, 0},
    {"ما لا يقل عن 30", 30, 30, INF, AL, F, F, F, 0},
    {"لا يقل عن 30", 30, 30, INF, AL, F, F, F, 0},
    {"ما لا يزيد عن 30", 30, 0, 30, AM, F, F, F, 0},
    {"بنحو 5 مليارات دولار", 5e9, 4.5e9, 5.5e9, AB, F, F, F, 0},
    {"لاكثر من 10 سنوات", 10, 10, INF, AL, F, F, F, 0},
    {"بما يقارب 100", 100, 90, 110, AB, F, F, F, 0},
    {"نحو 1,500", 1500, 1350, 1650, AB, F, F, F, 0},
    {"اكثر 100", 100, 100, INF, AL, F, F, F, 0},
    {"100 تقريبا", 100, 90, 110, AB, F, F, F, 0},
    {"تقريبا 100", 100, 90, 110, AB, F, F, F, 0},
    {"50 الفا علي الاقل", 50000, 50000, INF, AL, F, F, F, 0},
    {"10 او اكثر", 10, 10, INF, AL, F, F, F, 0},
    {"20 علي الاكثر", 20, 0, 20, AM, F, F, F, 0},
    {"ما يربو علي 3 الاف", 3000, 3000, INF, AL, F, F, F, 0},
    {"يفوق 500", 500, 500, INF, AL, F, F, F, 0},
    {"دون 18", 18, 0, 18, AM, F, F, F, 0},
    {"حوالي ثلاثه الاف", 3000, 2700, 3300, AB, F, F, F, 0},
    {"نحو مئتي الف", 2e5, 1.8e5, 2.2e5, AB, F, F, F, 0},
    {"اكثر من مليون", 1e6, 1e6, INF, AL, F, F, F, 0},
    {"اقل من نصف مليون", 5e5, 0, 5e5, AM, F, F, F, 0},
    {"وحوالي 70", 70, 63, 77, AB, F, F, F, 0},
    {"ما يقرب من 400", 400, 360, 440, AB, F, F, F, 0},
    {"ما يناهز 80", 80, 72, 88, AB, F, F, F, 0},
    {"قتل اكثر من 2014 شخصا", 2014, 2014, INF, AL, F, F, F, 1},
};

// --- not figures ------------------------------------------------------------
struct NotCase {
  const char* phrase;
  NumberClass cls;  // class of the first numeric span
};

// Normalized spellings (see the file comment).
const NotCase kNotFigures[] = {
    {"عام 2024", NumberClass::Year},
    {"العام 2014", NumberClass::Year},
    {"في 2019", NumberClass::Year},
    {"منذ 2011", NumberClass::Year},
    {"سنه 1990", NumberClass::Year},
    {"2024", NumberClass::Year},
    {"خلال 2023 الماضي", NumberClass::Year},
    {"2023 الماضي", NumberClass::Year},
    {"والعام 2015 شهد", NumberClass::Year},
    {"ايار 2024", NumberClass::Year},
    {"عامي 2014 و2015", NumberClass::YearRange},
    {"عامي 2014 وفي 2015", NumberClass::Year},
    {"2014-2015", NumberClass::YearRange},
    {"2014/2015", NumberClass::YearRange},
    {"2014-15", NumberClass::YearRange},
    {"بين 2014 و2015", NumberClass::YearRange},
    {"من 2014 الي 2015", NumberClass::YearRange},
    {"في 2019 و2020", NumberClass::YearRange},
    {"3 من ايلول", NumberClass::Date},
    {"15 كانون الاول", NumberClass::Date},
    {"24 نيسان", NumberClass::Date},
    {"5 تموز", NumberClass::Date},
    {"29 من اب", NumberClass::Date},
    {"10 تشرين الثاني", NumberClass::Date},
    {"12 يناير", NumberClass::Date},
    {"7 اكتوبر 2023", NumberClass::Date},
    {"11 سبتمبر", NumberClass::Date},
    {"1 مايو", NumberClass::Date},
    {"1 جانفي", NumberClass::Date},
    {"14 فيفري", NumberClass::Date},
    {"20 جوان", NumberClass::Date},
    {"5 جويليه", NumberClass::Date},
    {"30 غشت", NumberClass::Date},
    {"2 من شهر دجنبر", NumberClass::Date},
    {"12/5/2020", NumberClass::Date},
    {"من 3 الي 5 ايار", NumberClass::Date},
    {"الثالث", NumberClass::Ordinal},
    {"الخامسه", NumberClass::Ordinal},
    {"ثالث", NumberClass::Ordinal},
    {"الحادي عشر", NumberClass::Ordinal},
    {"العشرين", NumberClass::Ordinal},
    {"الاول", NumberClass::Ordinal},
    {"0501234567", NumberClass::PhoneLike},
    {"0123456", NumberClass::PhoneLike},
    {"050-1234567", NumberClass::PhoneLike},
    {"اتصل علي 966501234567", NumberClass::PhoneLike},
    {"القرار رقم 2254", NumberClass::Other},
    {"الساعه 10", NumberClass::Other},
    {"فاز 3-1", NumberClass::Other},
};

}  // namespace

TEST_CASE("NumberParser: table of figures", "[number_parser]") {
  REQUIRE(std::size(kCases) >= 150);
  const NumberParser parser;
  for (const Case& c : kCases) {
    INFO("phrase: " << c.phrase);
    const auto t = toks(c.phrase);
    const auto all = parser.parse_all(t);
    REQUIRE_FALSE(all.empty());
    const ParsedNumber& f = all.front();
    CHECK_NUM(f.value, c.value);
    CHECK_NUM(f.low, c.low);
    CHECK_NUM(f.high, c.high);
    CHECK(f.qualifier == c.q);
    CHECK(f.percent == c.percent);
    CHECK(f.range == c.range);
    CHECK(f.vague == c.vague);
    CHECK(f.begin == c.begin);
    CHECK(f.number_begin >= f.begin);
    CHECK(f.end > f.number_begin);
    CHECK(f.end <= t.size());
    // parse_at at the figure's start agrees with parse_all
    const auto at = parser.parse_at(t, f.begin);
    REQUIRE(at.has_value());
    CHECK(at->end == f.end);
    CHECK_NUM(at->value, f.value);
  }
}

TEST_CASE("NumberParser: table of non-figures", "[number_parser]") {
  REQUIRE(std::size(kNotFigures) >= 25);
  const NumberParser parser;
  for (const NotCase& c : kNotFigures) {
    INFO("phrase: " << c.phrase);
    const auto t = toks(c.phrase);
    CHECK(parser.parse_all(t).empty());
    CHECK_FALSE(parser.first_figure(t).has_value());
    // the first numeric span and its class
    std::optional<fahras::analysis::NumberSpan> span;
    for (std::size_t i = 0; i < t.size() && !span; ++i) span = parser.classify_at(t, i);
    REQUIRE(span.has_value());
    CHECK(static_cast<int>(span->cls) == static_cast<int>(c.cls));
  }
}

TEST_CASE("NumberParser: spans of a qualified figure", "[number_parser]") {
  const NumberParser parser;
  // normalized: "بحسب أكثر من 9 آلاف عنصر"
  const auto t = toks("بحسب اكثر من 9 الاف عنصر");
  const auto all = parser.parse_all(t);
  REQUIRE(all.size() == 1);
  CHECK(all[0].begin == 1);
  CHECK(all[0].number_begin == 3);
  CHECK(all[0].end == 5);
  const auto cls = parser.classify_at(t, 1);
  REQUIRE(cls.has_value());
  CHECK(cls->cls == NumberClass::Figure);
  CHECK(cls->begin == 1);
  CHECK(cls->end == 5);
  CHECK_FALSE(parser.parse_at(t, 0).has_value());
}

TEST_CASE("NumberParser: range spans include the opener", "[number_parser]") {
  const NumberParser parser;
  const auto t = toks("بين 5 و7 الاف نازح");  // normalized
  const auto r = parser.parse_at(t, 0);
  REQUIRE(r.has_value());
  CHECK(r->begin == 0);
  CHECK(r->number_begin == 1);
  CHECK(r->end == 5);  // بين 5 و 7 الاف
  CHECK(r->range);
  CHECK(r->admits(6000));
  CHECK_FALSE(r->admits(8000));
  CHECK_FALSE(r->admits(4000));
}

TEST_CASE("NumberParser: several figures in a news sentence", "[number_parser]") {
  const NumberParser parser;
  // normalized: "قتل 3 أشخاص وأصيب 7 آخرون في 2019 بينما اعتقل أكثر من 9 آلاف و68 بالمائة منهم شبان"
  const auto t =
      toks("قتل 3 اشخاص واصيب 7 اخرون في 2019 بينما اعتقل اكثر من 9 الاف و68 بالمائه منهم شبان");
  const auto all = parser.parse_all(t);
  REQUIRE(all.size() == 4);
  CHECK(all[0].value == 3);
  CHECK(all[1].value == 7);
  CHECK(all[2].value == 9000);
  CHECK(all[2].qualifier == Qualifier::AtLeast);
  CHECK(all[3].value == 68);
  CHECK(all[3].percent);
  for (std::size_t k = 1; k < all.size(); ++k) CHECK(all[k].begin >= all[k - 1].end);
}

TEST_CASE("NumberParser: both-scaled numbers without بين are two figures", "[number_parser]") {
  const NumberParser parser;
  const auto t = toks("خمسه الاف وسبعه الاف");  // normalized
  const auto all = parser.parse_all(t);
  REQUIRE(all.size() == 2);
  CHECK(all[0].value == 5000);
  CHECK_FALSE(all[0].range);
  CHECK(all[1].value == 7000);
  CHECK(all[1].begin == 2);
}

TEST_CASE("NumberParser: split clitic و before digits is a conjunction", "[number_parser]") {
  const NumberParser parser;
  const auto t = toks("قتل 3 و7 جرحوا");  // "و7" arrives as "و" "7"
  REQUIRE(t.size() == 5);
  const auto all = parser.parse_all(t);
  REQUIRE(all.size() == 2);
  CHECK(all[0].value == 3);
  CHECK_FALSE(all[0].range);
  CHECK(all[1].value == 7);
  CHECK(all[1].begin == 3);
}

TEST_CASE("NumberParser: no figure inside a year range or date", "[number_parser]") {
  const NumberParser parser;
  const auto yr = toks("موسم 2014-2015 شهد");
  CHECK_FALSE(parser.parse_at(yr, 1).has_value());
  CHECK_FALSE(parser.parse_at(yr, 3).has_value());
  CHECK(parser.parse_all(yr).empty());
  const auto yr2 = toks("بين 2014 و2015");
  CHECK_FALSE(parser.parse_at(yr2, 3).has_value());  // "2015" after "2014 و"
  // a date span covers the two-word month and a following year
  const auto kd = toks("10 تشرين الثاني 2024 قتل");
  const auto ks = parser.classify_at(kd, 0);
  REQUIRE(ks.has_value());
  CHECK(ks->cls == NumberClass::Date);
  CHECK(ks->end == 4);
  const auto d = toks("في 15 ايار 2024 قتل 40 شخصا");
  const auto all = parser.parse_all(d);
  REQUIRE(all.size() == 1);
  CHECK(all[0].value == 40);
  CHECK(all[0].begin == 5);
}

TEST_CASE("NumberParser: first_figure skips years", "[number_parser]") {
  const NumberParser parser;
  const auto t = toks("عام 2024 قتل 50 شخصا");
  const auto f = parser.first_figure(t);
  REQUIRE(f.has_value());
  CHECK(f->value == 50);
  CHECK(f->begin == 3);
  CHECK_FALSE(parser.first_figure(toks("لا ارقام هنا")).has_value());
}

TEST_CASE("NumberParser: options change About and vague bounds", "[number_parser]") {
  NumberParserOptions o;
  o.about_low_factor = 0.8;
  o.about_high_factor = 1.25;
  o.vague_low_factor = 2;
  o.vague_high_factor = 9;
  o.year_min = 1000;
  const NumberParser parser(o);
  const auto a = parser.parse_all(toks("نحو 100"));
  REQUIRE(a.size() == 1);
  CHECK(a[0].low == Approx(80));
  CHECK(a[0].high == Approx(125));
  const auto v = parser.parse_all(toks("الاف"));
  REQUIRE(v.size() == 1);
  CHECK(v[0].low == Approx(2000));
  CHECK(v[0].high == Approx(9000));
  CHECK(parser.parse_all(toks("عام 1500")).empty());
  CHECK_FALSE(NumberParser().parse_all(toks("عام 1500")).empty());
}

TEST_CASE("NumberParser: empty and non-numeric input", "[number_parser]") {
  const NumberParser parser;
  CHECK(parser.parse_all({}).empty());
  CHECK_FALSE(parser.parse_at({}, 0).has_value());
  const auto t = toks("قال الرئيس ان الوضع صعب");
  CHECK(parser.parse_all(t).empty());
  CHECK_FALSE(parser.parse_at(t, 99).has_value());
  // a qualifier or opener with nothing numeric after it
  CHECK(parser.parse_all(toks("اكثر من ذلك")).empty());
  CHECK(parser.parse_all(toks("بين الطرفين")).empty());
  CHECK(parser.parse_all(toks("احد الاشخاص")).empty());  // احد alone is "one of"
  CHECK(parser.parse_all(toks("عده دول")).empty());
}
