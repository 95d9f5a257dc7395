// lucene-arabic: the Lucene++ peer — Lucene++'s ArabicAnalyzer (letter
// tokenizer, Arabic normalization and light stemming; digits are dropped), one
// document per article, as a Lucene user would index the same corpus.
// Articles are read with fahras's ingest layer so every peer sees the same text.
//
//   lucene-arabic --index DIR [--field NAME=KEY]... INPUT...
#include "ingest/source.h"

#include <lucene++/LuceneHeaders.h>
#include <lucene++/ArabicAnalyzer.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::string index;
  fahras::ingest::SourceOptions options;
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--index" && i + 1 < argc) {
      index = argv[++i];
    } else if (a == "--field" && i + 1 < argc) {
      fahras::ingest::set_field(options.fields, argv[++i]);
    } else {
      inputs.emplace_back(a);
    }
  }
  if (index.empty() || inputs.empty()) {
    std::cerr << "usage: lucene-arabic --index DIR [--field NAME=KEY]... INPUT...\n";
    return 2;
  }
  try {
    const auto start = std::chrono::steady_clock::now();
    fahras::ingest::Diagnostics diag;
    fahras::ingest::DocumentSource source(inputs, options, diag);
    Lucene::IndexWriterPtr writer = Lucene::newLucene<Lucene::IndexWriter>(
        Lucene::FSDirectory::open(Lucene::StringUtils::toUnicode(index)),
        Lucene::newLucene<Lucene::ArabicAnalyzer>(Lucene::LuceneVersion::LUCENE_CURRENT), true,
        Lucene::IndexWriter::MaxFieldLengthUNLIMITED);
    fahras::schema::Article a;
    unsigned long n = 0;
    while (source.next(a)) {
      Lucene::DocumentPtr doc = Lucene::newLucene<Lucene::Document>();
      doc->add(Lucene::newLucene<Lucene::Field>(L"id", Lucene::StringUtils::toUnicode(a.id), Lucene::Field::STORE_YES,
                                                Lucene::Field::INDEX_NOT_ANALYZED));
      doc->add(Lucene::newLucene<Lucene::Field>(L"title", Lucene::StringUtils::toUnicode(a.title),
                                                Lucene::Field::STORE_NO, Lucene::Field::INDEX_ANALYZED));
      doc->add(Lucene::newLucene<Lucene::Field>(L"text", Lucene::StringUtils::toUnicode(a.text),
                                                Lucene::Field::STORE_NO, Lucene::Field::INDEX_ANALYZED));
      writer->addDocument(doc);
      ++n;
    }
    writer->optimize();
    writer->close();
    std::printf("lucene-arabic: indexed %lu articles, %.1f MB in %.2f s\n", n, diag.stats.bytes / 1e6,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return 0;
  } catch (Lucene::LuceneException& e) {
    std::wcerr << L"lucene-arabic: " << e.getError() << L"\n";
    return 1;
  }
}
