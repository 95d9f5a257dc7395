#include "ingest/source.h"

#include "analysis/passages.h"
#include "ingest/encoding.h"
#include "ingest/html.h"
#include "ingest/utf8.h"

#include <archive.h>
#include <archive_entry.h>
#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

namespace fahras::ingest {
namespace fs = std::filesystem;
namespace {

enum class Kind { Text, Jsonl, JsonArray, Trec, Html, Archive, Compressed, Other };

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool ends_with(const std::string& s, std::string_view suffix) { return s.ends_with(suffix); }

// The kind of a file from its name; for a compressed single file, `inner`
// receives the kind of what it holds.
Kind kind_of(const std::string& name, Kind* inner = nullptr) {
  const std::string n = lower(name);
  for (std::string_view a : {".zip", ".tar", ".tgz", ".tbz2", ".txz", ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst"})
    if (ends_with(n, a)) return Kind::Archive;
  for (std::string_view c : {".gz", ".bz2", ".xz", ".zst"}) {
    if (ends_with(n, c)) {
      const Kind k = kind_of(n.substr(0, n.size() - c.size()));
      if (k == Kind::Text || k == Kind::Jsonl || k == Kind::JsonArray || k == Kind::Trec || k == Kind::Html) {
        if (inner) *inner = k;
        return Kind::Compressed;
      }
      return Kind::Other;
    }
  }
  if (ends_with(n, ".txt")) return Kind::Text;
  if (ends_with(n, ".trec") || ends_with(n, ".sgml") || ends_with(n, ".sgm")) return Kind::Trec;
  if (ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".xhtml")) return Kind::Html;
  if (ends_with(n, ".jsonl") || ends_with(n, ".ndjson")) return Kind::Jsonl;
  if (ends_with(n, ".json")) return Kind::JsonArray;
  return Kind::Other;
}

bool has_words(std::string_view text) { return analysis::count_words(text) > 0; }

// Content decides between plain text and a TREC collection: a .txt file whose
// first non-blank characters are <DOC> holds TREC documents.
bool looks_like_trec(std::string_view content) {
  std::size_t i = content.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < content.size() && (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) ++i;
  return content.substr(i).starts_with("<DOC>");
}

// Binary data (an executable, an image, random bytes) is text in no encoding:
// its first 64 KB hold many control bytes (text has tabs and line ends, and at
// most a few stray NULs). Text with a UTF-16/32 byte-order mark is text. Returns
// why `head` is binary, or "" for text.
std::string binary_reason(std::string_view head) {
  for (std::string_view bom : {std::string_view("\xEF\xBB\xBF"), std::string_view("\xFF\xFE"),
                               std::string_view("\xFE\xFF"), std::string_view("\0\0\xFE\xFF", 4)})
    if (head.starts_with(bom)) return {};
  head = head.substr(0, 65536);
  std::size_t control = 0;
  for (const unsigned char c : head)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f) ++control;
  if (head.size() < 32 || control * 20 <= head.size()) return {};
  return "binary file, not text (" + std::to_string(control * 100 / head.size()) + "% control bytes)";
}

std::string repaired_message(const RepairResult& fix) {
  return "replaced " + std::to_string(fix.invalid) + " invalid UTF-8 sequence(s) and " + std::to_string(fix.nuls) +
         " NUL byte(s)";
}

// Reads a field as a string: strings as they are, numbers and booleans as their
// JSON text. False when the field is absent, null, an array or an object.
bool read_field(const simdjson::dom::object& obj, const std::string& name, std::string& out) {
  out.clear();
  if (name.empty()) return false;
  simdjson::dom::element v;
  if (obj.at_key(name).get(v)) return false;
  switch (v.type()) {
    case simdjson::dom::element_type::STRING: out.assign(std::string_view(v)); return true;
    case simdjson::dom::element_type::INT64: out = std::to_string(int64_t(v)); return true;
    case simdjson::dom::element_type::UINT64: out = std::to_string(uint64_t(v)); return true;
    case simdjson::dom::element_type::DOUBLE: out = simdjson::minify(v); return true;
    case simdjson::dom::element_type::BOOL: out = bool(v) ? "true" : "false"; return true;
    default: return false;
  }
}

}  // namespace

bool set_field(FieldNames& fields, std::string_view spec) {
  const auto eq = spec.find('=');
  if (eq == std::string_view::npos) return false;
  const std::string_view name = spec.substr(0, eq);
  std::string key(spec.substr(eq + 1));
  if (name == "id") fields.id = std::move(key);
  else if (name == "title") fields.title = std::move(key);
  else if (name == "text") fields.text = std::move(key);
  else if (name == "date") fields.date = std::move(key);
  else if (name == "source") fields.source = std::move(key);
  else if (name == "url") fields.url = std::move(key);
  else return false;
  return true;
}

struct DocumentSource::Context {
  Diagnostics* diag;  // swapped for a silent one while seek() skips records
  const FieldNames& fields;
  const std::string& encoding;  // forced input encoding, or empty
  simdjson::dom::parser parser;
};

// One file's (or archive entry's) records.
class DocumentSource::Reader {
 public:
  Reader(Context& ctx, std::string name, std::string id) : ctx_(ctx), name_(std::move(name)), id_(std::move(id)) {}
  virtual ~Reader() = default;
  virtual bool next(schema::Article& out) = 0;
  // A streamed reader's byte offset and line after the last record, and a move
  // there (false: this reader cannot seek; the caller skips records instead).
  virtual std::uint64_t offset() const { return 0; }
  virtual std::uint64_t line() const { return 0; }
  virtual bool seek(std::uint64_t /*offset*/, std::uint64_t /*line*/) { return false; }

