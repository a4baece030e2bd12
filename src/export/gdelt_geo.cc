#include "export/gdelt_geo.h"

#include <cstdio>

namespace annals::internal {

int GdeltGeoType(const Place& p) {
  const bool us = p.country == "US";
  if (p.kind == "country") return 1;
  if (p.kind == "city" || p.kind == "camp" || p.kind == "crossing" || p.kind == "neighbourhood")
    return us ? 3 : 4;
  if (p.kind == "admin1" && us) return 2;
  return 5;
}

std::string GdeltAdm1(const Place& p, int type) {
  return type == 1 || p.admin1.empty() ? p.fips : p.fips + p.admin1;
}

std::string GdeltFeatureId(const Place& p, int type) {
  if (p.geonames_id != 0) return std::to_string(p.geonames_id);
  return type == 1 ? p.fips : std::string();
}

std::string GdeltCoordinate(double degrees) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", degrees);
  return buf;
}

std::string GdeltDateTime(const Document& doc) {
  if (!doc.published || doc.published->year == 0) return "";
  const PublishedTime& p = *doc.published;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", p.year, p.month, p.day, p.hour,
                p.minute, p.second);
  return buf;
}

}  // namespace annals::internal
