// Fuzzes the date extractor (analysis::DateExtractor) on the tokens of arbitrary
// text, without and with the text itself. Invariants: mentions lie inside the token sequence, are ordered and do
// not overlap; year is 0 or 1900..2100, month 0..12, day 0..31 (also for the end
// of a period).
#include "analysis/analyzer.h"
#include "analysis/dates.h"
#include "fuzz_support.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

using namespace fahras::analysis;

namespace {

void check_point(int year, int month, int day) {
  FUZZ_CHECK(year == 0 || (year >= 1900 && year <= 2100));
  FUZZ_CHECK(month >= 0 && month <= 12);
  FUZZ_CHECK(day >= 0 && day <= 31);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Analyzer analyzer(AnalyzerOptions{.stem_cache = 1 << 12});
  static const DateExtractor dates;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::span<const Token> tokens = analyzer.analyze(text);

  // Without the text, and with it (years placed by prepositions and brackets):
  // the same invariants, and the text can only add mentions.
  std::vector<DateMention> found, placed;
  dates.extract(tokens, found);
  dates.extract(text, tokens, placed);
  FUZZ_CHECK(placed.size() >= found.size());
  for (const std::vector<DateMention>* v : {&found, &placed}) {
    std::size_t last_end = 0;
    for (const DateMention& d : *v) {
      FUZZ_CHECK(d.begin < d.end && d.end <= tokens.size());
      FUZZ_CHECK(d.begin >= last_end);
      last_end = d.end;
      check_point(d.year, d.month, d.day);
      check_point(d.end_year, d.end_month, d.end_day);
    }
  }
  return 0;
}
