// Internal: reading the line-per-entry files under data/ (dictionaries and
// ontology tables) into fields, so that every loader reports a bad line the
// same way: "FILE:LINE: reason".
#ifndef ANNALS_DICT_FIELDS_H_
#define ANNALS_DICT_FIELDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals::dict {

struct FieldLine {
  uint32_t number = 0;                   // 1-based line in the file
  std::vector<std::string_view> fields;  // trimmed; views into FieldFile::text
};

struct FieldFile {
  std::string path;  // as given, for messages and evidence
  std::string text;  // the whole file; FieldLine views point here
  std::vector<FieldLine> lines;
};

// Reads `path` and splits each line at `separator` ('|' for dictionaries,
// '\t' for ontology tables). A '#' outside a field's text starts a comment;
// blank and comment-only lines are dropped. The file must be UTF-8 without
// NUL bytes. `file` must not move while its lines are in use.
Status ReadFieldFile(const std::string& path, char separator, FieldFile* file);

// Lets the dictionaries' hash maps be searched with a string_view without
// building a std::string per lookup (C++20 heterogeneous lookup).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// "FILE:LINE: reason" as a kBadDictionary status.
Status LineError(std::string_view path, uint32_t line, std::string_view reason);

// Splits a ';'-separated list, trimmed, empty items dropped.
std::vector<std::string_view> SplitList(std::string_view field);

std::string_view Trim(std::string_view s);

// Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" into yyyymmdd. A partial date
// stands for its first day when `end` is false, its last day when true.
// Empty gives 0 (open). False for anything else.
bool ParseDictDate(std::string_view s, bool end, int* yyyymmdd);

}  // namespace annals::dict

#endif  // ANNALS_DICT_FIELDS_H_
