// Fuzzes the DocumentSource archive readers (libarchive): the same bytes are
// read as an archive (in.tar: every format and filter libarchive knows, so
// zip, tar, tar.gz … seeds all apply; .zip takes the same path) and as single
// compressed files (in.jsonl.gz, in.txt.gz: raw format, any filter), with a
// non-strict Diagnostics. See source_support.h.
#include "source_support.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static fahras::fuzz::ScratchInputs scratch{"in.tar", "in.jsonl.gz", "in.txt.gz"};
  fahras::fuzz::drain(scratch.write(data, size));
  return 0;
}
