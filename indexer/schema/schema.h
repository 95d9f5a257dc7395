// The index schema: what a fahras index holds, shared by the indexer and search.
// docs/SCHEMA.md describes it for users of xapian-delve and quest.
//
// One Xapian document per passage:
//   terms     unprefixed  index terms of the passage's words and numbers, with
//                         positions (stems from analysis::Analyzer)
//             Q<key>#<n>  unique id of passage n of the article (1-based)
//             XA<key>     the article (boolean; all its passages)
//             XS<source>  the article's source, normalized (boolean)
//             XF<v>       a figure of value v (canonical number: 9000, 2.5)
//             XF<v>:<u>   a figure of value v counting unit u (a stem, or "%")
//             XY<yyyy>    the article's year; XM<yyyy-mm> its month (boolean, for filters)
//             XV<u>:<h>   a figure counting unit u has the value whose sortable_serialise
//                         bytes are h in hex: ordered by value, for range queries
//             XO<id>      an organization in the passage (id: analysis/entities.h)
//             XP<id>      a place;  XE<id> a person, and XE<surname key> for their surname
//             XD<yyyy>    a year written in the passage's text; XD<yyyy-mm> a month
//   values    0 article key (collapse key: one result per article)
//             1 passage number, sortable_serialise
//             2 article date "YYYY-MM-DD" when known
//             3 year "YYYY", 4 month "YYYY-MM", 5 source (normalized): facets
//             6 the passage record (schema 7): one JSON object
//                    {"id","passage","title","text","date","source","url"} as a
//                    zstd frame; empty fields are left out, and the article's
//                    fields (title, date, source, url) are stored with passage 1
//                    only (schema 6): a reader of passage n > 1 takes them from
//                    passage 1 (complete_record()). Read it with read_record().
//             10..17 the values of the passage's first 8 figures, sortable_serialise
//                    (range filters OR a value range over these slots)
//             20..25 organizations, 30..35 places, 40..45 people: the passage's first
//                    6 distinct of each, "<id>\t<name>" (facets count them per slot
//                    and sum; a passage never has one id in two slots)
//             50..55 the first 6 distinct years written in the passage's text "YYYY",
//             60..65 the first 6 distinct months "YYYY-MM" (the XD terms' values:
//                    facets "mentions" and "mentions-month", counted like entities)
//   data      empty (schemas 5 and 6 stored the record here, as plain JSON: Xapian
//             compresses document data with zlib inside add_document, which cost
//             four times as much CPU as zstd's fastest level for a larger index)
//   metadata  fahras.schema = kSchemaVersion (a fahras index is recognised by it)
//             fahras.shard = "K/N" when built with --shard K/N
//             fahras.positions = "none" when built with --no-positions (no
//                         positions: terms carry their wdf only)
//
// <key> is the article id when it is short (up to 32 bytes), else a hash of it
// (article_key()).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace fahras::schema {

inline constexpr std::string_view kPrefixUid = "Q";
inline constexpr std::string_view kPrefixArticle = "XA";
inline constexpr std::string_view kPrefixSource = "XS";
inline constexpr std::string_view kPrefixFigure = "XF";
inline constexpr std::string_view kPrefixYear = "XY";
inline constexpr std::string_view kPrefixMonth = "XM";
inline constexpr std::string_view kPrefixUnitValue = "XV";
inline constexpr std::string_view kPrefixOrg = "XO";
inline constexpr std::string_view kPrefixPlace = "XP";
inline constexpr std::string_view kPrefixPerson = "XE";
inline constexpr std::string_view kPrefixMentioned = "XD";

inline constexpr Xapian::valueno kSlotArticle = 0;
inline constexpr Xapian::valueno kSlotPassage = 1;
inline constexpr Xapian::valueno kSlotDate = 2;
inline constexpr Xapian::valueno kSlotYear = 3;
inline constexpr Xapian::valueno kSlotMonth = 4;
inline constexpr Xapian::valueno kSlotSource = 5;
inline constexpr Xapian::valueno kSlotRecord = 6;
inline constexpr Xapian::valueno kSlotFigureFirst = 10;
inline constexpr Xapian::valueno kFigureSlots = 8;
inline constexpr Xapian::valueno kSlotOrgFirst = 20;
inline constexpr Xapian::valueno kSlotPlaceFirst = 30;
inline constexpr Xapian::valueno kSlotPersonFirst = 40;
inline constexpr Xapian::valueno kEntitySlots = 6;
inline constexpr Xapian::valueno kSlotMentionYearFirst = 50;
inline constexpr Xapian::valueno kSlotMentionMonthFirst = 60;
inline constexpr Xapian::valueno kMentionSlots = 6;

