// GDELT GKG 2.1 rows (docs/gdelt.md): one per document. GDELT's delimited
// sub-fields are kept as it writes them ('#' between the parts of a count
// or location, ';' between entries, ',' before a character offset), so
// delimiters inside text are replaced by spaces.
#include <xxhash.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "annals/export.h"
#include "export/gdelt_geo.h"

namespace annals {
namespace {

constexpr std::array<std::string_view, 27> kColumns = {"GKGRECORDID",
                                                       "V2.1DATE",
                                                       "V2SOURCECOLLECTIONIDENTIFIER",
                                                       "V2SOURCECOMMONNAME",
                                                       "V2DOCUMENTIDENTIFIER",
                                                       "V1COUNTS",
                                                       "V2.1COUNTS",
                                                       "V1THEMES",
                                                       "V2ENHANCEDTHEMES",
                                                       "V1LOCATIONS",
                                                       "V2ENHANCEDLOCATIONS",
                                                       "V1PERSONS",
                                                       "V2ENHANCEDPERSONS",
                                                       "V1ORGANIZATIONS",
                                                       "V2ENHANCEDORGANIZATIONS",
                                                       "V1.5TONE",
                                                       "V2.1ENHANCEDDATES",
                                                       "V2GCAM",
                                                       "V2.1SHARINGIMAGE",
                                                       "V2.1RELATEDIMAGES",
                                                       "V2.1SOCIALIMAGEEMBEDS",
                                                       "V2.1SOCIALVIDEOEMBEDS",
                                                       "V2.1QUOTATIONS",
                                                       "V2.1ALLNAMES",
                                                       "V2.1AMOUNTS",
                                                       "V2.1TRANSLATIONINFO",
                                                       "V2EXTRASXML"};

// GDELT's count types where it has one; annals' own type, upper-cased,
// for the others. Money, percentages and other amounts are not counts of
// people or things affected: they go to V2.1AMOUNTS only.
std::string CountType(const std::string& type) {
  if (type == "killed") return "KILL";
  if (type == "wounded") return "WOUND";
  if (type == "arrested") return "ARREST";
  if (type == "captive") return "KIDNAP";
  if (type == "protesters") return "PROTEST";
  if (type == "displaced") return "DISPLACED";
  if (type == "refugees") return "REFUGEES";
  if (type == "money" || type == "other" || type.empty()) return "";
  std::string up = type;
  for (char& c : up)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - ('a' - 'A'));
  return up;
}

// Text inside a delimited field: no field, entry or part delimiters.
std::string Clean(std::string_view s, std::string_view also = "") {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const bool bad = c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '#' ||
                     also.find(c) != std::string_view::npos;
    out += bad ? ' ' : c;
  }
  return out;
}

