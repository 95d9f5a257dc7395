// Extractor: what the analysis finds in an article, for `fahras-index --extract`
// (debugging and users' curiosity): per passage, each figure with its value,
// bounds, qualifier and units, the people, places and organizations, as the
// index will see them, and the dates written in the text.
//
// Thread safety: NOT thread-safe (owns an Analyzer); one per thread.
#pragma once

#include "analysis/analyzer.h"
#include "analysis/dates.h"
#include "analysis/entities.h"
#include "analysis/figures.h"
#include "analysis/passages.h"
#include "schema/article.h"

#include <cstdint>
#include <string>
#include <vector>

namespace fahras::pipeline {

struct ExtractedFigure {
  std::uint32_t passage = 0;       // 1-based, as in the index
  std::string text;                // the figure as written, qualifier to units
  std::uint32_t begin = 0, end = 0;  // byte span of `text` in the article text
  std::uint32_t number_begin = 0, number_end = 0;  // byte span of the number itself (no qualifier, no units)
  double value = 0, low = 0, high = 0;
  std::string qualifier;           // "", "at least", "at most", "about"
  bool percent = false, range = false, vague = false;
  std::vector<std::string> units;  // index terms (stems), "%" for a percentage
};

struct ExtractedDate {
  std::uint32_t passage = 0;
  std::string text;   // as written
  std::uint32_t begin = 0, end = 0;  // byte span of `text` in the article text
  std::string value;  // "2024-07-15", "2024-07", "2024", "?-09-03" (unknown year); "A..B" for a period
  bool hijri = false; // written in the Hijri calendar (`value` is Gregorian)
};

struct ExtractedEntity {
  std::uint32_t passage = 0;
  std::uint32_t begin = 0, end = 0;  // byte span in the article text
  analysis::EntityType type = analysis::EntityType::Place;
  analysis::EntityRule rule = analysis::EntityRule::Gazetteer;
  std::string text;  // as written
  std::string id;    // what the index stores and filters match
  std::string name;  // as shown in facets
};

struct Extraction {
  std::string article;  // id
  std::uint32_t passages = 0;
  std::vector<ExtractedFigure> figures;
  std::vector<ExtractedDate> dates;  // dates written in the text
  std::vector<ExtractedEntity> entities;
};

class Extractor {
 public:
  Extraction extract(const schema::Article& article);

 private:
  analysis::Analyzer analyzer_;
  analysis::FigureExtractor figures_;
  analysis::DateExtractor dates_;
  analysis::EntityExtractor entities_;
  std::vector<analysis::Entity> found_entities_;
  std::vector<analysis::DateMention> date_mentions_;
  std::vector<analysis::PassageSpan> spans_;
  std::vector<analysis::Figure> found_;
};

}  // namespace fahras::pipeline
