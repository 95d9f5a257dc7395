// Checkpoints: what a run has committed, stored in the index it writes.
//
// A run records two user-metadata entries (docs/SCHEMA.md, "Run metadata"),
// written with set_metadata before each commit, so they are part of the same
// Xapian transaction as the documents they describe:
//
//   fahras.run         RunRecord: the run's id, start time, the options that
//                      shape documents, and every input file (path, size,
//                      mtime): what --resume compares with its own inputs.
//   fahras.checkpoint  Checkpoint: the source position (ingest::SourcePosition)
//                      up to which every article is committed, and whether
//                      the run finished.
//
// On the single-writer path they live in the index; while a new index is
// built by shards, in every shard (each commits its own copy; resuming starts
// from the oldest).
//
// Thread safety: plain values and pure functions.
#pragma once

#include "ingest/source.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::pipeline {

inline constexpr std::string_view kMetaRun = "fahras.run";
inline constexpr std::string_view kMetaCheckpoint = "fahras.checkpoint";

struct InputFile {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const InputFile&) const = default;
};

// What a run indexes: fixed for the run.
struct RunRecord {
  std::string id;       // random, 16 hex digits
  std::string started;  // UTC, ISO 8601
  std::string options;  // the options that shape documents (fields, encoding, passages, shard)
  std::vector<InputFile> files;
  std::uint64_t prune_mark = 0;  // the index's last docid before the run: older documents were not rewritten by it

  std::string to_json() const;
  static std::optional<RunRecord> from_json(std::string_view json);

  // Empty when `now` reads the same inputs with the same options, else a
  // sentence naming the first difference.
  std::string differs(const RunRecord& now) const;
};

// The inputs of `source`, as a RunRecord (id and start time filled in).
RunRecord describe_run(const ingest::DocumentSource& source, std::string options);

struct Checkpoint {
  std::string run;  // RunRecord::id
  ingest::SourcePosition position;  // every article before it is committed
  bool done = false;                // the run read all its inputs (and merged, on the shard path)
  std::string time;                 // UTC, ISO 8601, of the commit

  std::string to_json() const;
  static std::optional<Checkpoint> from_json(std::string_view json);
};

std::string utc_now();

}  // namespace fahras::pipeline
