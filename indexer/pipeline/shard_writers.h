// ShardWriters: the parallel write path for a NEW index.
//
// Xapian has one writer per database, and writing is most of the cost of
// indexing. So each pipeline thread writes its articles into a shard of its
// own (no lock contention in the common path); finish() commits the shards in
// parallel and merges them with Xapian::Database::compact into the target,
// which is then a single standard Xapian database.
//
// Layout while building: <index>.shards/shard-N (DB_NO_SYNC: temporary). The
// target <index> is created first and held open, so its Xapian lock keeps a
// second fahras-index out for the whole run; leftovers of a crashed build are
// removed at start (safe: we hold the lock).
//
// Thread safety: add() and replace() may be called from any number of threads
// at once; finish() once, after every add/replace has returned.
#pragma once

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace fahras::pipeline {

class ShardWriters {
 public:
  // `target` must be open on the (empty) index path: it is the run's lock.
  ShardWriters(std::string index_path, std::unique_ptr<Xapian::WritableDatabase> target);
  ~ShardWriters();

  // Adds an article's passages to the calling thread's shard.
  void add(std::vector<Xapian::Document>& passages);

  // For an id seen earlier in the run: deletes the article (XA<key>) from every
  // shard, then adds the new passages. Rare, so it may lock every shard.
  void replace(const std::string& article_term, std::vector<Xapian::Document>& passages);

  // Commits all shards (in parallel), compacts them into the index path and
  // removes them. Returns the number of documents in the final index.
  Xapian::doccount finish();

  std::uint64_t passages_added() const { return passages_; }
  std::size_t shards() const;

 private:
  struct Shard {
    std::mutex lock;
    Xapian::WritableDatabase db;
  };
  Shard& local();

  std::string path_, shards_dir_;
  std::unique_ptr<Xapian::WritableDatabase> target_;
  mutable std::mutex shards_lock_;
  std::deque<Shard> shards_;  // deque: stable addresses as shards are added
  struct Local;
  std::unique_ptr<Local> local_;
  std::atomic<std::uint64_t> passages_{0};
};

}  // namespace fahras::pipeline
