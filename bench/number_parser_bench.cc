// Micro-benchmarks for fahras::analysis::NumberParser (main comes from the
// shared benchmark_main). Input: a synthetic Arabic news paragraph in the
// NORMALIZED spelling the parser sees (آلاف → الاف, ة → ه, ى → ي, ASCII digits),
// repeated until about 64 KiB, tokenized by a simple space splitter.
// Bytes processed = the text bytes the tokens cover (spaces included).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/number_parser.h"
#include "analysis/token.h"

namespace {

using fahras::analysis::Analyzer;
using fahras::analysis::NumberParser;
using fahras::analysis::ParsedNumber;
using fahras::analysis::Token;
using fahras::analysis::TokenKind;

// Normalized spelling.
constexpr std::string_view kParagraph =
    "قالت وزاره الداخليه في بيان صدر يوم 3 من ايلول ان قوات الامن اعتقلت اكثر من 9 الاف "
    "عنصر خلال عام 2024 وان نحو 2500 منهم افرج عنهم بينما لا يزال ثلاثه واربعون الفا "
    "محتجزين في 12 سجنا وقدرت الخسائر بما يتراوح بين 25 و50 مليون دولار وارتفعت نسبه "
    "البطاله الي 68 بالمائه في موسم 2014 - 2015 كما فر عشرات الالاف من السكان وقتل "
    "خمسه اشخاص واصيب سبعه اخرون بحسب ما نقلته وكاله الانباء الرسميه عن مصدر امني "
    "رفض الكشف عن اسمه واضاف ان الحكومه خصصت 2.5 مليار دولار لاعاده الاعمار ";

// The paragraph repeated to 64 KiB, tokenized by the real Analyzer (static:
// the tokens' views point into its buffer).
struct Corpus {
  std::string text;
  std::span<const Token> toks;
  std::size_t bytes = 0;
};

const Corpus& corpus() {
  static Analyzer analyzer;
  static const Corpus c = [] {
    Corpus out;
    while (out.text.size() < 64 * 1024) out.text += kParagraph;
    out.toks = analyzer.analyze(out.text);
    out.bytes = out.text.size();
    return out;
  }();
  return c;
}

void BM_NumberParser_ParseAll(benchmark::State& state) {
  const Corpus& c = corpus();
  const NumberParser parser;
  std::vector<ParsedNumber> out;
  out.reserve(c.toks.size() / 4);
  for (auto _ : state) {
    out.clear();
    parser.parse_all(c.toks, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(c.bytes));
  state.counters["figures"] = static_cast<double>(out.size());
  state.counters["tokens"] = static_cast<double>(c.toks.size());
}
BENCHMARK(BM_NumberParser_ParseAll);

// The allocating overload (a fresh result vector per call).
void BM_NumberParser_ParseAllAlloc(benchmark::State& state) {
  const Corpus& c = corpus();
  const NumberParser parser;
  for (auto _ : state) {
    auto out = parser.parse_all(c.toks);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(c.bytes));
}
BENCHMARK(BM_NumberParser_ParseAllAlloc);

}  // namespace
