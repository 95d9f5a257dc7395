// IndexWriter: the single Xapian writer of a run (the pipeline's last stage).
//
// The single-writer path, used to update an existing index (a new one is built
// by ShardWriters). Re-indexing an article replaces all of its passages: when the index held
// documents before the run, or the article already came earlier in this run,
// its old passages are deleted (by the XA<key> term) before the new ones go in.
// Commits every `commit_every` articles and once more in finish().
//
// Thread safety: NOT thread-safe; call from one thread (a serial stage).
// Errors: Xapian exceptions propagate (DatabaseLockError when another writer
// holds the index); std::runtime_error for a non-fahras database.
#pragma once

#include "schema/article.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace fahras::pipeline {

// Opens (creating if needed) the index at `path` for writing, after checking it
// is a fahras index of this schema or an empty database, and records the schema
// version. Holding the returned database holds the index's write lock.
// `shard_spec` ("K/N" or empty) must match what an existing index was built as.
std::unique_ptr<Xapian::WritableDatabase> open_index(const std::string& path, const std::string& shard_spec = {});

class IndexWriter {
 public:
  IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db, std::uint64_t commit_every);

  // Adds the passages of one article. Returns true when the article replaced
  // an earlier one of the same id from this run (a duplicate id).
  bool add(const schema::Article& article, std::vector<Xapian::Document>& passages);

  // Commits what is pending. Call once at the end; the destructor does not commit.
  void finish();

  std::uint64_t passages_added() const { return passages_; }
  Xapian::doccount doccount() const { return db_->get_doccount(); }

 private:
  std::unique_ptr<Xapian::WritableDatabase> db_;
  std::uint64_t commit_every_;
  bool was_empty_;
  std::uint64_t since_commit_ = 0;
  std::uint64_t passages_ = 0;
  std::unordered_set<std::string> seen_;  // article keys written in this run
};

}  // namespace fahras::pipeline
