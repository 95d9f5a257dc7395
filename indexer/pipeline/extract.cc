#include "pipeline/extract.h"

namespace fahras::pipeline {

Extraction Extractor::extract(const schema::Article& article) {
  Extraction e;
  e.article = article.id;
  analysis::split_passages(article.text, {}, spans_);
  e.passages = static_cast<std::uint32_t>(spans_.size());
  for (std::size_t p = 0; p < spans_.size(); ++p) {
    const std::string_view text = std::string_view(article.text).substr(spans_[p].begin, spans_[p].end - spans_[p].begin);
    const auto tokens = analyzer_.analyze(text);
    figures_.extract(tokens, found_);
    for (const analysis::Figure& f : found_) {
      ExtractedFigure x;
      x.passage = static_cast<std::uint32_t>(p + 1);
      x.text.assign(text.substr(f.begin, f.end - f.begin));
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
  }
  return e;
}

}  // namespace fahras::pipeline
