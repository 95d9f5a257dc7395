#include "analysis/utf8.h"
#include "analysis/gazetteer.h"

#include "analysis/analyzer.h"
#include "analysis/gazetteer_data.h"
#include "analysis/stemmer.h"

#include <algorithm>
#include <functional>

#include <array>
#include <unordered_map>

namespace fahras::analysis {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Splits `s` at `sep` (no empty fields dropped).
template <typename F>
void split(std::string_view s, char sep, F&& f) {
  std::size_t start = 0;
  while (true) {
    const std::size_t end = s.find(sep, start);
    f(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return;
    start = end + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view entity_type_name(EntityType type) {
  switch (type) {
    case EntityType::Person: return "person";
    case EntityType::Place: return "place";
    case EntityType::Org: return "org";
    case EntityType::Given: return "given";
  }
  return "?";
}

std::optional<EntityType> parse_entity_type(std::string_view name) {
  if (name == "person") return EntityType::Person;
  if (name == "place") return EntityType::Place;
  if (name == "org") return EntityType::Org;
  if (name == "given") return EntityType::Given;
  return std::nullopt;
}

std::string_view token_key(std::string_view norm) { return strip_clitics(norm); }

namespace {
// The share of a mined word's uses that were in a person, from its source
// field "mined:<as a person>/<occurrences>/<articles>" (name-words.tsv); 1
// when the field says otherwise.
double mined_ratio(std::string_view source) {
  if (!source.starts_with("mined:")) return 1.0;
  source.remove_prefix(6);
  const std::size_t slash = source.find('/');
  if (slash == std::string_view::npos) return 1.0;
  double as_person = 0, total = 0;
  for (char c : source.substr(0, slash)) as_person = c >= '0' && c <= '9' ? as_person * 10 + (c - '0') : as_person;
  for (char c : source.substr(slash + 1)) {
    if (c < '0' || c > '9') break;
    total = total * 10 + (c - '0');
  }
  return total > 0 ? as_person / total : 1.0;
}
}  // namespace

bool is_definite(std::string_view norm) { return strip_clitics(norm).size() != norm.size(); }

std::size_t clitic_variants(std::string_view norm, std::string_view out[3]) {
  // Arabic letters are two bytes in UTF-8: و ف ب ل ك.
  static constexpr std::array<std::string_view, 2> kConj = {"و", "ف"};
  static constexpr std::array<std::string_view, 3> kPrep = {"ب", "ل", "ك"};
  std::size_t n = 0;
  auto add = [&](std::string_view v) {
    if (code_points(v) >= 3) out[n++] = v;
  };
  std::string_view rest = norm;
  for (std::string_view c : kConj)
    if (starts_with(rest, c)) {
      rest.remove_prefix(c.size());
      add(rest);
      break;
    }
  for (std::string_view p : kPrep)
    if (starts_with(rest, p)) {
      // ك ("like") only before the article (كالعراق): before a bare word it
      // is more often the word's own first letter (كسرت is no ك + سرت, كلاوس
      // no ك + لاوس).
      if (p == "ك" && !starts_with(rest.substr(p.size()), "ال")) break;
      add(rest.substr(p.size()));
      break;
    }
  return n;
}

std::vector<std::string> person_keys(std::span<const std::string_view> norms) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < norms.size(); ++i) {
    if (norms[i].empty()) continue;
    if (norms[i] == "عبد" && i + 1 < norms.size()) {
      keys.push_back(std::string(norms[i]) + std::string(norms[i + 1]));
      ++i;
    } else {
      keys.emplace_back(token_key(norms[i]));
    }
  }
  return keys;
}

std::string person_id(const std::vector<std::string>& keys) {
  if (keys.empty()) return {};
  if (keys.size() == 1) return keys[0];
  // "X بن Y …": X and the father's name, so محمد بن نايف and محمد بن نايف بن
  // عبدالعزيز are one person; otherwise first and last name.
  // But a family name that closes the lineage is the name the person goes
  // by: عادل بن أحمد الجبير = عادل الجبير, not عادل بن أحمد (not آل سعود, a
  // dynasty's, nor the end of a kunya: علي بن أبي طالب).
  if (keys.size() >= 3 && lineage_link(keys[1])) {
    const std::string& before_last = keys[keys.size() - 2];
    if (keys.size() >= 4 && !lineage_link(before_last) && before_last != "ال" && before_last != "ابو" &&
        before_last != "ابي" && before_last != "ام")
      return keys[0] + " " + keys.back();
    return keys[0] + " " + keys[2];
  }
  return keys.front() + " " + keys.back();
}

bool joins_words(std::string_view text, std::uint32_t a, std::uint32_t b) {
  if (a > b || b > text.size()) return false;
  std::string_view gap = text.substr(a, b - a);
  while (!gap.empty()) {
    const unsigned char c = static_cast<unsigned char>(gap.front());
    if (c == ' ' || c == '"' || c == '\'' || c == '\t') {
      gap.remove_prefix(1);
      continue;
    }
    // « » (C2 AB / C2 BB), “ ” ‘ ’ (E2 80 9C/9D/98/99), NBSP (C2 A0).
    if (gap.size() >= 2 && c == 0xC2) {
      const unsigned char d = static_cast<unsigned char>(gap[1]);
      if (d == 0xAB || d == 0xBB || d == 0xA0) {
        gap.remove_prefix(2);
        continue;
      }
    }
    if (gap.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(gap[1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(gap[2]);
      if (d == 0x9C || d == 0x9D || d == 0x98 || d == 0x99) {
        gap.remove_prefix(3);
        continue;
      }
    }
    return false;
  }
  return true;
}

namespace {
constexpr std::string_view kTaMarbuta = "\u0629";  // ة
constexpr std::string_view kHa = "\u0647";         // ه
}  // namespace

// The token trie: node 0 is the root; children by (parent, key); a node ends a
// name when terminal[definite] holds an entry index + 1 (index 0: the name's
// first word is bare, 1: it has the article).
struct Gazetteer::Trie {
  // How the names ending at a node write their last letter, when the
  // normalizer folds it: ة and ه are one letter to the keys.
  static constexpr std::uint8_t kEndsTaMarbuta = 1, kEndsHa = 2;
  // How the names through a node write the word that leads to it (after the
  // first, whose article terminal[] tells): bare, with the article, or both.
  // A word that every such name writes with the article does not match it
  // bare when it is an ordinary word: an adjective agrees with its noun, so
  // "البحر متوسط الموج" (the sea is of moderate waves) is no البحر المتوسط,
  // and "حكومة وحدة وطنية" is any unity government. (News adds or drops the
  // article of foreign words: صحيفة غارديان, منظمة الأوبك.)
  static constexpr std::uint8_t kBare = 1, kDefinite = 2;
  struct Node {
    std::array<std::uint32_t, 2> terminal{0, 0};
    std::uint8_t last_letter = 0;
    std::uint8_t forms = 0;
  };
  std::vector<Node> nodes{Node{}};
  FlatStringMap<std::uint32_t> children;  // (word, tag = parent) -> node
  // A bit per (cheap) hash of the words that start a name: almost every token
  // of a text starts none, and this answers most of them from 32 KB instead
  // of a lookup in `children` (hashing, a division, a cache miss).
  static constexpr std::size_t kFirstBits = std::size_t{1} << 18;
  std::vector<std::uint64_t> firsts = std::vector<std::uint64_t>(kFirstBits / 64);
  static std::size_t first_bit(std::string_view word) noexcept {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (const char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    return static_cast<std::size_t>(h >> 46);  // the top 18 bits
  }

  std::uint32_t child(std::uint32_t parent, std::string_view word) const {
    if (parent == 0) {
      const std::size_t bit = first_bit(word);
      if ((firsts[bit / 64] >> (bit % 64) & 1) == 0) return 0;
    }
    const std::uint32_t* c = children.find(word, parent);
    return c == nullptr ? 0 : *c;
  }
  std::uint32_t add_child(std::uint32_t parent, std::string_view word) {
    if (const std::uint32_t c = child(parent, word)) return c;
    nodes.emplace_back();
    const auto id = static_cast<std::uint32_t>(nodes.size() - 1);
    children.emplace(word, id, parent);
    if (parent == 0) {
      const std::size_t bit = first_bit(word);
      firsts[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
    return id;
  }
};

Gazetteer::Gazetteer(std::string_view data) : trie_(std::make_unique<Trie>()) {
  Analyzer analyzer(AnalyzerOptions{.stem_cache = 0});
  std::function<void(std::string_view, std::uint32_t)> add_name = [&](std::string_view name, std::uint32_t entry) {
    // News writes the places called New … joined or spaced (نيوجيرسي and نيو
    // جيرسي, نيويورك and نيو يورك): a one-word place name starting with نيو is
    // also matched as two words.
    static constexpr std::string_view kNew = "نيو";
    if (entries_[entry].type == EntityType::Place && name.starts_with(kNew) &&
        name.find(' ') == std::string_view::npos && code_points(name.substr(kNew.size())) >= 3)
      add_name(std::string(kNew) + " " + std::string(name.substr(kNew.size())), entry);
    const auto tokens = analyzer.analyze(name);
    if (tokens.empty()) return;
    // ISO 3166-2 subdivisions of the whole world are mostly unknown to Arabic
    // news, and many one-word names among them are common words (معسكر, بركان,
    // سليمة): they are matched in their many-word forms only (ولاية معسكر).
    if (tokens.size() == 1 && entries_[entry].source == "iso-3166-2") return;
    std::uint32_t node = 0;
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::Symbol) continue;
      const bool first = node == 0;
      node = trie_->add_child(node, token_key(t.norm));
      if (!first) trie_->nodes[node].forms |= is_definite(t.norm) ? Trie::kDefinite : Trie::kBare;
    }
    // A one-word name that is a function word, or of one or two letters
    // (إب, a letter of "أ ف ب"), would match everywhere.
    // (A given name that is one, علي, is matched still: the entity rules read
    // it as the name only in a name's context.)
    if (tokens.size() == 1 && ((tokens[0].stopword && entries_[entry].type != EntityType::Given) ||
                               code_points(tokens[0].norm) < 3))
      return;
    if (entries_[entry].type == EntityType::Person) {
      // The last word of a listed person's name of two words or more (surname_of()).
      std::vector<std::string_view> words;
      for (const Token& t : tokens)
        if (t.kind == TokenKind::Word) words.push_back(t.norm);
      static const std::string_view kConnectors[] = {"بن", "ابن", "بنت", "ابو", "ابي", "عبد", "ال"};
      if (words.size() >= 2 && words.back() != "الله" && std::find(std::begin(kConnectors), std::end(kConnectors), words[words.size() - 2]) ==
                                   std::end(kConnectors)) {
        std::uint32_t& known = surnames_.emplace(words.back(), entry);
        if (known != entry) known = kAmbiguousSurname;
      }
    }
    for (auto t = tokens.rbegin(); t != tokens.rend(); ++t) {
      if (t->kind != TokenKind::Word) continue;
      const std::string_view word = name.substr(t->begin, t->end - t->begin);
      if (word.ends_with(kTaMarbuta)) trie_->nodes[node].last_letter |= Trie::kEndsTaMarbuta;
      else if (word.ends_with(kHa)) trie_->nodes[node].last_letter |= Trie::kEndsHa;
      break;
    }
    std::uint32_t& slot = trie_->nodes[node].terminal[is_definite(tokens[0].norm) ? 1 : 0];
    if (slot == 0) {
      slot = entry + 1;
      ++names_;
    }
  };
  std::vector<std::string> parts;  // name parts, kept once the ordinary words are known (below)
  std::vector<std::string> givens;  // given names of one word, normalized (for the same filter)
  split(data, '\n', [&](std::string_view line) {
    line = trim(line);
    if (line.empty() || line.front() == '#') return;
    std::array<std::string_view, 4> f;
    std::size_t n = 0;
    split(line, '\t', [&](std::string_view field) {
      if (n < f.size()) f[n] = trim(field);
      ++n;
    });
    if (n == 4 && f[0] == "common") {  // an ordinary word (common-words.tsv), not an entity
      if (!f[1].empty()) common_.emplace(analyzer.normalizer().normalize(f[1]), true);
      return;
    }
    if (n == 4 && f[0] == "name") {  // a word mostly used in people's names (name-words.tsv)
      if (!f[1].empty()) name_words_.emplace(analyzer.normalizer().normalize(f[1]), true);
      return;
    }
    if (n == 4 && f[0] == "wordplace") {  // a place name that is an ordinary word (word-places.tsv)
      if (!f[1].empty()) {
        const std::string norm = analyzer.normalizer().normalize(f[1]);
        word_places_.emplace(token_key(norm), 0) |= is_definite(norm) ? 2 : 1;
      }
      return;
    }
    if (n == 4 && f[0] == "phrase") {  // an ordinary phrase that starts with a given name (phrases.tsv)
      if (!f[1].empty()) phrases_.emplace(analyzer.normalizer().normalize(f[1]), true);
      return;
    }
    if (n == 4 && f[0] == "namepart") {  // an ordinary word also used in names (name-words.tsv)
      if (f[1].empty()) return;
      std::string w = analyzer.normalizer().normalize(f[1]);
      // A definite feminine nisba (ـية) or participle (المـ…ـة) found in a
      // person in under a tenth of its uses is an adjective that names ran on
      // into, agreeing with a noun before them ("قوات هادي المدعومة", "البنى
      // التحتية", "اللغة العربية": 3-6 %), not a family name (العطية 57 %,
      // الفقيه 15 %; nouns stay: النزهة 10 %, البركة 9 %).
      const std::string_view key = token_key(w);
      if (is_definite(w) && key.ends_with("ه") && (key.ends_with("يه") || key.starts_with("م")) &&
          mined_ratio(f[3]) < 0.1)
        return;
      parts.push_back(std::move(w));
      return;
    }
    const auto type = n == 4 ? parse_entity_type(f[0]) : std::nullopt;
    if (!type || f[1].empty()) {
      ++bad_lines_;
      return;
    }
    GazetteerEntry e;
    e.type = *type;
    e.canonical.assign(f[1]);
    e.id = analyzer.normalizer().normalize(f[1]);
    if (e.type == EntityType::Person) {
      // People are identified by first and last name without the article (entities.h).
      std::vector<std::string_view> norms;
      for (const Token& t : analyzer.analyze(f[1]))
        if (t.kind == TokenKind::Word) norms.push_back(t.norm);
      if (!norms.empty()) e.id = person_id(person_keys(norms));
    }
    e.source.assign(f[3]);
    if (e.type == EntityType::Given) {
      givens.push_back(e.id);
      split(f[2], '|', [&](std::string_view alias) {
        if (!trim(alias).empty()) givens.push_back(analyzer.normalizer().normalize(trim(alias)));
      });
    }
    entries_.push_back(std::move(e));
    const auto index = static_cast<std::uint32_t>(entries_.size() - 1);
    add_name(f[1], index);
    split(f[2], '|', [&](std::string_view alias) {
      alias = trim(alias);
      if (!alias.empty()) add_name(alias, index);
    });
  });
  // A name part that is ب or ل and an ordinary word of four letters or more
  // (لخلافة, بتشكيل, لموقع) came to the mined list from names that ran on
  // ("سالكا لخلافة"): not kept. (Shorter ones may be names: بدوي, بلان.)
  // Nor one that is an ordinary word as written and reads as ب or ل and a
  // given name (برقية: a cable, not ب + رقية; it came from "الأمير محمد بن
  // نايف بن عبدالعزيز برقية تهنئة").
  std::sort(givens.begin(), givens.end());
  for (const std::string& w : parts) {
    const bool clitic = starts_with(w, "ب") || starts_with(w, "ل");
    const std::string_view rest = clitic ? std::string_view(w).substr(2) : std::string_view();
    if (clitic && code_points(rest) >= 4 && common_.contains(rest)) continue;
    if (clitic && common_.contains(w) && std::binary_search(givens.begin(), givens.end(), rest)) continue;
    name_parts_.emplace(w, true);
  }
}

Gazetteer::~Gazetteer() = default;

const Gazetteer& Gazetteer::builtin() {
  static const Gazetteer instance(builtin_gazetteer_data());
  return instance;
}

std::optional<GazetteerMatch> Gazetteer::match_at(std::string_view text, std::span<const Token> tokens,
                                                  std::size_t i, bool word_places) const {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::Word) return std::nullopt;
  std::string_view firsts[4];
  firsts[0] = tokens[i].norm;
  const std::size_t n_first = 1 + clitic_variants(tokens[i].norm, firsts + 1);
  // A first word of two letters after a bare clitic (وتل أبيب, بأم درمان)
  // starts only a name of two words or more: alone it would be any short
  // word after و/ب (clitic_variants() keeps words of three letters or more).
  std::size_t n_all = n_first;
  {
    std::string_view rest = tokens[i].norm;
    for (std::string_view c : {std::string_view("و"), std::string_view("ف")})
      if (starts_with(rest, c)) {
        rest.remove_prefix(c.size());
        if (code_points(rest) == 2 && n_all < 4) firsts[n_all++] = rest;
        break;
      }
    for (std::string_view p : {std::string_view("ب"), std::string_view("ل")})
      if (starts_with(rest, p)) {
        if (code_points(rest.substr(p.size())) == 2 && n_all < 4) firsts[n_all++] = rest.substr(p.size());
        break;
      }
  }
  // A name written with a final ة (حديثة, وجدة) does not end in a word written
  // with ه (حديثه "his talk", وجده "he found it": the pronoun) in a text that
  // writes ة elsewhere; a text that never writes ة may write it ه throughout.
  int text_writes_ta = -1;  // unknown until needed
  const auto wrong_last_letter = [&](const Trie::Node& n, std::size_t last) {
    if ((n.last_letter & Trie::kEndsTaMarbuta) == 0 || (n.last_letter & Trie::kEndsHa) != 0) return false;
    const std::string_view word = text.substr(tokens[last].begin, tokens[last].end - tokens[last].begin);
    if (!word.ends_with(kHa)) return false;
    if (text_writes_ta < 0) text_writes_ta = text.find(kTaMarbuta) != std::string_view::npos ? 1 : 0;
    return text_writes_ta == 1;
  };
  std::optional<GazetteerMatch> best;
  for (std::size_t v = 0; v < n_all; ++v) {
    const bool definite = is_definite(firsts[v]);
    std::uint32_t node = trie_->child(0, token_key(firsts[v]));
    std::size_t j = i + 1;
    while (node != 0) {
      const std::uint32_t terminal = trie_->nodes[node].terminal[definite ? 1 : 0];
      if (terminal != 0 && (!best || j > best->end) && (v < n_first || j >= i + 2) &&
          !wrong_last_letter(trie_->nodes[node], j - 1) &&
          (word_places || j > i + 1 || !is_word_place(firsts[v])))
        best = GazetteerMatch{i, j, terminal - 1, static_cast<std::uint32_t>(tokens[i].norm.size() - firsts[v].size())};
      if (j >= tokens.size() || tokens[j].kind != TokenKind::Word ||
          !joins_words(text, tokens[j - 1].end, tokens[j].begin))
        break;
      node = trie_->child(node, token_key(tokens[j].norm));
      if (node != 0 && trie_->nodes[node].forms == Trie::kDefinite && !is_definite(tokens[j].norm) &&
          is_common(tokens[j].norm))
        break;
      ++j;
    }
  }
  return best;
}

std::optional<std::uint32_t> Gazetteer::find(std::string_view name, std::optional<EntityType> type) const {
  Analyzer analyzer(AnalyzerOptions{.stem_cache = 0});
  const auto tokens = analyzer.analyze(name);
  if (tokens.empty()) return std::nullopt;
  const auto m = match_at(name, tokens, 0);
  if (!m || m->end != tokens.size()) return std::nullopt;
  if (type && entries_[m->entry].type != *type) return std::nullopt;
  return m->entry;
}

}  // namespace fahras::analysis
