#include "search/searcher.h"

#include "search/phrase_check.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <span>
#include <memory>
#include <optional>

namespace fahras::search {

Searcher::Searcher(const std::string& path, const SearcherOptions& options)
    : Searcher(std::vector<std::string>{path}, {}, options) {}

Searcher::Searcher(const std::vector<std::string>& indexes, const std::vector<std::string>& remotes,
                   const SearcherOptions& options)
    : options_(options), translator_(options.freedict_dir) {
  for (const std::string& p : indexes) sources_.push_back({p, false, false});
  for (const std::string& r : remotes) sources_.push_back({r, true, false});
  if (sources_.empty()) throw SearchError("no index given");
  open_all();
}

Xapian::Database Searcher::open_source(const Source& s) const {
  Xapian::Database db;
  if (s.remote) {
    const auto colon = s.spec.rfind(':');
    unsigned port = 0;
    try {
      if (colon == std::string::npos) throw std::invalid_argument("no port");
      port = static_cast<unsigned>(std::stoul(s.spec.substr(colon + 1)));
    } catch (const std::exception&) {
      throw SearchError("remote shard " + s.spec + ": expected HOST:PORT");
    }
    const unsigned connect_ms = std::min(options_.remote_timeout_ms, 5000u);
    try {
      db = Xapian::Remote::open(s.spec.substr(0, colon), port, options_.remote_timeout_ms, connect_ms);
    } catch (const Xapian::Error& e) {
      throw SearchError("remote shard " + s.spec + ": " + e.get_description());
    }
  } else {
    std::error_code ec;
    if (!std::filesystem::exists(s.spec, ec)) throw SearchError(s.spec + ": no index there");
    try {
      db = Xapian::Database(s.spec);
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw SearchError(s.spec + ": not a Xapian index (" + e.get_msg() + ")");
    }
  }
  if (db.get_metadata(std::string(schema::kMetaSchema)).empty())
    throw SearchError((s.remote ? "remote shard " : "") + s.spec + ": not a fahras index (no " +
                      std::string(schema::kMetaSchema) + " metadata)");
  return db;
}

void Searcher::open_all() {
  db_ = Xapian::Database();
  phrases_in_text_ = false;
  std::size_t open = 0;
  for (Source& s : sources_) {
    if (s.down) continue;
    try {
      const Xapian::Database one = open_source(s);
      if (one.get_metadata(std::string(schema::kMetaPositions)) == "none") phrases_in_text_ = true;
      db_.add_database(one);
      ++open;
    } catch (const SearchError& e) {
      if (!(s.remote && options_.allow_partial)) throw;
      s.down = true;
      warnings_.push_back(std::string(e.what()) + " (left out: --allow-partial)");
    }
  }
  if (open == 0) throw SearchError("no shard could be opened");
}

SearchResult Searcher::search(std::string_view query, const SearchOptions& options) {
  for (;;) {
    try {
      return run(query, options);
    } catch (const Xapian::NetworkError& e) {
      // Which remote failed? Ask each one on a fresh connection.
      std::vector<std::string> failed;
      for (Source& s : sources_) {
        if (!s.remote || s.down) continue;
        try {
          open_source(s).get_doccount();
        } catch (const SearchError&) {
          failed.push_back(s.spec);
          s.down = true;
        } catch (const Xapian::Error&) {
          failed.push_back(s.spec);
          s.down = true;
        }
      }
      std::string names;
      for (const std::string& f : failed) names += (names.empty() ? "" : ", ") + f;
      if (failed.empty() || !options_.allow_partial)
        throw SearchError("remote shard " + (names.empty() ? std::string("(unknown)") : names) +
                          " failed during the search: " + e.get_description());
      for (const std::string& f : failed)
        warnings_.push_back("remote shard " + f + " failed during the search (left out: --allow-partial)");
      open_all();
    }
  }
}

namespace {

// A facet counts the values of `slots` slots from `slot` on. Entity facets
// use several slots (a passage names several places) holding "<id>\t<name>":
// their counts are summed per id and shown under the name seen most. The
// years and months written in the text also take several slots (a value
// without a tab is its own id and name).
struct FacetSlot {
  const char* name;
  Xapian::valueno slot;
  Xapian::valueno slots;
};
constexpr FacetSlot kFacets[] = {{"year", schema::kSlotYear, 1},
                                 {"month", schema::kSlotMonth, 1},
                                 {"source", schema::kSlotSource, 1},
                                 {"org", schema::kSlotOrgFirst, schema::kEntitySlots},
                                 {"place", schema::kSlotPlaceFirst, schema::kEntitySlots},
                                 {"person", schema::kSlotPersonFirst, schema::kEntitySlots},
                                 {"mentions", schema::kSlotMentionYearFirst, schema::kMentionSlots},
                                 {"mentions-month", schema::kSlotMentionMonthFirst, schema::kMentionSlots}};

// The values of a facet of several slots: counts summed per id over its slots' spies.
std::vector<FacetValue> multi_slot_facet(std::span<const std::unique_ptr<Xapian::ValueCountMatchSpy>> spies,
                                     std::size_t limit) {
  struct Count {
    Xapian::doccount total = 0;
    std::vector<std::pair<std::string, Xapian::doccount>> names;
  };
  std::map<std::string, Count, std::less<>> by_id;
  for (const auto& spy : spies)
    for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
      const std::string value = *v;
      const auto [id, name] = schema::split_entity_value(value);
      Count& c = by_id[std::string(id)];
      c.total += v.get_termfreq();
      auto it = std::find_if(c.names.begin(), c.names.end(), [&](const auto& p) { return p.first == name; });
      if (it == c.names.end()) c.names.emplace_back(std::string(name), v.get_termfreq());
      else it->second += v.get_termfreq();
    }
  std::vector<FacetValue> values;
  for (auto& [id, c] : by_id) {
    // Among the names seen in at least half as many passages as the most seen
    // one, the fullest (most words: مايكل إريك كوريلا over مايكل كوريلا), then
    // the most seen, then the first in byte order. A rare odd form ("محمد يا
    // ابن سلمان") never wins over a common one.
    Xapian::doccount top = 0;
    for (const auto& n : c.names) top = std::max(top, n.second);
    auto words = [](const std::string& n) { return std::count(n.begin(), n.end(), ' '); };
    auto better = [&](const auto& a, const auto& b) {  // a before b
      const bool ea = 2 * a.second >= top, eb = 2 * b.second >= top;
      if (ea != eb) return ea;
      if (words(a.first) != words(b.first)) return words(a.first) > words(b.first);
      if (a.second != b.second) return a.second > b.second;
      return a.first < b.first;
    };
    const auto best = std::min_element(c.names.begin(), c.names.end(), better);
    values.push_back({best->first, c.total});
  }
  std::stable_sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (values.size() > limit) values.resize(limit);
  return values;
}

}  // namespace

