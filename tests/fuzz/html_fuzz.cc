// Fuzzes the HTML extractor (ingest::parse_html, gumbo) on arbitrary bytes made
// UTF-8 first, as the readers do. Invariants: title, text and date are valid UTF-8.
#include "fuzz_support.h"
#include "ingest/html.h"
#include "ingest/utf8.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string html(reinterpret_cast<const char*>(data), size);
  fahras::ingest::repair_utf8(html);
  const fahras::ingest::HtmlArticle a = fahras::ingest::parse_html(html);
  FUZZ_CHECK(fahras::fuzz::valid_utf8(a.title));
  FUZZ_CHECK(fahras::fuzz::valid_utf8(a.text));
  FUZZ_CHECK(fahras::fuzz::valid_utf8(a.date));
  return 0;
}
