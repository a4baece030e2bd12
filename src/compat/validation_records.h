// Internal: the validation files of TABARI and PETRARCH: an <Environment>
// naming the dictionaries, then <Sentence> records with their <Text> and the
// <EventCoding> each should give. Any <Parse> is ignored: annals reads the
// text. A small scanner for this one layout, with line numbers in errors.
// Tested by validation_records_test.cc.
#ifndef ANNALS_COMPAT_VALIDATION_RECORDS_H_
#define ANNALS_COMPAT_VALIDATION_RECORDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "annals/status.h"

namespace annals::compat {

struct ExpectedEvent {
  std::string source, target, code;
  friend bool operator==(const ExpectedEvent&, const ExpectedEvent&) = default;
  friend auto operator<=>(const ExpectedEvent&, const ExpectedEvent&) = default;
};

struct ValidationRecord {
  std::string id, category;
  int date = 0;  // yyyymmdd
  std::string text;
  std::vector<ExpectedEvent> expected;  // empty with no_events
  bool no_events = false;               // noevents="True"
  std::string error;                    // error="...": the record tests bad input
  uint32_t line = 0;
};

struct ValidationFile {
  // Dictionary file names from <Environment>, relative to the file's folder.
  std::string verbs, actors, agents, discards;
  std::vector<ValidationRecord> records;
};

Status ReadValidationFile(const std::string& path, ValidationFile* out);

}  // namespace annals::compat

#endif  // ANNALS_COMPAT_VALIDATION_RECORDS_H_
