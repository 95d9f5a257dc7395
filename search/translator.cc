#include "search/translator.h"

#include "search/lexicon.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace fahras::search {
namespace {

// dictd index offsets and lengths are base64 numbers.
std::optional<std::size_t> b64_number(std::string_view s) {
  static constexpr std::string_view kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::size_t v = 0;
  for (char c : s) {
    const auto d = kDigits.find(c);
    if (d == std::string_view::npos) return std::nullopt;
    v = v * 64 + d;
  }
  return v;
}

bool read_gzip(const std::string& path, std::string& out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream s;
  s << f.rdbuf();
  out = s.str();
  return true;
}

}  // namespace

std::vector<std::string> english_singulars(std::string_view w) {
  std::vector<std::string> out{std::string(w)};
  auto ends = [&](std::string_view suffix) { return w.size() > suffix.size() + 1 && w.ends_with(suffix); };
  if (ends("ies")) {
    out.emplace_back(w.substr(0, w.size() - 3));
    out.back().push_back('y');
  }
  if (ends("es")) out.emplace_back(w.substr(0, w.size() - 2));
  if (ends("s") && !ends("ss")) out.emplace_back(w.substr(0, w.size() - 1));
  return out;
}

Translator::Translator(std::string freedict_dir) : freedict_dir_(std::move(freedict_dir)) {}

Lemma Translator::stem_forms(std::string_view forms) {
  Lemma lemma;
  for (std::size_t b = 0; b <= forms.size();) {
    std::size_t e = forms.find('/', b);
    if (e == std::string_view::npos) e = forms.size();
    for (const analysis::Token& t : analyzer_.analyze(forms.substr(b, e - b)))
      if (!t.stem.empty() && !t.stopword && std::find(lemma.begin(), lemma.end(), t.stem) == lemma.end())
        lemma.emplace_back(t.stem);
    b = e + 1;
  }
  return lemma;
}

void Translator::load_lexicon() {
  lexicon_loaded_ = true;
  for (const LexiconEntry& e : news_lexicon()) {
    Entry entry;
    std::string_view rest = e.arabic;
    while (!rest.empty()) {
      const std::size_t sp = rest.find(' ');
      const std::string_view forms = rest.substr(0, sp);
      if (Lemma lemma = stem_forms(forms); !lemma.empty()) entry.lemmas.push_back(std::move(lemma));
      rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    }
    // Every stem of the entry is related to the stems of its other lemmas.
    for (std::size_t i = 0; i < entry.lemmas.size(); ++i)
      for (const std::string& s : entry.lemmas[i]) {
        auto& rel = related_[s];
        for (std::size_t j = 0; j < entry.lemmas.size(); ++j)
          if (j != i)
            for (const std::string& r : entry.lemmas[j])
              if (r != s && std::find(rel.begin(), rel.end(), r) == rel.end()) rel.push_back(r);
      }
    lexicon_.emplace(std::string(e.english), std::move(entry));
  }
}

void Translator::load_dictionary() {
  dict_loaded_ = true;
  if (freedict_dir_.empty()) return;
  const std::string base = freedict_dir_ + "/freedict-eng-ara";
  if (!read_file(base + ".index", dict_index_) || !read_gzip(base + ".dict.dz", dict_text_)) {
    dict_index_.clear();
    dict_text_.clear();
  }
}

std::optional<std::vector<std::string>> Translator::dictionary_lookup(std::string_view word) {
  if (!dict_loaded_) load_dictionary();
  if (dict_index_.empty()) return std::nullopt;
  // Index lines: headword \t offset \t length (base64). Headwords may repeat.
  std::vector<std::string> answers;
  std::string needle = "\n";
  needle += word;
  needle.push_back('\t');
  for (std::size_t at = dict_index_.find(needle); at != std::string::npos; at = dict_index_.find(needle, at + 1)) {
    const std::size_t f1 = at + needle.size();
    const std::size_t tab = dict_index_.find('\t', f1);
    const std::size_t eol = dict_index_.find('\n', f1);
    if (tab == std::string::npos || eol == std::string::npos || tab > eol) continue;
    const auto off = b64_number(std::string_view(dict_index_).substr(f1, tab - f1));
    const auto len = b64_number(std::string_view(dict_index_).substr(tab + 1, eol - tab - 1));
    if (!off || !len || *off + *len > dict_text_.size()) continue;
    // Entry: a headword line (with pronunciation), then one translation per line.
    std::string_view entry = std::string_view(dict_text_).substr(*off, *len);
    entry.remove_prefix(std::min(entry.size(), entry.find('\n') + 1));
    while (!entry.empty()) {
      const std::size_t nl = entry.find('\n');
      std::string_view line = entry.substr(0, nl);
      entry = nl == std::string_view::npos ? std::string_view{} : entry.substr(nl + 1);
      if (!line.empty()) answers.emplace_back(line);
    }
  }
  return answers;
}

std::vector<Lemma> Translator::translate(std::string_view english) {
  if (!lexicon_loaded_) load_lexicon();
  const std::vector<std::string> candidates = english_singulars(english);
  for (const std::string& c : candidates)
    if (auto it = lexicon_.find(c); it != lexicon_.end()) return it->second.lemmas;
  std::vector<Lemma> out;
  for (const std::string& c : candidates) {
    auto answers = dictionary_lookup(c);
    if (!answers) break;  // no dictionary
    for (const std::string& a : *answers) {
      // One-word answers only: a phrase is a gloss, not a search term.
      if (a.find(' ') != std::string::npos) continue;
      if (Lemma l = stem_forms(a); !l.empty()) out.push_back(std::move(l));
    }
    if (!out.empty()) break;
  }
  return out;
}

std::vector<std::string> Translator::related(std::string_view stem) {
  if (!lexicon_loaded_) load_lexicon();
  if (auto it = related_.find(stem); it != related_.end()) return it->second;
  return {};
}

}  // namespace fahras::search
