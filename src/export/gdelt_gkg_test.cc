#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "annals/export.h"

namespace annals {
namespace {

std::vector<std::string> GkgFields(const std::string& line) {
  std::vector<std::string> f;
  std::stringstream ss(line.substr(0, line.size() - 1));  // without the newline
  std::string x;
  while (std::getline(ss, x, '\t')) f.push_back(x);
  while (f.size() < 27) f.push_back("");  // trailing empty columns
  return f;
}

Document Story() {
  Document d;
  d.id = "d1";
  d.url = "https://news.example.org/1";
  d.title = "Strikes <hit> Rafah";
  d.published = PublishedTime{2024, 3, 26, 22, 16, 0, true, false};
  d.text = "Over 32,000 civilians were killed in Rafah; Miller said: \"we will; not stop#\"";
  Place rafah;
  rafah.span = {37, 42};
  rafah.name = "Rafah";
  rafah.full_name = "Rafah, Gaza Strip, Palestine";
  rafah.kind = "city";
  rafah.country = "PS";
  rafah.fips = "GZ";
  rafah.admin1 = "GZ";
  rafah.geonames_id = 281102;
  rafah.latitude = 31.29722;
  rafah.longitude = 34.24357;
  d.places = {rafah};
  Count killed;
  killed.span = {0, 11};
  killed.value = killed.value_max = 32000;
  killed.qualifier = CountQualifier::kAtLeast;
  killed.type = "killed";
  killed.object = "civilians";
  killed.unit = "people";
  killed.place = 0;
  Count money;
  money.span = {0, 4};
  money.value = 5e6;
  money.type = "money";
  money.object = "aid";
  d.counts = {killed, money};
  Actor miller;
  miller.code = "USAGOV";
  miller.name = "Matthew Miller";
  miller.kind = "person";
  miller.span = {44, 50};
  Actor un;
  un.code = "IGOUNO";
  un.name = "United Nations";
  un.kind = "organisation";
  un.span = {0, 4};
  d.actors = {miller, un};
  Tone t;
  t.positive = 0.02f;
  t.negative = 0.05f;
  t.polarity = -0.03f;
  t.words = 100;
  d.tones = {t};
  d.themes = {Theme{"CONFLICT", 2, {27, 33}, {}}};
  d.dates = {DateMention{{0, 4}, 0, "2024-03-25", "day", {}}};
  Quote q;
  q.kind = QuoteKind::kDirect;
  const auto open = static_cast<uint32_t>(d.text.find("we will"));
  q.span = {open, static_cast<uint32_t>(d.text.size() - 1)};
  q.verb = "said";
  q.speaker_name = "Matthew Miller";
  d.quotes = {q};
  return d;
}

TEST(GdeltGkg, OneRowOf27ColumnsPerDocument) {
  ASSERT_EQ(GdeltGkgColumns().size(), 27u);
  EXPECT_EQ(GdeltGkgColumns()[15], "V1.5TONE");
  std::string out;
  AppendGdeltGkg(Story(), &out);
  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  ASSERT_EQ(std::count(out.begin(), out.end(), '\t'), 26);
  const auto f = GkgFields(out);
  EXPECT_EQ(f[1], "20240326221600");
  EXPECT_EQ(f[0].substr(0, 15), "20240326221600-");
  EXPECT_EQ(f[2], "1");
  EXPECT_EQ(f[4], "https://news.example.org/1");
  EXPECT_EQ(f[5],
            "KILL#32000#civilians#4#Rafah, Gaza Strip, Palestine#GZ#GZGZ#31.2972#34.2436#281102;")
      << "money is an amount, not a count";
  EXPECT_EQ(f[6].substr(f[6].size() - 3), "#0;");
  EXPECT_EQ(f[7], "CONFLICT;");
  EXPECT_EQ(f[8], "CONFLICT,27;");
  EXPECT_EQ(f[9], "4#Rafah, Gaza Strip, Palestine#GZ#GZGZ#31.2972#34.2436#281102;");
  EXPECT_EQ(f[10], "4#Rafah, Gaza Strip, Palestine#GZ#GZGZ##31.2972#34.2436#281102#37;");
  EXPECT_EQ(f[11], "Matthew Miller;");
  EXPECT_EQ(f[12], "Matthew Miller,44;");
  EXPECT_EQ(f[13], "United Nations;");
  EXPECT_EQ(f[15], "-3,2,5,7,0,0,100");
  EXPECT_EQ(f[16], "4#3#25#2024#0;");
  EXPECT_EQ(f[22], "58|18|said|we will  not stop #") << "delimiters inside text are spaces";
  EXPECT_EQ(f[24], "32000,civilians,0;5000000,aid,0;");
  EXPECT_EQ(f[26], "<PAGE_TITLE>Strikes &lt;hit&gt; Rafah</PAGE_TITLE>");
  for (size_t c : {17u, 18u, 19u, 20u, 21u, 25u}) EXPECT_EQ(f[c], "") << "column " << c + 1;
}

TEST(GdeltGkg, JsonCarriesWhatTheColumnsCannot) {
  std::string out;
  AppendGkgJson(Story(), &out);
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["counts"][0]["qualifier"], "at_least");
  EXPECT_EQ(j["counts"][0]["gdelt_type"], "KILL");
  EXPECT_EQ(j["counts"][0]["place"], "Rafah, Gaza Strip, Palestine");
  EXPECT_EQ(j["quotations"][0]["speaker"], "Matthew Miller");
  EXPECT_EQ(j["quotations"][0]["quote"], "we will; not stop#");
  EXPECT_EQ(j["persons"][0]["name"], "Matthew Miller");
  EXPECT_NEAR(j["tone"]["tone"].get<double>(), -3.0, 1e-4);
}

TEST(GdeltGkg, EmptyDocumentStillHasAllColumns) {
  Document d;
  d.id = "empty";
  std::string out;
  AppendGdeltGkg(d, &out);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\t'), 26);
  EXPECT_EQ(out.substr(0, 2), "0-");
}

}  // namespace
}  // namespace annals
