// Malformed inputs among good ones (issue 6): a 50 MB single-line JSONL record,
// a 50 MB single-line .txt, binary files named .txt and .jsonl. Each is
// reported with its file (and line), counted, and the rest is indexed, in
// bounded memory. The big files are generated at test time.
#include "pipeline/pipeline.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <sys/resource.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace fahras;
using fahras::test::TempDir;

namespace {

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// `bytes` of Arabic words and figures on one line, no line break.
std::string one_line(std::size_t bytes) {
  const std::string words = "قالت الأمم المتحدة إن 9000 معتقل في مخيم الهول ينتظرون المحاكمة. ";
  std::string s;
  s.reserve(bytes + words.size());
  while (s.size() < bytes) s += words;
  return s;
}

}  // namespace

TEST_CASE("a 50 MB single-line record, a 50 MB one-line text and binary files are reported, the rest indexed", "[pipeline][malformed]") {
  TempDir d;
  const std::size_t big = 50u << 20;
  fs::create_directories(d.path() / "in");
  {
    std::ofstream f(d.path() / "in" / "news.jsonl", std::ios::binary);
    for (int i = 0; i < 3; ++i) f << R"({"id":"n)" << i << R"(","text":"خبر عن 9000 معتقل في مخيم الهول رقم )" << i << "\"}\n";
    f << R"({"id":"huge","text":")" << one_line(big) << "\"}\n";  // line 4
    for (int i = 3; i < 5; ++i) f << R"({"id":"n)" << i << R"(","text":"خبر عن 9000 معتقل في مخيم الهول رقم )" << i << "\"}\n";
  }
  std::ofstream(d.path() / "in" / "huge.txt", std::ios::binary) << one_line(big);
  std::ofstream(d.path() / "in" / "good.txt") << "نص المقال الجيد عن 9000 معتقل";
  {
    std::mt19937 rng(7);
    std::string noise(1 << 16, '\0');
    for (char& c : noise) c = static_cast<char>(rng());
    std::ofstream(d.path() / "in" / "random.txt", std::ios::binary) << noise;
    std::ofstream(d.path() / "in" / "random.jsonl", std::ios::binary) << noise;
  }
  fs::copy_file(std::string(FAHRAS_BIN_DIR) + "/fahras-merge", d.path() / "in" / "program.txt");

  std::vector<std::string> reports;
  ingest::Diagnostics diag([&](ingest::Outcome, std::string_view where, std::string_view why) {
    reports.push_back(std::string(where) + ": " + std::string(why));
  });
  ingest::DocumentSource source({d.path() / "in"}, {}, diag);
  pipeline::IndexOptions options;
  options.index_path = (d.path() / "idx").string();
  options.threads = 2;
  const long rss_before = peak_rss_mb();
  const pipeline::IndexSummary s = pipeline::build_index(source, diag, options);
  const long rss_growth = peak_rss_mb() - rss_before;

  CHECK(s.articles == 6);  // n0..n4, good.txt
  CHECK(s.too_large == 2);
  CHECK(s.input.skipped_files == 3);
  auto reported = [&](const std::string& where, const std::string& why) {
    for (const std::string& r : reports)
      if (r.find(where) != std::string::npos && r.find(why) != std::string::npos) return true;
    return false;
  };
  CHECK(reported("news.jsonl:4", "over the limit"));
  CHECK(reported("huge.txt", "over the limit"));
  CHECK(reported("random.txt", "binary file"));
  CHECK(reported("random.jsonl", "binary file"));
  CHECK(reported("program.txt", "binary file"));
  Xapian::Database db(options.index_path);
  CHECK(db.get_termfreq("XAn4") == 1);
  CHECK(db.get_termfreq("XAhuge") == 0);
  CHECK(db.get_termfreq("XAgood.txt") == 1);
  // Two 50 MB lines in memory at most once each, not their analysis.
  INFO("peak RSS grew by " << rss_growth << " MB");
  CHECK(rss_growth < 400);
}
