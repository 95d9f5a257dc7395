// End to end, through the real binaries: index corpora/seeds/ with 2 threads,
// then search it as a user would (text and --json), re-index, and check the
// error paths (missing index, non-fahras index, locked index, empty query).
#include "schema/schema.h"
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <simdjson.h>
#include <sys/wait.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using fahras::test::bin;
using fahras::test::Run;
using fahras::test::run;
using fahras::test::TempDir;

std::string seeds() { return std::string("'") + FAHRAS_SOURCE_DIR + "/corpora/seeds'"; }

// Article ids of `fahras-search --json` output, in rank order; checks each line's fields.
std::vector<std::string> json_docs(const std::string& out) {
  std::vector<std::string> ids;
  simdjson::ondemand::parser parser;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc = parser.iterate(padded);
    const std::uint64_t rank = doc["rank"].get_uint64();
    CHECK(rank == ids.size() + 1);
    ids.emplace_back(std::string_view(doc["doc"].get_string()));
    CHECK(doc["passage"].get_uint64().value() >= 1);
    CHECK(doc["score"].get_double().value() > 0);
    CHECK_FALSE(std::string_view(doc["title"].get_string()).empty());
    CHECK_FALSE(std::string_view(doc["text"].get_string()).empty());
  }
  return ids;
}

// Article ids of the text output, in rank order ("N. <id>  passage …" lines).
std::vector<std::string> text_docs(const std::string& out) {
  std::vector<std::string> ids;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const auto dot = line.find(". ");
    if (dot == std::string::npos || dot == 0 || line.find_first_not_of("0123456789") != dot) continue;
    ids.push_back(line.substr(dot + 2, line.find(' ', dot + 2) - dot - 2));
  }
  return ids;
}

Xapian::doccount passages_in(const fs::path& index) { return Xapian::Database(index.string()).get_doccount(); }

}  // namespace

