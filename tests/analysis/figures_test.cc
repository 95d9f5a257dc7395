// FigureExtractor: each figure is linked to the words it counts.
#include "analysis/analyzer.h"
#include "analysis/figures.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace fahras::analysis;

namespace {

struct Extracted {
  double value;
  std::vector<std::string> units;
  std::string span;  // the figure's text, qualifier to last unit
};

std::vector<Extracted> extract(const std::string& text) {
  static thread_local Analyzer analyzer;
  static const FigureExtractor extractor;
  const auto tokens = analyzer.analyze(text);
  std::vector<Figure> figures;
  extractor.extract(text, tokens, figures);
  std::vector<Extracted> out;
  for (const Figure& f : figures) {
    Extracted e{f.number.value, {}, text.substr(f.begin, f.end - f.begin)};
    for (std::size_t i = 0; i < f.units(); ++i) e.units.emplace_back(f.unit(tokens, i));
    out.push_back(e);
  }
  return out;
}

std::string stem(const std::string& word) {
  static thread_local Analyzer analyzer;
  return std::string(analyzer.analyze(word)[0].stem);
}

}  // namespace

TEST_CASE("figures are linked to the noun they count, in the seeds' phrasings", "[figures]") {
  struct Case {
    const char* text;
    double value;
    std::vector<std::string> units;  // surface words; compared by stem
    const char* span;
  };
  const Case cases[] = {
      {"قال إن هناك أكثر من 9000 معتقل من التنظيم", 9000, {"معتقل"}, "أكثر من 9000 معتقل"},
      {"لإعادة أكثر من 9000 جهادي محتجز إلى مراكز", 9000, {"جهادي", "محتجز"}, "أكثر من 9000 جهادي محتجز"},
      {"أكثر من 9 آلاف عنصر \"داعش\" محتجزين في سجون", 9000, {"عنصر", "داعش", "محتجزين"},
       "أكثر من 9 آلاف عنصر \"داعش\" محتجزين"},
      {"نفذت الجماعة الإرهابية 153 هجومًا خلال النصف الأول", 153, {"هجومًا"}, "153 هجومًا"},
      {"عن مقتل ثمانية من أعضاء تنظيم داعش", 8, {"أعضاء", "تنظيم", "داعش"}, "ثمانية من أعضاء تنظيم داعش"},
      {"بأكثر من 20 مليار دولار للمساعدة", 20e9, {"دولار", "للمساعدة"}, "بأكثر من 20 مليار دولار للمساعدة"},
      {"وإدماج أكثر من 43,000 فرد وأسرة", 43000, {"فرد", "وأسرة"}, "أكثر من 43,000 فرد وأسرة"},
      {"البحث عن حوالي 2500 مقاتل جهادي في العراق", 2500, {"مقاتل", "جهادي"}, "حوالي 2500 مقاتل جهادي"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto figures = extract(c.text);
    REQUIRE(figures.size() == 1);
    CHECK(figures[0].value == Approx(c.value));
    CHECK(figures[0].span == c.span);
    std::vector<std::string> want;
    for (const std::string& u : c.units) want.push_back(stem(u));
    CHECK(figures[0].units == want);
  }
}

TEST_CASE("percentages count the unit %, years and dates are no figures", "[figures]") {
  const auto pct = extract("رأينا انخفاضا قياسيا بلغ 68 بالمائة في الهجمات");
  REQUIRE(pct.size() == 1);
  CHECK(pct[0].value == 68);
  CHECK(pct[0].units == std::vector<std::string>{"%"});

  CHECK(extract("خلال النصف الأول من عام 2024").empty());
  CHECK(extract("الثلاثاء 3 من أيلول").empty());
  CHECK(extract("هذا السيناريو حدث في 2014-2015").empty());
}

TEST_CASE("a function word ends the unit: 9000 معتقل من التنظيم counts معتقل only", "[figures]") {
  const auto f = extract("أكثر من 9000 معتقل من التنظيم في أكثر من 20 منشأة احتجاز");
  REQUIRE(f.size() == 2);
  CHECK(f[0].units == std::vector<std::string>{stem("معتقل")});
  CHECK(f[1].value == 20);
  CHECK(f[1].units == std::vector<std::string>{stem("منشأة"), stem("احتجاز")});
}

TEST_CASE("a mark that ends a phrase ends the unit: no unit from the next sentence", "[figures]") {
  struct Case {
    const char* text;
    std::vector<std::string> units;  // surface words; compared by stem
    const char* span;
  };
  const Case cases[] = {
      {"بلغت الخسائر 8 ملايين دولار .\nوقرر المستشار أن يستقيل", {"دولار"}, "8 ملايين دولار"},
      {"بلغت الخسائر 8 ملايين دولار.\n\nوقرر المستشار أن يستقيل", {"دولار"}, "8 ملايين دولار"},
      {"بلغت الخسائر 8 ملايين دولار، وقرر المستشار أن يستقيل", {"دولار"}, "8 ملايين دولار"},
      {"فر 5000 لاجئ؛ وعاد آخرون", {"لاجئ"}, "5000 لاجئ"},
      {"بلغ عددهم 300 (بحسب الشرطة)", {}, "300"},
      {"قتل 12 مدنيا: نساء وأطفال", {"مدنيا"}, "12 مدنيا"},
      {"قتل 12 .\nمدنيا", {}, "12"},
      // Quotation marks do not end it.
      {"أكثر من 9 آلاف عنصر «داعش» محتجزين", {"عنصر", "داعش", "محتجزين"}, "أكثر من 9 آلاف عنصر «داعش» محتجزين"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto figures = extract(c.text);
    REQUIRE(figures.size() == 1);
    CHECK(figures[0].span == c.span);
    std::vector<std::string> want;
    for (const std::string& u : c.units) want.push_back(stem(u));
    CHECK(figures[0].units == want);
  }
  // Without the text (a search query's tokens), the units run on as before.
  static thread_local Analyzer analyzer;
  const std::string text = "8 ملايين دولار. وقرر";
  const auto tokens = analyzer.analyze(text);
  std::vector<Figure> figures;
  FigureExtractor().extract(tokens, figures);
  REQUIRE(figures.size() == 1);
  CHECK(figures[0].units() == 2);
}

TEST_CASE("a figure wholly inside a date is none: drop_date_numbers", "[figures]") {
  static thread_local Analyzer analyzer;
  const std::string text = "وفي 29 محرم 1430 هـ قتل 2000 شخص في 2013، وفي 19/6/1436 نزح 300 آخرون";
  const auto tokens = analyzer.analyze(text);
  std::vector<Figure> figures;
  FigureExtractor().extract(text, tokens, figures);
  std::vector<DateMention> dates;
  DateExtractor().extract(text, tokens, dates);
  REQUIRE(dates.size() == 3);  // 29 محرم 1430 هـ, 2013, 19/6/1436
  drop_date_numbers(figures, dates);
  std::vector<std::string> left;
  for (const Figure& f : figures) left.push_back(text.substr(f.begin, f.end - f.begin));
  CHECK(left == std::vector<std::string>{"2000 شخص", "300 آخرون"});
}
