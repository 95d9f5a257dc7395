// IdSet: duplicates of an id are found, different ids never are, whatever
// their length, script or shared prefix.
#include "pipeline/id_set.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using fahras::pipeline::IdSet;

TEST_CASE("the run's id set finds each repeated id and no other", "[pipeline][ids]") {
  struct Case {
    std::string id;
    bool duplicate;  // seen before in this table
  };
  const std::string long_prefix(300, 'a');
  const std::vector<Case> cases = {
      {"https://www.alriyadh.com/1063461", false},
      {"https://www.alriyadh.com/1063462", false},  // differs in its last byte
      {"https://www.alriyadh.com/1063461", true},
      {"", false},
      {"", true},
      {"مقالة/٢٠١٥/الرياض", false},
      {"مقالة/٢٠١٥/الرياض ", false},  // a trailing space is another id
      {"مقالة/٢٠١٥/الرياض", true},
      {long_prefix + "x", false},  // long ids that share 300 bytes
      {long_prefix + "y", false},
      {long_prefix + "x", true},
      {std::string("a\0b", 3), false},  // bytes after a NUL count
      {std::string("a\0c", 3), false},
      {"a", false},
  };
  IdSet set;
  std::size_t distinct = 0;
  for (const Case& c : cases) {
    CAPTURE(c.id);
    CHECK(set.contains(c.id) == c.duplicate);
    CHECK(set.insert(c.id) == !c.duplicate);
    CHECK(set.contains(c.id));
    if (!c.duplicate) ++distinct;
  }
  CHECK(set.size() == distinct);
}

TEST_CASE("the run's id set keeps 100,000 distinct ids apart", "[pipeline][ids]") {
  IdSet set;
  for (int i = 0; i < 100000; ++i) REQUIRE(set.insert("a/2015-07-21.zip!2015-07-21.json#" + std::to_string(i)));
  CHECK(set.size() == 100000);
  for (int i = 0; i < 100000; i += 997) CHECK_FALSE(set.insert("a/2015-07-21.zip!2015-07-21.json#" + std::to_string(i)));
}
