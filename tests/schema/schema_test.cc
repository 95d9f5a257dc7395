// Schema: article keys, passage uids, the passage record codec, JSON strings,
// dates and the DocumentBuilder.
#include "analysis/utf8.h"
#include "schema/article.h"
#include "schema/document_builder.h"
#include "schema/schema.h"

#include <catch2/catch.hpp>
#include <simdjson.h>
#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace schema = fahras::schema;

namespace {


std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool is_hex(std::string_view s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
  return out;
}

}  // namespace

TEST_CASE("article_key keeps ids of up to 32 bytes unchanged", "[schema][key]") {
  const std::vector<std::string> ids = {
      "a.txt", "news/2024/07/article.txt", "ANT_0001234", repeat("x", 32),
      repeat("ع", 16),  // 32 bytes of Arabic
      "~" + repeat("0", 31),
  };
  for (const std::string& id : ids) {
    CAPTURE(id);
    CHECK(schema::article_key(id) == id);
  }
}

TEST_CASE("article_key hashes longer ids to a short, stable, distinct key", "[schema][key]") {
  const std::vector<std::string> ids = {
      repeat("x", 33),
      repeat("x", 1000),
      "https://example.com/ar/العراق/123",
      repeat("ع", 17),  // 34 bytes
      "xx" + repeat("€", 100),
      repeat("x", 181) + repeat("😀", 10),
  };
  std::set<std::string> keys;
  for (const std::string& id : ids) {
    CAPTURE(id.size());
    const std::string key = schema::article_key(id);
    CAPTURE(key);
    // '~' + 32 hex digits: 33 bytes, longer than any id that is kept as it is.
    REQUIRE(key.size() == 33);
    CHECK(key[0] == '~');
    CHECK(is_hex(key.substr(1)));
    CHECK(schema::article_key(id) == key);  // stable
    keys.insert(key);
  }
  CHECK(keys.size() == ids.size());

  // URLs of one site that differ only in their last characters get different
  // keys that differ from the first byte on (what makes them cheap to compare).
  const std::string common = "https://www.alriyadh.com/ar/" + repeat("ع", 40) + "/";
  std::set<std::string> tails;
  std::set<char> first_digits;
  for (std::string_view tail : {"1", "2", "3", "4", "5", "6", "7", "8"}) {
    const std::string key = schema::article_key(common + std::string(tail));
    tails.insert(key);
    first_digits.insert(key[1]);
  }
  CHECK(tails.size() == 8);
  CHECK(first_digits.size() > 1);
}

TEST_CASE("article_key hashes with XXH3-128 (stable across runs, machines and builds)", "[schema][key]") {
  // Expected keys from `printf %s ID | xxhsum -H2` (Debian package xxhash 0.8.1),
  // computed outside fahras.
  struct Case {
    std::string id;
    std::string_view key;
  };
  const std::vector<Case> cases = {
      {repeat("x", 33), "~e778dc73218d27d6b7c34eed5c8e89aa"},
      {"https://example.com/ar/العراق/123", "~2816cc195b948d1876e6d045f588c572"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.id);
    CHECK(schema::article_key(c.id) == std::string(c.key));
  }
}

TEST_CASE("passage_uid is Q<key>#<n>", "[schema][key]") {
  struct Case {
    std::string_view id;
    std::uint32_t passage;
    std::string_view expected;
  };
  static constexpr Case kCases[] = {
      {"a.txt", 1, "Qa.txt#1"},
      {"news/العراق.txt", 12, "Qnews/العراق.txt#12"},
      {"123", 4294967295u, "Q123#4294967295"},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.id), c.passage);
    CHECK(schema::passage_uid(c.id, c.passage) == std::string(c.expected));
  }
  const std::string long_id = repeat("x", 300);
  CHECK(schema::passage_uid(long_id, 2) == "Q" + schema::article_key(long_id) + "#2");
}