std::optional<SortOrder> parse_sort_order(std::string_view name) {
  if (name == "relevance") return SortOrder::Relevance;
  if (name == "newest") return SortOrder::Newest;
  if (name == "oldest") return SortOrder::Oldest;
  if (name == "auto") return SortOrder::Auto;
  return std::nullopt;
}

std::vector<std::string> facet_names() {
  std::vector<std::string> names;
  for (const FacetSlot& f : kFacets) names.emplace_back(f.name);
  return names;
}

SearchResult Searcher::run(std::string_view query, const SearchOptions& options) {
  SearchResult result;
  Filters filters = options.filters;
  std::vector<std::string> phrases;
  const std::string text = extract_phrases(extract_filters(query, filters), phrases);
  result.query = parse_query(text, analyzer_, translator_, figures_.numbers());
  for (const std::string& p : phrases) result.query.phrases.push_back(analyse_phrase(p, analyzer_));
  const bool has_query = !result.query.terms.empty() || !result.query.figures.empty();
  if (!has_query && filters.empty() && options.facets.empty())
    throw SearchError("empty query: no searchable words in \"" + std::string(query) + "\"");

  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
  std::vector<const FacetSlot*> asked;
  for (const std::string& name : options.facets) {
    const FacetSlot* found = nullptr;
    for (const FacetSlot& f : kFacets)
      if (name == f.name) found = &f;
    if (found == nullptr) {
      std::string known;
      for (const FacetSlot& f : kFacets) known += (known.empty() ? "" : ", ") + std::string(f.name);
      throw SearchError("unknown facet \"" + name + "\" (known: " + known + ")");
    }
    asked.push_back(found);
    for (Xapian::valueno k = 0; k < found->slots; ++k)
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(found->slot + k));
  }

  Xapian::Enquire enquire(db_);
  Xapian::Query q = has_query ? build_query(result.query, db_) : Xapian::Query(Xapian::Query::MatchAll);
  if (!filters.empty()) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter_query(filters, analyzer_.normalizer(), entities_));
  // Every quoted phrase must match, its words in order: by the index's
  // positions, or (an index built with --no-positions) by all its words in the
  // passage, then its stored text (PhraseCheck).
  std::optional<PhraseCheck> phrase_check;
  for (const QueryPhrase& p : result.query.phrases) {
    if (p.terms.empty()) continue;
    q = Xapian::Query(Xapian::Query::OP_FILTER, q, phrases_in_text_ ? all_words_query(p) : phrase_query(p));
    if (phrases_in_text_ && !phrase_check) phrase_check.emplace(result.query.phrases);
  }
  enquire.set_query(q);
  for (auto& spy : spies) enquire.add_matchspy(spy.get());
  enquire.set_weighting_scheme(Xapian::BM25Weight());
  // By date: the slot holds YYYY-MM-DD; passages of undated articles go last
  // either way (oldest first: a key above every date; newest first: Xapian's
  // reversed key of an empty value sorts after every date).
  const SortOrder order = options.sort != SortOrder::Auto ? options.sort
                          : has_query                      ? SortOrder::Relevance
                                                           : SortOrder::Newest;
  Xapian::MultiValueKeyMaker by_date;
  if (order != SortOrder::Relevance) {
    // A query sorted by date keeps its relevant passages only: those of the
    // best figure tier present (9000 detainees, not 9000 riyals), or without
    // figures those weighing at least half the best one. So the best weight is
    // looked up first (one result, relevance order).
    if (has_query) {
      const Xapian::MSet best = enquire.get_mset(0, 1);
      if (!best.empty()) {
        const double top = best.begin().get_weight();
        const double step = TierWeights{}.value_only;  // the tiers are multiples of it (query.h)
        const double floor = !result.query.figures.empty() && top >= step ? step * std::floor(top / step) : top / 2;
        enquire.set_cutoff(0, floor);
      }
    }
    const bool newest = order == SortOrder::Newest;
    by_date.add_value(schema::kSlotDate, newest, newest ? std::string() : std::string("\xff"));
    enquire.set_sort_by_key_then_relevance(&by_date, false);
  }
  if (options.per_article != 0)
    enquire.set_collapse_key(schema::kSlotArticle, static_cast<Xapian::doccount>(options.per_article));
  // Facets count every matching passage, so the match must look at all of them.
  const Xapian::doccount check_at_least = spies.empty() ? 0 : db_.get_doccount();
  const auto match = [&] {
    return enquire.get_mset(static_cast<Xapian::doccount>(options.offset), static_cast<Xapian::doccount>(options.limit),
                            check_at_least, nullptr, phrase_check ? &*phrase_check : nullptr);
  };
  Xapian::MSet mset;
  try {
    mset = match();
  } catch (const Xapian::UnimplementedError&) {
    // Xapian 1.4's remote backend takes no KeyMaker: sort by the value slot
    // itself, where undated passages come first when oldest first.
    if (order == SortOrder::Relevance) throw;
    enquire.set_sort_by_value_then_relevance(schema::kSlotDate, order == SortOrder::Newest);
    mset = match();
  }
  std::size_t first_spy = 0;
  for (std::size_t i = 0; i < asked.size(); ++i) {
    Facet facet{options.facets[i], {}};
    const FacetSlot& f = *asked[i];
    if (f.slots == 1) {
      const auto& spy = spies[first_spy];
      for (auto v = spy->top_values_begin(static_cast<Xapian::doccount>(options.facet_limit));
           v != spy->top_values_end(static_cast<Xapian::doccount>(options.facet_limit)); ++v)
        facet.values.push_back({*v, v.get_termfreq()});
    } else {
      facet.values = multi_slot_facet(std::span(spies).subspan(first_spy, f.slots), options.facet_limit);
    }
    first_spy += f.slots;
    result.facets.push_back(std::move(facet));
  }
  result.matches_estimated = mset.get_matches_estimated();
  std::size_t rank = options.offset;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = ++rank;
    hit.score = it.get_weight();
    hit.record = schema::read_record(it.get_document());
    schema::complete_record(db_, hit.record);
    explain(result.query, hit, options.explain);
    result.hits.push_back(std::move(hit));
  }
  return result;
}

