#include "search/phrase_check.h"

#include "schema/schema.h"

#include <stdexcept>
#include <string>

namespace fahras::search {

bool holds_phrase(std::span<const analysis::Token> tokens, const QueryPhrase& phrase) {
  const auto& terms = phrase.terms;
  if (terms.empty()) return true;
  const std::uint32_t window = terms.back().second + 1;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!analysis::is_indexed(tokens[i]) || tokens[i].stem != terms[0].first) continue;
    // The earliest in-order match from here leaves the most room for the rest.
    const std::uint32_t start = tokens[i].position;
    std::uint32_t last = start;
    std::size_t k = 1;
    for (std::size_t j = i + 1; k < terms.size() && j < tokens.size() && tokens[j].position < start + window; ++j)
      if (analysis::is_indexed(tokens[j]) && tokens[j].position > last && tokens[j].stem == terms[k].first) {
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
    record = schema::read_record(doc);
  } catch (const std::runtime_error&) {
    return false;  // not a fahras passage: nothing to check the phrase against
  }
  // The text is analysed once for all phrases; a phrase it lacks may still be
  // in passage 1's title, analysed on its own (the indexer puts it far after
  // the text, kTitleGap, so no phrase spans the two).
  missing_.clear();
  const auto text = analyzer_.analyze(record.text);
  for (const QueryPhrase& p : phrases_)
    if (!holds_phrase(text, p)) missing_.push_back(&p);
  if (missing_.empty()) return true;
  if (record.passage != 1 || record.title.empty()) return false;
  const auto title = analyzer_.analyze(record.title);
  for (const QueryPhrase* p : missing_)
    if (!holds_phrase(title, *p)) return false;
  return true;
}

}  // namespace fahras::search