TEST_CASE("encode_record and decode_record round-trip every field", "[schema][record]") {
  std::vector<schema::PassageRecord> records;
  records.push_back({"a.txt", 1, "عنوان", "نص المقطع", "2024-07-15", "المصدر", "https://example.com/a"});
  records.push_back({"news/مقال \"مقتبس\".txt", 7, "قال: \"لا\"", "سطر أول\nسطر ثان\r\n\tمزاح",
                     "", "", ""});
  records.push_back({"c\\d", 3, "", std::string("ctl \x01\x02\x1f del \x7f nul ") + '\0' + " end", "2020-01-01",
                     "src", ""});
  records.push_back({"id-with-ﻻ-and-😀", 4294967295u, "t", "٤٣٬٠٠٠ معتقل، ٢٫٥٪", "", "بلدي نيوز", "u"});
  for (const schema::PassageRecord& r : records) {
    CAPTURE(r.id, r.text);
    const std::string data = schema::encode_record(r);
    CHECK(fahras::analysis::is_valid_utf8(data));
    const schema::PassageRecord back = schema::decode_record(data);
    CHECK(back.id == r.id);
    CHECK(back.passage == r.passage);
    CHECK(back.title == r.title);
    CHECK(back.text == r.text);
    CHECK(back.date == r.date);
    CHECK(back.source == r.source);
    CHECK(back.url == r.url);
  }
}

TEST_CASE("decode_record throws on data that is not a fahras record", "[schema][record]") {
  static constexpr std::string_view kCases[] = {
      "",
      "not json",
      "[1,2,3]",
      "\"just a string\"",
      "{}",
      "{\"id\":\"a\"}",                       // no passage number
      "{\"id\":\"a\",\"passage\":0}",         // passages are 1-based
      "{\"passage\":1,\"text\":\"x\"}",       // no id
      "{\"id\":\"a\",\"passage\":1",          // truncated
      "{\"id\":\"a\",\"passage\":\"one\"}",   // passage not a number
  };
  for (std::string_view data : kCases) {
    CAPTURE(std::string(data));
    CHECK_THROWS_AS(schema::decode_record(data), std::runtime_error);
  }
}

TEST_CASE("pack_record stores a record as one zstd frame that read_record reads back", "[schema][record]") {
  schema::PassageRecord r{"https://example.com/ar/العراق/123", 2, "", "", "", "", ""};
  for (int i = 0; i < 40; ++i) r.text += "أكثر من 9000 معتقل في مخيم الهول. ";
  const std::string json = schema::encode_record(r);
  const std::string packed = schema::pack_record(r);
  CHECK(packed.size() < json.size() / 4);  // a repetitive text compresses
  CHECK(packed.compare(0, 4, "\x28\xB5\x2F\xFD") == 0);  // zstd's magic number
  Xapian::Document doc;
  doc.add_value(schema::kSlotRecord, packed);
  CHECK(schema::stored_record(doc) == json);
  const schema::PassageRecord back = schema::read_record(doc);
  CHECK(back.id == r.id);
  CHECK(back.passage == 2);
  CHECK(back.text == r.text);
}

TEST_CASE("read_record reads the document data of an index of schema 5 or 6", "[schema][record]") {
  const schema::PassageRecord r{"a.txt", 1, "عنوان", "نص المقطع", "2024-07-15", "المصدر", "u"};
  Xapian::Document doc;
  doc.set_data(schema::encode_record(r));  // what schema 6 stored, with no record slot
  const schema::PassageRecord back = schema::read_record(doc);
  CHECK(back.id == "a.txt");
  CHECK(back.title == "عنوان");
  CHECK(back.text == "نص المقطع");
}

TEST_CASE("read_record throws on a record slot that is not a zstd frame fahras wrote", "[schema][record]") {
  const std::string packed = schema::pack_record({"a.txt", 1, "", "نص", "", "", ""});
  const std::string huge_header = std::string("\x28\xB5\x2F\xFD\xE4", 5) + std::string(8, '\xFF');  // claims 2^64-1 bytes
  const std::string cases[] = {
      "not zstd",
      packed.substr(0, packed.size() - 2),  // truncated
      huge_header,
      std::string(packed).replace(packed.size() - 3, 1, "\x7F"),  // one byte damaged: what unpacks is not a record
  };
  for (const std::string& value : cases) {
    Xapian::Document doc;
    doc.add_value(schema::kSlotRecord, value);
    CHECK_THROWS_AS(schema::read_record(doc), std::runtime_error);
  }
}

