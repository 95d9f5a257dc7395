#include "analysis/tokenizer.h"

#include <unicode/brkiter.h>
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

}  // namespace

Tokenizer::Tokenizer() : words_(prototype().clone()) {
  if (!words_) throw std::runtime_error("cannot clone ICU word BreakIterator");
}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

void Tokenizer::segment(std::string_view text, std::vector<Segment>& out) {
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
