#include "compat/tabari_dictionary.h"

#include <gtest/gtest.h>

#include "dict/dict_test_util.h"

namespace annals::compat {
namespace {

using dict::ScratchDir;

TEST(TabariDictionary, ActorsWithSynonymsAndDatedCodes) {
  ScratchDir dir;
  TabariDictionary d;
  ASSERT_TRUE(d.LoadActors(dir.Write("a.txt",
                                     "<!-- header\n spans lines -->\n"
                                     "ARNOR_  [ARN]  # exact\n"
                                     "BULGAR  [BUL]\n"
                                     "GOLLUM  # a person\n"
                                     "+SMEAGOL\n"
                                     "\t[HOB < 950601]\n"
                                     "\t[HOBGOV 19950601 - 19990815]\n"
                                     "\t[HOBREB > 990816]\n"
                                     "GROUP OF 77  [G77]\n"))
                  .ok());
  ASSERT_EQ(d.actors().size(), 4u);
  EXPECT_FALSE(d.actors()[0].names[0].stem);
  EXPECT_TRUE(d.actors()[1].names[0].stem);
  const TabariActor& g = d.actors()[2];
  ASSERT_EQ(g.names.size(), 2u);
  EXPECT_EQ(g.names[1].words, std::vector<std::string>{"SMEAGOL"});
  EXPECT_EQ(g.CodeOn(19940101), "HOB");
  EXPECT_EQ(g.CodeOn(19970101), "HOBGOV");
  EXPECT_EQ(g.CodeOn(20010101), "HOBREB");
  EXPECT_EQ(d.actors()[3].names[0].words, (std::vector<std::string>{"GROUP", "OF", "77"}));
  EXPECT_EQ(d.actors()[3].CodeOn(0), "G77");
}

TEST(TabariDictionary, AgentsWithPluralsAndMacros) {
  ScratchDir dir;
  TabariDictionary d;
  ASSERT_TRUE(d.LoadAgents(dir.Write("g.txt",
                                     "!PERSON! = MAN, MEN\n"
                                     "POLICE {} [ ~COP]\n"
                                     "AMBASSADOR [~GOV]\n"
                                     "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
                                     "MSF {}  [NGO~]\n"
                                     "CONGRESS!PERSON! [~LEG]\n"))
                  .ok());
  ASSERT_EQ(d.agents().size(), 5u);
  EXPECT_EQ(d.agents()[0].names.size(), 1u) << "{} means no plural";
  EXPECT_EQ(d.agents()[0].code, "COP");
  ASSERT_EQ(d.agents()[1].names.size(), 2u);
  EXPECT_EQ(d.agents()[1].names[1].words, std::vector<std::string>{"AMBASSADORS"});
  EXPECT_EQ(d.agents()[2].names.back().words, (std::vector<std::string>{"GOLDEN", "GEESE"}));
  EXPECT_TRUE(d.agents()[3].before);
  EXPECT_EQ(d.agents()[4].names[0].words, std::vector<std::string>{"CONGRESSMAN"});
}

TEST(TabariDictionary, VerbsWithFormsSynsetsAndPatterns) {
  ScratchDir dir;
  TabariDictionary d;
  ASSERT_TRUE(d.LoadVerbs(dir.Write("v.txt",
                                    "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
                                    "--- ABANDON  [345]  ---\n"
                                    "ABANDON\n"
                                    "- * DIPLOMATIC TIES [901]\n"
                                    "- * &TIETYPES TIES [902]\n"
                                    "- NOT_*  [112]\n"
                                    "- * DIPLXMATIC  [###]\n"
                                    "--- BREAK [1717] ---\n"
                                    "BREAK { BROKE BROKEN  }\n"
                                    "+BREAK_DOWN {+BROKE_DOWN }\n"
                                    "- + * IN $  [075]\n"))
                  .ok());
  ASSERT_EQ(d.verbs().size(), 2u);
  const TabariVerb& a = d.verbs()[0];
  EXPECT_EQ(a.code, "345");
  ASSERT_EQ(a.patterns.size(), 4u);
  EXPECT_EQ(a.patterns[1].after[0].kind, PatternElement::kSynset);
  EXPECT_TRUE(a.patterns[2].before[0].joined) << "NOT_* ties NOT to the verb";
  EXPECT_EQ(a.patterns[3].code, "###") << "'#' inside a code is not a comment";
  ASSERT_NE(d.Synset("&TIETYPES"), nullptr);
  EXPECT_EQ(d.Synset("&TIETYPES")->size(), 2u);
  bool broke = false, abandoned = false;
  for (const Phrase& f : d.verbs()[1].forms)
    broke |= f.words == std::vector<std::string>{"BROKE", "DOWN"};
  for (const Phrase& f : a.forms) abandoned |= f.words == std::vector<std::string>{"ABANDONED"};
  EXPECT_TRUE(broke);
  EXPECT_TRUE(abandoned);
  const VerbPattern& p = d.verbs()[1].patterns[0];
  EXPECT_EQ(p.before[0].kind, PatternElement::kTarget);
  EXPECT_EQ(p.after[1].kind, PatternElement::kSource);
}

TEST(TabariDictionary, BadLinesNameFileAndLine) {
  ScratchDir dir;
  TabariDictionary d;
  Status s = d.LoadVerbs(dir.Write("v.txt", "--- GO [010] ---\nGO\n- * AWAY\n"));
  EXPECT_EQ(s.code(), ErrorCode::kBadDictionary);
  EXPECT_NE(s.message().find("v.txt:3: a pattern needs [CODE]"), std::string::npos) << s.message();
  s = d.LoadActors(dir.Write("a.txt", "+ORPHAN\n"));
  EXPECT_NE(s.message().find("a.txt:1:"), std::string::npos) << s.message();
  s = d.LoadAgents(dir.Write("g.txt", "POLICE [COP]\n"));
  EXPECT_NE(s.message().find("g.txt:1: agent code"), std::string::npos) << s.message();
  EXPECT_EQ(d.LoadActors(dir.Path("none.txt")).code(), ErrorCode::kIo);
}

}  // namespace
}  // namespace annals::compat
