// EntityExtractor: people, places and organizations in analysed text.
//
// Precision first: a wrong facet value looks worse than a missing one. So an
// entity is either a gazetteer name (gazetteer.h) or a name a context rule
// vouches for; everything else is left alone. In order:
//   1. Gazetteer names, longest first, left to right (aliases give one
//      canonical entity: تنظيم الدولة → داعش).
//   2. Person after a title: a title word (الرئيس, الجنرال, الميجور, وزير,
//      السكرتير, المتحدث, قائد, الملك, الأمير, الشيخ … with clitics) then an
//      affiliation chain that is skipped — definite words (الصحفي, الأمريكية),
//      more titles (نائب وزير), known or rule-found organizations and places,
//      في/باسم/لدى, parentheses and commas — then a name: 1–4 words that are
//      not definite, not function words, not titles, not common verbs and not
//      known places/organizations (بن/أبو/عبد/آل may join them), optionally
//      closed by one definite family name after a single word (خالد الدندل).
//      A name needs two words, or one word that is a known given name, or the
//      surname of a listed person (Gazetteer::surname_of: الرئيس بوش, الرئيس
//      المصري مبارك; its id is the surname unless the article named them).
//   2b. Person after a speech verb: قال/أكد/أضاف/رفض … then 1-3 name words, at
//      least one of them not an ordinary word (common-words.tsv); one word only when a clause
//      or punctuation follows ("وقال بلير إن"); a listed person's surname alone
//      after these and more verbs (استبعد, التقى …). A surname alone is the
//      person of that surname named earlier in the article, if any.
//   3. Person from a given name: a gazetteer given name (محمد, مايكل …)
//      followed by at least one name word as above (up to three more, words
//      after a connector not counted: محمد لمين ولد سلامة ولد النفاع); not
//      right after a facility named after people (مطار محمد الخامس).
//   4. Place after a cue: محافظة/مدينة/بلدة/قرية/مخيم/ناحية/قضاء/ولاية then a
//      name of one or two words (a camp keeps مخيم in its name); no word with
//      a pronoun suffix (مدينة يقطنها).
//   5. Organization from a head: وزارة/قوات/جيش/هيئة/مجلس/حزب/منظمة/اتحاد/
//      جامعة/وكالة/لجنة/… followed by its construct chain of definite words,
//      known places or a quoted name, whole up to its closing quotation mark
//      (وزارة الدفاع الأمريكية, قوات الأمن العراقية; after a head of its kind
//      such as صحيفة or شركة the quoted name alone); a definite head (الجيش, التحالف, القيادة, المجلس) needs
//      adjectives after it (الجيش السوري). A head alone is never an entity.
//   6. Person from mined name words (gazetteer name-words.tsv), last, on the
//      words the other rules left: a rare, indefinite word that news uses
//      mostly in people's names, alone or in a run (كيري, شكيب بن موسى).
// An ordinary word that news does not use in names (not a "namepart") ends a
// name after its first word; a one-word gazetteer organization after هذه/شبه
// or a direction is a common noun (هذه القاعدة, شبه الجزيرة, شمال الجزيرة).
// Descriptions are no organizations: a definite head whose adjectives only say
// its kind (القيادة السياسية, الاتحاد الدولي) or disagree with it in gender
// (قدرات الحزب العسكرية), and generic bodies (هيئة الدفاع, قوات الأمن). A
// one-word place used as an ordinary word (an adjective, a verb after a
// particle, a country's nisba after a noun: العمارة الإسلامية, التي تدمر,
// الديون السيادية السعودية) is none. A listed person right after a first name
// is one person (محمد حسني مبارك); a definite nationality used as a noun
// introduces a name as a title does (والفرنسي لودوفيك جيولي).
// A gazetteer place or organization written with a descriptor or the head of
// its kind that its alias keeps spans the name alone (دولة قطر → قطر, حركة
// طالبان → طالبان), and a listed organization without its country's nisba
// (حزب الله اللبناني → حزب الله). A direction before a continent names part of
// it: the place is the continent (شمال أفريقيا → أفريقيا). A ministry named by
// its portfolio after وزير/وزيرة is part of the title (وزيرة الخارجية
// الأميركية). A kunya (أبو/أبي) or علي (written with ي) before a person
// the rules found starts the name.
// A one-word place name that is also an ordinary word news mostly uses as that
// word (word-places.tsv: الباب, مالي, حديثة, الصور) is the place only in a
// place's context: after a place cue, next to another place (و, أو, a comma),
// before a direction or a place's nisba, or once the article has named it so.
// A listed person's lineage that goes on after the name is theirs (محمد بن سلمان
// بن عبدالعزيز آل سعود: one span, the listed id). A body with its country's nisba
// takes its domain (الاتحاد السعودي لكرة القدم), and an organization's chain
// ends before a word saying what the body did (مجلس الوزراء | الموافقة). A given
// or mined name read after a preposition is none when the whole word is an
// ordinary one (لجان: committees, not ل + جان).
// Within one article (between begin_article() calls): a person's surname alone
// (رايدر after بات رايدر) is that person, a given name alone after a title is the
// first person of that first name, else of that surname (الرئيس هادي), and an
// organization that is the start of one found earlier (القيادة المركزية after
// القيادة المركزية الأمريكية) is it.
//
// Identity: `id` is what the index stores and filters match — the gazetteer
// entry's normalized canonical name, else the normalized words; for people the
// first and last name words without the article, so مايكل إريك كوريلا,
// مايكل "إيريك" كوريلا and مايكل كوريلا are one person.
//
// Thread safety: an EntityExtractor keeps per-article state: one per thread.
// The Gazetteer it reads is shared and immutable.
#pragma once

