// The write path alone: the bench text's passages, built once by the
// DocumentBuilder, added to a fresh Xapian shard database as fahras-index's
// shard writers do (DB_NO_SYNC, a commit every 2,000 passages, one at the
// end). SetBytesProcessed: MB/s of the articles' text, one thread.
//
//   BM_WritePath/0  what fahras-index writes (termlists, positions)
//   BM_WritePath/1  without the termlist table (--no-termlist)
//   BM_WritePath/2  the documents of --no-positions (what positions cost)
//
// The databases go under $TMPDIR (default /tmp) and are removed each time.
#include "bench_text.h"
#include "schema/document_builder.h"

#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace fahras;

struct Built {
  std::vector<Xapian::Document> docs, without_positions;
  std::size_t bytes = 0;
};

const Built& built() {
  static const Built b = [] {
    Built out;
    schema::BuildOptions without;
    without.positions = false;
    schema::DocumentBuilder builder, no_positions(without);
    std::vector<Xapian::Document> docs;
    const auto& all = bench::articles();
    for (std::size_t i = 0; i < all.size(); ++i) {
      schema::Article a;
      a.id = "bench-" + std::to_string(i);
      a.text = all[i];
      out.bytes += a.text.size();
      builder.build(a, docs);
      std::move(docs.begin(), docs.end(), std::back_inserter(out.docs));
      no_positions.build(a, docs);
      std::move(docs.begin(), docs.end(), std::back_inserter(out.without_positions));
    }
    return out;
  }();
  return b;
}

std::string temp_dir() {
  const char* t = std::getenv("TMPDIR");
  return std::string(t != nullptr && *t != '\0' ? t : "/tmp") + "/fahras-write-bench-" + std::to_string(::getpid());
}

void BM_WritePath(benchmark::State& state) {
  const Built& b = built();
  const int variant = static_cast<int>(state.range(0));
  const std::vector<Xapian::Document>& docs = variant == 2 ? b.without_positions : b.docs;
  const int flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | (variant == 1 ? Xapian::DB_NO_TERMLIST : 0);
  const std::string dir = temp_dir();
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
    Xapian::WritableDatabase db(dir, flags);
    std::size_t unflushed = 0;
    for (const Xapian::Document& d : docs) {
      db.add_document(d);
      if (++unflushed == 2000) {
        db.commit();
        unflushed = 0;
      }
    }
    db.commit();
    db.close();
  }
  std::filesystem::remove_all(dir);
  state.counters["passages"] = static_cast<double>(docs.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * b.bytes));
}
BENCHMARK(BM_WritePath)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

}  // namespace
