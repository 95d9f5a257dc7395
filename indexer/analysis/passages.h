// Passages: how an article's text is cut into the units the index ranks.
//
// A passage is a paragraph (a non-blank line). A short line (a heading, a
// caption credit, site chrome) is joined to the paragraph after it, or to the one
// before it when it ends the article. A long paragraph is cut at sentence ends
// (. ! ? ؟ ؛ …) into pieces of at most `max_words` words where it can be.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace fahras::analysis {

struct PassageOptions {
  std::size_t min_words = 6;    // lines with fewer words are joined to a neighbour
  std::size_t max_words = 120;  // longer paragraphs are cut at sentence ends
};

struct PassageSpan {
  std::uint32_t begin;  // byte offsets into the article text
  std::uint32_t end;
};

// Replaces `out` with the passages of `text`, in order, covering every non-blank line.
void split_passages(std::string_view text, const PassageOptions& options, std::vector<PassageSpan>& out);

// The headline of a plain-text article: its first line of 4 to 30 words (the
// lines before it are usually site chrome), else its first non-blank line.
// Returns a view into `text` (trimmed), empty when the text has no words.
std::string_view guess_title(std::string_view text);

// Number of whitespace-separated words in `s` (Unicode spaces included).
std::size_t count_words(std::string_view s);

// `s` without leading/trailing whitespace (ASCII and Unicode spaces such as NBSP).
std::string_view trim(std::string_view s);

}  // namespace fahras::analysis
