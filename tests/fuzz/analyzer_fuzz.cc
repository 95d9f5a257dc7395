// Fuzzes the tokenizer and the analyser (analysis::Analyzer::analyze, which runs
// Tokenizer::segment, the Normalizer and the Stemmer), plus parse_number /
// canonical_number on every number token and the passage splitter, on arbitrary
// bytes (queries reach the analyser unrepaired).
// Invariants: segments and tokens lie inside the text, in order; norms and
// stems are valid UTF-8; number tokens parse back; passages cover distinct,
// ordered byte ranges of the text.
#include "analysis/analyzer.h"
#include "analysis/passages.h"
#include "analysis/tokenizer.h"
#include "fuzz_support.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace fahras::analysis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Analyzer analyzer(AnalyzerOptions{.stem_cache = 1 << 12});  // cache cleared when full
  static Tokenizer tokenizer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::vector<Segment> segments;
  tokenizer.segment(text, segments);
  std::uint32_t last_end = 0;
  for (const Segment& s : segments) {
    FUZZ_CHECK(s.begin < s.end && s.end <= text.size());
    FUZZ_CHECK(s.begin >= last_end);
    last_end = s.end;
  }

  std::uint32_t last_begin = 0, last_position = 0;
  for (const Token& t : analyzer.analyze(text)) {
    FUZZ_CHECK(t.begin < t.end && t.end <= text.size());
    FUZZ_CHECK(t.begin >= last_begin);
    FUZZ_CHECK(t.position >= last_position);
    last_begin = t.begin;
    last_position = t.position;
    FUZZ_CHECK(fahras::fuzz::valid_utf8(t.norm));
    FUZZ_CHECK(fahras::fuzz::valid_utf8(t.stem));
    if (t.kind == TokenKind::Number) {
      FUZZ_CHECK(std::isfinite(t.value) && t.value >= 0);
      double value = -1;
      if (parse_number(t.norm, value)) {
        std::string canonical;
        canonical_number(value, canonical);
        FUZZ_CHECK(!canonical.empty());
      }
    }
  }

  std::vector<PassageSpan> passages;
  split_passages(text, PassageOptions{}, passages);
  std::uint32_t passage_end = 0;
  for (const PassageSpan& p : passages) {
    FUZZ_CHECK(p.begin <= p.end && p.end <= text.size());
    FUZZ_CHECK(p.begin >= passage_end);
    passage_end = p.end;
  }
  const std::string_view title = guess_title(text);
  FUZZ_CHECK(title.empty() || (title.data() >= text.data() && title.data() + title.size() <= text.data() + text.size()));
  (void)count_words(text);
  return 0;
}
