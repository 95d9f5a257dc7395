// Function words that are not indexed as terms (they keep their positions).
// Spellings are normalized (see normalizer.h): alef without hamza, ي for ى, ه for ة.
// A word made of و or ف plus one of these is a stopword too (وفي، فلا، ومن).
#include "analysis/flat_map.h"
#include "analysis/stemmer.h"

#include <algorithm>
#include <iterator>

namespace fahras::analysis {
namespace {

// Sorted (byte order; a test checks it) to keep the list easy to read and free of
// duplicates; lookups go through a hash table built from it (in_list).
constexpr std::string_view kStopwords[] = {
    "a", "about", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has",
    "have", "in", "is", "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was",
    "were", "which", "with", "ا", "اذ", "اذا", "الا", "التي", "الذي", "الذين", "اللتان", "اللتين",
    "اللذان", "اللذين", "اللواتي", "الي", "ام", "اما", "امام", "ان", "انا", "انت", "انما", "انه",
    "انها", "انهم", "او", "اي", "ايضا", "اين", "ب", "بان", "بانه", "بحسب", "بعد", "بعض", "بل", "به",
    "بها", "بين", "تحت", "تلك", "تم", "ثم", "حتي", "حسب", "حول", "حيث", "خلال", "ذلك", "سوف", "ضد",
    "عبر", "عل", "علي", "عليه", "عليها", "عن", "عند", "غير", "ف", "في", "فيه", "فيها", "قبل", "قد",
    "ك", "كان", "كانت", "كل", "كما", "كيف", "ل", "لا", "لان", "لدي", "لقد", "لكن", "لكنه", "لم",
    "لما", "لن", "له", "لها", "لهم", "ما", "متي", "مع", "من", "منذ", "منها", "منهم", "نحن", "هذا",
    "هذه", "هم", "هما", "هنا", "هناك", "هو", "هي", "و", "وهو", "وهي", "يكون",
};

// Looked up for every word of every text: a hash table built once from the
// list (one hash and one compare, where the binary search made about eight).
bool in_list(std::string_view w) {
  static constexpr std::size_t kLongest = [] {
    std::size_t n = 0;
    for (std::string_view s : kStopwords) n = std::max(n, s.size());
    return n;
  }();
  if (w.empty() || w.size() > kLongest) return false;
  static const FlatStringMap<bool> table = [] {
    FlatStringMap<bool> t;
    for (std::string_view s : kStopwords) t.emplace(s, true);
    return t;
  }();
  return table.contains(w);
}

}  // namespace

bool stopwords_sorted() { return std::is_sorted(std::begin(kStopwords), std::end(kStopwords)); }

bool is_stopword(std::string_view w) {
  if (in_list(w)) return true;
  // و / ف + function word (وفي، فلا، ومن). Both letters are 2 bytes in UTF-8.
  if (w.size() > 2 && (w.substr(0, 2) == "و" || w.substr(0, 2) == "ف")) return in_list(w.substr(2));
  return false;
}

}  // namespace fahras::analysis
