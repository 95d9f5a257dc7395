// Query parsing and building: free text -> terms + figures -> Xapian::Query.
//
//   "9000 detainees"            figure 9000, units {معتقل, محتجز, سجين, …}
//   "9 آلاف معتقل"               figure 9000, unit {معتقل}, related {محتجز, …}
//   "more than 5000 refugees"   figure ≥ 5000, units {لاجئ, نازح}
//   "between 100 and 200 killed", ">5000", "5000..10000", "68%"
//
// English number words and operators are first rewritten into Arabic
// (rewrite_english), so one parser — analysis::NumberParser, the one the
// indexer uses — reads every form. Units are the content words after a figure,
// translated when English.
//
// Ranking (build_query): each query figure adds three constant-weight tiers on
// top of BM25 over the text terms, so that
//   value + unit  >  value + related unit  >  value alone  >  text only.
// An exact value uses the XF<v>:<unit> terms. A bound, an approximation or a
// range uses, for value + unit, the XV<unit>:<value> terms of the index whose
// value is in range (read from the index's term list, so value and unit come
// from the same figure), and, for value alone, the figure value slots 10..17.
//
// Thread safety: parse_query uses the caller's Analyzer and Translator (not
// thread-safe); rewrite_english is pure; build_query only reads the database.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/entities.h"
#include "analysis/number_parser.h"
#include "search/translator.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

namespace fahras::search {

struct QueryFigure {
  analysis::ParsedNumber number;     // value/low/high/qualifier/flags (token indices are meaningless)
  bool exact = true;                 // match the stated value only (no qualifier, range, approximation)
  std::vector<std::string> units;    // stems of what it counts ("%" for percentages)
  std::vector<std::string> related;  // stems of related units
  std::string text;                  // what the figure means, for people: "≥ 40000 people", "9000 معتقل"
};

// A quoted phrase: its terms in order with their positions relative to the
// first (stopwords are not terms but keep their places, as in the index).
struct QueryPhrase {
  std::string text;  // as quoted
  std::vector<std::pair<std::string, std::uint32_t>> terms;
};

struct ParsedQuery {
  std::string rewritten;            // the query after rewrite_english
  std::vector<std::string> terms;   // text terms (stems, canonical numbers), sorted, unique
  std::vector<QueryFigure> figures;
  std::vector<QueryPhrase> phrases;  // "quoted phrases": every one must match, words in order
};

// Splits the quoted phrases ("…", «…», “…”) off `query`: returns the query with
// the quotation marks removed (the phrases' words stay, for ranking) and
// appends each phrase's text to `phrases`. An unpaired mark is dropped.
std::string extract_phrases(std::string_view query, std::vector<std::string>& phrases);

// The phrase's terms and positions, analysed like the index's text.
QueryPhrase analyse_phrase(std::string_view phrase, analysis::Analyzer& analyzer);

// OP_PHRASE over the phrase's terms, its window the span of their positions
// (one term: that term); Query() for a phrase without terms.
Xapian::Query phrase_query(const QueryPhrase& phrase);
// OP_AND of the phrase's terms, for an index without positions (phrase_check.h).
Xapian::Query all_words_query(const QueryPhrase& phrase);

// Filters: AND across kinds, OR within one kind (two years: either year).
struct Filters {
  std::vector<std::string> years;    // "2015"
  std::vector<std::string> months;   // "2015-07"
  std::vector<std::string> sources;  // as the user types them (normalized for matching)
  std::string from, to;              // article dates, inclusive: "2015-07-01", or "2015-07" / "2015"
  std::vector<std::string> orgs, places, people;  // entity names as typed (any alias)
  std::vector<std::string> mentions;  // "2014" or "2014-09": a year or month written in the text;
                                      // a Hijri "1436" or "1436-09": the Gregorian months it spans
  bool empty() const {
    return years.empty() && months.empty() && sources.empty() && from.empty() && to.empty() && orgs.empty() &&
           places.empty() && people.empty() && mentions.empty();
  }
};

// Moves the inline filters of a query ("year:2015", "month:2015-07",
// "source:الرياض", "from:2015-07-01", "to:2015-07-31", "org:داعش",
// "place:الرقة", "person:كوريلا", "mentions:2014"; '_' stands for a space in a
// value: "place:مخيم_الهول") into `filters` and returns the rest of the query text.
std::string extract_filters(std::string_view query, Filters& filters);

// The Xapian filter for `filters` (Query::MatchAll when empty); `normalize`
// spells a source the way the index stores its XS term; entity names resolve
// to their ids with `entities` (an alias gives its entity: org:تنظيم_الدولة is
// org:داعش; a person's surname alone matches everyone of that surname).
Xapian::Query filter_query(const Filters& filters, const analysis::Normalizer& normalize,
                           const analysis::EntityExtractor& entities);

struct TierWeights {
  double value_unit = 300;     // figure value and unit match
  double value_related = 200;  // value and a related unit
  double value_only = 100;     // value with another or no unit
};

// Rewrites English number phrases into the Arabic the number parser reads:
// "more than 5000" -> "اكثر من 5000", "between 100 and 200" -> "بين 100 و 200",
// ">5000" -> "اكثر من 5000", "5000..10000" -> "بين 5000 و 10000", "9 thousand"
// -> "9 الف", "68 percent" -> "68 %". Other words are kept, lower-cased.
std::string rewrite_english(std::string_view query);

ParsedQuery parse_query(std::string_view query, analysis::Analyzer& analyzer, Translator& translator,
                        const analysis::NumberParser& numbers);

// Throws std::invalid_argument when the query has neither terms nor figures.
// `db` is read for the XV terms of range figures.
Xapian::Query build_query(const ParsedQuery& query, const Xapian::Database& db, const TierWeights& weights = {});

// The XV<unit>:<value> terms of `db` whose value is in [low, high] (high may be
// +inf), at most `limit` of them, in value order.
std::vector<std::string> unit_value_terms_in_range(const Xapian::Database& db, std::string_view unit, double low,
                                                   double high, std::size_t limit = 5000);

// How a passage figure matches a query figure: 3 value+unit, 2 value+related
// unit, 1 value only, 0 not at all. `units` are the passage figure's unit terms.
int figure_match(const QueryFigure& q, const analysis::ParsedNumber& passage_number,
                 const std::vector<std::string_view>& units);

}  // namespace fahras::search
