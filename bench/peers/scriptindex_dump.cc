// scriptindex-dump: writes articles in the input format of Xapian's scriptindex
// (xapian-omega): one record per article, "field=value" lines, a continuation
// line of a multi-line value starts with '=', records separated by a blank
// line. The end-to-end benchmark times scriptindex on this dump (the dump is
// prepared before the clock starts). Articles are read with fahras's ingest.
//
//   scriptindex-dump [--field NAME=KEY]... INPUT... > dump.txt
#include "ingest/source.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

void put_field(const char* name, const std::string& value) {
  std::fputs(name, stdout);
  std::fputc('=', stdout);
  for (char c : value) {
    if (c == '\r') continue;
    std::fputc(c, stdout);
    if (c == '\n') std::fputc('=', stdout);
  }
  std::fputc('\n', stdout);
}

}  // namespace

int main(int argc, char** argv) {
  fahras::ingest::SourceOptions options;
  std::vector<std::filesystem::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--field" && i + 1 < argc) {
      fahras::ingest::set_field(options.fields, argv[++i]);
    } else {
      inputs.emplace_back(a);
    }
  }
  fahras::ingest::Diagnostics diag;
  fahras::ingest::DocumentSource source(inputs, options, diag);
  fahras::schema::Article a;
  while (source.next(a)) {
    put_field("id", a.id);
    put_field("title", a.title);
    put_field("text", a.text);
    std::fputc('\n', stdout);
  }
  return 0;
}
