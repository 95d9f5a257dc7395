#include "analysis/analyzer.h"

namespace fahras::analysis {

Analyzer::Analyzer(const AnalyzerOptions& options) : stemmer_(options.stem_cache) {}

std::span<const Token> Analyzer::analyze(std::string_view text) {
  tokenizer_.segment(text, segments_);
  tokens_.clear();
  offsets_.clear();
  pool_.clear();
  std::uint32_t position = 0;
  for (const Segment& seg : segments_) {
    Token t;
    t.begin = seg.begin;
    t.end = seg.end;
    t.kind = seg.kind;
    Offsets o{};
    o.norm = static_cast<std::uint32_t>(pool_.size());
    normalizer_.normalize(text.substr(seg.begin, seg.end - seg.begin), pool_);
    o.norm_len = static_cast<std::uint32_t>(pool_.size()) - o.norm;
    if (o.norm_len == 0) continue;  // only ignorable marks
    const std::string_view norm(pool_.data() + o.norm, o.norm_len);
    o.stem = static_cast<std::uint32_t>(pool_.size());
    switch (t.kind) {
      case TokenKind::Number:
        if (parse_number(norm, t.value)) {
          canonical_number(t.value, pool_);
        } else {
          t.kind = TokenKind::Word;
          scratch_.assign(norm);
          pool_ += scratch_;
        }
        t.position = ++position;
        break;
      case TokenKind::Word:
        t.stopword = is_stopword(norm);
        if (!t.stopword) {
          // `norm` views pool_, so the stem goes to scratch_ first (no aliasing).
          scratch_.clear();
          stemmer_.stem(norm, scratch_);
          pool_ += scratch_;
        }
        t.position = ++position;
        break;
      case TokenKind::Symbol:
        t.position = position;
        break;
    }
    o.stem_len = static_cast<std::uint32_t>(pool_.size()) - o.stem;
    tokens_.push_back(t);
    offsets_.push_back(o);
  }
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const Offsets& o = offsets_[i];
    tokens_[i].norm = std::string_view(pool_.data() + o.norm, o.norm_len);
    tokens_[i].stem = std::string_view(pool_.data() + o.stem, o.stem_len);
  }
  return tokens_;
}

}  // namespace fahras::analysis
