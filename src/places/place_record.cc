#include "places/place_record.h"

#include <array>

namespace annals::places {
namespace {

constexpr std::array<std::string_view, kPlaceKindCount> kKindNames = {
    "country", "admin1",   "territory", "region",   "district", "island",        "sea",
    "river",   "mountain", "desert",    "crossing", "camp",     "neighbourhood", "city"};

}  // namespace

std::string_view PlaceKindName(PlaceKind kind) {
  const auto i = static_cast<size_t>(kind);
  return i < kKindNames.size() ? kKindNames[i] : std::string_view("?");
}

bool ParsePlaceKind(std::string_view name, PlaceKind* kind) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) {
      *kind = static_cast<PlaceKind>(i);
      return true;
    }
  }
  return false;
}

}  // namespace annals::places
