// build_index: new indexes are built by per-thread shards merged at the end,
// existing ones updated by one writer; both give the same documents.
#include "pipeline/pipeline.h"
#include "pipeline/shard_writers.h"
#include "schema/schema.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace fahras;

namespace {

using fahras::test::TempDir;

struct Run {
  pipeline::IndexSummary summary;
  std::vector<std::string> reports;
};

Run index(const std::vector<fs::path>& inputs, const fs::path& idx, unsigned threads, bool parallel = true,
          std::uint64_t segment = pipeline::IndexOptions{}.segment_passages) {
  Run r;
  ingest::Diagnostics diag([&](ingest::Outcome, std::string_view where, std::string_view why) {
    r.reports.push_back(std::string(where) + " | " + std::string(why));
  });
  ingest::DocumentSource source(inputs, {}, diag);
  pipeline::IndexOptions options;
  options.index_path = idx.string();
  options.threads = threads;
  options.parallel_writers = parallel;
  options.segment_passages = segment;
  r.summary = pipeline::build_index(source, diag, options);
  return r;
}

// Every passage's unique term with its data, to compare two indexes.
std::set<std::string> contents(const fs::path& idx) {
  Xapian::Database db(idx.string());
  std::set<std::string> out;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    Xapian::PostingIterator p = db.postlist_begin(*t);
    out.insert(*t + "\t" + schema::stored_record(db.get_document(*p)));
  }
  return out;
}

fs::path seeds() { return fs::path(FAHRAS_SOURCE_DIR) / "corpora" / "seeds"; }

}  // namespace

TEST_CASE("a new index built by shards equals one built by a single writer", "[pipeline]") {
  TempDir d;
  for (unsigned threads : {1u, 2u, 4u}) {
    CAPTURE(threads);
    const fs::path sharded = d.path() / ("sharded-" + std::to_string(threads));
    const Run r = index({seeds()}, sharded, threads);
    CHECK(r.summary.articles == 5);
    CHECK(r.summary.shards >= 1);
    CHECK(r.summary.shards <= threads);
    CHECK_FALSE(fs::exists(sharded.string() + ".shards"));  // merged and removed
    const fs::path single = d.path() / ("single-" + std::to_string(threads));
    const Run s = index({seeds()}, single, threads, false);
    CHECK(s.summary.shards == 0);
    CHECK(r.summary.index_documents == s.summary.index_documents);
    CHECK(contents(sharded) == contents(single));
    Xapian::Database db(sharded.string());
    CHECK(db.get_metadata(std::string(schema::kMetaSchema)) == schema::kSchemaVersion);
    CHECK(db.has_positions());
  }
}

TEST_CASE("shard databases of a few passages each (--segment) merge into the same index", "[pipeline]") {
  TempDir d;
  const fs::path single = d.path() / "single";
  index({seeds()}, single, 1, false);
  const auto want = contents(single);
  for (unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    const fs::path idx = d.path() / ("segments-" + std::to_string(threads));
    const Run r = index({seeds()}, idx, threads, true, 3);
    CHECK(r.summary.articles == 5);
    CHECK(r.summary.shards >= 4);  // a new shard after each article of 3 passages or more
    CHECK(contents(idx) == want);
    CHECK_FALSE(fs::exists(idx.string() + ".shards"));
  }
}

TEST_CASE("no more than kMaxShards shard databases are started, whatever --segment says", "[pipeline]") {
  TempDir d;
  {
    std::ofstream f(d.path() / "many.jsonl");
    for (int i = 0; i < 150; ++i)
      f << R"({"id":"a)" << i << R"(","text":"خبر رقم )" << i << R"( عن 9000 معتقل في مخيم الهول"})" << "\n";
  }
  const fs::path single = d.path() / "single", idx = d.path() / "segments";
  index({d.path() / "many.jsonl"}, single, 1, false);
  const Run r = index({d.path() / "many.jsonl"}, idx, 2, true, 1);  // a new shard after every article
  CHECK(r.summary.articles == 150);
  CHECK(r.summary.shards >= pipeline::ShardWriters::kMaxShards);
  CHECK(r.summary.shards <= pipeline::ShardWriters::kMaxShards + 1);  // two threads may pass the test at once
  CHECK(contents(idx) == contents(single));
}

