// IndexWriter: the single Xapian writer of a run (the pipeline's last stage).
//
// The single-writer path, used to update an existing index (a new one is built
// by ShardWriters). Re-indexing an article replaces all of its passages: when the index held
// documents before the run, or the article already came earlier in this run,
// its old passages are deleted (by the XA<key> term) before the new ones go in.
// The pipeline commits it at each checkpoint (commit(), with the run's
// metadata in the same transaction) and once more at the end.
//
// Thread safety: NOT thread-safe; call from one thread (a serial stage).
// Errors: Xapian exceptions propagate (DatabaseLockError when another writer
// holds the index); std::runtime_error for a non-fahras database.
#pragma once

#include "pipeline/id_set.h"
#include "schema/article.h"

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fahras::pipeline {

// Opens (creating if needed) the index at `path` for writing, after checking it
// is a fahras index of this schema or an empty database, and records the schema
// version. Holding the returned database holds the index's write lock.
// `shard_spec` ("K/N" or empty) must match what an existing index was built as.
//
// A database whose creation was interrupted (killed between Xapian creating
// its tables and writing its version file `iamglass`: empty tables, nothing
// committed) cannot be opened by Xapian; it is recreated empty and `note`, if
// given, says so. A folder with non-empty tables but no version file is left
// alone (std::runtime_error), unless `path`.shards is there (a shard build,
// whose target is only a placeholder until the merge). An index built with
// --no-termlist is opened as such (without_termlists()); the caller must not
// delete or replace its documents. `positions`: whether this run's passages
// carry positions; an index that holds passages must have been built the same
// way (fahras.positions metadata), or std::runtime_error.
std::unique_ptr<Xapian::WritableDatabase> open_index(const std::string& path, const std::string& shard_spec = {},
                                                     bool positions = true, std::string* note = nullptr);

// True when `dir` is a folder that Xapian started to create a database in
// but that has no version file (`iamglass`): nothing was ever committed there.
bool uncreated_database(const std::string& dir);

// True when the database at `dir` was created without Xapian's termlist
// table (DB_NO_TERMLIST, fahras-index --no-termlist): Xapian opens it for
// writing only with that flag, and cannot delete or replace its documents.
bool without_termlists(const std::string& dir);

class IndexWriter {
 public:
  explicit IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db);

  // Adds the passages of one article. Returns true when the article replaced
  // an earlier one of the same id from this run (a duplicate id).
  bool add(const schema::Article& article, std::vector<Xapian::Document>& passages);

  // Sets `metadata` (key, value pairs) and commits, in one transaction. Xapian
  // also flushes by itself every 10000 documents; its destructor commits what
  // is pending (whole or partial articles: resuming rewrites them).
  void commit(const std::vector<std::pair<std::string, std::string>>& metadata);

  // Deletes every document whose docid is at most `mark` (those this run did
  // not rewrite: --prune). Returns {articles, passages} deleted; not committed.
  std::pair<std::uint64_t, std::uint64_t> prune(Xapian::docid mark);

  std::uint64_t passages_added() const { return passages_; }
  Xapian::doccount doccount() const { return db_->get_doccount(); }
  Xapian::docid lastdocid() const { return db_->get_lastdocid(); }
  Xapian::WritableDatabase& db() { return *db_; }

 private:
  std::unique_ptr<Xapian::WritableDatabase> db_;
  bool was_empty_;
  std::uint64_t passages_ = 0;
  IdSet seen_;  // article keys written in this run (fingerprints: id_set.h)
};

}  // namespace fahras::pipeline