TEST_CASE("append_json_string escapes JSON specials and replaces invalid UTF-8 with U+FFFD", "[schema][json]") {
  struct Case {
    std::string input;
    std::string_view expected;  // the literal, quotes included
  };
  // Byte escapes below are for bytes that cannot be written as text (controls,
  // invalid UTF-8).
  const std::vector<Case> cases = {
      {"", R"("")"},
      {"والمعتقلين", R"("والمعتقلين")"},
      {"a\"b", R"("a\"b")"},
      {"a\\b", R"("a\\b")"},
      {"a\nb\rc\td", R"("a\nb\rc\td")"},
      {"\x01\x1f", R"("\u0001\u001f")"},
      {std::string("a\0b", 3), R"("a\u0000b")"},
      {"/ ~ \x7f", "\"/ ~ \x7f\""},                        // '/' and DEL need no escape
      {"a\xff" "b", "\"a\uFFFDb\""},                        // invalid byte
      {"معتقل\xd8", "\"معتقل\uFFFD\""},                    // truncated sequence at the end
      {"\xc0\xaf", "\"\uFFFD\uFFFD\""},                     // overlong form: each byte replaced
      {"\xed\xa0\x80", "\"\uFFFD\uFFFD\uFFFD\""},           // UTF-16 surrogate
      {"😀", "\"😀\""},                                     // 4-byte character kept
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    std::string out = "[";  // appends
    schema::append_json_string(out, c.input);
    CHECK(out.substr(1) == std::string(c.expected));
    CHECK(out[0] == '[');
    // Always valid JSON, and it parses back to the input when the input was valid.
    const std::string literal = out.substr(1);
    CHECK(fahras::analysis::is_valid_utf8(literal));
    simdjson::ondemand::parser parser;
    simdjson::padded_string padded(literal);
    std::string_view parsed;
    auto doc = parser.iterate(padded);
    REQUIRE_FALSE(doc.error());
    REQUIRE_FALSE(doc.get_string().get(parsed));
    if (fahras::analysis::is_valid_utf8(c.input)) CHECK(std::string(parsed) == c.input);
  }
}

TEST_CASE("normalized_date extracts YYYY-MM-DD from ISO dates and date-times", "[schema][date]") {
  struct Case {
    std::string input;
    std::string_view expected;
  };
  const std::vector<Case> cases = {
      {"2024-07-15", "2024-07-15"},
      {"2024-07-15T10:30:00Z", "2024-07-15"},
      {"2024-07-15T10:30:00+03:00", "2024-07-15"},
      {"2024-07-15 10:30", "2024-07-15"},
      {"", ""},
      {"2024-7-15", ""},
      {"15/07/2024", ""},
      {"20240715", ""},
      {"2024-07-150", ""},  // more digits: not a date
      {" 2024-07-15", ""},  // must start with the date
      {"2024/07/15", ""},
      {"١٥ تموز ٢٠٢٤", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input);
    CHECK(schema::normalized_date(c.input) == std::string(c.expected));
  }
}

