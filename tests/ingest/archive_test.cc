// JSON arrays, archives and compressed files are read in place; corrupt ones are
// reported with their name and the rest of the batch goes on.
#include "ingest/source.h"
#include "support/temp_dir.h"

#include <archive.h>
#include <archive_entry.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace fahras;

namespace {

using fahras::test::TempDir;

void write_file(const fs::path& p, const std::string& content) {
  std::ofstream(p, std::ios::binary) << content;
}

// Writes an archive (format: "zip", "tar.gz") or a single gzip'd file ("gz").
void write_archive(const fs::path& p, const std::string& format,
                   const std::vector<std::pair<std::string, std::string>>& entries) {
  archive* a = archive_write_new();
  if (format == "zip") archive_write_set_format_zip(a);
  else if (format == "tar.gz") archive_write_set_format_pax_restricted(a), archive_write_add_filter_gzip(a);
  else archive_write_set_format_raw(a), archive_write_add_filter_gzip(a);
  REQUIRE(archive_write_open_filename(a, p.c_str()) == ARCHIVE_OK);
  for (const auto& [name, content] : entries) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_write_header(a, e);
    archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
}

struct Collected {
  std::vector<schema::Article> articles;
  std::vector<std::string> reports;  // "where | why"
  ingest::IngestStats stats;
};

Collected read_all(const std::vector<fs::path>& inputs, ingest::FieldNames fields = {}) {
  Collected c;
  ingest::Diagnostics diag([&](ingest::Outcome, std::string_view where, std::string_view why) {
    c.reports.push_back(std::string(where) + " | " + std::string(why));
  });
  ingest::SourceOptions options;
  options.fields = fields;
  ingest::DocumentSource source(inputs, options, diag);
  schema::Article a;
  while (source.next(a)) c.articles.push_back(a);
  c.stats = diag.stats;
  return c;
}

bool reported(const Collected& c, const std::string& where_part, const std::string& why_part) {
  for (const std::string& r : c.reports)
    if (r.find(where_part) != std::string::npos && r.find(why_part) != std::string::npos) return true;
  return false;
}

const std::string kArray = R"([
  {"url": "https://a.example/1", "title": "عنوان", "content": "أكثر من 9000 معتقل", "date_extracted": "2015-07-21 02:51:58"},
  {"url": "https://a.example/2", "content": ""},
  "not an object",
  {"url": "https://a.example/3", "content": "153 هجوما"}
])";

}  // namespace

TEST_CASE("a JSON array file gives one article per object, bad records are named by number", "[ingest][json]") {
  TempDir d;
  write_file(d.path() / "day.json", kArray);
  const Collected c = read_all({d.path() / "day.json"}, {.id = "url", .text = "content", .date = "date_extracted"});
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[0].id == "https://a.example/1");
  CHECK(c.articles[0].title == "عنوان");
  CHECK(c.articles[0].date == "2015-07-21 02:51:58");
  CHECK(c.articles[1].id == "https://a.example/3");
  CHECK(c.stats.skipped_records == 2);
  CHECK(reported(c, "day.json: record 2", "no text"));
  CHECK(reported(c, "day.json: record 3", "not a JSON object"));
}

TEST_CASE("a malformed JSON array file is reported and skipped, the next file is read", "[ingest][json]") {
  TempDir d;
  write_file(d.path() / "a.json", "[{\"id\": \"x\", \"text\": \"نص\"");  // truncated
  write_file(d.path() / "b.json", R"({"id": "single", "text": "مقالة واحدة"})");  // one object
  const Collected c = read_all({d.path()});
  REQUIRE(c.articles.size() == 1);
  CHECK(c.articles[0].id == "single");
  CHECK(c.stats.skipped_files == 1);
  CHECK(reported(c, "a.json", "malformed JSON"));
}

TEST_CASE("zip and tar.gz archives are read in place, entry by entry", "[ingest][archive]") {
  TempDir d;
  write_archive(d.path() / "news.zip", "zip",
                {{"2015-07-21.json", kArray}, {"notes/readme.md", "ignored"}, {"seeds/one.txt", "عنوان المقال\n\nنص المقال هنا بكلمات كثيرة"}});
  write_archive(d.path() / "more.tar.gz", "tar.gz", {{"x/lines.jsonl", "{\"id\":\"j1\",\"text\":\"سطر أول\"}\n{bad\n"}});
  const Collected c = read_all({d.path() / "news.zip", d.path() / "more.tar.gz"}, {.id = "url", .text = "content"});
  // news.zip: 2 from the array + 1 text entry; more.tar.gz has the default field
  // names, so with id=url/text=content its record has no text.
  REQUIRE(c.articles.size() == 3);
  CHECK(c.articles[0].id == "https://a.example/1");
  CHECK(c.articles[0].origin == (d.path() / "news.zip").string() + "!2015-07-21.json: record 1");
  CHECK(c.articles[2].id == "news.zip!seeds/one.txt");  // the archive, then its entry
  CHECK(c.stats.ignored_files == 1);
  CHECK(reported(c, "more.tar.gz!x/lines.jsonl:1", "no text"));
  CHECK(reported(c, "more.tar.gz!x/lines.jsonl:2", "malformed JSON"));

  const Collected t = read_all({d.path() / "more.tar.gz"});
  REQUIRE(t.articles.size() == 1);
  CHECK(t.articles[0].id == "j1");
}

