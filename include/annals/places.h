// Places: the place names in the text, resolved against a world gazetteer,
// and where each event happened.
//
//   places.v1  finds toponyms ("Rafah", "the Gaza Strip", "Paris, Texas"),
//              resolves each to one gazetteer entry using the story's
//              clues (Document::places), and gives every event the place it
//              happened (the place in its clause, else its sentence, else
//              the story's focus) and its actors' places.
//
// The gazetteer is an index file the build compiles from GeoNames and
// world-countries (npm data packages) and annals' own data/places files
// (docs/places.md).
#ifndef ANNALS_PLACES_H_
#define ANNALS_PLACES_H_

#include <memory>
#include <string>

#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

namespace places {
class Gazetteer;
}

// $ANNALS_MODEL_DIR/gazetteer.idx, else the build's models/ folder.
std::string DefaultGazetteerFile();
// Maps and checks an index file (kNotFound, kBadModel).
StatusOr<std::shared_ptr<const places::Gazetteer>> OpenGazetteer(const std::string& path);
// DefaultGazetteerFile(), opened once per process.
StatusOr<std::shared_ptr<const places::Gazetteer>> DefaultGazetteer();

std::unique_ptr<Stage> MakePlacesStage(std::shared_ptr<const places::Gazetteer> gazetteer);

}  // namespace annals

#endif  // ANNALS_PLACES_H_
