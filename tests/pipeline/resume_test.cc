// Checkpoints, --resume, --restart, --prune, and write errors (issue 6), at the
// library level (the kill -9 test is crash_test.cc). An interruption is
// simulated by an exception thrown from the progress callback, which runs in
// the write stage.
#include "pipeline/checkpoint.h"
#include "schema/schema.h"
#include "pipeline/index_writer.h"
#include "pipeline/pipeline.h"
#include "pipeline/shard_writers.h"
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <latch>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using namespace fahras;
using fahras::test::TempDir;

namespace {

struct Interrupted : std::runtime_error {
  Interrupted() : std::runtime_error("interrupted") {}
};

struct Options {
  pipeline::Unfinished unfinished = pipeline::Unfinished::Refuse;
  bool parallel = true, prune = false;
  std::uint64_t interrupt_after = 0;  // articles (0: never)
  std::string interrupt_at;           // a step of finishing a shard build (IndexOptions::on_step)
  std::uint64_t commit_every = 7;
  std::uint64_t segment = pipeline::IndexOptions{}.segment_passages;
  bool termlists = true;
};

pipeline::IndexSummary index(const std::vector<fs::path>& inputs, const fs::path& idx, const Options& o,
                             std::vector<std::string>* reports = nullptr) {
  ingest::Diagnostics diag([&](ingest::Outcome, std::string_view where, std::string_view why) {
    if (reports) reports->push_back(std::string(where) + ": " + std::string(why));
  });
  ingest::DocumentSource source(inputs, {}, diag);
  pipeline::IndexOptions options;
  options.index_path = idx.string();
  options.threads = 2;
  options.commit_every = o.commit_every;
  options.sync = false;
  options.unfinished = o.unfinished;
  options.parallel_writers = o.parallel;
  options.segment_passages = o.segment;
  options.termlists = o.termlists;
  options.prune = o.prune;
  options.run_options = "test";
  if (!o.interrupt_at.empty())
    options.on_step = [&](std::string_view step) {
      if (step == o.interrupt_at) throw Interrupted();
    };
  if (o.interrupt_after != 0) {
    options.progress_every_s = 0;
    options.on_progress = [&](const pipeline::Progress& p) {
      if (p.articles >= o.interrupt_after) throw Interrupted();
    };
  }
  return pipeline::build_index(source, diag, options);
}

std::map<std::string, std::string> contents(const fs::path& idx) {
  Xapian::Database db(idx.string());
  std::map<std::string, std::string> out;
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t)
    out[*t] = schema::stored_record(db.get_document(*db.postlist_begin(*t)));
  REQUIRE(out.size() == db.get_doccount());
  return out;
}

std::string jsonl(const std::string& prefix, int from, int to) {
  std::string s;
  for (int i = from; i < to; ++i)
    s += R"({"id":")" + prefix + std::to_string(i) + R"(","text":"خبر رقم )" + std::to_string(i) +
         R"( عن 9000 معتقل في مخيم الهول\n\nوفقرة ثانية طويلة بما يكفي لتكون فقرة مستقلة )" + std::to_string(i) +
         "\"}\n";
  return s;
}


// Two inputs, the second repeating a10..a14 with the same text, and the
// contents of a clean build of them (`want`), to compare an interrupted one with.
struct TwoInputs {
  std::vector<fs::path> inputs;
  fs::path clean;
  std::map<std::string, std::string> want;
};

TwoInputs two_inputs(TempDir& d) {
  d.write("a.jsonl", jsonl("a", 0, 60));
  d.write("b.jsonl", jsonl("b", 0, 40) + jsonl("a", 10, 15));
  TwoInputs t{{d.path() / "a.jsonl", d.path() / "b.jsonl"}, d.path() / "clean", {}};
  index(t.inputs, t.clean, {});
  t.want = contents(t.clean);
  return t;
}
}  // namespace

