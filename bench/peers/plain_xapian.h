// The plain-Xapian peer's search: Xapian's QueryParser with the Snowball Arabic
// stemmer (STEM_SOME), BM25, over one document per article whose data is the
// article id. Shared by xapian-plain and fahras-eval-figures.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

inline std::vector<std::string> plain_search(Xapian::Database& db, const std::string& query, unsigned limit) {
  Xapian::QueryParser qp;
  qp.set_stemmer(Xapian::Stem("arabic"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_database(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(qp.parse_query(query));
  std::vector<std::string> ids;
  const Xapian::MSet mset = enquire.get_mset(0, limit);
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(it.get_document().get_data());
  return ids;
}
