// Writing coded events in the layouts other tools read.
//
// GDELT 2.0 Events: one tab-separated line of 61 columns per event, in
// GDELT's column order; what annals does not know is left empty, never
// made up. Column by column: docs/gdelt.md.
#ifndef ANNALS_EXPORT_H_
#define ANNALS_EXPORT_H_

#include <span>
#include <string>
#include <string_view>

#include "annals/coding.h"
#include "annals/document.h"

namespace annals {

// GDELT's column names, in order (61).
std::span<const std::string_view> GdeltEventColumns();

struct GdeltOptions {
  // GDELT lists what happened: negated ("did not attack") and hypothetical
  // ("threatened to attack" -> the attack) events are left out unless this
  // is set.
  bool include_unasserted = false;
};

// Appends one line per event of `doc` (coded with `data`'s ontology).
void AppendGdeltEvents(const Document& doc, const CodingData& data, const GdeltOptions& options,
                       std::string* out);

}  // namespace annals

#endif  // ANNALS_EXPORT_H_
