// Internal: which place each toponym of a document means.
//
// Every candidate gets a score: a prior (how big and how newsworthy the
// place is: population for cities, a fixed weight for countries and the
// regions annals lists, a bonus for capitals) plus the clues the story
// gives: a qualifier ("Paris, Texas"), the countries the story is about
// (from other toponyms, demonyms and the actors' codes), divisions named
// elsewhere in it, and nearness to the places already resolved. Clear
// cases are resolved first and then serve as clues for the rest. Each
// choice keeps the list of clues that decided it (the evidence rule).
#ifndef ANNALS_PLACES_RESOLVER_H_
#define ANNALS_PLACES_RESOLVER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "places/gazetteer.h"
#include "places/toponyms.h"

namespace annals::places {

struct Resolution {
  uint32_t place = kNoPlace;  // gazetteer id
  float confidence = 0;       // 0..1, from the margin over the runner-up
  std::string clues;          // "population+capital+story-country"
};

// What the story says about countries: indices into the gazetteer's
// country table, one per mention (repeats weigh more).
struct StoryCountries {
  std::vector<uint16_t> countries;
};

// One Resolution per toponym, in order.
void Resolve(const Gazetteer& gazetteer, const std::vector<Toponym>& toponyms,
             const StoryCountries& story, std::vector<Resolution>* out);

}  // namespace annals::places

#endif  // ANNALS_PLACES_RESOLVER_H_
