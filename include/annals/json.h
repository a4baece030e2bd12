// JSON form of a Document (schema "annals.document", see docs/schema.md and
// docs/document.schema.json). The form is versioned: kJsonSchemaVersion
// changes whenever a field changes meaning or disappears.
#ifndef ANNALS_JSON_H_
#define ANNALS_JSON_H_

#include <string>

#include "annals/document.h"
#include "annals/status.h"

namespace annals {

inline constexpr int kJsonSchemaVersion = 1;

struct JsonOptions {
  bool pretty = false;      // indent by two spaces
  bool with_tokens = true;  // include the token list of each sentence
};

// Serialises everything in `doc`, spans as [begin, end] byte pairs, each
// sentence with its text.
std::string ToJson(const Document& doc, const JsonOptions& options);

}  // namespace annals

#endif  // ANNALS_JSON_H_
