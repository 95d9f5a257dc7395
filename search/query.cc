#include "search/query.h"

#include "analysis/passages.h"

#include "analysis/figures.h"
#include "analysis/hijri.h"
#include "analysis/tokenizer.h"
#include "schema/schema.h"

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace fahras::search {
namespace {

bool starts_with_digit(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= '0' && c <= '9') return true;
  if (w.size() < 2) return false;
  const auto c1 = static_cast<unsigned char>(w[1]);
  return (c == 0xD9 && c1 >= 0xA0 && c1 <= 0xA9) || (c == 0xDB && c1 >= 0xB0 && c1 <= 0xB9);  // ٠-٩ ۰-۹
}

bool is_ascii(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Qualifier words that take a number after them.
struct Rewrite {
  std::string_view english[2];  // one or two words
  std::string_view arabic;
};
constexpr Rewrite kQualifiers[] = {
    {{"more", "than"}, "اكثر من"},      {{"greater", "than"}, "اكثر من"}, {{"at", "least"}, "ما لا يقل عن"},
    {{"less", "than"}, "اقل من"},       {{"fewer", "than"}, "اقل من"},    {{"at", "most"}, "ما لا يزيد عن"},
    {{"over", ""}, "اكثر من"},           {{"above", ""}, "اكثر من"},        {{"exceeding", ""}, "اكثر من"},
    {{"under", ""}, "اقل من"},           {{"below", ""}, "اقل من"},         {{"about", ""}, "نحو"},
    {{"around", ""}, "نحو"},             {{"approximately", ""}, "نحو"},    {{"nearly", ""}, "نحو"},
    {{"almost", ""}, "نحو"},             {{"roughly", ""}, "نحو"},          {{"some", ""}, "نحو"},
    {{"up", "to"}, "ما لا يزيد عن"},
};

std::string_view scale_word(std::string_view w) {
  if (w == "thousand" || w == "thousands") return "الف";
  if (w == "million" || w == "millions") return "مليون";
  if (w == "billion" || w == "billions") return "مليار";
  if (w == "hundred" || w == "hundreds") return "مئه";
  if (w == "percent" || w == "pct" || w == "percentage" || w == "%") return "%";
  return {};
}

std::vector<std::string> split_words(std::string_view q) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : q) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) words.push_back(std::move(cur)), cur.clear();
    } else {
      cur.push_back(static_cast<unsigned char>(c) < 0x80 ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

void add_unique(std::vector<std::string>& v, std::string_view s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
}

// A copy of what parse_query needs of a token (the analyser is reused for translations).
struct QueryToken {
  analysis::TokenKind kind;
  bool stopword;
  std::string norm, stem;
  std::uint32_t begin, end;
  bool content() const { return kind == analysis::TokenKind::Word && !stopword && !stem.empty(); }
};

Xapian::Query any_of(const std::vector<std::string>& terms) {
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query constant(double weight, const Xapian::Query& filter) {
  return Xapian::Query(Xapian::Query::OP_FILTER,
                       Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()), filter);
}

// "9000", "≥ 5000", "≤ 100", "≈ 2500", "100–200", "68%": the figure's meaning,
// whatever form the query wrote it in.
std::string describe(const analysis::ParsedNumber& n) {
  auto num = [](double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return std::string(buf);
  };
  std::string d;
  if (n.range || n.vague) d = num(n.low) + "\xE2\x80\x93" + num(n.high);  // en dash
  else if (n.qualifier == analysis::Qualifier::AtLeast) d = "\xE2\x89\xA5 " + num(n.value);
  else if (n.qualifier == analysis::Qualifier::AtMost) d = "\xE2\x89\xA4 " + num(n.value);
  else if (n.qualifier == analysis::Qualifier::About) d = "\xE2\x89\x88 " + num(n.value);
  else d = num(n.value);
  if (n.percent) d += "%";
  return d;
}

bool value_matches(const QueryFigure& q, double v) {
  return q.exact ? v == q.number.value : v >= q.number.low && v <= q.number.high;
}

// A `mentions:` bound: "YYYY" or "YYYY-MM" (month 0 for a year); false for
// anything else.
bool parse_mention(std::string_view v, int& year, int& month) {
  const auto digits = [&](std::size_t from, std::size_t n) {
    int x = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (i >= v.size() || v[i] < '0' || v[i] > '9') return -1;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  year = v.size() == 4 || (v.size() == 7 && v[4] == '-') ? digits(0, 4) : -1;
  month = v.size() == 7 ? digits(5, 2) : 0;
  return year >= 0 && month >= 0 && month <= 12 && (v.size() == 4 || month >= 1);
}

bool is_hijri_year(int year) { return year >= analysis::kHijriYearMin && year <= analysis::kHijriYearMax; }

// The Gregorian months from the first day of Hijri `year`/`month` (month 0:
// the whole year) or, with `last`, to its last day.
bool hijri_bound(int year, int month, bool last, analysis::CivilDate& out) {
  const int m = month ? month : last ? 12 : 1;
  return analysis::hijri_to_civil(year, m, last ? analysis::hijri_month_days(year, m) : 1, out);
}

// Years written in the text are 1900..2100 (analysis/dates.h), so a range
// never needs terms outside them.
constexpr int kMentionYearMin = 1900, kMentionYearMax = 2100;

// XD terms for the Gregorian months first..last (inclusive; year, month), and
// the year term of each year the range covers whole (a passage naming only
// "2014" is in 2013-06..2015); none when first > last.
void month_range_terms(int y0, int m0, int y1, int m1, std::vector<std::string>& terms) {
  if (y0 < kMentionYearMin) y0 = kMentionYearMin, m0 = 1;
  if (y1 > kMentionYearMax) y1 = kMentionYearMax, m1 = 12;
  char buf[32];
  for (int y = y0, m = m0; y < y1 || (y == y1 && m <= m1);) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    terms.push_back(std::string(schema::kPrefixMentioned) + buf);
    if (m == 12 && (y > y0 || m0 == 1)) terms.push_back(std::string(schema::kPrefixMentioned) + std::to_string(y));
    if (++m > 12) m = 1, ++y;
  }
}

// The XD terms of a `mentions:` value. A Gregorian year or month is its own
// term; a Hijri year (1318..1500) or Hijri month ("1436-09"), which no
// Gregorian year of the index can be, stands for the Gregorian months its days
// fall in: mentions:1436 = XD2014-10 … XD2015-10. A range "A..B" (years or
// months, both Gregorian or both Hijri) stands for every year and month
// between: 2011..2014 = XD2011 … XD2014; 2014-03..2014-09 the months; nothing
// (no terms) when A comes after B or a bound is not a year or month.
std::vector<std::string> mention_terms(const std::string& v) {
  std::vector<std::string> terms;
  const std::size_t dots = v.find("..");
  int y0, m0, y1, m1;
  if (dots == std::string::npos) {
    if (!parse_mention(v, y0, m0) || !is_hijri_year(y0)) return {std::string(schema::kPrefixMentioned) + v};
    y1 = y0, m1 = m0;
  } else if (!parse_mention(std::string_view(v).substr(0, dots), y0, m0) ||
             !parse_mention(std::string_view(v).substr(dots + 2), y1, m1)) {
    return terms;
  } else if (!is_hijri_year(y0) || !is_hijri_year(y1)) {  // Gregorian
    if (m0 == 0 && m1 == 0) {
      for (int y = std::max(y0, kMentionYearMin); y <= std::min(y1, kMentionYearMax); ++y)
        terms.push_back(std::string(schema::kPrefixMentioned) + std::to_string(y));
    } else {
      month_range_terms(y0, m0 ? m0 : 1, y1, m1 ? m1 : 12, terms);
    }
    return terms;
  }
  analysis::CivilDate first, last;
  if (hijri_bound(y0, m0, false, first) && hijri_bound(y1, m1, true, last))
    month_range_terms(first.year, first.month, last.year, last.month, terms);
  return terms;
}

}  // namespace

std::string extract_filters(std::string_view query, Filters& f) {
  std::string rest;
  for (const std::string& w : split_words(query)) {
    const auto colon = w.find(':');
    const std::string key = colon == std::string::npos ? std::string() : w.substr(0, colon);
    const std::string value = colon == std::string::npos ? std::string() : w.substr(colon + 1);
    if (!value.empty() && key == "year") f.years.push_back(value);
    else if (!value.empty() && key == "month") f.months.push_back(value);
    else if (!value.empty() && key == "source") f.sources.push_back(value);
    else if (!value.empty() && key == "from") f.from = value;
    else if (!value.empty() && key == "to") f.to = value;
    else if (!value.empty() && (key == "org" || key == "place" || key == "person" || key == "mentions")) {
      std::string v = value;
      std::replace(v.begin(), v.end(), '_', ' ');
      (key == "org" ? f.orgs : key == "place" ? f.places : key == "person" ? f.people : f.mentions).push_back(v);
    }
    else {
      if (!rest.empty()) rest.push_back(' ');
      rest += w;
    }
  }
  return rest;
}

Xapian::Query filter_query(const Filters& f, const analysis::Normalizer& normalize,
                           const analysis::EntityExtractor& entities) {
  std::vector<Xapian::Query> all;
  auto any_term = [&](std::string_view prefix, const std::vector<std::string>& values, bool normalized) {
    if (values.empty()) return;
    std::vector<std::string> terms;
    for (const std::string& v : values) terms.push_back(std::string(prefix) + (normalized ? normalize.normalize(v) : v));
    all.push_back(any_of(terms));
  };
  any_term(schema::kPrefixYear, f.years, false);
  any_term(schema::kPrefixMonth, f.months, false);
  any_term(schema::kPrefixSource, f.sources, true);
  if (!f.mentions.empty()) {
    std::vector<std::string> terms;
    for (const std::string& v : f.mentions)
      for (std::string& t : mention_terms(v)) terms.push_back(std::move(t));
    all.push_back(terms.empty() ? Xapian::Query::MatchNothing : any_of(terms));
  }
  auto any_entity = [&](std::string_view prefix, analysis::EntityType type, const std::vector<std::string>& names) {
    if (names.empty()) return;
    std::vector<std::string> terms;
    for (const std::string& name : names) {
      const std::string id = entities.resolve(name, type);
      if (!id.empty()) terms.push_back(schema::entity_term(prefix, id));
    }
    // A name with no words matches nothing rather than everything.
    all.push_back(terms.empty() ? Xapian::Query::MatchNothing : any_of(terms));
  };
  any_entity(schema::kPrefixOrg, analysis::EntityType::Org, f.orgs);
  any_entity(schema::kPrefixPlace, analysis::EntityType::Place, f.places);
  any_entity(schema::kPrefixPerson, analysis::EntityType::Person, f.people);
  // Dates are "YYYY-MM-DD" strings, so string ranges are date ranges; "\xff"
  // after the upper bound takes in every day of a month or year given as "to".
  if (!f.from.empty() && !f.to.empty())
    all.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, f.from, f.to + "\xff");
  else if (!f.from.empty())
    all.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, f.from);
  else if (!f.to.empty())
    all.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, f.to + "\xff");
  if (all.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
}