TEST_CASE("seeds: index with 2 threads, rank figures, JSON agrees with text, re-index replaces", "[e2e]") {
  TempDir tmp;
  const fs::path index = tmp.path() / "index";
  const std::string index_arg = " --index '" + index.string() + "' ";

  const Run indexed = run(bin("fahras-index") + index_arg + "--threads 2 " + seeds(), tmp.path());
  INFO(indexed.out << indexed.err);
  REQUIRE(indexed.code == 0);
  CHECK(indexed.out.find("indexed 5 articles") != std::string::npos);
  CHECK(indexed.out.find("2 threads") != std::string::npos);
  const Xapian::doccount passages = passages_in(index);
  CHECK(passages > 5 * 5);  // articles are cut into paragraphs, not indexed whole

  struct Case {
    const char* query;
    std::vector<std::string> top;  // expected article ids (ordered when `ordered`)
    bool ordered;
  };
  const std::vector<Case> cases = {
      {"9000 معتقل", {"004_fdaf68bc1273c250.txt"}, true},
      {"٩٠٠٠ معتقل", {"004_fdaf68bc1273c250.txt"}, true},
      {"9,000 المعتقلين", {"004_fdaf68bc1273c250.txt"}, true},
      {"153 هجوما", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "003_6c8876742a8e138d.txt"}, false},
      // Figures (issue 3): the 9000 detainees are stated three ways in 000, 001 and 004.
      {"9000 detainees", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "004_fdaf68bc1273c250.txt"}, false},
      {"9 آلاف معتقل", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "004_fdaf68bc1273c250.txt"}, false},
      {"تسعة آلاف محتجز", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "004_fdaf68bc1273c250.txt"}, false},
      {"٩٠٠٠ معتقل", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "004_fdaf68bc1273c250.txt"}, false},
      {"9,000 معتقل", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "004_fdaf68bc1273c250.txt"}, false},
      {"153 attacks", {"000_6cfd97e1108cc33a.txt", "001_f97f696206195b7f.txt", "003_6c8876742a8e138d.txt"}, false},
      // The exact unit ranks first among the three.
      {"9000 معتقل", {"004_fdaf68bc1273c250.txt"}, true},
      {"تسعة آلاف محتجز", {"000_6cfd97e1108cc33a.txt"}, true},
      {"68 بالمائة", {"002_3849ae59219e4174.txt"}, true},
      {"20 billion dollars", {"003_6c8876742a8e138d.txt"}, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const Run json = run(bin("fahras-search") + index_arg + "--json '" + c.query + "'", tmp.path());
    INFO(json.err);
    REQUIRE(json.code == 0);
    std::vector<std::string> got = json_docs(json.out);
    REQUIRE(got.size() >= c.top.size());
    std::vector<std::string> head(got.begin(), got.begin() + static_cast<std::ptrdiff_t>(c.top.size()));
    if (!c.ordered) std::sort(head.begin(), head.end());
    CHECK(head == c.top);
    // Collapsed per article by default: no article twice.
    std::vector<std::string> unique = got;
    std::sort(unique.begin(), unique.end());
    CHECK(std::adjacent_find(unique.begin(), unique.end()) == unique.end());

    const Run text = run(bin("fahras-search") + index_arg + "--color never '" + c.query + "'", tmp.path());
    REQUIRE(text.code == 0);
    CHECK(text_docs(text.out) == got);
  }

  SECTION("more than 40000 people finds the 43,000 al-Hol/Roj passage first, and says why") {
    const Run r = run(bin("fahras-search") + index_arg + "--json --explain 'more than 40000 people'", tmp.path());
    REQUIRE(r.code == 0);
    simdjson::ondemand::parser parser;
    simdjson::padded_string first(r.out.substr(0, r.out.find('\n')));
    simdjson::ondemand::document doc = parser.iterate(first);
    const std::string_view text = doc["text"].get_string();
    CHECK(text.find("43,000") != std::string_view::npos);
    CHECK(text.find("الهول") != std::string_view::npos);
    std::string why;
    for (auto line : doc["why"].get_array()) why += std::string(std::string_view(line.get_string())) + "\n";
    CHECK(why.find("43,000") != std::string::npos);
    CHECK(why.find("(value and unit)") != std::string::npos);
    CHECK(why.find("figure \"≥ 40000 people\"") != std::string::npos);  // the query figure, as meant
  }

  SECTION("a figure with a merely co-occurring word ranks below the figure with its unit") {
    // 004 says "9000 معتقل"; 000 has 9000 with محتجز (related unit): related ranks second.
    const Run r = run(bin("fahras-search") + index_arg + "--json --explain '9000 معتقل'", tmp.path());
    REQUIRE(r.code == 0);
    CHECK(r.out.find("(value and unit)") < r.out.find("(value and a related unit)"));
  }

  SECTION("--per-article 0 shows several passages of one article") {
    const Run all = run(bin("fahras-search") + index_arg + "--json --per-article 0 --limit 50 داعش", tmp.path());
    REQUIRE(all.code == 0);
    std::vector<std::string> got = json_docs(all.out);
    std::sort(got.begin(), got.end());
    CHECK(std::adjacent_find(got.begin(), got.end()) != got.end());
  }

  SECTION("highlights mark the matched words, in colour only when asked") {
    const Run colored = run(bin("fahras-search") + index_arg + "--color always --limit 1 '9000 معتقل'", tmp.path());
    // The matched figure is highlighted as a whole, qualifier to unit.
    CHECK(colored.out.find("\x1b[1;33mأكثر من 9000 معتقل\x1b[0m") != std::string::npos);
    const Run plain = run(bin("fahras-search") + index_arg + "--limit 1 '9000 معتقل'", tmp.path());  // not a tty
    CHECK(plain.out.find('\x1b') == std::string::npos);
  }

  SECTION("re-indexing the same articles leaves the passage count unchanged") {
    const Run again = run(bin("fahras-index") + index_arg + "-j 2 " + seeds(), tmp.path());
    REQUIRE(again.code == 0);
    CHECK(passages_in(index) == passages);
    // One article again, given as a file: still no duplicates.
    const Run one = run(bin("fahras-index") + index_arg + seeds() + "/004_fdaf68bc1273c250.txt", tmp.path());
    REQUIRE(one.code == 0);
    CHECK(passages_in(index) == passages);
  }

  SECTION("a query of stopwords only is an error") {
    const Run r = run(bin("fahras-search") + index_arg + "'في من'", tmp.path());
    CHECK(r.code == 2);
    CHECK(r.err.find("empty query") != std::string::npos);
  }

  SECTION("a second writer gets a clear 'locked' message") {
    Xapian::WritableDatabase holder(index.string(), Xapian::DB_OPEN);
    const Run r = run(bin("fahras-index") + index_arg + seeds(), tmp.path());
    CHECK(r.code == 1);
    CHECK(r.err.find("locked by another writer") != std::string::npos);
  }
}

