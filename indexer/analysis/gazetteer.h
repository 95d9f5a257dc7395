// Gazetteer: named entities known in advance (places, organizations, people,
// given names), each with its aliases, matched over analysed tokens.
//
// Data: tab-separated lines "type<TAB>canonical<TAB>alias|alias…<TAB>source"
// (indexer/data/gazetteer/*.tsv, built into the library; see its README).
// Type "common" lines are not entities but ordinary words (is_common()), and
// type "name" lines words used mostly in people's names (is_name_word()).
// Every name — canonical and aliases — is analysed with the same Analyzer as
// the text, so spelling variants that the normalizer folds (أ/ا, ى/ي, ة/ه,
// tashkeel) match without listing them. Each alias resolves to its entry's one
// canonical entity: داعش = تنظيم الدولة = الدولة الإسلامية.
//
// Matching is over token keys, not text:
//   key(token)  = the normalized word without a leading article and its glued
//                 clitics (وال, بال, لل …: strip_clitics), so العراق, والعراق,
//                 بالعراق, للعراق all give عراق;
//   a text word may also carry a bare glued و/ف and/or ب/ل/ك ("وسوريا",
//   "لسوريا", "وبغداد"): the first word of a match is tried without them too.
//   A one-word name keeps its definiteness: the entry العراق does not match a
//   bare "عراق", and the entry سوريا does not match "السوريا". Words of a
//   many-word name must follow each other with only spaces or quotation marks
//   between them (“الدولة” in تنظيم “الدولة” is still تنظيم الدولة).
// The trie is over tokens (a hash map from (node, key) to child), so a match
// at each position costs one lookup per word of the longest name found there.
//
// Thread safety: a Gazetteer is immutable after construction; share it freely.
// builtin() is built once, on first use, thread-safely.
#pragma once

#include "analysis/flat_map.h"
#include "analysis/token.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace fahras::analysis {

class Normalizer;

enum class EntityType : std::uint8_t { Person, Place, Org, Given };

// "person", "place", "org", "given".
std::string_view entity_type_name(EntityType type);
std::optional<EntityType> parse_entity_type(std::string_view name);

struct GazetteerEntry {
  EntityType type = EntityType::Place;
  std::string canonical;  // as written in the data (shown in facets)
  std::string id;         // normalized canonical: the index term's value
  std::string source;
};

// A name found in text: tokens [begin, end) name `entry`.
struct GazetteerMatch {
  std::size_t begin = 0, end = 0;
  std::uint32_t entry = 0;
  std::uint32_t clitic_bytes = 0;  // bare clitics (و, ب …) before the name in the first word's normalized form
};

// The key of a normalized word (see above): a view into `norm`.
std::string_view token_key(std::string_view norm);
// True when `norm` carries the article (ال, وال, لل …).
bool is_definite(std::string_view norm);
// The bare-clitic variants of the first word of a match: `norm` without a
// leading و/ف, ب/ل/ك or both, when at least 3 letters remain (ك only before
// the article: كالعراق, not كسرت). Returns how many
// were written to `out` (0..3); `norm` itself is not included.
std::size_t clitic_variants(std::string_view norm, std::string_view out[3]);
// True when text[a, b) — the gap between two words — holds only spaces and
// quotation marks.
bool joins_words(std::string_view text, std::uint32_t a, std::uint32_t b);

// A person's name words for identity: token keys, with عبد and the word after
// it joined as one, as it is often written (عبد الله = عبدالله, عبد الرحمن =
// عبدالرحمن). `norms` are normalized words.
std::vector<std::string> person_keys(std::span<const std::string_view> norms);
// بن, بنت or ابن: the word that links a name to the father's in a lineage
// (a normalized word, or a key of person_keys).
inline bool lineage_link(std::string_view w) { return w == "بن" || w == "بنت" || w == "ابن"; }
// A person's id: first and last of person_keys, space-separated (one word: it);
// for "X بن Y …", X and Y (the father's name): محمد بن نايف = محمد بن نايف بن عبدالعزيز,
// unless a family name closes the lineage, which X goes by: عادل بن أحمد الجبير =
// عادل الجبير (not after آل, أبو/أبي or أم: محمد بن سلمان بن عبدالعزيز آل سعود =
// محمد بن سلمان, علي بن أبي طالب).
std::string person_id(const std::vector<std::string>& keys);

