// The flat event record of `annals code`: everything about one event in one
// object, with the evidence of every part, so a line can be read alone.
#include <nlohmann/json.hpp>

#include "annals/coding.h"
#include "coding/coding_data.h"

namespace annals {
namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(Span s) { return Json::array({s.begin, s.end}); }

Json EvidenceJson(const Evidence& e) {
  Json j{{"rule", e.rule}};
  if (!e.file.empty()) j["where"] = e.file + ":" + std::to_string(e.line);
  return j;
}

Json ActorJson(const Document& doc, int32_t a, const dict::Ontology& ontology) {
  if (a < 0 || static_cast<size_t>(a) >= doc.actors.size()) return nullptr;
  const Actor& x = doc.actors[a];
  Json j{{"code", x.code}, {"name", x.name}, {"kind", x.kind}};
  // The country (or region) the code starts with, as GDELT splits it.
  const std::string first = x.code.substr(0, 3);
  const std::string_view kind = ontology.ActorCodeKind(first);
  j["country"] = kind == "country" || kind == "region" ? first : std::string();
  if (!x.role.empty()) j["role"] = x.role;
  j["text"] = std::string(doc.Text(x.span));
  j["span"] = SpanJson(x.span);
  j["evidence"] = EvidenceJson(x.evidence);
  return j;
}

// A place of places.v1 (null when none): where the event happened or where
// an actor is from.
Json PlaceJson(const Document& doc, int32_t p) {
  if (p < 0 || static_cast<size_t>(p) >= doc.places.size()) return nullptr;
  const Place& x = doc.places[static_cast<size_t>(p)];
  return Json{{"name", x.full_name.empty() ? x.name : x.full_name},
              {"kind", x.kind},
              {"country", x.country},
              {"fips", x.fips},
              {"admin1", x.admin1},
              {"lat", x.latitude},
              {"lon", x.longitude},
              {"text", std::string(doc.Text(x.span))},
              {"span", SpanJson(x.span)},
              {"evidence", EvidenceJson(x.evidence)}};
}

}  // namespace

std::string EventRecordsJsonl(const Document& doc, const CodingData& data) {
  std::string out;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    const dict::EventType* type = data.ontology.Find(e.code);
    const Sentence& s = doc.sentences[e.sentence];
    Json j;
    j["doc"] = doc.id;
    j["event"] = i;
    j["published"] = doc.published ? doc.published->ToIso() : std::string();
    j["sentence"] = e.sentence;
    j["sentence_text"] = std::string(doc.Text(s.span));
    j["code"] = e.code;
    j["name"] = type ? type->name : std::string();
    j["root"] = e.root;
    j["quad_class"] = e.quad_class;
    j["goldstein"] = e.goldstein;
    j["plover"] = Json{{"event", e.plover_event}, {"mode", e.plover_mode}};
    j["source"] = ActorJson(doc, e.source, data.ontology);
    j["target"] = ActorJson(doc, e.target, data.ontology);
    j["trigger"] = Json{{"text", std::string(doc.Text(e.span))}, {"span", SpanJson(e.span)}};
    j["negated"] = e.negated;
    j["hypothetical"] = e.hypothetical;
    j["attribution"] = ActorJson(doc, e.attribution, data.ontology);
    j["place"] = PlaceJson(doc, e.place);
    j["source_place"] = PlaceJson(doc, e.source_place);
    j["target_place"] = PlaceJson(doc, e.target_place);
    j["date"] = e.date;
    j["evidence"] = EvidenceJson(e.evidence);
    out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

}  // namespace annals
