// Analyzer: original UTF-8 text -> tokens with offsets, normalized forms and
// index terms. The one analyser that both the indexer and the query side use.
//
//   Analyzer a;
//   for (const Token& t : a.analyze("أكثر من ٩٠٠٠ معتقل")) ...
//     // {"اكثر"→stopword? no, "من" stopword, "9000" Number value 9000, "معتقل"}
//
// Thread safety: NOT thread-safe (it owns a Tokenizer and a Stemmer and reuses
// buffers): one Analyzer per thread. The Normalizer it uses is shared.
// Memory: buffers grow to the largest text analysed and are reused, so steady
// state analysis allocates nothing per token.
#pragma once

#include "analysis/normalizer.h"
#include "analysis/stemmer.h"
#include "analysis/token.h"
#include "analysis/tokenizer.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::analysis {

struct AnalyzerOptions {
  std::size_t stem_cache = 1 << 18;  // distinct words remembered per Analyzer (0: none)
};

class Analyzer {
 public:
  explicit Analyzer(const AnalyzerOptions& options = {});

  // Analyses `text`. The returned tokens (and their views) stay valid until the
  // next call to analyze(); their offsets refer to `text`.
  std::span<const Token> analyze(std::string_view text);

  const Normalizer& normalizer() const { return normalizer_; }

 private:
  Normalizer normalizer_;
  Tokenizer tokenizer_;
  Stemmer stemmer_;
  std::vector<Segment> segments_;
  std::vector<Token> tokens_;
  std::string pool_;     // normalized forms and stems of the current text
  std::string scratch_;  // one stem at a time
  struct Offsets { std::uint32_t norm, norm_len, stem, stem_len; };
  std::vector<Offsets> offsets_;
};

// Largest allowed term, in bytes: longer words (garbage, URLs) are not indexed.
inline constexpr std::size_t kMaxTermBytes = 64;

// True for a token whose stem the index holds as a term (at its position):
// a word or number, not a stopword, with a stem of at most kMaxTermBytes.
// The indexer, phrase queries and the phrase check all go by it.
inline bool is_indexed(const Token& t) {
  return t.kind != TokenKind::Symbol && !t.stopword && !t.stem.empty() && t.stem.size() <= kMaxTermBytes;
}

}  // namespace fahras::analysis
