// annals places: the place names of articles, resolved (JSON Lines), or the
// score on a golden set of documents with the places they mean.
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "annals/batch.h"
#include "annals/pipeline.h"
#include "annals/places.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/stream_consumer.h"

namespace annals::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kPlacesUsage[] = "PATH... | --evaluate GOLDEN.jsonl [--show-errors]";
constexpr char kPlacesSummary[] =
    "Reads articles like 'annals process', runs the standard pipeline and\n"
    "prints one JSON object per place name found: the text, the place it\n"
    "resolves to (name, kind, country ISO and FIPS codes, first-level\n"
    "division, GeoNames feature and id, coordinates), the confidence and the\n"
    "evidence (gazetteer record and the clues that chose it). Nothing is\n"
    "stored (docs/places.md).\n\n"
    "--evaluate scores the resolver on a golden file (tests/golden/places):\n"
    "a mention is right when its country matches and a point place lies\n"
    "within 50 km of the expected coordinates; prints precision and recall.\n\n"
    "Exit status: 0 done; 1-100 that many records failed; 101 gazetteer or\n"
    "output failure; 102 usage.";

std::string PlacesJsonl(const Document& doc) {
  std::string out;
  for (const Place& p : doc.places) {
    Json j{{"doc", doc.id},
           {"sentence", p.sentence},
           {"text", std::string(doc.Text(p.span))},
           {"span", Json::array({p.span.begin, p.span.end})},
           {"name", p.name},
           {"full_name", p.full_name},
           {"kind", p.kind},
           {"country", p.country},
           {"fips", p.fips},
           {"admin1", p.admin1},
           {"admin1_name", p.admin1_name},
           {"feature", p.feature},
           {"geonames_id", p.geonames_id},
           {"lat", std::round(p.latitude * 1e5) / 1e5},
           {"lon", std::round(p.longitude * 1e5) / 1e5},
           {"confidence", std::round(p.confidence * 1e3) / 1e3},
           {"evidence",
            {{"rule", p.evidence.rule}, {"file", p.evidence.file}, {"line", p.evidence.line}}}};
    out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double a =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

bool PointKind(const std::string& kind) {
  return kind == "city" || kind == "camp" || kind == "crossing";
}

// The golden file's scoring (tests/golden/places/README.md).
int Evaluate(const std::string& path, const Pipeline& pipeline, bool show, std::ostream& out,
             std::ostream& err) {
  std::ifstream in(path);
  if (!in) {
    err << "annals places: cannot read '" << path << "'\n";
    return kExitFatal;
  }
  int expected = 0, produced = 0, right = 0, found = 0, false_places = 0, docs = 0;
  std::string line;
  Scratch scratch;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const Json g = Json::parse(line, nullptr, false);
    if (g.is_discarded() || !g.contains("text")) {
      err << "annals places: " << path << ": line " << docs + 1 << " is not a golden record\n";
      return kExitFatal;
    }
    ++docs;
    Document doc;
    doc.id = g.value("id", "");
    doc.text = g["text"].get<std::string>();
    PublishedTime t;
    if (PublishedTime::ParseIso(g.value("date", ""), &t)) doc.published = t;
    if (Status s = pipeline.Process(doc, scratch); !s.ok()) {
      err << "annals places: " << doc.id << ": " << s.ToString() << "\n";
      continue;
    }
    produced += static_cast<int>(doc.places.size());
    // Expected mentions in order; each matched to the first unused place
    // with the same text at or after the previous match.
    std::vector<bool> used(doc.places.size());
    for (const Json& e : g["expect"]) {
      ++expected;
      const std::string text = e["text"];
      const Place* match = nullptr;
      for (size_t i = 0; i < doc.places.size() && !match; ++i) {
        if (used[i] || doc.Text(doc.places[i].span) != text) continue;
        used[i] = true;
        match = &doc.places[i];
      }
      if (!match) {
        if (show) out << doc.id << "\tmissed\t" << text << "\n";
        continue;
      }
      ++found;
      bool ok = match->country == e.value("country", "");
      const std::string admin1 = e.value("admin1", "");
      if (ok && !admin1.empty() && match->kind == "city") ok = match->admin1 == admin1;
      if (ok && PointKind(e.value("kind", ""))) {
        ok = DistanceKm(match->latitude, match->longitude, e["lat"], e["lon"]) <= 50.0;
      }
      right += ok;
      if (!ok && show) {
        out << doc.id << "\twrong\t" << text << "\tgot " << match->full_name << " ("
            << match->country << " " << match->admin1 << " " << match->latitude << ","
            << match->longitude << ") " << match->evidence.rule << "\n";
      }
    }
    for (size_t i = 0; i < doc.places.size(); ++i) {
      if (used[i]) continue;
      ++false_places;
      if (show) {
        out << doc.id << "\textra\t" << doc.Text(doc.places[i].span) << " -> "
            << doc.places[i].full_name << "\n";
      }
    }
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "documents %d, expected mentions %d, places produced %d\n"
                "found %d (recall %.3f), resolved right %d (%.1f%% of expected)\n"
                "precision %.3f (right / produced), not-places and extras %d\n",
                docs, expected, produced, found, expected ? 1.0 * found / expected : 0.0, right,
                expected ? 100.0 * right / expected : 0.0, produced ? 1.0 * right / produced : 0.0,
                false_places);
  out << buf;
  return 0;
}

}  // namespace

int RunPlaces(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand(
          "places", kPlacesUsage, kPlacesSummary,
          {{"evaluate", "FILE", "score the resolver on a golden JSON Lines file"},
           {"show-errors", "", "with --evaluate: list the missed, wrong and extra mentions"}},
          args, out, err, &cmd)) {
    return *done;
  }
  auto pipeline = Pipeline::Standard();
  if (!pipeline.ok()) {
    err << "annals places: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  if (const auto golden = cmd.flags.Get("evaluate")) {
    return Evaluate(*golden, *pipeline, cmd.flags.Has("show-errors"), out, err);
  }
  if (cmd.flags.positional().empty()) {
    err << "annals places: give one or more article PATHs (- for standard input)\n";
    return kExitUsage;
  }
  StreamConsumer consumer(out, err, PlacesJsonl);
  BatchProgress p;
  const Status s = RunBatch(cmd.flags.positional(), cmd.read, *pipeline, cmd.batch, consumer, &p);
  if (!s.ok()) {
    err << "annals places: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return ExitForFailures(p.failed);
}

}  // namespace annals::cli
