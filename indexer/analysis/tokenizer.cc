#include "analysis/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string>

namespace fahras::analysis {
namespace {

const icu::BreakIterator& prototype() {
  static const std::unique_ptr<icu::BreakIterator> proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !it)
      throw std::runtime_error(std::string("ICU word break rules unavailable: ") + u_errorName(status));
    return it;
  }();
  return *proto;
}

enum class CharClass { Other, ArabicLetter, Digit };

CharClass classify(UChar32 c) {
  if ((c >= '0' && c <= '9') || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9))
    return CharClass::Digit;
  if ((c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
      (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC))
    return CharClass::ArabicLetter;
  return CharClass::Other;  // marks, tatweel, separators, Latin …: never start a split
}

bool is_symbol(UChar32 c) {
  return c == '%' || c == 0x066A || c == 0x2030 || c == '-' || c == 0x2013 || c == '/';
}

// Splits one UAX #29 word segment at Arabic-letter/digit changes.
void split_mixed(const uint8_t* s, std::uint32_t begin, std::uint32_t end, std::vector<Segment>& out) {
  bool has_digit = false, has_arabic = false;
  for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(end), c);
    const CharClass k = classify(c);
    has_digit |= k == CharClass::Digit;
    has_arabic |= k == CharClass::ArabicLetter;
  }
  if (!(has_digit && has_arabic)) {
    // A run of digits and separators is a Number; Latin+digit mixes (h1n1) stay Words.
    bool all_num = has_digit;
    for (auto i = static_cast<int32_t>(begin); all_num && i < static_cast<int32_t>(end);) {
      UChar32 c;
      U8_NEXT(s, i, static_cast<int32_t>(end), c);
      all_num = classify(c) == CharClass::Digit || c == ',' || c == '.' || c == 0x066B || c == 0x066C;
    }
    out.push_back({begin, end, all_num ? TokenKind::Number : TokenKind::Word});
    return;
  }
  std::uint32_t run_begin = begin;
  CharClass run = CharClass::Other;
  for (auto i = static_cast<int32_t>(begin); i < static_cast<int32_t>(end);) {
    const auto at = static_cast<std::uint32_t>(i);
    UChar32 c;
    U8_NEXT(s, i, static_cast<int32_t>(end), c);
    CharClass k = classify(c);
    if (k == CharClass::Other) continue;  // marks and separators join the current run
    if (run != CharClass::Other && k != run) {
      out.push_back({run_begin, at, run == CharClass::Digit ? TokenKind::Number : TokenKind::Word});
      run_begin = at;
    }
    run = k;
  }
  out.push_back({run_begin, end, run == CharClass::Digit ? TokenKind::Number : TokenKind::Word});
}

// Word_Break classes of the fast path (the four ranges of WbTable), from ICU's
// character properties so they follow the same Unicode version as ICU's rules.
enum class Wb : unsigned char {
  Letter,   // ALetter
  Digit,    // Numeric
  Extend,   // Extend: harakat and other marks attach to what precedes them (WB4)
  MidNum,   // MidNum, MidNumLet, Single_Quote: join digit to digit (WB11/12)
  MidWord,  // MidLetter: only ever joins letters, which the fast path leaves to ICU
  Break,    // Other, CR, LF, Newline, WSegSpace, Double_Quote: not part of a word
  Unsafe,   // anything else (Format, ExtendNumLet '_', ZWJ …): ICU decides
};

struct WbTable {
  Wb ascii[0x80];    // U+0000–U+007F
  Wb latin1[0x80];   // U+0080–U+00FF: NBSP, ×, «, », accented letters
  Wb arabic[0x100];  // U+0600–U+06FF
  Wb punct[0x80];    // U+2000–U+207F: typographic spaces, quotes, dashes, ‰
};

