// Ingest: repair_utf8 and DocumentSource over a temporary input tree.
// Byte escapes appear only for bytes that cannot be written as text (invalid
// UTF-8, NUL, the BOM).
#include "ingest/diagnostics.h"
#include "ingest/source.h"
#include "ingest/utf8.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/temp_dir.h"

namespace fs = std::filesystem;
using fahras::ingest::Diagnostics;
using fahras::ingest::DocumentSource;
using fahras::ingest::FieldNames;
using fahras::ingest::Outcome;
using fahras::ingest::repair_utf8;
using fahras::ingest::SourceOptions;
using fahras::schema::Article;

using fahras::test::TempDir;

namespace {

struct Report {
  Outcome outcome;
  std::string where;
  std::string why;
};

// Diagnostics whose sink records every report.
struct Recorder {
  std::vector<Report> reports;
  Diagnostics diag{[this](Outcome o, std::string_view where, std::string_view why) {
    reports.push_back({o, std::string(where), std::string(why)});
  }};

  std::vector<std::string> where(Outcome o) const {
    std::vector<std::string> out;
    for (const Report& r : reports)
      if (r.outcome == o) out.push_back(r.where);
    return out;
  }
};

std::vector<Article> read_all(DocumentSource& source) {
  std::vector<Article> out;
  Article a;
  while (source.next(a)) out.push_back(a);
  return out;
}

const std::string kReplacement = "\uFFFD";

}  // namespace

TEST_CASE("repair_utf8 drops a BOM, replaces invalid sequences and NUL bytes", "[ingest][utf8]") {
  struct Case {
    std::string input;
    std::string expected;
    std::size_t invalid;
    std::size_t nuls;
  };
  const std::vector<Case> cases = {
      {"والمعتقلين في العراق", "والمعتقلين في العراق", 0, 0},       // valid: untouched
      {"", "", 0, 0},
      {"\xEF\xBB\xBFالعراق", "العراق", 0, 0},                        // leading BOM dropped
      {"العراق\xEF\xBB\xBF", "العراق\xEF\xBB\xBF", 0, 0},            // only a leading one
      {"a\xff" "b", "a" + kReplacement + "b", 1, 0},
      {"معتقل\xd8", "معتقل" + kReplacement, 1, 0},                   // cut-off sequence at the end
      {"\xe2\x80x", kReplacement + "x", 1, 0},                        // cut-off 3-byte sequence: one U+FFFD
      {"\xc0\xaf/", kReplacement + "/", 1, 0},                        // overlong '/'
      {"\xed\xa0\x80z", kReplacement + "z", 1, 0},                    // UTF-16 surrogate
      {"a\xff\xfe" "b\xff", "a" + kReplacement + kReplacement + "b" + kReplacement, 3, 0},
      {std::string("a\0b", 3), "a b", 0, 1},                          // NUL → space
      {std::string("\0\0", 2), "  ", 0, 2},
      {std::string("\xEF\xBB\xBF" "a\0\xff", 6), "a " + kReplacement, 1, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    std::string text = c.input;
    const auto r = repair_utf8(text);
    CHECK(text == c.expected);
    CHECK(r.invalid == c.invalid);
    CHECK(r.nuls == c.nuls);
    CHECK(r.changed() == (c.invalid + c.nuls != 0));
  }
}

TEST_CASE("DocumentSource reads .txt files of nested folders in sorted order with relative ids",
          "[ingest][source]") {
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  dir.write("corpus/b/z.txt", "عنوان المقال الثاني في المجلد\nنص المقال الثاني");
  dir.write("corpus/a.txt", "فيسبوك\nهذا عنوان المقال الأول\nنص المقال الأول");
  dir.write("corpus/b/a/y.txt", "\xEF\xBB\xBFسطر واحد فيه أربع كلمات");
  dir.write("corpus/c/upper.TXT", "امتداد بحروف كبيرة يقرأ أيضا");
  dir.write("corpus/notes.md", "# not read");
  dir.write("corpus/b/data.csv", "a,b");
  dir.write("corpus/empty.txt", "");
  dir.write("corpus/blank.txt", " \n\t\n");

  Recorder rec;
  DocumentSource source({root}, SourceOptions{}, rec.diag);
  const std::vector<Article> got = read_all(source);

  struct Expect {
    std::string_view id;
    std::string_view title;
  };
  static constexpr Expect kExpected[] = {
      {"a.txt", "هذا عنوان المقال الأول"},
      {"b/a/y.txt", "سطر واحد فيه أربع كلمات"},  // BOM dropped
      {"b/z.txt", "عنوان المقال الثاني في المجلد"},
      {"c/upper.TXT", "امتداد بحروف كبيرة يقرأ أيضا"},
  };
  REQUIRE(got.size() == std::size(kExpected));
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].id == std::string(kExpected[i].id));
    CHECK(got[i].title == std::string(kExpected[i].title));
    CHECK(got[i].origin == (root / kExpected[i].id).string());
  }
  CHECK(got[0].text == "فيسبوك\nهذا عنوان المقال الأول\nنص المقال الأول");
  CHECK(got[1].text == "سطر واحد فيه أربع كلمات");

  CHECK(rec.diag.stats.ignored_files == 2);  // notes.md, data.csv
  CHECK(rec.diag.stats.articles == 4);
  CHECK(rec.diag.stats.skipped_records == 2);  // empty.txt, blank.txt
  const auto skipped = rec.where(Outcome::Skipped);
  CHECK(skipped == std::vector<std::string>{(root / "blank.txt").string(), (root / "empty.txt").string()});
  CHECK(rec.where(Outcome::Repaired).empty());
}

