#include "schema/schema.h"

#include "analysis/tokenizer.h"
#include "analysis/utf8.h"

#include <simdjson.h>
#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <memory>
#include <new>
#include <stdexcept>

namespace fahras::schema {
namespace {

constexpr std::size_t kMaxKeyBytes = 200;  // Xapian terms are limited to 245 bytes
// Ids longer than this are hashed (article_key): long keys that share a prefix
// (URLs of one site) made the writer's term maps and B-trees compare ~100 bytes
// per step, and were stored twice in every passage's termlist.
constexpr std::size_t kMaxRawKeyBytes = 32;

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}


std::string get_string(simdjson::ondemand::object& obj, std::string_view key) {
  std::string_view v;
  auto field = obj.find_field_unordered(key);
  if (field.error() || field.get_string().get(v)) return {};
  return std::string(v);
}

}  // namespace

std::string article_key(std::string_view id) {
  if (id.size() <= kMaxRawKeyBytes) return std::string(id);
  const XXH128_hash_t h = XXH3_128bits(id.data(), id.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  key.reserve(1 + 32);
  key.push_back('~');
  for (const std::uint64_t half : {h.high64, h.low64})
    for (int shift = 60; shift >= 0; shift -= 4) key.push_back(kHex[(half >> shift) & 0xF]);
  return key;
}

std::uint32_t shard_of(std::string_view article_id, std::uint32_t n) {
  return n == 0 ? 0 : static_cast<std::uint32_t>(fnv1a(article_id) % n);
}

std::string passage_uid_of_key(std::string_view key, std::uint32_t passage) {
  std::string uid(kPrefixUid);
  uid += key;
  uid.push_back('#');
  uid += std::to_string(passage);
  return uid;
}

std::string passage_uid(std::string_view article_id, std::uint32_t passage) {
  return passage_uid_of_key(article_key(article_id), passage);
}

std::string entity_term(std::string_view prefix, std::string_view id) {
  std::size_t cut = std::min(id.size(), kMaxKeyBytes);
  while (cut > 0 && cut < id.size() && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  std::string term(prefix);
  term += id.substr(0, cut);
  return term;
}

std::string entity_value(std::string_view id, std::string_view name) {
  std::string v(id.substr(0, kMaxKeyBytes));
  v.push_back('\t');
  v += name.substr(0, kMaxKeyBytes);
  return v;
}

std::pair<std::string_view, std::string_view> split_entity_value(std::string_view value) {
  const std::size_t tab = value.find('\t');
  if (tab == std::string_view::npos) return {value, value};
  return {value.substr(0, tab), value.substr(tab + 1)};
}

std::string figure_term(double value) {
  std::string t(kPrefixFigure);
  analysis::canonical_number(value, t);
  return t;
}

std::string figure_unit_term(double value, std::string_view unit) {
  std::string t = figure_term(value);
  t.push_back(':');
  t += unit;
  return t;
}

std::string unit_value_prefix(std::string_view unit) {
  std::string t(kPrefixUnitValue);
  t += unit;
  t.push_back(':');
  return t;
}

std::string unit_value_term(std::string_view unit, double value) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string t = unit_value_prefix(unit);
  // Hex keeps the byte order of sortable_serialise, so terms sort by value.
  for (unsigned char c : Xapian::sortable_serialise(value)) {
    t.push_back(kHex[c >> 4]);
    t.push_back(kHex[c & 0xF]);
  }
  return t;
}

namespace {

// True for the bytes a JSON string must escape: '"', '\\' and controls.
inline bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void append_escaped(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  if (simdjson::validate_utf8(s.data(), s.size())) {
    // Valid UTF-8 (nearly always: ingest repairs the text): copy the runs
    // between the ASCII bytes to escape in one append each.
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (!needs_escape(c)) continue;
      out.append(s.data() + run, i - run);
      append_escaped(out, c);
      run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
    return;
  }
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const std::size_t n = analysis::utf8_sequence_length(s, i);
      if (n == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
        ++i;
      } else {
        out.append(s.substr(i, n));
        i += n;
      }
      continue;
    }
    if (needs_escape(c)) append_escaped(out, c);
    else out.push_back(static_cast<char>(c));
    ++i;
  }
  out.push_back('"');
}

