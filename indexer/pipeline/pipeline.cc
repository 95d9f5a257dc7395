#include "pipeline/pipeline.h"

#include "pipeline/index_writer.h"
#include "pipeline/shard_writers.h"
#include "schema/schema.h"

#include <tbb/concurrent_queue.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <chrono>
#include <memory>
#include <unordered_set>
#include <vector>

namespace fahras::pipeline {
namespace {

// One article on its way through the pipeline. Recycled, so its buffers keep
// their capacity from one article to the next.
struct Work {
  schema::Article article;
  std::vector<Xapian::Document> passages;
  std::string error;       // set by the analyse stage when it failed
  bool duplicate = false;  // its id came earlier in this run (set by the input stage)
  bool written = false;    // written by the parallel stage (shard path)
  std::uint64_t input_done = 0, bytes_read = 0;  // the source's progress when it was read
};

}  // namespace

IndexSummary build_index(ingest::DocumentSource& source, ingest::Diagnostics& diag, const IndexOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary summary;
  summary.threads = options.threads != 0 ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, summary.threads);
  const std::size_t in_flight = options.max_in_flight != 0 ? options.max_in_flight : 4 * summary.threads;

  // A new index is built by per-thread shards merged at the end; an existing
  // one is updated by the single writer, which replaces re-indexed articles.
  const std::string shard_spec =
      options.shards != 0 ? std::to_string(options.shard) + "/" + std::to_string(options.shards) : std::string();
  std::unique_ptr<Xapian::WritableDatabase> db = open_index(options.index_path, shard_spec);
  std::unique_ptr<ShardWriters> shards;
  std::unique_ptr<IndexWriter> writer;
  if (db->get_doccount() == 0 && options.parallel_writers) shards = std::make_unique<ShardWriters>(options.index_path, std::move(db));
  else writer = std::make_unique<IndexWriter>(std::move(db), options.commit_every);

  tbb::enumerable_thread_specific<schema::DocumentBuilder> builders(
      [&] { return schema::DocumentBuilder(options.build); });
  std::vector<std::unique_ptr<Work>> owned;  // touched by the serial input stage only
  tbb::concurrent_queue<Work*> free_list;
  std::unordered_set<std::string> seen;      // article keys of this run (input stage only)
  auto last_progress = start;                // write stage only

  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Work*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Work* {
                                      Work* w = nullptr;
                                      if (!free_list.try_pop(w)) {
                                        owned.push_back(std::make_unique<Work>());
                                        w = owned.back().get();
                                      }
                                      for (;;) {
                                        if (diag.stopped() || !source.next(w->article) || diag.stopped()) {
                                          free_list.push(w);
                                          fc.stop();
                                          return nullptr;
                                        }
                                        if (options.shards == 0 ||
                                            schema::shard_of(w->article.id, options.shards) + 1 == options.shard)
                                          break;
                                        ++summary.other_shard;
                                      }
                                      w->duplicate = shards && !seen.insert(schema::article_key(w->article.id)).second;
                                      w->input_done = source.bytes_done();
                                      w->bytes_read = diag.stats.bytes;
                                      return w;
                                    }) &
          tbb::make_filter<Work*, Work*>(tbb::filter_mode::parallel,
                                         [&](Work* w) {
                                           w->error.clear();
                                           w->written = false;
                                           try {
                                             builders.local().build(w->article, w->passages);
                                             // Duplicates wait for the in-order stage: the earlier
                                             // copy must be written before it is replaced.
                                             if (shards && !w->duplicate && !w->passages.empty()) {
                                               shards->add(w->passages);
                                               w->written = true;
                                             }
                                           } catch (const std::exception& e) {
                                             w->passages.clear();
                                             w->error = e.what();
                                           } catch (const Xapian::Error& e) {
                                             w->passages.clear();
                                             w->error = e.get_description();
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
              bool replaced = false;
              if (shards) {
                if (!w->written) {
                  shards->replace(std::string(schema::kPrefixArticle) + schema::article_key(w->article.id), w->passages);
                  replaced = true;
                }
              } else {
                replaced = writer->add(w->article, w->passages);
              }
              if (replaced) {
                diag.report(ingest::Outcome::Replaced, w->article.origin,
                            "duplicate id \"" + w->article.id + "\": replaces the earlier article");
                ++summary.duplicates;
              }
              ++summary.articles;
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
            free_list.push(w);
          }));

  if (shards) {
    summary.shards = shards->shards();
    summary.passages = shards->passages_added();
    summary.index_documents = shards->finish();
  } else {
    writer->finish();
    summary.passages = writer->passages_added();
    summary.index_documents = writer->doccount();
  }
  summary.input = diag.stats;
  summary.stopped = diag.stopped();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace fahras::pipeline