 protected:
  // Makes `bytes` UTF-8 (see encoding.h); reports a conversion from another
  // encoding once for `where`. Returns what was repaired afterwards.
  RepairResult decode(std::string& bytes, const std::string& where) {
    const DecodeResult d = decode_to_utf8(bytes, ctx_.encoding);
    if (!d.encoding.empty() && ctx_.encoding.empty()) {
      ctx_.diag->report(Outcome::Converted, where, "read as " + d.encoding + (d.detected ? " (detected)" : " (byte-order mark)"));
      ++ctx_.diag->stats.converted;
    } else if (!d.encoding.empty()) {
      ++ctx_.diag->stats.converted;
    }
    return {d.invalid, d.nuls};
  }

  void skip(const std::string& where, std::string_view why) {
    ctx_.diag->report(Outcome::Skipped, where, why);
    ++ctx_.diag->stats.skipped_records;
  }

  // Fills `out` from a JSON record; false (reported) when it has no text.
  bool from_json(const simdjson::dom::element& record, const std::string& where, const RepairResult& fix,
                 const std::string& fallback_id, schema::Article& out) {
    simdjson::dom::object obj;
    if (record.get_object().get(obj)) {
      skip(where, "not a JSON object");
      return false;
    }
    const FieldNames& f = ctx_.fields;
    out = schema::Article{};
    if (!read_field(obj, f.text, out.text) || !has_words(out.text)) {
      skip(where, "no text (field \"" + f.text + "\" missing or empty)");
      return false;
    }
    read_field(obj, f.id, out.id);
    read_field(obj, f.title, out.title);
    read_field(obj, f.date, out.date);
    read_field(obj, f.source, out.source);
    read_field(obj, f.url, out.url);
    if (out.id.empty()) out.id = !out.url.empty() ? out.url : fallback_id;
    if (fix.changed()) {
      ctx_.diag->report(Outcome::Repaired, where, repaired_message(fix));
      ++ctx_.diag->stats.repaired;
    }
    out.origin = where;
    return true;
  }

  Context& ctx_;
  std::string name_, id_;
};

namespace {

class TextReader final : public DocumentSource::Reader {
 public:
  TextReader(DocumentSource::Context& ctx, std::string name, std::string id, std::string content)
      : Reader(ctx, std::move(name), std::move(id)), content_(std::move(content)) {}

  bool next(schema::Article& out) override {
    if (done_) return false;
    done_ = true;
    const RepairResult fix = decode(content_, name_);
    if (!has_words(content_)) {
      skip(name_, "empty file (no words)");
      return false;
    }
    if (fix.changed()) {
      ctx_.diag->report(Outcome::Repaired, name_, repaired_message(fix));
      ++ctx_.diag->stats.repaired;
    }
    out = schema::Article{};
    out.text = std::move(content_);
    out.id = id_;
    out.origin = name_;
    out.title.assign(analysis::guess_title(out.text));
    return true;
  }

