// NumberParser implementation. See number_parser.h for the contract.
//
// All word tables are static constexpr arrays sorted at compile time and looked
// up by binary search on std::string_view (the lexicon of number words through
// a hash table built from it once): nothing is allocated per token.
#include "analysis/number_parser.h"

#include "analysis/flat_map.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string_view>

namespace fahras::analysis {
namespace {

using sv = std::string_view;
constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------
// Compile-time sorted tables
// ---------------------------------------------------------------------------

template <class T, std::size_t N>
consteval std::array<T, N> sorted_unique(std::array<T, N> a) {
  std::sort(a.begin(), a.end());
  for (std::size_t i = 1; i < N; ++i) {
    if (!(a[i - 1] < a[i])) throw "duplicate entry in a number_parser table";
  }
  return a;
}

template <std::size_t N>
bool contains(const std::array<sv, N>& a, sv w) {
  return std::binary_search(a.begin(), a.end(), w);
}

// Lexicon of cardinal number words (normalized spelling).
enum class LK : std::uint8_t {
  Unit,         // 1..9 usable alone: ثلاثه, اثنين
  TeenOnly,     // 1..2 only before عشر/عشره: احد, اثنا
  TenWord,      // عشر/عشره: 10 alone, or the second half of a teen
  Tens,         // 20..90
  Hundred,      // 200..900 in one word (مئتان, خمسمائه)
  HundredBase,  // مئه/مائه: 100 alone, or ×100 after a unit ("ثلاث مئه")
  Scale,        // الف/الفا, مليون/مليونا…: multiplier, or 1×S alone
  Dual,         // الفان/الفين, مليونان…: 2×S
  Plural,       // الاف, ملايين, مليارات: multiplier, or vague alone
  VaguePlural,  // عشرات, مئات: vague only
  Fraction,     // نصف, ربع: before a scale, or "و نصف" after one
  Few,          // بضع/بضعه/عده: vague count, only before a scale/plural
};

struct Lex {
  sv w;
  LK k;
  double v;
  friend constexpr bool operator<(const Lex& a, const Lex& b) { return a.w < b.w; }
};

constexpr auto kLexicon = sorted_unique(std::array{
    // units
    Lex{"واحد", LK::Unit, 1}, Lex{"واحده", LK::Unit, 1},
    Lex{"اثنان", LK::Unit, 2}, Lex{"اثنين", LK::Unit, 2},
    Lex{"اثنتان", LK::Unit, 2}, Lex{"اثنتين", LK::Unit, 2},
    Lex{"ثلاث", LK::Unit, 3}, Lex{"ثلاثه", LK::Unit, 3},
    Lex{"اربع", LK::Unit, 4}, Lex{"اربعه", LK::Unit, 4},
    Lex{"خمس", LK::Unit, 5}, Lex{"خمسه", LK::Unit, 5},
    Lex{"ست", LK::Unit, 6}, Lex{"سته", LK::Unit, 6},
    Lex{"سبع", LK::Unit, 7}, Lex{"سبعه", LK::Unit, 7},
    Lex{"ثمان", LK::Unit, 8}, Lex{"ثماني", LK::Unit, 8}, Lex{"ثمانيه", LK::Unit, 8},
    Lex{"تسع", LK::Unit, 9}, Lex{"تسعه", LK::Unit, 9},
    // first halves of 11 and 12
    Lex{"احد", LK::TeenOnly, 1}, Lex{"احدي", LK::TeenOnly, 1},
    Lex{"اثنا", LK::TeenOnly, 2}, Lex{"اثني", LK::TeenOnly, 2},
    Lex{"اثنتا", LK::TeenOnly, 2}, Lex{"اثنتي", LK::TeenOnly, 2},
    // ten
    Lex{"عشر", LK::TenWord, 10}, Lex{"عشره", LK::TenWord, 10},
    // tens
    Lex{"عشرون", LK::Tens, 20}, Lex{"عشرين", LK::Tens, 20},
    Lex{"ثلاثون", LK::Tens, 30}, Lex{"ثلاثين", LK::Tens, 30},
    Lex{"اربعون", LK::Tens, 40}, Lex{"اربعين", LK::Tens, 40},
    Lex{"خمسون", LK::Tens, 50}, Lex{"خمسين", LK::Tens, 50},
    Lex{"ستون", LK::Tens, 60}, Lex{"ستين", LK::Tens, 60},
    Lex{"سبعون", LK::Tens, 70}, Lex{"سبعين", LK::Tens, 70},
    Lex{"ثمانون", LK::Tens, 80}, Lex{"ثمانين", LK::Tens, 80},
    Lex{"تسعون", LK::Tens, 90}, Lex{"تسعين", LK::Tens, 90},
    // hundreds
    Lex{"مئه", LK::HundredBase, 100}, Lex{"مائه", LK::HundredBase, 100},
    Lex{"مئتان", LK::Hundred, 200}, Lex{"مئتين", LK::Hundred, 200},
    Lex{"مائتان", LK::Hundred, 200}, Lex{"مائتين", LK::Hundred, 200},
    Lex{"مئتا", LK::Hundred, 200}, Lex{"مائتا", LK::Hundred, 200},
    Lex{"مئتي", LK::Hundred, 200}, Lex{"مائتي", LK::Hundred, 200},
    Lex{"ثلاثمئه", LK::Hundred, 300}, Lex{"ثلاثمائه", LK::Hundred, 300},
    Lex{"ثلثمئه", LK::Hundred, 300}, Lex{"ثلثمائه", LK::Hundred, 300},
    Lex{"اربعمئه", LK::Hundred, 400}, Lex{"اربعمائه", LK::Hundred, 400},
    Lex{"خمسمئه", LK::Hundred, 500}, Lex{"خمسمائه", LK::Hundred, 500},
    Lex{"ستمئه", LK::Hundred, 600}, Lex{"ستمائه", LK::Hundred, 600},
    Lex{"سبعمئه", LK::Hundred, 700}, Lex{"سبعمائه", LK::Hundred, 700},
    Lex{"ثمانمئه", LK::Hundred, 800}, Lex{"ثمانمائه", LK::Hundred, 800},
    Lex{"ثمانيمئه", LK::Hundred, 800}, Lex{"ثمانيمائه", LK::Hundred, 800},
    Lex{"تسعمئه", LK::Hundred, 900}, Lex{"تسعمائه", LK::Hundred, 900},
    // scales
    Lex{"الف", LK::Scale, 1e3}, Lex{"الفا", LK::Scale, 1e3},
    Lex{"مليون", LK::Scale, 1e6}, Lex{"مليونا", LK::Scale, 1e6},
    Lex{"مليار", LK::Scale, 1e9}, Lex{"مليارا", LK::Scale, 1e9},
    Lex{"بليون", LK::Scale, 1e9}, Lex{"بليونا", LK::Scale, 1e9},
    Lex{"ترليون", LK::Scale, 1e12}, Lex{"ترليونا", LK::Scale, 1e12},
    Lex{"تريليون", LK::Scale, 1e12}, Lex{"تريليونا", LK::Scale, 1e12},
    Lex{"الفان", LK::Dual, 1e3}, Lex{"الفين", LK::Dual, 1e3},
    Lex{"مليونان", LK::Dual, 1e6}, Lex{"مليونين", LK::Dual, 1e6},
    Lex{"ملياران", LK::Dual, 1e9}, Lex{"مليارين", LK::Dual, 1e9},
    Lex{"ترليونان", LK::Dual, 1e12}, Lex{"ترليونين", LK::Dual, 1e12},
    Lex{"تريليونان", LK::Dual, 1e12}, Lex{"تريليونين", LK::Dual, 1e12},
    Lex{"الاف", LK::Plural, 1e3}, Lex{"الوف", LK::Plural, 1e3},
    Lex{"ملايين", LK::Plural, 1e6},
    Lex{"مليارات", LK::Plural, 1e9}, Lex{"بلايين", LK::Plural, 1e9},
    Lex{"ترليونات", LK::Plural, 1e12}, Lex{"تريليونات", LK::Plural, 1e12},
    Lex{"عشرات", LK::VaguePlural, 10}, Lex{"مئات", LK::VaguePlural, 100},
    // fractions and vague counts
    Lex{"نصف", LK::Fraction, 0.5}, Lex{"ربع", LK::Fraction, 0.25},
    Lex{"بضع", LK::Few, 0}, Lex{"بضعه", LK::Few, 0}, Lex{"عده", LK::Few, 0},
});

// Ordinal stems (without the article).
constexpr auto kOrdinals = sorted_unique(std::array<sv, 22>{
    "اول", "اولي", "ثاني", "ثانيه", "ثالث", "ثالثه", "رابع", "رابعه", "خامس", "خامسه",
    "سادس", "سادسه", "سابع", "سابعه", "ثامن", "ثامنه", "تاسع", "تاسعه", "عاشر", "عاشره",
    "حادي", "حاديه"});

// Month names: Levantine, Gulf/Egyptian, Maghrebi (Algeria/Tunisia), Morocco.
constexpr auto kMonths = sorted_unique(std::array<sv, 37>{
    // Levantine / Iraqi (كانون and تشرين take الاول / الثاني)
    "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول", "تشرين",
    // Gulf / Egyptian (and shared Maghrebi spellings)
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه",
    "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
    // Algeria / Tunisia
    "جانفي", "فيفري", "افريل", "ماي", "جوان", "جويليه", "جويليا", "اوت",
    // Morocco
    "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر"});

// Words right before a year ("عام 2024", "منذ 2011", "في 2019").
constexpr auto kYearCues = sorted_unique(std::array<sv, 26>{
    "عام", "العام", "لعام", "بعام", "للعام", "عامي", "العامين", "سنه", "السنه", "لسنه",
    "بسنه", "للسنه", "سنتي", "منذ", "في", "حتي", "قبل", "بعد", "خلال", "مطلع", "بدايه",
    "نهايه", "اواخر", "اوائل", "منتصف", "ربيع"});

// Words right after a year ("2023 الماضي", "1948 م").
constexpr auto kYearSuffixes = sorted_unique(std::array<sv, 12>{
    "الماضي", "المقبل", "الجاري", "الحالي", "المنصرم", "م", "ميلادي", "ميلاديه", "للميلاد",
    "ه", "هجري", "هجريه"});

// Words before a number that make it an identifier or a clock time.
constexpr auto kIdCues = sorted_unique(std::array<sv, 8>{
    "رقم", "برقم", "الرقم", "ورقم", "بالرقم", "الساعه", "ساعه", "المرسوم"});

// Prefix qualifiers, longest first (first match wins).
struct QualPat {
  std::array<sv, 4> w;
  std::uint8_t n;
  Qualifier q;
};
constexpr QualPat kPrefixQuals[] = {
    {{"ما", "لا", "يقل", "عن"}, 4, Qualifier::AtLeast},
    {{"ما", "لا", "يقل", "علي"}, 4, Qualifier::AtLeast},
    {{"ما", "لا", "يزيد", "عن"}, 4, Qualifier::AtMost},
    {{"ما", "لا", "يزيد", "علي"}, 4, Qualifier::AtMost},
    {{"ما", "لا", "يتجاوز", ""}, 3, Qualifier::AtMost},
    {{"لا", "يقل", "عن", ""}, 3, Qualifier::AtLeast},
    {{"لا", "يقل", "علي", ""}, 3, Qualifier::AtLeast},
    {{"لا", "تقل", "عن", ""}, 3, Qualifier::AtLeast},
    {{"لا", "يزيد", "عن", ""}, 3, Qualifier::AtMost},
    {{"لا", "يزيد", "علي", ""}, 3, Qualifier::AtMost},
    {{"لا", "تزيد", "عن", ""}, 3, Qualifier::AtMost},
    {{"لا", "تزيد", "علي", ""}, 3, Qualifier::AtMost},
    {{"ما", "يزيد", "عن", ""}, 3, Qualifier::AtLeast},
    {{"ما", "يزيد", "علي", ""}, 3, Qualifier::AtLeast},
    {{"ما", "يربو", "علي", ""}, 3, Qualifier::AtLeast},
    {{"ما", "يربو", "عن", ""}, 3, Qualifier::AtLeast},
    {{"ما", "يقرب", "من", ""}, 3, Qualifier::About},
    {{"لا", "يتجاوز", "", ""}, 2, Qualifier::AtMost},
    {{"لا", "تتجاوز", "", ""}, 2, Qualifier::AtMost},
    {{"يزيد", "عن", "", ""}, 2, Qualifier::AtLeast},
    {{"يزيد", "علي", "", ""}, 2, Qualifier::AtLeast},
    {{"يربو", "علي", "", ""}, 2, Qualifier::AtLeast},
    {{"ما", "يفوق", "", ""}, 2, Qualifier::AtLeast},
    {{"ما", "فوق", "", ""}, 2, Qualifier::AtLeast},
    {{"اكثر", "من", "", ""}, 2, Qualifier::AtLeast},
    {{"ازيد", "من", "", ""}, 2, Qualifier::AtLeast},
    {{"اقل", "من", "", ""}, 2, Qualifier::AtMost},
    {{"ما", "دون", "", ""}, 2, Qualifier::AtMost},
    {{"ما", "يقارب", "", ""}, 2, Qualifier::About},
    {{"ما", "يناهز", "", ""}, 2, Qualifier::About},
    {{"يقرب", "من", "", ""}, 2, Qualifier::About},
    {{"يفوق", "", "", ""}, 1, Qualifier::AtLeast},
    {{"فوق", "", "", ""}, 1, Qualifier::AtLeast},
    {{"اكثر", "", "", ""}, 1, Qualifier::AtLeast},
    {{"اقل", "", "", ""}, 1, Qualifier::AtMost},
    {{"دون", "", "", ""}, 1, Qualifier::AtMost},
    {{"نحو", "", "", ""}, 1, Qualifier::About},
    {{"حوالي", "", "", ""}, 1, Qualifier::About},
    {{"قرابه", "", "", ""}, 1, Qualifier::About},
    {{"زهاء", "", "", ""}, 1, Qualifier::About},
    {{"يقارب", "", "", ""}, 1, Qualifier::About},
    {{"يناهز", "", "", ""}, 1, Qualifier::About},
    {{"تقريبا", "", "", ""}, 1, Qualifier::About},
};
constexpr auto kQualFirst = sorted_unique(std::array<sv, 18>{
    "ما", "لا", "يزيد", "يربو", "يقرب", "يفوق", "فوق", "اكثر", "ازيد", "اقل", "دون", "نحو",
    "حوالي", "قرابه", "زهاء", "يقارب", "يناهز", "تقريبا"});

// ---------------------------------------------------------------------------
// Small token helpers
// ---------------------------------------------------------------------------

constexpr sv kWaw = "و";
constexpr sv kFa = "ف";
constexpr sv kBa = "ب";
constexpr sv kLam = "ل";

bool is_word(const Token& t) { return t.kind == TokenKind::Word; }
bool is_num(const Token& t) { return t.kind == TokenKind::Number; }
bool word_is(const Token& t, sv w) { return t.kind == TokenKind::Word && t.norm == w; }

bool is_percent_sym(const Token& t) {
  return t.kind == TokenKind::Symbol && (t.norm == "%" || t.norm == "٪" || t.norm == "‰");
}
bool is_chain_sym(const Token& t) {
  return t.kind == TokenKind::Symbol && (t.norm == "-" || t.norm == "/");
}

// norm made only of ASCII digits (no separators, no decimals).
bool plain_digits(const Token& t) {
  if (t.kind != TokenKind::Number || t.norm.empty()) return false;
  for (char ch : t.norm) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

sv strip_conj(sv w) {  // و / ف glued in front
  if (w.size() > kWaw.size() && (w.starts_with(kWaw) || w.starts_with(kFa))) {
    w.remove_prefix(kWaw.size());
  }
  return w;
}
sv strip_proclitic(sv w) {  // و ف ب ل glued in front; empty if none
  if (w.size() > kWaw.size() && (w.starts_with(kWaw) || w.starts_with(kFa) ||
                                 w.starts_with(kBa) || w.starts_with(kLam))) {
    return w.substr(kWaw.size());
  }
  return {};
}
bool eq_maybe_conj(const Token& t, sv w) {
  return is_word(t) && (t.norm == w || strip_conj(t.norm) == w);
}

// The lexicon as a hash table (one hash and one compare per lookup, where the
// binary search made about eight compares): lookups run several times for
// every word of every text. Built once, thread-safely, then only read.
const FlatStringMap<const Lex*>& lexicon_table() {
  static const FlatStringMap<const Lex*> table = [] {
    FlatStringMap<const Lex*> t;
    for (const Lex& e : kLexicon) t.emplace(e.w, &e);
    return t;
  }();
  return table;
}

const Lex* find_lex(sv w) {
  // No lexicon word is longer than kLongestLex bytes.
  static constexpr std::size_t kLongestLex = [] {
    std::size_t n = 0;
    for (const Lex& e : kLexicon) n = std::max(n, e.w.size());
    return n;
  }();
  if (w.empty() || w.size() > kLongestLex) return nullptr;
  const Lex* const* e = lexicon_table().find(w);
  return e ? *e : nullptr;
}

struct Hit {
  const Lex* lex = nullptr;
  bool conj = false;     // a glued و/ف was stripped
  bool article = false;  // an article (ال, بال, لل) was stripped
};

// Looks a word up in the lexicon: exact, then without a glued و/ف, then without
// an article form (ال / بال / لل) after the optional conjunction.
Hit lookup_word(sv w) {
  if (const Lex* e = find_lex(w)) return {e, false, false};
  bool conj = false;
  if (sv r = strip_conj(w); r.size() != w.size()) {
    conj = true;
    w = r;
    if (const Lex* e = find_lex(w)) return {e, true, false};
  }
  for (sv art : {sv("ال"), sv("بال"), sv("لل")}) {
    if (w.size() > art.size() && w.starts_with(art)) {
      if (const Lex* e = find_lex(w.substr(art.size()))) return {e, conj, true};
    }
  }
  return {};
}

bool is_month_word(const Token& t) { return is_word(t) && contains(kMonths, t.norm); }

// One past a month phrase starting at k ("ايلول", "من ايلول", "من شهر ايلول",
// "كانون الاول"), or 0 when none.
std::size_t month_end(std::span<const Token> t, std::size_t k) {
  const std::size_t n = t.size();
  if (k < n && word_is(t[k], "من")) ++k;
  if (k < n && (word_is(t[k], "شهر") || word_is(t[k], "الشهر"))) ++k;
  if (k >= n || !is_month_word(t[k])) return 0;
  const bool two_word = t[k].norm == "كانون" || t[k].norm == "تشرين";
  ++k;
  if (two_word && k < n && (word_is(t[k], "الاول") || word_is(t[k], "الثاني"))) ++k;
  return k;
}

bool is_ordinal_word(sv w) {
  w = strip_conj(w);
  if (contains(kOrdinals, w)) return true;
  for (sv art : {sv("ال"), sv("بال"), sv("لل")}) {
    if (w.size() > art.size() && w.starts_with(art) && contains(kOrdinals, w.substr(art.size())))
      return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Cardinal parsing
// ---------------------------------------------------------------------------

struct Card {
  double value = 0;
  std::size_t end = 0;       // one past the last token
  double first_scale = 0;    // largest scale multiplied in (0: none)
  bool vague = false;
  double vlow = 0, vhigh = 0;
  bool plain = false;        // exactly one Number token, nothing else
};

// A component of the sub-1000 group.
enum class CK : std::uint8_t { Unit, Closed, Tens, Hund };
struct Comp {
  CK kind;
  double v;
  std::size_t next;
};

const Lex* exact_lex_at(std::span<const Token> t, std::size_t k, LK kind) {
  if (k >= t.size() || !is_word(t[k])) return nullptr;
  const Lex* e = find_lex(t[k].norm);
  return (e && e->k == kind) ? e : nullptr;
}

// The group component formed by lexicon word e at token k (teens and "ثلاث مئه"
// take a second token).
std::optional<Comp> word_component(std::span<const Token> t, std::size_t k, const Lex* e) {
  switch (e->k) {
    case LK::Unit:
    case LK::TeenOnly:
      if (exact_lex_at(t, k + 1, LK::TenWord)) return Comp{CK::Closed, e->v + 10, k + 2};
      if (e->k == LK::TeenOnly) return std::nullopt;
      if (exact_lex_at(t, k + 1, LK::HundredBase)) return Comp{CK::Hund, e->v * 100, k + 2};
      return Comp{CK::Unit, e->v, k + 1};
    case LK::TenWord:
      return Comp{CK::Closed, e->v, k + 1};
    case LK::Tens:
      return Comp{CK::Tens, e->v, k + 1};
    case LK::Hundred:
    case LK::HundredBase:
      return Comp{CK::Hund, e->v, k + 1};
    default:
      return std::nullopt;
  }
}

bool is_phone(const Token& t, const NumberParserOptions& o) {
  if (!plain_digits(t)) return false;
  const sv d = t.norm;
  if (d[0] == '0' && d.size() >= o.phone_min_digits_leading_zero) return true;
  if (d.size() >= o.phone_min_digits) {
    return !d.ends_with("000000");
  }
  return false;
}

// Vague plural (with composition) or بضع/عده + scale, starting at j.
std::optional<Card> parse_vague(std::span<const Token> t, std::size_t j, const Hit& h,
                                const NumberParserOptions& o) {
  const std::size_t n = t.size();
  double scale = 0;
  std::size_t k = j + 1;
  if (h.lex->k == LK::Few) {
    if (h.article || k >= n || !is_word(t[k])) return std::nullopt;
    const Hit h2 = lookup_word(t[k].norm);
    if (!h2.lex || h2.conj ||
        !(h2.lex->k == LK::Plural || h2.lex->k == LK::VaguePlural || h2.lex->k == LK::Scale))
      return std::nullopt;
    scale = h2.lex->v;
    ++k;
  } else {
    scale = h.lex->v;
  }
  double last = scale;
  while (k < n && is_word(t[k])) {  // "عشرات الالاف", "مئات الملايين"
    const Hit h2 = lookup_word(t[k].norm);
    if (!h2.lex || h2.conj || h2.lex->k != LK::Plural || !(h2.lex->v > last)) break;
    scale *= h2.lex->v;
    last = h2.lex->v;
    ++k;
  }
  Card c;
  c.vague = true;
  c.vlow = o.vague_low_factor * scale;
  c.vhigh = o.vague_high_factor * scale;
  c.value = c.vlow;
  c.end = k;
  c.first_scale = scale;
  return c;
}

// Percent marker at k: "%", "بالمائه", "في المئه". Returns tokens consumed.
std::size_t percent_suffix(std::span<const Token> t, std::size_t k) {
  const std::size_t n = t.size();
  if (k >= n) return 0;
  if (is_percent_sym(t[k])) return 1;
  if (!is_word(t[k])) return 0;
  const sv w = t[k].norm;
  if (w == "بالمائه" || w == "بالمئه") return 1;
  if (w == "في" && k + 1 < n && (word_is(t[k + 1], "المئه") || word_is(t[k + 1], "المائه")))
    return 2;
  return 0;
}

// A cardinal number starting at token j: digits and/or words, with scales and
// و-joined additive parts. A leading glued و/ف on the first word is accepted.
std::optional<Card> parse_card(std::span<const Token> t, std::size_t j,
                               const NumberParserOptions& o) {
  const std::size_t n = t.size();
  if (j >= n) return std::nullopt;
  const Token& f = t[j];
  if (is_num(f)) {
    if (is_phone(f, o)) return std::nullopt;
  } else if (is_word(f)) {
    const Hit h = lookup_word(f.norm);
    if (!h.lex) return std::nullopt;
    if (h.lex->k == LK::Plural || h.lex->k == LK::VaguePlural || h.lex->k == LK::Few)
      return parse_vague(t, j, h, o);
    if (h.article) return std::nullopt;
  } else {
    return std::nullopt;
  }

  enum class GS : std::uint8_t { Empty, Hund, Unit, Done, Digits };
  struct State {
    double total = 0;       // completed scale groups
    double last = kInf;     // smallest scale applied so far
    double group = 0;       // sub-scale group under construction
    GS gs = GS::Empty;
    std::size_t k = 0;
  };
  State s;
  s.k = j;
  State snap;             // state before a و-joined group that may turn out to be a range end
  bool snap_valid = false;
  double first_scale = 0;
  bool first = true;

  auto set_group = [&](const Comp& c) {
    s.group = c.v;
    s.gs = c.kind == CK::Hund ? GS::Hund : c.kind == CK::Unit ? GS::Unit : GS::Done;
    s.k = c.next;
  };

  while (s.k < n) {
    bool conj = false;
    std::size_t ck = s.k;  // token holding the component
    if (!first && word_is(t[s.k], "و") && s.k + 1 < n) {
      conj = true;
      ck = s.k + 1;
    }
    const Token& ct = t[ck];

    if (is_num(ct)) {
      if (first) {
        s.group = ct.value;
        s.gs = GS::Digits;
        s.k = ck + 1;
        first = false;
        continue;
      }
      // digits only join after a scale: "3 ملايين و500 الف"
      if (!conj || s.gs != GS::Empty || s.total == 0 || !(ct.value < s.last) || is_phone(ct, o))
        break;
      snap = s;
      snap_valid = true;
      s.group = ct.value;
      s.gs = GS::Digits;
      s.k = ck + 1;
      continue;
    }
    if (!is_word(ct)) break;
    const Hit h = lookup_word(ct.norm);
    if (!h.lex || h.article) break;
    if (h.conj) {
      if (conj) break;  // "و وخمسه"
      conj = true;
    }
    if (first) conj = false;  // a clause-level و before the whole number
    const Lex* e = h.lex;

    // multiplier: "ثلاثه الاف", "2.5 مليون", "ثلاث مئه الف"
    if (!first && !conj && (e->k == LK::Scale || e->k == LK::Plural)) {
      if (s.gs == GS::Empty) break;
      if (!(e->v < s.last)) {
        if (snap_valid) s = snap;  // "خمسه الاف وسبعه الاف": stop before "وسبعه"
        break;
      }
      s.total += s.group * e->v;
      s.last = e->v;
      if (first_scale == 0) first_scale = e->v;
      s.group = 0;
      s.gs = GS::Empty;
      s.k = ck + 1;
      snap_valid = false;
      continue;
    }

    if (first) {
      first = false;
      switch (e->k) {
        case LK::Scale:
        case LK::Dual:
          s.total = e->k == LK::Dual ? 2 * e->v : e->v;
          s.last = first_scale = e->v;
          s.k = ck + 1;
          continue;
        case LK::Fraction: {
          const Lex* sc = exact_lex_at(t, ck + 1, LK::Scale);
          if (!sc) return std::nullopt;
          s.total = e->v * sc->v;
          s.last = first_scale = sc->v;
          s.k = ck + 2;
          continue;
        }
        default: {
          const auto c = word_component(t, ck, e);
          if (!c) return std::nullopt;
          set_group(*c);
          continue;
        }
      }
    }

    // additive parts need a conjunction
    if (!conj) break;
    bool stop = false;
    switch (e->k) {
      case LK::Fraction:  // "مليون ونصف", "ثلاثه ملايين ونصف المليون"
        if (s.gs != GS::Empty || s.total == 0 || s.last == kInf) {
          stop = true;
          break;
        }
        s.total += e->v * s.last;
        s.k = ck + 1;
        if (s.k < n && is_word(t[s.k])) {
          const Hit h2 = lookup_word(t[s.k].norm);
          if (h2.lex && h2.article && !h2.conj && h2.lex->k == LK::Scale && h2.lex->v == s.last)
            ++s.k;
        }
        snap_valid = false;
        stop = true;
        break;
      case LK::Dual:
      case LK::Scale:  // "مليونان والفان", "مليون والف"
        if (s.gs != GS::Empty || s.total == 0 || !(e->v < s.last)) {
          stop = true;
          break;
        }
        s.total += (e->k == LK::Dual ? 2 : 1) * e->v;
        s.last = e->v;
        s.k = ck + 1;
        snap_valid = false;
        break;
      default: {
        const auto c = word_component(t, ck, e);
        if (!c) {
          stop = true;
          break;
        }
        if (s.gs == GS::Empty) {  // a new group after a scale: "الفان وخمسمائه"
          if (s.total == 0) {
            stop = true;
            break;
          }
          snap = s;
          snap_valid = true;
          set_group(*c);
        } else if (s.gs == GS::Hund && c->kind != CK::Hund) {  // "مئه وعشرون"
          s.group += c->v;
          s.gs = c->kind == CK::Unit ? GS::Unit : GS::Done;
          s.k = c->next;
        } else if (s.gs == GS::Unit && c->kind == CK::Tens) {  // "ثلاثه واربعون"
          s.group += c->v;
          s.gs = GS::Done;
          s.k = c->next;
        } else {
          stop = true;
        }
        break;
      }
    }
    if (stop) break;
  }

  // "9 الاف و68 بالمائه": a percent sign belongs to the و-joined part alone
  if (snap_valid && percent_suffix(t, s.k) > 0) s = snap;

  Card c;
  c.value = s.total + s.group;
  c.end = s.k;
  c.first_scale = first_scale;
  c.plain = is_num(f) && s.k == j + 1;
  return c;
}

// Qualifier at k before a number; returns tokens consumed (0: none).
std::size_t prefix_qualifier(std::span<const Token> t, std::size_t k, Qualifier& q) {
  const std::size_t n = t.size();
  if (k >= n || !is_word(t[k])) return 0;
  const sv w0 = t[k].norm;
  const sv w0s = strip_proclitic(w0);  // "بنحو", "لاكثر", "بما"
  if (!contains(kQualFirst, w0) && (w0s.empty() || !contains(kQualFirst, w0s))) return 0;
  for (const QualPat& p : kPrefixQuals) {
    if (p.w[0] != w0 && p.w[0] != w0s) continue;
    if (k + p.n >= n) continue;  // a number must follow
    bool ok = true;
    for (std::size_t m = 1; m < p.n && ok; ++m) ok = word_is(t[k + m], p.w[m]);
    if (ok) {
      q = p.q;
      return p.n;
    }
  }
  return 0;
}

// Qualifier right after a number ("تقريبا", "علي الاقل", "او اكثر").
std::size_t suffix_qualifier(std::span<const Token> t, std::size_t k, Qualifier& q) {
  const std::size_t n = t.size();
  if (k >= n || !is_word(t[k])) return 0;
  const sv w = t[k].norm;
  if (w == "تقريبا") {
    q = Qualifier::About;
    return 1;
  }
  if (w == "واكثر" || w == "فاكثر") {
    q = Qualifier::AtLeast;
    return 1;
  }
  if (w == "واقل" || w == "فاقل") {
    q = Qualifier::AtMost;
    return 1;
  }
  if (k + 1 < n && (w == "علي" || w == "او")) {
    const sv w1 = t[k + 1].norm;
    if (!is_word(t[k + 1])) return 0;
    if ((w == "علي" && w1 == "الاقل") || (w == "او" && w1 == "اكثر")) {
      q = Qualifier::AtLeast;
      return 2;
    }
    if ((w == "علي" && w1 == "الاكثر") || (w == "او" && w1 == "اقل")) {
      q = Qualifier::AtMost;
      return 2;
    }
  }
  return 0;
}

}  // namespace

// ---------------------------------------------------------------------------
// NumberParser
// ---------------------------------------------------------------------------

std::optional<NumberParser::Scan> NumberParser::scan_at(std::span<const Token> t,
                                                        std::size_t i) const {
  const std::size_t n = t.size();
  if (i >= n) return std::nullopt;
  const auto non_figure = [&](NumberClass cls, std::size_t end) {
    Scan s{cls, {}};
    s.num.begin = s.num.number_begin = i;
    s.num.end = std::max(end, i + 1);
    return std::optional<Scan>(s);
  };
  const auto year_like = [&](const Token& tk) {
    return plain_digits(tk) && tk.norm.size() == 4 && tk.value >= opt_.year_min &&
           tk.value <= opt_.year_max;
  };

  // The tail of a digit chain ("2015" in "2014-2015") is classified from its head.
  if (is_num(t[i]) && i >= 2 && is_chain_sym(t[i - 1]) && is_num(t[i - 2])) return std::nullopt;

  // ----- qualifier, opener, leading percent sign
  std::size_t k = i;
  Qualifier q = Qualifier::None;
  k += prefix_qualifier(t, k, q);
  enum class Opener : std::uint8_t { None, Between, From } op = Opener::None;
  if (k < n && is_word(t[k])) {
    if (word_is(t[k], "ما") && k + 1 < n && eq_maybe_conj(t[k + 1], "بين")) {
      op = Opener::Between;
      k += 2;
    } else if (eq_maybe_conj(t[k], "بين")) {
      op = Opener::Between;
      ++k;
    } else if (eq_maybe_conj(t[k], "من")) {
      op = Opener::From;
      ++k;
    }
  }
  if (op != Opener::None && q == Qualifier::None) k += prefix_qualifier(t, k, q);
  bool percent = false;
  if (k + 1 < n && is_percent_sym(t[k]) && is_num(t[k + 1]) && (k == 0 || !is_num(t[k - 1]))) {
    percent = true;  // "%55" typed in logical order
    ++k;
  }
  const std::size_t p = k;
  if (p >= n) return std::nullopt;
  const bool bare = p == i;

  // ----- ordinals and definite cardinals
  if (bare && is_word(t[p])) {
    const Hit h = lookup_word(t[p].norm);
    const bool def_cardinal = h.lex && h.article && h.lex->k != LK::Plural &&
                              h.lex->k != LK::VaguePlural && h.lex->k != LK::Scale &&
                              h.lex->k != LK::Dual && h.lex->k != LK::Fraction &&
                              h.lex->k != LK::Few && h.lex->k != LK::HundredBase &&
                              h.lex->k != LK::TeenOnly &&       // الاحد: Sunday
                              strip_conj(t[p].norm) != "الاثنين";  // Monday
    if (def_cardinal || (!h.lex && is_ordinal_word(t[p].norm))) {
      std::size_t e = p + 1;
      if (e < n && (word_is(t[e], "عشر") || word_is(t[e], "عشره"))) ++e;  // الحادي عشر
      return non_figure(NumberClass::Ordinal, e);
    }
    if (!h.lex) return std::nullopt;  // the common case: an ordinary word
  }

  // ----- phone-like strings, identifiers
  if (is_num(t[p]) && is_phone(t[p], opt_)) {
    std::size_t e = p + 1;
    while (e + 1 < n && is_chain_sym(t[e]) && is_num(t[e + 1])) e += 2;
    return bare ? non_figure(NumberClass::PhoneLike, e) : std::nullopt;
  }
  if (bare && is_num(t[p]) && p > 0 && is_word(t[p - 1]) && contains(kIdCues, t[p - 1].norm))
    return non_figure(NumberClass::Other, p + 1);

  const auto X = parse_card(t, p, opt_);
  if (!X) return std::nullopt;

  ParsedNumber r;
  r.begin = i;
  r.number_begin = p;

  const auto finish = [&](double value, double low, double high, std::size_t end, bool range,
                          bool vague) {
    Qualifier sq = Qualifier::None;
    end += suffix_qualifier(t, end, sq);
    if (q == Qualifier::None) q = sq;
    r.value = value;
    r.low = low;
    r.high = high;
    r.end = end;
    r.range = range;
    r.vague = vague;
    r.percent = percent;
    r.qualifier = q;
    switch (q) {
      case Qualifier::None:
        break;
      case Qualifier::AtLeast:
        r.high = kInf;
        break;
      case Qualifier::AtMost:
        r.low = 0;
        break;
      case Qualifier::About:
        if (!range && !vague) {
          r.low = opt_.about_low_factor * value;
          r.high = opt_.about_high_factor * value;
        }
        break;
    }
    return std::optional<Scan>(Scan{NumberClass::Figure, r});
  };

  // ----- digit chains: 2014-2015, 12/5/2020, 050-1234567, 20-30%, 3-1
  if (X->plain && X->end + 1 < n && is_chain_sym(t[X->end]) && is_num(t[X->end + 1])) {
    std::array<std::size_t, 4> part{p, 0, 0, 0};
    std::size_t parts = 1, e = p + 1;
    bool dash = false, slash = false;
    while (parts < part.size() && e + 1 < n && is_chain_sym(t[e]) && is_num(t[e + 1])) {
      (t[e].norm == "-" ? dash : slash) = true;
      part[parts++] = e + 1;
      e += 2;
    }
    bool phone = false;
    for (std::size_t m = 0; m < parts; ++m) {
      const Token& pt = t[part[m]];
      if (is_phone(pt, opt_) || (plain_digits(pt) && pt.norm[0] == '0' && pt.norm.size() >= 3))
        phone = true;
    }
    if (phone) return non_figure(NumberClass::PhoneLike, e);
    const Token& a = t[part[0]];
    const Token& b = t[part[1]];
    if (parts == 2 && year_like(a) &&
        (year_like(b) || (plain_digits(b) && b.norm.size() == 2)))
      return non_figure(NumberClass::YearRange, e);
    auto small = [](const Token& tk, double hi) {
      return plain_digits(tk) && tk.value >= 1 && tk.value <= hi;
    };
    if (parts == 3 && small(a, 31) && small(b, 12) && plain_digits(t[part[2]]))
      return non_figure(NumberClass::Date, e);
    if (parts == 3 && year_like(a) && small(b, 12) && small(t[part[2]], 31))
      return non_figure(NumberClass::Date, e);
    if (parts == 2 && dash && !slash) {
      // "20-30 الف", "20-30%": a range when Y carries a scale or a percent sign
      const auto Y = parse_card(t, part[1], opt_);
      if (Y && !Y->vague && (Y->first_scale > 0 || percent_suffix(t, Y->end) > 0)) {
        const double S = Y->first_scale > 0 ? Y->first_scale : 1;
        const double lo = X->value * S;
        if (lo < Y->value) {
          std::size_t end = Y->end;
          if (const std::size_t pc = percent_suffix(t, end)) {
            percent = true;
            end += pc;
          }
          return finish(lo, lo, Y->value, end, true, false);
        }
      }
    }
    if (parts == 2 && slash && small(a, 31) && small(b, 12)) return non_figure(NumberClass::Date, e);
    return non_figure(NumberClass::Other, e);
  }

  // ----- ranges
  std::size_t c = X->end;
  bool pct_x = false;
  if (const std::size_t pc = percent_suffix(t, c)) {
    pct_x = true;
    c += pc;
  }
  enum class Conn : std::uint8_t { None, And, To, Or } conn = Conn::None;
  std::size_t ys = 0;
  if (c < n && is_word(t[c])) {
    const sv w = t[c].norm;
    if (w == "و" && c + 1 < n) {
      conn = Conn::And;
      ys = c + 1;
    } else if (w == "الي" || w == "حتي" || w == "والي" || w == "وحتي") {
      conn = Conn::To;
      ys = c + 1;
    } else if (w == "او") {
      conn = Conn::Or;
      ys = c + 1;
    } else if (const Hit h = lookup_word(w); h.lex && h.conj) {
      conn = Conn::And;
      ys = c;
    }
  }
  if (conn != Conn::None && !X->vague) {
    const auto Y = parse_card(t, ys, opt_);
    if (Y && !Y->vague) {
      if (X->plain && Y->plain && !pct_x && year_like(t[p]) && year_like(t[ys]) &&
          t[p].value < t[ys].value)
        return non_figure(NumberClass::YearRange, Y->end);
      bool dist = X->first_scale == 0 && Y->first_scale > 0;
      double lo = dist ? X->value * Y->first_scale : X->value;
      if (dist && !(lo < Y->value) && op != Opener::None) {
        dist = false;  // "بين 500 و2 مليون": X is already a full number
        lo = X->value;
      }
      bool ok = lo < Y->value;
      if (conn == Conn::And) ok = ok && (op == Opener::Between || (op == Opener::None && dist));
      else ok = ok && op != Opener::Between;
      if (ok) {
        if (X->plain && Y->plain && t[p].value <= 31 && t[ys].value <= 31) {
          if (const std::size_t me = month_end(t, Y->end)) return non_figure(NumberClass::Date, me);
        }
        std::size_t end = Y->end;
        percent = percent || pct_x;
        if (const std::size_t pc = percent_suffix(t, end)) {
          percent = true;
          end += pc;
        }
        return finish(lo, lo, Y->value, end, true, false);
      }
    }
  }
  if (op != Opener::None) return std::nullopt;  // "بين"/"من" without a range

  // ----- a single number
  std::size_t end = X->end;
  if (!percent && pct_x) {
    percent = true;
    end = c;
  }
  if (X->plain && q == Qualifier::None && !percent) {
    Qualifier sq = Qualifier::None;
    const bool has_sq = suffix_qualifier(t, end, sq) > 0;
    const Token& tk = t[p];
    // day of month: "3 من ايلول", "15 كانون الاول 2024"
    if (!has_sq && plain_digits(tk) && tk.value >= 1 && tk.value <= 31) {
      if (std::size_t me = month_end(t, end)) {
        if (me < n && year_like(t[me])) ++me;
        return non_figure(NumberClass::Date, me);
      }
    }
    if (!has_sq && year_like(tk)) {
      bool year = false;
      if (p > 0 && is_word(t[p - 1])) {
        const sv prev = t[p - 1].norm;
        year = contains(kYearCues, prev) || contains(kYearCues, strip_conj(prev)) ||
               is_month_word(t[p - 1]) || (p >= 2 && is_month_word(t[p - 2]));
        if (!year && prev == "و" && p >= 2 && year_like(t[p - 2])) year = true;  // 2014 و2015
      }
      if (end >= n || t[end].kind == TokenKind::Symbol) year = true;  // nothing countable follows
      else if (is_word(t[end]) && contains(kYearSuffixes, t[end].norm)) {
        year = true;
        ++end;
      }
      if (year) return non_figure(NumberClass::Year, end);
    }
  }
  if (X->vague) return finish(X->vlow, X->vlow, X->vhigh, end, false, true);
  return finish(X->value, X->value, X->value, end, false, false);
}

std::optional<ParsedNumber> NumberParser::parse_at(std::span<const Token> toks,
                                                   std::size_t i) const {
  auto s = scan_at(toks, i);
  if (!s || s->cls != NumberClass::Figure) return std::nullopt;
  return s->num;
}

void NumberParser::parse_all(std::span<const Token> toks, std::vector<ParsedNumber>& out) const {
  std::size_t i = 0;
  while (i < toks.size()) {
    if (auto s = scan_at(toks, i)) {
      if (s->cls == NumberClass::Figure) out.push_back(s->num);
      i = std::max(s->num.end, i + 1);
    } else {
      ++i;
    }
  }
}

std::vector<ParsedNumber> NumberParser::parse_all(std::span<const Token> toks) const {
  std::vector<ParsedNumber> out;
  parse_all(toks, out);
  return out;
}

std::optional<NumberSpan> NumberParser::classify_at(std::span<const Token> toks,
                                                    std::size_t i) const {
  auto s = scan_at(toks, i);
  if (!s) return std::nullopt;
  return NumberSpan{s->cls, s->num.begin, s->num.end};
}

std::optional<ParsedNumber> NumberParser::first_figure(std::span<const Token> toks) const {
  for (std::size_t i = 0; i < toks.size();) {
    if (auto s = scan_at(toks, i)) {
      if (s->cls == NumberClass::Figure) return s->num;
      i = std::max(s->num.end, i + 1);
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

}  // namespace fahras::analysis
