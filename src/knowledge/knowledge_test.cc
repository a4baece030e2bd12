// knowledge.v1 through the standard pipeline on sentences written here:
// dates, quotations, tone, framing and themes; then the golden sets'
// score, which issue 6 gates at 0.9 precision and recall each.
#include "annals/knowledge.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "annals/pipeline.h"
#include "knowledge/evaluate.h"

namespace annals {
namespace {

class Knowledge : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = Pipeline::Standard();
    if (!p.ok())
      GTEST_SKIP() << "no standard pipeline (run scripts/setup.sh): " << p.status().ToString();
    pipeline_ = std::make_unique<Pipeline>(std::move(p).value());
  }
  Document Run(const std::string& text, const std::string& date = "2024-03-26") {
    Document doc;
    doc.id = "t";
    doc.text = text;
    PublishedTime t;
    if (PublishedTime::ParseIso(date, &t)) doc.published = t;
    Scratch scratch;
    EXPECT_TRUE(pipeline_->Process(doc, scratch).ok());
    EXPECT_TRUE(doc.Validate().ok()) << doc.Validate().ToString();
    return doc;
  }
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(Knowledge, DatesResolveAgainstTheStoryDate) {
  // 26 March 2024 is a Tuesday.
  Document doc =
      Run("Netanyahu on Monday called off the visit. The sides will meet again on Monday. "
          "Aid fell last week. The crossing has been closed since October 7. "
          "The war, now in its sixth month, goes on.");
  ASSERT_EQ(doc.dates.size(), 4u);
  EXPECT_EQ(doc.Text(doc.dates[0].span), "on Monday");
  EXPECT_EQ(doc.dates[0].resolved, "2024-03-25");
  EXPECT_EQ(doc.dates[1].resolved, "2024-04-01") << "future tense: on or after";
  EXPECT_EQ(doc.dates[2].resolved, "2024-03-18");
  EXPECT_EQ(doc.dates[2].granularity, "week");
  EXPECT_EQ(doc.Text(doc.dates[3].span), "since October 7");
  EXPECT_EQ(doc.dates[3].resolved, "2023-10-07");
  EXPECT_NE(doc.dates[0].evidence.rule.find("weekday:past"), std::string::npos);
}

TEST_F(Knowledge, EventsTakeTheDayOfTheirClause) {
  Document doc = Run("Israeli troops attacked the camp on Monday, officials said.");
  bool dated = false;
  for (const Event& e : doc.events) dated |= e.date == "2024-03-25";
  EXPECT_TRUE(dated) << doc.events.size() << " events";
}

TEST_F(Knowledge, DatesWithoutAStoryDateStayUnresolved) {
  Document doc = Run("The talks ended on Friday. The vote took place on 25 March 2024.", "");
  ASSERT_EQ(doc.dates.size(), 2u);
  EXPECT_EQ(doc.dates[0].resolved, "");
  EXPECT_EQ(doc.dates[1].resolved, "2024-03-25");
}

TEST_F(Knowledge, QuoteKindsAndSpeakers) {
  Document doc =
      Run("\"We will not stop,\" the general said, \"until every soldier is home.\" "
          "Defense Minister Yoav Gallant said troops were ready. He added that the army would "
          "\"reach every place\". The so-called \"safe zone\" was struck again.");
  ASSERT_GE(doc.quotes.size(), 5u);
  const Quote& first = doc.quotes[0];
  EXPECT_EQ(first.kind, QuoteKind::kDirect);
  EXPECT_EQ(doc.Text(first.span), "We will not stop,");
  EXPECT_EQ(first.speaker_name, "the general");
  EXPECT_EQ(first.verb, "said");
  EXPECT_EQ(doc.quotes[1].kind, QuoteKind::kDirect);
  EXPECT_EQ(doc.quotes[1].speaker_name, "the general");
  const Quote& reported = doc.quotes[2];
  EXPECT_EQ(reported.kind, QuoteKind::kIndirect);
  EXPECT_EQ(doc.Text(reported.span), "troops were ready");
  EXPECT_EQ(reported.speaker_name, "Yoav Gallant");
  EXPECT_EQ(reported.speaker_code, "ISRGOV");
  bool partial = false, scare = false;
  for (const Quote& q : doc.quotes) {
    if (q.kind == QuoteKind::kPartial && doc.Text(q.span) == "reach every place")
      partial = q.speaker_name == "Yoav Gallant" && q.verb == "added";
    if (q.kind == QuoteKind::kScare && doc.Text(q.span) == "safe zone")
      scare = q.speaker_name.empty();
  }
  EXPECT_TRUE(partial) << "'He' is Gallant";
  EXPECT_TRUE(scare);
}

TEST_F(Knowledge, AttributionChains) {
  Document doc =
      Run("According to Qatari mediators, Hamas told Egypt that it was ready to consider a deal. "
          "Blinken stressed that there are other ways to ensure security, Miller said.");
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[0].speaker_name, "Hamas");
  EXPECT_EQ(doc.quotes[0].reporter_name, "Qatari mediators");
  EXPECT_EQ(doc.Text(doc.quotes[0].span), "it was ready to consider a deal");
  EXPECT_EQ(doc.quotes[1].speaker_name, "Blinken");
  EXPECT_EQ(doc.quotes[1].reporter_name, "Miller");
}

