// Token: one unit of analysed text.
//
// Contract: a Token never owns text. `begin`/`end` are UTF-8 byte offsets into
// the ORIGINAL text given to the analyser (snippets and entity spans use them);
// `norm` and `stem` are views into the analyser's per-document buffer and are
// valid until that analyser analyses its next text.
#pragma once

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

}  // namespace fahras::analysis
