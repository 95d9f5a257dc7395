#include "ingest/source.h"

#include "analysis/passages.h"
#include "ingest/utf8.h"

#include <simdjson.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace fahras::ingest {
namespace fs = std::filesystem;
namespace {

enum class Kind { Text, Jsonl, Other };

Kind kind_of(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".txt") return Kind::Text;
  if (ext == ".jsonl") return Kind::Jsonl;
  return Kind::Other;
}

bool has_words(std::string_view text) { return analysis::count_words(text) > 0; }

// Reads a field as a string: strings as they are, numbers and other scalars as
// their JSON text. False when the field is absent or null.
bool read_field(simdjson::ondemand::object& obj, const std::string& name, std::string& out) {
  out.clear();
  if (name.empty()) return false;
  simdjson::ondemand::value v;
  if (obj.find_field_unordered(name).get(v)) return false;
  simdjson::ondemand::json_type type;
  if (v.type().get(type)) return false;
  if (type == simdjson::ondemand::json_type::string) {
    std::string_view s;
    if (v.get_string().get(s)) return false;
    out.assign(s);
    return true;
  }
  if (type == simdjson::ondemand::json_type::null) return false;
  if (type == simdjson::ondemand::json_type::number || type == simdjson::ondemand::json_type::boolean) {
    out.assign(simdjson::trim(v.raw_json_token()));
    return true;
  }
  return false;
}

}  // namespace

struct DocumentSource::JsonParser {
  simdjson::ondemand::parser parser;
};

DocumentSource::DocumentSource(std::vector<fs::path> inputs, SourceOptions options, Diagnostics& diagnostics)
    : options_(std::move(options)), diag_(diagnostics), parser_(std::make_unique<JsonParser>()) {
  for (const fs::path& input : inputs) {
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
        if (kind_of(it->path()) == Kind::Other) {
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
    } else if (kind_of(input) == Kind::Other) {
      diag_.report(Outcome::Skipped, input.string(), "unsupported file type (fahras reads .txt and .jsonl)");
      ++diag_.stats.skipped_files;
    } else {
      files_.push_back({input, input.filename().generic_string()});
    }
  }
}

DocumentSource::~DocumentSource() = default;

bool DocumentSource::read_text_file(const Input& in, schema::Article& out) {
  std::ifstream f(in.path, std::ios::binary);
  if (!f) {
    diag_.report(Outcome::Skipped, in.path.string(), std::strerror(errno));
    ++diag_.stats.skipped_files;
    return false;
  }
  ++diag_.stats.files;
  out = schema::Article{};
  out.text.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  if (f.bad()) {
    diag_.report(Outcome::Skipped, in.path.string(), "read error");
    ++diag_.stats.skipped_files;
    return false;
  }
  diag_.stats.bytes += out.text.size();
  const RepairResult fix = repair_utf8(out.text);
  if (!has_words(out.text)) {
    diag_.report(Outcome::Skipped, in.path.string(), "empty file (no words)");
    ++diag_.stats.skipped_records;
    return false;
  }
  if (fix.changed()) {
    diag_.report(Outcome::Repaired, in.path.string(),
                 "replaced " + std::to_string(fix.invalid) + " invalid UTF-8 sequence(s) and " +
                     std::to_string(fix.nuls) + " NUL byte(s)");
    ++diag_.stats.repaired;
  }
  out.id = in.id;
  out.origin = in.path.string();
  out.title.assign(analysis::guess_title(out.text));
  return true;
}

bool DocumentSource::next_jsonl(schema::Article& out) {
  const FieldNames& f = options_.fields;
  while (std::getline(jsonl_, line_)) {
    ++jsonl_line_;
    diag_.stats.bytes += line_.size() + 1;
    if (analysis::trim(line_).empty()) continue;
    const std::string where = jsonl_input_.path.string() + ":" + std::to_string(jsonl_line_);
    const RepairResult fix = repair_utf8(line_);
    line_.reserve(line_.size() + simdjson::SIMDJSON_PADDING);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object obj;
    auto error = parser_->parser.iterate(line_.data(), line_.size(), line_.capacity()).get(doc);
    if (!error) error = doc.get_object().get(obj);
    if (error) {
      diag_.report(Outcome::Skipped, where, std::string("malformed JSON: ") + simdjson::error_message(error));
      ++diag_.stats.skipped_records;
      continue;
    }
    out = schema::Article{};
    std::string value;
    if (!read_field(obj, f.text, out.text) || !has_words(out.text)) {
      diag_.report(Outcome::Skipped, where, "no text (field \"" + f.text + "\" missing or empty)");
      ++diag_.stats.skipped_records;
      continue;
    }
    read_field(obj, f.id, out.id);
    read_field(obj, f.title, out.title);
    read_field(obj, f.date, out.date);
    read_field(obj, f.source, out.source);
    read_field(obj, f.url, out.url);
    if (out.id.empty()) out.id = !out.url.empty() ? out.url : jsonl_input_.id + ":" + std::to_string(jsonl_line_);
    if (fix.changed()) {
      diag_.report(Outcome::Repaired, where, "replaced " + std::to_string(fix.invalid) +
                                                 " invalid UTF-8 sequence(s) and " + std::to_string(fix.nuls) +
                                                 " NUL byte(s)");
      ++diag_.stats.repaired;
    }
    out.origin = where;
    return true;
  }
  if (jsonl_.bad()) {
    diag_.report(Outcome::Skipped, jsonl_input_.path.string() + ":" + std::to_string(jsonl_line_ + 1), "read error");
    ++diag_.stats.skipped_records;
  }
  jsonl_.close();
  return false;
}

bool DocumentSource::next(schema::Article& out) {
  for (;;) {
    if (jsonl_.is_open()) {
      if (next_jsonl(out)) {
        ++diag_.stats.articles;
        return true;
      }
      continue;
    }
    if (next_file_ >= files_.size()) return false;
    const Input& in = files_[next_file_++];
    if (kind_of(in.path) == Kind::Text) {
      if (read_text_file(in, out)) {
        ++diag_.stats.articles;
        return true;
      }
      continue;
    }
    jsonl_.clear();
    jsonl_.open(in.path, std::ios::binary);
    if (!jsonl_) {
      diag_.report(Outcome::Skipped, in.path.string(), std::strerror(errno));
      ++diag_.stats.skipped_files;
      continue;
    }
    ++diag_.stats.files;
    jsonl_input_ = in;
    jsonl_line_ = 0;
  }
}

}  // namespace fahras::ingest