TEST_CASE("records without an id in two archives with the same entry names keep apart", "[ingest][archive]") {
  // Two sources' archives of one day, each holding day.json, and a gzip'd JSONL
  // feed per source: the fallback ids name the archive as given (relative to
  // the folder), so no article replaces another.
  TempDir d;
  fs::create_directories(d.path() / "a");
  fs::create_directories(d.path() / "b");
  for (const char* source : {"a", "b"}) {
    write_archive(d.path() / source / "2015.zip", "zip", {{"day.json", R"([{"text": "خبر أول"}, {"text": "خبر ثان"}])"}});
    write_archive(d.path() / source / "feed.jsonl.gz", "gz", {{"data", "{\"text\":\"سطر\"}\n"}});
  }
  const Collected c = read_all({d.path()});
  REQUIRE(c.articles.size() == 6);
  std::vector<std::string> ids;
  for (const auto& a : c.articles) ids.push_back(a.id);
  CHECK(ids == std::vector<std::string>{"a/2015.zip!day.json#1", "a/2015.zip!day.json#2", "a/feed.jsonl:1",
                                        "b/2015.zip!day.json#1", "b/2015.zip!day.json#2", "b/feed.jsonl:1"});
}

TEST_CASE("a compressed single file is read as the kind its inner name says", "[ingest][archive]") {
  TempDir d;
  write_archive(d.path() / "feed.jsonl.gz", "gz", {{"data", "{\"id\":\"g1\",\"text\":\"مضغوط\"}\n{\"id\":\"g2\",\"text\":\"ثان\"}\n"}});
  const Collected c = read_all({d.path() / "feed.jsonl.gz"});
  REQUIRE(c.articles.size() == 2);
  CHECK(c.articles[1].id == "g2");
  CHECK(c.articles[1].origin == (d.path() / "feed.jsonl.gz").string() + ":2");
}

TEST_CASE("a truncated or corrupt archive is reported by name and the batch goes on", "[ingest][archive]") {
  TempDir d;
  write_archive(d.path() / "good.jsonl.gz", "gz", {{"data", std::string(2000, ' ') + "{\"id\":\"ok\",\"text\":\"سليم\"}\n"}});
  // Truncate a copy of a valid gzip in the middle of its deflate stream.
  std::ifstream in(d.path() / "good.jsonl.gz", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  write_file(d.path() / "cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  write_file(d.path() / "junk.zip", "this is not a zip file at all");
  const Collected c = read_all({d.path() / "cut.jsonl.gz", d.path() / "junk.zip", d.path() / "good.jsonl.gz"});
  REQUIRE(c.articles.size() == 1);
  CHECK(c.articles[0].id == "ok");
  CHECK(reported(c, "cut.jsonl.gz", ""));
  CHECK(reported(c, "junk.zip", ""));
  CHECK(c.stats.skipped_files == 2);
}

TEST_CASE("TREC <DOC> collections: chosen by content, one article per DOC, bad DOCs named", "[ingest][trec]") {
  TempDir d;
  const std::string trec = R"(<DOC>
<DOCNO>JA-culture-1-20170120</DOCNO>
<URL>http://example.tn/1</URL>
<SRC>Jawhara FM</SRC>
<TITLE>ينطلق اليوم المهرجان</TITLE>
<TIME>02/05/2016</TIME>
<ABSTRACT>
ملخص قصير للخبر
</ABSTRACT>
<TEXT>
<P>تنطلق اليوم فعاليات الدورة السابعة عشرة.</P>
<P>وقال المدير إن 49 قناة ستشارك.</P>
</TEXT>
</DOC>
<DOC>
<DOCNO>EMPTY-1</DOCNO>
<TEXT>
</TEXT>
</DOC>
<DOC>
<DOCNO>CUT-1</DOCNO>
<TEXT>نص بلا نهاية)";
  // A .txt whose content is TREC, inside a tar.gz (as ANT ships), and a .sgml file.
  write_archive(d.path() / "ant.tar.gz", "tar.gz", {{"culture/JA-culture-1.txt", trec}});
  write_file(d.path() / "wire.sgml", "<DOC><DOCNO>AFP_1</DOCNO><HEADLINE>عنوان</HEADLINE><DATE>2004-05-01</DATE>"
                                    "<TEXT>خبر من الوكالة</TEXT></DOC>");
  const Collected c = read_all({d.path() / "ant.tar.gz", d.path() / "wire.sgml"});
  REQUIRE(c.articles.size() == 2);
  const schema::Article& a = c.articles[0];
  CHECK(a.id == "JA-culture-1-20170120");
  CHECK(a.title == "ينطلق اليوم المهرجان");
  CHECK(a.date == "2016-05-02");
  CHECK(a.source == "Jawhara FM");
  CHECK(a.url == "http://example.tn/1");
  // Abstract first, then one paragraph per <P>: the non-blank lines, in order.
  std::vector<std::string> lines;
  std::istringstream text(a.text);
  for (std::string line; std::getline(text, line);)
    if (line.find_first_not_of(" \t\r") != std::string::npos) lines.push_back(line);
  CHECK(lines == std::vector<std::string>{"ملخص قصير للخبر", "تنطلق اليوم فعاليات الدورة السابعة عشرة.",
                                          "وقال المدير إن 49 قناة ستشارك."});
  CHECK(a.text.find('<') == std::string::npos);
  CHECK(c.articles[1].id == "AFP_1");
  CHECK(c.articles[1].title == "عنوان");
  CHECK(c.articles[1].date == "2004-05-01");
  CHECK(reported(c, "JA-culture-1.txt: DOC 2 (EMPTY-1)", "no text"));
  CHECK(reported(c, "JA-culture-1.txt: DOC 3 (CUT-1)", "truncated"));
  CHECK(c.stats.skipped_records == 2);
}
