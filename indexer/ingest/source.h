// DocumentSource: the inputs of a run, read one Article at a time.
//
// Inputs are files or folders (walked recursively, in sorted order so runs are
// reproducible). By extension:
//   .txt    one article per file; id = path relative to the folder given (the
//           file name for a file given directly); title = guess_title(text)
//   .jsonl  one JSON object per line; fields named by FieldNames
// Files of other extensions inside folders are ignored (counted); given
// directly, they are reported and skipped.
//
// Bad input never throws out of next(): an unreadable file, a malformed JSON
// line, a record without text… is reported through Diagnostics (naming file and
// line) and skipped; invalid UTF-8 and NUL bytes are repaired and reported.
//
// Thread safety: NOT thread-safe; the pipeline's input stage is serial.
#pragma once

#include "ingest/diagnostics.h"
#include "schema/article.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace fahras::ingest {

// JSON field names (JSONL). An empty name disables the field.
struct FieldNames {
  std::string id = "id";
  std::string title = "title";
  std::string text = "text";
  std::string date = "date";
  std::string source = "source";
  std::string url = "url";
};

struct SourceOptions {
  FieldNames fields;
};

class DocumentSource {
 public:
  DocumentSource(std::vector<std::filesystem::path> inputs, SourceOptions options, Diagnostics& diagnostics);
  ~DocumentSource();
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;

  // Fills `out` with the next article; false when every input is done.
  bool next(schema::Article& out);

 private:
  struct Input {
    std::filesystem::path path;
    std::string id;  // relative id of the file
  };
  bool next_jsonl(schema::Article& out);
  bool read_text_file(const Input& in, schema::Article& out);

  SourceOptions options_;
  Diagnostics& diag_;
  std::vector<Input> files_;
  std::size_t next_file_ = 0;
  // The JSONL file being read, if any.
  std::ifstream jsonl_;
  Input jsonl_input_;
  std::uint64_t jsonl_line_ = 0;
  std::string line_;
  struct JsonParser;  // the JSON parser, kept out of this header
  std::unique_ptr<JsonParser> parser_;
};

}  // namespace fahras::ingest