TEST_CASE("an interrupted build is refused without --resume and ends like a clean one with it", "[pipeline][resume]") {
  TempDir d;
  d.write("in/a.jsonl", jsonl("a", 0, 60));
  d.write("in/b.jsonl", jsonl("b", 0, 40) + jsonl("a", 10, 15));  // duplicates of a10..a14
  d.write("in/c/x.txt", "نص المقال الأول في الملف");
  const std::vector<fs::path> inputs = {d.path() / "in"};
  const fs::path clean = d.path() / "clean";
  REQUIRE(index(inputs, clean, {}).articles == 106);
  const auto want = contents(clean);

  for (const int way : {0, 1, 2}) {  // shards, shards of 25 passages each, one writer
    const bool parallel = way != 2;
    CAPTURE(way);
    const fs::path idx = d.path() / ("way-" + std::to_string(way));
    Options o;
    o.parallel = parallel;
    if (way == 1) o.segment = 25;
    o.interrupt_after = 50;
    CHECK_THROWS_AS(index(inputs, idx, o), Interrupted);
    if (parallel) {
      CHECK(fs::exists(idx.string() + ".shards"));  // kept for --resume
      // Without --resume: refused, naming both ways out.
      o.interrupt_after = 0;
      try {
        index(inputs, idx, o);
        FAIL("not refused");
      } catch (const pipeline::UnfinishedRun& e) {
        CHECK_THAT(e.what(), Catch::Contains("unfinished build") && Catch::Contains("--resume") &&
                                 Catch::Contains("--restart"));
      }
    }
    // Other inputs: refused, naming the difference.
    o.unfinished = pipeline::Unfinished::Resume;
    o.interrupt_after = 0;
    try {
      index({d.path() / "in" / "a.jsonl"}, idx, o);
      FAIL("not refused");
    } catch (const pipeline::UnfinishedRun& e) {
      CHECK_THAT(e.what(), Catch::Contains("cannot resume") && Catch::Contains("missing: ") && Catch::Contains("b.jsonl"));
    }
    // Interrupted again while resuming, then resumed to the end.
    o.interrupt_after = 20;
    CHECK_THROWS_AS(index(inputs, idx, o), Interrupted);
    o.interrupt_after = 0;
    const pipeline::IndexSummary s = index(inputs, idx, o);
    CHECK(s.resumed);
    CHECK(s.resumed_at >= 49);  // at least the first interruption's committed articles
    CHECK(s.articles < 106);
    CHECK(contents(idx) == want);
    CHECK_FALSE(fs::exists(idx.string() + ".shards"));
    // Resuming a finished run does nothing.
    const pipeline::IndexSummary again = index(inputs, idx, o);
    CHECK(again.nothing_to_resume);
    CHECK(again.articles == 0);
    CHECK(contents(idx) == want);
  }
}

TEST_CASE("restart discards an unfinished build", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 40));
  const fs::path idx = d.path() / "idx";
  Options o;
  o.interrupt_after = 20;
  CHECK_THROWS_AS(index({d.path() / "a.jsonl"}, idx, o), Interrupted);
  o.interrupt_after = 0;
  o.unfinished = pipeline::Unfinished::Restart;
  const pipeline::IndexSummary s = index({d.path() / "a.jsonl"}, idx, o);
  CHECK_FALSE(s.resumed);
  CHECK(s.articles == 40);
  CHECK_THAT(s.note, Catch::Contains("discarded"));
  CHECK(Xapian::Database(idx.string()).get_termfreq("XAa39") == 2);
}

TEST_CASE("an unfinished update of an existing index is run again from the start without --resume", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 40));
  const fs::path idx = d.path() / "idx";
  index({d.path() / "a.jsonl"}, idx, {});
  const auto want = contents(idx);
  Options o;
  o.interrupt_after = 20;
  CHECK_THROWS_AS(index({d.path() / "a.jsonl"}, idx, o), Interrupted);
  o.interrupt_after = 0;
  const pipeline::IndexSummary s = index({d.path() / "a.jsonl"}, idx, o);
  CHECK_FALSE(s.resumed);
  CHECK_THAT(s.note, Catch::Contains("unfinished run"));
  CHECK(s.articles == 40);
  CHECK(contents(idx) == want);
}

