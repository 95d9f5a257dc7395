// FlatStringMap: keys are (tag, bytes); values are found, kept and updated
// through growth.
#include "analysis/flat_map.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using fahras::analysis::FlatStringMap;

TEST_CASE("the flat map finds each (tag, key) it holds and nothing else", "[gazetteer][flat-map]") {
  struct Case {
    std::string key;
    std::uint32_t tag, value;
  };
  const std::vector<Case> cases = {
      {"العراق", 0, 1}, {"العراق", 7, 2},  // one word under two trie parents
      {"عراق", 0, 3},   {"", 0, 4},        // an empty key is a key
      {"الرقة", 0, 5},  {std::string("a\0b", 3), 0, 6}, {std::string("a\0c", 3), 0, 7},
  };
  FlatStringMap<std::uint32_t> m;
  CHECK(m.empty());
  CHECK(m.find("العراق") == nullptr);
  for (const Case& c : cases) CHECK(m.emplace(c.key, c.value, c.tag) == c.value);
  CHECK(m.size() == cases.size());
  for (const Case& c : cases) {
    CAPTURE(c.key, c.tag);
    const std::uint32_t* v = m.find(c.key, c.tag);
    REQUIRE(v != nullptr);
    CHECK(*v == c.value);
  }
  CHECK(m.find("العراق", 8) == nullptr);
  CHECK(m.find("العرا") == nullptr);
  CHECK_FALSE(m.contains("الرقه"));
  // emplace of a key it holds returns the held value, which can be updated.
  std::uint32_t& held = m.emplace("العراق", 99);
  CHECK(held == 1);
  held = 42;
  CHECK(*m.find("العراق") == 42);
  CHECK(m.size() == cases.size());
}

TEST_CASE("the flat map keeps every key through its growth", "[gazetteer][flat-map]") {
  FlatStringMap<bool> set;
  for (int i = 0; i < 50000; ++i) set.emplace("كلمة" + std::to_string(i), true, static_cast<std::uint32_t>(i % 3));
  CHECK(set.size() == 50000);
  for (int i = 0; i < 50000; ++i) {
    REQUIRE(set.contains("كلمة" + std::to_string(i), static_cast<std::uint32_t>(i % 3)));
    REQUIRE_FALSE(set.contains("كلمة" + std::to_string(i), static_cast<std::uint32_t>(i % 3 + 1)));
  }
}
