// Searcher: ranks the passages of a fahras index for a free-text query.
//
// The query goes through the same analysis::Analyzer as the indexed text, so
// "المعتقلين" finds "معتقل" and "٩٠٠٠" finds "9,000". Its terms are OR-ed and
// ranked with BM25; results are collapsed per article (best passage first, at
// most `per_article` passages of one article). Each hit carries the stored
// passage and the byte ranges of its words that matched the query.
//
// Thread safety: NOT thread-safe (a Xapian::Database and an Analyzer); use one
// Searcher per thread. Errors: SearchError for a missing or non-fahras index and
// for a query with no searchable words; Xapian::Error for I/O problems.
#pragma once

#include "analysis/analyzer.h"
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
};

struct Highlight {
  std::uint32_t begin, end;  // byte range in Hit::record.text
};

struct Hit {
  std::size_t rank = 0;  // 1-based, offset included
  double score = 0;      // BM25 weight
  schema::PassageRecord record;
  std::vector<Highlight> highlights;
};

struct SearchResult {
  std::vector<Hit> hits;
  Xapian::doccount matches_estimated = 0;  // matching passages (before collapsing)
  std::vector<std::string> terms;          // the index terms the query was made of
};

class Searcher {
 public:
  explicit Searcher(const std::string& index_path);

  SearchResult search(std::string_view query, const SearchOptions& options = {});

  Xapian::doccount passages() const { return db_.get_doccount(); }

 private:
  Xapian::Database db_;
  analysis::Analyzer analyzer_;
};

// Byte ranges of the words of `text` whose index term is one of `terms`
// (sorted), adjacent ranges merged. Uses the analyser, so clitic and spelling
// variants of a query word are highlighted too.
std::vector<Highlight> find_highlights(analysis::Analyzer& analyzer, std::string_view text,
                                       const std::vector<std::string>& terms);

}  // namespace fahras::search
