// IdSet: the article ids a run has seen, to find duplicates (the same id twice
// in the inputs), in about 40 bytes per article whatever the id's length.
//
// It keeps a 128-bit fingerprint of each id (XXH3-128, libxxhash), not the id:
// a set of the ids themselves took 130-180 bytes per article (urls of 80-100
// bytes in their own heap blocks, the set's nodes), 14 MB or more on a run of
// 120,000 articles, and grew with the ids' length. Two different ids share a
// fingerprint with probability about n^2 / 2^129 (1e-22 for a billion
// articles); the one effect it would have is that the later article replaces
// the earlier as a duplicate would, with the usual "duplicate id" message.
//
// Thread safety: none; one thread at a time (the pipeline's serial input
// stage, the single writer's in-order write stage).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace fahras::pipeline {

class IdSet {
 public:
  // Adds `id`; false when it was there already (a duplicate).
  bool insert(std::string_view id);
  bool contains(std::string_view id) const;
  std::size_t size() const { return set_.size(); }

 private:
  struct Fingerprint {
    std::uint64_t low, high;
    bool operator==(const Fingerprint&) const = default;
  };
  struct Hash {
    std::size_t operator()(const Fingerprint& f) const { return static_cast<std::size_t>(f.low); }
  };
  static Fingerprint fingerprint(std::string_view id);
  std::unordered_set<Fingerprint, Hash> set_;
};

}  // namespace fahras::pipeline
