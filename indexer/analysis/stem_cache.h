// StemCache: remembers the stems of the words a Stemmer has seen (news text
// repeats its words, and Snowball costs far more than a lookup).
//
// One flat open-addressing table of 16-byte slots (the word's 64-bit hash, and
// where its word and stem lie in one byte arena), probed linearly: a hit reads
// one slot and compares the word in the arena, without the pointer chasing of
// a node-based map of strings (which was 4 % of an indexing run's CPU in
// perf). Memory is bounded: when it holds `limit` words or its arena 16 MiB,
// it is emptied and starts again, so a corpus's long tail of rare words never
// grows it. Words over 255 bytes are not cached.
//
// Thread safety: none; one per Stemmer (one per thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::analysis {

class StemCache {
 public:
  // limit: the most words held (0: the cache is off; find() never finds).
  explicit StemCache(std::size_t limit);

  // The stem of `word` when cached, else false. The view lives until the next insert().
  bool find(std::string_view word, std::string_view& stem) const;
  void insert(std::string_view word, std::string_view stem);

  std::size_t size() const { return size_; }
  static constexpr std::size_t kMaxWordBytes = 255;
  static constexpr std::size_t kMaxArenaBytes = std::size_t{16} << 20;

 private:
  struct Slot {
    std::uint64_t hash = 0;  // 0: empty (a real hash of 0 is stored as 1)
    std::uint32_t offset = 0;  // the word, then its stem, in arena_
    std::uint16_t word_len = 0, stem_len = 0;
  };
  static std::uint64_t hash(std::string_view word);
  void clear();

  std::size_t limit_, size_ = 0, mask_ = 0;
  std::vector<Slot> slots_;  // a power of two, at least 4/3 of limit_: probes stay short
  std::string arena_;
};

}  // namespace fahras::analysis
