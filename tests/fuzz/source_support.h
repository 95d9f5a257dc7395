// DocumentSource reads files only, so the source fuzzers write each input once
// to a scratch file and give the reader symbolic links to it, one per extension
// (the extension picks the reader). The folder is under $TMPDIR (scripts/fuzz
// points it at its scratch folder), one per process, removed at exit.
#pragma once

#include "fuzz_support.h"
#include "ingest/diagnostics.h"
#include "ingest/source.h"
#include "schema/article.h"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::fuzz {

class ScratchInputs {
 public:
  explicit ScratchInputs(std::initializer_list<std::string_view> names) {
    namespace fs = std::filesystem;
    dir_ = fs::temp_directory_path() / ("fahras-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    data_ = dir_ / "data";
    for (std::string_view name : names) {
      const fs::path link = dir_ / name;
      fs::remove(link);
      fs::create_symlink("data", link);
      paths_.push_back(link);
    }
  }
  ~ScratchInputs() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  // Writes the input; returns the links to read it through.
  const std::vector<std::filesystem::path>& write(const std::uint8_t* data, std::size_t size) {
    std::ofstream out(data_, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    FUZZ_CHECK(out.good());
    return paths_;
  }

 private:
  std::filesystem::path dir_, data_;
  std::vector<std::filesystem::path> paths_;
};

// Reads every article of `inputs` (not strict: bad records are skipped and
// counted), checking what each reader promises about an article.
inline void drain(const std::vector<std::filesystem::path>& inputs) {
  ingest::Diagnostics diagnostics([](ingest::Outcome, std::string_view where, std::string_view why) {
    FUZZ_CHECK(!where.empty() && !why.empty());
  });
  ingest::DocumentSource source(inputs, ingest::SourceOptions{}, diagnostics);
  schema::Article a;
  std::uint64_t n = 0;
  while (source.next(a)) {
    ++n;
    FUZZ_CHECK(!a.id.empty());
    FUZZ_CHECK(!a.origin.empty());
    FUZZ_CHECK(valid_utf8(a.text));
    FUZZ_CHECK(valid_utf8(a.title));
    FUZZ_CHECK(a.text.find('\0') == std::string::npos);
    FUZZ_CHECK(source.bytes_done() <= source.bytes_total());
  }
  FUZZ_CHECK(!diagnostics.stopped());
  FUZZ_CHECK(diagnostics.stats.articles == n);
}

}  // namespace fahras::fuzz
