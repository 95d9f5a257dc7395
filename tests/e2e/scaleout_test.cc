// Scale-out (issue 7): an archive built as 3 shards with --shard K/N, two served
// by xapian-tcpsrv on 127.0.0.1 and one opened locally, searches exactly like
// the same archive built as one index (top 20 and facet counts); a dead shard is an error naming it, or,
// with --allow-partial, a warning. Servers are started and killed by the test,
// on loopback only, and every wait is bounded.
#include "support/run.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <simdjson.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;
namespace fs = std::filesystem;

namespace {

using fahras::test::bin;
using fahras::test::Run;
using fahras::test::run;
using fahras::test::TempDir;

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

bool accepting(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// scripts/serve-shard in the background; killed (and reaped) by the destructor.
struct Server {
  pid_t pid = -1;
  int port;
  Server(const fs::path& index, int p) : port(p) {
    const std::string script = std::string(FAHRAS_SOURCE_DIR) + "/scripts/serve-shard";
    const std::string port_s = std::to_string(port), index_s = index.string();
    const char* argv[] = {"bash", script.c_str(), index_s.c_str(), port_s.c_str(), "127.0.0.1", nullptr};
    posix_spawn_file_actions_t io;  // the server's chatter (our readiness probes) goes to /dev/null
    posix_spawn_file_actions_init(&io);
    posix_spawn_file_actions_addopen(&io, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&io, 2, "/dev/null", O_WRONLY, 0);
    const int spawned = posix_spawnp(&pid, "bash", &io, nullptr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&io);
    REQUIRE(spawned == 0);
    for (int i = 0; i < 100 && !accepting(port); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(accepting(port));
  }
  void kill() {
    if (pid <= 0) return;
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    pid = -1;
  }
  ~Server() { kill(); }
  std::string spec() const { return "127.0.0.1:" + std::to_string(port); }
};

struct Hit {
  std::string doc;
  std::uint64_t passage;
  double score;
  std::string date;  // the article's, "" when undated
};

std::vector<Hit> hits(const std::string& json_lines) {
  std::vector<Hit> out;
  simdjson::ondemand::parser parser;
  std::istringstream lines(json_lines);
  for (std::string line; std::getline(lines, line);) {
    simdjson::padded_string padded(line);
    auto doc = parser.iterate(padded);
    Hit h;
    h.doc = std::string(std::string_view(doc["doc"].get_string()));
    h.passage = doc["passage"].get_uint64();
    h.score = doc["score"].get_double();
    std::string_view date;
    if (doc["date"].get_string().get(date) == simdjson::SUCCESS) h.date = std::string(date);
    out.push_back(h);
  }
  return out;
}

}  // namespace

// The indexes, built once per test process (Catch2 runs the test case once per SECTION).
struct Built {
  TempDir tmp;
  fs::path whole;
  std::vector<fs::path> shards;
};

void build_into(Built& out) {
    const TempDir& tmp = out.tmp;
    const fs::path snn = fs::path(FAHRAS_SOURCE_DIR) / ".." / "shared" / "corpora" / "saudinewsnet";
    std::string inputs, fields;
    if (fs::exists(snn / "2015-07-21.zip") && fs::exists(snn / "2015-07-22.zip")) {
      inputs = "'" + (snn / "2015-07-21.zip").string() + "' '" + (snn / "2015-07-22.zip").string() + "'";
      fields = " --field id=url --field text=content --field date=date_extracted ";
    } else {
      WARN("../shared/corpora/saudinewsnet absent: scale-out checked on corpora/seeds only");
      inputs = std::string("'") + FAHRAS_SOURCE_DIR + "/corpora/seeds'";
    }
    out.whole = tmp.path() / "whole";
    REQUIRE(run(bin("fahras-index") + " -q -j 2 --index '" + out.whole.string() + "' " + fields + " " + inputs, tmp.path()).code == 0);
    for (int k = 1; k <= 3; ++k) {
      out.shards.push_back(tmp.path() / ("shard-" + std::to_string(k)));
      const Run r = run(bin("fahras-index") + " -q -j 2 --shard " + std::to_string(k) + "/3 --index '" +
                            out.shards.back().string() + "' " + fields + " " + inputs,
                        tmp.path());
      INFO(r.err);
      REQUIRE(r.code == 0);
      REQUIRE(r.out.find("left") != std::string::npos);
    }
}

const Built& built() {
  static Built b;  // in place: TempDir removes its folder when destroyed, so it is never copied
  static const bool ready = (build_into(b), true);
  (void)ready;
  return b;
}

TEST_CASE("3 shards (2 remote, 1 local) search exactly like one index, dead shards are named", "[e2e][scaleout]") {
  TempDir tmp;
  const fs::path& whole = built().whole;
  const std::vector<fs::path>& shards = built().shards;

  Server a(shards[0], free_port()), b(shards[1], free_port());
  const std::string sharded = " --remote-timeout 3000 --remote " + a.spec() + " --remote " + b.spec() + " --index '" +
                              shards[2].string() + "' ";
  const std::string one = " --index '" + whole.string() + "' ";

  const char* queries[] = {"9000 معتقل", "وزارة الصحة", "أكثر من 100 حريق", "مليون ريال", "الهلال والنصر",
                           "153 attacks", "1400 لاجئ", "داعش"};
  std::size_t compared = 0;
  for (const char* q : queries) {
    CAPTURE(q);
    const std::string facets = " --facets year,month,source --facet-limit 50";
    const Run x = run(bin("fahras-search") + " --json --limit 20" + facets + one + "'" + q + "'", tmp.path());
    const Run y = run(bin("fahras-search") + " --json --limit 20" + facets + sharded + "'" + q + "'", tmp.path());
    INFO(y.err);
    REQUIRE(x.code == y.code);
    // The last line holds the facet counts: identical, value for value.
    const auto last_line = [](const std::string& out) {
      const std::size_t end = out.find_last_not_of('\n');
      return out.substr(out.rfind('\n', end) + 1, end - out.rfind('\n', end));
    };
    REQUIRE(last_line(x.out).rfind("{\"facets\"", 0) == 0);
    CHECK(last_line(y.out) == last_line(x.out));
    const std::vector<Hit> hx = hits(x.out.substr(0, x.out.rfind("{\"facets\""))),
                           hy = hits(y.out.substr(0, y.out.rfind("{\"facets\"")));
    REQUIRE(hx.size() == hy.size());
    for (std::size_t i = 0; i < hx.size(); ++i) {
      CAPTURE(i);
      CHECK(hy[i].score == Approx(hx[i].score).epsilon(1e-6));
      // Equal scores may come in either order; distinct ones must not.
      const bool tie = (i > 0 && hx[i - 1].score == hx[i].score) || (i + 1 < hx.size() && hx[i + 1].score == hx[i].score);
      if (!tie) CHECK((hy[i].doc == hx[i].doc && hy[i].passage == hx[i].passage));
    }
    compared += hx.size();
  }
  CHECK(compared > 0);

  SECTION("fahras-merge of the shards gives the same documents as the single build") {
    const fs::path merged = tmp.path() / "merged";
    const Run m = run(bin("fahras-merge") + " --index '" + merged.string() + "' '" + shards[0].string() + "' '" +
                          shards[1].string() + "' '" + shards[2].string() + "'",
                      tmp.path());
    INFO(m.err);
    REQUIRE(m.code == 0);
    const Run x = run(bin("fahras-search") + " --json --limit 5" + one + "'9000 معتقل'", tmp.path());
    const Run y = run(bin("fahras-search") + " --json --limit 5 --index '" + merged.string() + "' '9000 معتقل'", tmp.path());
    CHECK(hits(x.out).size() == hits(y.out).size());
    const Run twice = run(bin("fahras-merge") + " --index '" + (tmp.path() / "m2").string() + "' '" +
                              shards[0].string() + "' '" + shards[0].string() + "'",
                          tmp.path());
    CHECK(twice.code == 1);
    CHECK(twice.err.find("given twice") != std::string::npos);
  }

  SECTION("sorted by date, the remote shards list the dates of the single index, newest first") {
    // (Over the remote backend the sort is by the value slot, Xapian 1.4 taking
    // no KeyMaker there; newest first both put undated passages last.)
    // (Queries that match in SaudiNewsNet and in the seeds, the fallback corpus.)
    std::size_t listed = 0;
    for (const char* args : {"--sort newest داعش", "--org داعش", "--sort newest '9000 معتقل'"}) {
      CAPTURE(args);
      const Run x = run(bin("fahras-search") + " --json --limit 20" + one + args, tmp.path());
      const Run y = run(bin("fahras-search") + " --json --limit 20" + sharded + args, tmp.path());
      INFO(y.err);
      REQUIRE(x.code == 0);
      REQUIRE(y.code == 0);
      std::vector<std::string> dx, dy;
      for (const Hit& h : hits(x.out)) dx.push_back(h.date);
      for (const Hit& h : hits(y.out)) dy.push_back(h.date);
      CHECK(dy == dx);
      CHECK(std::is_sorted(dx.rbegin(), dx.rend()));
      listed += dx.size();
    }
    CHECK(listed > 3);
  }

  SECTION("a Xapian stub file naming the local and the remote shards searches like the single index") {
    const fs::path stub = tmp.write("shards.stub", "auto " + shards[2].string() + "\nremote " + a.spec() +
                                                       "\nremote " + b.spec() + "\n");
    for (const char* q : {"9000 معتقل", "وزارة الصحة"}) {
      CAPTURE(q);
      const Run x = run(bin("fahras-search") + " --json --limit 10" + one + "'" + q + "'", tmp.path());
      const Run y = run(bin("fahras-search") + " --json --limit 10 --index '" + stub.string() + "' '" + q + "'", tmp.path());
      INFO(y.err);
      REQUIRE(y.code == x.code);
      const std::vector<Hit> hx = hits(x.out), hy = hits(y.out);
      REQUIRE(hx.size() == hy.size());
      for (std::size_t i = 0; i < hx.size(); ++i) CHECK(hy[i].score == Approx(hx[i].score).epsilon(1e-6));
    }
  }

  SECTION("a taken port is refused with a clear message") {
    const Run r = run("bash '" + std::string(FAHRAS_SOURCE_DIR) + "/scripts/serve-shard' '" + shards[0].string() +
                          "' " + std::to_string(a.port),
                      tmp.path());
    CHECK(r.code == 1);
    CHECK(r.err.find("already in use") != std::string::npos);
  }

  SECTION("a killed shard server: an error naming it, or results from the rest with --allow-partial") {
    b.kill();
    const Run fail = run(bin("fahras-search") + " --json" + sharded + "'وزارة الصحة'", tmp.path());
    CHECK(fail.code == 2);
    CHECK(fail.err.find(b.spec()) != std::string::npos);
    CHECK(fail.seconds < 10);
    const Run partial = run(bin("fahras-search") + " --json --allow-partial" + sharded + "'وزارة الصحة'", tmp.path());
    CHECK(partial.code == 0);
    CHECK(partial.err.find("warning") != std::string::npos);
    CHECK(partial.err.find(b.spec()) != std::string::npos);
    CHECK(partial.seconds < 10);
  }
}
