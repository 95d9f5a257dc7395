// xapian-plain: the "plain Xapian" peer — what a developer gets from Xapian's
// own tools with no Arabic-specific work: one document per article,
// TermGenerator + Snowball "arabic" stemmer, QueryParser at search time.
// Articles are read with fahras's ingest layer so both systems see the same text.
//
//   xapian-plain index  --index DIR [--field NAME=KEY]... INPUT...
//   xapian-plain search --index DIR [--limit K] QUERY...     (prints article ids)
#include "ingest/source.h"
#include "peers/plain_xapian.h"

#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

int usage() {
  std::cerr << "usage: xapian-plain index --index DIR [--field NAME=KEY]... INPUT...\n"
               "       xapian-plain search --index DIR [--limit K] QUERY...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  const std::string mode = argv[1];
  std::string index;
  unsigned limit = 10;
  fahras::ingest::SourceOptions options;
  std::vector<std::string> rest;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--index" && i + 1 < argc) index = argv[++i];
    else if (a == "--limit" && i + 1 < argc) limit = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (a == "--field" && i + 1 < argc) {
      if (!fahras::ingest::set_field(options.fields, argv[++i])) return usage();
    } else rest.push_back(a);
  }
  if (index.empty() || rest.empty()) return usage();
  try {
    if (mode == "index") {
      const auto start = std::chrono::steady_clock::now();
      fahras::ingest::Diagnostics diag;
      std::vector<std::filesystem::path> inputs(rest.begin(), rest.end());
      fahras::ingest::DocumentSource source(inputs, options, diag);
      Xapian::WritableDatabase db(index, Xapian::DB_CREATE_OR_OVERWRITE);
      Xapian::TermGenerator tg;
      tg.set_stemmer(Xapian::Stem("arabic"));
      fahras::schema::Article a;
      unsigned long n = 0;
      while (source.next(a)) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(a.title);
        tg.increase_termpos();
        tg.index_text(a.text);
        doc.set_data(a.id);
        doc.add_boolean_term("Q" + a.id.substr(0, 200));
        db.replace_document("Q" + a.id.substr(0, 200), doc);
        ++n;
      }
      db.commit();
      std::printf("xapian-plain: indexed %lu articles, %.1f MB in %.2f s\n", n, diag.stats.bytes / 1e6,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      return 0;
    }
    if (mode == "search") {
      Xapian::Database db(index);
      std::string query;
      for (const std::string& w : rest) query += (query.empty() ? "" : " ") + w;
      const std::vector<std::string> ids = plain_search(db, query, limit);
      for (const std::string& id : ids) std::cout << id << '\n';
      return ids.empty() ? 1 : 0;
    }
  } catch (const Xapian::Error& e) {
    std::cerr << "xapian-plain: " << e.get_description() << '\n';
    return 1;
  }
  return usage();
}
