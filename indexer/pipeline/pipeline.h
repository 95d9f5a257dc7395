// build_index: the indexing pipeline.
//
//   read     (serial_in_order)  DocumentSource::next -> Article
//   analyse  (parallel)         DocumentBuilder::build -> one Xapian::Document per passage;
//                               for a NEW index, also written to this thread's shard
//   write    (serial_in_order)  bookkeeping and duplicates; for an EXISTING index,
//                               IndexWriter::add (one writer, commit every K articles)
//
// A new index is written by per-thread shards merged with Xapian's compact at
// the end (ShardWriters): Xapian's writer is most of the cost of indexing and
// this is how it runs in parallel. Updating an existing index uses one writer.
//
// At most `max_in_flight` articles are between the stages at any time, so
// memory is bounded by the largest articles, not by the corpus. Each worker
// thread has its own DocumentBuilder (analyser, ICU iterator, Xapian stemmers).
// An article whose analysis throws is reported and skipped; the batch goes on.
//
// Thread safety: build_index may be called from one thread at a time per index.
#pragma once

#include "ingest/diagnostics.h"
#include "ingest/source.h"
#include "schema/document_builder.h"

#include <cstdint>
#include <functional>
#include <string>

namespace fahras::pipeline {

// What a run has done so far, for a progress display.
struct Progress {
  std::uint64_t articles = 0, passages = 0;
  std::uint64_t bytes_read = 0;                 // text bytes read (after decompression)
  std::uint64_t input_done = 0, input_total = 0;  // input file bytes (compressed for archives), for an ETA
  double seconds = 0;
};

struct IndexOptions {
  std::string index_path;
  unsigned threads = 0;              // 0: all hardware threads
  std::size_t max_in_flight = 0;     // 0: 4 per thread
  std::uint64_t commit_every = 10000;  // articles between commits (updates of an existing index)
  bool parallel_writers = true;        // new index: per-thread shards + compact (false: one writer)
  std::uint32_t shard = 0, shards = 0;  // --shard K/N: keep only articles with shard_of(id, N) == K-1 (0/0: all)
  schema::BuildOptions build;
  // Called from the pipeline's write stage, at most every `progress_every_s`.
  std::function<void(const Progress&)> on_progress;
  double progress_every_s = 0.25;
};

struct IndexSummary {
  ingest::IngestStats input;
  std::uint64_t articles = 0;    // articles written
  std::uint64_t passages = 0;    // passages written
  std::uint64_t duplicates = 0;  // articles that replaced an earlier one with the same id in this run
  std::uint64_t failed = 0;      // articles whose analysis failed
  std::uint64_t empty = 0;       // articles that gave no passage (no words)
  bool stopped = false;          // --strict: stopped at the first bad input (Diagnostics::first_bad)
  std::uint64_t index_documents = 0;  // documents in the index afterwards
  std::size_t shards = 0;             // shards built and merged (0: the single-writer path)
  std::uint64_t other_shard = 0;      // articles left to the other shards (--shard)
  double seconds = 0;
  unsigned threads = 0;
};

IndexSummary build_index(ingest::DocumentSource& source, ingest::Diagnostics& diagnostics,
                         const IndexOptions& options);

}  // namespace fahras::pipeline
