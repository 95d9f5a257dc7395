#include "schema/document_builder.h"

#include "schema/schema.h"

#include <cstdio>

namespace fahras::schema {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Positions of title words added to the first passage start here, so a phrase
// never spans the end of the passage and the title.
constexpr Xapian::termpos kTitleGap = 100;

// `term` is a reused buffer: Xapian takes terms as std::string, and a fresh one
// per token would allocate for every stem longer than the small-string buffer.
void add_terms(std::span<const analysis::Token> tokens, Xapian::termpos base, bool positions, Xapian::Document& doc,
               std::string& term) {
  for (const analysis::Token& t : tokens) {
    if (!analysis::is_indexed(t)) continue;
    term.assign(t.stem);
    if (positions) doc.add_posting(term, base + t.position);
    else doc.add_term(term);
  }
}

// Figure terms and value slots (schema.h). Vague plurals ("آلاف") have no stated
// value, so they get no value terms.
void add_figures(std::span<const analysis::Token> tokens, const std::vector<analysis::Figure>& figures,
                 Xapian::Document& doc) {
  Xapian::valueno slot = kSlotFigureFirst;
  auto add_value = [&](double v) {
    if (slot < kSlotFigureFirst + kFigureSlots) doc.add_value(slot++, Xapian::sortable_serialise(v));
  };
  for (const analysis::Figure& f : figures) {
    if (f.number.vague) continue;
    const double values[2] = {f.number.range ? f.number.low : f.number.value, f.number.high};
    const int n_values = f.number.range ? 2 : 1;
    for (int k = 0; k < n_values; ++k) {
      doc.add_term(figure_term(values[k]));
      add_value(values[k]);
      for (std::size_t u = 0; u < f.units(); ++u) {
        const std::string_view unit = f.unit(tokens, u);
        if (unit.size() > analysis::kMaxTermBytes) continue;
        doc.add_term(figure_unit_term(values[k], unit));
        doc.add_term(unit_value_term(unit, values[k]));
      }
    }
  }
}

// Entity terms and facet slots (schema.h): the first kEntitySlots distinct ids
// of each type get a slot.
// A person known only by a given name (الأمير محمد, the article never naming
// them in full): a term, so --person محمد finds the passage, but no facet value,
// since a lone given name names nobody in particular.
bool given_name_only(const analysis::Entity& e, const analysis::Gazetteer& gazetteer) {
  if (e.type != analysis::EntityType::Person || e.id.find(' ') != std::string::npos) return false;
  const auto m = gazetteer.find(e.id, analysis::EntityType::Given);
  return m && gazetteer.entry(*m).type == analysis::EntityType::Given;
}

void add_entities(const std::vector<analysis::Entity>& entities, const analysis::Gazetteer& gazetteer,
                  Xapian::Document& doc) {
  struct Kind {
    analysis::EntityType type;
    std::string_view prefix;
    Xapian::valueno first;
  };
  static constexpr Kind kKinds[] = {{analysis::EntityType::Org, kPrefixOrg, kSlotOrgFirst},
                                    {analysis::EntityType::Place, kPrefixPlace, kSlotPlaceFirst},
                                    {analysis::EntityType::Person, kPrefixPerson, kSlotPersonFirst}};
  for (const Kind& kind : kKinds) {
    Xapian::valueno slot = kind.first;
    for (std::size_t i = 0; i < entities.size(); ++i) {
      const analysis::Entity& e = entities[i];
      if (e.type != kind.type || e.id.empty()) continue;
      bool seen = false;
      for (std::size_t j = 0; j < i && !seen; ++j) seen = entities[j].type == e.type && entities[j].id == e.id;
      if (seen) continue;
      doc.add_boolean_term(entity_term(kind.prefix, e.id));
      if (!e.surname.empty() && e.surname != e.id) doc.add_boolean_term(entity_term(kind.prefix, e.surname));
      if (slot < kind.first + kEntitySlots && !given_name_only(e, gazetteer)) doc.add_value(slot++, entity_value(e.id, e.name));
    }
  }
}

// XD terms for the years and months written in the text; a period gives its
// ends and, when short, the years between. The first kMentionSlots distinct
// years and months also get a facet slot each (schema.h).
void add_text_dates(const std::vector<analysis::DateMention>& mentions, Xapian::Document& doc) {
  char buf[32];
  Xapian::valueno year_slot = kSlotMentionYearFirst, month_slot = kSlotMentionMonthFirst;
  // The XD term in buf (prefix + value); a value new to the passage also fills
  // the next free slot from `slot`.
  auto add_term = [&](Xapian::valueno first, Xapian::valueno& slot) {
    const std::string_view term(buf);
    const std::string_view value = term.substr(kPrefixMentioned.size());
    bool seen = false;
    for (Xapian::valueno k = first; k < slot && !seen; ++k) seen = doc.get_value(k) == value;
    doc.add_boolean_term(std::string(term));
    if (!seen && slot < first + kMentionSlots) doc.add_value(slot++, std::string(value));
  };
  auto add = [&](int year, int month) {
    if (year <= 0) return;
    std::snprintf(buf, sizeof buf, "%.*s%04d", static_cast<int>(kPrefixMentioned.size()), kPrefixMentioned.data(), year);
    add_term(kSlotMentionYearFirst, year_slot);
    if (month > 0) {
      std::snprintf(buf, sizeof buf, "%.*s%04d-%02d", static_cast<int>(kPrefixMentioned.size()),
                    kPrefixMentioned.data(), year, month);
      add_term(kSlotMentionMonthFirst, month_slot);
    }
  };
  for (const analysis::DateMention& d : mentions) {
    add(d.year, d.month);
    if (d.is_period()) {
      add(d.end_year, d.end_month);
      if (d.year > 0 && d.end_year > d.year && d.end_year - d.year <= 10)
        for (int y = d.year + 1; y < d.end_year; ++y) add(y, 0);
    }
  }
}

}  // namespace