Wb wb_of(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER: return Wb::Letter;
    case U_WB_NUMERIC: return Wb::Digit;
    case U_WB_EXTEND: return Wb::Extend;
    case U_WB_MIDNUM: case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return Wb::MidNum;
    case U_WB_MIDLETTER: return Wb::MidWord;
    case U_WB_OTHER: case U_WB_CR: case U_WB_LF: case U_WB_NEWLINE: case U_WB_WSEGSPACE: case U_WB_DOUBLE_QUOTE:
      return Wb::Break;
    default: return Wb::Unsafe;
  }
}

const WbTable& wb_table() {
  static const WbTable table = [] {
    WbTable t{};
    for (UChar32 c = 0; c < 0x80; ++c) t.ascii[c] = wb_of(c);
    t.ascii['@'] = Wb::Unsafe;  // ICU's rules make '@' a letter (e-mail addresses, handles)
    for (UChar32 c = 0; c < 0x80; ++c) t.latin1[c] = wb_of(0x0080 + c);
    for (UChar32 c = 0; c < 0x100; ++c) t.arabic[c] = wb_of(0x0600 + c);
    for (UChar32 c = 0; c < 0x80; ++c) t.punct[c] = wb_of(0x2000 + c);
    return t;
  }();
  return table;
}

}  // namespace

bool Tokenizer::segment_fast(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  const WbTable& table = wb_table();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<std::uint32_t>(text.size());
  // Decodes the character at i: its class and its end. Unsafe for any byte
  // sequence outside the table's four ranges (invalid UTF-8 included).
  auto decode = [&](std::uint32_t i, std::uint32_t& next) -> Wb {
    const uint8_t b = s[i];
    if (b < 0x80) {
      next = i + 1;
      return table.ascii[b];
    }
    if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return Wb::Unsafe;
    const uint8_t c1 = s[i + 1] & 0x3F;
    if (b >= 0xD8 && b <= 0xDB) {
      next = i + 2;
      return table.arabic[((b & 0x03) << 6) | c1];
    }
    if (b == 0xC2 || b == 0xC3) {
      next = i + 2;
      return table.latin1[((b & 0x01) << 6) | c1];
    }
    if (b == 0xE2 && c1 <= 0x01 && i + 2 < n && (s[i + 2] & 0xC0) == 0x80) {
      next = i + 3;
      return table.punct[(c1 << 6) | (s[i + 2] & 0x3F)];
    }
    return Wb::Unsafe;
  };
  // The class of the first character at or after i that is not Extend.
  auto next_solid = [&](std::uint32_t i) -> Wb {
    while (i < n) {
      std::uint32_t after = 0;
      const Wb k = decode(i, after);
      if (k != Wb::Extend) return k;
      i = after;
    }
    return Wb::Break;
  };
  bool in_word = false;
  Wb last = Wb::Break;  // the class of the last character that was not Extend
  std::uint32_t word_begin = 0;
  for (std::uint32_t i = 0; i < n;) {
    std::uint32_t after = 0;
    const Wb k = decode(i, after);
    switch (k) {
      case Wb::Unsafe: return false;
      case Wb::Extend: break;  // part of whatever precedes it (or of no word)
      case Wb::Letter:
      case Wb::Digit:
        if (!in_word) in_word = true, word_begin = i;
        last = k;
        break;
      case Wb::MidNum:
      case Wb::MidWord: {
        const Wb ahead = next_solid(after);
        const bool word_both_sides = in_word && (ahead == Wb::Letter || ahead == Wb::Digit);
        if (word_both_sides) {
          // 9,000 and ٢٫٥ stay one word; a mark between letters (or a letter
          // and a digit) is where ICU tailors UAX #29: let ICU decide.
          if (k != Wb::MidNum || last != Wb::Digit || ahead != Wb::Digit) return false;
          last = k;
          break;
        }
        [[fallthrough]];
      }
      case Wb::Break:
        if (in_word) {
          split_mixed(s, word_begin, i, out);
          in_word = false;
        }
        last = k;
        {
          int32_t j = static_cast<int32_t>(i);
          UChar32 c;
          U8_NEXT(s, j, static_cast<int32_t>(n), c);
          if (is_symbol(c)) out.push_back({i, after, TokenKind::Symbol});
        }
        break;
    }
    i = after;
  }
  if (in_word) split_mixed(s, word_begin, n, out);
  return true;
}

