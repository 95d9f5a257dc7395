#include "pipeline/index_writer.h"

#include "schema/schema.h"

#include <stdexcept>

namespace fahras::pipeline {

std::unique_ptr<Xapian::WritableDatabase> open_index(const std::string& path, const std::string& shard_spec) {
  auto db = std::make_unique<Xapian::WritableDatabase>(path, Xapian::DB_CREATE_OR_OPEN);
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
  db->set_metadata(std::string(schema::kMetaSchema), std::string(schema::kSchemaVersion));
  db->set_metadata(std::string(schema::kMetaShard), shard_spec);
  return db;
}

IndexWriter::IndexWriter(std::unique_ptr<Xapian::WritableDatabase> db)
    : db_(std::move(db)), was_empty_(db_->get_doccount() == 0) {}

bool IndexWriter::add(const schema::Article& article, std::vector<Xapian::Document>& passages) {
  std::string key = schema::article_key(article.id);
  const bool duplicate = !seen_.insert(key).second;
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
