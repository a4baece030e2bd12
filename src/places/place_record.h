// Internal (not part of the public API): the records of the gazetteer, as
// they lie in the index file and as Gazetteer hands them out (by const
// reference into the mapped file; no copies). Fixed-size, little-endian,
// plain structs, so the file is used in place; the loader has checked every
// index and offset in them before anyone sees one.
//
// Tested by gazetteer_test.cc.
#ifndef ANNALS_PLACES_PLACE_RECORD_H_
#define ANNALS_PLACES_PLACE_RECORD_H_

#include <cstdint>
#include <string_view>

namespace annals::places {

// What a place is. The order is the tie-break of the candidate lists (after
// population), so curated kinds come before GeoNames' cities of the same
// population. Values are stored in the index: append only (and bump the
// format version if one changes meaning).
enum class PlaceKind : uint8_t {
  kCountry = 0,    // countries.txt joined with world-countries
  kAdmin1 = 1,     // first-level division (regions.txt)
  kTerritory = 2,  // Gaza Strip, West Bank, Crimea ... (regions.txt)
  kRegion = 3,     // Sahel, Donbas, Kashmir, Jordan Valley ...
  kDistrict = 4,   // governorates, oblasts below admin1 ...
  kIsland = 5,
  kSea = 6,  // also lakes, straits and canals
  kRiver = 7,
  kMountain = 8,  // peaks and ranges
  kDesert = 9,
  kCrossing = 10,  // border crossings
  kCamp = 11,      // refugee camps
  kNeighbourhood = 12,
  kCity = 13,  // a GeoNames cities500 populated place
};
inline constexpr int kPlaceKindCount = 14;

// "country", "admin1", "city", or the kind as regions.txt writes it.
std::string_view PlaceKindName(PlaceKind kind);
// The inverse, for regions.txt; false for anything else.
bool ParsePlaceKind(std::string_view name, PlaceKind* kind);

// Where a record came from; with PlaceRecord::source_line or geonames_id it
// names the line to look at (Gazetteer::source()).
enum class PlaceSource : uint8_t {
  kCities500 = 0,     // GeoNames cities500.txt: "cities500:GEONAMEID"
  kCountriesTxt = 1,  // data/places/countries.txt: "countries.txt:LINE"
  kRegionsTxt = 2,    // data/places/regions.txt: "regions.txt:LINE"
};
inline constexpr int kPlaceSourceCount = 3;

inline constexpr uint32_t kNoPlace = 0xFFFFFFFF;
inline constexpr uint16_t kNoCountry = 0xFFFF;
inline constexpr uint16_t kNoAdmin1 = 0xFFFF;

struct PlaceRecord {
  float lat;             // degrees north, WGS 84
  float lon;             // degrees east
  uint32_t geonames_id;  // GeoNames id; 0 for places from our files
  // GeoNames population for cities (0 where GeoNames has none); for a
  // country or an admin1, the sum over its cities500 places (a lower bound,
  // there to rank it against cities); 0 for the other kinds.
  uint32_t population;
  uint32_t name;         // display name: offset into the string pool
  uint32_t source_line;  // 1-based line in our file; 0 for cities500
  uint16_t country;      // index into the country table, or kNoCountry
  uint16_t admin1;       // index into the admin1 table, or kNoAdmin1
  uint8_t name_size;     // bytes of the display name
  PlaceKind kind;
  uint8_t feature;  // index into the feature code table (0: none)
  PlaceSource source;
};
static_assert(sizeof(PlaceRecord) == 32);

struct CountryRecord {
  char iso2[2];      // ISO 3166-1 alpha-2
  char iso3[3];      // ISO 3166-1 alpha-3
  char fips[2];      // FIPS 10-4 (GDELT's country codes); zeros when none
  uint8_t reserved;  // 0
  uint32_t place;    // the country's own PlaceRecord
  uint32_t capital;  // its capital city's PlaceRecord, or kNoPlace
};
static_assert(sizeof(CountryRecord) == 16);

// One (country, GeoNames admin1 code) pair that some place uses.
struct Admin1Record {
  uint32_t code;       // offset of the code ("TX", "08", "GZ") in the string pool
  uint16_t code_size;  // its bytes
  uint16_t country;    // index into the country table
  uint32_t place;      // the regions.txt admin1 place naming it, or kNoPlace
};
static_assert(sizeof(Admin1Record) == 12);

}  // namespace annals::places

#endif  // ANNALS_PLACES_PLACE_RECORD_H_