TEST_CASE("the index records its run and checkpoint in its metadata", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 10));
  for (bool parallel : {true, false}) {
    const fs::path idx = d.path() / (parallel ? "p" : "s");
    Options o;
    o.parallel = parallel;
    index({d.path() / "a.jsonl"}, idx, o);
    Xapian::Database db(idx.string());
    const auto run = pipeline::RunRecord::from_json(db.get_metadata(std::string(pipeline::kMetaRun)));
    const auto c = pipeline::Checkpoint::from_json(db.get_metadata(std::string(pipeline::kMetaCheckpoint)));
    REQUIRE(run);
    REQUIRE(c);
    CHECK(c->run == run->id);
    CHECK(c->done);
    CHECK(c->position.ordinal == 10);
    REQUIRE(run->files.size() == 1);
    CHECK(run->files[0].path == (d.path() / "a.jsonl").string());
    CHECK(run->files[0].size == fs::file_size(d.path() / "a.jsonl"));
    CHECK(run->options == "test");
  }
}

TEST_CASE("re-running replaces articles in place, --prune removes those whose source is gone", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 20));
  d.write("b.jsonl", jsonl("b", 0, 10));
  d.write("t/x.txt", "نص المقال الأول في الملف");
  const fs::path idx = d.path() / "idx";
  index({d.path() / "a.jsonl", d.path() / "b.jsonl", d.path() / "t"}, idx, {});
  const auto first = contents(idx);
  // The same inputs again: the same documents, rewritten in place.
  const pipeline::IndexSummary same = index({d.path() / "a.jsonl", d.path() / "b.jsonl", d.path() / "t"}, idx, {});
  CHECK(same.articles == 31);
  CHECK(contents(idx) == first);
  // b.jsonl is gone, a.jsonl lost a record, x.txt is unchanged.
  fs::remove(d.path() / "b.jsonl");
  d.write("a.jsonl", jsonl("a", 0, 19));
  Options o;
  o.prune = true;
  const pipeline::IndexSummary s = index({d.path() / "a.jsonl", d.path() / "t"}, idx, o);
  CHECK(s.pruned_articles == 11);
  CHECK(s.pruned_passages == 22);
  Xapian::Database db(idx.string());
  CHECK(db.get_termfreq("XAb0") == 0);
  CHECK(db.get_termfreq("XAa19") == 0);
  CHECK(db.get_termfreq("XAa18") == 2);
  CHECK(db.get_termfreq("XAx.txt") > 0);
  CHECK(db.get_doccount() == first.size() - 22);
}

TEST_CASE("prune does not prune when an input could not be read", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 5));
  d.write("b.jsonl", jsonl("b", 0, 5));
  const fs::path idx = d.path() / "idx";
  index({d.path() / "a.jsonl", d.path() / "b.jsonl"}, idx, {});
  Options o;
  o.prune = true;
  const pipeline::IndexSummary s = index({d.path() / "a.jsonl", d.path() / "missing.jsonl"}, idx, o);
  CHECK(s.pruned_articles == 0);
  CHECK_THAT(s.prune_skipped, Catch::Contains("could not be read"));
  CHECK(Xapian::Database(idx.string()).get_termfreq("XAb0") == 2);
}

