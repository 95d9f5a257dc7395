#include "ingest/utf8.h"

#include "analysis/utf8.h"

#include <simdjson.h>

#include <cstring>

namespace fahras::ingest {

RepairResult repair_utf8(std::string& text) {
  RepairResult r;
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.erase(0, 3);
  const bool has_nul = std::memchr(text.data(), 0, text.size()) != nullptr;
  if (!has_nul && simdjson::validate_utf8(text.data(), text.size())) return r;
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      out.push_back(' ');
      ++r.nuls;
      ++i;
      continue;
    }
    const std::size_t n = analysis::utf8_sequence_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++r.invalid;
      ++i;
      while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;  // rest of the bad sequence
      continue;
    }
    out.append(text, i, n);
    i += n;
  }
  text.swap(out);
  return r;
}

}  // namespace fahras::ingest
