// Diagnostics: how readers report bad input without printing or stopping.
//
// A reader that meets a bad file or record calls report() with where (file, or
// file:line) and why, and says whether it skipped or repaired it; the caller's
// sink decides what to show (fahras-index prints one line on stderr). Counters
// feed the final summary.
//
// Thread safety: report() and the strict state may be used from several threads
// (the pipeline's input and write stages run concurrently); `stats` is written
// by the readers only (the input stage), and read once the run is over.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <functional>
#include <string>
#include <string_view>

namespace fahras::ingest {

// Duplicate: an article whose id came earlier in the run, skipped because the
// index cannot replace the first (--no-termlist); not a bad input for --strict.
enum class Outcome { Skipped, Repaired, Replaced, Converted, Duplicate };

struct IngestStats {
  std::uint64_t files = 0;            // input files opened
  std::uint64_t bytes = 0;            // bytes read from them
  std::uint64_t articles = 0;         // records produced
  std::uint64_t skipped_files = 0;    // inputs that could not be read at all
  std::uint64_t skipped_records = 0;  // records dropped (malformed, no text, …)
  std::uint64_t repaired = 0;         // records indexed after a repair (invalid UTF-8, NUL bytes)
  std::uint64_t converted = 0;        // files (or lines) read from another encoding than UTF-8
  std::uint64_t ignored_files = 0;    // files in folders with an extension fahras does not read
};

class Diagnostics {
 public:
  using Sink = std::function<void(Outcome, std::string_view where, std::string_view why)>;
  explicit Diagnostics(Sink sink = {}) : sink_(std::move(sink)) {}

  void report(Outcome outcome, std::string_view where, std::string_view why) {
    std::lock_guard lock(mutex_);
    if (strict_ && outcome == Outcome::Skipped && !stopped_) {
      first_bad_ = std::string(where) + ": " + std::string(why);
      stopped_ = true;
    }
    if (sink_) sink_(outcome, where, why);
  }

  // Strict mode: the first skipped input asks the run to stop (see stopped()).
  void set_strict(bool strict) { strict_ = strict; }
  bool stopped() const { return stopped_; }
  std::string first_bad() const {  // "where: why" of what stopped it
    std::lock_guard lock(mutex_);
    return first_bad_;
  }

  IngestStats stats;

 private:
  Sink sink_;
  mutable std::mutex mutex_;
  bool strict_ = false;
  std::atomic<bool> stopped_{false};
  std::string first_bad_;
};

}  // namespace fahras::ingest
