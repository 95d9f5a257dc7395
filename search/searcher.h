// Searcher: ranks the passages of a fahras index for a free-text query.
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
#include <string>
#include <string_view>
#include <vector>

namespace fahras::search {

class SearchError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SearchOptions {
  std::size_t limit = 10;       // results to return
  std::size_t offset = 0;       // results to skip (paging)
  std::size_t per_article = 1;  // passages per article (0: no collapsing)
  bool explain = false;         // fill Hit::why
};

struct SearcherOptions {
  std::string freedict_dir = "/usr/share/dictd";  // English->Arabic dictionary (empty: lexicon only)
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
};

class Searcher {
 public:
  explicit Searcher(const std::string& index_path, const SearcherOptions& options = {});

  SearchResult search(std::string_view query, const SearchOptions& options = {});

  Xapian::doccount passages() const { return db_.get_doccount(); }

 private:
  void explain(const ParsedQuery& query, Hit& hit, bool with_reasons);

  Xapian::Database db_;
  analysis::Analyzer analyzer_;
  analysis::FigureExtractor figures_;
  Translator translator_;
  std::vector<analysis::Figure> found_;
};

}  // namespace fahras::search
