// Internal: what the coding stages share, loaded once and then read-only.
#ifndef ANNALS_CODING_CODING_DATA_H_
#define ANNALS_CODING_CODING_DATA_H_

#include "annals/coding.h"
#include "dict/actor_dictionary.h"
#include "dict/event_patterns.h"
#include "dict/ontology.h"

namespace annals {

class CodingData {
 public:
  dict::Ontology ontology;
  dict::ActorDictionary actors;
  dict::EventPatterns patterns;
};

}  // namespace annals

#endif  // ANNALS_CODING_CODING_DATA_H_
