// Normalizer: folds a piece of UTF-8 text to the form the index stores.
//
// Steps, in order (each one table-tested in tests/analysis/normalizer_test.cc):
//   1. Unicode NFKC with case folding (ICU "nfkc_cf"): folds Arabic presentation
//      forms (ﻻ → لا), full-width Latin, and drops default-ignorable code points
//      (zero-width joiners, bidi marks, BOM). Skipped on a fast path when every
//      code point is ASCII or in the Arabic block U+0600–U+06FF, where it is a
//      no-op except for the folds below.
//   2. Arabic folding: remove tashkeel (U+064B–U+065F, U+0670) and tatweel
//      (U+0640); alef variants أ إ آ ٱ → ا; ى → ي; ة → ه; Persian ی → ي, ک → ك;
//      Arabic-Indic and Persian digits → 0-9; ٬ → ','; ٫ → '.'; ٪ → '%';
//      Arabic letter mark U+061C removed.
//   3. Latin lower case (ASCII on the fast path, full case folding otherwise).
//
// Thread safety: a Normalizer is immutable after construction and may be shared
// between threads. normalize() appends to the caller's buffer and allocates only
// when that buffer grows (and, off the fast path, inside ICU).
#pragma once

#include <string>
#include <string_view>

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN class Normalizer2; U_NAMESPACE_END

namespace fahras::analysis {

class Normalizer {
 public:
  Normalizer();  // throws std::runtime_error if ICU's normalization data is missing

  // Appends the normalized form of `in` (UTF-8) to `out`. Invalid bytes become
  // U+FFFD (the ingest layer repairs input before analysis, so this is rare).
  void normalize(std::string_view in, std::string& out) const;

  // Convenience: returns the normalized form of `in`.
  std::string normalize(std::string_view in) const;

 private:
  const icu::Normalizer2* nfkc_cf_;  // owned by ICU, process-wide
};

}  // namespace fahras::analysis