std::string rewrite_english(std::string_view query) {
  const std::vector<std::string> w = split_words(query);
  std::vector<std::string> out;
  auto number_at = [&](std::size_t i) { return i < w.size() && starts_with_digit(w[i]); };
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string& word = w[i];
    // >5000  >=5000  <5000  <=5000  (or the operator alone before a number)
    if (word[0] == '>' || word[0] == '<') {
      const std::size_t op = word.size() > 1 && word[1] == '=' ? 2 : 1;
      out.emplace_back(word[0] == '>' ? (op == 2 ? "ما لا يقل عن" : "اكثر من") : (op == 2 ? "ما لا يزيد عن" : "اقل من"));
      if (word.size() > op) out.push_back(word.substr(op));
      continue;
    }
    // 5000..10000
    if (const auto dots = word.find(".."); dots != std::string::npos && starts_with_digit(word)) {
      out.emplace_back("بين");
      out.push_back(word.substr(0, dots));
      out.emplace_back("و");
      out.push_back(word.substr(dots + 2));
      continue;
    }
    // between A and B / from A to B
    if ((word == "between" || word == "from") && number_at(i + 1)) {
      std::size_t j = i + 2;
      while (j < w.size() && !scale_word(w[j]).empty() && scale_word(w[j]) != "%") ++j;  // "between 5 thousand and …"
      const bool between = word == "between";
      if (j < w.size() && w[j] == (between ? "and" : "to") && number_at(j + 1)) {
        out.emplace_back(between ? "بين" : "من");
        for (std::size_t k = i + 1; k < j; ++k)
          out.emplace_back(scale_word(w[k]).empty() ? std::string_view(w[k]) : scale_word(w[k]));
        out.emplace_back(between ? "و" : "الي");
        i = j;
        continue;
      }
    }
    bool rewritten = false;
    for (const Rewrite& r : kQualifiers) {
      const std::size_t n = r.english[1].empty() ? 1 : 2;
      if (word == r.english[0] && (n == 1 || (i + 1 < w.size() && w[i + 1] == r.english[1])) && number_at(i + n)) {
        out.emplace_back(r.arabic);
        i += n - 1;
        rewritten = true;
        break;
      }
    }
    if (rewritten) continue;
    if (const std::string_view s = scale_word(word); !s.empty() && i > 0 && starts_with_digit(w[i - 1])) {
      out.emplace_back(s);
      continue;
    }
    out.push_back(word);
  }
  std::string joined;
  for (const std::string& s : out) {
    if (!joined.empty()) joined.push_back(' ');
    joined += s;
  }
  return joined;
}

