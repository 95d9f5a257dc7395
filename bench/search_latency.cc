// fahras-search-latency: runs a query list against an index in one process and
// prints latency percentiles (the Searcher is reused, as a server would).
//
//   fahras-search-latency --index DIR [--index DIR…] [--remote HOST:PORT…] --queries FILE
//                         [--repeat N] [--limit K]
//
// FILE: one query per line (a TSV's first column is used; '#' lines skipped).
#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> indexes, remotes;
  std::string queries_path;
  unsigned repeat = 5;
  std::size_t limit = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--index" && i + 1 < argc) indexes.push_back(argv[++i]);
    else if (a == "--remote" && i + 1 < argc) remotes.push_back(argv[++i]);
    else if (a == "--queries" && i + 1 < argc) queries_path = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (a == "--limit" && i + 1 < argc) limit = std::stoul(argv[++i]);
    else {
      std::cerr << "usage: fahras-search-latency --index DIR… [--remote HOST:PORT…] --queries FILE [--repeat N] "
                   "[--limit K]\n";
      return 2;
    }
  }
  std::ifstream f(queries_path);
  std::vector<std::string> queries;
  for (std::string line; std::getline(f, line);) {
    line = line.substr(0, line.find('\t'));
    if (!line.empty() && line[0] != '#' && line != "query") queries.push_back(line);
  }
  if (queries.empty()) {
    std::cerr << "fahras-search-latency: no queries in " << queries_path << "\n";
    return 2;
  }
  try {
    fahras::search::Searcher searcher(indexes, remotes);
    fahras::search::SearchOptions options;
    options.limit = limit;
    for (const std::string& q : queries) searcher.search(q, options);  // warm caches, load the dictionary
    std::vector<double> ms;
    for (unsigned r = 0; r < repeat; ++r)
      for (const std::string& q : queries) {
        const auto t0 = std::chrono::steady_clock::now();
        searcher.search(q, options);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      }
    std::sort(ms.begin(), ms.end());
    auto pct = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
    std::printf("%zu queries x %u: p50=%.2f ms  p95=%.2f ms  p99=%.2f ms  max=%.2f ms\n", queries.size(), repeat,
                pct(0.50), pct(0.95), pct(0.99), ms.back());
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "fahras-search-latency: " << e.what() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "fahras-search-latency: " << e.get_description() << "\n";
  }
  return 1;
}
