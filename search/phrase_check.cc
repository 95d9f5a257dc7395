#include "search/phrase_check.h"

#include "schema/schema.h"

#include <stdexcept>
#include <string>

namespace fahras::search {

bool holds_phrase(std::span<const analysis::Token> tokens, const QueryPhrase& phrase) {
  const auto& terms = phrase.terms;
  if (terms.empty()) return true;
  const std::uint32_t window = terms.back().second + 1;
  // The tokens the indexer makes terms of (document_builder.cc: add_terms).
  auto indexed = [](const analysis::Token& t) {
    return t.kind != analysis::TokenKind::Symbol && !t.stopword && !t.stem.empty() &&
           t.stem.size() <= analysis::kMaxTermBytes;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!indexed(tokens[i]) || tokens[i].stem != terms[0].first) continue;
    // The earliest in-order match from here leaves the most room for the rest.
    const std::uint32_t start = tokens[i].position;
    std::uint32_t last = start;
    std::size_t k = 1;
    for (std::size_t j = i + 1; k < terms.size() && j < tokens.size() && tokens[j].position < start + window; ++j)
      if (indexed(tokens[j]) && tokens[j].position > last && tokens[j].stem == terms[k].first) {
        last = tokens[j].position;
        ++k;
      }
    if (k == terms.size()) return true;
  }
  return false;
}

bool PhraseCheck::operator()(const Xapian::Document& doc) const {
  schema::PassageRecord record;
  try {
    record = schema::decode_record(doc.get_data());
  } catch (const std::runtime_error&) {
    return false;  // not a fahras passage: nothing to check the phrase against
  }
  // The title is analysed on its own: the indexer puts it far after the text
  // (kTitleGap), so no phrase spans the two.
  for (const QueryPhrase& p : phrases_) {
    if (holds_phrase(analyzer_.analyze(record.text), p)) continue;
    if (record.passage == 1 && !record.title.empty() && holds_phrase(analyzer_.analyze(record.title), p)) continue;
    return false;
  }
  return true;
}

}  // namespace fahras::search