std::string extract_phrases(std::string_view query, std::vector<std::string>& phrases) {
  // Opening and closing marks: ASCII " (both), « », “ ” (and ” used for both).
  auto mark_at = [&](std::size_t i, bool& open_only, bool& close_only) -> std::size_t {
    open_only = close_only = false;
    if (query[i] == '"') return 1;
    const std::string_view rest = query.substr(i);
    if (rest.starts_with("«") || rest.starts_with("“")) return open_only = true, rest.starts_with("«") ? 2 : 3;
    if (rest.starts_with("»")) return close_only = true, 2;
    if (rest.starts_with("”")) return 3;
    return 0;
  };
  std::string out;
  std::string phrase;
  bool inside = false;
  for (std::size_t i = 0; i < query.size();) {
    bool open_only = false, close_only = false;
    const std::size_t n = mark_at(i, open_only, close_only);
    if (n == 0) {
      out.push_back(query[i]);
      if (inside) phrase.push_back(query[i]);
      ++i;
      continue;
    }
    if (!inside && !close_only) {
      inside = true;
      phrase.clear();
    } else if (inside && !open_only) {
      inside = false;
      if (!analysis::trim(phrase).empty()) phrases.emplace_back(analysis::trim(phrase));
    }
    out.push_back(' ');
    i += n;
  }
  return out;
}