void Searcher::explain(const ParsedQuery& query, Hit& hit, bool with_reasons) {
  const std::vector<std::string>& terms = query.terms;  // sorted
  const auto tokens = analyzer_.analyze(hit.record.text);
  std::vector<std::string> matched_terms;
  for (const analysis::Token& t : tokens) {
    if (t.stem.empty() || !std::binary_search(terms.begin(), terms.end(), t.stem)) continue;
    hit.highlights.push_back({t.begin, t.end});
    if (with_reasons && std::find(matched_terms.begin(), matched_terms.end(), t.stem) == matched_terms.end())
      matched_terms.emplace_back(t.stem);
  }
  figures_.extract(tokens, found_);
  static constexpr const char* kTier[] = {"", "value only", "value and a related unit", "value and unit"};
  for (const QueryFigure& q : query.figures) {
    int best = 0;
    const analysis::Figure* best_figure = nullptr;
    for (const analysis::Figure& f : found_) {
      std::vector<std::string_view> units;
      for (std::size_t u = 0; u < f.units(); ++u) units.push_back(f.unit(tokens, u));
      const int m = figure_match(q, f.number, units);
      if (m > 0) hit.highlights.push_back({f.begin, f.end});
      if (m > best) best = m, best_figure = &f;
    }
    if (with_reasons && best_figure != nullptr)
      hit.why.push_back("figure \"" + q.text + "\" matched \"" +
                        hit.record.text.substr(best_figure->begin, best_figure->end - best_figure->begin) + "\" (" +
                        kTier[best] + ")");
  }
  if (with_reasons && !matched_terms.empty()) {
    std::string line = "words:";
    for (const std::string& t : matched_terms) line += " " + t;
    hit.why.push_back(line);
  }
  // Sort and merge overlapping or touching ranges.
  std::sort(hit.highlights.begin(), hit.highlights.end(),
            [](const Highlight& a, const Highlight& b) { return a.begin < b.begin; });
  std::vector<Highlight> merged;
  for (const Highlight& h : hit.highlights) {
    if (!merged.empty() && h.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, h.end);
    else merged.push_back(h);
  }
  hit.highlights = std::move(merged);
}

}  // namespace fahras::search