std::string Number(double v) {
  char buf[48];
  if (v == static_cast<double>(static_cast<long long>(v)) && std::abs(v) < 1e15)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  else
    std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string Percent(float share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", static_cast<double>(share) * 100.0);
  return buf;
}

// Type#FullName#CountryCode#ADM1Code[#ADM2Code]#Lat#Long#FeatureID
std::string Location(const Place& p, bool enhanced) {
  const int type = internal::GdeltGeoType(p);
  std::string s = std::to_string(type) + "#" + Clean(p.full_name.empty() ? p.name : p.full_name) +
                  "#" + p.fips + "#" + internal::GdeltAdm1(p, type) + "#";
  if (enhanced) s += "#";  // ADM2: not known
  s += internal::GdeltCoordinate(p.latitude) + "#" + internal::GdeltCoordinate(p.longitude) + "#" +
       internal::GdeltFeatureId(p, type);
  return s;
}

bool IsPerson(const Actor& a) { return a.kind == "person"; }
bool IsOrganisation(const Actor& a) {
  return a.kind == "institution" || a.kind == "organisation" || a.kind == "group";
}

struct Named {
  std::string name;
  uint32_t offset;
};

// Each distinct name once, at its first offset.
std::vector<Named> Names(const Document& doc, bool (*keep)(const Actor&)) {
  std::vector<Named> out;
  std::set<std::string> seen;
  for (const Actor& a : doc.actors) {
    if (!keep(a) || a.name.empty() || !seen.insert(a.name).second) continue;
    out.push_back({a.name, a.span.begin});
  }
  return out;
}

struct Row {
  std::array<std::string, kColumns.size()> f;
};

Row Build(const Document& doc) {
  Row r;
  auto& f = r.f;
  const std::string when = internal::GdeltDateTime(doc);
  const std::string key = doc.id;
  char id[64];
  std::snprintf(id, sizeof id, "%s-%016llx", when.empty() ? "0" : when.c_str(),
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  f[0] = id;
  f[1] = when;
  f[2] = doc.url.empty() ? "" : "1";  // 1 = WEB
  f[3] = Clean(doc.source);
  f[4] = Clean(doc.url.empty() ? doc.origin.Describe() : doc.url);
  for (const Count& c : doc.counts) {
    const std::string type = CountType(c.type);
    if (type.empty()) continue;
    std::string loc = "######";  // LocationType#FullName#CC#ADM1#Lat#Long#FeatureID
    if (c.place >= 0 && static_cast<size_t>(c.place) < doc.places.size()) {
      const Place& p = doc.places[static_cast<size_t>(c.place)];
      const int t = internal::GdeltGeoType(p);
      loc = std::to_string(t) + "#" + Clean(p.full_name) + "#" + p.fips + "#" +
            internal::GdeltAdm1(p, t) + "#" + internal::GdeltCoordinate(p.latitude) + "#" +
            internal::GdeltCoordinate(p.longitude) + "#" + internal::GdeltFeatureId(p, t);
    }
    const std::string v1 = type + "#" + Number(c.value) + "#" + Clean(c.object) + "#" + loc;
    f[5] += v1 + ";";
    f[6] += v1 + "#" + std::to_string(c.span.begin) + ";";
  }
  for (const Theme& t : doc.themes) {
    f[7] += t.name + ";";
    f[8] += t.name + "," + std::to_string(t.first.begin) + ";";
  }
  std::set<std::string> places_seen;
  for (const Place& p : doc.places) {
    const std::string v1 = Location(p, false);
    if (places_seen.insert(v1).second) f[9] += v1 + ";";
    f[10] += Location(p, true) + "#" + std::to_string(p.span.begin) + ";";
  }
  for (const Named& n : Names(doc, IsPerson)) {
    f[11] += Clean(n.name, ",") + ";";
    f[12] += Clean(n.name, ",") + "," + std::to_string(n.offset) + ";";
  }
  for (const Named& n : Names(doc, IsOrganisation)) {
    f[13] += Clean(n.name, ",") + ";";
    f[14] += Clean(n.name, ",") + "," + std::to_string(n.offset) + ";";
  }
  if (!doc.tones.empty()) {
    const Tone& t = doc.tones.front();
    f[15] = Percent(t.polarity) + "," + Percent(t.positive) + "," + Percent(t.negative) + "," +
            Percent(t.positive + t.negative) + "," + Percent(t.activity) + "," +
            Percent(t.self_reference + t.group_reference) + "," + std::to_string(t.words);
  }
  for (const DateMention& d : doc.dates) {
    if (d.resolved.size() != 10) continue;
    // Resolution: 4 a full date, 2 a month, 1 a year (weeks are their Monday).
    const char* resolution = d.granularity == "month" ? "2" : d.granularity == "year" ? "1" : "4";
    f[16] += std::string(resolution) + "#" + std::to_string(std::stoi(d.resolved.substr(5, 2))) +
             "#" + std::to_string(std::stoi(d.resolved.substr(8, 2))) + "#" +
             d.resolved.substr(0, 4) + "#" + std::to_string(d.span.begin) + ";";
  }
  for (const Quote& q : doc.quotes) {
    if (q.kind != QuoteKind::kDirect && q.kind != QuoteKind::kPartial) continue;
    f[22] += std::to_string(q.span.begin) + "|" + std::to_string(q.span.size()) + "|" +
             Clean(q.verb, "|") + "|" + Clean(doc.Text(q.span), "|") + "#";
  }
  std::set<std::string> names_seen;
  for (const Actor& a : doc.actors) {
    if (a.kind == "pronoun" || a.kind == "role" || a.kind == "agent" || a.kind == "demonym")
      continue;
    const std::string text(doc.Text(a.span));
    if (text.empty() || !names_seen.insert(text).second) continue;
    f[23] += Clean(text, ",") + "," + std::to_string(a.span.begin) + ";";
  }
  for (const Count& c : doc.counts)
    f[24] +=
        Number(c.value) + "," + Clean(c.object, ",") + "," + std::to_string(c.span.begin) + ";";
  if (!doc.title.empty()) {
    std::string title;
    for (char c : doc.title) {
      if (c == '<')
        title += "&lt;";
      else if (c == '>')
        title += "&gt;";
      else if (c == '&')
        title += "&amp;";
      else
        title += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    }
    f[26] = "<PAGE_TITLE>" + title + "</PAGE_TITLE>";
  }
  return r;
}

}  // namespace

std::span<const std::string_view> GdeltGkgColumns() { return kColumns; }

void AppendGdeltGkg(const Document& doc, std::string* out) {
  const Row r = Build(doc);
  for (size_t c = 0; c < r.f.size(); ++c) {
    if (c) *out += '\t';
    *out += r.f[c];
  }
  *out += '\n';
}

void AppendGkgJson(const Document& doc, std::string* out) {
  using Json = nlohmann::ordered_json;
  Json j{{"id", doc.id},
         {"date", internal::GdeltDateTime(doc)},
         {"url", doc.url},
         {"source", doc.source}};
  Json counts = Json::array();
  for (const Count& c : doc.counts) {
    Json x{{"type", c.type},        {"gdelt_type", CountType(c.type)},
           {"value", c.value},      {"qualifier", CountQualifierName(c.qualifier)},
           {"object", c.object},    {"unit", c.unit},
           {"offset", c.span.begin}};
    if (c.place >= 0 && static_cast<size_t>(c.place) < doc.places.size())
      x["place"] = doc.places[static_cast<size_t>(c.place)].full_name;
    counts.push_back(std::move(x));
  }
  j["counts"] = std::move(counts);
  Json themes = Json::array();
  for (const Theme& t : doc.themes)
    themes.push_back({{"theme", t.name}, {"mentions", t.mentions}, {"offset", t.first.begin}});
  j["themes"] = std::move(themes);
  Json locations = Json::array();
  for (const Place& p : doc.places) {
    const int type = internal::GdeltGeoType(p);
    locations.push_back({{"type", type},
                         {"full_name", p.full_name},
                         {"country_fips", p.fips},
                         {"adm1", internal::GdeltAdm1(p, type)},
                         {"lat", p.latitude},
                         {"lon", p.longitude},
                         {"feature_id", internal::GdeltFeatureId(p, type)},
                         {"offset", p.span.begin}});
  }
  j["locations"] = std::move(locations);
  for (int k = 0; k < 2; ++k) {
    Json names = Json::array();
    for (const Named& n : Names(doc, k == 0 ? IsPerson : IsOrganisation))
      names.push_back({{"name", n.name}, {"offset", n.offset}});
    j[k == 0 ? "persons" : "organizations"] = std::move(names);
  }
  if (!doc.tones.empty()) {
    const Tone& t = doc.tones.front();
    j["tone"] = {{"tone", t.polarity * 100},
                 {"positive", t.positive * 100},
                 {"negative", t.negative * 100},
                 {"polarity", (t.positive + t.negative) * 100},
                 {"activity_density", t.activity * 100},
                 {"self_group_density", (t.self_reference + t.group_reference) * 100},
                 {"words", t.words}};
  }
  Json dates = Json::array();
  for (const DateMention& d : doc.dates)
    dates.push_back(
        {{"date", d.resolved}, {"granularity", d.granularity}, {"offset", d.span.begin}});
  j["dates"] = std::move(dates);
  Json quotes = Json::array();
  for (const Quote& q : doc.quotes)
    quotes.push_back({{"kind", QuoteKindName(q.kind)},
                      {"offset", q.span.begin},
                      {"length", q.span.size()},
                      {"verb", q.verb},
                      {"speaker", q.speaker_name},
                      {"speaker_code", q.speaker_code},
                      {"reported_by", q.reporter_name},
                      {"quote", std::string(doc.Text(q.span))}});
  j["quotations"] = std::move(quotes);
  Json framings = Json::array();
  for (const Framing& f : doc.framings)
    framings.push_back({{"term", f.term}, {"category", f.category}, {"offset", f.span.begin}});
  j["framings"] = std::move(framings);
  *out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  *out += '\n';
}

}  // namespace annals
