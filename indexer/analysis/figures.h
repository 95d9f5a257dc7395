// FigureExtractor: links each figure of a passage to what it counts.
//
//   "أكثر من 9000 معتقل"              → 9000 (AtLeast)   units {معتقل}
//   "أكثر من 9 آلاف عنصر «داعش» محتجزين" → 9000 (AtLeast)   units {عنصر, داعش, محتجز}
//   "ثمانية من أعضاء تنظيم"             → 8                units {عضو…}
//   "20 مليار دولار" / "68 بالمائة"     → 2e10 {دولار}      / 68 percent {%}
//
// The counted noun is the tamyiz after the number: up to `max_units` content
// words right after it (the noun, then the adjectives/participles or the name
// that qualify it), stopping at a function word, a number or a kept symbol.
// "N من <noun>" takes the noun after من. Percentages get the unit "%".
// Given the text the tokens were cut from, the units also stop at a mark that
// ends a phrase between two words (. ، , ; : ! ? ؟ ؛ brackets, a line break):
// "8 مليون دولار.\nوقرر المستشار" counts dollars only. Quotation marks do not
// stop them (the «داعش» above).
// Units are index terms (stems), so a query's units match by the same analyser.
//
// Thread safety: immutable after construction; share one between threads.
// extract() writes only to its output argument.
#pragma once

#include "analysis/dates.h"
#include "analysis/number_parser.h"
#include "analysis/token.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace fahras::analysis {

inline constexpr std::string_view kPercentUnit = "%";

struct Figure {
  ParsedNumber number;               // value, bounds, qualifier, flags; token indices
  std::uint32_t begin = 0, end = 0;  // byte span: qualifier … last unit word
  std::array<std::uint32_t, 3> unit_tokens{};  // indices of the unit words in the token span
  std::uint8_t unit_count = 0;
  bool percent_unit = false;         // the unit is "%"

  // The i-th unit term (i < units()): a stem view into the analyser's buffer.
  std::string_view unit(std::span<const Token> tokens, std::size_t i) const {
    return percent_unit ? (i == 0 ? kPercentUnit : std::string_view{}) : tokens[unit_tokens[i]].stem;
  }
  std::size_t units() const { return percent_unit ? 1 : unit_count; }
};

struct FigureOptions {
  std::size_t max_units = 3;  // words after the number kept as its units (1..3)
};

class FigureExtractor {
 public:
  explicit FigureExtractor(const FigureOptions& options = {}, const NumberParserOptions& numbers = {});

  // Replaces `out` with the figures of `tokens` (from Analyzer::analyze), in order.
  // `text` is the text the tokens' offsets point into (for the marks between
  // words); without it (a search query) units stop only at the rules above.
  void extract(std::string_view text, std::span<const Token> tokens, std::vector<Figure>& out) const;
  void extract(std::span<const Token> tokens, std::vector<Figure>& out) const { extract({}, tokens, out); }

  const NumberParser& numbers() const { return parser_; }

 private:
  FigureOptions options_;
  NumberParser parser_;
};

// Removes from `figures` each figure whose number lies inside one of `dates`:
// "29 محرم 1430 هـ قتل" is a date, not 29 of محرم and 1430 of هـ (or of قتل). A
// figure that merely precedes a date stays ("2000 عامل في 2013").
void drop_date_numbers(std::vector<Figure>& figures, std::span<const DateMention> dates);

}  // namespace fahras::analysis
