// UTF-8 repair for input text.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <string>

namespace fahras::ingest {

struct RepairResult {
  std::size_t invalid = 0;  // invalid byte sequences replaced by U+FFFD
  std::size_t nuls = 0;     // NUL bytes replaced by spaces
  bool changed() const { return invalid + nuls != 0; }
};

// Makes `text` valid UTF-8 in place: drops a leading BOM, replaces each invalid
// sequence by U+FFFD and each NUL by a space. Valid text is left untouched
// (checked first at SIMD speed).
RepairResult repair_utf8(std::string& text);

}  // namespace fahras::ingest
