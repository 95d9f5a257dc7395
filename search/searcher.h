// Searcher: ranks the passages of a fahras index for a free-text query,
// optionally filtered (year, month, source, date range) and with facet counts
// (Xapian ValueCountMatchSpy over every matching passage). A query with no words
// but filters or facets lists and counts everything that matches the filters.
//
// The query goes through the same analysis::Analyzer as the indexed text, so
// "المعتقلين" finds "معتقل" and "٩٠٠٠" finds "9,000"; its figures go through the
// indexer's NumberParser, and English words through the Translator (query.h).
// Passages whose figure matches value and unit rank first, then value and a
// related unit, then value alone, then text (BM25) matches. Results are
// collapsed per article (best passage first, at most `per_article` passages of
// one article). Each hit carries the stored passage, the byte ranges that
// matched (words and figures) and, on request, why it matched.
//
// Thread safety: NOT thread-safe (a Xapian::Database and an Analyzer); use one
// Searcher per thread. Errors: SearchError for a missing or non-fahras index and
// for a query with no searchable words; Xapian::Error for I/O problems.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/figures.h"
#include "search/query.h"
#include "search/translator.h"
#include "schema/schema.h"

#include <xapian.h>

#include <cstdint>
#include <stdexcept>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::search {

class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The order of the results. Relevance: the figure tiers, then BM25. Newest and
// Oldest: by the article's date (passages of undated articles last), ties by
// relevance. Auto: relevance for a query with words or figures, newest first
// for filters alone (listing what they match).
enum class SortOrder { Auto, Relevance, Newest, Oldest };

// "relevance", "newest" or "oldest" (also "auto"); nullopt for anything else.
std::optional<SortOrder> parse_sort_order(std::string_view name);

struct SearchOptions {
  SortOrder sort = SortOrder::Auto;
  std::size_t limit = 10;       // results to return
  std::size_t offset = 0;       // results to skip (paging)
  std::size_t per_article = 1;  // passages per article (0: no collapsing)
  bool explain = false;         // fill Hit::why
  Filters filters;              // added to the query's inline filters (year:, source:, …)
  std::vector<std::string> facets;  // count values of these: "year", "month", "source", "org", "place", "person",
                                    // "mentions" (years written in the text), "mentions-month"
  std::size_t facet_limit = 10;     // values shown per facet, most frequent first
};

struct FacetValue {
  std::string value;
  Xapian::doccount count = 0;  // matching passages with this value
};

struct Facet {
  std::string name;
  std::vector<FacetValue> values;
};

// The facets a search can count, with their value slots.
std::vector<std::string> facet_names();

struct SearcherOptions {
  std::string freedict_dir = "/usr/share/dictd";  // English->Arabic dictionary (empty: lexicon only)
  unsigned remote_timeout_ms = 10000;  // per remote operation; a dead or hung shard fails, never hangs
  bool allow_partial = false;          // search the shards that answer when others fail (with a warning)
};

struct Highlight {
  std::uint32_t begin, end;  // byte range in Hit::record.text
};

struct Hit {
  std::size_t rank = 0;  // 1-based, offset included
  double score = 0;      // BM25 weight
  schema::PassageRecord record;
  std::vector<Highlight> highlights;
  std::vector<std::string> why;  // with SearchOptions::explain: one line per reason
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount matches_estimated = 0;  // matching passages (before collapsing)
  ParsedQuery query;                       // terms and figures the query was made of
  std::vector<Facet> facets;               // in the order asked for
};

// Several sources are searched as one index (Xapian merges their statistics,
// so scores, collapsing and figure ranges are those of one merged index):
// local indexes or stub database files (`indexes`), and shards served by
// xapian-tcpsrv (`remotes`, "host:port"). A source that is missing, not a
// fahras index or unreachable is an error naming it; with allow_partial an
// unreachable remote is left out with a warning instead, also when it fails
// in the middle of a search (the search is then run again without it).
class Searcher {
 public:
  explicit Searcher(const std::string& index_path, const SearcherOptions& options = {});
  Searcher(const std::vector<std::string>& indexes, const std::vector<std::string>& remotes,
           const SearcherOptions& options = {});

  SearchResult search(std::string_view query, const SearchOptions& options = {});

  Xapian::doccount passages() const { return db_.get_doccount(); }

  // Shards left out so far (allow_partial), one line each; empty when all answered.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct Source {
    std::string spec;  // path, or host:port
    bool remote = false;
    bool down = false;
  };
  Xapian::Database open_source(const Source& source) const;
  void open_all();
  SearchResult run(std::string_view query, const SearchOptions& options);
  void explain(const ParsedQuery& query, Hit& hit, bool with_reasons);

  SearcherOptions options_;
  std::vector<Source> sources_;
  std::vector<std::string> warnings_;

  Xapian::Database db_;
  bool phrases_in_text_ = false;  // a shard has no positions: phrases are checked in the stored text
  analysis::Analyzer analyzer_;
  analysis::FigureExtractor figures_;
  analysis::EntityExtractor entities_;
  Translator translator_;
  std::vector<analysis::Figure> found_;
};

}  // namespace fahras::search
