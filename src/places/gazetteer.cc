// Loading checks everything once (about a million slots and postings, a
// few milliseconds) so that lookups and accessors run unchecked.
#include "places/gazetteer.h"

#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/checked_file.h"
#include "places/index_format.h"
#include "syntax/binary_io.h"

namespace annals::places {
namespace {

// Far above any real table; bounds what a corrupt header can ask for.
constexpr size_t kMaxPlaces = size_t{1} << 26;
constexpr size_t kMaxSlots = size_t{1} << 28;

int Iso2Index(std::string_view iso2) {
  if (iso2.size() != 2 || iso2[0] < 'A' || iso2[0] > 'Z' || iso2[1] < 'A' || iso2[1] > 'Z') {
    return -1;
  }
  return (iso2[0] - 'A') * 26 + (iso2[1] - 'A');
}

std::string_view Code(const char* chars, size_t n) {
  size_t len = 0;
  while (len < n && chars[len] != '\0') ++len;
  return {chars, len};
}

}  // namespace

std::string DefaultGazetteerPath() {
  const char* dir = std::getenv("ANNALS_MODEL_DIR");
  return std::string(dir != nullptr && *dir != '\0' ? dir : ANNALS_MODEL_DIR) + "/gazetteer.idx";
}

Gazetteer::Gazetteer() = default;
Gazetteer::~Gazetteer() = default;

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  auto file = CheckedFile::Map(path, kGazetteerFormat);
  if (!file.ok()) return file.status();
  return Load(std::move(file).value(), path);
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::FromFileBytes(std::string_view file,
                                                              const std::string& name) {
  auto bytes = CheckedFile::FromBuffer(file, name, kGazetteerFormat);
  if (!bytes.ok()) return bytes.status();
  return Load(std::move(bytes).value(), name);
}

StatusOr<std::unique_ptr<Gazetteer>> Gazetteer::Load(std::unique_ptr<CheckedFile> file,
                                                     const std::string& name) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  syntax::ByteReader r(file->payload());
  g->max_name_tokens_ = r.Get<uint32_t>();
  g->name_probe_limit_ = r.Get<uint32_t>();
  g->demonym_probe_limit_ = r.Get<uint32_t>();
  r.Get<uint32_t>();
  g->places_ = r.GetArray<PlaceRecord>(kMaxPlaces);
  g->countries_ = r.GetArray<CountryRecord>(kNoCountry);
  g->admin1_ = r.GetArray<Admin1Record>(kNoAdmin1);
  g->features_ = r.GetArray<FeatureCode>(256);
  g->names_ = r.GetArray<NameSlot>(kMaxSlots);
  g->demonyms_ = r.GetArray<NameSlot>(kMaxSlots);
  g->postings_ = r.GetArray<uint32_t>(kMaxSlots);
  const std::span<const char> strings = r.GetArray<char>(uint32_t{0xFFFFFFFF});
  g->strings_ = std::string_view(strings.data(), strings.size());
  if (!r.ok() || !r.at_end()) {
    return Status(ErrorCode::kBadModel, "gazetteer index '" + name +
                                            "': malformed sections (truncated or trailing bytes)");
  }
  ANNALS_RETURN_IF_ERROR(g->Validate(name));
  for (uint32_t c = 0; c < g->countries_.size(); ++c) {
    const int i = Iso2Index(std::string_view(g->countries_[c].iso2, 2));
    if (i >= 0) g->country_by_iso2_[static_cast<size_t>(i)] = static_cast<uint16_t>(c + 1);
  }
  g->file_ = std::move(file);
  return g;
}

Status Gazetteer::Validate(const std::string& name) const {
  auto bad = [&](const std::string& why) {
    return Status(ErrorCode::kBadModel, "gazetteer index '" + name + "': " + why);
  };
  const uint64_t n = places_.size();
  auto string_ok = [&](uint64_t offset, uint64_t size) { return offset + size <= strings_.size(); };
  if (features_.empty() || features_[0].code[0] != '\0') return bad("feature code 0 is not empty");
  for (const PlaceRecord& p : places_) {
    if (!string_ok(p.name, p.name_size) ||
        (p.country != kNoCountry && p.country >= countries_.size()) ||
        (p.admin1 != kNoAdmin1 && p.admin1 >= admin1_.size()) ||
        static_cast<int>(p.kind) >= kPlaceKindCount || p.feature >= features_.size() ||
        static_cast<int>(p.source) >= kPlaceSourceCount || !(std::fabs(p.lat) <= 90.0f) ||
        !(std::fabs(p.lon) <= 180.0f)) {
      return bad("place " + std::to_string(&p - places_.data()) + " is out of range");
    }
  }
  for (const CountryRecord& c : countries_) {
    if (c.place >= n || (c.capital != kNoPlace && c.capital >= n)) {
      return bad("a country points outside the place table");
    }
  }
  for (const Admin1Record& a : admin1_) {
    if (!string_ok(a.code, a.code_size) || a.country >= countries_.size() ||
        (a.place != kNoPlace && a.place >= n)) {
      return bad("an admin1 entry is out of range");
    }
  }
  uint32_t max_id = 0;
  for (const uint32_t id : postings_) max_id = std::max(max_id, id);
  if (!postings_.empty() && max_id >= n) return bad("a posting points outside the place table");
  auto table_ok = [&](std::span<const NameSlot> table, uint32_t probe_limit) {
    if (table.empty() || (table.size() & (table.size() - 1)) != 0 || probe_limit >= table.size()) {
      return false;
    }
    for (const NameSlot& s : table) {
      const uint32_t count = s.count_flags & kCountMask;
      if (s.hash == 0) continue;
      if (count == 1 ? s.value >= n : uint64_t{s.value} + count > postings_.size()) return false;
    }
    return true;
  };
  if (!table_ok(names_, name_probe_limit_)) return bad("malformed name table");
  if (!table_ok(demonyms_, demonym_probe_limit_)) return bad("malformed demonym table");
  return Status::Ok();
}

