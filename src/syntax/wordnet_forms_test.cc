// Tests for the WordNet form generator, on a tiny WordNet written here in
// the files' layout (the real one is a Debian package tests need not have).
#include "syntax/wordnet_forms.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "dict/dict_test_util.h"
#include "syntax/features.h"

namespace annals::syntax {
namespace {

uint32_t Bits(const WordNetForms& forms, const std::string& word) {
  const auto it = forms.find(HashString(word));
  return it == forms.end() ? 0 : it->second;
}

class WordNetFormsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // data.*: offset, lexicographer file, type, word count (hex), then
    // word and lex id pairs; a licence header starts with spaces.
    dir_.Write("data.noun",
               "  1 a licence line\n"
               "00000001 05 n 02 ferry 0 boat_service 0 000 | a boat\n"
               "00000002 15 n 01 Lisbon 0 000 | a city\n"
               "00000003 05 n 01 box 0 000 | a container\n");
    dir_.Write("data.verb", "00000004 30 v 02 stop 0 halt 0 000 | cease\n");
    dir_.Write("data.adj", "00000005 00 a 01 big(a) 0 000 | large\n");
    dir_.Write("data.adv", "00000006 02 r 01 soon 0 000 | shortly\n");
    dir_.Write("noun.exc", "geese goose\n");
    dir_.Write("verb.exc", "ran run\nrunning run\n");
    dir_.Write("adj.exc", "better good\nbest good\n");
    dir_.Write("adv.exc", "");
    dir_.Write("cntlist.rev", "stop%2:38:00:: 1 20\nstop%1:04:00:: 1 5\n");
  }
  dict::ScratchDir dir_;
};

TEST_F(WordNetFormsTest, GeneratesRegularAndIrregularForms) {
  WordNetForms forms;
  std::string error;
  ASSERT_TRUE(ReadWordNetForms(dir_.Path(), &forms, &error)) << error;
  EXPECT_EQ(Bits(forms, "ferry"), kWnNoun);
  EXPECT_EQ(Bits(forms, "ferries"), kWnPlural);
  EXPECT_EQ(Bits(forms, "boxes"), kWnPlural);
  EXPECT_EQ(Bits(forms, "lisbon"), kWnProper);
  EXPECT_EQ(Bits(forms, "lisbons"), 0);  // names have no plural
  EXPECT_EQ(Bits(forms, "boat_service"), 0);
  EXPECT_EQ(Bits(forms, "stop") & ~(3 << kWnUsualShift), kWnVerb);
  EXPECT_EQ(Bits(forms, "stop") >> kWnUsualShift, 2);  // mostly a verb
  EXPECT_EQ(Bits(forms, "stops"), kWnVerbS);
  EXPECT_TRUE(Bits(forms, "stopped") & kWnVerbEd);
  EXPECT_TRUE(Bits(forms, "stopping") & kWnVerbIng);
  EXPECT_TRUE(Bits(forms, "halted") & kWnVerbEd);
  EXPECT_EQ(Bits(forms, "big"), kWnAdj);
  EXPECT_TRUE(Bits(forms, "bigger") & kWnComparative);
  EXPECT_TRUE(Bits(forms, "biggest") & kWnSuperlative);
  EXPECT_EQ(Bits(forms, "soon"), kWnAdverb);
  EXPECT_EQ(Bits(forms, "geese"), kWnPlural);
  EXPECT_EQ(Bits(forms, "ran"), kWnVerbEd);
  EXPECT_EQ(Bits(forms, "running"), kWnVerbIng);
  EXPECT_EQ(Bits(forms, "better"), kWnComparative);
  EXPECT_EQ(Bits(forms, "best"), kWnSuperlative);
}

TEST_F(WordNetFormsTest, SenseClassesOfTheMostFrequentSense) {
  // index.*: lemma, pos, synset count, pointer count (then the pointers),
  // sense and tagged-sense counts, then the synsets, most frequent first.
  dir_.Write("index.noun", "  1 a licence line\nferry n 1 1 @ 1 0 00000001  \n");
  dir_.Write("index.verb", "stop v 1 0 1 0 00000004  \n");
  WordNetForms forms;
  std::string error;
  ASSERT_TRUE(ReadWordNetForms(dir_.Path(), &forms, &error)) << error;
  // Lexicographer file 05 is the noun's class 3; 30 (verb.change) is in
  // group 6.
  EXPECT_EQ(NounSense(Bits(forms, "ferry")), 3u);
  EXPECT_EQ(NounSense(Bits(forms, "ferries")), 3u);
  EXPECT_EQ(Bits(forms, "ferries") & 0xffff, kWnPlural);
  EXPECT_EQ(NounSense(Bits(forms, "box")), 0u);  // not in the index
  EXPECT_EQ(VerbSense(Bits(forms, "stop")), 6u);
  EXPECT_EQ(VerbSense(Bits(forms, "stopped")), 6u);
  EXPECT_EQ(NounSense(Bits(forms, "stop")), 0u);
  EXPECT_EQ(VerbSense(Bits(forms, "halted")), 0u);
}

TEST(WordNetForms, MissingFilesAreAnError) {
  WordNetForms forms;
  std::string error;
  EXPECT_FALSE(ReadWordNetForms("/nonexistent/wordnet", &forms, &error));
  EXPECT_NE(error.find("wordnet-base"), std::string::npos);
}

}  // namespace
}  // namespace annals::syntax