TEST_F(Knowledge, ToneFramingAndThemes) {
  Document doc =
      Run("The regime continued its killing spree, and the airstrikes left thousands dead and "
          "wounded. Aid agencies warned of famine as a ceasefire vote failed.");
  ASSERT_FALSE(doc.tones.empty());
  EXPECT_EQ(doc.tones[0].sentence, -1) << "the document comes first";
  EXPECT_LT(doc.tones[0].polarity, 0.0f);
  EXPECT_GT(doc.tones[0].negative, doc.tones[0].positive);
  EXPECT_EQ(doc.tones.size(), 1 + doc.sentences.size());
  ASSERT_GE(doc.framings.size(), 2u);
  EXPECT_EQ(doc.Text(doc.framings[0].span), "regime");
  EXPECT_EQ(doc.Text(doc.framings[1].span), "killing spree");
  EXPECT_EQ(doc.framings[1].evidence.file, "knowledge/framing.txt");
  EXPECT_GT(doc.framings[1].evidence.line, 0u);
  std::string themes;
  for (const Theme& t : doc.themes) themes += t.name + " ";
  EXPECT_NE(themes.find("CONFLICT"), std::string::npos) << themes;
  EXPECT_NE(themes.find("FAMINE"), std::string::npos) << themes;
}

TEST_F(Knowledge, GoldenSetsScoreAtLeastNinetyPercent) {
  auto score =
      knowledge::EvaluateKnowledge(ANNALS_SOURCE_DIR "/tests/golden/knowledge", *pipeline_);
  ASSERT_TRUE(score.ok()) << score.status().ToString();
  std::string errors;
  for (const std::string& e : score->errors) errors += e + "\n";
  SCOPED_TRACE(knowledge::FormatScore(*score) + errors);
  EXPECT_GE(score->documents, 150);
  for (const knowledge::Score* s : {&score->quotes, &score->counts, &score->dates}) {
    EXPECT_GE(s->Precision(), 0.9);
    EXPECT_GE(s->Recall(), 0.9);
  }
}

TEST(KnowledgeData, BadListsNameTheFileAndLine) {
  const std::string dir = ::testing::TempDir() + "/annals_knowledge_data";
  const std::string models = dir + "/models";
  std::filesystem::remove_all(dir);
  ASSERT_EQ(std::system(("mkdir -p " + dir + "/knowledge " + models +
                         " && cp " ANNALS_SOURCE_DIR "/data/knowledge/*.txt " + dir + "/knowledge/")
                            .c_str()),
            0);
  auto missing = LoadKnowledgeData(dir, dir + "/no-such-models");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("afinn-165.json"), std::string::npos);

  std::ofstream(models + "/afinn-165.json") << "{\"good\": 3, \"bad\": -3}";
  ASSERT_TRUE(LoadKnowledgeData(dir, models).ok());
  std::ofstream(models + "/afinn-165.json") << "{\"good\": 9}";
  EXPECT_EQ(LoadKnowledgeData(dir, models).status().code(), ErrorCode::kBadDictionary);
  std::ofstream(models + "/afinn-165.json") << "{\"good\": 3}";

  std::ofstream(dir + "/knowledge/themes.txt", std::ios::app) << "lower_case | x | war\n";
  auto bad = LoadKnowledgeData(dir, models);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kBadDictionary);
  EXPECT_NE(bad.status().message().find("themes.txt:"), std::string::npos)
      << bad.status().ToString();
  EXPECT_NE(bad.status().message().find("UPPER_SNAKE_CASE"), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace annals
