#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <sstream>

namespace annals::syntax {
namespace {

// Two sentences written here: one with a comment, a multi-word token and
// an empty node; one plain.
constexpr char kTwo[] =
    "# sent_id = a\n"
    "# text = They don't.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t3:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t3:orphan\t_\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "\n";

std::vector<ConlluSentence> ReadAll(const std::string& text, std::vector<std::string>* errors) {
  std::istringstream in(text);
  ConlluReader reader(in, "t.conllu");
  std::vector<ConlluSentence> out;
  ConlluSentence s;
  std::string error;
  while (reader.Next(&s, &error)) {
    if (!error.empty()) {
      errors->push_back(error);
    } else {
      out.push_back(s);
    }
  }
  return out;
}

TEST(Conllu, ReadsWordsCommentsAndExtras) {
  std::vector<std::string> errors;
  const auto s = ReadAll(kTwo, &errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].comments.size(), 2u);
  ASSERT_EQ(s[0].words.size(), 4u);
  EXPECT_EQ(s[0].words[2].form, "n't");
  EXPECT_EQ(s[0].words[2].head, 0);
  EXPECT_EQ(s[0].words[2].misc, "SpaceAfter=No");
  ASSERT_EQ(s[0].extras.size(), 2u);
  EXPECT_EQ(s[0].extras[0].after_words, 1u);
  EXPECT_EQ(s[0].extras[1].after_words, 3u);
  EXPECT_EQ(s[0].line, 1u);
  EXPECT_EQ(s[1].line, 10u);
}

TEST(Conllu, WritesBackWhatItRead) {
  std::vector<std::string> errors;
  std::string out;
  for (const auto& s : ReadAll(kTwo, &errors)) WriteConllu(s, &out);
  EXPECT_EQ(out, kTwo);
}

TEST(Conllu, ReportsBadSentencesWithLineAndGoesOn) {
  const std::string text =
      "1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "3\tdog\tdog\tNOUN\tNN\t_\t0\troot\t_\t_\n"  // ID skips 2
      "\n"
      "1\tToo\ttoo\tADV\tRB\t_\t0\troot\n"  // 8 columns
      "\n"
      "1\tHi\thi\tINTJ\tUH\t_\t7\troot\t_\t_\n"  // head past the end
      "\n"
      "1\tHi\thi\tINTJ\tUH\t_\tx\troot\t_\t_\n"  // head not a number
      "\n"
      "1\tOK\tok\tINTJ\tUH\t_\t0\troot\t_\t_\n";
  std::vector<std::string> errors;
  const auto s = ReadAll(text, &errors);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0], "t.conllu:2: ID 3 out of sequence (expected 2)");
  EXPECT_EQ(errors[1], "t.conllu:4: expected 10 tab-separated columns");
  EXPECT_EQ(errors[2], "t.conllu:6: HEAD 7 of word 1 is past the sentence's last word");
  EXPECT_EQ(errors[3], "t.conllu:8: bad HEAD 'x'");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].form, "OK");
}

TEST(Conllu, UnderscoreHeadMeansNotGivenAndCrLfIsAccepted) {
  std::vector<std::string> errors;
  const auto s = ReadAll("1\tHi\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\n", &errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].words[0].head, -1);
}

TEST(Conllu, RefusesOverlongSentences) {
  std::string text;
  for (size_t i = 1; i <= kMaxConlluWords + 1; ++i) {
    text += std::to_string(i) + "\tw\t_\t_\t_\t_\t_\t_\t_\t_\n";
  }
  std::vector<std::string> errors;
  EXPECT_TRUE(ReadAll(text, &errors).empty());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("longer than"), std::string::npos);
}

}  // namespace
}  // namespace annals::syntax