 private:
  std::string content_;
  bool done_ = false;
};

class JsonlReader final : public DocumentSource::Reader {
 public:
  JsonlReader(DocumentSource::Context& ctx, std::string name, std::string id, std::unique_ptr<std::istream> in,
              bool count_bytes)
      : Reader(ctx, std::move(name), std::move(id)), in_(std::move(in)), count_bytes_(count_bytes) {}

  bool next(schema::Article& out) override {
    while (std::getline(*in_, line_)) {
      ++line_no_;
      consumed_ += line_.size() + 1;
      if (count_bytes_) ctx_.diag->stats.bytes += line_.size() + 1;
      if (analysis::trim(line_).empty()) continue;
      const std::string where = name_ + ":" + std::to_string(line_no_);
      const RepairResult fix = decode(line_, where);
      simdjson::dom::element record;
      if (const auto error = ctx_.parser.parse(line_).get(record)) {
        skip(where, std::string("malformed JSON: ") + simdjson::error_message(error));
        continue;
      }
      if (from_json(record, where, fix, id_ + ":" + std::to_string(line_no_), out)) return true;
    }
    if (in_->bad()) skip(name_ + ":" + std::to_string(line_no_ + 1), "read error");
    return false;
  }

  std::uint64_t offset() const override { return consumed_; }
  std::uint64_t line() const override { return line_no_; }
  bool seek(std::uint64_t offset, std::uint64_t line) override {
    if (!in_->seekg(static_cast<std::streamoff>(offset))) {
      in_->clear();
      return false;
    }
    consumed_ = offset;
    line_no_ = line;
    return true;
  }

 private:
  std::unique_ptr<std::istream> in_;
  bool count_bytes_;
  std::string line_;
  std::uint64_t line_no_ = 0, consumed_ = 0;
};

class JsonArrayReader final : public DocumentSource::Reader {
 public:
  JsonArrayReader(DocumentSource::Context& ctx, std::string name, std::string id, std::string content)
      : Reader(ctx, std::move(name), std::move(id)) {
    fix_ = decode(content, name_);
    simdjson::dom::element root;
    if (const auto error = ctx_.parser.parse(content).get(root)) {
      ctx_.diag->report(Outcome::Skipped, name_, std::string("malformed JSON: ") + simdjson::error_message(error));
      ++ctx_.diag->stats.skipped_files;
      return;
    }
    if (root.is_array()) {
      array_ = root.get_array().value_unsafe();
      it_ = array_.begin();
      has_array_ = true;
    } else {
      single_ = root;
      has_single_ = true;
    }
  }

  bool next(schema::Article& out) override {
    // The DOM lives in the shared parser: records are read before the parser is reused.
    if (has_single_) {
      has_single_ = false;
      return from_json(single_, name_, fix_, id_, out);
    }
    while (has_array_ && it_ != array_.end()) {
      const std::string where = name_ + ": record " + std::to_string(++record_);
      const simdjson::dom::element e = *it_;
      ++it_;
      if (from_json(e, where, fix_, id_ + "#" + std::to_string(record_), out)) return true;
    }
    return false;
  }

 private:
  RepairResult fix_;
  simdjson::dom::array array_;
  simdjson::dom::array::iterator it_;
  simdjson::dom::element single_;
  bool has_array_ = false, has_single_ = false;
  std::uint64_t record_ = 0;
};

// An HTML article: one per file (see html.h for what is kept).
class HtmlReader final : public DocumentSource::Reader {
 public:
  HtmlReader(DocumentSource::Context& ctx, std::string name, std::string id, std::string content)
      : Reader(ctx, std::move(name), std::move(id)), content_(std::move(content)) {}

  bool next(schema::Article& out) override {
    if (done_) return false;
    done_ = true;
    const RepairResult fix = decode(content_, name_);
    HtmlArticle html = parse_html(content_);
    if (!has_words(html.text)) {
      skip(name_, "no article text in the HTML");
      return false;
    }
    if (fix.changed()) {
      ctx_.diag->report(Outcome::Repaired, name_, repaired_message(fix));
      ++ctx_.diag->stats.repaired;
    }
    out = schema::Article{};
    out.id = id_;
    out.origin = name_;
    out.title = std::move(html.title);
    out.text = std::move(html.text);
    out.date = std::move(html.date);
    return true;
  }

