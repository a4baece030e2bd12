// Tests for the paragraph rules of tokenize.v2.
#include "text/paragraphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals {
namespace {

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<Paragraph> ps;
  internal::FindParagraphs(text, &ps);
  std::vector<std::string> out;
  for (const Paragraph& p : ps) out.push_back(text.substr(p.span.begin, p.span.size()));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizeParagraphs, BlankLineEndsParagraph) {
  EXPECT_EQ(Paragraphs("one line that goes on\n\nand another"),
            (V{"one line that goes on", "and another"}));
}

TEST(TokenizeParagraphs, WhitespaceOnlyLineCountsAsBlank) {
  EXPECT_EQ(Paragraphs("First part, with more words than a heading has\n  \t\nSecond"),
            (V{"First part, with more words than a heading has", "Second"}));
}

TEST(TokenizeParagraphs, SingleBreakAfterSentenceEnds) {
  EXPECT_EQ(Paragraphs("He left the building after the long meeting.\nShe stayed."),
            (V{"He left the building after the long meeting.", "She stayed."}));
}

TEST(TokenizeParagraphs, SingleBreakAfterClosingQuoteEnds) {
  EXPECT_EQ(Paragraphs("He said the talks would go on for some time.\"\nThen"),
            (V{"He said the talks would go on for some time.\"", "Then"}));
}

TEST(TokenizeParagraphs, HardWrappedLinesJoin) {
  const std::string text =
      "The minister said on Tuesday that the government would review the\n"
      "policy before the end of the year, officials confirmed.";
  EXPECT_EQ(Paragraphs(text), (V{text}));
}

TEST(TokenizeParagraphs, ShortHeadingLineEnds) {
  EXPECT_EQ(Paragraphs("Story Code : 1125138\nThe city is large."),
            (V{"Story Code : 1125138", "The city is large."}));
}

TEST(TokenizeParagraphs, TitleCaseHeadlineEnds) {
  EXPECT_EQ(Paragraphs("Blinken Reportedly Tells Gallant US Still Opposed to Rafah Invasion\n"
                       "The city in southern Gaza is full."),
            (V{"Blinken Reportedly Tells Gallant US Still Opposed to Rafah Invasion",
               "The city in southern Gaza is full."}));
}

TEST(TokenizeParagraphs, LowerCaseNextLineContinues) {
  EXPECT_EQ(Paragraphs("He met officials from the U.S.\nadministration on Monday."),
            (V{"He met officials from the U.S.\nadministration on Monday."}));
}

TEST(TokenizeParagraphs, LineEndingInCommaContinues) {
  EXPECT_EQ(Paragraphs("Short line,\nNext part"), (V{"Short line,\nNext part"}));
}

TEST(TokenizeParagraphs, TrimsSpacesAtEdges) {
  EXPECT_EQ(Paragraphs("  \n  Indented text.  \n\n"), (V{"Indented text."}));
}

TEST(TokenizeParagraphs, BreakAfterTitleOrInitialIsHardWrapping) {
  EXPECT_EQ(Paragraphs("The envoy will travel on Sunday to meet Mr.\nJones in the capital."),
            (V{"The envoy will travel on Sunday to meet Mr.\nJones in the capital."}));
  EXPECT_EQ(Paragraphs("Protesters gathered on Friday outside the U.S.\nEmbassy in Kabul."),
            (V{"Protesters gathered on Friday outside the U.S.\nEmbassy in Kabul."}));
  EXPECT_EQ(Paragraphs("The award went to the author George R.\nMartin last year."),
            (V{"The award went to the author George R.\nMartin last year."}));
  EXPECT_EQ(
      Paragraphs("The army said it would now follow what it called Plan B.\nThe talks ended."),
      (V{"The army said it would now follow what it called Plan B.", "The talks ended."}));
  EXPECT_EQ(Paragraphs("Officials said the money would come from the U.S.\nThe talks ended."),
            (V{"Officials said the money would come from the U.S.", "The talks ended."}));
}

TEST(TokenizeParagraphs, DatelineEndingInDashContinues) {
  EXPECT_EQ(Paragraphs("WASHINGTON (AP) \xE2\x80\x94\nThe president said no."),
            (V{"WASHINGTON (AP) \xE2\x80\x94\nThe president said no."}));
  EXPECT_EQ(Paragraphs("LONDON (Wire) \xE2\x80\x93\nThe talks ended."),
            (V{"LONDON (Wire) \xE2\x80\x93\nThe talks ended."}));
}

TEST(TokenizeParagraphs, NonAsciiSpacesAreBlankAndTrimmed) {
  EXPECT_EQ(
      Paragraphs("First part, with more words than a heading has\n\xC2\xA0\xE2\x80\x89\nSecond"),
      (V{"First part, with more words than a heading has", "Second"}));
  EXPECT_EQ(Paragraphs("\xC2\xA0Indented text.\xE2\x80\x83"), (V{"Indented text."}));
}

TEST(TokenizeParagraphs, EmptyTextHasNoParagraphs) {
  EXPECT_TRUE(Paragraphs("").empty());
  EXPECT_TRUE(Paragraphs("\n\n \n").empty());
}

}  // namespace
}  // namespace annals
