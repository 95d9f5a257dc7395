// An index built with --no-positions answers quoted phrases as the positional
// index does (search/phrase_check.h checks them in the stored passages), is
// smaller, and refuses to be updated the other way.
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <simdjson.h>
#include <xapian.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

using fahras::test::bin;
using fahras::test::run;
using fahras::test::TempDir;

namespace {

std::string seeds() { return std::string("'") + FAHRAS_SOURCE_DIR + "/corpora/seeds'"; }

// Every result (doc, passage) and the last line (facets), for comparing two indexes.
std::pair<std::set<std::pair<std::string, std::int64_t>>, std::string> results(const std::string& out) {
  std::set<std::pair<std::string, std::int64_t>> hits;
  std::string last;
  simdjson::dom::parser parser;
  std::size_t begin = 0;
  while (begin < out.size()) {
    std::size_t end = out.find('\n', begin);
    if (end == std::string::npos) end = out.size();
    const std::string line = out.substr(begin, end - begin);
    begin = end + 1;
    if (line.empty()) continue;
    simdjson::dom::element e;
    REQUIRE_FALSE(parser.parse(line).get(e));
    std::string_view doc;
    std::int64_t passage = 0;
    if (!e["doc"].get(doc) && !e["passage"].get(passage)) hits.emplace(std::string(doc), passage);
    else last = line;
  }
  return {hits, last};
}

}  // namespace

TEST_CASE("an index without positions finds the same phrases, checked in the stored passages", "[e2e][phrases]") {
  TempDir tmp;
  const std::string with = (tmp.path() / "with").string(), without = (tmp.path() / "without").string();
  REQUIRE(run(bin("fahras-index") + " -q --index '" + with + "' " + seeds(), tmp.path()).code == 0);
  REQUIRE(run(bin("fahras-index") + " -q --no-positions --index '" + without + "' " + seeds(), tmp.path()).code == 0);
  CHECK(Xapian::Database(with).has_positions());
  CHECK_FALSE(Xapian::Database(without).has_positions());
  CHECK(Xapian::Database(without).get_metadata("fahras.positions") == "none");
  CHECK(Xapian::Database(without).get_doccount() == Xapian::Database(with).get_doccount());

  struct Case {
    std::string query;
    bool found;  // the positional index finds something
  };
  const std::vector<Case> cases = {
      {"'\"القيادة المركزية الأمريكية\"'", true},
      {"'\"الأمريكية المركزية القيادة\"'", false},  // same words, other order
      {"'\"مخيم الهول\"'", true},
      {"'\"في مخيم الهول\"'", true},                 // a stopword before the phrase
      {"'\"قوات سوريا الديمقراطية\"'", true},
      {"'\"9000 معتقل\"'", true},                    // a number in a phrase
      {"'\"تنظيم الدولة\" سوريا'", true},            // a phrase and a word
      {"'\"القيادة المركزية\" \"تنظيم الدولة\"'", true},  // two phrases, both required
      {"'\"تنظيم الدولة\" \"مخيم الهول\"'", false},      // each found, never in one passage
      {"'\"سوريا الهول\"'", false},                  // both words in passages, never side by side
      {"'\"تنظيم الدولة\" mentions:2024' --facets place,org", true},  // facets count checked passages only
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const std::string args = " --json --limit 500 --per-article 0 " + c.query;
    const auto a = run(bin("fahras-search") + " --index '" + with + "'" + args, tmp.path());
    const auto b = run(bin("fahras-search") + " --index '" + without + "'" + args, tmp.path());
    REQUIRE(a.code == (c.found ? 0 : 1));
    CHECK(b.code == a.code);
    const auto ra = results(a.out), rb = results(b.out);
    CHECK(ra.first.size() == rb.first.size());
    CHECK(ra.first == rb.first);
    CHECK(ra.second == rb.second);
  }
}

TEST_CASE("an index keeps the way it was built: with positions or without", "[e2e][phrases]") {
  TempDir tmp;
  const std::string with = (tmp.path() / "with").string(), without = (tmp.path() / "without").string();
  REQUIRE(run(bin("fahras-index") + " -q --index '" + with + "' " + seeds(), tmp.path()).code == 0);
  REQUIRE(run(bin("fahras-index") + " -q --no-positions --index '" + without + "' " + seeds(), tmp.path()).code == 0);
  const auto a = run(bin("fahras-index") + " -q --no-positions --index '" + with + "' " + seeds(), tmp.path());
  CHECK(a.code != 0);
  CHECK(a.err.find("holds passages with positions") != std::string::npos);
  const auto b = run(bin("fahras-index") + " -q --index '" + without + "' " + seeds(), tmp.path());
  CHECK(b.code != 0);
  CHECK(b.err.find("was built with --no-positions") != std::string::npos);
  // Updated the way it was built: fine, and still without positions.
  CHECK(run(bin("fahras-index") + " -q --no-positions --index '" + without + "' " + seeds(), tmp.path()).code == 0);
  CHECK_FALSE(Xapian::Database(without).has_positions());
  CHECK(Xapian::Database(without).get_metadata("fahras.positions") == "none");
}
