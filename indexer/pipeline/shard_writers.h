// ShardWriters: the parallel write path for a NEW index.
//
// Xapian has one writer per database, and writing is most of the cost of
// indexing. So each pipeline thread writes its articles into a shard of its
// own (no lock contention in the common path); finish() commits the shards in
// parallel and merges them with Xapian::Database::compact into the target,
// which is then a single standard Xapian database.
//
// Layout while building: <index>.shards/shard-N. The target <index> is created
// first and held open, so its Xapian lock keeps a second fahras-index out for
// the whole run.
//
// Every state a crash (kill -9) can leave is one the next run handles
// (docs/INGESTION.md, "What a crash can leave"):
//  - a shard folder without Xapian's version file (killed while Xapian created
//    it): nothing was committed there; it is skipped and removed;
//  - the merge: the shards are compacted into <index>.shards/merged, then the
//    (empty) target is renamed to <index>.shards/replaced and merged renamed
//    to <index>: each step is one rename, so <index> is the empty target,
//    missing (recreated empty by the next run), or the merged index; a resumed
//    run removes merged and replaced and merges again;
//  - removing shards (discard()): <index>.shards is renamed to
//    <index>.shards.discarded first, so shards are never half removed; a
//    leftover .discarded is removed by the next run (remove_leftovers()).
//
// Checkpoints (checkpoint.h): commit() commits every shard with the given
// metadata (the run record and the checkpoint), so an interrupted build can be
// resumed: open(..., Resume) reopens the shards of the crashed build. Commits
// are durable (fsync) unless `sync` is false (DB_NO_SYNC: a crash of the
// process loses nothing committed, a power loss may). Shards are committed one
// after the other, so after a crash they may hold different checkpoints:
// resuming starts from the oldest (inspect()). A shard may also hold articles
// after its checkpoint (Xapian flushes by itself every 10000 documents, and
// the parallel stage runs ahead of the in-order stage): the caller replaces
// those by their XA<key> term (keys()) when it meets them again.
//
// Thread safety: add() and replace() may be called from any number of threads
// at once; commit() from one thread while add() runs (it locks each shard);
// finish() once, after every add/replace has returned.
#pragma once

#include "pipeline/checkpoint.h"

#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fahras::pipeline {

using Metadata = std::vector<std::pair<std::string, std::string>>;

// Called at each step of finish() and discard(), and after each shard a
// checkpoint is committed to ("checkpoint committed to shard-N"), with the
// step's name; tests throw (or exit) from it to leave the state a crash at that
// point leaves.
using StepHook = std::function<void(std::string_view step)>;

// What the shards of an interrupted build hold (inspect()).
struct ShardsState {
  bool exists = false;                 // <index>.shards is there
  std::optional<RunRecord> run;        // from any shard that has one
  std::optional<Checkpoint> checkpoint;  // the oldest committed checkpoint of the shards
  std::uint64_t documents = 0;         // committed passages in all shards
  std::size_t uncreated = 0;           // shard folders without a version file (nothing committed)
};

class ShardWriters {
 public:
  enum class Mode { Fresh, Resume };

  // `target` must be open on the (empty) index path: it is the run's lock.
  // Fresh: removes any <index>.shards and starts empty. Resume: reopens them.
  // `metadata` is set on every shard as it is created (the run record).
  ShardWriters(std::string index_path, std::unique_ptr<Xapian::WritableDatabase> target, Mode mode, bool sync,
               Metadata metadata);
  ~ShardWriters();

  // Reads the shards of `index_path` (if any) without opening them for writing.
  // A shard that has a version file but cannot be opened (damaged, not a
  // crash: Xapian's commits are atomic) throws std::runtime_error naming it.
  static ShardsState inspect(const std::string& index_path);

  // Removes <index>.shards: renames it to <index>.shards.discarded, then
  // removes that, so a crash never leaves some shards of a build without the
  // others. Call while holding the index's lock.
  static void discard(const std::string& index_path, const StepHook& step = {});

  // Removes what a crashed run may have left beside the index and no run
  // needs: <index>.shards.discarded, <index>.compacted (older versions' merge
  // output). Call while holding the index's lock.
  static void remove_leftovers(const std::string& index_path);

  // What the constructor repaired (shards whose creation was interrupted), for the user.
  const std::vector<std::string>& notes() const { return notes_; }

  void set_step_hook(StepHook step) { step_ = std::move(step); }

  // The article keys (XA terms without their prefix) the reopened shards hold.
  std::unordered_set<std::string> keys() const;

  // Adds an article's passages to the calling thread's shard.
  void add(std::vector<Xapian::Document>& passages);

