#include "pipeline/shard_writers.h"

#include "pipeline/index_writer.h"
#include "schema/schema.h"

#include <fcntl.h>
#include <malloc.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace fahras::pipeline {
namespace fs = std::filesystem;
namespace {

// The shard folders under `dir`, by number.
std::vector<std::pair<unsigned, fs::path>> shard_dirs(const std::string& dir) {
  std::vector<std::pair<unsigned, fs::path>> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with("shard-") || !it->is_directory()) continue;
    try {
      out.emplace_back(static_cast<unsigned>(std::stoul(name.substr(6))), it->path());
    } catch (const std::exception&) {
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Makes a folder's entries durable (new files and subfolders).
void sync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

struct ShardWriters::Local {
  tbb::enumerable_thread_specific<Shard*> shard{nullptr};
};

ShardsState ShardWriters::inspect(const std::string& index_path) {
  ShardsState state;
  bool unchecked = false;
  const std::string dir = index_path + ".shards";
  std::error_code ec;
  state.exists = fs::is_directory(dir, ec);
  if (!state.exists) return state;
  for (const auto& [n, path] : shard_dirs(dir)) {
    if (uncreated_database(path.string())) {  // killed while Xapian created it: holds nothing
      ++state.uncreated;
      continue;
    }
    try {
      Xapian::Database db(path.string());
      state.documents += db.get_doccount();
      if (!state.run) state.run = RunRecord::from_json(db.get_metadata(std::string(kMetaRun)));
      const auto c = Checkpoint::from_json(db.get_metadata(std::string(kMetaCheckpoint)));
      if (c && (!state.checkpoint || c->position.ordinal < state.checkpoint->position.ordinal)) state.checkpoint = c;
      // No checkpoint, but passages or the run record (every shard is
      // committed with it when created): a shard started before the build's
      // first checkpoint whose commit of it was cut short (shards started
      // later carry the checkpoint before them). Its uncommitted articles may
      // lie before the checkpoints of the others: nothing is known to be
      // complete, so the build starts over. (A shard with neither was killed
      // before its first commit: it was given no passage.)
      if (!c && (db.get_doccount() != 0 || !db.get_metadata(std::string(kMetaRun)).empty())) unchecked = true;
    } catch (const Xapian::Error& e) {
      throw std::runtime_error("cannot read the shard " + path.string() + " of an unfinished build: " +
                               e.get_description() + "; --restart discards the build and starts over");
    }
  }
  if (unchecked) state.checkpoint.reset();
  return state;
}

void ShardWriters::discard(const std::string& index_path, const StepHook& step) {
  const std::string dir = index_path + ".shards", discarded = dir + ".discarded";
  std::error_code ec;
  fs::remove_all(discarded, ec);
  if (!fs::exists(dir, ec)) return;
  fs::rename(dir, discarded);
  if (step) step("discarding");
  fs::remove_all(discarded, ec);
}

void ShardWriters::remove_leftovers(const std::string& index_path) {
  std::error_code ec;
  fs::remove_all(index_path + ".shards.discarded", ec);
  fs::remove_all(index_path + ".compacted", ec);
}

ShardWriters::ShardWriters(std::string index_path, std::unique_ptr<Xapian::WritableDatabase> target, Mode mode,
                           bool sync, Metadata metadata)
    : path_(std::move(index_path)), shards_dir_(path_ + ".shards"), target_(std::move(target)), sync_(sync),
      metadata_(std::move(metadata)), local_(std::make_unique<Local>()) {
  std::error_code ec;
  remove_leftovers(path_);
  if (mode == Mode::Fresh) {
    discard(path_);  // a crashed build's leftovers
    fs::create_directories(shards_dir_);
    return;
  }
  fs::create_directories(shards_dir_);
  // A crashed merge's output and the empty target it replaced (we hold the index lock).
  fs::remove_all(shards_dir_ + "/merged", ec);
  fs::remove_all(shards_dir_ + "/replaced", ec);
  std::size_t uncreated = 0;
  for (const auto& [n, path] : shard_dirs(shards_dir_)) {
    if (uncreated_database(path.string())) {  // killed while Xapian created it: nothing to keep
      fs::remove_all(path);
      ++uncreated;
    }
  }
  if (uncreated != 0)
    notes_.push_back("removed " + std::to_string(uncreated) + " shard" + (uncreated == 1 ? "" : "s") + " of " + path_ +
                     " whose creation was interrupted (nothing committed)");
  // Renumber so that shard-N is shards_[N] (new ones are named by their index).
  // Each step is a rename: a crash here leaves shards that are renumbered again.
  const auto dirs = shard_dirs(shards_dir_);
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    const fs::path want = fs::path(shards_dir_) / ("shard-" + std::to_string(i));
    if (dirs[i].second != want) fs::rename(dirs[i].second, want);
  }
  std::optional<Checkpoint> resumed_from;
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    Shard& s = shards_.emplace_back();
    shard_count_.store(shards_.size(), std::memory_order_relaxed);
    const std::string dir = shards_dir_ + "/shard-" + std::to_string(i);
    const bool no_termlists = without_termlists(dir);
    if (no_termlists) termlists_ = false;
    s.dir = dir;
    s.db = Xapian::WritableDatabase(
        dir, Xapian::DB_OPEN | (sync_ ? 0 : Xapian::DB_NO_SYNC) | (no_termlists ? Xapian::DB_NO_TERMLIST : 0));
    s.documents = s.db.get_doccount();
    const std::string c = s.db.get_metadata(std::string(kMetaCheckpoint));
    const auto parsed = Checkpoint::from_json(c);
    if (parsed && (!resumed_from || parsed->position.ordinal < resumed_from->position.ordinal)) {
      resumed_from = parsed;
      checkpoint_metadata_ = {{std::string(kMetaCheckpoint), c}};
    }
  }
}

