// Internal: the gazetteer index file (models/gazetteer.idx), written by
// gazetteer_builder.cc and read in place by gazetteer.cc.
//
//   bytes 0-31  header, as every annals model file (core/checked_file.h): magic
//               "ANNPLACE", format version, payload size, XXH3-64 checksum
//   payload     written with syntax/binary_io.h's ByteWriter, in order:
//     u32 max_name_tokens       tokens of the longest indexed name
//     u32 name_probe_limit      longest probe sequence in the name table
//     u32 demonym_probe_limit   the same for the demonym table
//     u32 reserved              0
//     array<PlaceRecord>        places; a place id is an index here
//     array<CountryRecord>      countries (countries.txt order)
//     array<Admin1Record>       (country, admin1 code) pairs
//     array<FeatureCode>        GeoNames feature codes; entry 0 is ""
//     array<NameSlot>           folded name -> places (power-of-two size)
//     array<NameSlot>           folded demonym -> country places (same)
//     array<uint32_t>           postings: place ids of names with 2+ places
//     array<char>               string pool (names, admin1 codes)
// Each array is a u64 count, padding to 8 bytes, then the elements, so the
// loader maps them without copying.
//
// Name tables are open-address, linear-probe hash tables keyed by NameKey
// (name_folding.h). Only the 64-bit hash is stored, not the name: two names
// sharing a hash would merge (odds about 10^-8 for the 600,000 names of
// the whole table) and a word not in the table hits a stored hash with
// odds of about 3 in 10^14 per lookup.
#ifndef ANNALS_PLACES_INDEX_FORMAT_H_
#define ANNALS_PLACES_INDEX_FORMAT_H_

#include <bit>
#include <cstdint>
#include <string_view>

#include "core/checked_file.h"
#include "places/place_record.h"

namespace annals::places {

static_assert(std::endian::native == std::endian::little, "index files are little-endian");

inline constexpr FileFormat kGazetteerFormat = {"ANNPLACE", 1, "gazetteer index"};

struct FeatureCode {
  char code[8];  // "PPLC", "PPLA2", "ADM1" ...; NUL-padded
};

struct NameSlot {
  uint64_t hash;         // NameKey hash; 0 marks an empty slot
  uint32_t value;        // the place id when count == 1, else the first posting
  uint32_t count_flags;  // bits 0-30: number of places; bit 31: kLongerName
};
static_assert(sizeof(NameSlot) == 16);

// Set on a slot whose tokens begin some longer name ("gaza" for "gaza
// strip"); such a slot may have no places of its own.
inline constexpr uint32_t kLongerName = 0x80000000u;
inline constexpr uint32_t kCountMask = 0x7FFFFFFFu;

}  // namespace annals::places

#endif  // ANNALS_PLACES_INDEX_FORMAT_H_
