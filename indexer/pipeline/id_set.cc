#include "pipeline/id_set.h"

#include <xxhash.h>

namespace fahras::pipeline {

IdSet::Fingerprint IdSet::fingerprint(std::string_view id) {
  const XXH128_hash_t h = XXH3_128bits(id.data(), id.size());
  return {h.low64, h.high64};
}

bool IdSet::insert(std::string_view id) { return set_.insert(fingerprint(id)).second; }

bool IdSet::contains(std::string_view id) const { return set_.count(fingerprint(id)) != 0; }

}  // namespace fahras::pipeline
