#include "pipeline/checkpoint.h"

#include "schema/schema.h"

#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <random>

namespace fahras::pipeline {
namespace fs = std::filesystem;
namespace {

void field(std::string& out, const char* name, std::string_view value) {
  if (out.size() > 1) out += ',';
  out += '"';
  out += name;
  out += "\":";
  schema::append_json_string(out, value);
}

void field(std::string& out, const char* name, std::uint64_t value) {
  if (out.size() > 1) out += ',';
  out += '"';
  out += name;
  out += "\":" + std::to_string(value);
}

std::string get_string(const simdjson::dom::object& o, const char* key) {
  std::string_view v;
  if (o.at_key(key).get(v)) return {};
  return std::string(v);
}

std::uint64_t get_uint(const simdjson::dom::object& o, const char* key) {
  std::uint64_t v = 0;
  if (o.at_key(key).get(v)) return 0;
  return v;
}

std::string mtime_text(std::int64_t ns) {
  const std::time_t t = static_cast<std::time_t>(ns / 1000000000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

std::string describe(const InputFile& f) {
  return f.path + " (" + std::to_string(f.size) + " bytes, modified " + mtime_text(f.mtime_ns) + ")";
}

}  // namespace

std::string utc_now() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string RunRecord::to_json() const {
  std::string out = "{";
  field(out, "id", id);
  field(out, "started", started);
  field(out, "options", options);
  field(out, "prune_mark", prune_mark);
  out += ",\"files\":[";
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (i) out += ',';
    out += '[';
    schema::append_json_string(out, files[i].path);
    out += ',' + std::to_string(files[i].size) + ',' + std::to_string(files[i].mtime_ns) + ']';
  }
  out += "]}";
  return out;
}

std::optional<RunRecord> RunRecord::from_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::object o;
  if (parser.parse(json.data(), json.size()).get(o)) return std::nullopt;
  RunRecord r;
  r.id = get_string(o, "id");
  r.started = get_string(o, "started");
  r.options = get_string(o, "options");
  r.prune_mark = get_uint(o, "prune_mark");
  simdjson::dom::array files;
  if (o.at_key("files").get(files)) return std::nullopt;
  for (simdjson::dom::element e : files) {
    simdjson::dom::array a;
    if (e.get(a) || a.size() != 3) return std::nullopt;
    InputFile f;
    std::string_view path;
    std::int64_t mtime = 0;
    if (a.at(0).get(path) || a.at(1).get(f.size) || a.at(2).get(mtime)) return std::nullopt;
    f.path = std::string(path);
    f.mtime_ns = mtime;
    r.files.push_back(std::move(f));
  }
  if (r.id.empty()) return std::nullopt;
  return r;
}

std::string RunRecord::differs(const RunRecord& now) const {
  if (options != now.options) return "the options differ: it ran with " + options + ", now " + now.options;
  const std::size_t n = std::min(files.size(), now.files.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (files[i] == now.files[i]) continue;
    if (files[i].path != now.files[i].path)
      return "input " + std::to_string(i + 1) + " was " + files[i].path + ", now " + now.files[i].path;
    return "input " + std::to_string(i + 1) + " changed: it was " + describe(files[i]) + ", now " +
           describe(now.files[i]);
  }
  if (files.size() > now.files.size())
    return "it read " + std::to_string(files.size()) + " input files, now " + std::to_string(now.files.size()) +
           " (missing: " + files[n].path + ")";
  if (files.size() < now.files.size())
    return "it read " + std::to_string(files.size()) + " input files, now " + std::to_string(now.files.size()) +
           " (new: " + now.files[n].path + ")";
  return {};
}

RunRecord describe_run(const ingest::DocumentSource& source, std::string options) {
  RunRecord r;
  std::random_device rd;
  char id[17];
  std::snprintf(id, sizeof id, "%08x%08x", rd(), rd());
  r.id = id;
  r.started = utc_now();
  r.options = std::move(options);
  for (const auto& in : source.inputs()) {
    InputFile f;
    f.path = in.path.string();
    std::error_code ec;
    if (in.path != "-") {
      f.size = fs::file_size(in.path, ec);
      if (ec) f.size = 0;
      const auto t = fs::last_write_time(in.path, ec);
      if (!ec) f.mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
    }
    r.files.push_back(std::move(f));
  }
  return r;
}

std::string Checkpoint::to_json() const {
  std::string out = "{";
  field(out, "run", run);
  field(out, "ordinal", position.ordinal);
  field(out, "file", position.file);
  field(out, "records", position.records);
  field(out, "offset", position.offset);
  field(out, "line", position.line);
  out += std::string(",\"done\":") + (done ? "true" : "false");
  field(out, "time", time);
  out += '}';
  return out;
}

std::optional<Checkpoint> Checkpoint::from_json(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::object o;
  if (parser.parse(json.data(), json.size()).get(o)) return std::nullopt;
  Checkpoint c;
  c.run = get_string(o, "run");
  c.position.ordinal = get_uint(o, "ordinal");
  c.position.file = get_uint(o, "file");
  c.position.records = get_uint(o, "records");
  c.position.offset = get_uint(o, "offset");
  c.position.line = get_uint(o, "line");
  bool done = false;
  if (!o.at_key("done").get(done)) c.done = done;
  c.time = get_string(o, "time");
  if (c.run.empty()) return std::nullopt;
  return c;
}

}  // namespace fahras::pipeline