inline constexpr std::string_view kMetaSchema = "fahras.schema";
inline constexpr std::string_view kMetaShard = "fahras.shard";  // "K/N" for a shard built with --shard
// "none" for an index built without positions (--no-positions): search checks
// quoted phrases against the stored passages (search/phrase_check.h).
inline constexpr std::string_view kMetaPositions = "fahras.positions";
inline constexpr std::string_view kSchemaVersion = "7";

// The article id as used in terms and the collapse value: the id itself when it
// is at most 32 bytes long, else '~' + the 32 hex digits of its XXH3-128 hash
// (33 bytes, so never equal to a kept id). Stable across runs, machines and
// builds (XXH3's output is specified). Schema 6; schema 5 kept ids of up to
// 200 bytes and cut longer ones.
std::string article_key(std::string_view article_id);

// The shard (0 … n-1) an article belongs to when an archive is split into n:
// FNV-1a 64 of the article id, modulo n. Stable across runs, machines and
// builds, so N machines given the same inputs each build one disjoint shard.
std::uint32_t shard_of(std::string_view article_id, std::uint32_t n);

// Q<key>#<n>: the unique term of passage n (from the id, or from its article_key).
std::string passage_uid(std::string_view article_id, std::uint32_t passage);
std::string passage_uid_of_key(std::string_view key, std::uint32_t passage);

// What the index stores for each passage, to print it without the source files.
struct PassageRecord {
  std::string id;       // article id
  std::uint32_t passage = 0;
  std::string title;
  std::string text;     // the passage as written (original, not normalized)
  std::string date;     // "YYYY-MM-DD" or empty
  std::string source;
  std::string url;
};

// XF<v>, XF<v>:<unit> (v in canonical form) and XV<unit>:<hex> (see above).
std::string figure_term(double value);
std::string figure_unit_term(double value, std::string_view unit);
std::string unit_value_term(std::string_view unit, double value);
// "XV<unit>:": the common start of every unit_value_term of `unit`.
std::string unit_value_prefix(std::string_view unit);

// The boolean term of an entity: prefix + id, the id cut (at a UTF-8 boundary)
// to fit Xapian's term limit. `prefix` is kPrefixOrg, kPrefixPlace or kPrefixPerson.
std::string entity_term(std::string_view prefix, std::string_view id);
// The facet value of an entity: "<id>\t<name>"; split_entity_value undoes it
// (a value without a tab is its own id and name).
std::string entity_value(std::string_view id, std::string_view name);
std::pair<std::string_view, std::string_view> split_entity_value(std::string_view value);

// PassageRecord <-> its JSON object. decode throws std::runtime_error on data
// that is not a fahras record.
std::string encode_record(const PassageRecord& record);
PassageRecord decode_record(std::string_view data);

// The record as stored in slot kSlotRecord: encode_record() compressed into one
// zstd frame (level 1, the frame states its size). Uses one compression
// context per thread: safe to call from many threads.
std::string pack_record(const PassageRecord& record);
// The JSON record of a passage read from an index: slot kSlotRecord unpacked
// (schema 7), else the document data (schemas 5 and 6). Throws
// std::runtime_error when the slot holds no valid frame of a sane size.
std::string stored_record(const Xapian::Document& doc);
// decode_record(stored_record(doc)).
PassageRecord read_record(const Xapian::Document& doc);

// Fills the article's fields (title, date, source, url) of a record of passage
// n > 1 that holds none of them, from passage 1 of its article in `db` (one
// term lookup and one document read); other records are left as they are, as
// is the record when passage 1 is not found (an index of schema 5 stores the
// fields with every passage). Reads only: safe on one thread per Database.
void complete_record(const Xapian::Database& db, PassageRecord& record);

// Appends `s` as a JSON string literal (quotes included) to `out`. Invalid UTF-8
// bytes are replaced by U+FFFD so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view s);

}  // namespace fahras::schema
