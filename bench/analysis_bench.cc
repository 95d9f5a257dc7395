// Per-stage throughput of the analyser on the bundled seed articles
// (SetBytesProcessed: the MB/s column is input text per second, one thread).
#include "analysis/analyzer.h"
#include "analysis/dates.h"
#include "analysis/entities.h"
#include "analysis/figures.h"
#include "analysis/passages.h"
#include "schema/document_builder.h"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace fahras;

const std::string& seed_text() {
  static const std::string text = [] {
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(std::string(FAHRAS_SOURCE_DIR) + "/corpora/seeds")) {
      std::ifstream f(e.path(), std::ios::binary);
      std::ostringstream s;
      s << f.rdbuf();
      all += s.str();
      all += "\n";
    }
    return all;
  }();
  return text;
}

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

void BM_Tokenize(benchmark::State& state) {
  analysis::Tokenizer tokenizer;
  const std::string& text = seed_text();
  std::vector<analysis::Segment> segments;
  for (auto _ : state) {
    tokenizer.segment(text, segments);
    benchmark::DoNotOptimize(segments.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize);

// Whole analyser (tokenize + normalize + stem); arg 0: no stem cache, 1: cache.
void BM_Analyze(benchmark::State& state) {
  analysis::Analyzer analyzer({.stem_cache = state.range(0) != 0 ? std::size_t{1} << 18 : 0});
  const std::string& text = seed_text();
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(text).data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
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
  const std::string& text = seed_text();
  const auto tokens = analyzer.analyze(text);
  std::vector<analysis::Entity> entities;
  for (auto _ : state) {
    extractor.begin_article();
    extractor.extract(text, tokens, entities);
    benchmark::DoNotOptimize(entities.data());
  }
  state.counters["entities"] = static_cast<double>(entities.size());
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
  schema::Article article;
  article.id = "bench";
  article.text = seed_text();
  std::vector<Xapian::Document> docs;
  for (auto _ : state) {
    builder.build(article, docs);
    benchmark::DoNotOptimize(docs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * article.text.size()));
}
BENCHMARK(BM_BuildDocuments);

}  // namespace
