#include "analysis/flat_map.h"

#include <xxhash.h>

namespace fahras::analysis {

std::uint64_t flat_map_hash(std::string_view key, std::uint32_t tag) {
  const std::uint64_t h = XXH3_64bits_withSeed(key.data(), key.size(), tag);
  return h == 0 ? 1 : h;
}

}  // namespace fahras::analysis