Tokenizer::Tokenizer() : words_(prototype().clone()) {
  if (!words_) throw std::runtime_error("cannot clone ICU word BreakIterator");
}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

void Tokenizer::segment(std::string_view text, std::vector<Segment>& out) {
  if (!segment_fast(text, out)) segment_icu(text, out);
}

void Tokenizer::segment_icu(std::string_view text, std::vector<Segment>& out) {
  out.clear();
  if (text.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  words_->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    return;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t prev = words_->first();
  for (int32_t next = words_->next(); next != icu::BreakIterator::DONE; prev = next, next = words_->next()) {
    const auto b = static_cast<std::uint32_t>(prev), e = static_cast<std::uint32_t>(next);
    if (words_->getRuleStatus() == UBRK_WORD_NONE) {
      for (auto i = static_cast<int32_t>(b); i < static_cast<int32_t>(e);) {
        const auto at = static_cast<std::uint32_t>(i);
        UChar32 c;
        U8_NEXT(s, i, static_cast<int32_t>(e), c);
        if (is_symbol(c)) out.push_back({at, static_cast<std::uint32_t>(i), TokenKind::Symbol});
      }
      continue;
    }
    split_mixed(s, b, e, out);
  }
  words_->setText(icu::UnicodeString());  // drop the reference to the caller's bytes
  utext_close(&ut);
}

bool parse_number(std::string_view norm, double& value) {
  if (norm.empty() || norm.front() < '0' || norm.front() > '9') return false;
  // Collect digit groups and separators.
  std::string digits;
  digits.reserve(norm.size());
  int commas = 0, dots = 0;
  std::size_t last_sep = std::string_view::npos;
  bool groups_of_three = true;
  for (std::size_t i = 0; i < norm.size(); ++i) {
    const char c = norm[i];
    if (c >= '0' && c <= '9') continue;
    if (c != ',' && c != '.') return false;
    if (i + 1 >= norm.size() || norm[i + 1] < '0' || norm[i + 1] > '9') return false;
    (c == ',' ? commas : dots)++;
    std::size_t j = i + 1;
    while (j < norm.size() && norm[j] >= '0' && norm[j] <= '9') ++j;
    if (j - i - 1 != 3) groups_of_three = false;
    last_sep = i;
  }
  if (commas + dots == 0) {
    digits.assign(norm);
  } else if (groups_of_three && !(commas == 0 && dots == 1) && !(commas > 0 && dots > 0)) {
    // 9,000 / 1,250,000 / 9.000.000 : thousands separators
    for (char c : norm) if (c >= '0' && c <= '9') digits.push_back(c);
  } else if (commas + dots == 1) {
    // 2.5 / 2,5 / 9.000 (a single dot is a decimal point: 9.000 = 9)
    for (std::size_t i = 0; i < norm.size(); ++i) digits.push_back(i == last_sep ? '.' : norm[i]);
  } else if (groups_of_three || commas + dots > 1) {
    // 1,234.5 or 1.234,5: the last separator is decimal, the others are thousands
    for (std::size_t i = 0; i < norm.size(); ++i) {
      if (i == last_sep) digits.push_back('.');
      else if (norm[i] >= '0' && norm[i] <= '9') digits.push_back(norm[i]);
    }
  }
  const char* b = digits.data();
  const char* e = b + digits.size();
  auto [p, ec] = std::from_chars(b, e, value);
  return ec == std::errc() && p == e;
}

void canonical_number(double value, std::string& out) {
  char buf[64];
  std::to_chars_result r;
  if (std::fabs(value) < 1e18 && value == std::floor(value))
    r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
  else
    r = std::to_chars(buf, buf + sizeof buf, value);  // shortest round-trip form
  out.append(buf, r.ptr);
}

}  // namespace fahras::analysis
