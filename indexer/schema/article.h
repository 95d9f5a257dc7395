// Article: one input record, as every reader produces it.
#pragma once

#include <string>

namespace fahras::schema {

struct Article {
  std::string id;      // unique within the index: path (text trees), "id" field (JSONL)
  std::string title;
  std::string date;    // as given by the source; normalized_date() extracts YYYY-MM-DD
  std::string source;
  std::string url;
  std::string text;    // UTF-8, paragraphs separated by newlines
  std::string origin;  // where it came from, for messages: "file", "file:line"
};

// "YYYY-MM-DD" when `date` starts with such a date (ISO 8601 date or date-time),
// else empty.
std::string normalized_date(const std::string& date);

}  // namespace fahras::schema
