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
// memory is bounded by the largest articles, not by the corpus. By default
// (0) that is 4 per thread whatever their size, and up to 128 per thread while
// the articles in flight hold less than kInFlightTextBudget of text: a thread
// that flushes its shard (a few hundred ms) holds back the in-order stage, and
// the other threads go on only while they have articles to take (measured:
// docs/BENCHMARKS.md, "In-flight articles"). Each worker
// thread has its own DocumentBuilder (analyser, ICU iterator, Xapian stemmers).
// An article whose analysis throws is reported and skipped; the batch goes on.
//
// Checkpoints (checkpoint.h, docs/INGESTION.md): every `commit_every` articles
// the write stage commits, recording in the same transaction the source
// position up to which every article is in the index. An interrupted run (a
// crash, kill -9, power loss, a full disk) is continued by a run with
// `unfinished = Resume` over the same inputs: it skips what is committed and
// ends with exactly the documents of an uninterrupted run.
//
// Errors: Xapian exceptions while opening the index (locked, unwritable);
// UnfinishedRun when the state of the index forbids the run (see Unfinished);
// WriteError when writing fails midway (full disk…): the index keeps its last
// commit.
//
// Thread safety: build_index may be called from one thread at a time per index.
#pragma once

#include "ingest/diagnostics.h"
#include "ingest/source.h"
#include "schema/document_builder.h"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::pipeline {

// What a run has done so far, for a progress display.
struct Progress {
  std::uint64_t articles = 0, passages = 0;
  std::uint64_t bytes_read = 0;                 // text bytes read (after decompression)
  std::uint64_t input_done = 0, input_total = 0;  // input file bytes (compressed for archives), for an ETA
  double seconds = 0;
};

// What to do with an unfinished run found in the index (a build interrupted
// after its first checkpoint).
enum class Unfinished {
  Refuse,   // an unfinished shard build: throw UnfinishedRun (its committed work would be lost);
            // an unfinished update of an existing index: run anyway (it is consistent)
  Resume,   // continue it (same inputs and options, else UnfinishedRun); nothing unfinished: run
  Restart,  // discard it and run from the start
};

// The default in-flight limit's text budget (see above): one article of the
// largest size read by default (--max-article-size 8 MB), or about 2,400 of
// SaudiNewsNet's (3.5 KB of text each).
inline constexpr std::uint64_t kInFlightTextBudget = 8u << 20;

struct IndexOptions {
  std::string index_path;
  unsigned threads = 0;              // 0: all hardware threads
  std::size_t max_in_flight = 0;     // 0: 4 per thread, up to 128 per thread under the text budget (above)
  std::uint64_t commit_every = 10000;  // articles between commits (checkpoints)
  bool sync = true;                    // fsync each commit (false: survives a crash, not a power loss)
  Unfinished unfinished = Unfinished::Refuse;
  bool prune = false;                  // afterwards, delete articles of the index this run did not (re)index
  std::string run_options;             // the options that shape documents, as text (checked by Resume)
  std::uint64_t max_article_bytes = 8u << 20;  // longer articles are reported and skipped (memory); 0: no limit
  bool parallel_writers = true;        // new index: per-thread shards + compact (false: one writer)
  // New index: a thread's shard database takes about this many passages, then
  // the thread starts another; all are compacted at the end (0: one per
  // thread). Xapian's cost of a flush grows with the database it goes into, so
  // many small shards, each flushed often, are faster and leaner than one per
  // thread (docs/BENCHMARKS.md).
  std::uint64_t segment_passages = 20000;
  // Writers commit every this many passages: Xapian's XAPIAN_FLUSH_THRESHOLD
  // for this process (unless the environment sets it), and the shards' own
  // commits between articles. 0: shard builds with segments commit each shard
  // every kSegmentFlush passages; other writers flush at Xapian's default
  // (10000 documents), better for one large database.
  std::uint32_t flush_threshold = 0;
  static constexpr std::uint32_t kSegmentFlush = 2000;
  // false: a new index without Xapian's termlists (--no-termlist; shard builds
  // only, else std::runtime_error): faster and smaller, but it can never be
  // updated, and of articles that share an id the first is kept (the later
  // ones are reported and skipped), since no passage can be deleted.
  bool termlists = true;
  std::uint32_t shard = 0, shards = 0;  // --shard K/N: keep only articles with shard_of(id, N) == K-1 (0/0: all)
  schema::BuildOptions build;
  // Called from the pipeline's write stage, at most every `progress_every_s`.
  std::function<void(const Progress&)> on_progress;
  double progress_every_s = 0.25;
  // Tests: called at each step of finishing a shard build ("committed",
  // "compacted", "set aside", "swapped", "merged", "discarding"; see
  // ShardWriters); throwing from it leaves the state a crash there leaves.
  std::function<void(std::string_view step)> on_step;
};

struct IndexSummary {
  ingest::IngestStats input;
  std::uint64_t articles = 0;    // articles written
  std::uint64_t passages = 0;    // passages written
  std::uint64_t duplicates = 0;  // articles that replaced an earlier one with the same id in this run
  std::uint64_t failed = 0;      // articles whose analysis failed
  std::uint64_t empty = 0;       // articles that gave no passage (no words)
  std::uint64_t too_large = 0;   // articles over max_article_bytes
  bool stopped = false;          // --strict: stopped at the first bad input (Diagnostics::first_bad)
  std::uint64_t index_documents = 0;  // documents in the index afterwards
  std::size_t shards = 0;             // shards built and merged (0: the single-writer path)
  std::uint64_t other_shard = 0;      // articles left to the other shards (--shard)
  double seconds = 0;
  double finish_seconds = 0;  // of `seconds`: the shards' last commit and their merge (compaction)
  unsigned threads = 0;
  // Checkpoints and resuming.
  std::uint64_t commits = 0;          // checkpoints committed
  bool resumed = false;               // continued an unfinished run
  std::uint64_t resumed_at = 0;       // articles of the inputs already committed then
  std::string resumed_from;           // when that run started (UTC)
  bool nothing_to_resume = false;     // Resume: the last run over these inputs had finished (nothing done)
  std::string note;                   // what the run decided about an earlier unfinished run, if anything
  std::vector<std::string> recovered;  // what a crash had left that the run repaired (an index or shards
                                       // whose creation was interrupted), for stderr
  std::uint64_t pruned_articles = 0, pruned_passages = 0;
  std::string prune_skipped;          // why --prune did not prune, if it did not
};

// The index's state forbids the run: an unfinished build (Refuse), or inputs
// that differ from the unfinished run's (Resume). what() says which and how.
struct UnfinishedRun : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writing failed midway (full disk, I/O error): what() names the cause and
// that the index keeps its last commit, for --resume.
struct WriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

IndexSummary build_index(ingest::DocumentSource& source, ingest::Diagnostics& diagnostics,
                         const IndexOptions& options);

}  // namespace fahras::pipeline
