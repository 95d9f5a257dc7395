// DocumentBuilder: turns an Article into one Xapian::Document per passage,
// following schema.h. This is the "analyse" stage of the indexing pipeline.
//
// Thread safety: NOT thread-safe (owns an Analyzer); one per thread. The
// documents it returns are not shared with it and may be handed to another
// thread (the writer).
#pragma once

#include "analysis/analyzer.h"
#include "analysis/dates.h"
#include "analysis/entities.h"
#include "analysis/figures.h"
#include "analysis/passages.h"
#include "schema/article.h"

#include <xapian.h>

#include <vector>

namespace fahras::schema {

struct BuildOptions {
  analysis::PassageOptions passages;
  analysis::AnalyzerOptions analyzer;
  analysis::FigureOptions figures;
  bool entities = true;  // people, places, organizations (XO/XP/XE terms, slots 20..45)
  bool text_dates = true;  // years and months written in the text (XD terms)
  // false: word terms without positions (--no-positions): a smaller index,
  // written faster (the position table was 30-40 % of Xapian's write time in
  // bench/write_bench.cc); search then checks quoted phrases in the stored text.
  bool positions = true;
};

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const BuildOptions& options = {});

  // Replaces `out` with the passages of `article`, in order (passage n at out[n-1]).
  // An article without words yields no documents.
  void build(const Article& article, std::vector<Xapian::Document>& out);

 private:
  BuildOptions options_;
  analysis::Analyzer analyzer_;
  analysis::FigureExtractor figures_;
  std::vector<analysis::PassageSpan> spans_;
  std::vector<analysis::Figure> found_;
  analysis::EntityExtractor entities_;
  std::vector<analysis::Entity> found_entities_;
  analysis::DateExtractor dates_;
  std::vector<analysis::DateMention> mentions_;
  std::string term_;  // reused for every term added
};

}  // namespace fahras::schema
