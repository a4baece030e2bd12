#include "places/gazetteer_sources.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/text.h"
#include "dict/fields.h"

namespace annals::places {
namespace {

using dict::LineError;

bool AllOf(std::string_view s, size_t n, bool (*ok)(char)) {
  if (s.size() != n) return false;
  for (const char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}
bool Upper(char c) { return c >= 'A' && c <= 'Z'; }
bool CodeChar(char c) { return Upper(c) || (c >= '0' && c <= '9'); }

bool ParseFloat(std::string_view s, float* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

template <typename T>
bool ParseUnsigned(std::string_view s, T* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// Latitude and longitude fields; false with *why set.
bool ParseLatLon(std::string_view lat, std::string_view lon, float* la, float* lo,
                 std::string* why) {
  if (!ParseFloat(lat, la) || std::fabs(*la) > 90) {
    *why = "bad latitude '" + std::string(lat) + "'";
    return false;
  }
  if (!ParseFloat(lon, lo) || std::fabs(*lo) > 180) {
    *why = "bad longitude '" + std::string(lon) + "'";
    return false;
  }
  return true;
}

Status ReadWhole(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  *text = std::move(ss).str();
  return Status::Ok();
}

}  // namespace

Status ReadCountriesTxt(const std::string& path, std::vector<CountryRow>* rows) {
  dict::FieldFile file;
  ANNALS_RETURN_IF_ERROR(dict::ReadFieldFile(path, '|', &file));
  rows->clear();
  for (const dict::FieldLine& l : file.lines) {
    const auto& f = l.fields;
    if (f.size() != 4) {
      return LineError(
          path, l.number,
          "expected 4 fields (ISO2 | ISO3 | FIPS | name), found " + std::to_string(f.size()));
    }
    if (!AllOf(f[0], 2, Upper)) return LineError(path, l.number, "bad ISO2 code");
    if (!AllOf(f[1], 3, Upper)) return LineError(path, l.number, "bad ISO3 code");
    if (!f[2].empty() && !AllOf(f[2], 2, Upper)) return LineError(path, l.number, "bad FIPS code");
    if (f[3].empty()) return LineError(path, l.number, "empty name");
    for (const CountryRow& r : *rows) {
      if (r.iso2 == f[0]) {
        return LineError(path, l.number,
                         "ISO2 " + r.iso2 + " is already on line " + std::to_string(r.line));
      }
    }
    rows->push_back(
        {std::string(f[0]), std::string(f[1]), std::string(f[2]), std::string(f[3]), l.number});
  }
  return Status::Ok();
}

Status ReadWorldCountries(const std::string& path, std::map<std::string, WorldCountry>* by_iso2) {
  std::string text;
  ANNALS_RETURN_IF_ERROR(ReadWhole(path, &text));
  using nlohmann::json;
  const json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  auto bad = [&](const std::string& why) {
    return Status(ErrorCode::kBadDictionary, path + ": " + why);
  };
  if (!doc.is_array()) return bad("not a JSON array of countries");
  auto strings = [](const json& v, std::vector<std::string>* out) {
    if (!v.is_array()) return;
    for (const json& s : v) {
      if (s.is_string()) out->push_back(s.get<std::string>());
    }
  };
  by_iso2->clear();
  for (const json& c : doc) {
    const json* cca2 = c.is_object() && c.contains("cca2") ? &c["cca2"] : nullptr;
    if (cca2 == nullptr || !cca2->is_string() || !AllOf(cca2->get<std::string>(), 2, Upper)) {
      return bad("a record without a two-letter cca2");
    }
    const std::string iso2 = cca2->get<std::string>();
    WorldCountry w;
    const json& latlng = c.value("latlng", json());
    if (!latlng.is_array() || latlng.size() < 2 || !latlng[0].is_number() ||
        !latlng[1].is_number()) {
      return bad(iso2 + ": no latlng pair");
    }
    w.lat = latlng[0].get<float>();
    w.lon = latlng[1].get<float>();
    if (!(std::fabs(w.lat) <= 90) || !(std::fabs(w.lon) <= 180)) return bad(iso2 + ": bad latlng");
    if (const json& name = c.value("name", json()); name.is_object()) {
      if (name.value("common", json()).is_string()) w.common = name["common"].get<std::string>();
      if (name.value("official", json()).is_string()) {
        w.official = name["official"].get<std::string>();
      }
    }
    strings(c.value("altSpellings", json()), &w.alt_spellings);
    strings(c.value("capital", json()), &w.capitals);
    const json eng = c.value("demonyms", json::object()).value("eng", json::object());
    for (const char* g : {"m", "f"}) {
      if (!eng.is_object() || !eng.value(g, json()).is_string()) continue;
      const std::string d = eng[g].get<std::string>();
      if (!d.empty() && (w.demonyms.empty() || w.demonyms[0] != d)) w.demonyms.push_back(d);
    }
    w.independent = c.value("independent", json()).is_boolean() && c["independent"].get<bool>();
    (*by_iso2)[iso2] = std::move(w);
  }
  return Status::Ok();
}

Status ReadAliasesTxt(const std::string& path, std::vector<AliasRow>* rows) {
  rows->clear();
  if (!std::filesystem::exists(path)) return Status::Ok();
  dict::FieldFile file;
  ANNALS_RETURN_IF_ERROR(dict::ReadFieldFile(path, '|', &file));
  for (const dict::FieldLine& l : file.lines) {
    const auto& f = l.fields;
    if (f.size() != 4) {
      return LineError(path, l.number,
                       "expected 4 fields (alias | GeoNames id | ISO2 | note), found " +
                           std::to_string(f.size()));
    }
    AliasRow r;
    r.line = l.number;
    r.alias = f[0];
    if (r.alias.empty()) return LineError(path, l.number, "empty alias");
    const std::string id(f[1]);
    char* end = nullptr;
    const unsigned long v = std::strtoul(id.c_str(), &end, 10);
    if (id.empty() || *end != '\0' || v == 0 || v > UINT32_MAX) {
      return LineError(path, l.number, "bad GeoNames id '" + id + "'");
    }
    r.geonames_id = static_cast<uint32_t>(v);
    if (!AllOf(f[2], 2, Upper)) return LineError(path, l.number, "bad ISO2 code");
    r.iso2 = f[2];
    rows->push_back(std::move(r));
  }
  return Status::Ok();
}

Status ReadRegionsTxt(const std::string& path, std::vector<RegionRow>* rows) {
  dict::FieldFile file;
  ANNALS_RETURN_IF_ERROR(dict::ReadFieldFile(path, '|', &file));
  rows->clear();
  for (const dict::FieldLine& l : file.lines) {
    const auto& f = l.fields;
    if (f.size() != 7) {
      return LineError(path, l.number,
                       "expected 7 fields (name | other names | ISO2 | kind | lat | lon | "
                       "admin1), found " +
                           std::to_string(f.size()));
    }
    RegionRow r;
    r.line = l.number;
    r.name = f[0];
    if (r.name.empty()) return LineError(path, l.number, "empty name");
    for (const std::string_view n : dict::SplitList(f[1])) r.other_names.emplace_back(n);
    if (!f[2].empty() && !AllOf(f[2], 2, Upper)) return LineError(path, l.number, "bad ISO2 code");
    r.iso2 = f[2];
    if (!ParsePlaceKind(f[3], &r.kind) || r.kind == PlaceKind::kCountry ||
        r.kind == PlaceKind::kCity) {
      return LineError(path, l.number, "unknown kind '" + std::string(f[3]) + "'");
    }
    std::string why;
    if (!ParseLatLon(f[4], f[5], &r.lat, &r.lon, &why)) return LineError(path, l.number, why);
    r.admin1 = f[6];
    if (!r.admin1.empty() &&
        (r.admin1.size() > 20 || !AllOf(r.admin1, r.admin1.size(), CodeChar))) {
      return LineError(path, l.number, "bad admin1 code '" + r.admin1 + "'");
    }
    if (r.kind == PlaceKind::kAdmin1 && (r.iso2.empty() || r.admin1.empty())) {
      return LineError(path, l.number, "an admin1 needs a country and its admin1 code");
    }
    if (r.iso2.empty() && !r.admin1.empty()) {
      return LineError(path, l.number, "an admin1 code without a country");
    }
    rows->push_back(std::move(r));
  }
  return Status::Ok();
}

Status ReadCities500(const std::string& path, std::string* text, std::vector<CityRow>* rows) {
  ANNALS_RETURN_IF_ERROR(ReadWhole(path, text));
  size_t bad_at = 0;
  if (!IsValidUtf8(*text, &bad_at)) {
    return LineError(
        path, 1 + static_cast<uint32_t>(std::count(text->begin(), text->begin() + bad_at, '\n')),
        "not UTF-8");
  }
  rows->clear();
  std::string_view rest(*text);
  std::string_view f[19];
  for (uint32_t number = 1; !rest.empty(); ++number) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    size_t n = 0;
    for (;;) {
      const size_t tab = line.find('\t');
      if (n < 19) f[n] = line.substr(0, tab);
      ++n;
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (n != 19) {
      return LineError(path, number,
                       "expected 19 tab-separated GeoNames columns, found " + std::to_string(n));
    }
    CityRow c;
    c.line = number;
    if (!ParseUnsigned(f[0], &c.geonames_id) || c.geonames_id == 0) {
      return LineError(path, number, "bad geonameid '" + std::string(f[0]) + "'");
    }
    c.name = f[1];
    c.ascii_name = f[2];
    c.alternate_names = f[3];
    if (c.name.empty()) return LineError(path, number, "empty name");
    std::string why;
    if (!ParseLatLon(f[4], f[5], &c.lat, &c.lon, &why)) return LineError(path, number, why);
    c.feature_code = f[7];
    if (c.feature_code.size() > 7 || !AllOf(c.feature_code, c.feature_code.size(), CodeChar)) {
      return LineError(path, number, "bad feature code '" + std::string(f[7]) + "'");
    }
    c.iso2 = f[8];
    if (!c.iso2.empty() && !AllOf(c.iso2, 2, Upper)) {
      return LineError(path, number, "bad country code '" + std::string(f[8]) + "'");
    }
    c.admin1 = f[10];
    if (c.admin1.size() > 20) return LineError(path, number, "admin1 code too long");
    if (!f[14].empty() && !ParseUnsigned(f[14], &c.population)) {
      return LineError(path, number, "bad population '" + std::string(f[14]) + "'");
    }
    rows->push_back(c);
  }
  return Status::Ok();
}

}  // namespace annals::places
