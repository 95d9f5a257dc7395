// fahras-merge: merges fahras indexes (typically the shards of one archive,
// built with fahras-index --shard K/N on several machines) into one index with
// Xapian's compaction. Checks that every input is a fahras index of this
// schema, and that shards are not given twice; the output records no shard.
#include "schema/schema.h"

#include <xapian.h>

#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::string out;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--index" || a == "-i") && i + 1 < argc) out = argv[++i];
    else if (a == "--help" || a == "-h") out.clear(), inputs.clear(), i = argc;
    else inputs.push_back(a);
  }
  if (out.empty() || inputs.empty()) {
    std::cerr << "Usage: fahras-merge --index OUT INDEX...\n"
                 "Merges fahras indexes (e.g. the shards of fahras-index --shard K/N) into OUT, a new\n"
                 "single index, with Xapian's compaction. Exit status: 0 done, 1 error, 2 usage.\n";
    return 2;
  }
  try {
    if (std::filesystem::exists(out)) throw std::runtime_error(out + " exists: merge into a new folder");
    Xapian::Database all;
    std::set<std::string> seen;
    std::string total;  // the N of the shards, when inputs are shards
    for (const std::string& in : inputs) {
      Xapian::Database db(in);
      const std::string version = db.get_metadata(std::string(fahras::schema::kMetaSchema));
      if (version != fahras::schema::kSchemaVersion)
        throw std::runtime_error(in + (version.empty() ? " is not a fahras index" : " has fahras schema " + version));
      const std::string shard = db.get_metadata(std::string(fahras::schema::kMetaShard));
      if (!shard.empty() && !seen.insert(shard).second)
        throw std::runtime_error(in + ": shard " + shard + " is given twice");
      if (!shard.empty()) {
        const std::string n = shard.substr(shard.find('/') + 1);
        if (!total.empty() && n != total) throw std::runtime_error(in + ": shard " + shard + " is of another split");
        total = n;
      }
      all.add_database(db);
    }
    all.compact(out, Xapian::DBCOMPACT_MULTIPASS);
    // Inputs built with --no-termlist give an output without termlists, which
    // Xapian opens for writing only when told so.
    const bool no_termlists = !std::filesystem::exists(std::filesystem::path(out) / "termlist.glass");
    Xapian::WritableDatabase merged(out, Xapian::DB_OPEN | (no_termlists ? Xapian::DB_NO_TERMLIST : 0));
    merged.set_metadata(std::string(fahras::schema::kMetaShard), "");  // compaction kept the first input's
    merged.set_metadata(std::string(fahras::schema::kMetaSchema), std::string(fahras::schema::kSchemaVersion));
    merged.commit();
    std::cout << "merged " << inputs.size() << " indexes into " << out << ": " << merged.get_doccount()
              << " passages";
    if (!total.empty() && seen.size() != std::stoul(total))
      std::cout << " (warning: " << seen.size() << " of " << total << " shards)";
    std::cout << "\n";
    return 0;
  } catch (const Xapian::Error& e) {
    std::cerr << "fahras-merge: " << e.get_description() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "fahras-merge: " << e.what() << "\n";
  }
  return 1;
}
