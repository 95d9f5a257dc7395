// Per-stage throughput of the analyser on the bundled seed articles, or on the
// UTF-8 text file named by $FAHRAS_BENCH_TEXT (e.g. a day of SaudiNewsNet:
// scripts/bench-text writes one). SetBytesProcessed: the MB/s column is input
// text per second, one thread.
#include "analysis/analyzer.h"
#include "analysis/dates.h"
#include "analysis/entities.h"
#include "analysis/figures.h"
#include "analysis/passages.h"
#include "schema/document_builder.h"
#include "bench_text.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace fahras;
using fahras::bench::articles;
using fahras::bench::seed_text;

void BM_Normalize(benchmark::State& state) {
  const analysis::Normalizer normalizer;
  const std::string& text = seed_text();
  std::string out;
  for (auto _ : state) {
    out.clear();
    normalizer.normalize(text, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Normalize);

// The articles' passages, which the pipeline tokenizes and analyses one by one.
const std::vector<std::string_view>& passages() {
  static const std::vector<std::string_view> out = [] {
    std::vector<std::string_view> v;
    std::vector<analysis::PassageSpan> spans;
    for (const std::string& a : articles()) {
      analysis::split_passages(a, analysis::PassageOptions{}, spans);
      for (const analysis::PassageSpan& p : spans) v.push_back(std::string_view(a).substr(p.begin, p.end - p.begin));
    }
    return v;
  }();
  return out;
}

std::int64_t passage_bytes() {
  std::int64_t n = 0;
  for (std::string_view p : passages()) n += static_cast<std::int64_t>(p.size());
  return n;
}

// Passage by passage; arg 0: segment() (its fast path where the passage allows,
// else ICU), 1: ICU's BreakIterator for every passage.
void BM_Tokenize(benchmark::State& state) {
  analysis::Tokenizer tokenizer;
  const bool icu = state.range(0) != 0;
  std::vector<analysis::Segment> segments;
  for (auto _ : state) {
    for (std::string_view p : passages()) {
      if (icu) tokenizer.segment_icu(p, segments);
      else tokenizer.segment(p, segments);
      benchmark::DoNotOptimize(segments.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * passage_bytes());
}
BENCHMARK(BM_Tokenize)->Arg(0)->Arg(1);

// Whole analyser (tokenize + normalize + stem), passage by passage; arg 0: no
// stem cache, 1: cache.
void BM_Analyze(benchmark::State& state) {
  analysis::Analyzer analyzer({.stem_cache = state.range(0) != 0 ? std::size_t{1} << 18 : 0});
  for (auto _ : state)
    for (std::string_view p : passages()) benchmark::DoNotOptimize(analyzer.analyze(p).data());
  state.SetBytesProcessed(state.iterations() * passage_bytes());
}
BENCHMARK(BM_Analyze)->Arg(0)->Arg(1);

// Figure extraction (numbers + units) over already analysed seed text.
void BM_ExtractFigures(benchmark::State& state) {
  analysis::Analyzer analyzer;
  const analysis::FigureExtractor extractor;
  const std::string& text = seed_text();
  const auto tokens = analyzer.analyze(text);
  std::vector<analysis::Figure> figures;
  for (auto _ : state) {
    extractor.extract(tokens, figures);
    benchmark::DoNotOptimize(figures.data());
  }
  state.counters["figures"] = static_cast<double>(figures.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExtractFigures);

// Entity extraction (gazetteer trie + context rules) over already analysed seed text.
void BM_ExtractEntities(benchmark::State& state) {
  analysis::Analyzer analyzer;
  analysis::EntityExtractor extractor;
  // Article by article, as the pipeline does; the analysis (tokens are views
  // into the analyser's buffers) is not timed.
  std::vector<analysis::Entity> entities;
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const std::string& a : articles()) {
      state.PauseTiming();
      const auto tokens = analyzer.analyze(a);
      state.ResumeTiming();
      extractor.begin_article();
      extractor.extract(a, tokens, entities);
      found += entities.size();
      benchmark::DoNotOptimize(entities.data());
    }
  }
  const std::string& text = seed_text();
  state.counters["entities"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExtractEntities);

// Date extraction over already analysed seed text.
void BM_ExtractDates(benchmark::State& state) {
  analysis::Analyzer analyzer;
  const analysis::DateExtractor extractor;
  const std::string& text = seed_text();
  const auto tokens = analyzer.analyze(text);
  std::vector<analysis::DateMention> dates;
  for (auto _ : state) {
    dates.clear();
    extractor.extract(tokens, dates);
    benchmark::DoNotOptimize(dates.data());
  }
  state.counters["dates"] = static_cast<double>(dates.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ExtractDates);

void BM_SplitPassages(benchmark::State& state) {
  const std::string& text = seed_text();
  std::vector<analysis::PassageSpan> spans;
  for (auto _ : state) {
    analysis::split_passages(text, {}, spans);
    benchmark::DoNotOptimize(spans.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SplitPassages);

void BM_BuildDocuments(benchmark::State& state) {
  schema::DocumentBuilder builder;
  std::vector<schema::Article> all(articles().size());
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i].id = "bench-" + std::to_string(i);
    all[i].text = articles()[i];
    bytes += all[i].text.size();
  }
  std::vector<Xapian::Document> docs;
  std::size_t passages = 0;
  for (auto _ : state) {
    passages = 0;
    for (const schema::Article& article : all) {
      builder.build(article, docs);
      passages += docs.size();
      benchmark::DoNotOptimize(docs.data());
    }
  }
  state.counters["passages"] = static_cast<double>(passages);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_BuildDocuments);

}  // namespace
