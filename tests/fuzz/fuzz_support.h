// Shared helpers of the libFuzzer targets (tests/fuzz/*_fuzz.cc).
//
// FUZZ_CHECK(cond): an invariant of the code under test; when it fails the
// fuzzer reports a crash (abort) and saves the input as a reproducer.
#pragma once

#include "analysis/utf8.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                    \
  do {                                                                                      \
    if (!(cond)) {                                                                          \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond);     \
      std::abort();                                                                         \
    }                                                                                       \
  } while (0)

namespace fahras::fuzz {

inline bool valid_utf8(std::string_view s) { return analysis::is_valid_utf8(s); }

}  // namespace fahras::fuzz
