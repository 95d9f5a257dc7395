// Tokenizer: segmenting (UAX #29 + the Arabic letter/digit split + number
// symbols), parse_number and canonical_number. Invisible code points (RLM) are
// written as \u escapes; everything else is readable UTF-8.
#include "analysis/tokenizer.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using fahras::analysis::canonical_number;
using fahras::analysis::parse_number;
using fahras::analysis::Segment;
using fahras::analysis::Tokenizer;
using fahras::analysis::TokenKind;

namespace {

constexpr TokenKind W = TokenKind::Word;
constexpr TokenKind N = TokenKind::Number;
constexpr TokenKind S = TokenKind::Symbol;

struct Seg {
  std::string_view surface;
  TokenKind kind;
};

struct SegCase {
  std::string_view input;
  std::vector<Seg> expected;
};

const char* kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::Word: return "Word";
    case TokenKind::Number: return "Number";
    case TokenKind::Symbol: return "Symbol";
  }
  return "?";
}

// "surface/Kind surface/Kind ..." so a failure shows the whole segmentation.
std::string describe(std::string_view text, const std::vector<Segment>& segs) {
  std::string s;
  for (const Segment& g : segs) {
    if (!s.empty()) s += ' ';
    s += text.substr(g.begin, g.end - g.begin);
    s += '/';
    s += kind_name(g.kind);
  }
  return s;
}

std::string describe(const std::vector<Seg>& segs) {
  std::string s;
  for (const Seg& g : segs) {
    if (!s.empty()) s += ' ';
    s += g.surface;
    s += '/';
    s += kind_name(g.kind);
  }
  return s;
}

void check_segments(const std::vector<SegCase>& cases) {
  Tokenizer tok;
  std::vector<Segment> out;
  for (const SegCase& c : cases) {
    CAPTURE(std::string(c.input));
    tok.segment(c.input, out);
    // Every segment is an in-order byte range of the input.
    std::uint32_t last_end = 0;
    for (const Segment& g : out) {
      CHECK(g.begin < g.end);
      CHECK(g.begin >= last_end);
      CHECK(g.end <= c.input.size());
      last_end = g.end;
    }
    CHECK(describe(c.input, out) == describe(c.expected));
  }
}

}  // namespace

TEST_CASE("tokenizer keeps numbers with separators as one Number segment", "[tokenizer]") {
  check_segments({
      {"9,000", {{"9,000", N}}},
      {"43,000", {{"43,000", N}}},
      {"٤٣٬٠٠٠", {{"٤٣٬٠٠٠", N}}},
      {"2.5", {{"2.5", N}}},
      {"٢٫٥", {{"٢٫٥", N}}},
      {"٩٠٠٠", {{"٩٠٠٠", N}}},
      {"1,250,000", {{"1,250,000", N}}},
      {"۱۲۳", {{"۱۲۳", N}}},
      {"أكثر من 9,000 معتقل", {{"أكثر", W}, {"من", W}, {"9,000", N}, {"معتقل", W}}},
      {"رقم ٢٢٥٤.", {{"رقم", W}, {"٢٢٥٤", N}}},  // the full stop is not a decimal point
  });
}

TEST_CASE("tokenizer splits Arabic clitics from digits", "[tokenizer]") {
  check_segments({
      {"و7", {{"و", W}, {"7", N}}},
      {"ب2014", {{"ب", W}, {"2014", N}}},
      {"و٧", {{"و", W}, {"٧", N}}},
      {"بين 5 و7 آلاف", {{"بين", W}, {"5", N}, {"و", W}, {"7", N}, {"آلاف", W}}},
      {"h1n1", {{"h1n1", W}}},  // Latin+digit mixes stay one word
  });
}

TEST_CASE("tokenizer emits the number symbols % ٪ ‰ - – / as Symbol segments", "[tokenizer]") {
  check_segments({
      {"68%", {{"68", N}, {"%", S}}},
      {"68٪", {{"68", N}, {"٪", S}}},
      {"5‰", {{"5", N}, {"‰", S}}},
      {"2014-2015", {{"2014", N}, {"-", S}, {"2015", N}}},
      {"2014/2015", {{"2014", N}, {"/", S}, {"2015", N}}},
      {"10–20", {{"10", N}, {"–", S}, {"20", N}}},  // en dash
      {"COVID-19", {{"COVID", W}, {"-", S}, {"19", N}}},
  });
}

TEST_CASE("tokenizer drops other punctuation and spaces", "[tokenizer]") {
  check_segments({
      {"", {}},
      {"   \n\t ", {}},
      {"hello, world!", {{"hello", W}, {"world", W}}},
      {"(داعش)", {{"داعش", W}}},
      {"“داعش”", {{"داعش", W}}},
      {"12:30", {{"12", N}, {"30", N}}},
      {"والمعتقلين في العراق،", {{"والمعتقلين", W}, {"في", W}, {"العراق", W}}},
      {"هل انتهى؟", {{"هل", W}, {"انتهى", W}}},
  });
}

TEST_CASE("tokenizer keeps marks, tatweel, presentation forms and bidi marks inside one word", "[tokenizer]") {
  // U+200F (right-to-left mark) is invisible, hence the escape.
  check_segments({
      {"مُعْتَقَلٍ", {{"مُعْتَقَلٍ", W}}},
      {"معتقـــل", {{"معتقـــل", W}}},
      {"ﺍﻟﻌﺮﺍﻕ", {{"ﺍﻟﻌﺮﺍﻕ", W}}},
      {"ﻻ", {{"ﻻ", W}}},
      {"معت\u200fقل", {{"معت\u200fقل", W}}},
  });
}

