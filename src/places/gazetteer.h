// Internal (not yet part of the public API): the world gazetteer, loaded
// from the index file the build writes (models/gazetteer.idx, see
// docs/places.md), and the name lookups a toponym resolver needs.
//
// Every country, first-level division and news region of data/places and
// every GeoNames cities500 place (199,568 places over 500 inhabitants) is
// a PlaceRecord with an id (its index). A folded name (name_folding.h)
// leads to its candidate places, most populous first:
//
//   auto gaz = places::Gazetteer::Open(places::DefaultGazetteerPath());
//   std::string folded;
//   places::FoldName("Rafa\u1E29", &folded);            // "rafah"
//   for (uint32_t id : (*gaz)->Candidates(folded)) {
//     const places::PlaceRecord& p = (*gaz)->place(id);  // PS first, then EG
//     ... (*gaz)->country_iso2(id), p.lat, p.lon, (*gaz)->admin1_name(id) ...
//   }
//
// Recognising names in running text: fold each token, then from each
// starting token call LongestMatch (or drive a NameKey yourself and use
// Lookup, whose `longer` bit says whether a longer name could still
// follow), so a scan costs about one lookup per token.
//
// Loading maps the file and checks its checksum and every index and offset
// in it (the bytes are untrusted), so that the accessors below need no
// checks. A Gazetteer is immutable and thread-safe; spans and references it
// returns point into the mapping and live as long as it does.
//
// Tested by gazetteer_test.cc; fuzzed by fuzz/gazetteer_fuzzer.cc.
#ifndef ANNALS_PLACES_GAZETTEER_H_
#define ANNALS_PLACES_GAZETTEER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "annals/status.h"
#include "places/name_folding.h"
#include "places/place_record.h"

namespace annals {
class CheckedFile;
}  // namespace annals

namespace annals::places {

struct NameSlot;
struct FeatureCode;

// $ANNALS_MODEL_DIR/gazetteer.idx when that variable is set, else the
// models/ folder of the build tree this program was built in, where the
// build writes the index (when node_modules/ has the data packages).
std::string DefaultGazetteerPath();

// A lookup by key: the places of one name, and whether longer names start
// with the same tokens.
struct NameMatch {
  std::span<const uint32_t> places;  // best first; empty when no name has this key
  bool longer = false;               // some indexed name extends these tokens
};

// The longest indexed name at the start of a token sequence.
struct SpanMatch {
  uint32_t tokens = 0;               // elements of the sequence it covers; 0: none
  std::span<const uint32_t> places;  // best first
};

class Gazetteer {
 public:
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Maps and checks the index at `path`. Errors name the file and the fault
  // (kNotFound: cannot open; kBadModel: wrong magic or version, truncated,
  // corrupt, or an offset out of range).
  static StatusOr<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // The same over the bytes of a whole file (copied); `name` for messages.
  static StatusOr<std::unique_ptr<Gazetteer>> FromFileBytes(std::string_view file,
                                                            const std::string& name);

  // ---- names. Candidate lists are ordered by population (descending),
  // then kind (PlaceKind order), then id; each place appears once.

  // Places named `folded_name` (already folded; tokens separated by one
  // space). "washington d c", "gaza strip", "paris".
  std::span<const uint32_t> Candidates(std::string_view folded_name) const;
  // Places named by folded tokens in sequence (each element one or more
  // folded tokens): {"port", "au", "prince"}.
  std::span<const uint32_t> Candidates(std::span<const std::string_view> folded_tokens) const;
  // The places of a NameKey hash, and whether a longer name could follow.
  NameMatch Lookup(uint64_t key) const;
  // The longest name that starts at folded_tokens[0] (tries at most
  // max_name_tokens() elements, stops as soon as no longer name can match).
  SpanMatch LongestMatch(std::span<const std::string_view> folded_tokens) const;
  // Country places whose people the folded word names ("israeli",
  // "palestinian", "american"): world-countries' English demonyms, kept
  // apart from place names.
  std::span<const uint32_t> DemonymCountries(std::string_view folded_demonym) const;
  // Tokens of the longest indexed name (bounds a recogniser's window).
  uint32_t max_name_tokens() const { return max_name_tokens_; }

