// build_index: the indexing pipeline.
//
//   read     (serial_in_order)  DocumentSource::next -> Article
//   analyse  (parallel)         DocumentBuilder::build -> one Xapian::Document per passage
//   write    (serial_in_order)  IndexWriter::add, commit every K articles
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
#include <string>

namespace fahras::pipeline {

struct IndexOptions {
  std::string index_path;
  unsigned threads = 0;              // 0: all hardware threads
  std::size_t max_in_flight = 0;     // 0: 4 per thread
  std::uint64_t commit_every = 10000;  // articles between commits
  schema::BuildOptions build;
};

struct IndexSummary {
  ingest::IngestStats input;
  std::uint64_t articles = 0;    // articles written
  std::uint64_t passages = 0;    // passages written
  std::uint64_t duplicates = 0;  // articles that replaced an earlier one with the same id in this run
  std::uint64_t failed = 0;      // articles whose analysis failed
  std::uint64_t index_documents = 0;  // documents in the index afterwards
  double seconds = 0;
  unsigned threads = 0;
};

IndexSummary build_index(ingest::DocumentSource& source, ingest::Diagnostics& diagnostics,
                         const IndexOptions& options);

}  // namespace fahras::pipeline
