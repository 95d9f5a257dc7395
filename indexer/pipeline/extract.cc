#include "pipeline/extract.h"

#include <algorithm>
#include <cstdio>

namespace fahras::pipeline {
namespace {

// "2024-07-15", "2024-07", "2024", with "?" for an unknown year.
std::string iso(int year, int month, int day) {
  char buf[24];
  const std::string y = year ? std::to_string(year) : "?";
  if (month && day) std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), month, day);
  else if (month) std::snprintf(buf, sizeof buf, "%s-%02d", y.c_str(), month);
  else std::snprintf(buf, sizeof buf, "%s", y.c_str());
  return buf;
}

// The end of span [begin, end) of `text` moved past the closing brackets that
// follow it when the span opens more than it closes: "عام ( 1933" → "عام ( 1933 )".
std::size_t close_brackets(std::string_view text, std::size_t begin, std::size_t end) {
  const std::string_view span = text.substr(begin, end - begin);
  std::ptrdiff_t open = std::count(span.begin(), span.end(), '(') - std::count(span.begin(), span.end(), ')');
  std::size_t e = end;
  while (open > 0) {
    std::size_t k = e;
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r')) ++k;
    if (k >= text.size() || text[k] != ')') break;
    e = k + 1;
    --open;
  }
  return e;
}

}  // namespace

Extraction Extractor::extract(const schema::Article& article) {
  Extraction e;
  e.article = article.id;
  analysis::split_passages(article.text, {}, spans_);
  e.passages = static_cast<std::uint32_t>(spans_.size());
  entities_.begin_article();
  for (std::size_t p = 0; p < spans_.size(); ++p) {
    const std::string_view text = std::string_view(article.text).substr(spans_[p].begin, spans_[p].end - spans_[p].begin);
    const auto tokens = analyzer_.analyze(text);
    date_mentions_.clear();
    dates_.extract(text, tokens, date_mentions_);
    figures_.extract(text, tokens, found_);
    analysis::drop_date_numbers(found_, date_mentions_);  // as the index does
    for (const analysis::Figure& f : found_) {
      ExtractedFigure x;
      x.passage = static_cast<std::uint32_t>(p + 1);
      x.text.assign(text.substr(f.begin, f.end - f.begin));
      x.begin = spans_[p].begin + f.begin;
      x.end = spans_[p].begin + f.end;
      // The number's own tokens: from number_begin to the last token before the units.
      std::size_t last = f.number.end;
      if (f.unit_count > 0) last = std::min<std::size_t>(last, f.unit_tokens[0]);
      x.number_begin = spans_[p].begin + tokens[f.number.number_begin].begin;
      x.number_end = spans_[p].begin + tokens[std::max(last, f.number.number_begin + 1) - 1].end;
      x.value = f.number.value;
      x.low = f.number.low;
      x.high = f.number.high;
      switch (f.number.qualifier) {
        case analysis::Qualifier::AtLeast: x.qualifier = "at least"; break;
        case analysis::Qualifier::AtMost: x.qualifier = "at most"; break;
        case analysis::Qualifier::About: x.qualifier = "about"; break;
        case analysis::Qualifier::None: break;
      }
      x.percent = f.number.percent;
      x.range = f.number.range;
      x.vague = f.number.vague;
      for (std::size_t u = 0; u < f.units(); ++u) x.units.emplace_back(f.unit(tokens, u));
      e.figures.push_back(std::move(x));
    }
    entities_.extract(text, tokens, found_entities_);
    for (const analysis::Entity& n : found_entities_) {
      ExtractedEntity x;
      x.passage = static_cast<std::uint32_t>(p + 1);
      x.begin = spans_[p].begin + n.begin;
      x.end = spans_[p].begin + n.end;
      x.type = n.type;
      x.rule = n.rule;
      x.text.assign(text.substr(n.begin, n.end - n.begin));
      x.id = n.id;
      x.name = n.name;
      e.entities.push_back(std::move(x));
    }
    for (const analysis::DateMention& d : date_mentions_) {
      ExtractedDate x;
      x.passage = static_cast<std::uint32_t>(p + 1);
      const std::size_t end = close_brackets(text, tokens[d.begin].begin, tokens[d.end - 1].end);
      x.text.assign(text.substr(tokens[d.begin].begin, end - tokens[d.begin].begin));
      x.begin = spans_[p].begin + tokens[d.begin].begin;
      x.end = spans_[p].begin + end;
      x.value = iso(d.year, d.month, d.day);
      if (d.is_period()) x.value += ".." + iso(d.end_year, d.end_month, d.end_day);
      x.hijri = d.hijri;
      e.dates.push_back(std::move(x));
    }
  }
  return e;
}

}  // namespace fahras::pipeline
