#include "search/output.h"

#include "schema/schema.h"

#include <cstdio>

namespace fahras::search {
namespace {

constexpr std::string_view kOn = "\x1b[1;33m", kOff = "\x1b[0m";

// The passage on one line: a line break (a heading joined to its paragraph),
// with any blank lines after it, becomes " ¶ ".
void append_flat(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '\n') {
      if (s[i] != '\r') out.push_back(s[i]);
      ++i;
      continue;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (i < s.size() && (s[i] == '\n' || s[i] == '\r' || s[i] == ' ' || s[i] == '\t' ||
                            (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0'))) {
      i += s[i] == '\xC2' ? 2 : 1;
    }
    out += " \xC2\xB6 ";
  }
}

}  // namespace

std::string format_text(const Hit& hit, bool color) {
  const schema::PassageRecord& r = hit.record;
  char head[64];
  std::snprintf(head, sizeof head, "%zu. ", hit.rank);
  std::string out = head;
  if (color) out += "\x1b[1m";
  out += r.id;
  if (color) out += kOff;
  std::snprintf(head, sizeof head, "  passage %u  score %.2f", r.passage, hit.score);
  out += head;
  if (!r.date.empty()) out += "  " + r.date;
  out += "\n   ";
  if (!r.title.empty()) {
    append_flat(out, r.title);
    out += "\n   ";
  }
  std::size_t at = 0;
  for (const Highlight& h : hit.highlights) {
    append_flat(out, std::string_view(r.text).substr(at, h.begin - at));
    if (color) out += kOn;
    append_flat(out, std::string_view(r.text).substr(h.begin, h.end - h.begin));
    if (color) out += kOff;
    at = h.end;
  }
  append_flat(out, std::string_view(r.text).substr(at));
  out += "\n";
  for (const std::string& why : hit.why) out += "   why: " + why + "\n";
  return out;
}

std::string format_json(const Hit& hit) {
  const schema::PassageRecord& r = hit.record;
  std::string out = "{\"rank\":";
  out += std::to_string(hit.rank);
  out += ",\"doc\":";
  schema::append_json_string(out, r.id);
  out += ",\"passage\":";
  out += std::to_string(r.passage);
  char score[32];
  std::snprintf(score, sizeof score, "%.4f", hit.score);
  out += ",\"score\":";
  out += score;
  out += ",\"title\":";
  schema::append_json_string(out, r.title);
  out += ",\"text\":";
  schema::append_json_string(out, r.text);
  if (!r.date.empty()) { out += ",\"date\":"; schema::append_json_string(out, r.date); }
  if (!r.source.empty()) { out += ",\"source\":"; schema::append_json_string(out, r.source); }
  if (!r.url.empty()) { out += ",\"url\":"; schema::append_json_string(out, r.url); }
  out += ",\"highlights\":[";
  for (std::size_t i = 0; i < hit.highlights.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('[');
    out += std::to_string(hit.highlights[i].begin);
    out.push_back(',');
    out += std::to_string(hit.highlights[i].end);
    out.push_back(']');
  }
  out += "]";
  if (!hit.why.empty()) {
    out += ",\"why\":[";
    for (std::size_t i = 0; i < hit.why.size(); ++i) {
      if (i) out.push_back(',');
      schema::append_json_string(out, hit.why[i]);
    }
    out += "]";
  }
  out += "}";
  return out;
}

std::string format_facets_text(const std::vector<Facet>& facets) {
  std::string out = "facets (matching passages):\n";
  for (const Facet& f : facets) {
    out += "  " + f.name + ":";
    if (f.values.empty()) out += " (none)";
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      out += i == 0 ? " " : " \xC2\xB7 ";
      out += f.values[i].value + " (" + std::to_string(f.values[i].count) + ")";
    }
    out += "\n";
  }
  return out;
}

std::string format_facets_json(const std::vector<Facet>& facets) {
  std::string out = "{\"facets\":{";
  for (std::size_t i = 0; i < facets.size(); ++i) {
    if (i) out.push_back(',');
    schema::append_json_string(out, facets[i].name);
    out += ":[";
    for (std::size_t j = 0; j < facets[i].values.size(); ++j) {
      if (j) out.push_back(',');
      out += "{\"value\":";
      schema::append_json_string(out, facets[i].values[j].value);
      out += ",\"count\":" + std::to_string(facets[i].values[j].count) + "}";
    }
    out += "]";
  }
  out += "}}";
  return out;
}

}  // namespace fahras::search
