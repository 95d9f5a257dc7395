// Fuzzes analysis::Normalizer on arbitrary bytes (valid or not: queries reach it
// unrepaired). Invariants: the output is valid UTF-8 (invalid input bytes become
// U+FFFD), normalize() appends without touching what the buffer held, and both
// overloads agree.
#include "analysis/normalizer.h"
#include "fuzz_support.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fahras::analysis::Normalizer normalizer;
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  const std::string once = normalizer.normalize(in);
  FUZZ_CHECK(fahras::fuzz::valid_utf8(once));

  std::string appended = "prefix ";
  normalizer.normalize(in, appended);
  FUZZ_CHECK(appended.size() == 7 + once.size());
  FUZZ_CHECK(std::string_view(appended).substr(0, 7) == "prefix ");
  FUZZ_CHECK(std::string_view(appended).substr(7) == once);
  return 0;
}
