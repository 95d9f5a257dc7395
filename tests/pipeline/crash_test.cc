// Crash test (issue 6): fahras-index is killed with SIGKILL at random points,
// then run again with --resume (perhaps killed again), and must end with
// exactly the documents of an uninterrupted run: every passage's unique term
// and data, and the document count.
//
// FAHRAS_CRASH_TRIALS=N sets the number of trials (default 20),
// FAHRAS_CRASH_SEED=S repeats a run (the seed is printed on failure),
// FAHRAS_CRASH_BIN=PATH runs that fahras-index (a copy, so that a rebuild of
// the build folder meanwhile cannot make an exec fail),
// FAHRAS_CRASH_SEGMENT=N and FAHRAS_CRASH_FLUSH=N set the small --segment and
// --flush that two thirds of the shard builds use (default 120 and 50),
// FAHRAS_CRASH_THREADS=N the threads (default 2).
#include "schema/schema.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

namespace {

using fahras::test::TempDir;

// Paragraphs of the seed articles, to build many small articles from.
std::vector<std::string> seed_paragraphs() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(FAHRAS_SOURCE_DIR) / "corpora" / "seeds")) {
    std::ifstream f(e.path());
    std::string line;
    while (std::getline(f, line)) {
      std::size_t words = 0;
      bool in_word = false;
      for (char c : line) {
        const bool space = c == ' ' || c == '\t' || c == '\r';
        if (!space && !in_word) ++words;
        in_word = !space;
      }
      if (words >= 6) out.push_back(line);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r' || c == '\t') continue;
    out += c;
  }
  return out;
}

// A corpus of ~1000 small articles: JSONL files (with duplicate ids and a broken
// line), a JSON array, and a folder tree of .txt files.
void make_corpus(const fs::path& dir, std::uint32_t seed) {
  const std::vector<std::string> paragraphs = seed_paragraphs();
  REQUIRE(paragraphs.size() > 20);
  std::mt19937 rng(seed);
  auto text = [&](int max) {
    std::string t;
    const int n = 1 + static_cast<int>(rng() % static_cast<unsigned>(max));
    for (int i = 0; i < n; ++i) t += (i ? "\n\n" : "") + paragraphs[rng() % paragraphs.size()];
    return t;
  };
  int id = 0;
  for (int f = 0; f < 3; ++f) {
    std::ofstream out(dir / ("part" + std::to_string(f) + ".jsonl"));
    for (int i = 0; i < 250; ++i, ++id) {
      const int article = rng() % 50 == 0 && id > 0 ? static_cast<int>(rng() % static_cast<unsigned>(id)) : id;
      out << R"({"id":"a)" << article << R"(","title":"خبر )" << id << R"(","text":")" << json_escape(text(4)) << "\"}\n";
      if (i == 100) out << "{broken json\n";
    }
  }
  {
    std::ofstream out(dir / "array.json");
    out << "[";
    for (int i = 0; i < 50; ++i, ++id)
      out << (i ? "," : "") << R"({"id":"a)" << id << R"(","text":")" << json_escape(text(3)) << "\"}";
    out << "]";
  }
  for (int i = 0; i < 150; ++i) {
    const fs::path p = dir / "txt" / std::to_string(i % 3) / ("t" + std::to_string(i) + ".txt");
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text(3);
  }
}

// Every passage's unique term with its data, and the document count.
struct Contents {
  std::map<std::string, std::string> passages;
  Xapian::doccount documents = 0;
};

Contents contents(const fs::path& idx) {
  Contents c;
  Xapian::Database db(idx.string());
  c.documents = db.get_doccount();
  for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
    CHECK(t.get_termfreq() == 1);
    c.passages[*t] = fahras::schema::stored_record(db.get_document(*db.postlist_begin(*t)));
  }
  return c;
}