 private:
  std::string content_;
  bool done_ = false;
};

// TREC/SGML collections: several <DOC>…</DOC> per file (ANT, LDC Arabic newswire).
class TrecReader final : public DocumentSource::Reader {
 public:
  TrecReader(DocumentSource::Context& ctx, std::string name, std::string id, std::string content)
      : Reader(ctx, std::move(name), std::move(id)), content_(std::move(content)) {
    fix_ = decode(content_, name_);
  }

  bool next(schema::Article& out) override {
    for (;;) {
      const std::size_t open = content_.find("<DOC>", at_);
      if (open == std::string::npos) return false;
      std::size_t close = content_.find("</DOC>", open);
      const bool truncated = close == std::string::npos;
      if (truncated) close = content_.size();
      at_ = truncated ? content_.size() : close + 6;
      const std::string_view doc = std::string_view(content_).substr(open + 5, close - open - 5);
      ++number_;
      std::string where = name_ + ": DOC " + std::to_string(number_);
      out = schema::Article{};
      out.id = std::string(analysis::trim(field(doc, "DOCNO")));
      if (!out.id.empty()) where += " (" + out.id + ")";
      if (truncated) {
        skip(where, "no closing </DOC> (truncated file)");
        return false;
      }
      const std::string_view abstract = analysis::trim(field(doc, "ABSTRACT"));
      out.text = paragraphs(abstract);
      if (!out.text.empty()) out.text += "\n\n";
      out.text += paragraphs(field(doc, "TEXT"));
      if (!has_words(out.text)) {
        skip(where, "no text (<TEXT> missing or empty)");
        continue;
      }
      if (out.id.empty()) out.id = id_ + "#" + std::to_string(number_);
      out.title = std::string(analysis::trim(field(doc, "TITLE")));
      if (out.title.empty()) out.title = std::string(analysis::trim(field(doc, "HEADLINE")));
      out.date = iso_date(analysis::trim(field(doc, "TIME")));
      if (out.date.empty()) out.date = iso_date(analysis::trim(field(doc, "DATE")));
      out.source = std::string(analysis::trim(field(doc, "SRC")));
      out.url = std::string(analysis::trim(field(doc, "URL")));
      out.origin = where;
      if (fix_.changed() && !fix_reported_) {
        fix_reported_ = true;
        ctx_.diag->report(Outcome::Repaired, name_, repaired_message(fix_));
        ++ctx_.diag->stats.repaired;
      }
      return true;
    }
  }

  // The content of <TAG>…</TAG> inside one DOC (empty if absent).
  static std::string_view field(std::string_view doc, std::string_view tag) {
    const std::string open = "<" + std::string(tag) + ">", close = "</" + std::string(tag) + ">";
    const std::size_t b = doc.find(open);
    if (b == std::string_view::npos) return {};
    const std::size_t e = doc.find(close, b + open.size());
    return doc.substr(b + open.size(), (e == std::string_view::npos ? doc.size() : e) - b - open.size());
  }

  // Text with SGML tags removed; <P> and </P> become paragraph breaks.
  static std::string paragraphs(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
      if (s[i] == '<') {
        const std::size_t e = s.find('>', i);
        if (e != std::string_view::npos && e - i < 32) {  // a tag, not a stray '<'
          const std::string_view tag = s.substr(i + 1, e - i - 1);
          if (tag == "P" || tag == "/P" || tag == "p" || tag == "/p") out += "\n";
          i = e + 1;
          continue;
        }
      }
      out.push_back(s[i++]);
    }
    return std::string(analysis::trim(out));
  }

  // DD/MM/YYYY or YYYY-MM-DD… -> YYYY-MM-DD; anything else is kept as given.
  static std::string iso_date(std::string_view d) {
    auto digits = [&](std::size_t b, std::size_t n) {
      if (b + n > d.size()) return false;
      for (std::size_t i = b; i < b + n; ++i)
        if (d[i] < '0' || d[i] > '9') return false;
      return true;
    };
    if (d.size() == 10 && digits(0, 2) && d[2] == '/' && digits(3, 2) && d[5] == '/' && digits(6, 4))
      return std::string(d.substr(6, 4)) + "-" + std::string(d.substr(3, 2)) + "-" + std::string(d.substr(0, 2));
    return std::string(d);
  }