ShardWriters::~ShardWriters() {
  if (finished_) return;
  // finish() not reached (an error): keep what the shards committed, for
  // --resume; closing commits whole articles written since, which resuming
  // replaces (see keys()).
  std::lock_guard g(shards_lock_);
  for (Shard& s : shards_) {
    if (s.parked) continue;
    try {
      s.db.close();
    } catch (const Xapian::Error&) {
    }
  }
}

std::size_t ShardWriters::shards() const {
  std::lock_guard g(shards_lock_);
  return shards_.size();
}

std::unordered_set<std::string> ShardWriters::keys() const {
  std::lock_guard g(shards_lock_);
  std::unordered_set<std::string> out;
  const std::string prefix(schema::kPrefixArticle);
  for (const Shard& s : shards_) {
    const Xapian::Database db = s.parked ? Xapian::Database(s.dir) : Xapian::Database(s.db);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) out.insert((*t).substr(prefix.size()));
  }
  return out;
}

void ShardWriters::set_segment_size(std::uint64_t passages) { segment_ = passages; }
void ShardWriters::set_flush_every(std::uint64_t passages) { flush_every_ = passages; }
void ShardWriters::set_termlists(bool on) { termlists_ = on; }

Xapian::WritableDatabase& ShardWriters::open(Shard& s) {
  if (s.parked) {
    s.db = Xapian::WritableDatabase(s.dir, Xapian::DB_OPEN | (sync_ ? 0 : Xapian::DB_NO_SYNC) |
                                               (termlists_ ? 0 : Xapian::DB_NO_TERMLIST));
    s.parked = false;
  }
  return s.db;
}

void ShardWriters::park(Shard& s) {
  if (s.parked) return;
  s.db.commit();
  s.db.close();
  s.db = Xapian::WritableDatabase();  // frees what the closed database still held
  s.parked = true;
}

