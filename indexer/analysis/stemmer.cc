#include "analysis/stemmer.h"

#include <array>

namespace fahras::analysis {
namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

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
  // Longest first. All spellings are normalized (alef without hamza).
  static constexpr std::array<std::string_view, 12> kPrefixes = {
      "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"};
  for (std::string_view p : kPrefixes) {
    if (word.size() > p.size() && word.substr(0, p.size()) == p &&
        code_points(word.substr(p.size())) >= 3)
      return word.substr(p.size());
  }
  return word;
}

Stemmer::Stemmer(std::size_t cache_limit)
    : arabic_("arabic"), english_("english"), cache_limit_(cache_limit) {}

void Stemmer::stem(std::string_view word, std::string& out) {
  if (cache_limit_ != 0) {
    if (auto it = cache_.find(word); it != cache_.end()) {
      out += it->second;
      return;
    }
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
  if (cache_limit_ != 0) {
    if (cache_.size() >= cache_limit_) cache_.clear();
    cache_.emplace(std::string(word), std::move(result));
  }
}

std::string Stemmer::stem(std::string_view word) {
  std::string out;
  stem(word, out);
  return out;
}

}  // namespace fahras::analysis
