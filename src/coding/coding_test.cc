// The coder on sentences written for these tests, one construction each,
// with the committed dictionaries (data/) and syntax model.
#include "annals/coding.h"

#include <gtest/gtest.h>

#include <string>

#include "annals/pipeline.h"

namespace annals {
namespace {

class Coder : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::Standard();
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    pipeline_ = new Pipeline(std::move(p).value());
  }
  static void TearDownTestSuite() {
    delete pipeline_;
    pipeline_ = nullptr;
  }
  // Codes `text` as a story published on 2024-03-26.
  Document Code(const std::string& text) {
    Document d;
    d.id = "t";
    d.text = text;
    d.published = PublishedTime{2024, 3, 26};
    Scratch scratch;
    Status s = pipeline_->Process(d, scratch);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return d;
  }
  // "CODE SOURCE>TARGET" plus " negated", " hypothetical", " by:ATTR".
  static std::string Line(const Document& d, const Event& e) {
    auto code = [&](int32_t a) { return a < 0 ? std::string("-") : d.actors[a].code; };
    std::string s = e.root + " " + code(e.source) + ">" + code(e.target);
    if (e.negated) s += " negated";
    if (e.hypothetical) s += " hypothetical";
    if (e.attribution >= 0) s += " by:" + d.actors[e.attribution].name;
    return s;
  }
  static std::vector<std::string> Lines(const Document& d) {
    std::vector<std::string> out;
    for (const Event& e : d.events) out.push_back(Line(d, e));
    return out;
  }
  static bool Has(const Document& d, const std::string& line) {
    for (const Event& e : d.events)
      if (Line(d, e) == line) return true;
    return false;
  }
  static Pipeline* pipeline_;
};
Pipeline* Coder::pipeline_ = nullptr;

TEST_F(Coder, SubjectVerbObject) {
  const Document d = Code("Russian troops attacked Ukrainian soldiers near Kharkiv.");
  EXPECT_TRUE(Has(d, "19 RUSMIL>UKRMIL")) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, PassiveTakesTheByPhraseAsSource) {
  const Document d = Code("Palestinian civilians were attacked by Israeli troops on Monday.");
  EXPECT_TRUE(Has(d, "19 ISRMIL>PSECVL")) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, NegationIsKeptAndFlagged) {
  const Document d = Code("Egypt did not attack Israel.");
  EXPECT_TRUE(Has(d, "19 EGY>ISR negated")) << ::testing::PrintToString(Lines(d));
  const Document v = Code("The United States avoided vetoing the resolution against Israel.");
  for (const Event& e : v.events) {
    if (v.Text(e.span).find("veto") != std::string_view::npos) {
      EXPECT_TRUE(e.negated);
    }
  }
}

TEST_F(Coder, ThreatsAreHypothetical) {
  const Document d = Code("Russia threatened to attack Ukraine.");
  EXPECT_TRUE(Has(d, "19 RUS>UKR hypothetical")) << ::testing::PrintToString(Lines(d));
  bool threat = false;
  for (const Event& e : d.events) threat |= e.root == "13" && !e.hypothetical;
  EXPECT_TRUE(threat) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, CompoundActorsGiveOneEventEach) {
  const Document d = Code("Israel and Egypt condemned Hamas.");
  EXPECT_TRUE(Has(d, "11 ISR>PSEREBHMS")) << ::testing::PrintToString(Lines(d));
  EXPECT_TRUE(Has(d, "11 EGY>PSEREBHMS")) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, TitlesAndNamesMakeOneActor) {
  const Document d =
      Code("Israeli Defence Minister Yoav Gallant met Antony Blinken in Washington.");
  ASSERT_TRUE(Has(d, "04 ISRGOV>USAGOV")) << ::testing::PrintToString(Lines(d));
  const Actor& gallant = d.actors[d.events.front().source];
  EXPECT_EQ(gallant.name, "Yoav Gallant");
  EXPECT_EQ(gallant.kind, "person");
  EXPECT_EQ(gallant.evidence.file, "dict/people/middle-east.txt");
}

TEST_F(Coder, RolesFollowTheStoryDate) {
  Document d = Code("Antony Blinken met Yoav Gallant.");
  ASSERT_FALSE(d.events.empty());
  EXPECT_EQ(d.actors[d.events.front().source].role, "Secretary of State");
}

TEST_F(Coder, ReportedSpeechIsAttributed) {
  const Document d = Code("Matthew Miller said that Israel attacked Hamas in Gaza.");
  EXPECT_TRUE(Has(d, "19 ISR>PSEREBHMS by:Matthew Miller")) << ::testing::PrintToString(Lines(d));
  EXPECT_TRUE(Has(d, "01 USAGOV>-")) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, PronounsPointBackAtThePersonNamed) {
  const Document d = Code("Antony Blinken arrived in Cairo on Sunday. He met Egyptian officials.");
  EXPECT_TRUE(Has(d, "04 USAGOV>EGYGOV")) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, NominalEventsTakeTheirOwnersAsSource) {
  const Document d = Code("The talks followed Russia's invasion of Ukraine.");
  bool found = false;
  for (const Event& e : d.events) {
    if (e.source >= 0 && e.target >= 0 && d.actors[e.source].code == "RUS" &&
        d.actors[e.target].code == "UKR")
      found = true;
  }
  EXPECT_TRUE(found) << ::testing::PrintToString(Lines(d));
}

TEST_F(Coder, UnknownNamesAreKeptWithTheirWords) {
  const Document d = Code("Zorblat Quenn attacked Israel.");
  ASSERT_FALSE(d.events.empty()) << ::testing::PrintToString(Lines(d));
  const Actor& a = d.actors[d.events.front().source];
  EXPECT_EQ(a.code, "");
  EXPECT_EQ(a.kind, "unknown");
  EXPECT_EQ(a.name, "Zorblat Quenn");
}

TEST_F(Coder, EventsCarryOntologyValues) {
  const Document d = Code("Russian troops attacked Ukrainian soldiers.");
  ASSERT_FALSE(d.events.empty());
  const Event& e = d.events.front();
  EXPECT_EQ(e.quad_class, 4);
  EXPECT_LT(e.goldstein, 0);
  EXPECT_EQ(e.plover_event, "ASSAULT");
  EXPECT_EQ(e.evidence.file.rfind("dict/verbs/19-", 0), 0u) << e.evidence.file;
}

// The coding pipeline is the standard one without story knowledge, and
// codes the same events.
TEST_F(Coder, CodingPipelineIsStandardWithoutKnowledge) {
  auto coding = Pipeline::Coding();
  ASSERT_TRUE(coding.ok()) << coding.status().ToString();
  std::vector<std::string_view> names = pipeline_->stage_names();
  ASSERT_EQ(names.back(), "knowledge.v1");
  names.pop_back();
  EXPECT_EQ(coding->stage_names(), names);
  const std::string text = "Israeli troops attacked a refugee camp in Gaza on Monday.";
  Document d;
  d.id = "t";
  d.text = text;
  d.published = PublishedTime{2024, 3, 26};
  Scratch scratch;
  ASSERT_TRUE(coding->Process(d, scratch).ok());
  const Document full = Code(text);
  ASSERT_EQ(d.events.size(), full.events.size());
  for (size_t i = 0; i < d.events.size(); ++i)
    EXPECT_EQ(Line(d, d.events[i]), Line(full, full.events[i]));
}

}  // namespace
}  // namespace annals
