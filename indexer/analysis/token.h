// Token: one unit of analysed text.
//
// Contract: a Token never owns text. `begin`/`end` are UTF-8 byte offsets into
// the ORIGINAL text given to the analyser (snippets and entity spans use them);
// `norm` and `stem` are views into the analyser's per-document buffer and are
// valid until that analyser analyses its next text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fahras::analysis {

enum class TokenKind : std::uint8_t {
  Word,    // letters (any script); `norm` is the normalized surface form
  Number,  // digits, possibly with separators: 9,000 / ٤٣٬٠٠٠ / 2.5; `value` holds it
  Symbol,  // a kept punctuation mark that matters to numbers: % ٪ - / ‰
};

struct Token {
  std::uint32_t begin = 0;    // byte offset into the original text
  std::uint32_t end = 0;      // one past the last byte
  std::uint32_t position = 0; // word position (Xapian termpos), Symbols share their neighbour's
  TokenKind kind = TokenKind::Word;
  bool stopword = false;      // Arabic/English function word: not indexed as a term
  double value = 0.0;         // numeric value when kind == Number
  std::string_view norm;      // normalized form: see normalizer.h (ASCII digits, folded letters)
  std::string_view stem;      // index term: clitics stripped + Snowball stem; canonical digits for Numbers
};

// Whether text[from, to) — the gap between two tokens — holds a mark that ends
// a phrase: . , ; : ! ? brackets, a line break, or the Arabic ، ؛ ؟. Quotation
// marks do not. False for an empty text or a range outside it. Used by the
// figure extractor (units stop there) and the date extractor (a year placed by
// its preposition ends its phrase).
inline bool ends_phrase(std::string_view text, std::size_t from, std::size_t to) {
  if (from >= to || to > text.size()) return false;
  const std::string_view gap = text.substr(from, to - from);
  if (gap.find_first_of(".,;:!?()[]\n") != std::string_view::npos) return true;
  return gap.find("\u060C") != std::string_view::npos || gap.find("\u061B") != std::string_view::npos ||
         gap.find("\u061F") != std::string_view::npos;  // ، ؛ ؟
}

}  // namespace fahras::analysis
