#include "pipeline/pipeline.h"

#include "pipeline/checkpoint.h"
#include "pipeline/id_set.h"
#include "pipeline/in_flight_budget.h"
#include "pipeline/index_writer.h"
#include "pipeline/shard_writers.h"
#include "schema/schema.h"

#include <tbb/concurrent_queue.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <sys/statvfs.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_set>
#include <vector>

namespace fahras::pipeline {
namespace {

// Whether the file system that holds `path` (or the nearest folder above it that
// exists) has less than 1 MB left for unprivileged writes: Xapian's error after
// a full disk is not always "No space left on device" (another shard of the run
// may report its database closed first), so the message says it when it is so.
bool file_system_full(const std::string& path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(path, ec);
  while (!p.empty() && !std::filesystem::exists(p, ec)) p = p.parent_path();
  struct statvfs st {};
  if (p.empty() || ::statvfs(p.c_str(), &st) != 0) return false;
  return static_cast<unsigned long long>(st.f_bavail) * st.f_frsize < (1ull << 20);
}

// One article on its way through the pipeline. Recycled, so its buffers keep
// their capacity from one article to the next.
struct Work {
  schema::Article article;
  std::vector<Xapian::Document> passages;
  std::string error;       // set by the analyse stage when it failed
  bool duplicate = false;  // its id came earlier in this run (set by the input stage)
  bool present = false;    // resuming a shard build: its id may be in the shards already
  bool written = false;    // written by the parallel stage (shard path)
  std::uint64_t text_bytes = 0;  // counted in the InFlightBudget while in flight
  ingest::SourcePosition position;  // the source's position after it
  std::uint64_t input_done = 0, bytes_read = 0;  // the source's progress when it was read
};

std::string count(std::uint64_t n, const char* what) { return std::to_string(n) + " " + what; }

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1048576.0);
  return buf;
}

}  // namespace

