// Normalizer: one table per step of normalizer.h (NFKC_Casefold, Arabic folding,
// Latin lower case). Arabic is written as readable UTF-8; only invisible code
// points (zero-width joiners, bidi marks, BOM, soft hyphen) are written as \u
// escapes, since they cannot be seen in the source.
#include "analysis/normalizer.h"
#include "analysis/utf8.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using fahras::analysis::Normalizer;

namespace {

struct Case {
  std::string_view input;
  std::string_view expected;
};


void check_table(const Normalizer& norm, const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    CAPTURE(std::string(c->input));
    CHECK(norm.normalize(c->input) == std::string(c->expected));
  }
}

}  // namespace

TEST_CASE("normalizer folds alef variants, alef maqsura, teh marbuta and Persian letters", "[normalizer]") {
  static constexpr Case kCases[] = {
      {"أحمد", "احمد"},          // أ → ا
      {"إسلام", "اسلام"},        // إ → ا
      {"آمن", "امن"},            // آ → ا
      {"ٱلله", "الله"},          // ٱ (wasla) → ا
      {"الإرهاب", "الارهاب"},    // inside a word
      {"مستشفى", "مستشفي"},      // ى → ي
      {"الذكرى", "الذكري"},
      {"مدرسة", "مدرسه"},        // ة → ه
      {"یک", "يك"},              // Persian ی → ي, ک → ك
      {"کتاب", "كتاب"},
      {"مسؤول", "مسؤول"},        // hamza on waw is NOT an alef variant: kept
      {"شيء", "شيء"},            // bare hamza kept
      {"والمعتقلين", "والمعتقلين"},  // already normal: unchanged
  };
  Normalizer norm;
  check_table(norm, std::begin(kCases), std::end(kCases));
}

TEST_CASE("normalizer removes tashkeel, superscript alef and tatweel", "[normalizer]") {
  static constexpr Case kCases[] = {
      {"مُعْتَقَلٍ", "معتقل"},       // damma, sukun, fatha, kasratan
      {"كَتَبَ", "كتب"},
      {"الإرهابيّة", "الارهابيه"},  // shadda, plus the alef and teh marbuta folds
      {"هٰذا", "هذا"},              // superscript alef U+0670
      {"معتقـــل", "معتقل"},        // tatweel U+0640
      {"ـالعراقـ", "العراق"},       // tatweel at both ends
  };
  Normalizer norm;
  check_table(norm, std::begin(kCases), std::end(kCases));
}

TEST_CASE("normalizer folds presentation forms and compatibility characters (NFKC)", "[normalizer]") {
  static constexpr Case kCases[] = {
      {"ﻻ", "لا"},              // lam-alef ligature
      {"ﻷ", "لا"},              // lam-alef with hamza: NFKC gives لأ, then أ → ا
      {"ﻵ", "لا"},              // lam-alef with madda
      {"ﺍﻟﻌﺮﺍﻕ", "العراق"},      // isolated/initial/medial/final forms
      {"ﻫﺬﺍ", "هذا"},
      {"ﷲ", "الله"},             // the Allah ligature (its shadda and dagger alef removed)
      {"ＡＢＣ", "abc"},          // full-width Latin, case folded
      {"１２３", "123"},          // full-width digits
      {"ﬁ", "fi"},              // Latin ligature
      {"مُعْتَقَلٍ ﻻ", "معتقل لا"},  // Arabic-block text mixed with a presentation form (slow path)
  };
  Normalizer norm;
  check_table(norm, std::begin(kCases), std::end(kCases));
}

TEST_CASE("normalizer drops invisible format characters inside words", "[normalizer]") {
  // Invisible code points written as escapes: U+200D zero-width joiner, U+200F
  // right-to-left mark, U+200C zero-width non-joiner, U+FEFF BOM, U+061C Arabic
  // letter mark, U+202B/U+202C embedding marks, U+00AD soft hyphen.
  static constexpr Case kCases[] = {
      {"معت\u200dقل", "معتقل"},
      {"معت\u200fقل", "معتقل"},
      {"\u200fمعتقل\u200f", "معتقل"},
      {"معت\u200cقل", "معتقل"},
      {"\ufeffمعتقل", "معتقل"},
      {"\u061cمعتقل", "معتقل"},
      {"\u202bالعراق\u202c", "العراق"},
      {"in\u00adformation", "information"},
      {"ﺍﻟﻌﺮ\u200dﺍﻕ", "العراق"},  // off the fast path (presentation forms) too
  };
  Normalizer norm;
  check_table(norm, std::begin(kCases), std::end(kCases));
}

