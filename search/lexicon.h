// The news lexicon: English words as news queries use them, with the Arabic that
// news text writes for them. Consulted before the FreeDict dictionary, whose
// answers are often literary ("detainee" → المحجوز) or missing.
//
// Each entry lists Arabic lemmas separated by spaces; the forms of one lemma
// (singular/broken plural) are joined by '/'. The first lemmas are the closest
// translation; the lemmas of one entry are "related units" of each other (a
// figure of محتجزين is related to a query for معتقل).
//
// Thread safety: constant data.
#pragma once

#include <span>
#include <string_view>

namespace fahras::search {

struct LexiconEntry {
  std::string_view english;  // singular, lower case
  std::string_view arabic;   // "lemma lemma/plural …"
};

std::span<const LexiconEntry> news_lexicon();

}  // namespace fahras::search
