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
// The same, for an original with its stored near-duplicates (syndicated
// copies, Store::ListNearDuplicates). The copies' events get no rows of
// their own: an event of a copy with the same CAMEO code and actors as an
// event of `doc` is a further mention of it, and NumMentions (events with
// that key in `doc` and the copies), NumArticles (documents among them
// with such an event) and NumSources (their distinct sources: the source
// field, else the URL's host) count them. docs/gdelt.md.
void AppendGdeltEvents(const Document& doc, std::span<const Document> copies,
                       const CodingData& data, const GdeltOptions& options, std::string* out);

// GDELT Global Knowledge Graph 2.1: one tab-separated line of 27 columns
// per document (counts, themes, locations, persons, organisations, tone,
// dates, quotations, names, amounts), from knowledge.v1, actors.v1 and
// places.v1. Column by column: docs/gdelt.md.
std::span<const std::string_view> GdeltGkgColumns();
void AppendGdeltGkg(const Document& doc, std::string* out);
// The same record as one JSON object (with its fields as arrays of
// objects rather than GDELT's delimited strings), and a newline.
void AppendGkgJson(const Document& doc, std::string* out);

}  // namespace annals

#endif  // ANNALS_EXPORT_H_