  // For an id seen earlier in the run: deletes the article (XA<key>) from every
  // shard, then adds the new passages. Rare, so it may lock every shard.
  void replace(const std::string& article_term, std::vector<Xapian::Document>& passages);

  // Sets `metadata` on every shard and commits them all (a checkpoint).
  void commit(const Metadata& metadata);

  // Commits all shards with `metadata` (in parallel), compacts them into the
  // index path and removes them. The final index holds `metadata` too.
  // Returns the number of documents in the final index.
  Xapian::doccount finish(const Metadata& metadata);

  std::uint64_t passages_added() const { return passages_; }

  // The description of the first Xapian error that add(), replace(), commit()
  // or finish() met, from any thread ("" when none): under a full disk several
  // shards fail at about the same time, and the error that reaches the caller
  // may be a later one (another shard's DatabaseClosedError) rather than the
  // cause ("No space left on device"). Thread-safe.
  std::string first_error() const;

  // A thread's shard takes at most about `passages` (0: no limit): then it is
  // committed (as Xapian's own flush would) and the thread starts a new shard
  // database; finish() compacts them all. Xapian's cost of adding a flush to a
  // database grows with the database, so many small ones merged once are
  // cheaper than one that keeps growing (measured: docs/BENCHMARKS.md). Set it
  // before the first add(). A full shard is parked: committed and closed (an
  // open one holds about 0.7 MB of Xapian's memory and six files), and
  // reopened only to commit a checkpoint to it (then closed again), to delete
  // a replaced article from it (it then stays open until the next
  // checkpoint), or to finish. No new shard is started once there are
  // kMaxShards: the threads then go on writing to the shards they have.
  void set_segment_size(std::uint64_t passages);
  // A shard is committed after every `passages` added to it since its last
  // commit (0: only Xapian's own flush, every 10000 documents), always between
  // two articles. With segments, small flushes are cheap (docs/BENCHMARKS.md).
  // Set it before the first add().
  void set_flush_every(std::uint64_t passages);
  // New shards are created without Xapian's termlist table (DB_NO_TERMLIST):
  // about 15 % less CPU and 20 % less disk (docs/BENCHMARKS.md), but no
  // passage can be deleted from them: replace() must not be called, and the
  // final index cannot be updated. Each article is added in one Xapian
  // transaction, so a commit (ours or Xapian's own flush) never holds part of
  // one: after a crash, an article the shards hold is whole. Set it before the
  // first add(). Reopened shards (Resume) keep the way they were created.
  void set_termlists(bool on);
  bool termlists() const { return termlists_; }
  static constexpr std::size_t kMaxShards = 64;
  std::size_t shards() const;

 private:
  struct Shard {
    std::mutex lock;
    Xapian::WritableDatabase db;  // closed while parked
    std::string dir;
    bool full = false;     // reached the segment size: no thread writes to it any more
    bool parked = false;   // committed and closed (full ones only): open() reopens it
    bool claimed = false;  // a thread writes to it (reopened shards wait for one)
    std::uint64_t documents = 0;  // passages it holds or was given (for set_segment_size)
    std::uint64_t unflushed = 0;  // passages added since its last commit (for set_flush_every)
  };
  Shard& local();
  // The shard's database, reopened if parked. The caller holds s.lock, or
  // shards_lock_ while no thread writes to s. park() commits and closes s.
  Xapian::WritableDatabase& open(Shard& s);
  void park(Shard& s);

  std::string path_, shards_dir_;
  std::unique_ptr<Xapian::WritableDatabase> target_;
  bool sync_;
  std::uint64_t segment_ = 0, flush_every_ = 0;
  bool termlists_ = true;
  Metadata metadata_;             // the run record: every new shard gets it
  Metadata checkpoint_metadata_;  // the last checkpoint committed (or resumed from): new shards get it
  mutable std::mutex shards_lock_;
  mutable std::mutex error_lock_;
  std::string first_error_;  // guarded by error_lock_
  void note_error(const Xapian::Error& e);
  template <class F>
  decltype(auto) noting(F&& f);  // runs f, noting a Xapian::Error it throws
  void add_unnoted(std::vector<Xapian::Document>& passages);
  void replace_unnoted(const std::string& article_term, std::vector<Xapian::Document>& passages);
  void commit_unnoted(const Metadata& metadata);
  Xapian::doccount finish_unnoted(const Metadata& metadata);
  std::deque<Shard> shards_;  // deque: stable addresses as shards are added
  std::atomic<std::size_t> shard_count_{0};  // shards_.size(), readable without shards_lock_
  struct Local;
  std::unique_ptr<Local> local_;
  std::atomic<std::uint64_t> passages_{0};
  bool finished_ = false;
  std::vector<std::string> notes_;
  StepHook step_;
};

}  // namespace fahras::pipeline
