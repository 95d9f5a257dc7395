// Tokenizer: splits UTF-8 text into word, number and symbol segments with ICU's
// word BreakIterator (UAX #29), run directly over the UTF-8 bytes (UText), so
// every segment is a byte range of the caller's text.
//
// Beyond UAX #29:
//   - a segment mixing Arabic letters and digits (و7, ب2014) is split at each
//     letter/digit change, so a clitic never hides a number;
//   - the marks that matter to numbers (% ٪ ‰ - – / ) become Symbol segments;
//     all other punctuation and spaces are dropped.
// Numbers with separators stay one segment: 9,000 / 43,000 / ٤٣٬٠٠٠ / 2.5.
//
// Fast path: text made only of ASCII, Latin-1, the Arabic block and General
// Punctuation (U+0000–U+00FF, U+0600–U+06FF, U+2000–U+207F), as nearly all
// news text is, is segmented without ICU by the UAX #29 rules that
// such text can meet, using ICU's own Word_Break property of each character;
// the rare local contexts where ICU tailors those rules (a mid-word mark such
// as ' . : between letters) and any other character send the whole text to
// ICU. tests/analysis/tokenizer_test.cc checks the two agree on random text.
//
// Thread safety: NOT thread-safe (owns a BreakIterator): use one per thread.
// Construction clones a process-wide prototype and is cheap.
#pragma once

#include "analysis/token.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN class BreakIterator; U_NAMESPACE_END

namespace fahras::analysis {

struct Segment {
  std::uint32_t begin;
  std::uint32_t end;
  TokenKind kind;
};

class Tokenizer {
 public:
  Tokenizer();  // throws std::runtime_error if ICU's break rules are missing
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  // Replaces `out` with the segments of `text`, in text order. Text over 4 GiB is
  // not supported (offsets are 32-bit); callers split passages long before that.
  void segment(std::string_view text, std::vector<Segment>& out);

  // The two paths of segment(), for tests and benchmarks: segment_fast() returns
  // false (and leaves `out` unspecified) when the text needs ICU.
  static bool segment_fast(std::string_view text, std::vector<Segment>& out);
  void segment_icu(std::string_view text, std::vector<Segment>& out);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

// Parses the normalized spelling of a number token (ASCII digits with ',' or '.'
// separators, as the Normalizer produces). ',' groups of exactly three digits are
// thousands separators; a single ',' or '.' followed by other digit counts is a
// decimal point. Returns false when `norm` is not a number.
bool parse_number(std::string_view norm, double& value);

// Canonical index term for a number: "9000" for 9,000 and ٩٠٠٠, "2.5" for ٢٫٥.
void canonical_number(double value, std::string& out);

}  // namespace fahras::analysis