ShardWriters::Shard& ShardWriters::local() {
  Shard*& mine = local_->shard.local();
  if (mine == nullptr) {
    std::lock_guard g(shards_lock_);
    for (Shard& s : shards_) {  // a reopened shard no thread writes to yet, not full
      if (!s.claimed && (segment_ == 0 || s.documents < segment_)) {
        s.claimed = true;
        mine = &s;
        return s;
      }
    }
    const std::string dir = shards_dir_ + "/shard-" + std::to_string(shards_.size());
    Shard& s = shards_.emplace_back();
    shard_count_.store(shards_.size(), std::memory_order_relaxed);
    s.dir = dir;
    s.db = Xapian::WritableDatabase(dir, Xapian::DB_CREATE | (sync_ ? 0 : Xapian::DB_NO_SYNC) |
                                             (termlists_ ? 0 : Xapian::DB_NO_TERMLIST));
    // The run record, and the last checkpoint before this shard began: its
    // passages all come after it, and a crash before the next checkpoint is
    // committed to it must resume from there (inspect()).
    for (const auto& [key, value] : metadata_) s.db.set_metadata(key, value);
    for (const auto& [key, value] : checkpoint_metadata_) s.db.set_metadata(key, value);
    // Committed now, empty: until its first commit a shard's metadata is only
    // pending, and a crash during a checkpoint (which commits the shards one
    // after the other) could leave the older shards at the new checkpoint and
    // this one with nothing on disk, neither its passages nor the checkpoint
    // they came after: resuming from the newer one lost them (the crash test
    // with --segment found it).
    s.db.commit();
    s.claimed = true;
    mine = &s;
  }
  return *mine;
}

void ShardWriters::add_unnoted(std::vector<Xapian::Document>& passages) {
  Shard& s = local();
  std::lock_guard g(s.lock);  // uncontended except while replace() or commit() runs
  if (termlists_) {
    for (Xapian::Document& d : passages) s.db.add_document(d);
  } else {
    s.db.begin_transaction(false);  // Xapian's own flush waits for the article's end
    try {
      for (Xapian::Document& d : passages) s.db.add_document(d);
    } catch (...) {
      try {
        s.db.cancel_transaction();
      } catch (const Xapian::Error&) {
      }
      throw;
    }
    s.db.commit_transaction();
  }
  passages_ += passages.size();
  s.documents += passages.size();
  s.unflushed += passages.size();
  if (segment_ != 0 && s.documents >= segment_ && shard_count_.load(std::memory_order_relaxed) < kMaxShards) {
    // Full: flushed now (its metadata keeps the last checkpoint, as after one
    // of Xapian's own flushes) and closed; checkpoints, replace() and finish()
    // reopen it. This thread's next add() starts a new shard.
    park(s);
    s.full = true;
    s.unflushed = 0;
    local_->shard.local() = nullptr;
#if defined(__GLIBC__)
    // Hands the freed pages of the threads' heaps back to the system: the
    // shard's flushes leave free holes that glibc keeps resident otherwise
    // (1x SaudiNewsNet peaked at 120-124 MB without this, 108-111 MB with it).
    // Once per full shard, not when a checkpoint parks it again.
    malloc_trim(0);
#endif
  } else if (flush_every_ != 0 && s.unflushed >= flush_every_) {
    s.db.commit();  // as Xapian's own flush would, but between two articles
    s.unflushed = 0;
  }
}

void ShardWriters::replace_unnoted(const std::string& article_term, std::vector<Xapian::Document>& passages) {
  if (!termlists_) throw std::logic_error("ShardWriters::replace without termlists");
  {
    std::lock_guard g(shards_lock_);
    for (Shard& s : shards_) {
      std::lock_guard sg(s.lock);
      open(s).delete_document(article_term);  // a parked shard stays open until the next checkpoint
    }
  }
  add(passages);
}

void ShardWriters::commit_unnoted(const Metadata& metadata) {
  std::lock_guard g(shards_lock_);
  // One after the other. (Committing them in parallel was tried: under a full
  // disk, the error that reached the user was sometimes another shard's
  // DatabaseClosedError instead of "No space left on device".)
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    Shard& s = shards_[i];
    std::lock_guard sg(s.lock);
    Xapian::WritableDatabase& db = open(s);
    for (const auto& [key, value] : metadata) db.set_metadata(key, value);
    db.commit();
    s.unflushed = 0;
    if (s.full) park(s);  // closed again (reopened here, or by replace())
    if (step_) step_("checkpoint committed to shard-" + std::to_string(i));
  }
  checkpoint_metadata_ = metadata;
  if (sync_) {  // new shard folders and their files
    for (std::size_t i = 0; i < shards_.size(); ++i) sync_dir(shards_dir_ + "/shard-" + std::to_string(i));
    sync_dir(shards_dir_);
    sync_dir(fs::absolute(shards_dir_).parent_path().string());
  }
}

