// Encodings: BOMs, detection of legacy Arabic code pages, forced encodings.
#include "ingest/encoding.h"
#include "ingest/source.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <fstream>

using namespace fahras;
namespace fs = std::filesystem;

namespace {

// A real news sentence, long enough for a detector to judge (as a file would be).
const std::string kArabic =
    "أعلنت وزارة الداخلية اعتقال أكثر من 9000 شخص في عمليات أمنية خلال العام الماضي في مختلف "
    "المناطق، وقالت إن التحقيقات ما زالت جارية مع الموقوفين، وإن عددا منهم سيحال إلى القضاء قريبا.\n"
    "وأضاف البيان أن الأجهزة الأمنية ضبطت كميات كبيرة من الأسلحة والذخائر في المداهمات الأخيرة.\n";

std::string encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(encoding, &status);
  REQUIRE(U_SUCCESS(status));
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(u.length()) * 4 + 8, '\0');
  const int32_t n = u.extract(out.data(), static_cast<int32_t>(out.size()), cnv, status);
  ucnv_close(cnv);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

}  // namespace

TEST_CASE("bytes in a legacy or BOM-marked encoding become the same UTF-8 text", "[encoding]") {
  struct Case {
    const char* name;
    std::string bytes;
    const char* expected_encoding;  // as reported; "" = already UTF-8
  };
  const Case cases[] = {
      {"UTF-8", kArabic, ""},
      {"UTF-8 with BOM", "\xEF\xBB\xBF" + kArabic, ""},
      {"UTF-16LE with BOM", "\xFF\xFE" + encode(kArabic, "UTF-16LE"), "UTF-16LE"},
      {"UTF-16BE with BOM", "\xFE\xFF" + encode(kArabic, "UTF-16BE"), "UTF-16BE"},
      {"windows-1256 (detected)", encode(kArabic, "windows-1256"), "windows-1256"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    std::string bytes = c.bytes;
    const ingest::DecodeResult r = ingest::decode_to_utf8(bytes);
    CHECK(bytes == kArabic);
    CHECK(r.encoding == c.expected_encoding);
    CHECK(r.invalid == 0);
  }
}

TEST_CASE("ISO-8859-6 is detected as an Arabic code page and its letters survive", "[encoding]") {
  // ISO-8859-6 has no Arabic-Indic punctuation «،» in the same place as 1256, and
  // detectors may name either; what matters is that the Arabic words come back.
  const std::string plain = "اعلنت وزارة الداخلية اعتقال اكثر من 9000 شخص في عمليات امنية خلال العام الماضي "
                            "في مختلف المناطق وقالت ان التحقيقات ما زالت جارية مع الموقوفين في السجون المركزية\n";
  std::string bytes = encode(plain, "ISO-8859-6");
  const ingest::DecodeResult r = ingest::decode_to_utf8(bytes);
  CHECK_FALSE(r.encoding.empty());
  CHECK(bytes.find("وزارة الداخلية") != std::string::npos);
  CHECK(bytes.find("9000") != std::string::npos);
}

TEST_CASE("a forced encoding is applied, an unknown one is refused up front", "[encoding]") {
  std::string bytes = encode(kArabic, "windows-1256");
  CHECK(ingest::decode_to_utf8(bytes, "windows-1256").encoding == "windows-1256");
  CHECK(bytes == kArabic);
  std::string other = "abc";
  CHECK_THROWS_AS(ingest::decode_to_utf8(other, "no-such-encoding"), std::invalid_argument);
  ingest::Diagnostics diag;
  CHECK_THROWS_AS(ingest::DocumentSource({}, {.fields = {}, .encoding = "no-such-encoding"}, diag),
                  std::invalid_argument);
}

TEST_CASE("a windows-1256 text file is indexed as Arabic and the conversion is reported", "[encoding][ingest]") {
  const fahras::test::TempDir tmp;
  const fs::path dir = tmp.path();
  tmp.write("legacy.txt", encode(kArabic, "windows-1256"));
  std::vector<std::string> reports;
  ingest::Diagnostics diag([&](ingest::Outcome o, std::string_view where, std::string_view why) {
    if (o == ingest::Outcome::Converted) reports.push_back(std::string(where) + " | " + std::string(why));
  });
  ingest::DocumentSource source({dir}, {}, diag);
  schema::Article a;
  REQUIRE(source.next(a));
  CHECK(a.text == kArabic);
  CHECK(diag.stats.converted == 1);
  REQUIRE(reports.size() == 1);
  CHECK(reports[0].find("legacy.txt") != std::string::npos);
  CHECK(reports[0].find("windows-1256") != std::string::npos);
}
