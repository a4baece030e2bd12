#include "places/gazetteer_builder.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <span>
#include <unordered_map>

#include "dict/fields.h"
#include "places/gazetteer_sources.h"
#include "places/index_format.h"
#include "places/name_folding.h"
#include "places/name_table_builder.h"
#include "syntax/binary_io.h"

namespace annals::places {
namespace {

// The GeoNames feature code nearest to each of our kinds (countries get
// PCLI or PCLD, cities keep their own).
std::string_view KindFeature(PlaceKind kind) {
  switch (kind) {
    case PlaceKind::kAdmin1:
      return "ADM1";
    case PlaceKind::kTerritory:
      return "TERR";
    case PlaceKind::kRegion:
      return "RGN";
    case PlaceKind::kDistrict:
      return "ADMD";
    case PlaceKind::kIsland:
      return "ISL";
    case PlaceKind::kSea:
      return "SEA";
    case PlaceKind::kRiver:
      return "STM";
    case PlaceKind::kMountain:
      return "MT";
    case PlaceKind::kDesert:
      return "DSRT";
    case PlaceKind::kCrossing:
      return "PSTB";
    case PlaceKind::kCamp:
      return "CMPRF";
    case PlaceKind::kNeighbourhood:
      return "PPLX";
    default:
      return "";
  }
}

// GeoNames lists IATA/ICAO codes ("RAF", "OLBA") among alternate names.
bool AirportCodeLike(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Display names are stored with a one-byte length; cut at a code point.
std::string_view DisplayName(std::string_view s) {
  if (s.size() <= 255) return s;
  size_t n = 255;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

uint32_t Clamp32(uint64_t v) { return static_cast<uint32_t>(std::min<uint64_t>(v, 0xFFFFFFFFu)); }

class Builder {
 public:
  Status Run(const GazetteerInputs& in, std::string* file, GazetteerStats* stats);

 private:
  Status AddCountries(const std::string& countries_txt, const std::string& json_path);
  Status AddRegions(const std::string& path);
  Status AddCities(const std::string& path);
  Status AddAliases(const std::string& path);
  void LinkCapitals();
  std::string Serialize();

  uint32_t AddPlace(PlaceRecord p, std::string_view display);
  uint32_t Intern(std::string_view s);
  uint8_t Feature(std::string_view code);
  uint16_t Admin1(uint16_t country, std::string_view code);
  void AddName(uint32_t place, std::string_view raw, bool latin_only);
  uint16_t CountryIndex(std::string_view iso2) const {
    const auto it = country_index_.find(std::string(iso2));
    return it == country_index_.end() ? kNoCountry : it->second;
  }

  std::vector<PlaceRecord> places_;
  std::vector<CountryRecord> countries_;
  std::map<std::string, uint16_t> country_index_;          // ISO2 -> index
  std::unordered_map<uint32_t, uint32_t> by_geonames_id_;  // cities500 id -> place
  std::vector<Admin1Record> admin1_;
  std::map<std::pair<uint16_t, std::string>, uint16_t> admin1_index_;
  std::vector<FeatureCode> features_;
  std::map<std::string, uint8_t, std::less<>> feature_index_;
  std::string strings_;
  std::unordered_map<std::string, uint32_t> string_index_;
  NameTableBuilder names_, demonyms_;
  std::vector<uint64_t> country_population_, admin1_population_;
  std::vector<std::vector<std::string>> capital_names_;  // per country, folded
  std::vector<std::vector<uint32_t>> pplc_;              // per country: PPLC cities
  std::string folded_;
  bool overflow_ = false;  // over 65535 admin1 codes or 255 feature codes
  GazetteerStats stats_;
};

uint32_t Builder::Intern(std::string_view s) {
  const auto [it, added] = string_index_.emplace(std::string(s), 0);
  if (added) {
    it->second = static_cast<uint32_t>(strings_.size());
    strings_.append(s);
  }
  return it->second;
}

uint8_t Builder::Feature(std::string_view code) {
  if (const auto it = feature_index_.find(code); it != feature_index_.end()) return it->second;
  if (features_.size() >= 256) {
    overflow_ = true;
    return 0;
  }
  FeatureCode f{};
  std::copy_n(code.data(), std::min<size_t>(code.size(), 7), f.code);
  features_.push_back(f);
  const auto index = static_cast<uint8_t>(features_.size() - 1);
  feature_index_.emplace(std::string(code), index);
  return index;
}

uint16_t Builder::Admin1(uint16_t country, std::string_view code) {
  if (country == kNoCountry || code.empty() || code == "00") return kNoAdmin1;
  const auto [it, added] = admin1_index_.emplace(std::make_pair(country, std::string(code)), 0);
  if (added) {
    if (admin1_.size() >= kNoAdmin1) {
      overflow_ = true;
      admin1_index_.erase(it);
      return kNoAdmin1;
    }
    it->second = static_cast<uint16_t>(admin1_.size());
    admin1_.push_back({Intern(code), static_cast<uint16_t>(code.size()), country, kNoPlace});
    admin1_population_.push_back(0);
  }
  return it->second;
}

uint32_t Builder::AddPlace(PlaceRecord p, std::string_view display) {
  display = DisplayName(display);
  p.name = Intern(display);
  p.name_size = static_cast<uint8_t>(display.size());
  places_.push_back(p);
  return static_cast<uint32_t>(places_.size() - 1);
}

void Builder::AddName(uint32_t place, std::string_view raw, bool latin_only) {
  FoldName(raw, &folded_);
  if (folded_.empty() || (latin_only && !IsLatinFolded(folded_))) return;
  names_.Add(folded_, place);
}

Status Builder::AddCountries(const std::string& countries_txt, const std::string& json_path) {
  std::vector<CountryRow> rows;
  ANNALS_RETURN_IF_ERROR(ReadCountriesTxt(countries_txt, &rows));
  std::map<std::string, WorldCountry> world;
  ANNALS_RETURN_IF_ERROR(ReadWorldCountries(json_path, &world));
  if (rows.size() >= kNoCountry) {
    return Status(ErrorCode::kTooLarge, countries_txt + ": more than 65534 countries");
  }
  for (const CountryRow& row : rows) {
    const auto w = world.find(row.iso2);
    if (w == world.end()) {
      return dict::LineError(
          countries_txt, row.line,
          "no world-countries record for " + row.iso2 + " (in " + json_path + ")");
    }
    const auto index = static_cast<uint16_t>(countries_.size());
    CountryRecord c{};
    std::copy_n(row.iso2.data(), 2, c.iso2);
    std::copy_n(row.iso3.data(), 3, c.iso3);
    if (!row.fips.empty()) std::copy_n(row.fips.data(), 2, c.fips);
    PlaceRecord p{};
    p.lat = w->second.lat;
    p.lon = w->second.lon;
    p.source_line = row.line;
    p.country = index;
    p.admin1 = kNoAdmin1;
    p.kind = PlaceKind::kCountry;
    p.feature = Feature(w->second.independent ? "PCLI" : "PCLD");
    p.source = PlaceSource::kCountriesTxt;
    c.place = AddPlace(p, row.name);
    c.capital = kNoPlace;
    countries_.push_back(c);
    country_index_[row.iso2] = index;
    AddName(c.place, row.name, false);
    AddName(c.place, w->second.common, false);
    AddName(c.place, w->second.official, false);
    for (const std::string& alt : w->second.alt_spellings) {
      if (alt.size() >= 3) AddName(c.place, alt, true);
    }
    for (const std::string& d : w->second.demonyms) {
      FoldName(d, &folded_);
      demonyms_.Add(folded_, c.place);
    }
    capital_names_.emplace_back();
    for (const std::string& cap : w->second.capitals) {
      FoldName(cap, &folded_);
      if (!folded_.empty()) capital_names_.back().push_back(folded_);
    }
  }
  country_population_.assign(countries_.size(), 0);
  pplc_.assign(countries_.size(), {});
  stats_.countries = static_cast<uint32_t>(countries_.size());
  return Status::Ok();
}

Status Builder::AddRegions(const std::string& path) {
  std::vector<RegionRow> rows;
  ANNALS_RETURN_IF_ERROR(ReadRegionsTxt(path, &rows));
  std::map<uint16_t, uint32_t> first_territory;  // admin1 -> place
  for (const RegionRow& r : rows) {
    PlaceRecord p{};
    p.lat = r.lat;
    p.lon = r.lon;
    p.source_line = r.line;
    p.country = kNoCountry;
    if (!r.iso2.empty()) {
      p.country = CountryIndex(r.iso2);
      if (p.country == kNoCountry) {
        return dict::LineError(path, r.line, "country " + r.iso2 + " is not in countries.txt");
      }
    }
    p.admin1 = Admin1(p.country, r.admin1);
    p.kind = r.kind;
    p.feature = Feature(KindFeature(r.kind));
    p.source = PlaceSource::kRegionsTxt;
    const uint32_t id = AddPlace(p, r.name);
    if (r.kind == PlaceKind::kAdmin1 && p.admin1 != kNoAdmin1) {
      Admin1Record& a = admin1_[p.admin1];
      if (a.place != kNoPlace) {
        return dict::LineError(path, r.line,
                               "admin1 " + r.iso2 + " " + r.admin1 + " is already named on line " +
                                   std::to_string(places_[a.place].source_line));
      }
      a.place = id;
      ++stats_.admin1_named;
    }
    if (r.kind == PlaceKind::kTerritory && p.admin1 != kNoAdmin1) {
      first_territory.emplace(p.admin1, id);
    }
    AddName(id, r.name, false);
    for (const std::string& n : r.other_names) AddName(id, n, false);
  }
  // GeoNames' divisions for disputed land (PS GZ and WE, UA 11 Crimea, GE
  // 02 Abkhazia) are territories in regions.txt, not admin1 lines: the
  // first territory of a code names it when no admin1 line does.
  for (const auto& [admin1, id] : first_territory) {
    if (admin1_[admin1].place == kNoPlace) {
      admin1_[admin1].place = id;
      ++stats_.admin1_named;
    }
  }
  stats_.regions = static_cast<uint32_t>(rows.size());
  return Status::Ok();
}

Status Builder::AddCities(const std::string& path) {
  std::string text;
  std::vector<CityRow> rows;
  ANNALS_RETURN_IF_ERROR(ReadCities500(path, &text, &rows));
  for (const CityRow& c : rows) {
    PlaceRecord p{};
    p.lat = c.lat;
    p.lon = c.lon;
    p.geonames_id = c.geonames_id;
    p.population = Clamp32(c.population);
    p.country = c.iso2.empty() ? kNoCountry : CountryIndex(c.iso2);
    p.admin1 = Admin1(p.country, c.admin1);
    p.kind = PlaceKind::kCity;
    p.feature = Feature(c.feature_code);
    p.source = PlaceSource::kCities500;
    const uint32_t id = AddPlace(p, c.name);
    if (p.country != kNoCountry) {
      country_population_[p.country] += c.population;
      if (c.feature_code == "PPLC") pplc_[p.country].push_back(id);
    }
    if (p.admin1 != kNoAdmin1) admin1_population_[p.admin1] += c.population;
    AddName(id, c.name, false);
    AddName(id, c.ascii_name, false);
    std::string_view alt = c.alternate_names;
    while (!alt.empty()) {
      const size_t comma = alt.find(',');
      const std::string_view a = alt.substr(0, comma);
      if (!AirportCodeLike(a)) AddName(id, a, true);
      if (comma == std::string_view::npos) break;
      alt.remove_prefix(comma + 1);
    }
  }
  stats_.cities = static_cast<uint32_t>(rows.size());
  for (size_t i = 0; i < places_.size(); ++i) {
    if (places_[i].geonames_id != 0)
      by_geonames_id_[places_[i].geonames_id] = static_cast<uint32_t>(i);
  }
  return Status::Ok();
}

Status Builder::AddAliases(const std::string& path) {
  std::vector<AliasRow> rows;
  ANNALS_RETURN_IF_ERROR(ReadAliasesTxt(path, &rows));
  for (const AliasRow& r : rows) {
    const auto it = by_geonames_id_.find(r.geonames_id);
    if (it == by_geonames_id_.end()) {
      return dict::LineError(path, r.line,
                             "no cities500 place has GeoNames id " + std::to_string(r.geonames_id));
    }
    const PlaceRecord& p = places_[it->second];
    if (p.country == kNoCountry || std::string_view(countries_[p.country].iso2, 2) != r.iso2) {
      return dict::LineError(
          path, r.line, "GeoNames id " + std::to_string(r.geonames_id) + " is not in " + r.iso2);
    }
    AddName(it->second, r.alias, false);
  }
  return Status::Ok();
}

// The capital is the city world-countries names, preferring GeoNames' PPLC
// among same-named cities of the country; without a name match, the
// country's most populous PPLC.
void Builder::LinkCapitals() {
  names_.Sort();
  auto better = [&](uint32_t a, uint32_t b) {
    const bool ca = features_[places_[a].feature].code == std::string_view("PPLC");
    const bool cb = features_[places_[b].feature].code == std::string_view("PPLC");
    if (ca != cb) return ca;
    if (places_[a].population != places_[b].population) {
      return places_[a].population > places_[b].population;
    }
    return a < b;
  };
  for (size_t c = 0; c < countries_.size(); ++c) {
    uint32_t best = kNoPlace;
    for (const std::string& name : capital_names_[c]) {
      for (const uint32_t id : names_.PlacesNamed(NameHash(name))) {
        if (places_[id].kind != PlaceKind::kCity || places_[id].country != c) continue;
        if (best == kNoPlace || better(id, best)) best = id;
      }
    }
    if (best == kNoPlace) {
      for (const uint32_t id : pplc_[c]) {
        if (best == kNoPlace || better(id, best)) best = id;
      }
    }
    countries_[c].capital = best;
    stats_.capitals += best != kNoPlace;
  }
}

std::string Builder::Serialize() {
  auto before = [&](uint32_t a, uint32_t b) {
    const PlaceRecord& x = places_[a];
    const PlaceRecord& y = places_[b];
    if (x.population != y.population) return x.population > y.population;
    if (x.kind != y.kind) return x.kind < y.kind;
    return a < b;
  };
  std::vector<NameSlot> name_slots, demonym_slots;
  std::vector<uint32_t> postings;
  uint32_t name_probe = 0, demonym_probe = 0;
  names_.Build(before, &name_slots, &name_probe, &postings);
  demonyms_.Build(before, &demonym_slots, &demonym_probe, &postings);
  stats_.names = names_.names();
  stats_.name_slots = name_slots.size();
  stats_.postings = postings.size();
  stats_.demonyms = demonyms_.names();
  stats_.max_name_tokens = names_.max_tokens();

  syntax::ByteWriter w;
  w.Put<uint32_t>(names_.max_tokens());
  w.Put<uint32_t>(name_probe);
  w.Put<uint32_t>(demonym_probe);
  w.Put<uint32_t>(0);
  w.PutArray<PlaceRecord>(places_);
  w.PutArray<CountryRecord>(countries_);
  w.PutArray<Admin1Record>(admin1_);
  w.PutArray<FeatureCode>(features_);
  w.PutArray<NameSlot>(name_slots);
  w.PutArray<NameSlot>(demonym_slots);
  w.PutArray<uint32_t>(postings);
  w.PutArray<char>(std::span<const char>(strings_.data(), strings_.size()));
  return WrapCheckedFile(kGazetteerFormat, w.bytes());
}

Status Builder::Run(const GazetteerInputs& in, std::string* file, GazetteerStats* stats) {
  Feature("");  // code 0: none
  const std::string dir = in.data_dir.empty() ? "." : in.data_dir;
  ANNALS_RETURN_IF_ERROR(AddCountries(dir + "/countries.txt", in.countries_json));
  ANNALS_RETURN_IF_ERROR(AddRegions(dir + "/regions.txt"));
  ANNALS_RETURN_IF_ERROR(AddCities(in.cities_path));
  ANNALS_RETURN_IF_ERROR(AddAliases(dir + "/aliases.txt"));
  if (overflow_) {
    return Status(ErrorCode::kTooLarge,
                  "gazetteer: more than 65535 admin1 codes or 255 feature codes");
  }
  for (size_t c = 0; c < countries_.size(); ++c) {
    places_[countries_[c].place].population = Clamp32(country_population_[c]);
  }
  for (size_t a = 0; a < admin1_.size(); ++a) {
    if (admin1_[a].place != kNoPlace) {
      places_[admin1_[a].place].population = Clamp32(admin1_population_[a]);
    }
  }
  LinkCapitals();
  *file = Serialize();
  stats_.places = static_cast<uint32_t>(places_.size());
  stats_.admin1_codes = static_cast<uint32_t>(admin1_.size());
  stats_.file_bytes = file->size();
  if (stats != nullptr) *stats = stats_;
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> BuildGazetteer(const GazetteerInputs& inputs, GazetteerStats* stats) {
  std::string file;
  Builder b;
  ANNALS_RETURN_IF_ERROR(b.Run(inputs, &file, stats));
  return file;
}

Status WriteGazetteer(const GazetteerInputs& inputs, const std::string& out_path,
                      GazetteerStats* stats) {
  auto file = BuildGazetteer(inputs, stats);
  if (!file.ok()) return file.status();
  const std::filesystem::path out(out_path);
  std::error_code ec;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path(), ec);
  const std::string tmp = out_path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << *file;
    if (!f.flush()) {
      std::remove(tmp.c_str());
      return Status(ErrorCode::kIo, "cannot write '" + tmp + "'");
    }
  }
  std::filesystem::rename(tmp, out, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status(ErrorCode::kIo,
                  "cannot rename '" + tmp + "' to '" + out_path + "': " + ec.message());
  }
  return Status::Ok();
}

}  // namespace annals::places
