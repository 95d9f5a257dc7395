// fahras-eval-figures: success@5 and MRR@10 of figure queries, fahras next to
// the plain-Xapian baseline, on the same corpus.
//
//   fahras-eval-figures --fahras DIR --plain DIR --queries TSV [--verbose]
//
// TSV: a header line, then "query<TAB>relevant article ids (space-separated)<TAB>note".
// A query succeeds@5 when a relevant article is among the first 5 articles;
// MRR@10 averages 1/rank of the first relevant article within 10 (0 if none).
// fahras ranks passages collapsed to one per article, so ranks are article ranks
// for both systems.
#include "peers/plain_xapian.h"
#include "search/searcher.h"

#include <xapian.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Query {
  std::string text;
  std::set<std::string> relevant;
};

std::vector<Query> read_queries(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw std::runtime_error("cannot read " + path);
  std::vector<Query> out;
  std::string line;
  std::getline(f, line);  // header
  while (std::getline(f, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream cols(line);
    Query q;
    std::string relevant;
    std::getline(cols, q.text, '\t');
    std::getline(cols, relevant, '\t');
    std::istringstream ids(relevant);
    for (std::string id; ids >> id;) q.relevant.insert(id);
    if (!q.text.empty() && !q.relevant.empty()) out.push_back(q);
  }
  return out;
}

// 1-based rank of the first relevant id within the list, 0 if none.
std::size_t first_relevant(const std::vector<std::string>& ids, const std::set<std::string>& relevant) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    if (relevant.count(ids[i])) return i + 1;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string fahras_dir, plain_dir, queries_path;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--fahras" && i + 1 < argc) fahras_dir = argv[++i];
    else if (a == "--plain" && i + 1 < argc) plain_dir = argv[++i];
    else if (a == "--queries" && i + 1 < argc) queries_path = argv[++i];
    else if (a == "--verbose") verbose = true;
    else {
      std::cerr << "usage: fahras-eval-figures --fahras DIR --plain DIR --queries TSV [--verbose]\n";
      return 2;
    }
  }
  try {
    const std::vector<Query> queries = read_queries(queries_path);
    fahras::search::Searcher searcher(fahras_dir);
    Xapian::Database plain(plain_dir);
    double s5[2] = {0, 0}, mrr[2] = {0, 0};
    std::printf("%-4s %-42s %5s %6s %6s\n", "#", "query", "rel", "fahras", "plain");
    for (std::size_t n = 0; n < queries.size(); ++n) {
      const Query& q = queries[n];
      fahras::search::SearchOptions opts;
      opts.limit = 10;
      std::vector<std::string> ids;
      for (const auto& hit : searcher.search(q.text, opts).hits) ids.push_back(hit.record.id);
      const std::size_t r[2] = {first_relevant(ids, q.relevant), first_relevant(plain_search(plain, q.text, 10), q.relevant)};
      for (int k = 0; k < 2; ++k) {
        s5[k] += r[k] >= 1 && r[k] <= 5;
        mrr[k] += r[k] ? 1.0 / static_cast<double>(r[k]) : 0.0;
      }
      auto show = [](std::size_t rank) { return rank ? std::to_string(rank) : std::string("-"); };
      std::printf("%-4zu %-42s %5zu %6s %6s\n", n + 1, q.text.c_str(), q.relevant.size(), show(r[0]).c_str(),
                  show(r[1]).c_str());
      if (verbose && r[0] != 1)
        for (std::size_t i = 0; i < ids.size() && i < 5; ++i) std::printf("       fahras %zu: %s\n", i + 1, ids[i].c_str());
    }
    const double n = static_cast<double>(queries.size());
    std::printf("\n%zu queries (ranks are of the first relevant article; - = not in the top 10)\n", queries.size());
    std::printf("fahras        success@5=%.3f  MRR@10=%.3f\n", s5[0] / n, mrr[0] / n);
    std::printf("plain Xapian  success@5=%.3f  MRR@10=%.3f\n", s5[1] / n, mrr[1] / n);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "fahras-eval-figures: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "fahras-eval-figures: " << e.get_description() << '\n';
  }
  return 1;
}