Xapian::doccount ShardWriters::finish_unnoted(const Metadata& metadata) {
  std::lock_guard g(shards_lock_);
  // The final metadata goes into every shard, so the compacted index has it
  // from the start (Xapian's compact keeps user metadata).
  Metadata all_metadata;
  for (auto k = target_->metadata_keys_begin(); k != target_->metadata_keys_end(); ++k)
    all_metadata.emplace_back(*k, target_->get_metadata(*k));
  all_metadata.insert(all_metadata.end(), metadata.begin(), metadata.end());
  tbb::parallel_for(std::size_t{0}, shards_.size(), [&](std::size_t i) {
    try {
      Xapian::WritableDatabase& db = open(shards_[i]);
      for (const auto& [key, value] : all_metadata) db.set_metadata(key, value);
      db.commit();
      db.close();
    } catch (const Xapian::Error& e) {
      note_error(e);  // tbb rethrows one of the shards' errors, not always the first
      throw;
    }
  });
  if (step_) step_("committed");
  // Compact into <index>.shards/merged, then swap it in: two renames, each
  // atomic, while holding the lock of the (empty) target until the last
  // moment. A crash before the second leaves the shards (all at the final
  // checkpoint), which --resume merges again; <index> is then the empty
  // target or missing, never half removed.
  if (shards_.empty()) {
    for (const auto& [key, value] : all_metadata) target_->set_metadata(key, value);
    target_->commit();
    target_->close();
  } else {
    const std::string merged = shards_dir_ + "/merged", replaced = shards_dir_ + "/replaced";
    std::error_code ec;
    fs::remove_all(merged, ec);
    fs::remove_all(replaced, ec);
    {
      Xapian::Database all;
      for (std::size_t i = 0; i < shards_.size(); ++i)
        all.add_database(Xapian::Database(shards_dir_ + "/shard-" + std::to_string(i)));
      all.compact(merged);
    }
    if (step_) step_("compacted");
    target_->close();
    fs::rename(path_, replaced);
    if (step_) step_("set aside");
    fs::rename(merged, path_);
    if (sync_) sync_dir(fs::absolute(path_).parent_path().string());
    if (step_) step_("swapped");
  }
  target_.reset();
  Xapian::WritableDatabase final_db(path_, Xapian::DB_OPEN | (sync_ ? 0 : Xapian::DB_NO_SYNC) |
                                              (without_termlists(path_) ? Xapian::DB_NO_TERMLIST : 0));
  for (const auto& [key, value] : all_metadata) final_db.set_metadata(key, value);
  final_db.commit();
  const Xapian::doccount n = final_db.get_doccount();
  final_db.close();
  shards_.clear();
  finished_ = true;
  if (step_) step_("merged");
  discard(path_, step_);
  return n;
}

}  // namespace fahras::pipeline

namespace fahras::pipeline {

void ShardWriters::note_error(const Xapian::Error& e) {
  std::lock_guard g(error_lock_);
  if (first_error_.empty()) first_error_ = e.get_description();
}

std::string ShardWriters::first_error() const {
  std::lock_guard g(error_lock_);
  return first_error_;
}

template <class F>
decltype(auto) ShardWriters::noting(F&& f) {
  try {
    return f();
  } catch (const Xapian::Error& e) {
    note_error(e);
    throw;
  }
}

void ShardWriters::add(std::vector<Xapian::Document>& passages) {
  noting([&] { add_unnoted(passages); });
}

void ShardWriters::replace(const std::string& article_term, std::vector<Xapian::Document>& passages) {
  noting([&] { replace_unnoted(article_term, passages); });
}

void ShardWriters::commit(const Metadata& metadata) {
  noting([&] { commit_unnoted(metadata); });
}

Xapian::doccount ShardWriters::finish(const Metadata& metadata) {
  return noting([&] { return finish_unnoted(metadata); });
}

}  // namespace fahras::pipeline