NameMatch Gazetteer::Probe(std::span<const NameSlot> table, uint32_t probe_limit,
                           std::span<const uint32_t> postings, uint64_t key) {
  const size_t mask = table.size() - 1;
  size_t i = key & mask;
  for (uint32_t probe = 0; probe <= probe_limit; ++probe, i = (i + 1) & mask) {
    const NameSlot& s = table[i];
    if (s.hash == key) {
      const uint32_t count = s.count_flags & kCountMask;
      NameMatch m;
      m.longer = (s.count_flags & kLongerName) != 0;
      if (count == 1) {
        m.places = {&s.value, 1};
      } else if (count > 1) {
        m.places = postings.subspan(s.value, count);
      }
      return m;
    }
    if (s.hash == 0) break;
  }
  return {};
}

NameMatch Gazetteer::Lookup(uint64_t key) const {
  return Probe(names_, name_probe_limit_, postings_, key);
}

std::span<const uint32_t> Gazetteer::Candidates(std::string_view folded_name) const {
  NameKey k;
  k.Add(folded_name);
  if (k.tokens() == 0) return {};
  return Lookup(k.hash()).places;
}

std::span<const uint32_t> Gazetteer::Candidates(
    std::span<const std::string_view> folded_tokens) const {
  NameKey k;
  for (const std::string_view t : folded_tokens) k.Add(t);
  if (k.tokens() == 0) return {};
  return Lookup(k.hash()).places;
}

SpanMatch Gazetteer::LongestMatch(std::span<const std::string_view> folded_tokens) const {
  SpanMatch best;
  NameKey k;
  const size_t n = std::min<size_t>(folded_tokens.size(), max_name_tokens_);
  for (size_t i = 0; i < n; ++i) {
    k.Add(folded_tokens[i]);
    if (k.tokens() == 0) break;
    const NameMatch m = Lookup(k.hash());
    if (!m.places.empty()) best = {static_cast<uint32_t>(i + 1), m.places};
    if (!m.longer) break;
  }
  return best;
}

std::span<const uint32_t> Gazetteer::DemonymCountries(std::string_view folded_demonym) const {
  NameKey k;
  k.Add(folded_demonym);
  if (k.tokens() == 0) return {};
  return Probe(demonyms_, demonym_probe_limit_, postings_, k.hash()).places;
}

std::string_view Gazetteer::name(uint32_t id) const {
  return String(places_[id].name, places_[id].name_size);
}

std::string_view Gazetteer::country_iso2(uint32_t id) const {
  const uint16_t c = places_[id].country;
  return c == kNoCountry ? std::string_view() : Code(countries_[c].iso2, 2);
}

std::string_view Gazetteer::country_iso3(uint32_t id) const {
  const uint16_t c = places_[id].country;
  return c == kNoCountry ? std::string_view() : Code(countries_[c].iso3, 3);
}

std::string_view Gazetteer::country_fips(uint32_t id) const {
  const uint16_t c = places_[id].country;
  return c == kNoCountry ? std::string_view() : Code(countries_[c].fips, 2);
}

uint32_t Gazetteer::country_place(uint32_t id) const {
  const uint16_t c = places_[id].country;
  return c == kNoCountry ? kNoPlace : countries_[c].place;
}

std::string_view Gazetteer::admin1_code(uint32_t id) const {
  const uint16_t a = places_[id].admin1;
  return a == kNoAdmin1 ? std::string_view() : String(admin1_[a].code, admin1_[a].code_size);
}

uint32_t Gazetteer::admin1_place(uint32_t id) const {
  const uint16_t a = places_[id].admin1;
  return a == kNoAdmin1 ? kNoPlace : admin1_[a].place;
}

std::string_view Gazetteer::admin1_name(uint32_t id) const {
  const uint32_t p = admin1_place(id);
  return p == kNoPlace ? std::string_view() : name(p);
}

std::string_view Gazetteer::feature_code(uint32_t id) const {
  return Code(features_[places_[id].feature].code, sizeof(FeatureCode::code));
}

std::string Gazetteer::source(uint32_t id) const {
  const PlaceRecord& p = places_[id];
  switch (p.source) {
    case PlaceSource::kCities500:
      return "cities500:" + std::to_string(p.geonames_id);
    case PlaceSource::kCountriesTxt:
      return "countries.txt:" + std::to_string(p.source_line);
    case PlaceSource::kRegionsTxt:
      return "regions.txt:" + std::to_string(p.source_line);
  }
  return "?";
}

uint32_t Gazetteer::CountryByIso2(std::string_view iso2) const {
  const int i = Iso2Index(iso2);
  if (i < 0) return kNoPlace;
  const uint16_t c = country_by_iso2_[static_cast<size_t>(i)];
  return c == 0 ? kNoPlace : countries_[c - 1].place;
}

uint16_t Gazetteer::CountryIndexByIso3(std::string_view code) const {
  if (code.size() < 3) return kNoCountry;
  for (size_t c = 0; c < countries_.size(); ++c) {
    if (std::string_view(countries_[c].iso3, 3) == code.substr(0, 3)) {
      return static_cast<uint16_t>(c);
    }
  }
  return kNoCountry;
}

uint32_t Gazetteer::CapitalOf(uint32_t id) const {
  const PlaceRecord& p = places_[id];
  if (p.kind != PlaceKind::kCountry || p.country == kNoCountry) return kNoPlace;
  return countries_[p.country].capital;
}

size_t Gazetteer::file_size() const { return file_->file_size(); }

}  // namespace annals::places
