#include "analysis/passages.h"

#include <array>

namespace fahras::analysis {
namespace {

// Byte length of the whitespace character at s[i], or 0.
// Bytes that can start a space: ASCII spaces and the first bytes of the
// multi-byte ones below. Every other byte answers 0 without a branch chain:
// Arabic letters (0xD8-0xDB lead bytes) and continuation bytes are most of
// the text.
constexpr std::array<bool, 256> kMayStartSpace = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = true;
  for (unsigned char c : {0xC2, 0xE2, 0xE3, 0xEF}) t[c] = true;
  return t;
}();

inline std::size_t space_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (!kMayStartSpace[c]) return 0;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2 && at(1) == 0xA0) return 2;                                   // NBSP
  if (c == 0xE2 && at(1) == 0x80 && ((at(2) >= 0x80 && at(2) <= 0x8B) || at(2) == 0xAF)) return 3;
  if (c == 0xE2 && at(1) == 0x81 && at(2) == 0x9F) return 3;                  // U+205F
  if (c == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;                  // U+3000
  if (c == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return 3;                  // BOM
  return 0;
}

// Byte length of a sentence-ending mark at s[i], or 0.
std::size_t sentence_end_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '.' || c == '!' || c == '?') return 1;
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xD8 && (at(1) == 0x9F || at(1) == 0x9B)) return 2;  // ؟ ؛
  if (c == 0xE2 && at(1) == 0x80 && at(2) == 0xA6) return 3;    // …
  return 0;
}

// Byte length of a closing quote or bracket at s[i], or 0.
std::size_t closer_len(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2 && at(1) == 0xBB) return 2;                                    // »
  if (c == 0xE2 && at(1) == 0x80 && (at(2) == 0x9D || at(2) == 0x99)) return 3;  // ” ’
  return 0;
}

struct Line {
  std::uint32_t begin, end;
  std::size_t words;
};

// Cuts [b, e) of `text` (one paragraph) at sentence ends into pieces of at most
// max_words words (a single longer sentence is cut at a word boundary).
void cut_long(std::string_view text, std::uint32_t b, std::uint32_t e, std::size_t max_words,
              std::vector<PassageSpan>& out) {
  std::uint32_t piece = b;          // start of the current piece
  std::uint32_t last_cut = b;       // last sentence end inside the piece
  std::size_t words = 0, words_at_cut = 0;
  bool in_word = false;
  for (std::uint32_t i = b; i < e;) {
    if (const std::size_t sp = space_len(text, i)) {
      in_word = false;
      i += static_cast<std::uint32_t>(sp);
      continue;
    }
    if (!in_word) {
      in_word = true;
      if (++words > max_words) {
        // Cut at the last sentence end if there is one, else right here.
        const std::uint32_t cut = last_cut > piece ? last_cut : i;
        out.push_back({piece, static_cast<std::uint32_t>(trim(text.substr(piece, cut - piece)).size()) + piece});
        words = (cut == i) ? 1 : words - words_at_cut;
        piece = cut;
        while (piece < e && space_len(text, piece)) piece += static_cast<std::uint32_t>(space_len(text, piece));
        last_cut = piece;
        words_at_cut = 0;
      }
    }
    if (const std::size_t se = sentence_end_len(text, i)) {
      std::uint32_t j = i + static_cast<std::uint32_t>(se);
      while (j < e && closer_len(text, j)) j += static_cast<std::uint32_t>(closer_len(text, j));
      if (j >= e || space_len(text, j)) {
        last_cut = j;
        words_at_cut = words;
      }
      i = j;
      continue;
    }
    ++i;
    while (i < e && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  if (piece < e) out.push_back({piece, e});
}

}  // namespace

std::string_view trim(std::string_view s) {
  std::size_t b = 0;
  while (b < s.size()) {
    const std::size_t n = space_len(s, b);
    if (n == 0) break;
    b += n;
  }
  std::size_t e = s.size();
  while (e > b) {
    // Step back over one UTF-8 character and test it.
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    if (space_len(s, k) != e - k) break;
    e = k;
  }
  return s.substr(b, e - b);
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = 0; i < s.size();) {
    if (const std::size_t sp = space_len(s, i)) {
      in_word = false;
      i += sp;
      continue;
    }
    if (!in_word) ++words;
    in_word = true;
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;  // the rest of a character
  }
  return words;
}

void split_passages(std::string_view text, const PassageOptions& options, std::vector<PassageSpan>& out) {
  out.clear();
  std::vector<Line> lines;
  for (std::size_t b = 0; b < text.size();) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    const std::string_view t = trim(text.substr(b, e - b));
    if (!t.empty()) {
      const auto tb = static_cast<std::uint32_t>(t.data() - text.data());
      lines.push_back({tb, static_cast<std::uint32_t>(tb + t.size()), count_words(t)});
    }
    b = e + 1;
  }
  // Join short lines to the next paragraph (or the previous one at the end).
  // A paragraph's words are the sum of its lines' (lines are apart by a newline).
  std::vector<Line> paras;
  std::uint32_t pending = 0;
  std::size_t pending_words = 0;
  bool has_pending = false;
  for (const Line& l : lines) {
    const std::uint32_t begin = has_pending ? pending : l.begin;
    if (l.words < options.min_words) {
      if (!has_pending) pending = l.begin;
      has_pending = true;
      pending_words += l.words;
      continue;
    }
    paras.push_back({begin, l.end, l.words + (has_pending ? pending_words : 0)});
    has_pending = false;
    pending_words = 0;
  }
  if (has_pending) {
    if (paras.empty()) {
      paras.push_back({pending, lines.back().end, pending_words});
    } else {
      paras.back().end = lines.back().end;
      paras.back().words += pending_words;
    }
  }
  for (const Line& p : paras) {
    if (p.words <= options.max_words) out.push_back({p.begin, p.end});
    else cut_long(text, p.begin, p.end, options.max_words, out);
  }
}

std::string_view guess_title(std::string_view text) {
  std::string_view first;
  for (std::size_t b = 0; b < text.size();) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    const std::string_view t = trim(text.substr(b, e - b));
    if (!t.empty()) {
      const std::size_t w = count_words(t);
      if (w >= 4 && w <= 30) return t;
      if (first.empty()) first = t;
    }
    b = e + 1;
  }
  return first;
}

}  // namespace fahras::analysis