QueryPhrase analyse_phrase(std::string_view phrase, analysis::Analyzer& analyzer) {
  QueryPhrase p;
  p.text.assign(phrase);
  const auto tokens = analyzer.analyze(phrase);
  std::uint32_t first = 0;
  bool any = false;
  for (const analysis::Token& t : tokens) {
    if (!analysis::is_indexed(t)) continue;
    if (!any) first = t.position, any = true;
    p.terms.emplace_back(std::string(t.stem), t.position - first);
  }
  return p;
}

Xapian::Query phrase_query(const QueryPhrase& phrase) {
  if (phrase.terms.empty()) return Xapian::Query();
  if (phrase.terms.size() == 1) return Xapian::Query(phrase.terms[0].first);
  std::vector<Xapian::Query> terms;
  for (const auto& [term, position] : phrase.terms) terms.emplace_back(term);
  const Xapian::termcount window = phrase.terms.back().second + 1;
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), window);
}

Xapian::Query all_words_query(const QueryPhrase& phrase) {
  std::vector<Xapian::Query> terms;
  for (const auto& [term, position] : phrase.terms) terms.emplace_back(term);
  return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
}

ParsedQuery parse_query(std::string_view query, analysis::Analyzer& analyzer, Translator& translator,
                        const analysis::NumberParser& numbers) {
  ParsedQuery pq;
  pq.rewritten = rewrite_english(query);
  const auto analysed = analyzer.analyze(pq.rewritten);
  const std::vector<analysis::ParsedNumber> found = numbers.parse_all(analysed);
  std::vector<QueryToken> toks;
  toks.reserve(analysed.size());
  for (const analysis::Token& t : analysed)
    toks.push_back({t.kind, t.stopword, std::string(t.norm), std::string(t.stem), t.begin, t.end});

  std::vector<char> used(toks.size(), 0);  // inside a figure: not a text term
  auto add_word_terms = [&](const QueryToken& t, std::vector<std::string>& into, std::vector<std::string>* related) {
    if (is_ascii(t.norm)) {
      const std::vector<Lemma> lemmas = translator.translate(t.norm);
      for (const Lemma& l : lemmas)
        for (const std::string& s : l) add_unique(into, s);
      if (lemmas.empty() || related == nullptr) add_unique(into, t.stem);
      if (related)
        for (const Lemma& l : lemmas)
          for (const std::string& s : l)
            for (const std::string& r : translator.related(s)) add_unique(*related, r);
    } else {
      add_unique(into, t.stem);
      if (related)
        for (const std::string& r : translator.related(t.stem)) add_unique(*related, r);
    }
  };

  for (const analysis::ParsedNumber& n : found) {
    QueryFigure f;
    f.number = n;
    f.exact = n.qualifier == analysis::Qualifier::None && !n.range && !n.vague;
    f.text = describe(n);
    for (std::size_t i = n.begin; i < n.end; ++i) used[i] = 1;
    if (!n.vague) {
      std::string value;
      analysis::canonical_number(n.value, value);
      add_unique(pq.terms, value);
    }
    if (n.percent) {
      f.units.emplace_back(analysis::kPercentUnit);
    } else {
      std::size_t i = n.end;
      if (i + 1 < toks.size() && toks[i].norm == "من" && toks[i + 1].content()) ++i;
      for (std::size_t k = 0; k < 2 && i < toks.size() && toks[i].content(); ++k, ++i) {
        add_word_terms(toks[i], f.units, &f.related);
        f.text += " " + toks[i].norm;
      }
    }
    std::erase_if(f.related, [&](const std::string& r) {
      return std::find(f.units.begin(), f.units.end(), r) != f.units.end();
    });
    pq.figures.push_back(std::move(f));
  }
  for (std::size_t i = 0; i < toks.size(); ++i) {
    const QueryToken& t = toks[i];
    if (used[i] || t.kind == analysis::TokenKind::Symbol || t.stopword || t.stem.empty()) continue;
    if (t.kind == analysis::TokenKind::Number) add_unique(pq.terms, t.stem);
    else add_word_terms(t, pq.terms, nullptr);
  }
  std::sort(pq.terms.begin(), pq.terms.end());
  return pq;
}

