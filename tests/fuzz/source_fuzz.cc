// Fuzzes the DocumentSource readers of plain files: the same bytes are read as
// .txt (a text article, or TREC when it starts with <DOC>), .jsonl, .json
// (array or object), .trec and .html, with a non-strict Diagnostics: bad input
// must be reported and skipped, never crash or throw. See source_support.h.
#include "source_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fahras::fuzz::ScratchInputs scratch{"in.txt", "in.jsonl", "in.json", "in.trec", "in.html"};
  fahras::fuzz::drain(scratch.write(data, size));
  return 0;
}
