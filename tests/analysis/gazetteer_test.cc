// Gazetteer: aliases resolve to one entity; matching is over token keys, so
// clitics and the spellings the normalizer folds do not break a match, while a
// one-word name keeps its definiteness.
#include "analysis/analyzer.h"
#include "analysis/gazetteer.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

using namespace fahras::analysis;

namespace {

const char* kData =
    "# a comment, then a blank line\n"
    "\n"
    "org\tداعش\tتنظيم الدولة|تنظيم الدولة الإسلامية|الدولة الإسلامية\tcurated\n"
    "org\tقوات سوريا الديمقراطية\tقسد|قوات سوريا الديموقراطية\tcurated\n"
    "place\tالعراق\t\tcurated\n"
    "place\tسوريا\tسورية\tcurated\n"
    "place\tواشنطن\t\tcurated\n"
    "place\tحديثة\t\tcurated\n"
    "place\tجدة\tجده\tcurated\n"        // listed with both last letters
    "person\tمايكل إريك كوريلا\t\tcurated\n"
    "given\tمحمد\t\tcurated\n"
    "place\tإب\t\tcurated\n"          // two letters: never matched alone
    "place\tفي\t\tcurated\n"          // a function word: never matched alone
    "nonsense line without tabs\n"
    "planet\tالمريخ\t\tcurated\n";    // unknown type

// The canonical name matched at the first word of `text`, "" when none, and
// the number of words it covers.
std::pair<std::string, std::size_t> match(const Gazetteer& g, const std::string& text) {
  static thread_local Analyzer analyzer;
  const auto tokens = analyzer.analyze(text);
  const auto m = g.match_at(text, tokens, 0);
  if (!m) return {"", 0};
  return {g.entry(m->entry).canonical, m->end - m->begin};
}

}  // namespace

TEST_CASE("gazetteer data: entries, aliases, bad lines", "[gazetteer]") {
  const Gazetteer g(kData);
  CHECK(g.size() == 11);
  CHECK(g.bad_lines() == 2);
  REQUIRE(g.find("الدولة الإسلامية"));
  CHECK(g.entry(*g.find("الدولة الإسلامية")).canonical == "داعش");
  CHECK(g.entry(*g.find("قسد")).canonical == "قوات سوريا الديمقراطية");
  CHECK_FALSE(g.find("قسد", EntityType::Place));
  CHECK_FALSE(g.find("الدولة"));  // a part of a name is not the name
  // People are identified by first and last name, without the article.
  CHECK(g.entry(*g.find("مايكل إريك كوريلا")).id == "مايكل كوريلا");
}

TEST_CASE("a mined name part that is ب or ل and an ordinary word is not kept", "[gazetteer]") {
  // (Name parts may come before the ordinary words in the data: the check waits for all of them.)
  const Gazetteer g(
      "namepart\tلخلافة\t\tmined\nnamepart\tبدوي\t\tmined\nnamepart\tصالح\t\tmined\n"
      "common\tخلافة\t\tsnn\ncommon\tدوي\t\tsnn\ncommon\tصالح\t\tsnn\n");
  CHECK(g.bad_lines() == 0);
  CHECK_FALSE(g.is_name_part("لخلافه"));  // ل + خلافة: from "سالكا لخلافة"
  CHECK(g.is_name_part("بدوي"));          // ب + دوي: too short to tell, and a name
  CHECK(g.is_name_part("صالح"));
}

TEST_CASE("gazetteer matches over tokens: clitics, folded spellings, quotes, definiteness", "[gazetteer]") {
  const Gazetteer g(kData);
  struct Case {
    const char* text;
    const char* canonical;  // "" when nothing may match at the first word
    std::size_t words;
  };
  const Case cases[] = {
      {"العراق", "العراق", 1},
      {"والعراق", "العراق", 1},
      {"بالعراق", "العراق", 1},
      {"للعراق", "العراق", 1},
      {"عراق جديد", "", 0},               // the entry has the article; a bare word is another word
      {"سوريا", "سوريا", 1},
      {"وسوريا", "سوريا", 1},
      {"لسوريا", "سوريا", 1},
      {"وبسوريا", "سوريا", 1},
      {"سورية", "سوريا", 1},
      {"واشنطن", "واشنطن", 1},           // و that belongs to the word
      {"تنظيم الدولة الإسلامية في العراق", "داعش", 3},  // the longest name
      {"تنظيم “الدولة” في سوريا", "داعش", 2},           // quotes inside a name
      {"تنظيم \"الدولة الإسلامية\"", "داعش", 3},
      {"تنظيم، الدولة", "", 0},           // a comma breaks a name
      {"تنظيم الدوله الاسلاميه", "داعش", 3},  // folded spellings (ة/ه, إ/ا)
      {"قوات سوريا الديموقراطية", "قوات سوريا الديمقراطية", 3},
      {"وقسد", "قوات سوريا الديمقراطية", 1},
      {"إب", "", 0},
      {"في", "", 0},
      {"المريخ", "", 0},
      // A name written with ة does not end in a word written with ه (a pronoun:
      // حديثه "his talk") when the text writes ة elsewhere; a text that never
      // does may fold it (حديثه, تنظيم الدوله above).
      {"حديثة", "حديثة", 1},
      {"وحديثة قريبة", "حديثة", 1},
      {"حديثه", "حديثة", 1},
      {"حديثه عن الحرب في مدينة أخرى", "", 0},
      {"تنظيم الدوله الإسلامية في مدينة", "داعش", 3},  // only the last word counts
      {"جده مدينة ساحلية", "جدة", 1},              // the entry lists ه too
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto [canonical, words] = match(g, c.text);
    CHECK(canonical == c.canonical);
    CHECK(words == c.words);
  }
}

