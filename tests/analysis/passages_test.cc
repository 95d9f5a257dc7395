// Passages: split_passages, guess_title, trim, count_words.
// Invisible spaces (NBSP, em space, ideographic space, BOM…) are written as \u
// escapes since they cannot be seen in the source.
#include "analysis/passages.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

using fahras::analysis::count_words;
using fahras::analysis::guess_title;
using fahras::analysis::PassageOptions;
using fahras::analysis::PassageSpan;
using fahras::analysis::split_passages;
using fahras::analysis::trim;

namespace {

struct Case {
  std::string_view input;
  std::string_view expected;
};

std::vector<std::string> passages_of(std::string_view text, const PassageOptions& options) {
  std::vector<PassageSpan> spans;
  split_passages(text, options, spans);
  std::vector<std::string> out;
  for (const PassageSpan& s : spans) {
    REQUIRE(s.begin <= s.end);
    REQUIRE(s.end <= text.size());
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

std::string read_seed(std::string_view prefix) {
  const std::filesystem::path dir = std::filesystem::path(FAHRAS_SOURCE_DIR) / "corpora" / "seeds";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream f(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      return ss.str();
    }
  }
  FAIL("no seed " << std::string(prefix) << "* in " << dir.string());
  return {};
}

// Six words or more: a paragraph on its own with the default options.
constexpr std::string_view kPara1 = "دقت القيادة المركزية الأمريكية ناقوس الخطر بشأن الهجمات";
constexpr std::string_view kPara2 = "نفذت الجماعة الإرهابية 153 هجوما خلال النصف الأول من العام";

}  // namespace

TEST_CASE("split_passages makes one passage per paragraph and joins short lines", "[passages]") {
  struct SplitCase {
    std::string input;
    std::vector<std::string> expected;
  };
  const std::string p1(kPara1), p2(kPara2);
  const std::vector<SplitCase> cases = {
      {"", {}},
      {"\n  \n\t\n", {}},
      {p1, {p1}},
      {"  " + p1 + "  \n", {p1}},                                   // trimmed
      {p1 + "\n" + p2, {p1, p2}},
      {p1 + "\n\n \n" + p2 + "\n", {p1, p2}},                        // blank lines are not passages
      {"عنوان قصير\n" + p1 + "\n" + p2, {"عنوان قصير\n" + p1, p2}},  // heading joined to the next paragraph
      {p1 + "\n" + p2 + "\nفرانس برس", {p1, p2 + "\nفرانس برس"}},     // trailing credit joined to the previous one
      {p1 + "\nصورة\n\nتعليق\n" + p2, {p1, "صورة\n\nتعليق\n" + p2}}, // several short lines gather before a paragraph
      {"سطر\nسطر آخر\nثالث", {"سطر\nسطر آخر\nثالث"}},                // only short lines: one passage
  };
  for (const SplitCase& c : cases) {
    CAPTURE(c.input);
    CHECK(passages_of(c.input, PassageOptions{}) == c.expected);
  }
}

TEST_CASE("split_passages cuts long paragraphs at sentence ends", "[passages]") {
  struct SplitCase {
    std::string input;
    std::size_t max_words;
    std::vector<std::string> expected;
  };
  const std::vector<SplitCase> cases = {
      {"واحد اثنان ثلاثة. أربعة خمسة ستة. سبعة ثمانية", 4,
       {"واحد اثنان ثلاثة.", "أربعة خمسة ستة.", "سبعة ثمانية"}},
      {"هل انتهى التنظيم؟ لا لم ينته بعد! هذا ما قاله", 4,
       {"هل انتهى التنظيم؟", "لا لم ينته بعد!", "هذا ما قاله"}},
      {"قال «انتهى الأمر.» ثم غادر المكان سريعا", 4,  // the closing quote stays with its sentence
       {"قال «انتهى الأمر.»", "ثم غادر المكان سريعا"}},
      {"a b c d e f g h i", 4, {"a b c d", "e f g h", "i"}},  // no sentence end: cut at a word boundary
      {"a b c. d", 4, {"a b c. d"}},                         // short enough: not cut
  };
  for (const SplitCase& c : cases) {
    CAPTURE(c.input, c.max_words);
    PassageOptions options;
    options.min_words = 1;
    options.max_words = c.max_words;
    const auto got = passages_of(c.input, options);
    CHECK(got == c.expected);
    for (const std::string& p : got) CHECK(count_words(p) <= c.max_words);
  }
}

TEST_CASE("split_passages covers every non-blank line of a seed article", "[passages][seeds]") {
  for (std::string_view seed : {"000", "001", "002", "003", "004"}) {
    CAPTURE(std::string(seed));
    const std::string text = read_seed(seed);
    std::vector<PassageSpan> spans;
    split_passages(text, PassageOptions{}, spans);
    REQUIRE_FALSE(spans.empty());
    std::uint32_t last = 0;
    for (const PassageSpan& s : spans) {
      CHECK(s.begin >= last);
      CHECK(s.begin < s.end);
      last = s.end;
    }
    // Every non-blank line lies inside a passage.
    for (std::size_t b = 0; b < text.size();) {
      std::size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      const std::string_view line = trim(std::string_view(text).substr(b, e - b));
      if (!line.empty()) {
        const auto lb = static_cast<std::uint32_t>(line.data() - text.data());
        bool covered = false;
        for (const PassageSpan& s : spans) covered |= s.begin <= lb && lb + line.size() <= s.end;
        CAPTURE(std::string(line));
        CHECK(covered);
      }
      b = e + 1;
    }
  }
}

TEST_CASE("guess_title picks the first line of 4 to 30 words", "[passages][title]") {
  std::string thirty_one;
  for (int i = 0; i < 31; ++i) thirty_one += "كلمة ";
  static const std::vector<Case> kCases = {
      {"فيسبوك فقط\n\nالقيادة المركزية تدق ناقوس الخطر\nنص المقال", "القيادة المركزية تدق ناقوس الخطر"},
      {"  عنوان من أربع كلمات  \nنص", "عنوان من أربع كلمات"},          // trimmed
      {"\u00a0عنوان من أربع كلمات\u00a0\nنص", "عنوان من أربع كلمات"},  // NBSP trimmed too
      {"قصير\nقصير أيضا\nسطر ثالث قصير", "قصير"},                      // none qualifies: first non-blank line
      {"\n\n  \nأول سطر\n", "أول سطر"},
      {"", ""},
      {" \n\t\n", ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(std::string(guess_title(c.input)) == std::string(c.expected));
  }
  // A 31-word first line is too long for a title.
  const std::string text = thirty_one + "\nهذا عنوان من خمس كلمات\n";
  CHECK(std::string(guess_title(text)) == "هذا عنوان من خمس كلمات");
}

TEST_CASE("guess_title finds the headline of the seed articles", "[passages][title][seeds]") {
  static const std::vector<Case> kSeeds = {
      {"000", "القيادة المركزية الأمريكية تدق ناقوس الخطر"},
      {"002", "التحالف: هجمات داعش"},
      {"004", "“البنتاجون”"},
  };
  for (const Case& c : kSeeds) {
    CAPTURE(std::string(c.input));
    const std::string text = read_seed(c.input);
    const std::string title(guess_title(text));
    CAPTURE(title);
    CHECK(title.rfind(std::string(c.expected), 0) == 0);
    CHECK(title.find('\n') == std::string::npos);
  }
}

TEST_CASE("trim removes ASCII and Unicode spaces at both ends only", "[passages][trim]") {
  // \u00a0 NBSP, \u2003 em space, \u3000 ideographic space, \u202f narrow NBSP,
  // \ufeff BOM: invisible, hence escaped.
  static constexpr Case kCases[] = {
      {"  كلمة  ", "كلمة"},
      {"\t\r\nكلمة\n", "كلمة"},
      {"\u00a0العراق\u00a0", "العراق"},
      {"\u2003العراق\u3000", "العراق"},
      {"\u202fالعراق", "العراق"},
      {"\ufeffالعراق", "العراق"},
      {"في العراق", "في العراق"},  // inner spaces kept
      {"مرحبا", "مرحبا"},
      {" \u00a0 \t", ""},
      {"", ""},
  };
  for (const Case& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(std::string(trim(c.input)) == std::string(c.expected));
  }
}

TEST_CASE("count_words counts whitespace-separated words, Unicode spaces included", "[passages][words]") {
  struct CountCase {
    std::string_view input;
    std::size_t words;
  };
  // \u00a0 NBSP, \u2009 thin space, \u3000 ideographic space (invisible: escaped).
  static constexpr CountCase kCases[] = {
      {"", 0},
      {"   \n", 0},
      {"كلمة", 1},
      {"والمعتقلين في العراق", 3},
      {"  a  b  ", 2},
      {"a\u00a0b", 2},
      {"a\u2009b\u3000c", 3},
      {"9,000 معتقل - 68%", 4},  // punctuation-only chunks are words too
      {"سطر\nسطر\tسطر", 3},
  };
  for (const CountCase& c : kCases) {
    CAPTURE(std::string(c.input));
    CHECK(count_words(c.input) == c.words);
  }
}