TEST_CASE("a full disk stops the run with a clear error, at its last commit, and --resume finishes it", "[pipeline][resume]") {
  TempDir d;
  for (int f = 0; f < 4; ++f) d.write("in/" + std::to_string(f) + ".jsonl", jsonl("f" + std::to_string(f) + "-", 0, 400));
  const std::vector<fs::path> inputs = {d.path() / "in"};
  const fs::path clean = d.path() / "clean";
  index(inputs, clean, {});
  const auto want = contents(clean);
  const fs::path disk = d.path() / "disk";
  fs::create_directories(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=1m") != 0) {
    WARN("cannot mount a small tmpfs (needs root): full-disk test skipped");
    return;
  }
  struct Unmount {
    fs::path p;
    ~Unmount() { ::umount(p.c_str()); }
  } unmount{disk};
  for (bool parallel : {true, false}) {
    CAPTURE(parallel);
    REQUIRE(::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT, "size=1m") == 0);
    const fs::path idx = disk / (parallel ? "p" : "s");
    // The run that fills the disk is the fahras-index binary, not the library in
    // this process: Xapian 1.4 itself sometimes calls std::terminate when ENOSPC
    // strikes inside commit() (an exception unwinding into a noexcept frame in
    // libxapian; seen under load, about once in a dozen runs of this test with
    // two others beside it), which would take the test runner down. Either
    // outcome must leave the index at its last commit for --resume: the clear
    // error (exit 1) or that abort (like a kill), which std::system's shell
    // reports as exit status 134 (128 + SIGABRT; -1 if the shell is killed).
    const test::Run r = test::run(test::bin("fahras-index") + " -q --threads 2 --commit-every 100" +
                                      (parallel ? "" : " --single-writer") + " --index '" + idx.string() + "' '" +
                                      inputs[0].string() + "'",
                                  d.path());
    INFO(r.err);
    const bool clear_error = r.code == 1 && r.err.find("No space left on device") != std::string::npos &&
                             r.err.find("last commit") != std::string::npos &&
                             r.err.find("--resume") != std::string::npos;
    const bool xapian_abort =
        (r.code == 128 + SIGABRT || r.code == -1) && r.err.find("terminate called") != std::string::npos;
    CHECK((clear_error || xapian_abort));
    REQUIRE(::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT, "size=64m") == 0);
    const test::Run resumed = test::run(test::bin("fahras-index") + " -q --threads 2 --commit-every 100 --resume" +
                                            (parallel ? "" : " --single-writer") + " --index '" + idx.string() +
                                            "' '" + inputs[0].string() + "'",
                                        d.path());
    INFO(resumed.err);
    CHECK(resumed.code == 0);
    CHECK(contents(idx) == want);
    fs::remove_all(idx);
  }
}

TEST_CASE("fahras-index names an unwritable index path and exits with 1", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 3));
  d.write("file", "x");
  const test::Run r = test::run(test::bin("fahras-index") + " --index '" + (d.path() / "file" / "idx").string() +
                                    "' '" + (d.path() / "a.jsonl").string() + "'",
                                d.path());
  CHECK(r.code == 1);
  CHECK_THAT(r.err, Catch::Contains("cannot open the index") && Catch::Contains("Not a directory"));
}

// What kill -9 can leave (docs/INGESTION.md, "What a crash can leave"), made by
// hand or by throwing at a step of the merge: each must be handled by the next
// run, never fail with an internal Xapian error.

