// Analyzer: offsets into the original text, positions, stopwords, numbers.
// The right-to-left mark (U+200F) is invisible and written as an escape.
#include "analysis/analyzer.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using fahras::analysis::Analyzer;
using fahras::analysis::Token;
using fahras::analysis::TokenKind;

namespace {

constexpr TokenKind W = TokenKind::Word;
constexpr TokenKind N = TokenKind::Number;
constexpr TokenKind S = TokenKind::Symbol;

struct Expect {
  std::string_view surface;  // text.substr(begin, end - begin)
  TokenKind kind;
  std::string_view norm;
  std::string_view stem;  // empty for stopwords and symbols
  std::uint32_t position;
  bool stopword;
};

struct Case {
  std::string_view text;
  std::vector<Expect> tokens;
};

}  // namespace

TEST_CASE("analyzer tokens carry original offsets, norms, stems, positions and stopword flags", "[analyzer]") {
  const std::vector<Case> cases = {
      {"أكثر من ٩٠٠٠ معتقل",
       {{"أكثر", W, "اكثر", "اكثر", 1, false},
        {"من", W, "من", "", 2, true},
        {"٩٠٠٠", N, "9000", "9000", 3, false},
        {"معتقل", W, "معتقل", "معتقل", 4, false}}},
      {"والمعتقلين في العراق",
       {{"والمعتقلين", W, "والمعتقلين", "معتقل", 1, false},
        {"في", W, "في", "", 2, true},
        {"العراق", W, "العراق", "عراق", 3, false}}},
      {"مُعْتَقَلٍ بالعراق",  // tashkeel stays in the surface, not in norm
       {{"مُعْتَقَلٍ", W, "معتقل", "معتقل", 1, false}, {"بالعراق", W, "بالعراق", "عراق", 2, false}}},
      {"ﺍﻟﻌﺮﺍﻕ ﻻ",  // presentation forms: surface keeps them
       {{"ﺍﻟﻌﺮﺍﻕ", W, "العراق", "عراق", 1, false}, {"ﻻ", W, "لا", "", 2, true}}},
      {"  معت\u200fقل  ",  // RLM inside the word: one token, leading spaces skipped
       {{"معت\u200fقل", W, "معتقل", "معتقل", 1, false}}},
      {"بين 5 و7 آلاف",
       {{"بين", W, "بين", "", 1, true},
        {"5", N, "5", "5", 2, false},
        {"و", W, "و", "", 3, true},
        {"7", N, "7", "7", 4, false},
        {"آلاف", W, "الاف", "الاف", 5, false}}},
      {"68% من الهجمات",  // a Symbol shares the position of the token before it
       {{"68", N, "68", "68", 1, false},
        {"%", S, "%", "", 1, false},
        {"من", W, "من", "", 2, true},
        {"الهجمات", W, "الهجمات", "هجما", 3, false}}},
      {"2014-2015",
       {{"2014", N, "2014", "2014", 1, false}, {"-", S, "-", "", 1, false}, {"2015", N, "2015", "2015", 2, false}}},
      {"The Detainees were released",
       {{"The", W, "the", "", 1, true},
        {"Detainees", W, "detainees", "detaine", 2, false},
        {"were", W, "were", "", 3, true},
        {"released", W, "released", "releas", 4, false}}},
      {"", {}},
  };
  Analyzer analyzer;
  for (const Case& c : cases) {
    CAPTURE(std::string(c.text));
    const auto tokens = analyzer.analyze(c.text);
    REQUIRE(tokens.size() == c.tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      const Expect& e = c.tokens[i];
      CAPTURE(i, std::string(e.surface));
      REQUIRE(t.begin <= t.end);
      REQUIRE(t.end <= c.text.size());
      CHECK(c.text.substr(t.begin, t.end - t.begin) == e.surface);
      CHECK(t.kind == e.kind);
      CHECK(std::string(t.norm) == std::string(e.norm));
      CHECK(std::string(t.stem) == std::string(e.stem));
      CHECK(t.position == e.position);
      CHECK(t.stopword == e.stopword);
    }
  }
}

TEST_CASE("analyzer gives Number tokens their value and a canonical stem", "[analyzer][number]") {
  struct NumCase {
    std::string_view text;
    double value;
    std::string_view norm;
    std::string_view stem;
  };
  static constexpr NumCase kCases[] = {
      {"9,000", 9000, "9,000", "9000"},
      {"٩٠٠٠", 9000, "9000", "9000"},
      {"43,000", 43000, "43,000", "43000"},
      {"٤٣٬٠٠٠", 43000, "43,000", "43000"},
      {"2.5", 2.5, "2.5", "2.5"},
      {"٢٫٥", 2.5, "2.5", "2.5"},
      {"1,250,000", 1250000, "1,250,000", "1250000"},
      {"۱۲۳", 123, "123", "123"},
  };
  Analyzer analyzer;
  for (const NumCase& c : kCases) {
    CAPTURE(std::string(c.text));
    const auto tokens = analyzer.analyze(c.text);
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == TokenKind::Number);
    CHECK(tokens[0].value == Approx(c.value));
    CHECK(std::string(tokens[0].norm) == std::string(c.norm));
    CHECK(std::string(tokens[0].stem) == std::string(c.stem));
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == c.text.size());
  }
}

TEST_CASE("analyzer gives every clitic variant of a word the same index term", "[analyzer]") {
  Analyzer analyzer;
  const auto tokens = analyzer.analyze("معتقل المعتقل والمعتقلين للمعتقلين بالمعتقلين مُعْتَقَلٍ");
  REQUIRE(tokens.size() == 6);
  for (const Token& t : tokens) {
    CAPTURE(t.position);
    CHECK(std::string(t.stem) == "معتقل");
  }
}

TEST_CASE("analyzer word positions count words and numbers, never symbols", "[analyzer]") {
  Analyzer analyzer;
  const std::string text = "ارتفع عدد المعتقلين بنسبة 68% بين 2014-2015 في العراق وسوريا";
  const auto tokens = analyzer.analyze(text);
  std::uint32_t expected = 0;
  for (const Token& t : tokens) {
    CAPTURE(std::string(text.substr(t.begin, t.end - t.begin)));
    if (t.kind != TokenKind::Symbol) ++expected;
    CHECK(t.position == expected);
  }
  CHECK(expected == 11);
}

TEST_CASE("analyzer results of one call do not depend on the previous call", "[analyzer]") {
  Analyzer analyzer;
  const std::string first = "والمعتقلين في العراق ٤٣٬٠٠٠";
  std::vector<std::string> stems;
  for (const Token& t : analyzer.analyze(first)) stems.emplace_back(t.stem);
  analyzer.analyze("نص آخر طويل جدا لا علاقة له بالنص الأول على الإطلاق مع أرقام 1,250,000 و٢٫٥");
  std::vector<std::string> again;
  for (const Token& t : analyzer.analyze(first)) again.emplace_back(t.stem);
  CHECK(again == stems);
  CHECK(stems == std::vector<std::string>{"معتقل", "", "عراق", "43000"});
}
