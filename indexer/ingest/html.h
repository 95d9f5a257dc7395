// Text of an HTML news article, with Google's gumbo parser (Debian libgumbo).
//
// The title is the first <h1>, else <title>. The text is one paragraph per
// block element (p, h2–h6, li, blockquote, pre, td), skipping script, style,
// noscript, nav, header, footer, aside, form, iframe, svg and select; when a
// page has no such block, the visible text of <body>. The date is
// <meta property="article:published_time">, else the first <time datetime>.
//
// Thread safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace fahras::ingest {

struct HtmlArticle {
  std::string title, text, date;
};

// `html` must be UTF-8 (decode first). Never throws on malformed HTML: the
// parser repairs it as browsers do.
HtmlArticle parse_html(std::string_view html);

}  // namespace fahras::ingest
