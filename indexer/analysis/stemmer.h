// Stemmer: turns a normalized word into its index term.
//
//   strip_clitics("والمعتقلين") == "معتقلين"   (conjunction/preposition + article)
//   Stemmer::stem("والمعتقلين") == "معتقل"     (then Xapian's Snowball "arabic")
//
// Snowball's Arabic stemmer leaves و/ف/ب/ك/ل + ال combinations alone and stems
// "ال"-forms differently from bare ones (الهجمات → هجم but هجمات → هجما), so the
// article and the clitics combined with it are removed first; the bare form is
// then stemmed, which makes every clitic variant of a word give one term.
// Pure-ASCII words go through Snowball "english"; other scripts are kept as is.
//
// Thread safety: strip_clitics() and is_stopword() are pure. A Stemmer is NOT
// thread-safe (Xapian::Stem objects share state when copied, and the cache is
// mutable): construct one per thread.
#pragma once

#include "analysis/stem_cache.h"

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace fahras::analysis {

// Removes a leading article with its clitics: وال فال بال كال لل وبال وكال فبال
// فكال ولل فلل and ال, when at least three letters remain (so الف, الاف, الله stay).
// `word` must be normalized (see normalizer.h).
std::string_view strip_clitics(std::string_view word);

// Arabic and English function words (normalized spelling; data in stopwords.cc).
bool is_stopword(std::string_view normalized_word);

// True when the built-in stopword table is sorted (binary search needs it; tested).
bool stopwords_sorted();

class Stemmer {
 public:
  // cache_limit: number of distinct words whose stems are remembered (0 = no
  // cache); the cache is emptied when full, so memory stays bounded (stem_cache.h).
  explicit Stemmer(std::size_t cache_limit = 1 << 18);

  // Appends the index term for a normalized word to `out`.
  void stem(std::string_view normalized_word, std::string& out);
  std::string stem(std::string_view normalized_word);

 private:
  Xapian::Stem arabic_;
  Xapian::Stem english_;
  StemCache cache_;
};

}  // namespace fahras::analysis
