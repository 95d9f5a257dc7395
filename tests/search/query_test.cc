// Query side: English rewriting, figure parsing with units, tiers, translation.
#include "analysis/analyzer.h"
#include "analysis/number_parser.h"
#include "schema/schema.h"
#include "search/lexicon.h"
#include "search/query.h"
#include "search/translator.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <limits>

using namespace fahras;
using namespace fahras::search;

namespace {

std::string stem(const std::string& word) {
  static thread_local analysis::Analyzer analyzer;
  return std::string(analyzer.analyze(word)[0].stem);
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

ParsedQuery parse(const std::string& q, const std::string& dict_dir = "") {
  analysis::Analyzer analyzer;
  Translator translator(dict_dir);
  const analysis::NumberParser numbers;
  return parse_query(q, analyzer, translator, numbers);
}

}  // namespace

TEST_CASE("English number phrases are rewritten into the Arabic the number parser reads", "[query]") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"9000 detainees", "9000 detainees"},
      {"More than 5000 refugees", "اكثر من 5000 refugees"},
      {"over 200 killed", "اكثر من 200 killed"},
      {"fewer than 10 soldiers", "اقل من 10 soldiers"},
      {"at least 30 killed", "ما لا يقل عن 30 killed"},
      {"about 2500 fighters", "نحو 2500 fighters"},
      {"between 100 and 200 killed", "بين 100 و 200 killed"},
      {"between 5 thousand and 7 thousand", "بين 5 الف و 7 الف"},
      {"from 25 to 50 million dollars", "من 25 الي 50 مليون dollars"},
      {">5000", "اكثر من 5000"},
      {">= 5000 pilgrims", "ما لا يقل عن 5000 pilgrims"},
      {"<100", "اقل من 100"},
      {"5000..10000", "بين 5000 و 10000"},
      {"9 thousand detainees", "9 الف detainees"},
      {"2.5 million", "2.5 مليون"},
      {"68 percent", "68 %"},
      {"about the attack", "about the attack"},  // a qualifier only before a number
      {"٩٠٠٠ معتقل", "٩٠٠٠ معتقل"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(rewrite_english(c.in) == c.out);
  }
}