TEST_CASE("a duplicate id in a new build replaces the earlier article, across shards", "[pipeline]") {
  TempDir d;
  std::ofstream(d.path() / "a.jsonl") << R"({"id":"x","text":"نص أول عن 9000 معتقل"})" "\n"
                                    << R"({"id":"y","text":"مقالة أخرى"})" "\n"
                                    << R"({"id":"x","text":"نص ثان عن 153 هجوما في العراق وسوريا\n\nوفقرة ثانية طويلة بما يكفي لتكون فقرة مستقلة"})" "\n";
  for (const std::uint64_t segment : {std::uint64_t{0}, std::uint64_t{1}})  // 1: one shard database per article
  for (unsigned threads : {1u, 2u}) {
    CAPTURE(segment, threads);
    const fs::path idx = d.path() / ("i" + std::to_string(threads) + "-" + std::to_string(segment));
    const Run r = index({d.path() / "a.jsonl"}, idx, threads, true, segment);
    CHECK(r.summary.duplicates == 1);
    REQUIRE(r.reports.size() == 1);
    CHECK(r.reports[0].find("a.jsonl:3") != std::string::npos);
    Xapian::Database db(idx.string());
    CHECK(db.get_termfreq("XAx") == 2);  // the second version's two passages only
    CHECK(db.get_termfreq("XF153") == 1);
    CHECK(db.get_termfreq("XF9000") == 0);
  }
}

TEST_CASE("re-running on an existing index updates it in place with one writer", "[pipeline]") {
  TempDir d;
  const fs::path idx = d.path() / "idx";
  const Run first = index({seeds()}, idx, 2);
  const Run again = index({seeds()}, idx, 2);
  CHECK(again.summary.shards == 0);
  CHECK(again.summary.index_documents == first.summary.index_documents);
}

TEST_CASE("leftovers of a crashed shard build are cleared by the next run", "[pipeline]") {
  TempDir d;
  const fs::path idx = d.path() / "idx";
  fs::create_directories(idx.string() + ".shards/shard-0");
  std::ofstream(idx.string() + ".shards/shard-0/garbage") << "x";
  const Run r = index({seeds()}, idx, 2);
  CHECK(r.summary.articles == 5);
  CHECK_FALSE(fs::exists(idx.string() + ".shards"));
  CHECK(Xapian::Database(idx.string()).get_doccount() == r.summary.index_documents);
}

TEST_CASE("progress is reported in order: articles grow, input bytes reach the total", "[pipeline]") {
  TempDir d;
  std::string jsonl;
  for (int i = 0; i < 200; ++i)
    jsonl += R"({"id":"p)" + std::to_string(i) + R"(","text":"خبر رقم )" + std::to_string(i) + R"( عن 9000 معتقل"})" "\n";
  d.write("a.jsonl", jsonl);
  d.write("b.jsonl", jsonl.substr(0, jsonl.size() / 2));  // duplicate ids, a smaller file
  ingest::Diagnostics diag;
  ingest::DocumentSource source({d.path() / "a.jsonl", d.path() / "b.jsonl"}, {}, diag);
  pipeline::IndexOptions options;
  options.index_path = (d.path() / "idx").string();
  options.threads = 2;
  options.progress_every_s = 0;  // every article
  std::vector<pipeline::Progress> seen;
  options.on_progress = [&](const pipeline::Progress& p) { seen.push_back(p); };
  const pipeline::IndexSummary s = pipeline::build_index(source, diag, options);
  REQUIRE(seen.size() == s.articles);
  const std::uint64_t total = fs::file_size(d.path() / "a.jsonl") + fs::file_size(d.path() / "b.jsonl");
  for (std::size_t i = 1; i < seen.size(); ++i) {
    CHECK(seen[i].articles == seen[i - 1].articles + 1);
    CHECK(seen[i].input_done >= seen[i - 1].input_done);
    CHECK(seen[i].bytes_read >= seen[i - 1].bytes_read);
  }
  CHECK(seen.back().input_total == total);
  CHECK(seen.back().input_done <= total);
  CHECK(seen.back().input_done > fs::file_size(d.path() / "a.jsonl"));  // into the second file
}

TEST_CASE("strict mode stops at the first bad input, after indexing what came before", "[pipeline]") {
  TempDir d;
  d.write("a.jsonl", "{\"id\":\"1\",\"text\":\"أول\"}\n{\"id\":\"2\",\"text\":\"ثان\"}\n{broken\n{\"id\":\"4\",\"text\":\"رابع\"}\n");
  ingest::Diagnostics diag;
  diag.set_strict(true);
  ingest::DocumentSource source({d.path() / "a.jsonl"}, {}, diag);
  pipeline::IndexOptions options;
  options.index_path = (d.path() / "idx").string();
  const pipeline::IndexSummary s = pipeline::build_index(source, diag, options);
  CHECK(s.stopped);
  CHECK(s.articles == 2);
  CHECK(diag.first_bad().find("a.jsonl:3") != std::string::npos);
  CHECK(Xapian::Database(options.index_path).get_termfreq("XA4") == 0);
}