std::string normalized_date(const std::string& date) {
  if (date.size() >= 10 && is_digit(date[0]) && is_digit(date[1]) && is_digit(date[2]) && is_digit(date[3]) &&
      date[4] == '-' && is_digit(date[5]) && is_digit(date[6]) && date[7] == '-' && is_digit(date[8]) &&
      is_digit(date[9]) && (date.size() == 10 || !is_digit(date[10])))
    return date.substr(0, 10);
  return {};
}

DocumentBuilder::DocumentBuilder(const BuildOptions& options)
    : options_(options), analyzer_(options.analyzer), figures_(options.figures) {}

void DocumentBuilder::build(const Article& article, std::vector<Xapian::Document>& out) {
  out.clear();
  analysis::split_passages(article.text, options_.passages, spans_);
  const std::string key = article_key(article.id);
  const std::string date = normalized_date(article.date);
  // The filter term is normalized (XSالرياض matches "الرياض" and "الرياض "); the
  // facet value keeps the source as written, trimmed.
  const std::string source_shown(analysis::trim(article.source));
  std::string source;
  analyzer_.normalizer().normalize(source_shown, source);
  if (source.size() > 200) source.clear();
  // A title that is not part of the text (JSON records) is indexed with passage 1.
  const bool title_outside = !article.title.empty() && article.text.find(article.title) == std::string::npos;

  entities_.begin_article();
  PassageRecord record;
  record.id = article.id;
  record.title = article.title;
  record.date = date;
  record.source = article.source;
  record.url = article.url;
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    const std::string_view text = std::string_view(article.text).substr(spans_[i].begin, spans_[i].end - spans_[i].begin);
    const auto number = static_cast<std::uint32_t>(i + 1);
    Xapian::Document doc;
    const auto tokens = analyzer_.analyze(text);
    add_terms(tokens, 0, options_.positions, doc, term_);
    // Dates first: a figure whose number is part of a date is none (29 محرم 1430 هـ).
    mentions_.clear();
    dates_.extract(text, tokens, mentions_);
    figures_.extract(text, tokens, found_);
    analysis::drop_date_numbers(found_, mentions_);
    add_figures(tokens, found_, doc);
    if (options_.entities) {
      entities_.extract(text, tokens, found_entities_);
      add_entities(found_entities_, entities_.gazetteer(), doc);
    }
    if (options_.text_dates) add_text_dates(mentions_, doc);
    if (number == 1 && title_outside) {
      const Xapian::termpos base = (tokens.empty() ? 0 : tokens.back().position) + kTitleGap;
      add_terms(analyzer_.analyze(article.title), base, options_.positions, doc, term_);
    }
    doc.add_boolean_term(passage_uid_of_key(key, number));
    doc.add_boolean_term(std::string(kPrefixArticle) + key);
    if (!source.empty()) {
      doc.add_boolean_term(std::string(kPrefixSource) + source);
      doc.add_value(kSlotSource, source_shown);
    }
    doc.add_value(kSlotArticle, key);
    doc.add_value(kSlotPassage, Xapian::sortable_serialise(number));
    if (!date.empty()) {
      doc.add_value(kSlotDate, date);
      doc.add_value(kSlotYear, date.substr(0, 4));
      doc.add_value(kSlotMonth, date.substr(0, 7));
      doc.add_boolean_term(std::string(kPrefixYear) + date.substr(0, 4));
      doc.add_boolean_term(std::string(kPrefixMonth) + date.substr(0, 7));
    }
    record.passage = number;
    record.text.assign(text);
    doc.add_value(kSlotRecord, pack_record(record));
    if (number == 1) {  // the article's fields are stored once, with passage 1 (schema.h)
      record.title.clear();
      record.date.clear();
      record.source.clear();
      record.url.clear();
    }
    out.push_back(std::move(doc));
  }
}

}  // namespace fahras::schema
