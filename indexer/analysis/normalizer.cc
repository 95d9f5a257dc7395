#include "analysis/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace fahras::analysis {
namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

bool is_ignorable(UChar32 c) {
  return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD;
}

// Code points the Arabic/ASCII fast path handles completely on its own.
bool on_fast_path(UChar32 c) {
  return c < 0x80 || (c >= 0x0600 && c <= 0x06FF) || is_ignorable(c);
}

// Step 2 + ASCII lower case for one code point; appends the result (maybe nothing).
void fold(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
    return;
  }
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || is_ignorable(c)) return;
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: c = 0x0627; break;  // آ أ إ ٱ → ا
    case 0x0649: c = 0x064A; break;  // ى → ي
    case 0x06CC: c = 0x064A; break;  // ی → ي
    case 0x06A9: c = 0x0643; break;  // ک → ك
    case 0x0629: c = 0x0647; break;  // ة → ه
    case 0x066C: out.push_back(','); return;  // ٬
    case 0x066B: out.push_back('.'); return;  // ٫
    case 0x066A: out.push_back('%'); return;  // ٪
    default:
      if (c >= 0x0660 && c <= 0x0669) { out.push_back(static_cast<char>('0' + (c - 0x0660))); return; }
      if (c >= 0x06F0 && c <= 0x06F9) { out.push_back(static_cast<char>('0' + (c - 0x06F0))); return; }
  }
  append_utf8(out, c);
}

void fold_all(std::string_view in, std::string& out) {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto n = static_cast<int32_t>(in.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0) fold(out, c);
  }
}

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc_cf_ == nullptr)
    throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
}

void Normalizer::normalize(std::string_view in, std::string& out) const {
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto n = static_cast<int32_t>(in.size());
  bool fast = true;
  for (int32_t i = 0; i < n && fast;) {
    if (s[i] < 0x80) { ++i; continue; }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    fast = c >= 0 && on_fast_path(c);
  }
  if (fast) {
    fold_all(in, out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(icu::StringPiece(in.data(), n));
  icu::UnicodeString dst = nfkc_cf_->normalize(src, status);
  if (U_FAILURE(status)) {  // cannot happen with valid data; degrade to folding only
    fold_all(in, out);
    return;
  }
  std::string utf8;
  dst.toUTF8String(utf8);
  fold_all(utf8, out);
}

std::string Normalizer::normalize(std::string_view in) const {
  std::string out;
  out.reserve(in.size());
  normalize(in, out);
  return out;
}

}  // namespace fahras::analysis