 private:
  std::string content_;
  std::size_t at_ = 0;
  std::uint64_t number_ = 0;
  RepairResult fix_;
  bool fix_reported_ = false;
};

// The rest of `in`, read in 64 KiB blocks (an istreambuf_iterator copy costs
// tens of instructions per byte); `expected` reserves the string up front.
std::string read_all(std::istream& in, std::size_t expected = 0) {
  std::string out;
  out.reserve(expected);
  char block[1 << 16];
  while (in.read(block, sizeof block), in.gcount() > 0) out.append(block, static_cast<std::size_t>(in.gcount()));
  return out;
}

}  // namespace

namespace {

// A reader for in-memory content of the given kind (.txt content may turn out TREC).
std::unique_ptr<DocumentSource::Reader> make_reader(DocumentSource::Context& ctx, Kind kind, const std::string& name,
                                                    const std::string& id, std::string content) {
  if (kind == Kind::Trec || (kind == Kind::Text && looks_like_trec(content)))
    return std::make_unique<TrecReader>(ctx, name, id, std::move(content));
  switch (kind) {
    case Kind::Html: return std::make_unique<HtmlReader>(ctx, name, id, std::move(content));
    case Kind::Text: return std::make_unique<TextReader>(ctx, name, id, std::move(content));
    case Kind::Jsonl:
      return std::make_unique<JsonlReader>(ctx, name, id, std::make_unique<std::istringstream>(std::move(content)),
                                           false);
    default: return std::make_unique<JsonArrayReader>(ctx, name, id, std::move(content));
  }
}

}  // namespace

// The entries of an archive, or the one stream of a compressed file.
class DocumentSource::Archive {
 public:
  Archive(const fs::path& path, bool raw) : path_(path.string()), raw_(raw), a_(archive_read_new()) {
    archive_read_support_filter_all(a_);
    if (raw) archive_read_support_format_raw(a_);
    else archive_read_support_format_all(a_);
    if (archive_read_open_filename(a_, path_.c_str(), 1 << 16) != ARCHIVE_OK) {
      const char* why = archive_error_string(a_);  // may be null (found by archive_fuzz)
      error_ = why ? why : "cannot open the archive";
    }
  }
  ~Archive() { archive_read_free(a_); }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  const std::string& error() const { return error_; }

  // Next regular entry: its name and whole content. False at the end or on a
  // corrupt archive (error() then says why).
  bool next(std::string& name, std::string& content) {
    if (!error_.empty()) return false;
    archive_entry* entry = nullptr;
    for (;;) {
      const int r = archive_read_next_header(a_, &entry);
      if (r == ARCHIVE_EOF) return false;
      if (r < ARCHIVE_WARN) {
        error_ = archive_error_string(a_) ? archive_error_string(a_) : "corrupt archive";
        return false;
      }
      if (raw_ || archive_entry_filetype(entry) == AE_IFREG) break;
    }
    const char* pathname = raw_ ? nullptr : archive_entry_pathname(entry);  // null when unconvertible
    name = pathname ? pathname : "";
    content.clear();
    char buf[1 << 16];
    for (;;) {
      const la_ssize_t n = archive_read_data(a_, buf, sizeof buf);
      if (n == 0) break;
      if (n < 0) {
        error_ = archive_error_string(a_) ? archive_error_string(a_) : "read error";
        return false;
      }
      content.append(buf, static_cast<std::size_t>(n));
    }
    return true;
  }

  bool raw() const { return raw_; }
  const std::string& path() const { return path_; }
  std::uint64_t consumed() const { return static_cast<std::uint64_t>(archive_filter_bytes(a_, -1)); }
  Kind inner = Kind::Other;  // for a compressed single file

 private:
  std::string path_;
  bool raw_;
  archive* a_;
  std::string error_;
};

