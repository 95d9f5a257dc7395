#include "analysis/stem_cache.h"

#include "analysis/flat_map.h"

#include <algorithm>

namespace fahras::analysis {

StemCache::StemCache(std::size_t limit) : limit_(limit) {
  if (limit_ == 0) return;
  std::size_t n = 16;
  while (n < limit_ + limit_ / 3) n *= 2;
  slots_.resize(n);
  mask_ = n - 1;
}

std::uint64_t StemCache::hash(std::string_view word) { return flat_map_hash(word, 0); }

bool StemCache::find(std::string_view word, std::string_view& stem) const {
  if (limit_ == 0 || word.size() > kMaxWordBytes) return false;
  const std::uint64_t h = hash(word);
  for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.hash == 0) return false;
    if (s.hash == h && s.word_len == word.size() && arena_.compare(s.offset, s.word_len, word) == 0) {
      stem = std::string_view(arena_).substr(s.offset + s.word_len, s.stem_len);
      return true;
    }
  }
}

void StemCache::insert(std::string_view word, std::string_view stem) {
  if (limit_ == 0 || word.size() > kMaxWordBytes || stem.size() > kMaxWordBytes) return;
  if (size_ >= limit_ || arena_.size() + word.size() + stem.size() > kMaxArenaBytes) clear();
  const std::uint64_t h = hash(word);
  std::size_t i = h & mask_;
  for (;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (s.hash == 0) break;
    if (s.hash == h && s.word_len == word.size() && arena_.compare(s.offset, s.word_len, word) == 0) return;
  }
  Slot& s = slots_[i];
  s.hash = h;
  s.offset = static_cast<std::uint32_t>(arena_.size());
  s.word_len = static_cast<std::uint16_t>(word.size());
  s.stem_len = static_cast<std::uint16_t>(stem.size());
  arena_.append(word);
  arena_.append(stem);
  ++size_;
}

void StemCache::clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  arena_.clear();
  size_ = 0;
}

}  // namespace fahras::analysis
