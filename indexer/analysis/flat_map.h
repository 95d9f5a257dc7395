// FlatStringMap: a hash map from (tag, string) to a small value, for the
// gazetteer's word lists and trie, which are built once and then only read,
// for every token of every text, by all threads.
//
// One open-addressing table of slots (the key's 64-bit hash, its tag, where
// its bytes lie in one arena, the value), probed linearly: a lookup reads one
// slot and compares the key's bytes in the arena, instead of walking a
// node-based map's chain of pointers to heap-allocated strings (those lookups
// were about 6 % of an indexing run's CPU in perf, mostly cache misses).
// The tag is part of the key: the trie keys a child by its parent node and
// its word (tag = parent); plain sets use tag 0.
//
// Thread safety: find() and contains() are const and safe from any number of
// threads at once; emplace() must not run concurrently with anything.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fahras::analysis {

// XXH3 of `key` seeded with `tag`, never 0 (flat_map.cc).
std::uint64_t flat_map_hash(std::string_view key, std::uint32_t tag);

template <typename V>
class FlatStringMap {
 public:
  // The value of (tag, key), inserted as `value` if it was not there; the
  // reference is valid until the next emplace().
  V& emplace(std::string_view key, V value, std::uint32_t tag = 0) {
    if ((size_ + 1) * 10 > slots_.size() * 7) grow();
    const std::uint64_t h = hash(key, tag);
    std::size_t i = h & mask_;
    for (; slots_[i].hash != 0; i = (i + 1) & mask_)
      if (same(slots_[i], h, key, tag)) return slots_[i].value;
    Slot& s = slots_[i];
    s.hash = h;
    s.tag = tag;
    s.offset = arena_.size();
    s.len = static_cast<std::uint32_t>(key.size());
    s.value = std::move(value);
    arena_.append(key);
    ++size_;
    return s.value;
  }

  // The value of (tag, key), or nullptr.
  const V* find(std::string_view key, std::uint32_t tag = 0) const {
    if (size_ == 0) return nullptr;
    const std::uint64_t h = hash(key, tag);
    for (std::size_t i = h & mask_; slots_[i].hash != 0; i = (i + 1) & mask_)
      if (same(slots_[i], h, key, tag)) return &slots_[i].value;
    return nullptr;
  }
  bool contains(std::string_view key, std::uint32_t tag = 0) const { return find(key, tag) != nullptr; }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty (a real hash of 0 is stored as 1)
    std::size_t offset = 0;  // the key's bytes in arena_
    std::uint32_t len = 0, tag = 0;
    V value{};
  };
  static std::uint64_t hash(std::string_view key, std::uint32_t tag) { return flat_map_hash(key, tag); }
  bool same(const Slot& s, std::uint64_t h, std::string_view key, std::uint32_t tag) const {
    return s.hash == h && s.tag == tag && s.len == key.size() && arena_.compare(s.offset, s.len, key) == 0;
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.hash == 0) continue;
      std::size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most 70 % full
  std::size_t size_ = 0, mask_ = 0;
  std::string arena_;
};

}  // namespace fahras::analysis
