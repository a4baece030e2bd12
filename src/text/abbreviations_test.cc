// Tests for the abbreviation and sentence-starter lists.
#include "text/abbreviations.h"

#include <gtest/gtest.h>

namespace annals::internal {
namespace {

TEST(SegmentAbbreviations, TitlesNeverEnd) {
  EXPECT_EQ(LookupAbbreviation("Gen"), AbbrevKind::kNeverEnds);
  EXPECT_EQ(LookupAbbreviation("Mrs"), AbbrevKind::kNeverEnds);
}

TEST(SegmentAbbreviations, CountryAndMonthMayEnd) {
  EXPECT_EQ(LookupAbbreviation("U.S"), AbbrevKind::kMayEnd);
  EXPECT_EQ(LookupAbbreviation("Sept"), AbbrevKind::kMayEnd);
}

TEST(SegmentAbbreviations, AllCapsFormMatches) {
  EXPECT_EQ(LookupAbbreviation("ST"), AbbrevKind::kMayEnd);
}

TEST(SegmentAbbreviations, LowerCaseFormOfCapitalisedEntryDoesNotMatch) {
  EXPECT_EQ(LookupAbbreviation("no"), AbbrevKind::kNone);
  EXPECT_EQ(LookupAbbreviation("mar"), AbbrevKind::kNone);
}

TEST(SegmentAbbreviations, UnknownWordIsNone) {
  EXPECT_EQ(LookupAbbreviation("said"), AbbrevKind::kNone);
  EXPECT_EQ(LookupAbbreviation(""), AbbrevKind::kNone);
}

TEST(SegmentAbbreviations, SentenceStarters) {
  EXPECT_TRUE(IsSentenceStarter("The"));
  EXPECT_TRUE(IsSentenceStarter("But"));
  EXPECT_FALSE(IsSentenceStarter("State"));
  EXPECT_FALSE(IsSentenceStarter("the"));
}

}  // namespace
}  // namespace annals::internal
