// Internal: finding the place names in a document's text, before deciding
// which place each one means (resolver.h).
//
// A name is the longest gazetteer name starting at a capitalised word. What
// looks like a place but is part of another name is dropped: a person
// ("Paris Hilton", "Michael Jordan", "President Jordan"), a team or firm
// ("Manchester United", "Texas Instruments", "Paris Saint-Germain"), an
// institution ("Bank of England"). Small towns named like common words
// ("Chelsea", "Reading") count only where the text treats them as places:
// after "in", "near", "from" and the like, in a dateline, qualified
// ("Paris, Texas") or listed with another place.
#ifndef ANNALS_PLACES_TOPONYMS_H_
#define ANNALS_PLACES_TOPONYMS_H_

#include <cstdint>
#include <span>
#include <vector>

#include "annals/document.h"
#include "places/gazetteer.h"

namespace annals::places {

struct Toponym {
  IndexRange tokens;
  uint32_t sentence = 0;
  std::span<const uint32_t> candidates;  // gazetteer ids, most populous first
  bool locative = false;                 // after "in", "at", "near", "from", ...
  bool dateline = false;                 // the story's dateline
  bool division = false;                 // "Washington state", "Punjab province"
  std::string_view text;                 // as written
  int32_t qualifier = -1;                // the toponym naming its division or country
};

// Appends the document's toponyms in text order. Uses the tags when the
// syntax stage ran and the actors when actors.v1 did.
void FindToponyms(const Document& doc, const Gazetteer& gazetteer, std::vector<Toponym>* out);

// The countries the text names by their people ("Israeli", "French"),
// as indices into the gazetteer's country table, one per mention.
void FindDemonymCountries(const Document& doc, const Gazetteer& gazetteer,
                          std::vector<uint16_t>* out);

}  // namespace annals::places

#endif  // ANNALS_PLACES_TOPONYMS_H_
