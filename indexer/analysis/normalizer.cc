#include "analysis/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
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

// What fold() does to each code point of U+0600–U+06FF, as a table: 0 drops
// it, 1..0x7F is the ASCII byte it becomes, anything else the code point it
// becomes (itself when unchanged). Built from fold() itself, so the two agree.
struct ArabicFold {
  std::array<std::uint16_t, 0x100> to{};
  ArabicFold() {
    std::string one;
    for (UChar32 c = 0x0600; c <= 0x06FF; ++c) {
      one.clear();
      fold(one, c);
      std::uint16_t v = 0;
      if (one.size() == 1) {
        v = static_cast<unsigned char>(one[0]);
      } else if (!one.empty()) {
        int32_t i = 0;
        UChar32 d;
        U8_NEXT(reinterpret_cast<const uint8_t*>(one.data()), i, static_cast<int32_t>(one.size()), d);
        v = static_cast<std::uint16_t>(d);
      }
      to[static_cast<std::size_t>(c - 0x0600)] = v;
    }
  }
};

// fold() over a whole string. Folding never lengthens UTF-8 (ASCII stays one
// byte, a code point of the Arabic block becomes at most its own two bytes,
// others are copied, invalid bytes dropped), so the output is written into
// `out` grown by in.size() once, then trimmed: no per-character append. ASCII
// and two-byte Arabic (lead byte 0xD8–0xDB), nearly all of a news text, take
// the table; everything else goes through fold(). With `fast_only`, a code
// point off the fast path (on_fast_path) stops it: `out` is left as it was and
// it returns false, so the caller can take ICU's way instead.
bool fold_all(std::string_view in, std::string& out, bool fast_only = false) {
  static const ArabicFold table;
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  const auto n = static_cast<int32_t>(in.size());
  const std::size_t start = out.size();
  out.resize(start + in.size());
  char* w = out.data() + start;
  std::string other;  // a code point outside the fast cases (rare)
  for (int32_t i = 0; i < n;) {
    const uint8_t b = s[i];
    if (b < 0x80) {
      *w++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b);
      ++i;
      continue;
    }
    if (b >= 0xD8 && b <= 0xDB && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      const std::uint16_t v = table.to[((b & 0x03u) << 6) | (s[i + 1] & 0x3Fu)];
      i += 2;
      if (v == 0) continue;
      if (v < 0x80) {
        *w++ = static_cast<char>(v);
      } else {
        *w++ = static_cast<char>(0xC0 | (v >> 6));
        *w++ = static_cast<char>(0x80 | (v & 0x3F));
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (fast_only && !(c >= 0 && on_fast_path(c))) {
      out.resize(start);
      return false;
    }
    if (c < 0) continue;
    other.clear();
    fold(other, c);
    for (char ch : other) *w++ = ch;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return true;
}

}  // namespace

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc_cf_ == nullptr)
    throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
}

void Normalizer::normalize(std::string_view in, std::string& out) const {
  // Text of ASCII, the Arabic block and invisible marks only (news text,
  // nearly always) is folded without ICU; anything else goes through ICU first.
  // A word (the analyser's case) is folded in one pass, given up at the first
  // code point off the fast path; a long text is checked first, so that one
  // such code point near its end does not cost a second pass over all of it.
  const auto n = static_cast<int32_t>(in.size());
  constexpr int32_t kOnePass = 256;
  if (n <= kOnePass) {
    if (fold_all(in, out, /*fast_only=*/true)) return;
  } else {
    const auto* s = reinterpret_cast<const uint8_t*>(in.data());
    bool fast = true;
    for (int32_t i = 0; i < n && fast;) {
      if (s[i] < 0x80) {
        ++i;
        continue;
      }
      UChar32 c;
      U8_NEXT(s, i, n, c);
      fast = c >= 0 && on_fast_path(c);
    }
    if (fast) {
      fold_all(in, out);
      return;
    }
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
