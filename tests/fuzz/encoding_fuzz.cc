// Fuzzes UTF-8 repair and encoding detection/decoding (ingest/utf8.h,
// ingest/encoding.h) on arbitrary bytes.
// Invariants: the result is valid UTF-8 without NUL bytes; repairing valid
// UTF-8 changes nothing; a forced encoding (chosen by the first input byte)
// never throws for a known converter name.
#include "fuzz_support.h"
#include "ingest/encoding.h"
#include "ingest/utf8.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

using namespace fahras::ingest;

namespace {

void check_clean(const std::string& s) {
  FUZZ_CHECK(fahras::fuzz::valid_utf8(s));
  FUZZ_CHECK(std::memchr(s.data(), 0, s.size()) == nullptr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);

  std::string repaired = bytes;
  const RepairResult fix = repair_utf8(repaired);
  check_clean(repaired);
  if (!fix.changed() && !bytes.starts_with("\xEF\xBB\xBF")) FUZZ_CHECK(repaired == bytes);
  std::string again = repaired;
  FUZZ_CHECK(!repair_utf8(again).changed());
  // A BOM that was hidden behind the first one is dropped by the second pass.
  FUZZ_CHECK(again == repaired || (repaired.starts_with("\xEF\xBB\xBF") && again == repaired.substr(3)));

  std::string decoded = bytes;
  const DecodeResult d = decode_to_utf8(decoded);
  check_clean(decoded);
  FUZZ_CHECK(d.detected == false || !d.encoding.empty());

  if (size > 0) {
    static const char* const kForced[] = {"windows-1256", "ISO-8859-6", "UTF-16LE", "UTF-16BE", "UTF-32LE",
                                          "UTF-32BE",     "UTF-8",      "ISO-8859-1", "Shift_JIS", "GB18030"};
    std::string forced(bytes, 1);
    decode_to_utf8(forced, kForced[data[0] % (sizeof kForced / sizeof *kForced)]);
    check_clean(forced);
  }
  return 0;
}
