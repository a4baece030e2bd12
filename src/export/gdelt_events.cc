// GDELT 2.0 Events rows (docs/gdelt.md). Actor codes are cut into GDELT's
// parts with the CAMEO actor table: "ISRGOV" -> country ISR, type GOV;
// "PSEREBHMS" -> country PSE, type REB, known group HMS; "IGOUNOSEC" ->
// type IGO, known group UNO.
#include <xxhash.h>

#include <array>
#include <cstdio>
#include <map>
#include <set>

#include "annals/export.h"
#include "coding/coding_data.h"
#include "export/gdelt_geo.h"

namespace annals {
namespace {

constexpr std::array<std::string_view, 61> kColumns = {"GLOBALEVENTID",
                                                       "SQLDATE",
                                                       "MonthYear",
                                                       "Year",
                                                       "FractionDate",
                                                       "Actor1Code",
                                                       "Actor1Name",
                                                       "Actor1CountryCode",
                                                       "Actor1KnownGroupCode",
                                                       "Actor1EthnicCode",
                                                       "Actor1Religion1Code",
                                                       "Actor1Religion2Code",
                                                       "Actor1Type1Code",
                                                       "Actor1Type2Code",
                                                       "Actor1Type3Code",
                                                       "Actor2Code",
                                                       "Actor2Name",
                                                       "Actor2CountryCode",
                                                       "Actor2KnownGroupCode",
                                                       "Actor2EthnicCode",
                                                       "Actor2Religion1Code",
                                                       "Actor2Religion2Code",
                                                       "Actor2Type1Code",
                                                       "Actor2Type2Code",
                                                       "Actor2Type3Code",
                                                       "IsRootEvent",
                                                       "EventCode",
                                                       "EventBaseCode",
                                                       "EventRootCode",
                                                       "QuadClass",
                                                       "GoldsteinScale",
                                                       "NumMentions",
                                                       "NumSources",
                                                       "NumArticles",
                                                       "AvgTone",
                                                       "Actor1Geo_Type",
                                                       "Actor1Geo_FullName",
                                                       "Actor1Geo_CountryCode",
                                                       "Actor1Geo_ADM1Code",
                                                       "Actor1Geo_ADM2Code",
                                                       "Actor1Geo_Lat",
                                                       "Actor1Geo_Long",
                                                       "Actor1Geo_FeatureID",
                                                       "Actor2Geo_Type",
                                                       "Actor2Geo_FullName",
                                                       "Actor2Geo_CountryCode",
                                                       "Actor2Geo_ADM1Code",
                                                       "Actor2Geo_ADM2Code",
                                                       "Actor2Geo_Lat",
                                                       "Actor2Geo_Long",
                                                       "Actor2Geo_FeatureID",
                                                       "ActionGeo_Type",
                                                       "ActionGeo_FullName",
                                                       "ActionGeo_CountryCode",
                                                       "ActionGeo_ADM1Code",
                                                       "ActionGeo_ADM2Code",
                                                       "ActionGeo_Lat",
                                                       "ActionGeo_Long",
                                                       "ActionGeo_FeatureID",
                                                       "DATEADDED",
                                                       "SOURCEURL"};

// GDELT's ten actor columns for one actor.
struct ActorParts {
  std::string code, name, country, group, ethnic, religion1, religion2, type[3];
};

ActorParts Split(const Document& doc, int32_t index, const dict::Ontology& ontology) {
  ActorParts p;
  if (index < 0) return p;
  const Actor& a = doc.actors[index];
  p.code = a.code;
  p.name = a.name;
  int types = 0;
  for (size_t i = 0; i + 3 <= a.code.size(); i += 3) {
    const std::string block = a.code.substr(i, 3);
    if (block == "---") continue;
    const std::string_view kind = ontology.ActorCodeKind(block);
    if (i == 0 && (kind == "country" || kind == "region")) {
      p.country = block;
    } else if (kind == "role" || block == "IGO" || block == "NGO" || block == "NGM" ||
               block == "IMG" || block == "MNC") {
      if (types < 3) p.type[types++] = block;
    } else if (kind == "religion") {
      (p.religion1.empty() ? p.religion1 : p.religion2) = block;
    } else if (kind == "ethnicity") {
      p.ethnic = block;
    } else if (p.group.empty()) {
      p.group = block;  // an organisation or group id: UNO, HMS
    }
  }
  return p;
}

// "2024-03-26T22:16" -> 20240326 and 20240326221600; zero when unknown.
void Dates(const Document& doc, int* day, std::string* added, double* fraction) {
  *day = 0;
  added->clear();
  *fraction = 0;
  *day = StoryDate(doc);
  if (*day == 0) return;
  const PublishedTime& p = *doc.published;
  *added = internal::GdeltDateTime(doc);
  static constexpr int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  const int doy = (p.month >= 1 && p.month <= 12 ? kBefore[p.month - 1] : 0) + p.day;
  *fraction = p.year + doy / 365.0;
}

// The eight geo columns of one place (Type, FullName, CountryCode,
// ADM1Code, ADM2Code, Lat, Long, FeatureID) from f[at] on; empty when the
// event has no such place. GDELT's country codes are FIPS 10-4.
void FillGeo(const Document& doc, int32_t index, size_t at, std::vector<std::string>* f) {
  if (index < 0 || static_cast<size_t>(index) >= doc.places.size()) return;
  const Place& p = doc.places[static_cast<size_t>(index)];
  const int type = internal::GdeltGeoType(p);
  (*f)[at] = std::to_string(type);
  (*f)[at + 1] = p.full_name.empty() ? p.name : p.full_name;
  (*f)[at + 2] = p.fips;
  (*f)[at + 3] = internal::GdeltAdm1(p, type);
  (*f)[at + 5] = internal::GdeltCoordinate(p.latitude);
  (*f)[at + 6] = internal::GdeltCoordinate(p.longitude);
  (*f)[at + 7] = internal::GdeltFeatureId(p, type);
}

bool Listed(const Event& e, const GdeltOptions& options) {
  return options.include_unasserted || (!e.negated && !e.hypothetical);
}

// What makes two events of syndicated copies the same event: the code and
// both actors (their codes, else their names).
std::string EventKey(const Document& doc, const Event& e) {
  auto actor = [&](int32_t i) {
    if (i < 0 || static_cast<size_t>(i) >= doc.actors.size()) return std::string();
    const Actor& a = doc.actors[static_cast<size_t>(i)];
    return a.code.empty() ? "~" + a.name : a.code;
  };
  return e.code + '\0' + actor(e.source) + '\0' + actor(e.target);
}

// The publisher a document counts as for NumSources.
std::string SourceOf(const Document& doc) {
  if (!doc.source.empty()) return doc.source;
  std::string_view url = doc.url;
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  url.remove_prefix(scheme + 3);
  std::string host(url.substr(0, url.find_first_of("/?#")));
  for (char& c : host) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

struct Counts {
  uint64_t mentions = 0, articles = 0;
  std::set<std::string> sources;
};

}  // namespace

std::span<const std::string_view> GdeltEventColumns() { return kColumns; }

void AppendGdeltEvents(const Document& doc, const CodingData& data, const GdeltOptions& options,
                       std::string* out) {
  AppendGdeltEvents(doc, {}, data, options, out);
}

void AppendGdeltEvents(const Document& doc, std::span<const Document> copies,
                       const CodingData& data, const GdeltOptions& options, std::string* out) {
  std::map<std::string, Counts> counts;
  for (size_t d = 0; d <= copies.size(); ++d) {
    const Document& article = d == 0 ? doc : copies[d - 1];
    std::set<std::string> seen;
    for (const Event& e : article.events) {
      if (!Listed(e, options)) continue;
      const std::string key = EventKey(article, e);
      // Only the original's events are rows; a copy's other events are
      // the copy's own business (a changed sentence), not mentions.
      if (d > 0 && !counts.count(key)) continue;
      Counts& c = counts[key];
      ++c.mentions;
      if (seen.insert(key).second) {
        ++c.articles;
        c.sources.insert(SourceOf(article));
      }
    }
  }
  int day = 0;
  double fraction = 0;
  std::string added;
  Dates(doc, &day, &added, &fraction);
  const std::string url = doc.url.empty() ? doc.origin.Describe() : doc.url;
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    if (!Listed(e, options)) continue;
    // Stable across exports and stores: a hash of document id and index.
    const std::string key = doc.id + '\0' + std::to_string(i);
    const uint64_t id = XXH3_64bits(key.data(), key.size()) & 0x7fffffffffffffffULL;
    std::vector<std::string> f(kColumns.size());
    f[0] = std::to_string(id);
    if (day) {
      f[1] = std::to_string(day);
      f[2] = std::to_string(day / 100);
      f[3] = std::to_string(day / 10000);
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4f", fraction);
      f[4] = buf;
    }
    const ActorParts a1 = Split(doc, e.source, data.ontology);
    const ActorParts a2 = Split(doc, e.target, data.ontology);
    for (int k = 0; k < 2; ++k) {
      const ActorParts& a = k == 0 ? a1 : a2;
      const size_t at = k == 0 ? 5 : 15;
      f[at] = a.code;
      f[at + 1] = a.name;
      f[at + 2] = a.country;
      f[at + 3] = a.group;
      f[at + 4] = a.ethnic;
      f[at + 5] = a.religion1;
      f[at + 6] = a.religion2;
      f[at + 7] = a.type[0];
      f[at + 8] = a.type[1];
      f[at + 9] = a.type[2];
    }
    const uint32_t paragraph =
        e.sentence < doc.sentences.size() ? doc.sentences[e.sentence].paragraph : 0;
    f[25] = paragraph == 0 ? "1" : "0";
    f[26] = e.code;
    f[27] = e.code.substr(0, 3);
    f[28] = e.root;
    f[29] = std::to_string(e.quad_class);
    char g[16];
    std::snprintf(g, sizeof g, "%.1f", e.goldstein);
    f[30] = g;
    const Counts& c = counts[EventKey(doc, e)];
    f[31] = std::to_string(c.mentions);
    f[32] = std::to_string(c.sources.size());
    f[33] = std::to_string(c.articles);
    // AvgTone: GDELT's is the tone of the articles that mention the event;
    // with one article, that article's (knowledge.v1, in percent).
    if (!doc.tones.empty()) {
      char t[32];
      std::snprintf(t, sizeof t, "%.4f", doc.tones.front().polarity * 100.0);
      f[34] = t;
    }
    FillGeo(doc, e.source_place, 35, &f);
    FillGeo(doc, e.target_place, 43, &f);
    FillGeo(doc, e.place, 51, &f);
    f[59] = added;
    f[60] = url;
    for (size_t c = 0; c < f.size(); ++c) {
      if (c) *out += '\t';
      for (char ch : f[c]) *out += (ch == '\t' || ch == '\n' || ch == '\r') ? ' ' : ch;
    }
    *out += '\n';
  }
}

}  // namespace annals