TEST_CASE("search refuses a missing index and a Xapian database that is not fahras's", "[e2e]") {
  TempDir tmp;
  const Run missing = run(bin("fahras-search") + " --index '" + (tmp.path() / "nope").string() + "' test", tmp.path());
  CHECK(missing.code == 2);
  CHECK(missing.err.find("no index there") != std::string::npos);

  const fs::path foreign = tmp.path() / "foreign";
  {
    Xapian::WritableDatabase db(foreign.string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("test");
    db.add_document(doc);
    db.commit();
  }
  const Run r = run(bin("fahras-search") + " --index '" + foreign.string() + "' test", tmp.path());
  CHECK(r.code == 2);
  CHECK(r.err.find("not a fahras index") != std::string::npos);
  const Run w = run(bin("fahras-index") + " --index '" + foreign.string() + "' " + seeds(), tmp.path());
  CHECK(w.code == 1);
  CHECK(w.err.find("not a fahras index") != std::string::npos);
}

TEST_CASE("an index of schema 6 (records in the document data) is searched, and not updated", "[e2e]") {
  TempDir tmp;
  const fs::path now = tmp.path() / "now", old = tmp.path() / "old";
  REQUIRE(run(bin("fahras-index") + " -q --index '" + now.string() + "' " + seeds(), tmp.path()).code == 0);
  {  // Rewrite it as schema 6 stored it: the JSON record as document data, no record slot.
    Xapian::Database src(now.string());
    Xapian::WritableDatabase dst(old.string(), Xapian::DB_CREATE);
    for (auto it = src.postlist_begin(""); it != src.postlist_end(""); ++it) {
      Xapian::Document doc = src.get_document(*it);
      const std::string json = fahras::schema::stored_record(doc);
      REQUIRE(!doc.get_value(fahras::schema::kSlotRecord).empty());
      doc.remove_value(fahras::schema::kSlotRecord);
      doc.set_data(json);
      dst.replace_document(*it, doc);
    }
    for (auto k = src.metadata_keys_begin(); k != src.metadata_keys_end(); ++k)
      dst.set_metadata(*k, src.get_metadata(*k));
    dst.set_metadata(std::string(fahras::schema::kMetaSchema), "6");
    dst.commit();
  }
  for (const char* query : {"9000 detainees", "مخيم الهول"}) {
    CAPTURE(query);
    const Run a = run(bin("fahras-search") + " --json --index '" + now.string() + "' '" + query + "'", tmp.path());
    const Run b = run(bin("fahras-search") + " --json --index '" + old.string() + "' '" + query + "'", tmp.path());
    INFO(b.err);
    CHECK(a.code == 0);
    CHECK(b.code == 0);
    CHECK(a.out.find("\"text\":\"") != std::string::npos);
    CHECK(b.out == a.out);  // same hits, same texts and article fields
  }
  const Run w = run(bin("fahras-index") + " -q --index '" + old.string() + "' " + seeds(), tmp.path());
  CHECK(w.code == 1);
  CHECK(w.err.find("index into a new folder") != std::string::npos);
}

TEST_CASE("command lines: --help, usage errors, unreadable inputs are reported and counted", "[e2e]") {
  TempDir tmp;
  CHECK(run(bin("fahras-index") + " --help", tmp.path()).code == 0);
  CHECK(run(bin("fahras-search") + " --help", tmp.path()).code == 0);
  const Run no_index = run(bin("fahras-index") + " " + seeds(), tmp.path());
  CHECK(no_index.code == 2);
  CHECK(no_index.err.find("--index") != std::string::npos);

  const fs::path missing = tmp.path() / "missing.txt";
  const Run r = run(bin("fahras-index") + " --index '" + (tmp.path() / "i").string() + "' '" + missing.string() +
                        "' " + seeds(),
                    tmp.path());
  CHECK(r.code == 0);
  CHECK(r.err.find(missing.string()) != std::string::npos);
  CHECK(r.out.find("indexed 5 articles") != std::string::npos);
  CHECK(r.out.find("skipped 1 inputs") != std::string::npos);
}

TEST_CASE("fahras-index min-words makes fewer and longer passages, values outside 1 to max-words are usage errors", "[e2e]") {
  TempDir tmp;
  std::map<int, Xapian::doccount> passages;
  for (int min_words : {6, 40}) {
    const fs::path index = tmp.path() / ("i" + std::to_string(min_words));
    const Run r = run(bin("fahras-index") + " --quiet --index '" + index.string() + "' --min-words " +
                          std::to_string(min_words) + " " + seeds(),
                      tmp.path());
    REQUIRE(r.code == 0);
    passages[min_words] = passages_in(index);
  }
  CHECK(passages[40] < passages[6]);
  // The same article text is searchable either way.
  for (int min_words : {6, 40}) {
    const Run r = run(bin("fahras-search") + " --index '" + (tmp.path() / ("i" + std::to_string(min_words))).string() +
                          "' '9000 detainees'",
                      tmp.path());
    CHECK(r.code == 0);
  }

  for (const char* bad : {"--min-words 0", "--min-words 121", "--max-words 10 --min-words 11", "--max-words 0"}) {
    CAPTURE(bad);
    const Run r = run(bin("fahras-index") + " --index '" + (tmp.path() / "bad").string() + "' " + bad + " " + seeds(),
                      tmp.path());
    CHECK(r.code == 2);
    CHECK(r.err.find("-words") != std::string::npos);
  }
}

TEST_CASE("standard input: JSONL streamed, anything else one article, --strict exits 3", "[e2e]") {
  TempDir tmp;
  const std::string idx = (tmp.path() / "idx").string();
  const fs::path jsonl = tmp.write("in.jsonl", "{\"id\":\"s1\",\"text\":\"خبر من المدخل القياسي عن 9000 معتقل\"}\n"
                                               "{\"id\":\"s2\",\"text\":\"خبر ثان\"}\n");
  const Run a = run(bin("fahras-index") + " --index '" + idx + "' - < '" + jsonl.string() + "'", tmp.path());
  INFO(a.err);
  CHECK(a.code == 0);
  CHECK(a.out.find("indexed 2 articles") != std::string::npos);
  const Run found = run(bin("fahras-search") + " --json --index '" + idx + "' '9000 معتقل'", tmp.path());
  CHECK(found.out.find("\"doc\":\"s1\"") != std::string::npos);

  const fs::path text = tmp.write("in.txt", "عنوان الخبر في سطره الأول هنا\n\nنص المقال الذي جاء من المدخل القياسي كاملا");
  const Run b = run(bin("fahras-index") + " --index '" + (tmp.path() / "idx2").string() + "' - < '" + text.string() + "'",
                    tmp.path());
  CHECK(b.out.find("indexed 1 articles") != std::string::npos);

  const fs::path bad = tmp.write("bad.jsonl", "{\"id\":\"g\",\"text\":\"جيد\"}\n{oops\n{\"id\":\"h\",\"text\":\"بعده\"}\n");
  const Run strict = run(bin("fahras-index") + " --strict --index '" + (tmp.path() / "idx3").string() + "' '" +
                             bad.string() + "'",
                         tmp.path());
  CHECK(strict.code == 3);
  CHECK(strict.err.find("bad.jsonl:2") != std::string::npos);
  CHECK(strict.out.find("indexed 1 articles") != std::string::npos);
}

TEST_CASE("fahras-index --extract prints each article's figures with value, qualifier and units, in text or JSON", "[e2e]") {
  TempDir tmp;
  const std::string seed = std::string("'") + FAHRAS_SOURCE_DIR + "/corpora/seeds/004_fdaf68bc1273c250.txt'";
  const Run text = run(bin("fahras-index") + " --extract " + seed, tmp.path());
  INFO(text.err);
  REQUIRE(text.code == 0);
  CHECK(text.out.find("== 004_fdaf68bc1273c250.txt") != std::string::npos);
  CHECK(text.out.find("أكثر من 9000 معتقل  = 9000.. (at least)  units: معتقل") != std::string::npos);
  CHECK(text.out.find("نحو 200 عملية  = 180..220 (about)") != std::string::npos);
  const Run dates = run(bin("fahras-index") + " --extract '" + FAHRAS_SOURCE_DIR +
                            "/corpora/seeds/001_f97f696206195b7f.txt'",
                        tmp.path());
  CHECK(dates.out.find("date من كانون الثاني وحتى حزيران 2024  = 2024-01..2024-06") != std::string::npos);
  CHECK(dates.out.find("date كانون الأول من عام 2017  = 2017-12") != std::string::npos);
  // A date whose span opens a bracket ends after the bracket that closes it; a figure's
  // units end at the sentence's end.
  const fs::path brackets = tmp.write("brackets.txt",
                                      "صدر القرار عام ( 1933 ) في القدس.\nوخسرت الشركة 8 ملايين دولار.\nوقرر المستشار أن يستقيل");
  const Run b = run(bin("fahras-index") + " --extract '" + brackets.string() + "'", tmp.path());
  INFO(b.out);
  CHECK(b.out.find("date عام ( 1933 )  = 1933") != std::string::npos);
  CHECK(b.out.find("8 ملايين دولار  = 8000000") != std::string::npos);
  CHECK(b.out.find("مستشار") == std::string::npos);
  // A Hijri date: its Gregorian day, marked (hijri) in text and "calendar":"hijri" in JSON;
  // its numbers are no figures.
  const fs::path hijri = tmp.write("hijri.txt", "صدر القرار بتاريخ 19/6/1436 وفي 29 محرم 1430 هـ قتل 40 شخصا");
  const Run h = run(bin("fahras-index") + " --extract '" + hijri.string() + "'", tmp.path());
  INFO(h.out);
  CHECK(h.out.find("date 19/6/1436  = 2015-04-08 (hijri)") != std::string::npos);
  CHECK(h.out.find("date 29 محرم 1430 هـ  = 2009-01-26 (hijri)") != std::string::npos);
  CHECK(h.out.find("(1 passages, 1 figures, 2 dates") != std::string::npos);  // 40 شخصا only
  const Run hj = run(bin("fahras-index") + " --extract --json '" + hijri.string() + "'", tmp.path());
  CHECK(hj.out.find("\"date\":\"2015-04-08\",\"text\":\"19/6/1436\",\"calendar\":\"hijri\"") != std::string::npos);
  // Indexed, the date is found by its Gregorian month and by its Hijri year or month.
  const std::string idx = (tmp.path() / "hijri.idx").string();
  REQUIRE(run(bin("fahras-index") + " -q --index '" + idx + "' '" + hijri.string() + "'", tmp.path()).code == 0);
  auto finds = [&](const std::string& filter) {
    return run(bin("fahras-search") + " --index '" + idx + "' --json " + filter, tmp.path()).out.find("\"rank\":1") !=
           std::string::npos;
  };
  CHECK(finds("--mentions 2015-04"));
  CHECK(finds("--mentions 1436"));
  CHECK(finds("mentions:1436-06"));  // جمادى الآخرة 1436
  CHECK(finds("mentions:1430-01"));  // محرم 1430
  CHECK_FALSE(finds("--mentions 1437"));
  CHECK_FALSE(finds("--mentions 2016"));

  const Run json = run(bin("fahras-index") + " --extract --json " + seed, tmp.path());
  REQUIRE(json.code == 0);
  simdjson::ondemand::parser parser;
  std::istringstream lines(json.out);
  bool found = false;
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    simdjson::padded_string padded(line);
    auto doc = parser.iterate(padded);
    if (std::string_view(doc["text"].get_string()) != "أكثر من 9000 معتقل") continue;
    found = true;
    CHECK(doc["value"].get_double().value() == 9000);
    CHECK(doc["high"].is_null().value());
    CHECK(std::string_view(doc["qualifier"].get_string()) == "at least");
  }
  CHECK(found);
  CHECK(n >= 5);

  // --extract-context N: each line carries up to N characters of its line
  // before and after the span, so before + text + after is in the article.
  const Run ctx = run(bin("fahras-index") + " --extract --json --extract-context 12 " + seed, tmp.path());
  REQUIRE(ctx.code == 0);
  std::ifstream in(std::string(FAHRAS_SOURCE_DIR) + "/corpora/seeds/004_fdaf68bc1273c250.txt");
  const std::string article((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream ctx_lines(ctx.out);
  std::size_t with_context = 0;
  for (std::string line; std::getline(ctx_lines, line);) {
    simdjson::padded_string padded(line);
    auto doc = parser.iterate(padded);
    const std::string text(std::string_view(doc["text"].get_string()));
    const std::string before(std::string_view(doc["before"].get_string()));
    const std::string after(std::string_view(doc["after"].get_string()));
    INFO(line);
    CHECK(article.find(before + text + after) != std::string::npos);
    CHECK(before.find('\n') == std::string::npos);
    // (At most 12 characters: 12 lead bytes.)
    CHECK(std::count_if(before.begin(), before.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) <= 12);
    if (!before.empty() && !after.empty()) ++with_context;
  }
  CHECK(with_context >= 5);
}