TEST_CASE("DocumentSource reads JSONL records and reports bad lines by file:line", "[ingest][source][jsonl]") {
  TempDir dir;
  std::string jsonl;
  jsonl += R"({"id":"a1","title":"عنوان","text":"نص المقال الأول","date":"2024-07-15","source":"بلدي نيوز","url":"https://e.com/1"})" "\n";  // 1
  jsonl += R"({"id":"a2","text": "unterminated)" "\n";                                     // 2 malformed
  jsonl += R"({"id":"a3","title":"بلا نص"})" "\n";                                          // 3 no text
  jsonl += "{\"id\":\"a4\",\"text\":\"بايت \xff خاطئ\"}\n";                                 // 4 invalid UTF-8
  jsonl += "\n";                                                                             // 5 blank
  jsonl += "   \t\n";                                                                        // 6 blank
  jsonl += R"({"id":123,"text":"معرف رقمي"})" "\n";                                         // 7 numeric id
  jsonl += R"({"url":"https://e.com/8","text":"معرفه الرابط"})" "\n";                      // 8 id = url
  jsonl += R"({"text":"لا معرف ولا رابط"})" "\n";                                            // 9 id = file:line
  jsonl += R"({"id":"a10","text":"   "})" "\n";                                              // 10 text without words
  jsonl += R"({"id":"a11","text":null})" "\n";                                               // 11 null text
  jsonl += R"([1,2,3])" "\n";                                                                // 12 not an object
  jsonl += R"({"id":"a13","text":"السطر الأخير بلا نهاية سطر"})";                          // 13, no final newline
  const fs::path file = dir.write("news.jsonl", jsonl);

  Recorder rec;
  DocumentSource source({file}, SourceOptions{}, rec.diag);
  const std::vector<Article> got = read_all(source);

  struct Expect {
    std::string id;
    std::string text;
    int line;
  };
  const std::vector<Expect> expected = {
      {"a1", "نص المقال الأول", 1},
      {"a4", "بايت " + kReplacement + " خاطئ", 4},
      {"123", "معرف رقمي", 7},
      {"https://e.com/8", "معرفه الرابط", 8},
      {"news.jsonl:9", "لا معرف ولا رابط", 9},
      {"a13", "السطر الأخير بلا نهاية سطر", 13},
  };
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].id == expected[i].id);
    CHECK(got[i].text == expected[i].text);
    CHECK(got[i].origin == file.string() + ":" + std::to_string(expected[i].line));
  }
  CHECK(got[0].title == "عنوان");
  CHECK(got[0].date == "2024-07-15");
  CHECK(got[0].source == "بلدي نيوز");
  CHECK(got[0].url == "https://e.com/1");
  CHECK(got[1].title.empty());
  CHECK(got[3].url == "https://e.com/8");

  const auto at = [&](int line) { return file.string() + ":" + std::to_string(line); };
  CHECK(rec.where(Outcome::Skipped) == std::vector<std::string>{at(2), at(3), at(10), at(11), at(12)});
  CHECK(rec.where(Outcome::Repaired) == std::vector<std::string>{at(4)});
  CHECK(rec.diag.stats.files == 1);
  CHECK(rec.diag.stats.articles == 6);
  CHECK(rec.diag.stats.skipped_records == 5);
  CHECK(rec.diag.stats.repaired == 1);
  CHECK(rec.diag.stats.skipped_files == 0);
}

TEST_CASE("DocumentSource renames JSON fields with FieldNames, an empty name disables a field",
          "[ingest][source][jsonl]") {
  TempDir dir;
  std::string jsonl;
  jsonl += R"({"uid":"x1","body":"نص الجسم","headline":"العنوان","text":"ليس هذا","id":"ليس المعرف","published":"2024-01-02"})" "\n";
  jsonl += R"({"body":"بلا معرف","url":"https://e.com/2"})" "\n";  // url disabled: id = file:line
  jsonl += R"({"uid":"x3","text":"الحقل القديم فقط"})" "\n";       // no "body": skipped
  const fs::path file = dir.write("sub/renamed.jsonl", jsonl);

  SourceOptions options;
  options.fields.id = "uid";
  options.fields.text = "body";
  options.fields.title = "headline";
  options.fields.date = "published";
  options.fields.url = "";
  Recorder rec;
  DocumentSource source({file}, options, rec.diag);
  const std::vector<Article> got = read_all(source);
  REQUIRE(got.size() == 2);
  CHECK(got[0].id == "x1");
  CHECK(got[0].text == "نص الجسم");
  CHECK(got[0].title == "العنوان");
  CHECK(got[0].date == "2024-01-02");
  CHECK(got[1].id == "renamed.jsonl:2");  // the file given directly: its name
  CHECK(got[1].url.empty());
  CHECK(rec.where(Outcome::Skipped) == std::vector<std::string>{file.string() + ":3"});
}

