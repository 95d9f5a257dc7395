#include "pipeline/pipeline.h"

#include "pipeline/index_writer.h"

#include <tbb/concurrent_queue.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <chrono>
#include <memory>
#include <vector>

namespace fahras::pipeline {
namespace {

// One article on its way through the pipeline. Recycled, so its buffers keep
// their capacity from one article to the next.
struct Work {
  schema::Article article;
  std::vector<Xapian::Document> passages;
  std::string error;  // set by the analyse stage when it failed
};

}  // namespace

IndexSummary build_index(ingest::DocumentSource& source, ingest::Diagnostics& diag, const IndexOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  IndexSummary summary;
  summary.threads = options.threads != 0 ? options.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, summary.threads);
  const std::size_t in_flight = options.max_in_flight != 0 ? options.max_in_flight : 4 * summary.threads;

  IndexWriter writer(options.index_path, options.commit_every);
  tbb::enumerable_thread_specific<schema::DocumentBuilder> builders(
      [&] { return schema::DocumentBuilder(options.build); });

  std::vector<std::unique_ptr<Work>> owned;  // touched by the serial input stage only
  tbb::concurrent_queue<Work*> free_list;

  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Work*>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) -> Work* {
                                      Work* w = nullptr;
                                      if (!free_list.try_pop(w)) {
                                        owned.push_back(std::make_unique<Work>());
                                        w = owned.back().get();
                                      }
                                      if (!source.next(w->article)) {
                                        free_list.push(w);
                                        fc.stop();
                                        return nullptr;
                                      }
                                      return w;
                                    }) &
          tbb::make_filter<Work*, Work*>(tbb::filter_mode::parallel,
                                         [&](Work* w) {
                                           w->error.clear();
                                           try {
                                             builders.local().build(w->article, w->passages);
                                           } catch (const std::exception& e) {
                                             w->passages.clear();
                                             w->error = e.what();
                                           }
                                           return w;
                                         }) &
          tbb::make_filter<Work*, void>(tbb::filter_mode::serial_in_order, [&](Work* w) {
            if (!w->error.empty()) {
              diag.report(ingest::Outcome::Skipped, w->article.origin, "analysis failed: " + w->error);
              ++summary.failed;
            } else if (w->passages.empty()) {
              diag.report(ingest::Outcome::Skipped, w->article.origin, "no passages (no words)");
              ++diag.stats.skipped_records;
            } else {
              if (writer.add(w->article, w->passages)) {
                diag.report(ingest::Outcome::Replaced, w->article.origin,
                            "duplicate id \"" + w->article.id + "\": replaces the earlier article");
                ++summary.duplicates;
              }
              ++summary.articles;
            }
            w->passages.clear();
            free_list.push(w);
          }));

  writer.finish();
  summary.passages = writer.passages_added();
  summary.index_documents = writer.doccount();
  summary.input = diag.stats;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace fahras::pipeline
