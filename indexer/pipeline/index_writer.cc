#include "pipeline/index_writer.h"

#include "schema/schema.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace fahras::pipeline {
namespace fs = std::filesystem;
namespace {

// `path` is a database whose creation was interrupted and that Xapian cannot
// open (its postlist table is there, its version file is not): removes its
// tables, under Xapian's lock, and returns a note. Else does nothing ("").
//
// Xapian creates a glass database as: the folder, flintlock, v.tmp, the
// (empty) tables, then renames v.tmp to iamglass; the tables stay empty until
// the first commit, which writes iamglass again (atomically). So empty tables
// without iamglass are a creation that was killed, with nothing committed.
std::string clear_uncreated(const std::string& path) {
  const fs::path dir(path);
  std::error_code ec;
  if (!uncreated_database(path) || !fs::exists(dir / "postlist.glass", ec)) return {};
  std::vector<fs::path> files;
  bool empty = true;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.ends_with(".glass") && name != "v.tmp") continue;
    files.push_back(it->path());
    std::error_code size_ec;
    if (name != "v.tmp" && fs::file_size(it->path(), size_ec) != 0) empty = false;
  }
  if (!empty && !fs::is_directory(path + ".shards", ec))
    throw std::runtime_error(path + " holds Xapian tables but no version file (iamglass): a damaged database, not one "
                             "whose creation was interrupted; move it away, or index into a new folder");
  // Another process may be creating it right now: take Xapian's lock (an OFD
  // lock on the first byte of flintlock) while removing the tables.
  const int fd = ::open((dir / "flintlock").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0) return {};  // Xapian will say why
  struct flock fl {};
  fl.l_type = F_WRLCK;
  fl.l_whence = SEEK_SET;
  fl.l_start = 0;
  fl.l_len = 1;
  int r;
  while ((r = ::fcntl(fd, F_OFD_SETLK, &fl)) == -1 && errno == EINTR) {
  }
  if (r == -1 && (errno == EACCES || errno == EAGAIN)) {
    ::close(fd);
    throw Xapian::DatabaseLockError("Unable to get write lock on " + path + ": already locked");
  }
  for (const fs::path& f : files) fs::remove(f, ec);
  ::close(fd);  // releases the lock: Xapian takes it again to create the database
  return path + ": its creation was interrupted before anything was committed (no iamglass): created it anew";
}

}  // namespace

bool uncreated_database(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return false;
  for (const char* marker : {"iamglass", "iamchert", "XAPIANDB"})
    if (fs::exists(fs::path(dir) / marker, ec)) return false;
  return true;
}

bool without_termlists(const std::string& dir) {
  std::error_code ec;
  return fs::exists(fs::path(dir) / "iamglass", ec) && !fs::exists(fs::path(dir) / "termlist.glass", ec);
}

std::unique_ptr<Xapian::WritableDatabase> open_index(const std::string& path, const std::string& shard_spec,
                                                     bool positions, std::string* note) {
  const std::string cleared = clear_uncreated(path);
  if (note) *note = cleared;
  const bool no_termlists = without_termlists(path);
  auto db = std::make_unique<Xapian::WritableDatabase>(
      path, Xapian::DB_CREATE_OR_OPEN | (no_termlists ? Xapian::DB_NO_TERMLIST : 0));
  const std::string version = db->get_metadata(std::string(schema::kMetaSchema));
  if (db->get_doccount() != 0 && version.empty())
    throw std::runtime_error(path + " is a Xapian database but not a fahras index");
  if (!version.empty() && version != schema::kSchemaVersion)
    throw std::runtime_error(path + " has fahras schema " + version + ", this build writes " +
                             std::string(schema::kSchemaVersion) + ": index into a new folder");
  const std::string built_as = db->get_metadata(std::string(schema::kMetaShard));
  if (db->get_doccount() != 0 && built_as != shard_spec)
    throw std::runtime_error(path + " was built as " + (built_as.empty() ? "a whole index" : "shard " + built_as) +
                             ", not " + (shard_spec.empty() ? "a whole index" : "shard " + shard_spec));
  const bool had_positions = db->get_metadata(std::string(schema::kMetaPositions)) != "none";
  if (db->get_doccount() != 0 && had_positions != positions)
    throw std::runtime_error(had_positions ? path + " holds passages with positions: --no-positions builds a new index, "
                                                    "or updates one built with it"
                                           : path + " was built with --no-positions: update it with --no-positions "
                                                    "too, or rebuild it into a new folder");
  db->set_metadata(std::string(schema::kMetaSchema), std::string(schema::kSchemaVersion));
  db->set_metadata(std::string(schema::kMetaShard), shard_spec);
  db->set_metadata(std::string(schema::kMetaPositions), positions ? "" : "none");  // "": no such key
  return db;
}

IndexWriter::IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db)
    : db_(std::move(db)), was_empty_(db_->get_doccount() == 0) {}

bool IndexWriter::add(const schema::Article& article, std::vector<Xapian::Document>& passages) {
  std::string key = schema::article_key(article.id);
  const bool duplicate = !seen_.insert(key);
  if (!was_empty_ || duplicate) db_->delete_document(std::string(schema::kPrefixArticle) + key);
  for (Xapian::Document& doc : passages) db_->add_document(doc);
  passages_ += passages.size();
  return duplicate;
}

void IndexWriter::commit(const std::vector<std::pair<std::string, std::string>>& metadata) {
  for (const auto& [key, value] : metadata) db_->set_metadata(key, value);
  db_->commit();
}

std::pair<std::uint64_t, std::uint64_t> IndexWriter::prune(Xapian::docid mark) {
  std::vector<Xapian::docid> old;
  std::unordered_set<std::string> articles;
  for (auto p = db_->postlist_begin(""); p != db_->postlist_end("") && *p <= mark; ++p) {
    old.push_back(*p);
    articles.insert(db_->get_document(*p, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotArticle));
  }
  for (Xapian::docid id : old) db_->delete_document(id);
  return {articles.size(), old.size()};
}

}  // namespace fahras::pipeline