// The first difference between two indexes, or "" when they hold the same.
// The differences between two indexes (the first few), or "" when they hold
// the same.
std::string difference(const Contents& want, const Contents& got) {
  std::string out;
  int shown = 0;
  auto note = [&](const std::string& what) {
    if (shown++ < 12) out += what + "\n";
  };
  if (want.documents != got.documents)
    note("documents: " + std::to_string(got.documents) + ", not " + std::to_string(want.documents));
  for (const auto& [term, data] : want.passages) {
    const auto it = got.passages.find(term);
    if (it == got.passages.end()) note("missing " + term);
    else if (it->second != data) note("different data for " + term);
  }
  for (const auto& [term, data] : got.passages)
    if (!want.passages.count(term)) note("extra " + term);
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// Starts fahras-index with `args`; its output goes to `log`. Everything is
// prepared before fork(): the child only calls async-signal-safe functions
// (the test process may have threads). A failed exec is written to the log.
pid_t start(const std::vector<std::string>& args, const fs::path& log) {
  const char* pinned = std::getenv("FAHRAS_CRASH_BIN");
  const std::string bin = pinned ? std::string(pinned) : std::string(FAHRAS_BIN_DIR) + "/fahras-index";
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(bin.c_str()));
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, 1);
      dup2(fd, 2);
    }
    execv(bin.c_str(), argv.data());
    const char* why = strerror(errno);  // not async-signal-safe in theory; glibc's is for known errnos
    const char prefix[] = "crash test: cannot execute fahras-index: ";
    if (write(2, prefix, sizeof prefix - 1) < 0 || write(2, why, strlen(why)) < 0 || write(2, "\n", 1) < 0) {
    }
    _exit(127);
  }
  return pid;
}

// Waits for `pid`; its exit status, or -signal.
int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Runs fahras-index, killing it with SIGKILL after `kill_after` seconds (< 0: never).
// Returns its exit status, or -9 when killed.
int run(const std::vector<std::string>& args, const fs::path& log, double kill_after) {
  const pid_t pid = start(args, log);
  if (kill_after >= 0) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kill_after);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      const pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    kill(pid, SIGKILL);
  }
  return wait_for(pid);
}

}  // namespace