TEST_CASE("DocumentSource mixes text and JSONL files of a folder, JSONL ids of lines use the relative path",
          "[ingest][source][jsonl]") {
  TempDir dir;
  dir.write("in/a.txt", "هذا نص ملف نصي عادي");
  dir.write("in/sub/b.jsonl", "{\"text\":\"سجل بلا معرف\"}\n{oops}\n");
  dir.write("in/z.txt", "ملف نصي أخير في المجلد");
  Recorder rec;
  DocumentSource source({dir.path() / "in"}, SourceOptions{}, rec.diag);
  const std::vector<Article> got = read_all(source);
  REQUIRE(got.size() == 3);
  CHECK(got[0].id == "a.txt");
  CHECK(got[1].id == "sub/b.jsonl:1");
  CHECK(got[2].id == "z.txt");
  CHECK(rec.where(Outcome::Skipped) == std::vector<std::string>{(dir.path() / "in" / "sub" / "b.jsonl").string() + ":2"});
  CHECK(rec.diag.stats.files == 3);
}

TEST_CASE("DocumentSource reports missing inputs, unsupported files and repaired text files", "[ingest][source]") {
  TempDir dir;
  const fs::path missing = dir.path() / "no" / "such.txt";
  const fs::path csv = dir.write("data.csv", "id,text\n1,نص\n");
  const fs::path text = dir.write("direct.txt", std::string("نص فيه \xff بايت خاطئ و") + '\0' + " صفر");
  const fs::path empty = dir.write("empty.txt", "");

  Recorder rec;
  DocumentSource source({missing, csv, text, empty}, SourceOptions{}, rec.diag);
  const std::vector<Article> got = read_all(source);

  REQUIRE(got.size() == 1);
  CHECK(got[0].id == "direct.txt");  // a file given directly: its name
  CHECK(got[0].text == "نص فيه " + kReplacement + " بايت خاطئ و  صفر");
  CHECK(got[0].origin == text.string());

  struct Expect {
    Outcome outcome;
    std::string where;
  };
  const std::vector<Expect> expected = {
      {Outcome::Skipped, missing.string()},
      {Outcome::Skipped, csv.string()},
      {Outcome::Repaired, text.string()},
      {Outcome::Skipped, empty.string()},
  };
  REQUIRE(rec.reports.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i, rec.reports[i].why);
    CHECK(rec.reports[i].outcome == expected[i].outcome);
    CHECK(rec.reports[i].where == expected[i].where);
    CHECK_FALSE(rec.reports[i].why.empty());
  }
  CHECK(rec.diag.stats.skipped_files == 2);    // missing path, unsupported extension
  CHECK(rec.diag.stats.ignored_files == 0);    // only counted inside folders
  CHECK(rec.diag.stats.skipped_records == 1);  // the empty .txt
  CHECK(rec.diag.stats.repaired == 1);
  CHECK(rec.diag.stats.articles == 1);
  CHECK(rec.diag.stats.files == 2);            // direct.txt, empty.txt opened
}

TEST_CASE("DocumentSource with no readable input yields nothing", "[ingest][source]") {
  TempDir dir;
  Recorder rec;
  DocumentSource source({dir.path() / "missing-folder"}, SourceOptions{}, rec.diag);
  Article a;
  CHECK_FALSE(source.next(a));
  CHECK_FALSE(source.next(a));  // stays done
  REQUIRE(rec.reports.size() == 1);
  CHECK(rec.reports[0].where == (dir.path() / "missing-folder").string());
  CHECK(rec.diag.stats.skipped_files == 1);
}

TEST_CASE("field specs NAME=KEY rename JSON fields, bad specs are refused", "[ingest][source]") {
  struct Case {
    const char* spec;
    bool ok;
  };
  const Case cases[] = {{"id=url", true},       {"text=content", true}, {"date=date_extracted", true},
                        {"title=headline", true}, {"source=site", true},  {"url=link", true},
                        {"text=", true},          {"idurl", false},       {"author=x", false},
                        {"=x", false}};
  for (const Case& c : cases) {
    CAPTURE(c.spec);
    FieldNames f;
    CHECK(fahras::ingest::set_field(f, c.spec) == c.ok);
  }
  FieldNames f;
  REQUIRE(fahras::ingest::set_field(f, "id=url"));
  REQUIRE(fahras::ingest::set_field(f, "text=content"));
  CHECK(f.id == "url");
  CHECK(f.text == "content");
  CHECK(f.title == "title");  // untouched
}