DocumentSource::DocumentSource(std::vector<fs::path> inputs, SourceOptions options, Diagnostics& diagnostics)
    : options_(std::move(options)), diag_(diagnostics),
      context_(new Context{&diagnostics, options_.fields, options_.encoding, simdjson::dom::parser()}) {
  if (!options_.encoding.empty()) {
    std::string probe;
    decode_to_utf8(probe, options_.encoding);  // throws std::invalid_argument for an unknown name
  }
  for (const fs::path& input : inputs) {
    if (input == "-") {
      files_.push_back({input, "stdin"});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      diag_.report(Outcome::Skipped, input.string(), ec ? ec.message() : "no such file or directory");
      ++diag_.stats.skipped_files;
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<Input> found;
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (kind_of(it->path().filename().string()) == Kind::Other) {
          ++diag_.stats.ignored_files;
          continue;
        }
        found.push_back({it->path(), it->path().lexically_relative(input).generic_string()});
      }
      if (ec) {
        diag_.report(Outcome::Skipped, input.string(), "cannot walk folder: " + ec.message());
        ++diag_.stats.skipped_files;
      }
      std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.id < b.id; });
      files_.insert(files_.end(), found.begin(), found.end());
      for (const Input& f : found) bytes_total_ += fs::file_size(f.path, ec), ec.clear();
    } else if (kind_of(input.filename().string()) == Kind::Other) {
      diag_.report(Outcome::Skipped, input.string(),
                   "unsupported file type (fahras reads .txt, .jsonl, .json, .trec/.sgml, .html, their "
                   ".gz/.bz2/.xz/.zst, and .zip/.tar archives)");
      ++diag_.stats.skipped_files;
    } else {
      files_.push_back({input, input.filename().generic_string()});
      bytes_total_ += fs::file_size(input, ec);
    }
  }
}

std::uint64_t DocumentSource::bytes_done() const {
  std::uint64_t current = 0;
  if (archive_) current = archive_->consumed();
  else if (current_stream_ != nullptr && *current_stream_) current = static_cast<std::uint64_t>(std::max<std::streamoff>(0, current_stream_->tellg()));
  return bytes_finished_ + std::min(current, current_size_);
}

DocumentSource::~DocumentSource() = default;

void DocumentSource::open_input(const Input& in) {
  const std::string name = in.path == "-" ? std::string("<stdin>") : in.path.string();
  std::error_code size_ec;
  current_size_ = in.path == "-" ? 0 : fs::file_size(in.path, size_ec);
  if (in.path == "-") {  // decided by content; JSONL is streamed
    int c;
    while ((c = std::cin.peek()) == ' ' || c == '\n' || c == '\r' || c == '\t') std::cin.get();
    ++diag_.stats.files;
    if (c == '{') {
      reader_ = std::make_unique<JsonlReader>(*context_, name, in.id, std::make_unique<std::istream>(std::cin.rdbuf()),
                                              true);
      return;
    }
    std::string content = read_all(std::cin);
    diag_.stats.bytes += content.size();
    reader_ = make_reader(*context_, c == '[' ? Kind::JsonArray : Kind::Text, name, in.id, std::move(content));
    return;
  }
  Kind inner = Kind::Other;
  const Kind kind = kind_of(in.path.filename().string(), &inner);
  if (kind == Kind::Archive || kind == Kind::Compressed) {
    archive_ = std::make_unique<Archive>(in.path, kind == Kind::Compressed);
    archive_->inner = inner;
    if (!archive_->error().empty()) {
      diag_.report(Outcome::Skipped, name, archive_->error());
      ++diag_.stats.skipped_files;
      archive_.reset();
      return;
    }
    ++diag_.stats.files;
    return;
  }
  if (kind == Kind::Jsonl) {  // streamed: a JSONL file may be larger than memory
    auto f = std::make_unique<std::ifstream>(in.path, std::ios::binary);
    if (!*f) {
      diag_.report(Outcome::Skipped, name, std::strerror(errno));
      ++diag_.stats.skipped_files;
      return;
    }
    char head[4096];
    std::string first;
    while (first.size() < 65536 && f->read(head, sizeof head).gcount() > 0) first.append(head, static_cast<std::size_t>(f->gcount()));
    f->clear();
    f->seekg(0);
    if (const std::string binary = binary_reason(first); !binary.empty()) {
      diag_.report(Outcome::Skipped, name, binary);
      ++diag_.stats.skipped_files;
      return;
    }
    ++diag_.stats.files;
    current_stream_ = f.get();
    reader_ = std::make_unique<JsonlReader>(*context_, name, in.id, std::move(f), true);
    return;
  }
  std::ifstream f(in.path, std::ios::binary);
  std::string content;
  if (f) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(in.path, ec);
    content = read_all(f, ec ? 0 : static_cast<std::size_t>(size));
  }
  if (!f.is_open() || f.bad()) {
    diag_.report(Outcome::Skipped, name, f.is_open() ? "read error" : std::strerror(errno));
    ++diag_.stats.skipped_files;
    return;
  }
  if (const std::string binary = binary_reason(content); !binary.empty()) {
    diag_.report(Outcome::Skipped, name, binary);
    ++diag_.stats.skipped_files;
    return;
  }
  ++diag_.stats.files;
  diag_.stats.bytes += content.size();
  reader_ = make_reader(*context_, kind, name, in.id, std::move(content));
}