TEST_CASE("kill -9 at random points, then --resume, gives exactly the documents of a clean run", "[pipeline][crash]") {
  const char* trials_env = std::getenv("FAHRAS_CRASH_TRIALS");
  const char* seed_env = std::getenv("FAHRAS_CRASH_SEED");
  const int trials = trials_env ? std::atoi(trials_env) : 20;
  const std::uint32_t seed = seed_env ? static_cast<std::uint32_t>(std::strtoul(seed_env, nullptr, 10))
                                      : std::random_device{}();
  INFO("FAHRAS_CRASH_SEED=" << seed << " repeats this run");
  std::mt19937 rng(seed);

  TempDir d;
  const fs::path corpus = d.path() / "corpus", log = d.path() / "log";
  fs::create_directories(corpus);
  make_corpus(corpus, 20240601);  // the corpus is fixed; the kill points vary
  const char* threads_env = std::getenv("FAHRAS_CRASH_THREADS");
  const std::vector<std::string> common = {"--threads", threads_env ? threads_env : "2", "--quiet", corpus.string()};
  auto args = [&](const fs::path& idx, std::vector<std::string> extra) {
    std::vector<std::string> a = {"--index", idx.string()};
    a.insert(a.end(), extra.begin(), extra.end());
    a.insert(a.end(), common.begin(), common.end());
    return a;
  };

  // The reference: one clean run; and an older index to update (a part of the corpus).
  const fs::path reference = d.path() / "reference";
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(run(args(reference, {}), log, -1) == 0);
  const double clean_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const Contents want = contents(reference);
  REQUIRE(want.documents > 1000);
  // Without termlists, of articles that share an id the first is kept, not the last.
  const fs::path reference_nt = d.path() / "reference-no-termlist";
  REQUIRE(run(args(reference_nt, {"--no-termlist"}), log, -1) == 0);
  const Contents want_nt = contents(reference_nt);
  REQUIRE(want_nt.documents > 1000);
  REQUIRE(want_nt.passages != want.passages);
  const fs::path base = d.path() / "base";
  REQUIRE(run({"--index", base.string(), "--quiet", (corpus / "part1.jsonl").string()}, log, -1) == 0);

  int killed = 0, finished_before_kill = 0;
  for (int trial = 0; trial < trials; ++trial) {
    // Three ways to write: a new index by shards, by one writer, an update of an existing index.
    const int way = trial % 3;
    const fs::path idx = d.path() / ("trial-" + std::to_string(trial));
    std::vector<std::string> extra = {"--commit-every", std::to_string(10 + rng() % 90), "--no-sync"};
    if (way == 1) extra.push_back("--single-writer");
    if (way == 2) fs::copy(base, idx, fs::copy_options::recursive);
    // Shard builds: a third with the default options (shard databases of
    // 20000 passages: one per thread here), a third with shard databases of
    // FAHRAS_CRASH_SEGMENT (default 120) passages, so that every run starts
    // new ones mid-way, and a third with those and commits every
    // FAHRAS_CRASH_FLUSH (default 50) passages.
    std::string segment = "default";
    const unsigned coin = rng() % 3;
    if (way == 0 && coin != 0) {
      const char* e = std::getenv("FAHRAS_CRASH_SEGMENT");
      segment = e ? e : "120";
      extra.insert(extra.end(), {"--segment", segment});
      if (coin == 2) {
        const char* flush = std::getenv("FAHRAS_CRASH_FLUSH");
        extra.insert(extra.end(), {"--flush", flush ? flush : "50"});
      }
    }
    // A quarter of the shard builds without termlists.
    const bool no_termlist = way == 0 && rng() % 4 == 0;
    if (no_termlist) extra.push_back("--no-termlist");
    CAPTURE(trial, way, extra[1], segment, no_termlist);
    // Up to three kills, then a run to the end. A kill comes after a very short
    // delay (creating the index and the shards, the first commits), at any
    // point, or late (the merge and what follows it), each a third of the time.
    // After a kill the next run is usually --resume, sometimes a plain run
    // (refused with 4 on an unfinished shard build) or --restart.
    const int kills = 1 + static_cast<int>(rng() % 3);
    bool done = false;
    for (int k = 0; k < kills && !done; ++k) {
      double after = 0;
      switch (rng() % 3) {
        case 0: after = std::uniform_real_distribution<double>(0, 0.03)(rng); break;
        case 1: after = std::uniform_real_distribution<double>(0, 1.2 * clean_seconds)(rng); break;
        default: after = std::uniform_real_distribution<double>(0.5 * clean_seconds, 1.1 * clean_seconds)(rng); break;
      }
      std::vector<std::string> a = extra;
      const unsigned next = rng() % 20;
      if (k > 0) {
        if (next < 14) a.push_back("--resume");
        else if (next < 17) a.push_back("--restart");
      }
      std::ofstream(log, std::ios::app) << "== run " << k << (a.size() > extra.size() ? " " + a.back() : std::string())
                                        << ", killed after " << after << " s\n";
      const int code = run(args(idx, a), log, after);
      if (code == -SIGKILL) ++killed;
      else if (code == 4 && k > 0 && way == 0 && a.size() == extra.size()) continue;  // refused: unfinished build
      else if (code == 1 && no_termlist && slurp(log).find("was built with --no-termlist") != std::string::npos)
        done = true;  // a finished index without termlists cannot be updated: the run before had finished it
      else {
        if (code != 0) FAIL("fahras-index exited with " << code << ":\n" << slurp(log));
        done = true;
        ++finished_before_kill;
      }
    }
    std::ofstream(log, std::ios::app) << "== the last run, --resume\n";
    std::vector<std::string> a = extra;
    a.push_back("--resume");
    const int code = run(args(idx, a), log, -1);
    if (code != 0) FAIL("fahras-index --resume exited with " << code << ":\n" << slurp(log));
    CHECK_FALSE(fs::exists(idx.string() + ".shards"));
    CHECK_FALSE(fs::exists(idx.string() + ".compacted"));
    CHECK_FALSE(fs::exists(idx.string() + ".shards.discarded"));
    const std::string diff = difference(no_termlist ? want_nt : want, contents(idx));
    if (!diff.empty()) FAIL_CHECK("the index differs from a clean run's:\n" << diff << "runs:\n" << slurp(log));
    std::error_code ec;
    fs::remove_all(idx, ec);
    fs::remove(log, ec);
  }
  CHECK(killed >= trials / 2);  // most trials were really interrupted
  WARN("crash test: " << trials << " trials, " << killed << " kills, " << finished_before_kill
                      << " runs finished before their kill; clean run " << clean_seconds << " s; seed " << seed);
}
