#include "analysis/figures.h"

#include <algorithm>

namespace fahras::analysis {
namespace {

bool is_content(const Token& t) { return t.kind == TokenKind::Word && !t.stopword && !t.stem.empty(); }

}  // namespace

FigureExtractor::FigureExtractor(const FigureOptions& options, const NumberParserOptions& numbers)
    : options_(options), parser_(numbers) {
  options_.max_units = std::clamp<std::size_t>(options_.max_units, 1, 3);
}

void FigureExtractor::extract(std::string_view text, std::span<const Token> tokens, std::vector<Figure>& out) const {
  out.clear();
  thread_local std::vector<ParsedNumber> numbers;  // reused: no allocation per passage
  numbers.clear();
  parser_.parse_all(tokens, numbers);
  for (const ParsedNumber& n : numbers) {
    Figure f;
    f.number = n;
    f.begin = tokens[n.begin].begin;
    f.end = tokens[n.end - 1].end;
    if (n.percent) {
      f.percent_unit = true;
    } else {
      std::size_t i = n.end;
      // "ثمانية من أعضاء": the counted noun follows من.
      if (i + 1 < tokens.size() && tokens[i].norm == "من" && is_content(tokens[i + 1]) &&
          !ends_phrase(text, tokens[i - 1].end, tokens[i].begin) && !ends_phrase(text, tokens[i].end, tokens[i + 1].begin))
        ++i;
      for (; i < tokens.size() && f.unit_count < options_.max_units && is_content(tokens[i]) &&
             !(i > 0 && ends_phrase(text, tokens[i - 1].end, tokens[i].begin));
           ++i) {
        f.unit_tokens[f.unit_count++] = static_cast<std::uint32_t>(i);
        f.end = tokens[i].end;
      }
    }
    out.push_back(f);
  }
}

void drop_date_numbers(std::vector<Figure>& figures, std::span<const DateMention> dates) {
  if (dates.empty()) return;
  std::erase_if(figures, [&](const Figure& f) {
    for (const DateMention& d : dates)
      if (d.begin <= f.number.number_begin && f.number.number_begin < d.end) return true;
    return false;
  });
}

}  // namespace fahras::analysis