#include "analysis/gazetteer.h"
#include "analysis/token.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::analysis {

enum class EntityRule : std::uint8_t { Gazetteer, Title, Subject, GivenName, PlaceCue, OrgHead, Surname, OrgPrefix, NameWord, Family };

std::string_view entity_rule_name(EntityRule rule);

struct Entity {
  EntityType type = EntityType::Place;  // Person, Place or Org
  EntityRule rule = EntityRule::Gazetteer;
  std::uint32_t first = 0, last = 0;    // token range [first, last)
  std::uint32_t begin = 0, end = 0;     // byte span in the text (leading clitics excluded)
  std::string id;       // canonical id (normalized), see above
  std::string name;     // as shown: the gazetteer's canonical name, else the words as written
  std::string surname;  // people: the last name's key (filters by surname alone)
};

class EntityExtractor {
 public:
  explicit EntityExtractor(const Gazetteer& gazetteer = Gazetteer::builtin());

  // Forgets the people and organizations of the previous article.
  void begin_article();

  // Replaces `out` with the entities of `tokens` (Analyzer::analyze of `text`),
  // left to right, non-overlapping.
  void extract(std::string_view text, std::span<const Token> tokens, std::vector<Entity>& out);

  // The id a user's name resolves to (for filters): a gazetteer alias gives its
  // entry's id; a person's name gives first+last key (one word: its key); other
  // names give their normalized words. Empty when `name` has no words.
  std::string resolve(std::string_view name, EntityType type) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

  // A person or organization of the current article (for the rules' memory).
  struct Known {
    EntityType type;
    std::string id, name;
    std::vector<std::string> keys;  // token keys of the name
  };

 private:
  const Gazetteer& gazetteer_;
  std::vector<Known> article_;  // people and organizations of this article
  // Ids of the places the gazetteer found in this article: a place name that is
  // an ordinary word (Gazetteer::is_word_place) named alone later is the place.
  std::vector<std::string> article_places_;
  // Per-text working buffers, kept to reuse their memory.
  std::vector<signed char> covered_;
  std::vector<std::optional<GazetteerMatch>> given_;
  std::vector<signed char> common_memo_;
  std::vector<Entity> found_;
  std::vector<Token> name_tokens_;  // a copy of the tokens when علي is read as a name
};

}  // namespace fahras::analysis
