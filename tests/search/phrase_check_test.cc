// holds_phrase: the check of quoted phrases in an index without positions
// follows Xapian's OP_PHRASE over the indexer's positions.
#include "search/phrase_check.h"

#include "analysis/analyzer.h"
#include "search/query.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using fahras::analysis::Analyzer;
using fahras::search::analyse_phrase;
using fahras::search::holds_phrase;

TEST_CASE("a phrase is held when its words come in order within its window", "[query][phrases]") {
  struct Case {
    std::string text, phrase;
    bool held;
  };
  const std::vector<Case> cases = {
      {"أعلنت القيادة المركزية الأمريكية نتائج عملياتها", "القيادة المركزية", true},
      {"أعلنت القيادة المركزية الأمريكية نتائج عملياتها", "المركزية القيادة", false},  // order
      {"القيادة في المنطقة المركزية", "القيادة المركزية", false},                  // not side by side
      {"وقالت والقيادة المركزية", "القيادة المركزية", true},                        // clitics: same stems
      {"الدولة الدولة الإسلامية", "الدولة الإسلامية", true},                        // the second start
      {"وزارة الصحة في السعودية", "وزارة الصحة في السعودية", true},
      // The stopword's place is part of the window (4), as OP_PHRASE reads it:
      // in order within it, so one word fewer is held, one more is not.
      {"وزارة الصحة السعودية", "وزارة الصحة في السعودية", true},
      {"وزارة الصحة قالت إن السعودية", "وزارة الصحة في السعودية", false},
      {"أكثر من 9,000 معتقل", "9000 معتقل", true},                                 // numbers as indexed
      {"نص بلا الكلمات", "مخيم الهول", false},
      {"أي نص", "في", true},  // a phrase of stopwords only has no terms: held by anything
  };
  Analyzer analyzer, text_analyzer;
  for (const Case& c : cases) {
    CAPTURE(c.text, c.phrase);
    const auto phrase = analyse_phrase(c.phrase, analyzer);
    CHECK(holds_phrase(text_analyzer.analyze(c.text), phrase) == c.held);
  }
}
