// Reading fahras-search --json output in end-to-end tests: the facets line and
// the number of result lines.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>

namespace fahras::test {

using Facets = std::map<std::string, std::map<std::string, std::uint64_t>>;

// facet name -> value -> count, from the JSON facets line (the last line).
inline Facets facets_of(const std::string& out) {
  Facets m;
  std::istringstream lines(out);
  std::string line, last;
  while (std::getline(lines, line))
    if (!line.empty()) last = line;
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(last);
  auto doc = parser.iterate(padded);
  for (auto field : doc["facets"].get_object()) {
    auto& values = m[std::string(std::string_view(field.unescaped_key()))];  // a facet with no values too
    for (auto v : field.value().get_array())
      values[std::string(std::string_view(v["value"].get_string()))] = v["count"].get_uint64();
  }
  return m;
}

// Result lines ({"rank":…}) of --json output.
inline std::size_t result_lines(const std::string& out) {
  std::size_t n = 0;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) n += line.rfind("{\"rank\"", 0) == 0;
  return n;
}

}  // namespace fahras::test