TEST_CASE("a later word of a name written with the article does not match an ordinary word bare", "[gazetteer]") {
  const Gazetteer g(
      "place\tالبحر المتوسط\tالبحر الأبيض المتوسط\tcurated\n"
      "org\tالغارديان\tصحيفة الغارديان\tcurated\n"
      "org\tالأمم المتحدة\t\tcurated\n"
      "common\tمتوسط\t\tsnn-1\n"
      "common\tمتحدة\t\tsnn-2\n");
  CHECK(match(g, "البحر المتوسط") == std::pair<std::string, std::size_t>{"البحر المتوسط", 2});
  CHECK(match(g, "البحر الأبيض المتوسط") == std::pair<std::string, std::size_t>{"البحر المتوسط", 3});
  // "The sea is of moderate waves": an ordinary word bare is a predicate, no adjective of the name.
  CHECK(match(g, "البحر متوسط الموج") == std::pair<std::string, std::size_t>{"", 0});
  CHECK(match(g, "الأمم متحدة") == std::pair<std::string, std::size_t>{"", 0});
  // A foreign word may lose or gain the article.
  CHECK(match(g, "صحيفة غارديان") == std::pair<std::string, std::size_t>{"الغارديان", 2});
}

TEST_CASE("helpers: keys, definiteness, clitic variants, joins", "[gazetteer]") {
  static thread_local Analyzer analyzer;
  auto norm = [](const char* w) { return std::string(analyzer.analyze(w)[0].norm); };
  CHECK(token_key(norm("والعراق")) == token_key(norm("العراق")));
  CHECK(is_definite(norm("بالعراق")));
  CHECK_FALSE(is_definite(norm("سوريا")));
  std::string_view v[3];
  const std::string w = norm("وبسوريا");
  REQUIRE(clitic_variants(w, v) == 2);
  CHECK(v[1] == norm("سوريا"));
  const std::string text = "تنظيم “الدولة” ، ثم";
  const auto a = static_cast<std::uint32_t>(std::string("تنظيم").size());
  const auto b = static_cast<std::uint32_t>(text.find("الدولة"));
  CHECK(joins_words(text, a, b));  // " “" between تنظيم and الدولة
  const auto c = static_cast<std::uint32_t>(text.find("ثم"));
  CHECK_FALSE(joins_words(text, b + static_cast<std::uint32_t>(std::string("الدولة").size()), c));
}

TEST_CASE("the built-in gazetteer loads cleanly and knows the region", "[gazetteer]") {
  const Gazetteer& g = Gazetteer::builtin();
  CHECK(g.bad_lines() == 0);
  CHECK(g.size() > 5000);
  struct Case {
    const char* name;
    EntityType type;
    const char* canonical;
  };
  const Case cases[] = {
      {"تنظيم الدولة", EntityType::Org, "داعش"},
      {"الدولة الإسلامية", EntityType::Org, "داعش"},
      {"قسد", EntityType::Org, "قوات سوريا الديمقراطية"},
      {"سينتكوم", EntityType::Org, "القيادة المركزية الأمريكية"},
      {"القيادة المركزية الأميركية", EntityType::Org, "القيادة المركزية الأمريكية"},
      {"العراق", EntityType::Place, "العراق"},
      {"الحسكة", EntityType::Place, "الحسكة"},
      {"مخيم الهول", EntityType::Place, "مخيم الهول"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const auto e = g.find(c.name, c.type);
    REQUIRE(e);
    CHECK(g.entry(*e).canonical == c.canonical);
  }
}