namespace {

// The metadata of a checkpoint at `ordinal` articles (of run 0123456789abcdef).
pipeline::Metadata checkpoint(std::uint64_t ordinal) {
  pipeline::Checkpoint c;
  c.run = "0123456789abcdef";
  c.position.ordinal = ordinal;
  return pipeline::Metadata{{std::string(pipeline::kMetaCheckpoint), c.to_json()}};
}

// `n` passages of `article` (its XA term only), for ShardWriters directly.
std::vector<Xapian::Document> passages(const std::string& article, int n) {
  std::vector<Xapian::Document> out(n);
  for (int i = 0; i < n; ++i) out[i].add_boolean_term("XA" + article);
  return out;
}

// A database folder as Xapian leaves it when killed while creating it: the
// lock file, the version file still under its temporary name, empty tables.
void uncreated_database(const fs::path& dir) {
  fs::create_directories(dir);
  std::ofstream(dir / "flintlock");
  std::ofstream(dir / "v.tmp") << "\x0f\x0dXapian Glass";
  std::ofstream(dir / "termlist.glass");
  std::ofstream(dir / "postlist.glass");
}

bool mentions(const std::vector<std::string>& notes, const std::string& what) {
  for (const std::string& n : notes)
    if (n.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("an index whose creation was interrupted (no iamglass) is created anew", "[pipeline][resume][crash]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 30));
  const fs::path clean = d.path() / "clean";
  index({d.path() / "a.jsonl"}, clean, {});
  const auto want = contents(clean);
  for (const auto unfinished : {pipeline::Unfinished::Refuse, pipeline::Unfinished::Resume, pipeline::Unfinished::Restart})
    for (bool parallel : {true, false}) {
      CAPTURE(static_cast<int>(unfinished), parallel);
      const fs::path idx = d.path() / ("idx-" + std::to_string(static_cast<int>(unfinished)) + (parallel ? "p" : "s"));
      uncreated_database(idx);
      Options o;
      o.unfinished = unfinished;
      o.parallel = parallel;
      const pipeline::IndexSummary s = index({d.path() / "a.jsonl"}, idx, o);
      CHECK(mentions(s.recovered, "creation was interrupted"));
      CHECK(s.articles == 30);
      CHECK(contents(idx) == want);
      CHECK_FALSE(fs::exists(idx / "v.tmp"));
    }
  // An empty folder, or one with only the lock file: Xapian creates the index there.
  fs::create_directories(d.path() / "empty");
  std::ofstream(d.path() / "lock-only" / "flintlock");
  for (const char* name : {"empty", "lock-only"}) {
    const pipeline::IndexSummary s = index({d.path() / "a.jsonl"}, d.path() / name, {});
    CHECK(s.recovered.empty());
    CHECK(contents(d.path() / name) == want);
  }
  // The command line says so on stderr, also with --quiet.
  uncreated_database(d.path() / "cli");
  const test::Run r = test::run(test::bin("fahras-index") + " --quiet --index '" + (d.path() / "cli").string() + "' '" +
                                    (d.path() / "a.jsonl").string() + "'",
                                d.path());
  CHECK(r.code == 0);
  CHECK_THAT(r.err, Catch::Contains("creation was interrupted"));
  CHECK(contents(d.path() / "cli") == want);
}

TEST_CASE("a folder with Xapian tables but no iamglass is not taken for an interrupted creation", "[pipeline][resume]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 3));
  const fs::path idx = d.path() / "idx";
  uncreated_database(idx);
  std::ofstream(idx / "postlist.glass") << "data of a damaged database";
  try {
    index({d.path() / "a.jsonl"}, idx, {});
    FAIL("not refused");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("no version file (iamglass)") && Catch::Contains("damaged"));
  }
  CHECK(fs::file_size(idx / "postlist.glass") > 0);  // left alone
}

TEST_CASE("shards whose creation was interrupted hold nothing: skipped, removed, the build resumed", "[pipeline][resume][crash]") {
  TempDir d;
  const auto [inputs, clean, want] = two_inputs(d);

  SECTION("next to committed shards") {
    const fs::path idx = d.path() / "idx";
    Options o;
    o.interrupt_after = 50;
    CHECK_THROWS_AS(index(inputs, idx, o), Interrupted);
    fs::create_directories(idx.string() + ".shards/shard-7");  // killed right after mkdir
    uncreated_database(idx.string() + ".shards/shard-8");      // killed while Xapian created it
    o.interrupt_after = 0;
    CHECK_THROWS_AS(index(inputs, idx, o), pipeline::UnfinishedRun);  // committed work: --resume or --restart
    o.unfinished = pipeline::Unfinished::Resume;
    const pipeline::IndexSummary s = index(inputs, idx, o);
    CHECK(s.resumed);
    CHECK(mentions(s.recovered, "removed 2 shards"));
    CHECK(contents(idx) == want);
    CHECK_FALSE(fs::exists(idx.string() + ".shards"));
  }
  SECTION("before the first commit: the build starts from scratch") {
    for (const auto unfinished : {pipeline::Unfinished::Refuse, pipeline::Unfinished::Resume}) {
      const fs::path idx = d.path() / ("idx" + std::to_string(static_cast<int>(unfinished)));
      uncreated_database(idx);                                // the target too
      fs::create_directories(idx.string() + ".shards");      // killed before the first shard
      uncreated_database(idx.string() + ".shards/shard-0");  // or while creating it
      Options o;
      o.unfinished = unfinished;
      const pipeline::IndexSummary s = index(inputs, idx, o);
      CHECK_FALSE(s.resumed);
      CHECK(s.articles == 105);
      CHECK(mentions(s.recovered, "no complete checkpoint"));
      CHECK(contents(idx) == want);
      CHECK_FALSE(fs::exists(idx.string() + ".shards"));
    }
  }
}

TEST_CASE("a crash at any step of the merge is finished by --resume, and a plain run does not fail on it", "[pipeline][resume][crash]") {
  TempDir d;
  const auto [inputs, clean, want] = two_inputs(d);
  for (const char* step : {"committed", "compacted", "set aside", "swapped", "merged", "discarding"})
    for (const auto next : {pipeline::Unfinished::Refuse, pipeline::Unfinished::Resume}) {
      CAPTURE(step, static_cast<int>(next));
      const fs::path idx = d.path() / (std::string(step) + "-" + std::to_string(static_cast<int>(next)));
      Options o;
      o.interrupt_at = step;
      CHECK_THROWS_AS(index(inputs, idx, o), Interrupted);
      const std::string what = step;
      if (what == "committed") {  // killed while compacting: a partial merged index
        uncreated_database(idx.string() + ".shards/merged");
        std::ofstream(idx.string() + ".shards/merged/postlist.glass") << "part of a table";
      }
      if (what == "set aside") CHECK_FALSE(fs::exists(idx));  // between the two renames
      if (what == "discarding") CHECK(fs::exists(idx.string() + ".shards.discarded"));
      o.interrupt_at.clear();
      o.unfinished = next;
      const bool merged = what == "swapped" || what == "merged" || what == "discarding";
      if (next == pipeline::Unfinished::Refuse && !merged) {
        // The build is not merged yet: refused, as any unfinished build.
        CHECK_THROWS_AS(index(inputs, idx, o), pipeline::UnfinishedRun);
        o.unfinished = pipeline::Unfinished::Resume;
      }
      const pipeline::IndexSummary s = index(inputs, idx, o);
      if (o.unfinished == pipeline::Unfinished::Resume) {
        CHECK((s.nothing_to_resume || s.resumed));
        CHECK(s.nothing_to_resume == merged);
        CHECK(s.articles == 0);
      }
      CHECK(contents(idx) == want);
      CHECK_FALSE(fs::exists(idx.string() + ".shards"));
      CHECK_FALSE(fs::exists(idx.string() + ".shards.discarded"));
    }
}

TEST_CASE("a --restart killed while discarding the old shards leaves none of them", "[pipeline][resume][crash]") {
  TempDir d;
  d.write("a.jsonl", jsonl("a", 0, 40));
  const fs::path idx = d.path() / "idx";
  const fs::path clean = d.path() / "clean";
  index({d.path() / "a.jsonl"}, clean, {});
  Options o;
  o.interrupt_after = 20;
  CHECK_THROWS_AS(index({d.path() / "a.jsonl"}, idx, o), Interrupted);
  o.interrupt_after = 0;
  o.unfinished = pipeline::Unfinished::Restart;
  o.interrupt_at = "discarding";
  CHECK_THROWS_AS(index({d.path() / "a.jsonl"}, idx, o), Interrupted);
  CHECK_FALSE(fs::exists(idx.string() + ".shards"));  // set aside whole, never half removed
  o.interrupt_at.clear();
  o.unfinished = pipeline::Unfinished::Resume;
  const pipeline::IndexSummary s = index({d.path() / "a.jsonl"}, idx, o);
  CHECK_FALSE(s.resumed);
  CHECK(s.articles == 40);
  CHECK(contents(idx) == contents(clean));
  CHECK_FALSE(fs::exists(idx.string() + ".shards.discarded"));
}

TEST_CASE("a shard with committed passages but no checkpoint makes the build start over", "[pipeline][resume][crash]") {
  // The state a kill leaves when it cuts short the first checkpoint: one shard
  // committed it, another had flushed passages by itself but not committed the
  // checkpoint; its unflushed passages may come before that checkpoint.
  TempDir d;
  const fs::path idx = d.path() / "idx";
  fs::create_directories(idx.string() + ".shards");
  pipeline::RunRecord run;
  run.id = "0123456789abcdef";
  pipeline::Checkpoint c;
  c.run = run.id;
  c.position.ordinal = 40;
  for (int i = 0; i < 2; ++i) {
    Xapian::WritableDatabase db(idx.string() + ".shards/shard-" + std::to_string(i), Xapian::DB_CREATE);
    db.set_metadata(std::string(pipeline::kMetaRun), run.to_json());
    if (i == 0) db.set_metadata(std::string(pipeline::kMetaCheckpoint), c.to_json());
    Xapian::Document doc;
    doc.add_boolean_term("XAa" + std::to_string(i));
    db.add_document(doc);
    db.commit();
  }
  pipeline::ShardsState state = pipeline::ShardWriters::inspect(idx.string());
  CHECK(state.exists);
  CHECK(state.run);
  CHECK_FALSE(state.checkpoint);  // not 40: nothing is known to be complete
  // With the checkpoint in both, it is resumable from there.
  {
    Xapian::WritableDatabase db(idx.string() + ".shards/shard-1", Xapian::DB_OPEN);
    db.set_metadata(std::string(pipeline::kMetaCheckpoint), c.to_json());
    db.commit();
  }
  state = pipeline::ShardWriters::inspect(idx.string());
  REQUIRE(state.checkpoint);
  CHECK(state.checkpoint->position.ordinal == 40);
}

TEST_CASE("a kill while a checkpoint is committed shard by shard loses no passage of a shard begun since the last one", "[pipeline][resume][crash]") {
  // The kill comes after a checkpoint reached the older shard and before it
  // reached a newer one, whose passages came before that checkpoint. The new
  // shard must still say on disk that it began after the checkpoint before
  // (or before any), or resuming from the new checkpoint loses its passages.
  // Found by the crash test with --segment; fixed by committing a new shard as
  // soon as it is created, and by resuming from scratch when a shard that has
  // the run record has no checkpoint.
  TempDir d;
  const fs::path idx = d.path() / "idx";
  const bool before_any_checkpoint = GENERATE(false, true);
  CAPTURE(before_any_checkpoint);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {  // the run that is killed: no destructor may commit anything after the kill point
    try {
      pipeline::RunRecord run;
      run.id = "0123456789abcdef";
      pipeline::ShardWriters w(idx.string(), std::make_unique<Xapian::WritableDatabase>(idx.string(), Xapian::DB_CREATE),
                               pipeline::ShardWriters::Mode::Fresh, false,
                               {{std::string(pipeline::kMetaRun), run.to_json()}});
      if (before_any_checkpoint) {
        // Two threads, each with a shard, before any checkpoint.
        std::latch done(2);
        auto write = [&](std::string article) {
          auto p = passages(article, 1);
          w.add(p);
          done.arrive_and_wait();  // both alive until both wrote: two threads, two shards
        };
        std::thread t1(write, "a"), t2(write, "b");
        t1.join();
        t2.join();
        if (w.shards() != 2) _exit(2);
      } else {
        w.set_segment_size(2);
        auto a = passages("a", 2);
        w.add(a);  // shard-0 is full: committed and left
        w.commit(checkpoint(1));
        auto b = passages("b", 1);
        w.add(b);  // shard-1 begins after checkpoint 1
      }
      w.set_step_hook([](std::string_view step) {
        if (step == "checkpoint committed to shard-0") _exit(0);  // killed here
      });
      w.commit(checkpoint(2));
    } catch (...) {
    }
    _exit(1);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  const pipeline::ShardsState state = pipeline::ShardWriters::inspect(idx.string());
  if (before_any_checkpoint) {
    CHECK_FALSE(state.checkpoint);  // not 2: the second shard's passage is not on disk
  } else {
    REQUIRE(state.checkpoint);
    CHECK(state.checkpoint->position.ordinal == 1);  // not 2: article b is not on disk
  }
}

TEST_CASE("a full shard is closed until a checkpoint, a replaced article or the merge needs it", "[pipeline][resume]") {
  TempDir d;
  const fs::path idx = d.path() / "idx";
  const std::string shard0 = idx.string() + ".shards/shard-0", shard1 = idx.string() + ".shards/shard-1";
  // Open for writing means Xapian's lock is held: a second writer is refused.
  auto is_open = [](const std::string& dir) {
    try {
      Xapian::WritableDatabase(dir, Xapian::DB_OPEN).close();
      return false;
    } catch (const Xapian::DatabaseLockError&) {
      return true;
    }
  };
  pipeline::ShardWriters w(idx.string(), std::make_unique<Xapian::WritableDatabase>(idx.string(), Xapian::DB_CREATE),
                           pipeline::ShardWriters::Mode::Fresh, false, {});
  w.set_segment_size(2);
  auto a = passages("a", 2);
  w.add(a);  // shard-0 is full
  CHECK_FALSE(is_open(shard0));
  CHECK(Xapian::Database(shard0).get_termfreq("XAa") == 2);  // committed before it was closed
  auto b = passages("b", 1);
  w.add(b);  // shard-1, open
  CHECK(is_open(shard1));

  w.commit(checkpoint(7));
  CHECK_FALSE(is_open(shard0));
  CHECK(Xapian::Database(shard0).get_metadata(std::string(pipeline::kMetaCheckpoint)) ==
        checkpoint(7)[0].second);  // a full shard gets the checkpoint too

  auto a2 = passages("a", 1);
  w.replace("XAa", a2);  // deletes from shard-0, which stays open until the next checkpoint
  CHECK(is_open(shard0));
  w.commit(checkpoint(9));
  CHECK_FALSE(is_open(shard0));
  CHECK(Xapian::Database(shard0).get_doccount() == 0);

  CHECK(w.finish(checkpoint(10)) == 2);
  Xapian::Database db(idx.string());
  CHECK(db.get_termfreq("XAa") == 1);
  CHECK(db.get_termfreq("XAb") == 1);
}

TEST_CASE("an index built without termlists holds the same passages, resumes, keeps the first of an id and refuses updates", "[pipeline][resume]") {
  TempDir d;
  // two_inputs: keeping the first or the last of a10..a14 gives the same passages.
  const auto [inputs, clean, want] = two_inputs(d);
  REQUIRE(fs::exists(clean / "termlist.glass"));

  Options o;
  o.termlists = false;
  o.segment = GENERATE(0, 30);
  CAPTURE(o.segment);
  const fs::path idx = d.path() / ("idx" + std::to_string(o.segment));
  SECTION("in one run") {
    std::vector<std::string> reports;
    const pipeline::IndexSummary s = index(inputs, idx, o, &reports);
    CHECK(s.articles == 100);  // 105 read, 5 duplicates skipped
    CHECK(s.duplicates == 5);
    CHECK(mentions(reports, "b.jsonl:41: duplicate id \"a10\": skipped, the first article with this id is kept"));
    CHECK(contents(idx) == want);
    CHECK_FALSE(fs::exists(idx / "termlist.glass"));
    CHECK(pipeline::without_termlists(idx.string()));
  }
  SECTION("interrupted and resumed") {
    o.interrupt_after = 50;
    CHECK_THROWS_AS(index(inputs, idx, o), Interrupted);
    o.interrupt_after = 0;
    o.unfinished = pipeline::Unfinished::Resume;
    const pipeline::IndexSummary s = index(inputs, idx, o);
    CHECK(s.resumed);
    CHECK(contents(idx) == want);
    CHECK_FALSE(fs::exists(idx / "termlist.glass"));
  }
  // It cannot be updated: Xapian cannot delete passages without termlists.
  Options update;
  CHECK_THROWS_WITH(index(inputs, idx, update), Catch::Contains("was built with --no-termlist") &&
                                                    Catch::Contains("cannot be updated"));
  CHECK(contents(idx) == want);
  // Nor can --no-termlist update an index that has them.
  Options nt;
  nt.termlists = false;
  CHECK_THROWS_WITH(index(inputs, clean, nt), Catch::Contains("--no-termlist builds a new index only"));
}
