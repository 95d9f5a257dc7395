// Fuzzes the number parser and the figure extractor on the tokens of arbitrary
// text (analysis::NumberParser::parse_all / classify_at / parse_at /
// first_figure, analysis::FigureExtractor::extract).
// Invariants: spans lie inside the token sequence, figures are ordered and do
// not overlap, bounds are ordered and never NaN, units point at tokens of the
// figure's passage, byte spans lie inside the text.
#include "analysis/analyzer.h"
#include "analysis/figures.h"
#include "analysis/number_parser.h"
#include "fuzz_support.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using namespace fahras::analysis;

namespace {

void check(const ParsedNumber& n, std::size_t tokens) {
  FUZZ_CHECK(n.begin < n.end && n.end <= tokens);
  FUZZ_CHECK(n.number_begin >= n.begin && n.number_begin < n.end);
  FUZZ_CHECK(!std::isnan(n.value) && !std::isnan(n.low) && !std::isnan(n.high));
  FUZZ_CHECK(n.low <= n.high);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Analyzer analyzer(AnalyzerOptions{.stem_cache = 1 << 12});
  static const NumberParser parser;
  static const FigureExtractor figures;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::span<const Token> tokens = analyzer.analyze(text);

  std::size_t last_end = 0;
  for (const ParsedNumber& n : parser.parse_all(tokens)) {
    check(n, tokens.size());
    FUZZ_CHECK(n.begin >= last_end);
    last_end = n.end;
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (const auto n = parser.parse_at(tokens, i)) check(*n, tokens.size());
    if (const auto s = parser.classify_at(tokens, i)) FUZZ_CHECK(s->begin < s->end && s->end <= tokens.size());
  }
  if (const auto n = parser.first_figure(tokens)) check(*n, tokens.size());

  std::vector<Figure> found;
  figures.extract(tokens, found);
  std::uint32_t last_byte = 0;
  for (const Figure& f : found) {
    check(f.number, tokens.size());
    FUZZ_CHECK(f.begin <= f.end && f.end <= text.size());
    FUZZ_CHECK(f.begin >= last_byte);
    last_byte = f.begin;
    FUZZ_CHECK(f.unit_count <= f.unit_tokens.size());
    for (std::size_t u = 0; u < f.unit_count; ++u) FUZZ_CHECK(f.unit_tokens[u] < tokens.size());
    for (std::size_t u = 0; u < f.units(); ++u) (void)f.unit(tokens, u);
  }
  return 0;
}