std::vector<std::string> unit_value_terms_in_range(const Xapian::Database& db, std::string_view unit, double low,
                                                   double high, std::size_t limit) {
  const std::string prefix = schema::unit_value_prefix(unit);
  const std::string first = schema::unit_value_term(unit, low);
  const std::string last = std::isinf(high) ? std::string() : schema::unit_value_term(unit, high);
  std::vector<std::string> terms;
  Xapian::TermIterator it = db.allterms_begin(prefix);
  it.skip_to(first);
  for (; it != db.allterms_end(prefix) && terms.size() < limit; ++it) {
    const std::string term = *it;
    if (!last.empty() && term > last) break;
    terms.push_back(term);
  }
  return terms;
}

Xapian::Query build_query(const ParsedQuery& q, const Xapian::Database& db, const TierWeights& w) {
  std::vector<Xapian::Query> parts;
  if (!q.terms.empty()) parts.push_back(any_of(q.terms));
  for (const QueryFigure& f : q.figures) {
    if (f.number.vague) continue;
    std::vector<std::string> unit_terms, related_terms;
    Xapian::Query value;
    if (f.exact) {
      value = Xapian::Query(schema::figure_term(f.number.value));
      for (const std::string& u : f.units) unit_terms.push_back(schema::figure_unit_term(f.number.value, u));
      for (const std::string& r : f.related) related_terms.push_back(schema::figure_unit_term(f.number.value, r));
    } else {
      std::vector<Xapian::Query> slots;
      const std::string lo = Xapian::sortable_serialise(f.number.low);
      for (Xapian::valueno s = schema::kSlotFigureFirst; s < schema::kSlotFigureFirst + schema::kFigureSlots; ++s) {
        if (std::isinf(f.number.high)) slots.emplace_back(Xapian::Query::OP_VALUE_GE, s, lo);
        else slots.emplace_back(Xapian::Query::OP_VALUE_RANGE, s, lo, Xapian::sortable_serialise(f.number.high));
      }
      value = Xapian::Query(Xapian::Query::OP_OR, slots.begin(), slots.end());
      for (const std::string& u : f.units)
        for (std::string& t : unit_value_terms_in_range(db, u, f.number.low, f.number.high))
          unit_terms.push_back(std::move(t));
      for (const std::string& r : f.related)
        for (std::string& t : unit_value_terms_in_range(db, r, f.number.low, f.number.high))
          related_terms.push_back(std::move(t));
    }
    if (!unit_terms.empty()) parts.push_back(constant(w.value_unit, any_of(unit_terms)));
    if (!related_terms.empty()) parts.push_back(constant(w.value_related, any_of(related_terms)));
    parts.push_back(constant(w.value_only, value));
  }
  if (parts.empty()) throw std::invalid_argument("no searchable words or figures");
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

int figure_match(const QueryFigure& q, const analysis::ParsedNumber& p, const std::vector<std::string_view>& units) {
  if (p.vague || q.number.vague) return 0;
  const bool value = value_matches(q, p.range ? p.low : p.value) || (p.range && value_matches(q, p.high));
  if (!value) return 0;
  for (std::string_view u : units)
    if (std::find(q.units.begin(), q.units.end(), u) != q.units.end()) return 3;
  for (std::string_view u : units)
    if (std::find(q.related.begin(), q.related.end(), u) != q.related.end()) return 2;
  return 1;
}

}  // namespace fahras::search