class Gazetteer {
 public:
  // Parses TSV `data` (see the header comment). Lines that are not four
  // tab-separated fields with a known type are counted in bad_lines() and
  // skipped. `name` is used in messages only.
  explicit Gazetteer(std::string_view data);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The gazetteer built into the library (indexer/data/gazetteer/*.tsv).
  static const Gazetteer& builtin();

  // The longest name that starts at token `i` of `tokens` (Words only, taken
  // from `text`, which the tokens' offsets refer to). The first word may carry
  // bare clitics. nullopt when none starts there.
  // With `word_places` false, a one-word name that is_word_place() is passed
  // over (the next longest reading: وجدة as و + جدة).
  std::optional<GazetteerMatch> match_at(std::string_view text, std::span<const Token> tokens, std::size_t i,
                                         bool word_places = true) const;

  // The entry whose canonical name or alias is exactly `name` (any spelling the
  // normalizer folds, with or without clitics on the first word), preferring
  // `type` when the name is ambiguous; nullopt when none.
  std::optional<std::uint32_t> find(std::string_view name, std::optional<EntityType> type = std::nullopt) const;

  // True for an ordinary word of the language (data lines of type "common",
  // from common-words.tsv): never taken for part of a rule-found name.
  // `norm` is a normalized word, clitics included.
  bool is_common(std::string_view norm) const { return common_.contains(norm); }

  // True for a one-word place name that is also an ordinary word news mostly
  // uses as that word (data lines of type "wordplace", word-places.tsv: الباب,
  // مالي, حديثة): alone it names the place only in a place's context
  // (entities.h). `norm` is the normalized word without clitics, article kept.
  // (Compared by token_key() and definiteness: بالباب and للباب are الباب.)
  bool is_word_place(std::string_view norm) const {
    const std::uint8_t* forms = word_places_.find(token_key(norm));
    return forms != nullptr && (*forms & (is_definite(norm) ? 2 : 1)) != 0;
  }

  // True for two words that make an ordinary phrase starting with a given
  // name (data lines of type "phrase", phrases.tsv: حسن الجوار, خطاب
  // الكراهية), or its construct form with the second word indefinite ("عند
  // حسن ظن الملك", "علاقات حسن جوار"): no person. `first` and `second` are
  // normalized words, `first` without its clitics.
  bool is_phrase(std::string_view first, std::string_view second) const {
    if (phrases_.empty()) return false;
    thread_local std::string key;
    key.assign(first);
    key.push_back(' ');
    key.append(second);
    if (phrases_.contains(key)) return true;
    if (is_definite(second)) return false;
    key.assign(first);
    key.append(" ال");
    key.append(second);
    return phrases_.contains(key);
  }

  // True for a word that news uses mostly as a person's name (data lines of
  // type "name", from name-words.tsv, mined by scripts/make-name-words).
  // `norm` is a normalized word without clitics.
  bool is_name_word(std::string_view norm) const { return name_words_.contains(norm); }
  // True for a name word or an ordinary word that news also uses inside
  // people's names (type "namepart": صالح, شكري, الفيصل); an ordinary word that
  // is not one never continues a name.
  // has_name_parts(): false without that list (then no ordinary word is known
  // to be foreign to names).
  bool has_name_parts() const { return !name_parts_.empty(); }
  bool is_name_part(std::string_view norm) const {
    return name_words_.contains(norm) || name_parts_.contains(norm);
  }

  // The listed person whose name (canonical or alias, two words or more) ends
  // in the word `norm` (normalized, article kept: الأسد, بوش), not after a
  // connector (عبد الله, آل خليفة): the entry, kAmbiguousSurname when several
  // people bear it (بوش: father and son), nullopt when none.
  static constexpr std::uint32_t kAmbiguousSurname = 0xFFFFFFFFu;
  std::optional<std::uint32_t> surname_of(std::string_view norm) const {
    const std::uint32_t* entry = surnames_.find(norm);
    if (entry == nullptr) return std::nullopt;
    return *entry;
  }

  const GazetteerEntry& entry(std::uint32_t i) const { return entries_[i]; }
  std::size_t size() const { return entries_.size(); }
  std::size_t names() const { return names_; }
  std::size_t bad_lines() const { return bad_lines_; }

 private:
  struct Trie;
  std::vector<GazetteerEntry> entries_;
  std::unique_ptr<Trie> trie_;
  FlatStringMap<bool> common_, name_words_, name_parts_, phrases_;  // sets (flat_map.h)
  FlatStringMap<std::uint8_t> word_places_;  // token_key -> 1: listed without the article, 2: with it
  FlatStringMap<std::uint32_t> surnames_;
  std::size_t names_ = 0, bad_lines_ = 0;
};

}  // namespace fahras::analysis