  // ---- places. `id` < size(); anything else is a programming error.
  uint32_t size() const { return static_cast<uint32_t>(places_.size()); }
  const PlaceRecord& place(uint32_t id) const { return places_[id]; }
  std::string_view name(uint32_t id) const;
  PlaceKind kind(uint32_t id) const { return places_[id].kind; }
  // Country codes of the place's country; empty when it has none (seas,
  // rivers, regions across borders). FIPS is empty where FIPS 10-4 has no
  // single code for the country (PS, BQ, UM, AX).
  std::string_view country_iso2(uint32_t id) const;
  std::string_view country_iso3(uint32_t id) const;
  std::string_view country_fips(uint32_t id) const;
  // The country's own place, or kNoPlace.
  uint32_t country_place(uint32_t id) const;
  // GeoNames admin1 code ("TX", "08", "GZ"); empty when none ("00" counts
  // as none).
  std::string_view admin1_code(uint32_t id) const;
  // The place naming that admin1 ("Texas"), or kNoPlace / "" when
  // regions.txt does not name it.
  uint32_t admin1_place(uint32_t id) const;
  std::string_view admin1_name(uint32_t id) const;
  // GeoNames feature code: cities as GeoNames has them (PPLC capital, PPLA
  // admin1 seat, PPLA2 ..., PPL); our kinds get the nearest GeoNames code
  // (PCLI/PCLD country, ADM1, TERR, RGN, ADMD, ISL, SEA, STM, MT, DSRT,
  // PSTB, CMPRF, PPLX).
  std::string_view feature_code(uint32_t id) const;
  // Where the record came from: "cities500:281102", "regions.txt:34",
  // "countries.txt:201" (the countries.txt line; world-countries joined by
  // ISO2 gave its centre, capital and more names).
  std::string source(uint32_t id) const;

  // ---- countries
  uint32_t country_count() const { return static_cast<uint32_t>(countries_.size()); }
  const CountryRecord& country(uint32_t index) const { return countries_[index]; }
  // The country's place by ISO 3166-1 alpha-2 code ("GE"), or kNoPlace.
  uint32_t CountryByIso2(std::string_view iso2) const;
  // The country table index for an ISO 3166-1 alpha-3 code, or the first
  // three letters of a CAMEO actor code ("ISRGOV" -> Israel); kNoCountry
  // when none. A scan of the 250 countries: for a few calls per document.
  uint16_t CountryIndexByIso3(std::string_view code) const;
  // The capital city of a country place, or kNoPlace (no capital, or `id`
  // is not a country).
  uint32_t CapitalOf(uint32_t id) const;

  // Bytes of the index file.
  size_t file_size() const;

 private:
  Gazetteer();
  static StatusOr<std::unique_ptr<Gazetteer>> Load(std::unique_ptr<CheckedFile> file,
                                                   const std::string& name);
  Status Validate(const std::string& name) const;
  static NameMatch Probe(std::span<const NameSlot> table, uint32_t probe_limit,
                         std::span<const uint32_t> postings, uint64_t key);
  std::string_view String(uint32_t offset, uint32_t size) const {
    return strings_.substr(offset, size);
  }

  std::unique_ptr<CheckedFile> file_;
  std::span<const PlaceRecord> places_;
  std::span<const CountryRecord> countries_;
  std::span<const Admin1Record> admin1_;
  std::span<const FeatureCode> features_;
  std::span<const NameSlot> names_;
  std::span<const NameSlot> demonyms_;
  std::span<const uint32_t> postings_;
  std::string_view strings_;
  uint32_t max_name_tokens_ = 0;
  uint32_t name_probe_limit_ = 0;
  uint32_t demonym_probe_limit_ = 0;
  std::array<uint16_t, size_t{26} * 26> country_by_iso2_{};  // index + 1; 0: none
};

}  // namespace annals::places

#endif  // ANNALS_PLACES_GAZETTEER_H_