TEST_CASE("normalizer turns Arabic-Indic and Persian digits and separators into ASCII", "[normalizer]") {
  static constexpr Case kCases[] = {
      {"٩٠٠٠", "9000"},
      {"٤٣٬٠٠٠", "43,000"},  // ٬ thousands separator → ','
      {"٢٫٥", "2.5"},        // ٫ decimal separator → '.'
      {"٦٨٪", "68%"},        // ٪ → '%'
      {"۱۲۳", "123"},        // Persian (extended) digits
      {"٢٠١٤-٢٠١٥", "2014-2015"},
      {"عام ٢٠٢٤", "عام 2024"},
  };
  Normalizer norm;
  check_table(norm, std::begin(kCases), std::end(kCases));
}

TEST_CASE("normalizer lower-cases Latin text (full case folding off ASCII)", "[normalizer]") {
  static constexpr Case kCases[] = {
      {"HELLO", "hello"},
      {"COVID-19 في العراق", "covid-19 في العراق"},
      {"Straße", "strasse"},  // full case folding
      {"ÉCOLE", "école"},
      {"ΣΟΦΙΑ", "σοφια"},
      {"", ""},
  };
  Normalizer norm;
  check_table(norm, std::begin(kCases), std::end(kCases));
}

TEST_CASE("normalizer appends to the caller's buffer", "[normalizer]") {
  Normalizer norm;
  std::string out = "XS";
  norm.normalize("أحمد", out);
  CHECK(out == "XSاحمد");
  norm.normalize(" ﻻ", out);  // slow path appends too
  CHECK(out == "XSاحمد لا");
}

TEST_CASE("a long text normalizes as its words do, on the fast path and off it", "[normalizer]") {
  // Words are folded in one pass that gives up at the first code point off the
  // Arabic/ASCII fast path; long texts are checked first. Both must agree with
  // each other whatever the length and wherever such a code point is.
  const std::string_view words[] = {"أكثر", "مِنْ", "٩٠٠٠", "معتقلٍ", "في", "ALHOL", "مخيّم", "الهول", "-", "الرقة"};
  Normalizer norm;
  for (const std::string_view tail : {std::string_view(""), std::string_view("ﻻ"), std::string_view("ＡＢ")}) {
    std::string text, expected;
    for (int round = 0; round < 20; ++round) {
      for (const std::string_view w : words) {
        text.append(w).push_back(' ');
        expected += norm.normalize(w);
        expected.push_back(' ');
      }
    }
    text += tail;
    expected += norm.normalize(tail);
    CAPTURE(std::string(tail));
    REQUIRE(text.size() > 256);
    CHECK(norm.normalize(text) == expected);
  }
}

TEST_CASE("normalizer output is valid UTF-8 when the input has invalid bytes", "[normalizer]") {
  // normalizer.h says invalid bytes are dropped; the implementation turns them
  // into U+FFFD (ICU's conversion). Either way the raw bytes must not survive
  // and the letters around them must.
  static constexpr Case kCases[] = {
      {"ab\x80" "cd", "abcd"},
      {"معتقل\xff", "معتقل"},
      {"أحمد\xd8", "احمد"},  // truncated 2-byte sequence at the end
  };
  Normalizer norm;
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    const std::string out = norm.normalize(c.input);
    CHECK(fahras::analysis::is_valid_utf8(out));
    std::string without_replacement = out;
    for (std::size_t p; (p = without_replacement.find("\uFFFD")) != std::string::npos;)
      without_replacement.erase(p, 3);
    CHECK(without_replacement == std::string(c.expected));
  }
}
