#include "pipeline/shard_writers.h"

#include "schema/schema.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <filesystem>

namespace fahras::pipeline {
namespace fs = std::filesystem;

struct ShardWriters::Local {
  tbb::enumerable_thread_specific<Shard*> shard{nullptr};
};

ShardWriters::ShardWriters(std::string index_path, std::unique_ptr<Xapian::WritableDatabase> target)
    : path_(std::move(index_path)), shards_dir_(path_ + ".shards"), target_(std::move(target)),
      local_(std::make_unique<Local>()) {
  std::error_code ec;
  fs::remove_all(shards_dir_, ec);  // a crashed build's leftovers (we hold the index lock)
  fs::remove_all(path_ + ".compacted", ec);
  fs::create_directories(shards_dir_);
}

ShardWriters::~ShardWriters() {
  // finish() not reached (an error): drop the partial shards, keep the empty index.
  std::error_code ec;
  shards_.clear();
  fs::remove_all(shards_dir_, ec);
}

std::size_t ShardWriters::shards() const {
  std::lock_guard g(shards_lock_);
  return shards_.size();
}

ShardWriters::Shard& ShardWriters::local() {
  Shard*& mine = local_->shard.local();
  if (mine == nullptr) {
    std::lock_guard g(shards_lock_);
    const std::string dir = shards_dir_ + "/shard-" + std::to_string(shards_.size());
    Shard& s = shards_.emplace_back();
    s.db = Xapian::WritableDatabase(dir, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
    mine = &s;
  }
  return *mine;
}

void ShardWriters::add(std::vector<Xapian::Document>& passages) {
  Shard& s = local();
  std::lock_guard g(s.lock);  // uncontended except while replace() runs
  for (Xapian::Document& d : passages) s.db.add_document(d);
  passages_ += passages.size();
}

void ShardWriters::replace(const std::string& article_term, std::vector<Xapian::Document>& passages) {
  {
    std::lock_guard g(shards_lock_);
    for (Shard& s : shards_) {
      std::lock_guard sg(s.lock);
      s.db.delete_document(article_term);
    }
  }
  add(passages);
}

Xapian::doccount ShardWriters::finish() {
  std::lock_guard g(shards_lock_);
  tbb::parallel_for(std::size_t{0}, shards_.size(), [&](std::size_t i) {
    shards_[i].db.commit();
    shards_[i].db.close();
  });
  Xapian::Database all;
  for (std::size_t i = 0; i < shards_.size(); ++i)
    all.add_database(Xapian::Database(shards_dir_ + "/shard-" + std::to_string(i)));
  // Compact into a sibling folder, then swap it in while still holding the lock
  // of the (empty) target until the last moment.
  const std::string compacted = path_ + ".compacted";
  std::vector<std::pair<std::string, std::string>> metadata;  // the target's, kept after the swap
  for (auto k = target_->metadata_keys_begin(); k != target_->metadata_keys_end(); ++k)
    metadata.emplace_back(*k, target_->get_metadata(*k));
  if (shards_.empty()) {
    target_->commit();
    target_->close();
  } else {
    all.compact(compacted);
    target_->close();
    fs::remove_all(path_);
    fs::rename(compacted, path_);
  }
  target_.reset();
  Xapian::WritableDatabase final_db(path_, Xapian::DB_OPEN);
  for (const auto& [key, value] : metadata) final_db.set_metadata(key, value);
  final_db.commit();
  const Xapian::doccount n = final_db.get_doccount();
  final_db.close();
  shards_.clear();
  std::error_code ec;
  fs::remove_all(shards_dir_, ec);
  return n;
}

}  // namespace fahras::pipeline
