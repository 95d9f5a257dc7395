// Output of search results: terminal text and JSON lines.
//
// Thread safety: pure functions.
#pragma once

#include "search/searcher.h"

#include <string>

namespace fahras::search {

// Several lines for a person: rank, article id, passage number, score, title,
// and the passage with matched words highlighted (ANSI bold yellow when `color`).
std::string format_text(const Hit& hit, bool color);

// One JSON object on one line:
// {"rank","doc","passage","score","title","text","date"?,"source"?,"url"?,"highlights":[[b,e],…],"why"?:[…]}
// (highlights are byte offsets into "text").
std::string format_json(const Hit& hit);

// Facet counts: "facets:" then one line per facet, "  year: 2015 (120) · 2014 (3)".
std::string format_facets_text(const std::vector<Facet>& facets);

// One JSON line: {"facets": {"year": [{"value": "2015", "count": 120}, …], …}}
std::string format_facets_json(const std::vector<Facet>& facets);

}  // namespace fahras::search
