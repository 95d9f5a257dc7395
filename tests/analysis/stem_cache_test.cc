// StemCache: what it finds, what it refuses, and that it stays bounded.
#include "analysis/stem_cache.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using fahras::analysis::StemCache;

namespace {

std::string found(const StemCache& c, std::string_view word) {
  std::string_view stem;
  return c.find(word, stem) ? std::string(stem) : std::string("<none>");
}

}  // namespace

TEST_CASE("the stem cache returns what was inserted for the same word only", "[stemmer][cache]") {
  struct Case {
    std::string word, stem;
  };
  const std::vector<Case> cases = {
      {"معتقلين", "معتقل"}, {"المعتقلين", "معتقل"}, {"released", "releas"},
      {"", ""},  // an empty word is a word like any other
      {"هجمات", "هجم"},     {std::string(255, 'a'), "a"},  // the longest word cached
  };
  StemCache c(100);
  for (const Case& k : cases) {
    CAPTURE(k.word);
    CHECK(found(c, k.word) == "<none>");
    c.insert(k.word, k.stem);
    CHECK(found(c, k.word) == k.stem);
  }
  for (const Case& k : cases) CHECK(found(c, k.word) == k.stem);  // every one still there
  CHECK(c.size() == cases.size());
  CHECK(found(c, "معتقل") == "<none>");  // a prefix of a cached word
  CHECK(found(c, "معتقلينن") == "<none>");
  c.insert("معتقلين", "other");  // a word already there keeps its stem
  CHECK(found(c, "معتقلين") == "معتقل");
  CHECK(c.size() == cases.size());
}

TEST_CASE("the stem cache refuses long words and is off with a limit of 0", "[stemmer][cache]") {
  StemCache c(100), off(0);
  const std::string long_word(StemCache::kMaxWordBytes + 1, 'a');
  c.insert(long_word, "a");
  CHECK(found(c, long_word) == "<none>");
  CHECK(c.size() == 0);
  off.insert("word", "w");
  CHECK(found(off, "word") == "<none>");
}

TEST_CASE("the stem cache empties itself when full and keeps working", "[stemmer][cache]") {
  StemCache c(3);
  c.insert("a", "1");
  c.insert("b", "2");
  c.insert("c", "3");
  CHECK(c.size() == 3);
  c.insert("d", "4");  // full: emptied, then d
  CHECK(c.size() == 1);
  CHECK(found(c, "a") == "<none>");
  CHECK(found(c, "d") == "4");
  // Many words through a small cache: never more than its limit, always right.
  StemCache small(1000);
  for (int i = 0; i < 20000; ++i) {
    const std::string w = "كلمة" + std::to_string(i);
    small.insert(w, std::to_string(i));
    REQUIRE(small.size() <= 1000);
    REQUIRE(found(small, w) == std::to_string(i));
  }
}