TEST_CASE("DocumentBuilder makes one document per passage following the schema", "[schema][builder]") {
  schema::Article article;
  article.id = "news/العراق.txt";
  article.title = "تقرير عن المعتقلين";
  article.date = "2024-07-15T08:00:00Z";
  article.source = "Baladi News";
  article.url = "https://example.com/a";
  const std::string p1 = "أكثر من ٩٠٠٠ من المعتقلين في السجون بالعراق حسب التقرير";
  const std::string p2 = "وقالت القيادة المركزية إن الهجمات تراجعت خلال النصف الأول من العام";
  const std::string p3 = "وأضاف البيان أن عدد المعتقلين بلغ 43,000 في سوريا والعراق";
  article.text = p1 + "\n\n" + p2 + "\n" + p3 + "\n";

  schema::DocumentBuilder builder;
  std::vector<Xapian::Document> docs;
  builder.build(article, docs);
  REQUIRE(docs.size() == 3);
  const std::vector<std::string> texts = {p1, p2, p3};
  const std::string key = schema::article_key(article.id);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    const auto n = static_cast<std::uint32_t>(i + 1);
    CAPTURE(n);
    const Xapian::Document& doc = docs[i];
    const std::set<std::string> terms = terms_of(doc);
    CHECK(terms.count(schema::passage_uid(article.id, n)) == 1);
    CHECK(terms.count("Qnews/العراق.txt#" + std::to_string(n)) == 1);
    CHECK(terms.count("XAnews/العراق.txt") == 1);
    CHECK(terms.count("XSbaladi news") == 1);  // source, normalized
    // No other passage's uid.
    for (std::uint32_t other = 1; other <= 3; ++other)
      if (other != n) CHECK(terms.count(schema::passage_uid(article.id, other)) == 0);
    CHECK(doc.get_value(schema::kSlotArticle) == key);
    CHECK(Xapian::sortable_unserialise(doc.get_value(schema::kSlotPassage)) == Approx(n));
    CHECK(doc.get_value(schema::kSlotDate) == "2024-07-15");
    CHECK(doc.get_data().empty());  // schema 7: the record is in its slot, packed
    CHECK(!doc.get_value(schema::kSlotRecord).empty());
    const schema::PassageRecord r = schema::read_record(doc);
    CHECK(r.id == article.id);
    CHECK(r.passage == n);
    CHECK(r.text == texts[i]);
    // The article's fields are stored once, with passage 1.
    CHECK(r.title == (n == 1 ? article.title : ""));
    CHECK(r.date == (n == 1 ? "2024-07-15" : ""));
    CHECK(r.source == (n == 1 ? article.source : ""));
    CHECK(r.url == (n == 1 ? article.url : ""));
    // Stopwords are not terms.
    CHECK(terms.count("في") + terms.count("من") + terms.count("ان") == 0);
  }
  // Index terms are stems; numbers are canonical.
  const std::set<std::string> t1 = terms_of(docs[0]), t3 = terms_of(docs[2]);
  CHECK(t1.count("معتقل") == 1);
  CHECK(t1.count("عراق") == 1);
  CHECK(t1.count("9000") == 1);
  CHECK(t3.count("43000") == 1);
  CHECK(t3.count("معتقل") == 1);
  CHECK(terms_of(docs[1]).count("معتقل") == 0);
}