bool DocumentSource::open_next_entry() {
  std::string entry, content;
  while (archive_->next(entry, content)) {
    Kind kind = archive_->raw() ? archive_->inner : kind_of(entry);
    if (kind == Kind::Other || kind == Kind::Archive || kind == Kind::Compressed) {
      ++context_->diag->stats.ignored_files;
      continue;
    }
    context_->diag->stats.bytes += content.size();
    const std::string name = archive_->raw() ? archive_->path() : archive_->path() + "!" + entry;
    if (const std::string binary = binary_reason(content); !binary.empty()) {
      context_->diag->report(Outcome::Skipped, name, binary);
      ++context_->diag->stats.skipped_files;
      continue;
    }
    // Ids of records without one (and of text files) name the archive too, as
    // the input was named (relative to the folder given), so equal entry names
    // in two archives (a/2015.zip!day.json, b/2015.zip!day.json) stay apart.
    const fs::path archive_id = files_[current_file_].id;
    const std::string id = archive_->raw()
                               ? (archive_id.parent_path() / archive_id.stem()).generic_string()  // news.jsonl.gz -> news.jsonl
                               : archive_id.generic_string() + "!" + entry;
    reader_ = make_reader(*context_, kind, name, id, std::move(content));
    return true;
  }
  if (!archive_->error().empty()) {
    context_->diag->report(Outcome::Skipped, archive_->path() + (entry.empty() ? "" : "!" + entry),
                 archive_->error() + " (rest of the archive skipped)");
    ++context_->diag->stats.skipped_files;
  }
  return false;
}

bool DocumentSource::next_in_input(schema::Article& out) {
  for (;;) {
    if (reader_) {
      if (reader_->next(out)) return true;
      reader_.reset();
    }
    if (!archive_) return false;
    if (!open_next_entry()) {
      archive_.reset();
      return false;
    }
  }
}

bool DocumentSource::next(schema::Article& out) {
  for (;;) {
    if (next_in_input(out)) {
      ++diag_.stats.articles;
      ++ordinal_;
      ++file_records_;
      return true;
    }
    bytes_finished_ += current_size_;  // the previous input is done
    current_size_ = 0;
    current_stream_ = nullptr;
    if (next_file_ >= files_.size()) return false;
    current_file_ = next_file_;
    file_records_ = 0;
    open_input(files_[next_file_++]);
  }
}

SourcePosition DocumentSource::position() const {
  SourcePosition p;
  p.ordinal = ordinal_;
  p.file = current_file_;
  p.records = file_records_;
  if (reader_ && !archive_ && current_stream_ != nullptr) {  // a plain JSONL file
    p.offset = reader_->offset();
    p.line = reader_->line();
  }
  return p;
}

void DocumentSource::seek(const SourcePosition& p) {
  std::error_code ec;
  ordinal_ = p.ordinal;
  for (std::size_t i = 0; i < files_.size() && i < p.file; ++i)
    if (files_[i].path != "-") bytes_finished_ += fs::file_size(files_[i].path, ec), ec.clear();
  next_file_ = std::min<std::size_t>(p.file, files_.size());
  current_file_ = next_file_;
  file_records_ = 0;
  if (p.records == 0 || next_file_ >= files_.size()) return;
  Diagnostics silent;
  context_->diag = &silent;
  const IngestStats before = diag_.stats;
  open_input(files_[next_file_++]);
  if (p.offset > 0 && reader_ && !archive_ && current_stream_ != nullptr && reader_->seek(p.offset, p.line)) {
    file_records_ = p.records;
  } else {
    schema::Article skipped;
    while (file_records_ < p.records && next_in_input(skipped)) ++file_records_;
  }
  diag_.stats = before;  // what was skipped is not this run's reading
  context_->diag = &diag_;
}

}  // namespace fahras::ingest
