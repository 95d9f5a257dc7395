// DocumentSource::position and seek: a fresh source moved to the position after
// the k-th article gives exactly the articles after it, for every k and every
// kind of input, without reporting again what it skips.
#include "ingest/source.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace fahras;
using fahras::test::TempDir;

namespace {

struct Read {
  std::vector<std::string> ids;
  std::vector<ingest::SourcePosition> positions;
  std::vector<std::string> reports;
};

Read read_all(const std::vector<fs::path>& inputs, const ingest::SourcePosition* from = nullptr) {
  Read r;
  ingest::Diagnostics diag([&](ingest::Outcome, std::string_view where, std::string_view why) {
    r.reports.push_back(std::string(where) + ": " + std::string(why));
  });
  ingest::DocumentSource source(inputs, {}, diag);
  if (from) source.seek(*from);
  schema::Article a;
  while (source.next(a)) {
    r.ids.push_back(a.id + " @" + a.origin);
    r.positions.push_back(source.position());
  }
  return r;
}

}  // namespace

TEST_CASE("a source moved to any article's position reads exactly the articles after it", "[ingest][resume]") {
  TempDir d;
  std::string jsonl;
  for (int i = 0; i < 12; ++i) {
    jsonl += R"({"id":"j)" + std::to_string(i) + R"(","text":"خبر رقم )" + std::to_string(i) + "\"}\n";
    if (i == 3) jsonl += "{broken\n\n";
  }
  d.write("b/1.jsonl", jsonl);
  d.write("b/2.json", R"([{"id":"r1","text":"أول"},{"id":"r2"},{"id":"r3","text":"ثالث"}])");
  d.write("a/x.txt", "نص المقال الأول");
  d.write("a/y.txt", "");  // empty: reported, gives nothing
  d.write("c.trec", "<DOC><DOCNO>t1</DOCNO><TEXT>نص</TEXT></DOC><DOC><DOCNO>t2</DOCNO><TEXT>نص آخر</TEXT></DOC>");
  const std::vector<fs::path> inputs = {d.path() / "a", d.path() / "b", d.path() / "c.trec"};
  const Read all = read_all(inputs);
  REQUIRE(all.ids.size() == 12 + 2 + 1 + 2);
  auto index_of = [&](const char* prefix) {
    return static_cast<std::size_t>(std::find_if(all.ids.begin(), all.ids.end(),
                                                 [&](const std::string& s) { return s.starts_with(prefix); }) -
                                    all.ids.begin());
  };
  for (std::size_t k = 0; k < all.ids.size(); ++k) {
    CAPTURE(k, all.ids[k]);
    const ingest::SourcePosition& p = all.positions[k];
    CHECK(p.ordinal == k + 1);
    const Read rest = read_all(inputs, &p);
    CHECK(rest.ids == std::vector<std::string>(all.ids.begin() + static_cast<long>(k) + 1, all.ids.end()));
    for (std::size_t i = 0; i < rest.positions.size(); ++i) CHECK(rest.positions[i].ordinal == k + 2 + i);
    // What comes before the position is not reported again: the broken line
    // (1.jsonl:5) comes before j4, the empty a/y.txt right after x.txt.
    const bool after_broken_line = k >= index_of("j4 ");
    for (const std::string& report : rest.reports) {
      if (after_broken_line) CHECK(report.find("1.jsonl:5") == std::string::npos);
      if (k > 0) CHECK(report.find("y.txt") == std::string::npos);
    }
  }
  // In a plain JSONL file the position carries the byte offset and line after the record.
  const ingest::SourcePosition& p = all.positions[index_of("j5 ")];
  CHECK(p.records == 6);
  CHECK(p.line == 8);  // j0..j3, the broken line, a blank line, j4, j5
  CHECK(p.offset == jsonl.find("{\"id\":\"j6\""));
}
