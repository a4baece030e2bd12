#include "places/resolver.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace annals::places {
namespace {

// Candidates looked at per name: the most populous first, so the ones
// left out are hamlets no clue could lift above the others.
constexpr size_t kMaxCandidates = 32;

// Score parts. The prior ranks a city by the log of its population
// (Paris, France 6.3; Paris, Texas 4.4); countries and the regions annals
// lists are what news names most; a division's population is the sum of
// its towns', which overstates it against a city of the same name.
constexpr float kCountryPrior = 7.5f;
constexpr float kRegionPrior = 7.0f;
constexpr float kAdmin1Base = 4.5f, kAdmin1PerDecade = 0.3f;
constexpr float kCapital = 1.0f, kAdminSeat = 0.3f;
// Clues.
constexpr float kQualified = 10.0f;         // "Paris, Texas"
constexpr float kStoryCountry = 2.5f;       // the story is about the country
constexpr float kStoryCountryMore = 0.25f;  // per further mention, up to:
constexpr float kStoryCountryMax = 3.5f;
constexpr float kStoryDivision = 4.0f;       // its division is named too
constexpr float kStoryDivisionHolds = 1.5f;  // a place resolved in it
constexpr float kOwnName = 1.0f;
constexpr float kNear = 2.0f, kNearKm = 100.0f;
constexpr float kRegionNear = 1.0f, kRegionKm = 400.0f;
// A resolution this sure serves as a clue for the others.
constexpr float kAnchorConfidence = 0.5f;

// ASCII letters equal but for case.
bool SameLetters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] + 32) : a[i];
    const char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) return false;
  }
  return true;
}

// Squared distance in km on a plane through the anchor (cos_lat its
// latitude's cosine): close enough at the few hundred kilometres that
// matter here, and free of trigonometry per candidate.
float PlaneKm2(float lat, float lon, float alat, float alon, float cos_lat) {
  constexpr float kKmPerDegree = 111.2f;
  float dlon = lon - alon;
  if (dlon > 180) dlon -= 360;
  if (dlon < -180) dlon += 360;
  const float x = dlon * cos_lat * kKmPerDegree, y = (lat - alat) * kKmPerDegree;
  return x * x + y * y;
}

bool HasPoint(PlaceKind k) {
  // Countries and seas are too big to be near anything in particular.
  return k != PlaceKind::kCountry && k != PlaceKind::kSea && k != PlaceKind::kRegion;
}

struct Clues {
  std::vector<int> mentions;   // by country index
  std::vector<uint16_t> vote;  // by toponym: the country it added to mentions
  struct Division {
    size_t toponym;
    uint16_t country, admin1;
    bool named;  // the division itself; else a place resolved in it
  };
  std::vector<Division> divisions;  // named or holding a resolved place
  struct Anchor {
    size_t toponym;
    float lat, lon, cos_lat;
  };
  std::vector<Anchor> anchors;
};

struct Scored {
  float score = 0;
  uint32_t bits = 0;  // which clues applied, for the evidence
};
enum ClueBit : uint32_t {
  kBitPopulation = 1,
  kBitCapital = 2,
  kBitKind = 4,
  kBitQualified = 8,
  kBitCountry = 16,
  kBitDivision = 32,
  kBitNear = 64,
  kBitRegionNear = 128,
  kBitOwnName = 256,
};

std::string ClueNames(uint32_t bits, bool only) {
  static constexpr std::pair<uint32_t, std::string_view> kNames[] = {
      {kBitQualified, "qualified"},      {kBitCountry, "story-country"},
      {kBitDivision, "story-division"},  {kBitNear, "near-places"},
      {kBitRegionNear, "region-places"}, {kBitCapital, "capital"},
      {kBitOwnName, "own-name"},         {kBitKind, "kind"},
      {kBitPopulation, "population"}};
  std::string out = only ? "only-candidate" : "";
  for (const auto& [bit, name] : kNames) {
    if (!(bits & bit)) continue;
    if (!out.empty()) out += '+';
    out += name;
  }
  return out;
}

// What a candidate is worth before the story's clues; computed once per
// Resolve and shared by both rounds.
Scored Prior(const Gazetteer& g, uint32_t id, const Toponym& top) {
  const PlaceRecord& p = g.place(id);
  Scored s;
  switch (p.kind) {
    case PlaceKind::kCountry:
      // Population only breaks ties ("Congo": the larger Democratic Republic).
      s.score = kCountryPrior + 0.1f * static_cast<float>(std::log10(p.population + 1.0));
      s.bits |= kBitKind;
      break;
    case PlaceKind::kAdmin1:
      s.score = kAdmin1Base + kAdmin1PerDecade * static_cast<float>(std::log10(p.population + 1.0));
      s.bits |= kBitKind;
      break;
    case PlaceKind::kCity: {
      s.score = static_cast<float>(std::log10(p.population + 1.0));
      s.bits |= kBitPopulation;
      const std::string_view f = g.feature_code(id);
      if (f == "PPLC") s.score += kCapital, s.bits |= kBitCapital;
      if (f == "PPLA") s.score += kAdminSeat;
      break;
    }
    default:
      s.score = kRegionPrior, s.bits |= kBitKind;
  }
  // The place's own name rather than one of its alternates ("Victoria"
  // is an old name of Hong Kong's centre, but first of all Victoria).
  if (SameLetters(g.name(id), top.text)) s.score += kOwnName, s.bits |= kBitOwnName;
  if (top.division && (p.kind == PlaceKind::kAdmin1 || p.kind == PlaceKind::kDistrict))
    s.score += kQualified, s.bits |= kBitQualified;
  return s;
}

