// Event coding: who did what to whom.
//
//   actors.v1  finds the names of the actor dictionaries in the text
//              (Document::mentions) and combines the mentions of one noun
//              phrase into one actor ("Israeli Defence Minister Yoav
//              Gallant" -> ISRGOV, Document::actors).
//   events.v1  matches the event patterns on the dependency parse, finds each
//              event's source and target among the actors, and marks
//              negation, modality and attribution (Document::events).
//
// Both read one CodingData: the ontologies of data/ontology and the
// dictionaries of data/dict, loaded and checked once (docs/dictionaries.md,
// docs/coding.md).
#ifndef ANNALS_CODING_H_
#define ANNALS_CODING_H_

#include <memory>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

class CodingData;

// $ANNALS_DATA_DIR, else the data/ folder annals was built from.
std::string DefaultDataDir();
// Loads `data_dir`/ontology and `data_dir`/dict; any bad line fails the
// load with "FILE:LINE: reason" (kBadDictionary).
StatusOr<std::shared_ptr<const CodingData>> LoadCodingData(const std::string& data_dir);
// DefaultDataDir(), loaded once per process.
StatusOr<std::shared_ptr<const CodingData>> DefaultCodingData();

std::unique_ptr<Stage> MakeActorStage(std::shared_ptr<const CodingData> data);
std::unique_ptr<Stage> MakeEventStage(std::shared_ptr<const CodingData> data);

// Dictionaries in the formats of TABARI and PETRARCH (docs/compat.md).
// Verbs and actors are needed; agents and discards may be empty.
struct TabariFiles {
  std::string verbs, actors, agents, discards;
  // Skip lines that cannot be read (listed in *warnings) instead of failing.
  bool lenient = false;
};
// "tabari.v1": codes each sentence with those dictionaries the way TABARI
// does, on the words, without a parse, and adds its actors and events to
// the document (next to events.v1's, if that stage ran too). `data` gives
// the CAMEO values (Goldstein, QuadClass, PLOVER) of codes it knows.
StatusOr<std::unique_ptr<Stage>> MakeTabariStage(const TabariFiles& files,
                                                 std::shared_ptr<const CodingData> data,
                                                 std::vector<std::string>* warnings = nullptr);

// The document's events as flat, self-contained records, one JSON object per
// line: what `annals code` prints (fields in docs/coding.md).
std::string EventRecordsJsonl(const Document& doc, const CodingData& data);

}  // namespace annals

#endif  // ANNALS_CODING_H_
