// Internal: how a Place is written in GDELT's location fields, shared by
// the Events and GKG layouts (docs/gdelt.md).
#ifndef ANNALS_EXPORT_GDELT_GEO_H_
#define ANNALS_EXPORT_GDELT_GEO_H_

#include <string>

#include "annals/document.h"

namespace annals::internal {

// GDELT's place types: 1 country, 2 US state, 3 US city, 4 world city, 5
// world state (used here for every division and region).
int GdeltGeoType(const Place& p);
// The FIPS country code followed by the division's code; the country
// code alone for countries and places without a division.
std::string GdeltAdm1(const Place& p, int type);
// The GeoNames id; a country's FIPS code, as GDELT writes countries.
std::string GdeltFeatureId(const Place& p, int type);
// Four decimals, as GDELT prints coordinates.
std::string GdeltCoordinate(double degrees);
// "YYYYMMDDHHMMSS" of the publication time; empty when unknown.
std::string GdeltDateTime(const Document& doc);

}  // namespace annals::internal

#endif  // ANNALS_EXPORT_GDELT_GEO_H_
