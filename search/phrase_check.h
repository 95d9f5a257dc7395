// Quoted phrases in an index built without positions (fahras-index
// --no-positions): the query asks Xapian for the passages that hold every
// word of the phrase, and PhraseCheck keeps those whose stored text holds the
// words in order, as Xapian's OP_PHRASE would with positions: analysed by the
// indexer's Analyzer (same stems, same positions, stopwords counted), the
// phrase's words at strictly increasing positions spanning fewer than its
// window (its words and the stopwords between them). Passage 1 also matches
// in its article's title, which the indexer adds to it when the title is not
// part of the text.
//
// It runs once per candidate passage (a JSON decode and an analysis of at
// most --max-words words, tens of microseconds), so a phrase of common words
// costs more than with positions; the index is smaller and faster to build.
// Remote shards (xapian-tcpsrv) do not run it: phrases there need positions.
//
// Thread safety: NOT thread-safe (owns an Analyzer); one per search.
#pragma once

#include "analysis/analyzer.h"
#include "search/query.h"

#include <xapian.h>

#include <span>
#include <vector>

namespace fahras::search {

// True when `tokens` (from Analyzer::analyze) hold `phrase`'s terms in order
// within its window. A phrase without terms is held by anything.
bool holds_phrase(std::span<const analysis::Token> tokens, const QueryPhrase& phrase);

class PhraseCheck : public Xapian::MatchDecider {
 public:
  // `phrases` must outlive the PhraseCheck.
  explicit PhraseCheck(const std::vector<QueryPhrase>& phrases)
      : phrases_(phrases), analyzer_(analysis::AnalyzerOptions{.stem_cache = 4096}) {}
  // True when the passage (its stored record) holds every phrase.
  bool operator()(const Xapian::Document& doc) const override;

 private:
  const std::vector<QueryPhrase>& phrases_;
  mutable analysis::Analyzer analyzer_;  // its own: the Searcher's may hold tokens meanwhile
  mutable std::vector<const QueryPhrase*> missing_;  // phrases the passage's text lacks (reused)
};

}  // namespace fahras::search
