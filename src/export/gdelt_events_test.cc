#include <gtest/gtest.h>

#include <sstream>

#include "annals/export.h"

namespace annals {
namespace {

std::vector<std::string> EventFields(const std::string& line) {
  std::vector<std::string> f;
  std::stringstream ss(line);
  std::string x;
  while (std::getline(ss, x, '\t')) f.push_back(x);
  if (!line.empty() && line.back() == '\t') f.push_back("");
  return f;
}

class Gdelt : public ::testing::Test {
 protected:
  void SetUp() override {
    auto data = DefaultCodingData();
    ASSERT_TRUE(data.ok()) << data.status().ToString();
    data_ = *data;
    doc_.id = "d1";
    doc_.url = "https://news.example.org/1";
    doc_.published = PublishedTime{2024, 3, 25, 14, 5, 0, true, false};
    doc_.text = "Hamas\tfighters attacked Israeli troops.";
    doc_.sentences = {Sentence{{0, 37}, {0, 0}, 0}};
    Actor hamas;
    hamas.code = "PSEREBHMS";
    hamas.name = "Hamas\tfighters";  // a tab must not break the row
    Actor troops;
    troops.code = "ISRMIL";
    troops.name = "Israeli troops";
    Actor council;
    council.code = "IGOUNOSEC";
    council.name = "Security Council";
    doc_.actors = {hamas, troops, council};
    Event e;
    e.code = "1951";
    e.root = "19";
    e.quad_class = 4;
    e.goldstein = -10;
    e.source = 0;
    e.target = 1;
    doc_.events.push_back(e);
    Event denied = e;
    denied.negated = true;
    doc_.events.push_back(denied);
    Event demand;
    demand.code = "1056";
    demand.root = "10";
    demand.quad_class = 3;
    demand.goldstein = -5;
    demand.source = 2;
    doc_.events.push_back(demand);
  }
  std::shared_ptr<const CodingData> data_;
  Document doc_;
};

TEST_F(Gdelt, SixtyOneColumnsInGdeltsOrder) {
  ASSERT_EQ(GdeltEventColumns().size(), 61u);
  EXPECT_EQ(GdeltEventColumns()[0], "GLOBALEVENTID");
  EXPECT_EQ(GdeltEventColumns()[26], "EventCode");
  EXPECT_EQ(GdeltEventColumns()[60], "SOURCEURL");
  std::string out;
  AppendGdeltEvents(doc_, *data_, GdeltOptions{}, &out);
  std::stringstream lines(out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(EventFields(line).size(), 61u) << line;
    ++n;
  }
  EXPECT_EQ(n, 2) << "the negated event is left out";
  GdeltOptions all;
  all.include_unasserted = true;
  out.clear();
  AppendGdeltEvents(doc_, *data_, all, &out);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 3);
}

TEST_F(Gdelt, ActorCodesAreCutIntoGdeltsParts) {
  std::string out;
  AppendGdeltEvents(doc_, *data_, GdeltOptions{}, &out);
  const std::vector<std::string> f = EventFields(out.substr(0, out.find('\n')));
  EXPECT_EQ(f[1], "20240325");
  EXPECT_EQ(f[2], "202403");
  EXPECT_EQ(f[3], "2024");
  EXPECT_EQ(f[5], "PSEREBHMS");
  EXPECT_EQ(f[6], "Hamas fighters");
  EXPECT_EQ(f[7], "PSE");
  EXPECT_EQ(f[8], "HMS");
  EXPECT_EQ(f[12], "REB");
  EXPECT_EQ(f[15], "ISRMIL");
  EXPECT_EQ(f[17], "ISR");
  EXPECT_EQ(f[22], "MIL");
  EXPECT_EQ(f[26], "1951");
  EXPECT_EQ(f[27], "195");
  EXPECT_EQ(f[28], "19");
  EXPECT_EQ(f[29], "4");
  EXPECT_EQ(f[30], "-10.0");
  EXPECT_EQ(f[35], "") << "no places: geography stays empty";
  EXPECT_EQ(f[59], "20240325140500");
  EXPECT_EQ(f[60], "https://news.example.org/1");
  const std::vector<std::string> g = EventFields(out.substr(out.find('\n') + 1));
  EXPECT_EQ(g[5], "IGOUNOSEC");
  EXPECT_EQ(g[7], "");
  EXPECT_EQ(g[8], "UNO");
  EXPECT_EQ(g[12], "IGO");
  EXPECT_EQ(g[15], "") << "no target";
}

TEST_F(Gdelt, PlacesFillTheGeoColumns) {
  Place rafah;
  rafah.name = "Rafah";
  rafah.full_name = "Rafah, Gaza Strip, Palestine";
  rafah.kind = "city";
  rafah.country = "PS";
  rafah.fips = "GZ";
  rafah.admin1 = "GZ";
  rafah.geonames_id = 281102;
  rafah.latitude = 31.29722;
  rafah.longitude = 34.24357;
  Place israel;
  israel.name = israel.full_name = "Israel";
  israel.kind = "country";
  israel.country = "IL";
  israel.fips = "IS";
  israel.latitude = 31.5;
  israel.longitude = 34.75;
  Place texas;
  texas.name = "Texas";
  texas.full_name = "Texas, United States";
  texas.kind = "admin1";
  texas.country = "US";
  texas.fips = "US";
  texas.admin1 = "TX";
  doc_.places = {rafah, israel, texas};
  doc_.events[0].place = 0;
  doc_.events[0].target_place = 1;
  doc_.events[2].source_place = 2;
  std::string out;
  AppendGdeltEvents(doc_, *data_, GdeltOptions{}, &out);
  const std::vector<std::string> f = EventFields(out.substr(0, out.find('\n')));
  EXPECT_EQ(f[35], "") << "no source place";
  // Actor2Geo: a country.
  EXPECT_EQ(f[43], "1");
  EXPECT_EQ(f[44], "Israel");
  EXPECT_EQ(f[45], "IS");
  EXPECT_EQ(f[46], "IS");
  EXPECT_EQ(f[48], "31.5000");
  EXPECT_EQ(f[50], "IS");
  // ActionGeo: a world city.
  EXPECT_EQ(f[51], "4");
  EXPECT_EQ(f[52], "Rafah, Gaza Strip, Palestine");
  EXPECT_EQ(f[53], "GZ");
  EXPECT_EQ(f[54], "GZGZ");
  EXPECT_EQ(f[55], "");
  EXPECT_EQ(f[56], "31.2972");
  EXPECT_EQ(f[57], "34.2436");
  EXPECT_EQ(f[58], "281102");
  // Actor1Geo of the second row: a US state.
  const std::vector<std::string> g = EventFields(out.substr(out.find('\n') + 1));
  EXPECT_EQ(g[35], "2");
  EXPECT_EQ(g[37], "US");
  EXPECT_EQ(g[38], "USTX");
  EXPECT_EQ(g[51], "") << "no action place";
}

TEST_F(Gdelt, IdsAreStable) {
  std::string a, b;
  AppendGdeltEvents(doc_, *data_, GdeltOptions{}, &a);
  AppendGdeltEvents(doc_, *data_, GdeltOptions{}, &b);
  EXPECT_EQ(a, b);
  EXPECT_NE(EventFields(a)[0], "");
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST_F(Gdelt, CopiesCountAsMentionsArticlesAndSources) {
  Document copy1 = doc_;  // same events, another site
  copy1.id = "c1";
  copy1.url = "https://www.other.example/story";
  Document copy2 = doc_;  // same site as the original, attack sentence rewritten
  copy2.id = "c2";
  copy2.url = "https://NEWS.example.org/2";
  copy2.events.erase(copy2.events.begin());
  const std::vector<Document> copies = {copy1, copy2};
  std::string out;
  AppendGdeltEvents(doc_, copies, *data_, GdeltOptions{}, &out);
  std::stringstream lines(out);
  std::string line;
  std::vector<std::vector<std::string>> rows;
  while (std::getline(lines, line)) rows.push_back(EventFields(line));
  ASSERT_EQ(rows.size(), 2u) << "a copy's events are no rows of their own";
  // The attack: in the original and copy 1 (two sites); copy 2 lost it.
  EXPECT_EQ(rows[0][26], "1951");
  EXPECT_EQ(rows[0][31], "2");  // NumMentions
  EXPECT_EQ(rows[0][32], "2");  // NumSources
  EXPECT_EQ(rows[0][33], "2");  // NumArticles
  // The demand: in all three, from two sites.
  EXPECT_EQ(rows[1][26], "1056");
  EXPECT_EQ(rows[1][31], "3");
  EXPECT_EQ(rows[1][32], "2");
  EXPECT_EQ(rows[1][33], "3");
  out.clear();
  AppendGdeltEvents(doc_, *data_, GdeltOptions{}, &out);
  EXPECT_EQ(EventFields(out.substr(0, out.find('\n')))[31], "1");
}

}  // namespace
}  // namespace annals