TEST_CASE("query figures: value, bounds and units in every form", "[query]") {
  struct Case {
    const char* query;
    double value, low, high;
    bool exact;
    const char* unit;  // one expected unit (surface Arabic), or "" for none
  };
  const double inf = std::numeric_limits<double>::infinity();
  const Case cases[] = {
      {"9000 معتقل", 9000, 9000, 9000, true, "معتقل"},
      {"٩٠٠٠ معتقل", 9000, 9000, 9000, true, "معتقل"},
      {"9,000 معتقل", 9000, 9000, 9000, true, "معتقل"},
      {"9 آلاف معتقل", 9000, 9000, 9000, true, "معتقل"},
      {"تسعة آلاف محتجز", 9000, 9000, 9000, true, "محتجز"},
      {"9000 detainees", 9000, 9000, 9000, true, "معتقل"},
      {"153 attacks", 153, 153, 153, true, "هجوم"},
      {"more than 5000 refugees", 5000, 5000, inf, false, "لاجئ"},
      {"between 100 and 200 killed", 100, 100, 200, false, "قتيل"},
      {"5000..10000", 5000, 5000, 10000, false, ""},
      {"68%", 68, 68, 68, true, "%"},
      {"68 percent", 68, 68, 68, true, "%"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const ParsedQuery pq = parse(c.query);
    REQUIRE(pq.figures.size() == 1);
    const QueryFigure& f = pq.figures[0];
    CHECK(f.number.value == Approx(c.value));
    CHECK(f.number.low == Approx(c.low));
    if (std::isinf(c.high)) CHECK(std::isinf(f.number.high));
    else CHECK(f.number.high == Approx(c.high));
    CHECK(f.exact == c.exact);
    if (*c.unit) CHECK(contains(f.units, std::string(c.unit) == "%" ? "%" : stem(c.unit)));
  }
}

TEST_CASE("related units come from the lexicon and exclude the units themselves", "[query]") {
  const ParsedQuery pq = parse("9000 معتقل");
  REQUIRE(pq.figures.size() == 1);
  CHECK(pq.figures[0].units == std::vector<std::string>{stem("معتقل")});
  CHECK(contains(pq.figures[0].related, stem("محتجز")));
  CHECK(contains(pq.figures[0].related, stem("سجين")));
  CHECK_FALSE(contains(pq.figures[0].related, stem("معتقل")));
  // The value is a text term too; qualifier words are not.
  const ParsedQuery q2 = parse("أكثر من 9000 معتقل");
  CHECK(contains(q2.terms, "9000"));
  CHECK_FALSE(contains(q2.terms, stem("أكثر")));
}

TEST_CASE("figure_match tiers: value+unit > value+related > value only > none", "[query]") {
  const ParsedQuery pq = parse("9000 معتقل");
  const QueryFigure& q = pq.figures[0];
  analysis::ParsedNumber p;
  p.value = p.low = p.high = 9000;
  const std::string m = stem("معتقل"), h = stem("محتجز"), x = stem("دولار");
  CHECK(figure_match(q, p, {m}) == 3);
  CHECK(figure_match(q, p, {x, h}) == 2);
  CHECK(figure_match(q, p, {x}) == 1);
  p.value = p.low = p.high = 9001;
  CHECK(figure_match(q, p, {m}) == 0);

  const ParsedQuery more = parse("more than 40000 people");
  p.value = 43000, p.low = 43000, p.high = std::numeric_limits<double>::infinity();
  CHECK(figure_match(more.figures[0], p, {stem("فرد")}) == 3);
  p.value = 39999;
  CHECK(figure_match(more.figures[0], p, {stem("فرد")}) == 0);
}

TEST_CASE("a query without words or figures cannot be built", "[query]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_THROWS_AS(build_query(ParsedQuery{}, db), std::invalid_argument);
  CHECK_NOTHROW(build_query(parse("9000"), db));
}

TEST_CASE("range figures match value and unit of the same figure (XV terms in value order)", "[query]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string fire = stem("حريق"), acre = stem("فدان");
  for (double v : {3.0, 99.0, 100.0, 101.0, 1166.0, 54000.0}) {
    Xapian::Document d;
    d.add_term(schema::unit_value_term(fire, v));
    d.add_term(schema::unit_value_term(acre, v * 7));
    db.add_document(d);
  }
  auto values_of = [&](const std::vector<std::string>& terms) {
    std::vector<double> out;
    for (const std::string& t : terms) {
      std::string bytes;
      const std::string hex = t.substr(schema::unit_value_prefix(fire).size());
      for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
      out.push_back(Xapian::sortable_unserialise(bytes));
    }
    return out;
  };
  const double inf = std::numeric_limits<double>::infinity();
  CHECK(values_of(unit_value_terms_in_range(db, fire, 100, inf)) == std::vector<double>{100, 101, 1166, 54000});
  CHECK(values_of(unit_value_terms_in_range(db, fire, 100, 1166)) == std::vector<double>{100, 101, 1166});
  CHECK(values_of(unit_value_terms_in_range(db, fire, 0, 99)) == std::vector<double>{3, 99});
  CHECK(unit_value_terms_in_range(db, stem("لاجئ"), 0, inf).empty());
  // The query "more than 100 fires" matches the documents whose fire figure is ≥ 100,
  // not those with some other figure ≥ 100 (the acres).
  Xapian::Enquire enquire(db);
  enquire.set_query(build_query(parse("أكثر من 100 حريق"), db));
  CHECK(enquire.get_mset(0, 10).size() == 4);
}

TEST_CASE("English singulars and the news lexicon", "[translator]") {
  CHECK(english_singulars("casualties") == std::vector<std::string>{"casualties", "casualty", "casualti", "casualtie"});
  CHECK(english_singulars("attacks") == std::vector<std::string>{"attacks", "attack"});
  CHECK(english_singulars("press") == std::vector<std::string>{"press"});

  const auto lex = news_lexicon();
  CHECK(std::is_sorted(lex.begin(), lex.end(),
                       [](const LexiconEntry& a, const LexiconEntry& b) { return a.english < b.english; }));
  Translator t("");
  const std::vector<Lemma> detainees = t.translate("detainees");
  REQUIRE(detainees.size() >= 4);
  CHECK(detainees[0] == Lemma{stem("معتقل")});
  const std::vector<Lemma> prisoners = t.translate("prisoners");
  REQUIRE_FALSE(prisoners.empty());
  CHECK(prisoners[0] == Lemma{stem("سجين"), stem("سجناء")});  // singular and broken plural
  CHECK(t.translate("zzzz").empty());
}

TEST_CASE("FreeDict answers words the lexicon lacks, without their article", "[translator]") {
  const std::string dir = "/usr/share/dictd";
  if (!std::filesystem::exists(dir + "/freedict-eng-ara.index")) {
    WARN("dict-freedict-eng-ara not installed: skipped");
    return;
  }
  Translator t(dir);
  const std::vector<Lemma> hospital = t.translate("hospital");  // not in the lexicon
  REQUIRE_FALSE(hospital.empty());
  CHECK(t.dictionary_available());
  bool found = false;
  for (const Lemma& l : hospital) found |= contains(l, stem("مستشفى"));
  CHECK(found);
}

TEST_CASE("quoted phrases are split off, in any quotation marks", "[query][phrases]") {
  struct Case {
    const char* query;
    const char* rest;  // the query with the marks removed (spaces normalized below)
    std::vector<std::string> phrases;
  };
  const Case cases[] = {
      {"\"مخيم الهول\" 9000", "مخيم الهول 9000", {"مخيم الهول"}},
      {"«قوات سوريا الديمقراطية» و“التحالف الدولي”", "قوات سوريا الديمقراطية و التحالف الدولي",
       {"قوات سوريا الديمقراطية", "التحالف الدولي"}},
      {"”داعش” في سوريا", "داعش في سوريا", {"داعش"}},
      {"no quotes at all", "no quotes at all", {}},
      {"an \"unpaired mark", "an unpaired mark", {}},
      {"\"\" empty", "empty", {}},
  };
  auto squeeze = [](const std::string& s) {
    std::string out;
    for (char c : s)
      if (c != ' ' || (!out.empty() && out.back() != ' ')) out.push_back(c);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  for (const Case& c : cases) {
    INFO(c.query);
    std::vector<std::string> phrases;
    CHECK(squeeze(extract_phrases(c.query, phrases)) == c.rest);
    CHECK(phrases == c.phrases);
  }
}

TEST_CASE("a phrase keeps its words' order and the places of its stopwords", "[query][phrases]") {
  analysis::Analyzer analyzer;
  const QueryPhrase p = analyse_phrase("وزارة الصحة في السعودية", analyzer);
  REQUIRE(p.terms.size() == 3);  // في is a stopword: not a term, but it keeps its place
  CHECK(p.terms[0] == std::pair<std::string, std::uint32_t>{stem("وزارة"), 0});
  CHECK(p.terms[1].second == 1);
  CHECK(p.terms[2].second == 3);
  CHECK(phrase_query(p).get_description().find("PHRASE 4") != std::string::npos);
  CHECK(phrase_query(analyse_phrase("داعش", analyzer)).get_description().find("PHRASE") == std::string::npos);
  CHECK(phrase_query(analyse_phrase("في من", analyzer)).empty());
}

TEST_CASE("mentions: a Gregorian year or month is its own term, a Hijri one the Gregorian months it spans", "[query]") {
  const analysis::Normalizer normalize;
  const analysis::EntityExtractor entities;
  auto description = [&](const std::string& query) {
    Filters f;
    const std::string rest = extract_filters(query, f);
    CHECK(rest.empty());
    return filter_query(f, normalize, entities).get_description();
  };
  CHECK(description("mentions:2014") == "Query(XD2014)");
  CHECK(description("mentions:2024-06") == "Query(XD2024-06)");
  // رمضان 1436 = 2015-06-18..2015-07-16 (Umm al-Qura).
  const std::string ramadan = description("mentions:1436-09");
  CHECK(ramadan.find("XD2015-06") != std::string::npos);
  CHECK(ramadan.find("XD2015-07") != std::string::npos);
  CHECK(ramadan.find("XD2015-05") == std::string::npos);
  CHECK(ramadan.find("XD2015-08") == std::string::npos);
  // 1436 AH = 2014-10-25..2015-10-13: thirteen Gregorian months.
  const std::string year = description("mentions:1436");
  for (const char* m : {"XD2014-10", "XD2014-12", "XD2015-01", "XD2015-10"}) CHECK(year.find(m) != std::string::npos);
  CHECK(year.find("XD2014-09") == std::string::npos);
  CHECK(year.find("XD2015-11") == std::string::npos);
  CHECK(year.find("XD1436") == std::string::npos);
}

TEST_CASE("mentions: a range stands for every year or month between its bounds", "[query]") {
  const analysis::Normalizer normalize;
  const analysis::EntityExtractor entities;
  // The XD terms of the filter, in order.
  auto terms = [&](const std::string& query) {
    Filters f;
    CHECK(extract_filters(query, f).empty());
    const std::string d = filter_query(f, normalize, entities).get_description();
    std::vector<std::string> out;
    for (std::size_t at = d.find("XD"); at != std::string::npos; at = d.find("XD", at + 2))
      out.push_back(d.substr(at + 2, d.find_first_of(" )", at) - at - 2));
    return std::pair{out, d};
  };
  using V = std::vector<std::string>;
  struct Case {
    const char* query;
    V terms;
  };
  const Case cases[] = {
      {"mentions:2011..2014", {"2011", "2012", "2013", "2014"}},
      {"mentions:2014..2014", {"2014"}},
      {"mentions:2014-11..2015-02", {"2014-11", "2014-12", "2015-01", "2015-02"}},
      // A year bound is the whole year; a year inside the range also by its year term.
      {"mentions:2013-11..2015", {"2013-11", "2013-12", "2014-01", "2014-02", "2014-03", "2014-04", "2014-05",
                                  "2014-06", "2014-07", "2014-08", "2014-09", "2014-10", "2014-11", "2014-12",
                                  "2014", "2015-01", "2015-02", "2015-03", "2015-04", "2015-05", "2015-06",
                                  "2015-07", "2015-08", "2015-09", "2015-10", "2015-11", "2015-12", "2015"}},
      // Years in the index are 1900..2100: a wider range is cut to them.
      {"mentions:2099..3000", {"2099", "2100"}},
      // Hijri: شعبان 1436 (2015-05-19) .. شوال 1436 (ends 2015-08-15).
      {"mentions:1436-08..1436-10", {"2015-05", "2015-06", "2015-07", "2015-08"}},
      // Nothing: reversed, or a bound that is no year or month.
      {"mentions:2015..2014", {}},
      {"mentions:2014..x", {}},
      {"mentions:2014-13..2015", {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const auto [got, description] = terms(c.query);
    CHECK(got == c.terms);
    if (c.terms.empty()) CHECK(description == Xapian::Query(Xapian::Query::MatchNothing).get_description());
  }
}
