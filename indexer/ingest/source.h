// DocumentSource: the inputs of a run, read one Article at a time.
//
// Inputs are files or folders (walked recursively, in sorted order so runs are
// reproducible). By extension (case-insensitive):
//   .txt             one article per file; id = path relative to the folder given
//                    (the file name for a file given directly); title = guess_title(text).
//                    A .txt file that starts with <DOC> is read as TREC (below).
//   .trec .sgml .sgm TREC/SGML: several <DOC> per file; DOCNO = id, TITLE (or
//                    HEADLINE), TIME/DATE (DD/MM/YYYY becomes YYYY-MM-DD), SRC,
//                    URL, ABSTRACT + TEXT (<P> tags become paragraphs)
//   .jsonl .ndjson   one JSON object per line; fields named by FieldNames
//   .json            a JSON array of such objects (SaudiNewsNet ships this), or one object
//   .html .htm .xhtml one article per page (html.h: title from <h1>/<title>,
//                    paragraphs from block elements, date from article:published_time)
//   .zip .tar .tgz .tar.gz .tar.bz2 .tar.xz .tar.zst
//                    archives, read in place (libarchive): each entry of the kinds
//                    above is read as if it were a file (a .txt entry's id is its
//                    path inside the archive)
//   X.gz .bz2 .xz .zst  a single compressed file of kind X (news.jsonl.gz)
//   -                standard input, by content: '{' JSONL (streamed), '[' a JSON
//                    array, <DOC> TREC, anything else one text article (id "stdin")
// Files of other extensions inside folders and archives are ignored (counted);
// given directly, they are reported and skipped.
//
// Encodings: UTF-8 (with or without BOM), UTF-16/32 with BOM, and, when the
// bytes are not UTF-8, what ICU's detector finds (windows-1256, ISO-8859-6, …),
// converted to UTF-8 and reported; SourceOptions::encoding forces one (see encoding.h).
//
// Bad input never throws out of next(): an unreadable file, a corrupt archive, a
// malformed JSON line or record, a record without text… is reported through
// Diagnostics (naming file and line, or file and record number) and skipped;
// invalid UTF-8 and NUL bytes are repaired and reported.
//
// Positions (for resuming a run, docs/INGESTION.md): position() says where the
// source stands after the last article next() returned: which input (index into
// inputs()), how many articles that input has given, and for a plain JSONL file
// the byte offset and line after that record. seek() moves a fresh source to
// such a position: earlier inputs are not opened, a JSONL file is entered at the
// byte offset, any other input is re-read with its first records dropped
// silently (no reports). Inputs are sorted, so the same arguments over the same
// files give the same articles in the same order.
//
// Thread safety: NOT thread-safe; the pipeline's input stage is serial.
#pragma once

#include "ingest/diagnostics.h"
#include "schema/article.h"

#include <cstdint>
#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
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

// Applies a "NAME=KEY" spec (--field id=url): NAME is one of id, title, text,
// date, source, url. False when the spec is malformed or NAME unknown.
bool set_field(FieldNames& fields, std::string_view spec);

struct SourceOptions {
  FieldNames fields;
  std::string encoding;  // force an input encoding (ICU name, e.g. windows-1256); empty: detect
};

// Where a source stands: after `ordinal` articles in all, `records` of them from
// inputs()[file]; `offset`/`line`: the byte offset and line number after the
// last of those records when inputs()[file] is a plain JSONL file (else 0).
struct SourcePosition {
  std::uint64_t ordinal = 0;
  std::uint64_t file = 0, records = 0;
  std::uint64_t offset = 0, line = 0;
};

class DocumentSource {
 public:
  struct Input {
    std::filesystem::path path;  // "-" for standard input
    std::string id;              // relative id of the file
  };

  // Throws std::invalid_argument when options.encoding names no known encoding.
  DocumentSource(std::vector<std::filesystem::path> inputs, SourceOptions options, Diagnostics& diagnostics);
  ~DocumentSource();
  DocumentSource(const DocumentSource&) = delete;
  DocumentSource& operator=(const DocumentSource&) = delete;

  // Fills `out` with the next article; false when every input is done.
  bool next(schema::Article& out);

  // Input bytes consumed so far and in all (file sizes: compressed bytes for
  // archives), for progress and ETA. Standard input counts 0 of unknown.
  std::uint64_t bytes_done() const;
  std::uint64_t bytes_total() const { return bytes_total_; }

  // The input files, after walking folders, in reading order.
  const std::vector<Input>& inputs() const { return files_; }

  // Where the source stands after the last article next() returned.
  SourcePosition position() const;

  // Moves to `p` (a position() of an earlier run over the same inputs). Call
  // before the first next(). Records skipped are not reported nor counted.
  void seek(const SourcePosition& p);

  class Reader;   // reads the records of one file or archive entry
  class Archive;  // iterates the entries of an archive
  struct Context;

 private:
  void open_input(const Input& in);
  bool open_next_entry();
  bool next_in_input(schema::Article& out);  // the next article of the open input, if any

  SourceOptions options_;
  Diagnostics& diag_;
  std::vector<Input> files_;
  std::size_t next_file_ = 0;
  std::unique_ptr<Context> context_;
  std::unique_ptr<Reader> reader_;
  std::unique_ptr<Archive> archive_;
  std::uint64_t bytes_total_ = 0, bytes_finished_ = 0;  // all inputs / inputs done
  std::uint64_t current_size_ = 0;                      // the input being read
  std::istream* current_stream_ = nullptr;              // a streamed JSONL input, for its position
  std::uint64_t ordinal_ = 0, file_records_ = 0;        // articles given in all / from the open input
  std::size_t current_file_ = 0;                        // index of the open input in files_
};

}  // namespace fahras::ingest
