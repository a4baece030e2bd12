// Tests for the abbreviation and sentence-starter lists.
#include "text/abbreviations.h"

#include <gtest/gtest.h>

namespace annals::internal {
namespace {

TEST(SegmentAbbreviations, TitlesAreTitles) {
  EXPECT_EQ(LookupAbbreviation("Gen"), AbbrevKind::kTitle);
  EXPECT_EQ(LookupAbbreviation("Mrs"), AbbrevKind::kTitle);
  EXPECT_EQ(LookupAbbreviation("e.g"), AbbrevKind::kNeverEnds);
}

TEST(SegmentAbbreviations, CountryAndMonthMayEnd) {
  EXPECT_EQ(LookupAbbreviation("U.S"), AbbrevKind::kMayEnd);
  EXPECT_EQ(LookupAbbreviation("Sept"), AbbrevKind::kMayEnd);
}

TEST(SegmentAbbreviations, AllCapsFormMatches) {
  EXPECT_EQ(LookupAbbreviation("ST"), AbbrevKind::kMayEnd);
  EXPECT_EQ(LookupAbbreviation("GEN"), AbbrevKind::kTitle);
}

TEST(SegmentAbbreviations, AllCapsFormOnlyForDatelineEntries) {
  EXPECT_EQ(LookupAbbreviation("FT"), AbbrevKind::kNone);
  EXPECT_EQ(LookupAbbreviation("MS"), AbbrevKind::kNone);
}

TEST(SegmentAbbreviations, ClockTimesAndTheirQualifiers) {
  EXPECT_EQ(LookupAbbreviation("a.m"), AbbrevKind::kClockTime);
  EXPECT_TRUE(IsTimeQualifier("Monday"));
  EXPECT_TRUE(IsTimeQualifier("Jan."));
  EXPECT_TRUE(IsTimeQualifier("EDT"));
  EXPECT_FALSE(IsTimeQualifier("Police"));
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
  EXPECT_TRUE(IsClosedClassStarter("Its"));
  EXPECT_FALSE(IsClosedClassStarter("However"));
}

}  // namespace
}  // namespace annals::internal
