#include "search/searcher.h"

#include <algorithm>
#include <filesystem>

namespace fahras::search {

Searcher::Searcher(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) throw SearchError(path + ": no index there (not a folder)");
  try {
    db_ = Xapian::Database(path);
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw SearchError(path + ": not a Xapian index (" + e.get_msg() + ")");
  }
  if (db_.get_metadata(std::string(schema::kMetaSchema)).empty())
    throw SearchError(path + ": not a fahras index (no " + std::string(schema::kMetaSchema) + " metadata)");
}

SearchResult Searcher::search(std::string_view query, const SearchOptions& options) {
  SearchResult result;
  for (const analysis::Token& t : analyzer_.analyze(query)) {
    if (t.kind == analysis::TokenKind::Symbol || t.stopword || t.stem.empty()) continue;
    result.terms.emplace_back(t.stem);
  }
  std::sort(result.terms.begin(), result.terms.end());
  result.terms.erase(std::unique(result.terms.begin(), result.terms.end()), result.terms.end());
  if (result.terms.empty()) throw SearchError("empty query: no searchable words in \"" + std::string(query) + "\"");

  Xapian::Enquire enquire(db_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, result.terms.begin(), result.terms.end()));
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  if (options.per_article != 0)
    enquire.set_collapse_key(schema::kSlotArticle, static_cast<Xapian::doccount>(options.per_article));
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                             static_cast<Xapian::doccount>(options.limit));
  result.matches_estimated = mset.get_matches_estimated();
  std::size_t rank = options.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.record = schema::decode_record(it.get_document().get_data());
    hit.highlights = find_highlights(analyzer_, hit.record.text, result.terms);
    result.hits.push_back(std::move(hit));
  }
  return result;
}

std::vector<Highlight> find_highlights(analysis::Analyzer& analyzer, std::string_view text,
                                       const std::vector<std::string>& terms) {
  std::vector<Highlight> out;
  for (const analysis::Token& t : analyzer.analyze(text)) {
    if (t.stem.empty() || !std::binary_search(terms.begin(), terms.end(), t.stem)) continue;
    if (!out.empty() && out.back().end == t.begin) out.back().end = t.end;
    else out.push_back({t.begin, t.end});
  }
  return out;
}

}  // namespace fahras::search
