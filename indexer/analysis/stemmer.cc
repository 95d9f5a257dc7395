#include "analysis/utf8.h"
#include "analysis/stemmer.h"

#include <array>

namespace fahras::analysis {
namespace {

bool is_ascii_word(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

bool has_arabic(std::string_view s) {
  // Lead bytes 0xD8–0xDB encode U+0600–U+06FF.
  for (unsigned char c : s)
    if (c >= 0xD8 && c <= 0xDB) return true;
  return false;
}

}  // namespace

std::string_view strip_clitics(std::string_view word) {
  // The prefixes, longest first: وبال وكال فبال فكال ولل فلل وال فال بال كال لل ال
  // (normalized spellings). No two of them start the same word, so the first
  // match is the only one. Matched byte by byte (every letter here is two bytes
  // in UTF-8): this runs for every word of the text, several times.
  const auto at = [&](std::size_t i, unsigned char lead, unsigned char trail) {
    return word.size() > i + 1 && static_cast<unsigned char>(word[i]) == lead &&
           static_cast<unsigned char>(word[i + 1]) == trail;
  };
  constexpr unsigned char kD8 = 0xD8, kD9 = 0xD9;
  // Every prefix starts with a letter whose UTF-8 lead byte is D8 or D9.
  if (word.size() < 4 || (static_cast<unsigned char>(word[0]) & 0xFE) != kD8) return word;
  const bool conj = at(0, kD9, 0x88) || at(0, kD9, 0x81);  // و ف
  std::size_t i = conj ? 2 : 0;
  if ((at(i, kD8, 0xA8) || at(i, kD9, 0x83)) && at(i + 2, kD8, 0xA7) && at(i + 4, kD9, 0x84)) {
    i += 6;  // بال كال
  } else if (at(i, kD9, 0x84) && at(i + 2, kD9, 0x84)) {
    i += 4;  // لل
  } else if (at(i, kD8, 0xA7) && at(i + 2, kD9, 0x84)) {
    i += 4;  // ال
  } else {
    return word;
  }
  // At least three characters must remain (counted up to three, not to the end).
  std::size_t chars = 0;
  for (std::size_t k = i; k < word.size() && chars < 3; ++k)
    chars += (static_cast<unsigned char>(word[k]) & 0xC0) != 0x80;
  return chars >= 3 ? word.substr(i) : word;
}

Stemmer::Stemmer(std::size_t cache_limit) : arabic_("arabic"), english_("english"), cache_(cache_limit) {}

void Stemmer::stem(std::string_view word, std::string& out) {
  if (std::string_view cached; cache_.find(word, cached)) {
    out += cached;
    return;
  }
  std::string result;
  if (is_ascii_word(word)) {
    result = english_(std::string(word));
  } else if (has_arabic(word)) {
    result = arabic_(std::string(strip_clitics(word)));
    if (result.empty()) result = word;
  } else {
    result = word;
  }
  out += result;
  cache_.insert(word, result);
}

std::string Stemmer::stem(std::string_view word) {
  std::string out;
  stem(word, out);
  return out;
}

}  // namespace fahras::analysis
