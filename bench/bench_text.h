// The text the micro-benchmarks run on: the bundled seed articles, or the
// UTF-8 file named by $FAHRAS_BENCH_TEXT, its articles separated by '\f'
// (scripts/bench-text writes one from SaudiNewsNet). Read once.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fahras::bench {

struct BenchText {
  std::string text;                   // all of it, articles joined by '\n'
  std::vector<std::string> articles;  // one per seed file, or per '\f'-separated block
};

inline std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

inline const BenchText& bench_text() {
  static const BenchText t = [] {
    BenchText out;
    if (const char* path = std::getenv("FAHRAS_BENCH_TEXT"); path != nullptr && *path != '\0') {
      const std::string all = read_file(path);
      if (all.empty()) {
        std::fprintf(stderr, "FAHRAS_BENCH_TEXT=%s: cannot read it, or it is empty\n", path);
        std::exit(2);
      }
      std::size_t begin = 0;
      while (begin < all.size()) {
        std::size_t end = all.find('\f', begin);
        if (end == std::string::npos) end = all.size();
        if (end > begin) out.articles.emplace_back(all, begin, end - begin);
        begin = end + 1;
      }
    } else {
      for (const auto& e : std::filesystem::directory_iterator(std::string(FAHRAS_SOURCE_DIR) + "/corpora/seeds"))
        out.articles.push_back(read_file(e.path().string()));
    }
    for (const std::string& a : out.articles) {
      out.text += a;
      out.text += "\n";
    }
    return out;
  }();
  return t;
}

inline const std::string& seed_text() { return bench_text().text; }
inline const std::vector<std::string>& articles() { return bench_text().articles; }

}  // namespace fahras::bench
