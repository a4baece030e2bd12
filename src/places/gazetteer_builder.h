// Internal: builds the gazetteer index (index_format.h) from GeoNames
// cities500, world-countries and data/places. Run at build time by
// `annals gazetteer` (src/cli/gazetteer_command.cc); docs/places.md says
// what is kept and why.
//
// Places, in id order: the countries of countries.txt (joined with
// world-countries by ISO2 for centre, capital and names), the lines of
// regions.txt, then every cities500 line. Names indexed:
//   countries  countries.txt name, world-countries common and official
//              names, altSpellings of 3 characters or more in Latin
//              script ("USA"; 2-letter ISO codes would clash with "IN", "IT")
//   regions    name and other names
//   cities     name, ASCII name, and the alternate names that fold to Latin
//              script and are not airport-code-like (3-4 capitals)
// Same inputs, same bytes.
//
// Tested by gazetteer_test.cc.
#ifndef ANNALS_PLACES_GAZETTEER_BUILDER_H_
#define ANNALS_PLACES_GAZETTEER_BUILDER_H_

#include <cstdint>
#include <string>

#include "annals/status.h"

namespace annals::places {

struct GazetteerInputs {
  std::string cities_path;     // GeoNames cities500.txt
  std::string countries_json;  // world-countries countries.json
  std::string data_dir;        // holds countries.txt and regions.txt
};

// What went into an index, for the build log.
struct GazetteerStats {
  uint32_t places = 0, countries = 0, regions = 0, cities = 0;
  uint32_t admin1_codes = 0, admin1_named = 0;  // (country, code) pairs; named by regions.txt
  uint32_t capitals = 0;                        // countries with a capital found
  uint64_t names = 0, name_slots = 0, postings = 0, demonyms = 0;
  uint32_t max_name_tokens = 0;
  uint64_t file_bytes = 0;
};

// The bytes of the index file. Errors name the input and line at fault.
StatusOr<std::string> BuildGazetteer(const GazetteerInputs& inputs, GazetteerStats* stats);

// Builds and writes `out_path` (through a temporary file renamed over it,
// so a failed build leaves no half-written index).
Status WriteGazetteer(const GazetteerInputs& inputs, const std::string& out_path,
                      GazetteerStats* stats);

}  // namespace annals::places

#endif  // ANNALS_PLACES_GAZETTEER_BUILDER_H_
