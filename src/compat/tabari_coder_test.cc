#include "compat/tabari_coder.h"

#include <gtest/gtest.h>

#include "dict/dict_test_util.h"

namespace annals::compat {
namespace {

class TabariCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dict::ScratchDir dir;
    ASSERT_TRUE(dict_
                    .LoadActors(dir.Write("a.txt",
                                          "ARNOR_ [ARN]\nGONDOR [GON]\nOSGILIATH [OSG]\n"
                                          "GOLLUM\n\t[HOB < 950601]\n\t[HOBGOV > 950601]\n"))
                    .ok());
    ASSERT_TRUE(dict_.LoadAgents(dir.Write("g.txt", "SOLDIER [~MIL]\nMSF {} [NGO~]\n")).ok());
    ASSERT_TRUE(dict_
                    .LoadVerbs(dir.Write("v.txt",
                                         "&NEG\n+DID N'T\n"
                                         "--- RESTORE [064] ---\nRESTORE\n- * FULL_TIES [065]\n"
                                         "- &NEG * [066]\n"
                                         "--- MEET [040:041] ---\nMEET\n"
                                         "--- OPPOSE [112] ---\nOPPOSE\n"))
                    .ok());
    ASSERT_TRUE(dict_.LoadDiscards(dir.Write("d.txt", "FOOTBALL\n")).ok());
    coder_ = std::make_unique<TabariCoder>(dict_);
  }
  std::string Code(const std::string& text, int date = 19950101) {
    std::string s;
    for (const TabariEvent& e : coder_->Code(TabariWords(text), date)) {
      if (!s.empty()) s += " ";
      s += e.source + ">" + e.target + ":" + e.code;
    }
    return s;
  }
  TabariDictionary dict_;
  std::unique_ptr<TabariCoder> coder_;
};

TEST_F(TabariCoderTest, VerbDefaultAndPatterns) {
  EXPECT_EQ(Code("Arnor will restore ties with Gondor."), "ARN>GON:064");
  EXPECT_EQ(Code("Arnor will restore full ties with Gondor."), "ARN>GON:065");
  EXPECT_EQ(Code("Arnor didn't restore ties with Gondor."), "ARN>GON:066");
}

TEST_F(TabariCoderTest, DualCodesGoBothWays) {
  EXPECT_EQ(Code("Arnor meets Gondor."), "ARN>GON:040 GON>ARN:041");
  EXPECT_EQ(Code("Arnor met Gondor."), "") << "irregular forms must be listed, as in TABARI";
}

TEST_F(TabariCoderTest, CompoundsAgentsAndDates) {
  EXPECT_EQ(Code("Arnor and Osgiliath restored ties with Gondor."), "ARN>GON:064 OSG>GON:064");
  EXPECT_EQ(Code("Soldiers from Gondor restored ties with MSF Arnor."), "GONMIL>NGOARN:064");
  EXPECT_EQ(Code("Smeagol restored ties with Gondor.", 19940101), "");
  EXPECT_EQ(Code("Gollum restored ties with Gondor.", 19940101), "HOB>GON:064");
  EXPECT_EQ(Code("Gollum restored ties with Gondor.", 19970101), "HOBGOV>GON:064");
}

TEST_F(TabariCoderTest, ExactNamesStemsPassivesAndDiscards) {
  EXPECT_EQ(Code("Arnorian troops restored ties with Gondor."), "") << "ARNOR_ is exact";
  EXPECT_EQ(Code("Gondorian envoys restored ties with Arnor."), "GON>ARN:064")
      << "GONDOR is a stem";
  EXPECT_EQ(Code("Arnor was opposed by Gondor."), "GON>ARN:112");
  EXPECT_EQ(Code("Arnor restored ties with Gondor after the football match."), "");
}

}  // namespace
}  // namespace annals::compat