IndexSummary build_index(ingest::DocumentSource& source, ingest::Diagnostics& diag, const IndexOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary summary;
  summary.threads = options.threads != 0 ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, summary.threads);
  // One thread gains nothing from more articles in flight (it does every stage itself).
  const std::size_t in_flight = options.max_in_flight != 0 ? options.max_in_flight
                                : summary.threads == 1    ? 4
                                                          : std::size_t{128} * summary.threads;
  std::optional<InFlightBudget> budget;
  if (options.max_in_flight == 0 && summary.threads > 1) budget.emplace(4 * summary.threads, kInFlightTextBudget);
  const std::string& path = options.index_path;

  // Read by Xapian when a writable database is opened. Not thread-safe
  // (setenv): set here, before this run opens any database or starts a thread.
  if (options.flush_threshold != 0 && std::getenv("XAPIAN_FLUSH_THRESHOLD") == nullptr)
    ::setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(options.flush_threshold).c_str(), 1);

  // The target is opened first: holding it holds the index's write lock.
  const std::string shard_spec =
      options.shards != 0 ? std::to_string(options.shard) + "/" + std::to_string(options.shards) : std::string();
  std::string recreated;
  std::unique_ptr<Xapian::WritableDatabase> db = open_index(path, shard_spec, options.build.positions, &recreated);
  if (!recreated.empty()) summary.recovered.push_back(recreated);
  ShardWriters::remove_leftovers(path);
  const bool new_index = db->get_doccount() == 0;

  // This run, and what an earlier unfinished run left (docs/INGESTION.md).
  RunRecord run = describe_run(source, options.run_options);
  run.prune_mark = db->get_lastdocid();
  bool reads_stdin = false;
  for (const auto& in : source.inputs()) reads_stdin = reads_stdin || in.path == "-";
  std::optional<ingest::SourcePosition> resume_at;
  auto resume = [&](const RunRecord& earlier, const Checkpoint& c, const char* what) {
    if (reads_stdin) throw UnfinishedRun("cannot resume " + path + ": a run that reads standard input cannot be resumed");
    const std::string diff = earlier.differs(run);
    if (!diff.empty())
      throw UnfinishedRun("cannot resume the " + std::string(what) + " of " + path + " started " + earlier.started +
                          " with other inputs: " + diff +
                          "; give the same inputs and options, or --restart to start over");
    run.id = earlier.id;
    run.started = earlier.started;
    run.prune_mark = earlier.prune_mark;
    resume_at = c.position;
    summary.resumed = true;
    summary.resumed_at = c.position.ordinal;
    summary.resumed_from = earlier.started;
  };

  const ShardsState leftover = ShardWriters::inspect(path);
  bool use_shards = new_index && options.parallel_writers;
  ShardWriters::Mode mode = ShardWriters::Mode::Fresh;
  if (new_index && leftover.checkpoint && leftover.run) {
    // An interrupted shard build with committed work.
    const std::string what = "an unfinished build started " + leftover.run->started + " (" +
                             count(leftover.checkpoint->position.ordinal, "articles") + " of its inputs committed, " +
                             leftover.checkpoint->time + ")";
    switch (options.unfinished) {
      case Unfinished::Refuse:
        throw UnfinishedRun(path + " has " + what + ": run again with --resume to continue it, or --restart to start over");
      case Unfinished::Restart:
        summary.note = "discarded " + what;
        ShardWriters::discard(path, options.on_step);  // also when this run writes with one writer
        break;
      case Unfinished::Resume:
        resume(*leftover.run, *leftover.checkpoint, "build");
        use_shards = true;
        mode = ShardWriters::Mode::Resume;
        break;
    }
  } else {
    // Shards with nothing committed (killed before the first checkpoint), or
    // stale ones next to an index merged since: nothing to keep.
    if (leftover.exists) {
      if (new_index)
        summary.recovered.push_back("discarded the shards of an earlier build of " + path +
                                    " that had no complete checkpoint (interrupted before its first one)");
      ShardWriters::discard(path, options.on_step);
    }
    const auto earlier = RunRecord::from_json(db->get_metadata(std::string(kMetaRun)));
    const auto last = Checkpoint::from_json(db->get_metadata(std::string(kMetaCheckpoint)));
    const bool unfinished = earlier && last && last->run == earlier->id && !last->done;
    if (options.unfinished == Unfinished::Resume) {
      if (unfinished) {
        resume(*earlier, *last, "run");
        use_shards = false;  // the index holds documents: the single writer replaces them
      } else if (earlier && last && last->run == earlier->id && earlier->differs(run).empty()) {
        summary.nothing_to_resume = true;
        summary.note = "nothing to resume: the run over these inputs started " + earlier->started + " finished " + last->time;
        summary.index_documents = db->get_doccount();
        return summary;
      } else {
        summary.note = "nothing to resume: indexing from the start";
      }
    } else if (unfinished && options.unfinished == Unfinished::Refuse) {
      summary.note = "the index had an unfinished run started " + earlier->started + " (" +
                     count(last->position.ordinal, "articles") +
                     " of its inputs committed); this run indexes its inputs from the start (--resume continues a run)";
    }
  }

  if (!use_shards && !new_index && without_termlists(path))
    throw std::runtime_error(path + " was built with --no-termlist: Xapian cannot replace or delete its passages, so it "
                             "cannot be updated; rebuild it into a new folder (or remove it first)");
  if (!options.termlists && !use_shards)
    throw std::runtime_error(new_index ? std::string("--no-termlist builds with parallel writers, not --single-writer")
                                       : path + " holds passages already: --no-termlist builds a new index only (an "
                                                "index without termlists cannot be updated)");
  const std::string run_json = run.to_json();
  std::unique_ptr<ShardWriters> shards;
  std::unique_ptr<IndexWriter> writer;
  std::unordered_set<std::string> present;  // resuming a shard build: keys the shards may hold
  if (use_shards) {
    shards = std::make_unique<ShardWriters>(path, std::move(db), mode, options.sync,
                                            Metadata{{std::string(kMetaRun), run_json}});
    shards->set_step_hook(options.on_step);
    shards->set_segment_size(options.segment_passages);
    shards->set_termlists(options.termlists);
    // Without termlists every add is a transaction, which Xapian's own flush
    // does not commit: the shards are committed here.
    shards->set_flush_every(options.flush_threshold != 0                                  ? options.flush_threshold
                            : options.segment_passages != 0 || !options.termlists ? IndexOptions::kSegmentFlush
                                                                                   : 0);
    summary.recovered.insert(summary.recovered.end(), shards->notes().begin(), shards->notes().end());
    if (resume_at) present = shards->keys();
  } else {
    writer = std::make_unique<IndexWriter>(std::move(db));
  }
  if (resume_at) source.seek(*resume_at);

  bool run_recorded = false;  // single writer: the run record goes with the first commit
  ingest::SourcePosition committed = resume_at.value_or(ingest::SourcePosition{});
  auto commit = [&](const ingest::SourcePosition& at, bool done) {
    Metadata metadata;
    if (writer && !run_recorded) metadata.emplace_back(std::string(kMetaRun), run_json);
    metadata.emplace_back(std::string(kMetaCheckpoint), Checkpoint{run.id, at, done, utc_now()}.to_json());
    if (shards) shards->commit(metadata);
    else writer->commit(metadata);
    run_recorded = true;
    committed = at;
    ++summary.commits;
  };
  auto write_error = [&](std::string what) {
    if (what.find("No space left on device") == std::string::npos && file_system_full(path))
      what += " (No space left on device: the index's file system is full)";
    return WriteError("writing " + path + " failed: " + what + "; the index keeps its last commit (" +
                      count(committed.ordinal, "articles") + " of the inputs): fix the cause and run again with --resume");
  };

  tbb::enumerable_thread_specific<schema::DocumentBuilder> builders(
      [&] { return schema::DocumentBuilder(options.build); });
  std::vector<std::unique_ptr<Work>> owned;  // touched by the serial input stage only
  tbb::concurrent_queue<Work*> free_list;
  IdSet seen;                                // article keys of this run (input stage only)
  auto last_progress = start;                // write stage only
  ingest::SourcePosition last = committed;   // write stage: position after the last article through it
  std::uint64_t since_commit = 0;            // write stage
  const std::uint64_t commit_every = options.commit_every == 0 ? 1 : options.commit_every;

  try {
  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Work*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Work* {
                                      Work* w = nullptr;
                                      if (!free_list.try_pop(w)) {
                                        owned.push_back(std::make_unique<Work>());
                                        w = owned.back().get();
                                      }
                                      if (budget) budget->wait_for_room();
                                      for (;;) {
                                        if (diag.stopped() || !source.next(w->article) || diag.stopped()) {
                                          free_list.push(w);
                                          fc.stop();
                                          return nullptr;
                                        }
                                        if (options.max_article_bytes != 0 &&
                                            w->article.text.size() > options.max_article_bytes) {
                                          diag.report(ingest::Outcome::Skipped, w->article.origin,
                                                      "article of " + megabytes(w->article.text.size()) +
                                                          " is over the limit of " +
                                                          megabytes(options.max_article_bytes) +
                                                          " (--max-article-size)");
                                          ++summary.too_large;
                                          w->article.text = std::string();  // its memory too
                                          continue;
                                        }
                                        if (options.shards == 0 ||
                                            schema::shard_of(w->article.id, options.shards) + 1 == options.shard)
                                          break;
                                        ++summary.other_shard;
                                      }
                                      w->position = source.position();
                                      w->duplicate = false;
                                      w->present = false;
                                      if (shards) {
                                        std::string key = schema::article_key(w->article.id);
                                        w->present = !present.empty() && present.count(key) != 0;
                                        w->duplicate = !seen.insert(key);
                                      }
                                      w->input_done = source.bytes_done();
                                      w->bytes_read = diag.stats.bytes;
                                      w->text_bytes = w->article.text.size() + w->article.title.size();
                                      if (budget) budget->enter(w->text_bytes);
                                      return w;
                                    }) &
          tbb::make_filter<Work*, Work*>(tbb::filter_mode::parallel,
                                         [&](Work* w) {
                                           w->error.clear();
                                           w->written = false;
                                           try {
                                             builders.local().build(w->article, w->passages);
                                           } catch (const std::exception& e) {
                                             w->passages.clear();
                                             w->error = e.what();
                                           } catch (const Xapian::Error& e) {
                                             w->passages.clear();
                                             w->error = e.get_description();
                                           }
                                           // Duplicates wait for the in-order stage: the earlier
                                           // copy must be written before it is replaced. A write
                                           // error (full disk) stops the pipeline.
                                           if (shards && !w->duplicate && !w->present && !w->passages.empty()) {
                                             shards->add(w->passages);
                                             w->written = true;
                                           }
                                           return w;
                                         }) &
          tbb::make_filter<Work*, void>(tbb::filter_mode::serial_in_order, [&](Work* w) {
            if (!w->error.empty()) {
              diag.report(ingest::Outcome::Skipped, w->article.origin, "analysis failed: " + w->error);
              ++summary.failed;
            } else if (w->passages.empty()) {
              diag.report(ingest::Outcome::Skipped, w->article.origin, "no passages (no words)");
              ++summary.empty;
            } else {
              bool replaced = false, indexed = true;
              if (shards && !shards->termlists() && w->duplicate) {
                // No passage can be deleted: the first article with an id is kept.
                diag.report(ingest::Outcome::Duplicate, w->article.origin,
                            "duplicate id \"" + w->article.id +
                                "\": skipped, the first article with this id is kept (--no-termlist cannot replace it)");
                ++summary.duplicates;
                indexed = false;
              } else if (shards && !shards->termlists()) {
                // Resuming: the shards hold it, whole (each article is added in
                // one transaction); nothing to do.
              } else if (shards) {
                if (!w->written) {
                  // A duplicate, or (resuming) an article the shards may hold already.
                  shards->replace(std::string(schema::kPrefixArticle) + schema::article_key(w->article.id), w->passages);
                  replaced = w->duplicate;
                }
              } else {
                replaced = writer->add(w->article, w->passages);
              }
              if (replaced) {
                diag.report(ingest::Outcome::Replaced, w->article.origin,
                            "duplicate id \"" + w->article.id + "\": replaces the earlier article");
                ++summary.duplicates;
              }
              if (indexed) ++summary.articles;
            }
            last = w->position;
            if (++since_commit >= commit_every) {
              commit(last, false);
              since_commit = 0;
            }
            if (options.on_progress) {
              const auto now = std::chrono::steady_clock::now();
              if (std::chrono::duration<double>(now - last_progress).count() >= options.progress_every_s) {
                last_progress = now;
                options.on_progress({summary.articles, shards ? shards->passages_added() : writer->passages_added(),
                                     w->bytes_read, w->input_done, source.bytes_total(),
                                     std::chrono::duration<double>(now - start).count()});
              }
            }
            w->passages.clear();
            if (budget) budget->leave(w->text_bytes);
            free_list.push(w);
          }));
  } catch (const Xapian::Error& e) {
    throw write_error(shards && !shards->first_error().empty() ? shards->first_error() : e.get_description());
  }

  summary.stopped = diag.stopped();
  // Where the run ends: everything read, or (--strict) the last article written.
  const ingest::SourcePosition end = summary.stopped ? last : source.position();
  const bool done = !summary.stopped;
  try {
    if (shards) {
      summary.shards = shards->shards();
      summary.passages = shards->passages_added();
      const auto finish_start = std::chrono::steady_clock::now();
      summary.index_documents =
          shards->finish({{std::string(kMetaCheckpoint), Checkpoint{run.id, end, done, utc_now()}.to_json()}});
      summary.finish_seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - finish_start).count();
      ++summary.commits;
    } else {
      if (options.prune) {
        if (summary.stopped) summary.prune_skipped = "the run stopped at a bad input (--strict)";
        else if (diag.stats.skipped_files != 0)
          summary.prune_skipped = count(diag.stats.skipped_files, "inputs") + " could not be read";
        else std::tie(summary.pruned_articles, summary.pruned_passages) = writer->prune(run.prune_mark);
      }
      commit(end, done);
      summary.passages = writer->passages_added();
      summary.index_documents = writer->doccount();
    }
  } catch (const Xapian::Error& e) {
    throw write_error(shards && !shards->first_error().empty() ? shards->first_error() : e.get_description());
  }
  summary.input = diag.stats;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace fahras::pipeline