std::string encode_record(const PassageRecord& r) {
  std::string out;
  out.reserve(r.text.size() + r.title.size() + r.id.size() + r.url.size() + 96);
  out += "{\"id\":";
  append_json_string(out, r.id);
  out += ",\"passage\":";
  out += std::to_string(r.passage);
  if (!r.title.empty()) { out += ",\"title\":"; append_json_string(out, r.title); }
  out += ",\"text\":";
  append_json_string(out, r.text);
  if (!r.date.empty()) { out += ",\"date\":"; append_json_string(out, r.date); }
  if (!r.source.empty()) { out += ",\"source\":"; append_json_string(out, r.source); }
  if (!r.url.empty()) { out += ",\"url\":"; append_json_string(out, r.url); }
  out.push_back('}');
  return out;
}

PassageRecord decode_record(std::string_view data) {
  thread_local simdjson::ondemand::parser parser;  // reused: one per thread, not one per hit
  simdjson::padded_string padded(data);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(obj))
    throw std::runtime_error("document data is not a fahras passage record");
  PassageRecord r;
  r.id = get_string(obj, "id");
  std::uint64_t n = 0;
  auto passage = obj.find_field_unordered("passage");
  if (!passage.error() && !passage.get_uint64().get(n)) r.passage = static_cast<std::uint32_t>(n);
  r.title = get_string(obj, "title");
  r.text = get_string(obj, "text");
  r.date = get_string(obj, "date");
  r.source = get_string(obj, "source");
  r.url = get_string(obj, "url");
  if (r.id.empty() || r.passage == 0) throw std::runtime_error("document data is not a fahras passage record");
  return r;
}

namespace {
struct ZstdCctxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
// A record is one passage and its article's fields: --max-article-size (8 MB) of
// text at most, JSON-escaped. A frame claiming more is not one fahras wrote.
constexpr unsigned long long kMaxRecordBytes = 64ull << 20;
}  // namespace

std::string pack_record(const PassageRecord& record) {
  thread_local const std::unique_ptr<ZSTD_CCtx, ZstdCctxFree> cctx(ZSTD_createCCtx());
  if (!cctx) throw std::bad_alloc();
  const std::string json = encode_record(record);
  std::string out(ZSTD_compressBound(json.size()), '\0');
  const std::size_t n = ZSTD_compressCCtx(cctx.get(), out.data(), out.size(), json.data(), json.size(), 1);
  if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

std::string stored_record(const Xapian::Document& doc) {
  const std::string packed = doc.get_value(kSlotRecord);
  if (packed.empty()) return doc.get_data();  // schemas 5 and 6
  const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxRecordBytes)
    throw std::runtime_error("the stored passage record is not a zstd frame fahras wrote");
  std::string json(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompress(json.data(), json.size(), packed.data(), packed.size());
  if (ZSTD_isError(n) || n != json.size())
    throw std::runtime_error(std::string("the stored passage record does not unpack: ") +
                             (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "wrong size"));
  return json;
}

PassageRecord read_record(const Xapian::Document& doc) { return decode_record(stored_record(doc)); }

void complete_record(const Xapian::Database& db, PassageRecord& record) {
  if (record.passage <= 1 || !record.title.empty() || !record.date.empty() || !record.source.empty() ||
      !record.url.empty())
    return;
  const std::string first = passage_uid(record.id, 1);
  const Xapian::PostingIterator it = db.postlist_begin(first);
  if (it == db.postlist_end(first)) return;
  PassageRecord one = read_record(db.get_document(*it));
  if (one.id != record.id) return;
  record.title = std::move(one.title);
  record.date = std::move(one.date);
  record.source = std::move(one.source);
  record.url = std::move(one.url);
}

}  // namespace fahras::schema