TEST_CASE("tokenizer replaces the previous output", "[tokenizer]") {
  Tokenizer tok;
  std::vector<Segment> out;
  tok.segment("والمعتقلين في العراق", out);
  REQUIRE(out.size() == 3);
  tok.segment("٩٠٠٠", out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].kind == N);
  tok.segment("", out);
  CHECK(out.empty());
}

TEST_CASE("parse_number reads thousands separators and decimal points", "[tokenizer][number]") {
  struct Case {
    std::string_view norm;
    double value;
  };
  static constexpr Case kCases[] = {
      {"9000", 9000},
      {"9,000", 9000},
      {"43,000", 43000},
      {"1,250,000", 1250000},
      {"9.000.000", 9000000},  // dotted thousands (several groups of three)
      {"2.5", 2.5},
      {"2,5", 2.5},            // a single comma before other than 3 digits: decimal
      {"12,34", 12.34},
      {"9.000", 9},            // a single dot is a decimal point
      {"1,234.5", 1234.5},
      {"1.234,5", 1234.5},
      {"0", 0},
      {"007", 7},
      {"0.5", 0.5},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.norm));
    double v = -1;
    REQUIRE(parse_number(c.norm, v));
    CHECK(v == Approx(c.value));
  }
}

TEST_CASE("parse_number rejects what is not a normalized number", "[tokenizer][number]") {
  static constexpr std::string_view kCases[] = {
      "", "abc", ",5", "5,", "5.", "1e5", "-5", "12 3", "٩٠٠٠" /* not normalized */, "9,000x", "9,,000",
  };
  for (std::string_view s : kCases) {
    CAPTURE(std::string(s));
    double v = 0;
    CHECK_FALSE(parse_number(s, v));
  }
}

TEST_CASE("canonical_number writes integers without decimals and fractions in shortest form",
          "[tokenizer][number]") {
  struct Case {
    double value;
    std::string_view expected;
  };
  static constexpr Case kCases[] = {
      {9000, "9000"},   {43000, "43000"}, {1250000, "1250000"},          {2.5, "2.5"},
      {0, "0"},         {0.5, "0.5"},     {1234.5, "1234.5"},            {-3, "-3"},
      {1e12, "1000000000000"},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.value);
    std::string out = "x";  // appends
    canonical_number(c.value, out);
    std::string expected = "x";
    expected.append(c.expected);
    CHECK(out == expected);
  }
}

TEST_CASE("parse_number then canonical_number gives one term per spelling", "[tokenizer][number]") {
  struct Case {
    std::string_view norm;
    std::string_view term;
  };
  static constexpr Case kCases[] = {
      {"9,000", "9000"}, {"9000", "9000"}, {"43,000", "43000"}, {"2.5", "2.5"}, {"1,250,000", "1250000"},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.norm));
    double v = 0;
    REQUIRE(parse_number(c.norm, v));
    std::string out;
    canonical_number(v, out);
    CHECK(out == std::string(c.term));
  }
}

TEST_CASE("tokenizer fast path agrees with ICU on random text of news characters", "[tokenizer][fast]") {
  // Pieces news text is made of, the marks UAX #29 treats specially (’ and
  // U+2024 join digits, U+2027 letters, ZWNJ is Extend, RLM Format, ZWJ its
  // own class), and characters outside the fast path's ranges or broken UTF-8.
  static constexpr std::string_view kPieces[] = {
      "ا", "ل", "م", "ع", "ت", "ق", "ة", "ى", "ء", "أ", "ﻻ", "a", "Z", "x",
      "0", "7", "٠", "٤", "۱", ",", ".", "'", ":", ";", "@", "#", "&", "+", "=", "!", "?", "*", "[", "|", "~", "،", "٬", "٫", "؛", "؟",
      "َ", "ً", "ّ", "ـ", " ", "  ", "\n", "\r\n", "\t", "%", "٪", "-", "/", "\"", "(", "«", "»",
      "_", "\u00a0", "\u200f", "\u200c", "\u200d", "\u2009", "\u2028", "é", "×", "“", "”", "‘", "’",
      "\u2024", "\u2027", "\u2044", "\u061c", "\u0600", "‰", "–", "…", "€", "😀", "\xd8", "\xff", "\xe2\x80",
  };
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1), length(1, 14);
  Tokenizer tok;
  std::vector<Segment> fast, icu;
  int accepted = 0;
  constexpr int kTrials = 30000;
  for (int t = 0; t < kTrials; ++t) {
    std::string text;
    for (std::size_t i = length(rng); i > 0; --i) text += kPieces[piece(rng)];
    if (!Tokenizer::segment_fast(text, fast)) continue;
    ++accepted;
    tok.segment_icu(text, icu);
    CAPTURE(text);
    REQUIRE(describe(text, fast) == describe(text, icu));
  }
  CHECK(accepted > kTrials / 5);  // the fast path is exercised, not always declining
}

TEST_CASE("tokenizer fast path takes nearly every line of the seed articles, as ICU segments them", "[tokenizer][fast][seeds]") {
  Tokenizer tok;
  std::vector<Segment> fast, icu;
  int lines = 0, accepted = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(FAHRAS_SOURCE_DIR) / "corpora" / "seeds")) {
    std::ifstream f(entry.path(), std::ios::binary);
    for (std::string line; std::getline(f, line);) {
      if (line.empty()) continue;
      ++lines;
      tok.segment_icu(line, icu);
      if (!Tokenizer::segment_fast(line, fast)) continue;
      ++accepted;
      CAPTURE(line);
      CHECK(describe(line, fast) == describe(line, icu));
    }
  }
  CAPTURE(lines, accepted);
  CHECK(lines > 50);
  CHECK(accepted * 10 >= lines * 8);
}
