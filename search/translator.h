// Translator: English query words -> Arabic index terms.
//
// translate("detainees") -> lemmas {{معتقل}, {محتجز}, {سجين, سجناء}, …} as
// stems from the shared Analyzer. Looks the word up in the news lexicon
// (lexicon.h), trying its singular forms (detainees → detainee, casualties →
// casualty), then in the FreeDict English–Arabic dictionary (Debian package
// dict-freedict-eng-ara, dictd format: <dir>/freedict-eng-ara.index and
// .dict.dz), whose answers lose their article ال before stemming. The
// dictionary is read on the first lookup the lexicon cannot answer; when it is
// not installed, only the lexicon answers.
//
// related(stem) gives the other lemmas of every lexicon entry that holds the stem:
// related units of a figure (معتقل → محتجز, سجين, أسير, موقوف).
//
// Thread safety: NOT thread-safe (uses an Analyzer, loads lazily); one per thread.
#pragma once

#include "analysis/analyzer.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fahras::search {

using Lemma = std::vector<std::string>;  // the stems of one lemma's forms

class Translator {
 public:
  // `freedict_dir`: where freedict-eng-ara.* live; empty: lexicon only.
  explicit Translator(std::string freedict_dir = "/usr/share/dictd");

  // Arabic lemmas for a lower-case English word (empty when unknown).
  std::vector<Lemma> translate(std::string_view english);

  // Stems of the lemmas related to `stem` through the lexicon (not `stem` itself).
  std::vector<std::string> related(std::string_view stem);

  // Whether the FreeDict files were found (after the first lookup that needed them).
  bool dictionary_available() const { return dict_loaded_ && !dict_index_.empty(); }

 private:
  struct Entry {
    std::vector<Lemma> lemmas;
  };
  void load_lexicon();
  void load_dictionary();
  std::optional<std::vector<std::string>> dictionary_lookup(std::string_view word);
  Lemma stem_forms(std::string_view forms);  // "سجين/سجناء" -> stems

  analysis::Analyzer analyzer_;
  std::string freedict_dir_;
  bool lexicon_loaded_ = false;
  std::map<std::string, Entry, std::less<>> lexicon_;                  // english -> entry
  std::map<std::string, std::vector<std::string>, std::less<>> related_;  // stem -> related stems
  bool dict_loaded_ = false;
  std::string dict_index_;  // the .index file
  std::string dict_text_;   // the decompressed .dict.dz
};

// Singular candidates of an English word, the word itself first:
// "casualties" -> {"casualties", "casualty", "casualtie"}; "attacks" -> {"attacks", "attack"}.
std::vector<std::string> english_singulars(std::string_view word);

}  // namespace fahras::search