Scored Score(const Gazetteer& g, uint32_t id, Scored s, const Toponym& top, size_t self,
             const std::vector<Toponym>& all, const Clues& clues) {
  const PlaceRecord& p = g.place(id);
  if (top.qualifier >= 0) {
    for (uint32_t q : all[static_cast<size_t>(top.qualifier)].candidates) {
      const PlaceRecord& qp = g.place(q);
      const bool same_country = qp.kind == PlaceKind::kCountry && qp.country == p.country;
      const bool same_division =
          qp.kind == PlaceKind::kAdmin1 && qp.admin1 == p.admin1 && qp.country == p.country;
      if (p.country != kNoCountry && (same_country || same_division)) {
        s.score += kQualified, s.bits |= kBitQualified;
        break;
      }
    }
  }
  if (p.country != kNoCountry && p.country < clues.mentions.size()) {
    // Not counting the toponym's own vote from the first round.
    const int n = clues.mentions[p.country] - (clues.vote[self] == p.country ? 1 : 0);
    if (n > 0) {
      s.score +=
          std::min(kStoryCountryMax, kStoryCountry + kStoryCountryMore * static_cast<float>(n - 1));
      s.bits |= kBitCountry;
    }
  }
  if (p.admin1 != kNoAdmin1 && p.kind != PlaceKind::kCountry) {
    for (const Clues::Division& d : clues.divisions) {
      if (d.toponym != self && d.country == p.country && d.admin1 == p.admin1) {
        s.score += d.named || p.kind == PlaceKind::kAdmin1 ? kStoryDivision : kStoryDivisionHolds;
        s.bits |= kBitDivision;
        break;
      }
    }
  }
  if (HasPoint(p.kind)) {
    float nearest = 1e18f;
    for (const Clues::Anchor& a : clues.anchors) {
      if (a.toponym == self) continue;
      nearest = std::min(nearest, PlaneKm2(p.lat, p.lon, a.lat, a.lon, a.cos_lat));
    }
    if (nearest < kNearKm * kNearKm) {
      s.score += kNear, s.bits |= kBitNear;
    } else if (nearest < kRegionKm * kRegionKm) {
      s.score += kRegionNear, s.bits |= kBitRegionNear;
    }
  }
  return s;
}

// priors[i][k]: Prior() of toponym i's candidate k.
void Choose(const Gazetteer& g, const std::vector<Toponym>& toponyms,
            const std::vector<std::vector<Scored>>& priors, const Clues& clues,
            std::vector<Resolution>* out) {
  out->assign(toponyms.size(), Resolution{});
  for (size_t i = 0; i < toponyms.size(); ++i) {
    const Toponym& top = toponyms[i];
    const size_t n = priors[i].size();
    Scored best, second;
    uint32_t best_id = kNoPlace;
    second.score = -1e9f;
    for (size_t k = 0; k < n; ++k) {
      const Scored s = Score(g, top.candidates[k], priors[i][k], top, i, toponyms, clues);
      if (best_id == kNoPlace || s.score > best.score) {
        second = best_id == kNoPlace ? second : best;
        best = s;
        best_id = top.candidates[k];
      } else if (s.score > second.score) {
        second = s;
      }
    }
    if (best_id == kNoPlace) continue;
    Resolution& r = (*out)[i];
    r.place = best_id;
    const bool only = n == 1;
    const float margin = only ? 10.0f : best.score - second.score;
    r.confidence = margin / (margin + 1.0f);
    r.clues = ClueNames(best.bits, only);
  }
}

}  // namespace

void Resolve(const Gazetteer& g, const std::vector<Toponym>& toponyms, const StoryCountries& story,
             std::vector<Resolution>* out) {
  Clues clues;
  clues.mentions.assign(g.country_count(), 0);
  clues.vote.assign(toponyms.size(), kNoCountry);
  for (uint16_t c : story.countries) {
    if (c < clues.mentions.size()) ++clues.mentions[c];
  }
  // First round: the story's countries and the qualifiers. Second: the
  // places the first round was sure of add their countries, divisions and
  // positions (each place's own is left out when scoring it).
  std::vector<std::vector<Scored>> priors(toponyms.size());
  for (size_t i = 0; i < toponyms.size(); ++i) {
    const size_t n = std::min(toponyms[i].candidates.size(), kMaxCandidates);
    priors[i].reserve(n);
    for (size_t k = 0; k < n; ++k)
      priors[i].push_back(Prior(g, toponyms[i].candidates[k], toponyms[i]));
  }
  Choose(g, toponyms, priors, clues, out);
  for (size_t i = 0; i < toponyms.size(); ++i) {
    const Resolution& r = (*out)[i];
    if (r.place == kNoPlace || r.confidence < kAnchorConfidence) continue;
    const PlaceRecord& p = g.place(r.place);
    if (p.country != kNoCountry) {
      ++clues.mentions[p.country];
      clues.vote[i] = p.country;
    }
    if (p.admin1 != kNoAdmin1 && p.kind != PlaceKind::kCountry)
      clues.divisions.push_back({i, p.country, p.admin1, p.kind == PlaceKind::kAdmin1});
    if (HasPoint(p.kind)) {
      constexpr float kRad = 3.14159265f / 180.0f;
      clues.anchors.push_back({i, p.lat, p.lon, std::cos(p.lat * kRad)});
    }
  }
  Choose(g, toponyms, priors, clues, out);
}

}  // namespace annals::places
