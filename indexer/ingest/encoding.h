// Input encodings: turning the bytes of a file into UTF-8.
//
//   1. a forced encoding (fahras-index --encoding NAME) converts everything;
//   2. a byte-order mark decides: UTF-8 (dropped), UTF-16LE/BE, UTF-32LE/BE;
//   3. valid UTF-8 is kept as it is (checked at SIMD speed);
//   4. UTF-8 with some invalid bytes (at most one per two valid multi-byte
//      characters) is damaged UTF-8, repaired in step 6 (Arabic in a
//      single-byte code page forms almost no valid multi-byte sequences);
//   5. otherwise ICU's charset detector names the encoding (windows-1256,
//      ISO-8859-6, UTF-16 without BOM, …) and ICU converts from it;
//   6. what is still invalid is replaced by U+FFFD (repair_utf8).
//
// Thread safety: pure functions (ICU detector and converters are opened per call).
#pragma once

#include <string>

namespace fahras::ingest {

struct DecodeResult {
  std::string encoding;  // "" when the bytes were already UTF-8, else what they were read as
  bool detected = false; // the encoding came from ICU's detector (not a BOM or --encoding)
  std::size_t invalid = 0, nuls = 0;  // replaced afterwards (see repair_utf8)
};

// Converts `bytes` to valid UTF-8 in place. `forced`: an ICU converter name
// ("windows-1256", "ISO-8859-6", "UTF-16LE"…) or empty to detect.
// Throws std::invalid_argument when `forced` names no known encoding.
DecodeResult decode_to_utf8(std::string& bytes, const std::string& forced = {});

}  // namespace fahras::ingest