TEST_CASE("DocumentBuilder gives the years and months the text names XD terms and facet slots", "[schema][builder]") {
  // The distinct values of the slots from `first` on, in slot order.
  auto slots = [](const Xapian::Document& doc, Xapian::valueno first) {
    std::vector<std::string> out;
    for (Xapian::valueno k = first; k < first + schema::kMentionSlots; ++k)
      if (!doc.get_value(k).empty()) out.push_back(doc.get_value(k));
    return out;
  };
  using V = std::vector<std::string>;
  struct Case {
    const char* text;
    V years, months;
  };
  const Case cases[] = {
      {"وقعت الهجمات في آذار/مارس 2015 ثم في أيار 2015 وبعد ذلك في عام 2016 .", {"2015", "2016"},
       {"2015-03", "2015-05"}},
      // A period: its ends, then the years between.
      {"خلال الفترة من 2011 إلى 2014 تضاعف العدد .", {"2011", "2014", "2012", "2013"}, {}},
      // More than six distinct years: the first six get slots, all get terms.
      {"زار الوفد المدينة عام 2001 ثم عام 2002 ثم عام 2003 ثم عام 2004 ثم عام 2005 ثم عام 2006 ثم عام 2007 .",
       {"2001", "2002", "2003", "2004", "2005", "2006"}, {}},
      // A year named twice fills one slot.
      {"في عام 2010 وفي عام 2010 أيضا .", {"2010"}, {}},
      {"بلا تاريخ مكتوب في النص .", {}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    schema::Article article;
    article.id = "a";
    article.text = c.text;
    schema::DocumentBuilder builder;
    std::vector<Xapian::Document> docs;
    builder.build(article, docs);
    REQUIRE(docs.size() == 1);
    const std::set<std::string> terms = terms_of(docs[0]);
    if (c.years.size() == schema::kMentionSlots) CHECK(terms.count("XD2007") == 1);  // a term, though no slot
    CHECK(slots(docs[0], schema::kSlotMentionYearFirst) == c.years);
    CHECK(slots(docs[0], schema::kSlotMentionMonthFirst) == c.months);
    for (const std::string& y : c.years) CHECK(terms.count("XD" + y) == 1);
    for (const std::string& m : c.months) CHECK(terms.count("XD" + m) == 1);
  }
}

TEST_CASE("DocumentBuilder gives a person known only by a given name a term but no facet value", "[schema][builder]") {
  // The person facet's values, in slot order.
  auto people = [](const Xapian::Document& doc) {
    std::vector<std::string> out;
    for (Xapian::valueno k = schema::kSlotPersonFirst; k < schema::kSlotPersonFirst + schema::kEntitySlots; ++k)
      if (!doc.get_value(k).empty()) out.push_back(std::string(schema::split_entity_value(doc.get_value(k)).first));
    return out;
  };
  schema::Article article;
  article.id = "a";
  // الأمير محمد is named by his given name alone; جون كيري in full.
  article.text = "وقال الأمير محمد إن الاجتماع مهم . وقال وزير الخارجية جون كيري إن القوات مستعدة .";
  schema::DocumentBuilder builder;
  std::vector<Xapian::Document> docs;
  builder.build(article, docs);
  REQUIRE(docs.size() == 1);
  const std::set<std::string> terms = terms_of(docs[0]);
  CHECK(terms.count(std::string(schema::kPrefixPerson) + "محمد") == 1);
  CHECK(people(docs[0]) == std::vector<std::string>{"جون كيري"});
}

TEST_CASE("DocumentBuilder gives long ids a shortened key and no documents to wordless articles",
          "[schema][builder]") {
  schema::DocumentBuilder builder;
  std::vector<Xapian::Document> docs;

  schema::Article long_id;
  long_id.id = repeat("ع", 200);
  long_id.text = "نص قصير عن المعتقلين في العراق وسوريا";
  builder.build(long_id, docs);
  REQUIRE(docs.size() == 1);
  const std::string key = schema::article_key(long_id.id);
  REQUIRE(key != long_id.id);
  const std::set<std::string> terms = terms_of(docs[0]);
  CHECK(terms.count("XA" + key) == 1);
  CHECK(terms.count("Q" + key + "#1") == 1);
  for (const std::string& t : terms) CHECK(t.size() <= 245);  // Xapian's term limit
  CHECK(docs[0].get_value(schema::kSlotArticle) == key);
  CHECK(docs[0].get_value(schema::kSlotDate).empty());  // no date given
  CHECK(schema::read_record(docs[0]).id == long_id.id);  // the record keeps the full id

  for (std::string_view text : {"", "   \n\n\t"}) {
    CAPTURE(std::string(text));
    schema::Article empty;
    empty.id = "empty";
    empty.text = text;
    builder.build(empty, docs);  // replaces the previous output
    CHECK(docs.empty());
  }
}

TEST_CASE("complete_record takes the article's fields from passage 1 of the same article", "[schema][record]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  schema::DocumentBuilder builder;
  std::vector<Xapian::Document> docs;
  for (const char* id : {"news/a.txt", "https://example.com/ar/العراق/2024/07/15/مقال-طويل"}) {
    schema::Article a;
    a.id = id;
    a.title = std::string("عنوان ") + id;
    a.date = "2024-07-15";
    a.source = "بلدي نيوز";
    a.url = std::string("https://example.com/") + id;
    a.text = "أكثر من ٩٠٠٠ من المعتقلين في السجون بالعراق حسب التقرير\n\n"
             "وقالت القيادة المركزية إن الهجمات تراجعت خلال النصف الأول من العام\n"
             "وأضاف البيان أن عدد المعتقلين بلغ 43,000 في سوريا والعراق\n";
    docs.clear();
    builder.build(a, docs);
    REQUIRE(docs.size() == 3);
    for (Xapian::Document& d : docs) db.add_document(d);
  }
  for (Xapian::docid did = 1; did <= db.get_doccount(); ++did) {
    CAPTURE(did);
    schema::PassageRecord r = schema::read_record(db.get_document(did));
    CHECK(r.title.empty() == (r.passage > 1));
    schema::complete_record(db, r);
    CHECK(r.title == "عنوان " + r.id);
    CHECK(r.date == "2024-07-15");
    CHECK(r.source == "بلدي نيوز");
    CHECK(r.url == "https://example.com/" + r.id);
  }

  // Passage 1 missing, or a record that already has its fields: left as it is.
  schema::PassageRecord orphan{"gone.txt", 2, "", "نص", "", "", ""};
  schema::complete_record(db, orphan);
  CHECK(orphan.title.empty());
  schema::PassageRecord full{"news/a.txt", 2, "عنوان آخر", "نص", "", "", ""};
  schema::complete_record(db, full);
  CHECK(full.title == "عنوان آخر");
  CHECK(full.url.empty());
}
