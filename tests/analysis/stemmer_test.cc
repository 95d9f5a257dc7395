// Clitic stripping, stemming and stopwords (stemmer.h, stopwords.cc).
#include "analysis/normalizer.h"
#include "analysis/stemmer.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using fahras::analysis::is_stopword;
using fahras::analysis::Normalizer;
using fahras::analysis::Stemmer;
using fahras::analysis::stopwords_sorted;
using fahras::analysis::strip_clitics;

namespace {

struct Case {
  std::string_view input;
  std::string_view expected;
};

}  // namespace

TEST_CASE("strip_clitics removes each clitic + article combination", "[stemmer][clitics]") {
  static constexpr Case kCases[] = {
      {"المعتقلين", "معتقلين"},     // ال
      {"والمعتقلين", "معتقلين"},    // وال
      {"فالمعتقلين", "معتقلين"},    // فال
      {"بالمعتقلين", "معتقلين"},    // بال
      {"كالمعتقلين", "معتقلين"},    // كال
      {"للمعتقلين", "معتقلين"},     // لل
      {"وبالمعتقلين", "معتقلين"},   // وبال
      {"وكالمعتقلين", "معتقلين"},   // وكال
      {"فبالمعتقلين", "معتقلين"},   // فبال
      {"فكالمعتقلين", "معتقلين"},   // فكال
      {"وللمعتقلين", "معتقلين"},    // ولل
      {"فللمعتقلين", "معتقلين"},    // فلل
      {"والعراق", "عراق"},
      {"بالعراق", "عراق"},
      {"للعراق", "عراق"},
      {"كالبحر", "بحر"},            // exactly three letters left
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(std::string(strip_clitics(c.input)) == std::string(c.expected));
  }
}

TEST_CASE("strip_clitics leaves words that would keep fewer than three letters or have no article",
          "[stemmer][clitics]") {
  static constexpr Case kCases[] = {
      {"الف", "الف"},        // ال + 1 letter: the word "thousand"
      {"الاف", "الاف"},      // ال + 2 letters: "thousands"
      {"الله", "الله"},      // ال + 2 letters
      {"والله", "والله"},    // وال + 2 letters
      {"لله", "لله"},        // لل + 1 letter
      {"الي", "الي"},        // the preposition (normalized إلى)
      {"معتقلين", "معتقلين"},  // no prefix
      {"ولد", "ولد"},        // starts with و but no article
      {"بلاد", "بلاد"},      // starts with ب but no article
      {"فلسطين", "فلسطين"},  // starts with فل but not فلل
      {"", ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(std::string(strip_clitics(c.input)) == std::string(c.expected));
  }
}

TEST_CASE("strip_clitics returns a view into its argument", "[stemmer][clitics]") {
  const std::string word = "والمعتقلين";
  const std::string_view stripped = strip_clitics(word);
  CHECK(stripped.data() == word.data() + std::string_view("وال").size());
  CHECK(stripped.data() + stripped.size() == word.data() + word.size());
}

TEST_CASE("every clitic variant of a word gives one Stemmer term", "[stemmer]") {
  struct Class {
    std::string_view expected;  // the common term
    std::vector<std::string_view> words;
  };
  const std::vector<Class> classes = {
      {"معتقل", {"معتقل", "المعتقل", "والمعتقلين", "للمعتقلين", "بالمعتقلين", "مُعْتَقَلٍ", "معتقـــل"}},
      {"عراق", {"العراق", "والعراق", "بالعراق", "للعراق", "ﺍﻟﻌﺮﺍﻕ"}},
      {"هجما", {"هجمات", "الهجمات", "والهجمات", "بالهجمات", "للهجمات"}},
  };
  Normalizer norm;
  Stemmer stemmer;
  std::vector<std::string> terms;
  for (const Class& cls : classes) {
    for (std::string_view w : cls.words) {
      CAPTURE(std::string(w));
      CHECK(stemmer.stem(norm.normalize(w)) == std::string(cls.expected));
    }
    terms.push_back(stemmer.stem(norm.normalize(cls.words.front())));
  }
  // Different words stay different.
  CHECK(terms[0] != terms[1]);
  CHECK(terms[1] != terms[2]);
  CHECK(terms[0] != terms[2]);
}

TEST_CASE("Stemmer keeps short article words whole", "[stemmer]") {
  // الف / الاف / الله must not lose "ال": stripping would leave 1-2 letters.
  static constexpr Case kCases[] = {{"الف", "الف"}, {"الاف", "الاف"}, {"الله", "الله"}};
  Stemmer stemmer;
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(stemmer.stem(c.input) == std::string(c.expected));
  }
}

TEST_CASE("Stemmer uses English Snowball for ASCII and keeps other scripts as is", "[stemmer]") {
  static constexpr Case kCases[] = {
      {"detainees", "detaine"},
      {"released", "releas"},
      {"attacks", "attack"},
      {"σοφια", "σοφια"},   // Greek: unchanged
      {"école", "école"},   // non-ASCII Latin: unchanged
  };
  Stemmer stemmer;
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(stemmer.stem(c.input) == std::string(c.expected));
  }
}

TEST_CASE("Stemmer gives the same terms with, without and with a tiny cache", "[stemmer]") {
  static constexpr std::string_view kWords[] = {"والمعتقلين", "بالعراق", "released", "الهجمات",
                                                "والمعتقلين", "بالعراق", "released", "الهجمات"};
  Stemmer uncached(0), tiny(2), big;
  for (std::string_view w : kWords) {
    CAPTURE(std::string(w));
    const std::string expected = uncached.stem(w);
    CHECK(tiny.stem(w) == expected);
    CHECK(big.stem(w) == expected);
  }
  CHECK(big.stem("والمعتقلين") == "معتقل");
}

TEST_CASE("Stemmer::stem appends to the caller's buffer", "[stemmer]") {
  Stemmer stemmer;
  std::string out = "Z";
  stemmer.stem("والمعتقلين", out);
  CHECK(out == "Zمعتقل");
  stemmer.stem("والمعتقلين", out);  // cached path appends as well
  CHECK(out == "Zمعتقلمعتقل");
}

TEST_CASE("is_stopword knows Arabic and English function words in normalized spelling", "[stemmer][stopwords]") {
  struct StopCase {
    std::string_view word;
    bool stop;
  };
  static constexpr StopCase kCases[] = {
      {"في", true},    {"من", true},       {"و", true},       {"علي", true},    {"الي", true},
      {"هذه", true},   {"التي", true},     {"the", true},     {"and", true},    {"with", true},
      {"وفي", true},   {"فلا", true},      {"ومن", true},     // و/ف + function word
      {"على", false},  // not normalized (ى): the table holds normalized spellings
      {"معتقل", false}, {"العراق", false}, {"والمعتقلين", false}, {"اكثر", false},
      {"detainees", false}, {"", false},  {"وال", false},
  };
  for (const StopCase& c : kCases) {
    CAPTURE(std::string(c.word));
    CHECK(is_stopword(c.word) == c.stop);
  }
}

TEST_CASE("the built-in stopword table is sorted for binary search", "[stemmer][stopwords]") {
  CHECK(stopwords_sorted());
}
