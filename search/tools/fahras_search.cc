// fahras-search: ranks the passages of a fahras index for a query.
// A thin CLI over fahras::search.
#include "search/output.h"
#include "search/searcher.h"

#include <boost/program_options.hpp>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace po = boost::program_options;
using namespace fahras;

namespace {

constexpr int kExitFound = 0, kExitNoMatch = 1, kExitError = 2;

const char* kUsage = R"(Usage: fahras-search --index DIR [options] [QUERY...]

Ranks the passages of the fahras index in DIR for QUERY, one result per article
by default, best first. QUERY is Arabic or English words and figures; spelling,
diacritics, clitics and digit forms do not matter:
  9000 detainees     9 آلاف معتقل     ٩٠٠٠ معتقل     تسعة آلاف محتجز
  more than 5000 refugees     between 100 and 200 killed     >5000     5000..10000
Passages whose figure matches value and unit come first, then value and a
related unit, then value alone, then word matches. A "quoted phrase" (or «…»)
must match with its words in order. Filters (--year, --month,
--source, --from, --to, --org, --place, --person, --mentions, or inline year:2015
org:داعش place:الرقة …) narrow the results; --facets org,place,person,year,month,source
(and mentions, mentions-month: the years and months the text names) counts
values over every matching passage. With
filters or facets and no words, everything that matches is listed and counted.

Options)";

const char* kExitCodes = R"(
Exit status: 0 when something matched, 1 when nothing did, 2 on error (usage,
missing or non-fahras index, a query with no searchable words).
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> indexes, remotes;
  std::string color = "auto";
  std::vector<std::string> words;
  search::SearchOptions options;
  search::SearcherOptions searcher_options;
  std::string facets;
  std::string sort = "auto";
  bool json = false;

  po::options_description visible(kUsage);
  visible.add_options()
      ("help,h", "show this help and exit")
      ("index,i", po::value(&indexes)->value_name("DIR")->composing(),
       "a fahras index (folder or Xapian stub file) to search; repeat to search several shards as one")
      ("remote", po::value(&remotes)->value_name("HOST:PORT")->composing(),
       "a shard served by xapian-tcpsrv (scripts/serve-shard); repeatable")
      ("allow-partial", po::bool_switch(&searcher_options.allow_partial),
       "when a remote shard cannot be reached, search the others and warn instead of failing")
      ("remote-timeout", po::value(&searcher_options.remote_timeout_ms)->value_name("MS")->default_value(10000),
       "give up on a remote shard that does not answer within MS milliseconds")
      ("sort", po::value(&sort)->value_name("ORDER")->default_value("auto"),
       "relevance, newest or oldest (by the article's date, undated last; ties by relevance); auto: "
       "relevance for words, newest first for filters alone")
      ("limit,n", po::value(&options.limit)->value_name("K")->default_value(10), "results to show")
      ("offset", po::value(&options.offset)->value_name("N")->default_value(0), "results to skip (paging)")
      ("per-article", po::value(&options.per_article)->value_name("N")->default_value(1),
       "passages shown per article (0: every matching passage)")
      ("json", po::bool_switch(&json), "one JSON object per result line")
      ("explain", po::bool_switch(&options.explain), "say why each passage matched (figure tier, words)")
      ("year", po::value(&options.filters.years)->value_name("YYYY")->composing(),
       "only articles of this year (repeatable: any of them); inline: year:2015")
      ("month", po::value(&options.filters.months)->value_name("YYYY-MM")->composing(),
       "only articles of this month (repeatable); inline: month:2015-07")
      ("source", po::value(&options.filters.sources)->value_name("NAME")->composing(),
       "only articles of this source (repeatable); inline: source:NAME")
      ("from", po::value(&options.filters.from)->value_name("DATE"),
       "only articles dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY); inline: from:DATE")
      ("to", po::value(&options.filters.to)->value_name("DATE"),
       "only articles dated on or before DATE (a month or year includes all its days); inline: to:DATE")
      ("org", po::value(&options.filters.orgs)->value_name("NAME")->composing(),
       "only passages naming this organization, by any alias (repeatable); inline: org:NAME")
      ("place", po::value(&options.filters.places)->value_name("NAME")->composing(),
       "only passages naming this place (repeatable); inline: place:NAME ('_' for a space)")
      ("person", po::value(&options.filters.people)->value_name("NAME")->composing(),
       "only passages naming this person, by full name or surname (repeatable); inline: person:NAME")
      ("mentions", po::value(&options.filters.mentions)->value_name("YYYY[-MM][..YYYY[-MM]]")->composing(),
       "only passages whose text names this year or month, or one in this range (repeatable; a Hijri "
       "year 1318-1500 stands for its Gregorian months); inline: mentions:2014, mentions:2011..2014")
      ("facets", po::value(&facets)->value_name("LIST"),
       "count the values of these facets over all matching passages: year,month,source,org,place,person,"
       "mentions,mentions-month")
      ("facet-limit", po::value(&options.facet_limit)->value_name("N")->default_value(10),
       "values shown per facet, most frequent first")
      ("dictionary", po::value(&searcher_options.freedict_dir)->value_name("DIR")
                         ->default_value(searcher_options.freedict_dir),
       "folder of the FreeDict English-Arabic dictionary (freedict-eng-ara.index, .dict.dz)")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"),
       "highlight matches with ANSI colours: auto (when stdout is a terminal), always, never");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&words)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << kExitCodes;
      return kExitFound;
    }
    if (indexes.empty() && remotes.empty()) throw po::error("--index DIR (or --remote HOST:PORT) is required");
    for (std::size_t b = 0; b < facets.size();) {
      std::size_t e = facets.find(',', b);
      if (e == std::string::npos) e = facets.size();
      if (e > b) options.facets.push_back(facets.substr(b, e - b));
      b = e + 1;
    }
    if (words.empty() && options.filters.empty() && options.facets.empty())
      throw po::error("no QUERY given (or a filter or --facets, to list and count what matches)");
    if (const auto order = search::parse_sort_order(sort)) options.sort = *order;
    else throw po::error("--sort must be relevance, newest, oldest or auto");
    if (color != "auto" && color != "always" && color != "never")
      throw po::error("--color must be auto, always or never");
  } catch (const po::error& e) {
    std::cerr << "fahras-search: " << e.what() << "\nTry 'fahras-search --help'.\n";
    return kExitError;
  }
  std::string query;
  for (const std::string& w : words) query += (query.empty() ? "" : " ") + w;
  const bool use_color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO));

  try {
    search::Searcher searcher(indexes, remotes, searcher_options);
    const search::SearchResult result = searcher.search(query, options);
    for (const std::string& w : searcher.warnings()) std::cerr << "fahras-search: warning: " << w << "\n";
    for (const search::Hit& hit : result.hits) {
      if (json) std::cout << search::format_json(hit) << '\n';
      else std::cout << search::format_text(hit, use_color) << '\n';
    }
    if (!json)
      std::cout << (result.hits.empty() ? "no results" : std::to_string(result.hits.size()) + " results")
                << " (about " << result.matches_estimated
                << (options.per_article != 0 ? " matching articles; " : " matching passages; ") << searcher.passages()
                << " passages in the index)\n";
    if (!result.facets.empty())
      std::cout << (json ? search::format_facets_json(result.facets) + "\n" : search::format_facets_text(result.facets));
    return result.hits.empty() && result.matches_estimated == 0 ? kExitNoMatch : kExitFound;
  } catch (const search::SearchError& e) {
    std::cerr << "fahras-search: " << e.what() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "fahras-search: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "fahras-search: " << e.what() << "\n";
  }
  return kExitError;
}
