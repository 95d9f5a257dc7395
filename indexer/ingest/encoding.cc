#include "ingest/encoding.h"

#include "analysis/utf8.h"
#include "ingest/utf8.h"

#include <simdjson.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <cstring>
#include <memory>
#include <stdexcept>

namespace fahras::ingest {
namespace {

bool starts(const std::string& s, const char* bom, std::size_t n) { return s.size() >= n && std::memcmp(s.data(), bom, n) == 0; }

// Converts from `encoding` to UTF-8; false when ICU has no such converter.
bool convert(std::string& bytes, const char* encoding, std::size_t skip) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> cnv(ucnv_open(encoding, &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  icu::UnicodeString text(bytes.data() + skip, static_cast<int32_t>(bytes.size() - skip), cnv.get(), status);
  if (U_FAILURE(status)) return false;
  std::string out;
  text.toUTF8String(out);
  bytes.swap(out);
  return true;
}

// ICU's best guess for non-UTF-8 bytes, or "" (the detector reads at most 64 KiB).
std::string detect(const std::string& bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return {};
  const auto n = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(det.get(), bytes.data(), n, &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &found, &status);
  if (U_FAILURE(status)) return {};
  for (int32_t i = 0; i < found; ++i) {
    const char* name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status) || name == nullptr) return {};
    if (std::strcmp(name, "UTF-8") != 0) return name;  // invalid UTF-8 cannot be UTF-8
  }
  return {};
}

// UTF-8 damaged in a few places (a truncated character, a stray byte) is still
// UTF-8: it has many valid multi-byte sequences and few invalid bytes. Text in
// a single-byte Arabic code page has almost no valid multi-byte sequences.
bool mostly_utf8(const std::string& s) {
  std::size_t valid_multi = 0, invalid = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = analysis::utf8_sequence_length(s, i);
    if (n == 0) {
      ++invalid;
      ++i;
    } else {
      valid_multi += n > 1;
      i += n;
    }
  }
  return valid_multi > 0 && invalid * 2 <= valid_multi;
}

}  // namespace

DecodeResult decode_to_utf8(std::string& bytes, const std::string& forced) {
  DecodeResult r;
  if (!forced.empty()) {
    if (!convert(bytes, forced.c_str(), 0)) throw std::invalid_argument("unknown encoding \"" + forced + "\"");
    r.encoding = forced;
  } else if (starts(bytes, "\xFF\xFE\x00\x00", 4)) {
    convert(bytes, "UTF-32LE", 4), r.encoding = "UTF-32LE";
  } else if (starts(bytes, "\x00\x00\xFE\xFF", 4)) {
    convert(bytes, "UTF-32BE", 4), r.encoding = "UTF-32BE";
  } else if (starts(bytes, "\xFF\xFE", 2)) {
    convert(bytes, "UTF-16LE", 2), r.encoding = "UTF-16LE";
  } else if (starts(bytes, "\xFE\xFF", 2)) {
    convert(bytes, "UTF-16BE", 2), r.encoding = "UTF-16BE";
  } else if (!simdjson::validate_utf8(bytes.data(), bytes.size()) && !mostly_utf8(bytes)) {
    const std::string guess = detect(bytes);
    if (!guess.empty() && convert(bytes, guess.c_str(), 0)) {
      r.encoding = guess;
      r.detected = true;
    }
  }
  const RepairResult fix = repair_utf8(bytes);  // BOM, NULs, anything still invalid
  r.invalid = fix.invalid;
  r.nuls = fix.nuls;
  return r;
}

}  // namespace fahras::ingest
