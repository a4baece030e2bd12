// Tests for the date scanner behind wire datelines and published fields.
#include <gtest/gtest.h>

#include <string>

#include "ingest/ingest_internal.h"

namespace annals::internal {
namespace {

std::string Iso(std::string_view s) {
  PublishedTime t;
  return ParseAnyDate(s, &t) ? t.ToIso() : "none";
}

TEST(WireDate, ReadsSeedDateline) {
  EXPECT_EQ(Iso("Tuesday 26 March 2024 - 22:16"), "2024-03-26T22:16");
}

TEST(WireDate, WeekdayIsOptional) { EXPECT_EQ(Iso("26 March 2024 - 22:16"), "2024-03-26T22:16"); }

TEST(WireDate, MonthFirstWithComma) {
  EXPECT_EQ(Iso("March 26, 2024"), "2024-03-26");
  EXPECT_EQ(Iso("Tue, Mar 26, 2024 at 10:16 pm"), "2024-03-26T22:16");
}

TEST(WireDate, ShortMonthAndSeconds) {
  EXPECT_EQ(Iso("26 Mar 2024 22:16:05"), "2024-03-26T22:16:05");
}

TEST(WireDate, ZonesNamedAndNumeric) {
  EXPECT_EQ(Iso("Tue, 26 Mar 2024 22:16:00 GMT"), "2024-03-26T22:16:00Z");
  EXPECT_EQ(Iso("26 March 2024 - 22:16 +0300"), "2024-03-26T22:16+03:00");
  EXPECT_EQ(Iso("26 March 2024 22:16 UTC+03:30"), "2024-03-26T22:16+03:30");
  EXPECT_EQ(Iso("26 March 2024 22:16 EST"), "2024-03-26T22:16-05:00");
}

// A number after a local zone name is the offset meant, not an addition.
TEST(WireDate, NumberAfterZoneNameIsTheOffset) {
  EXPECT_EQ(Iso("26 March 2024 22:16 EST-0500"), "2024-03-26T22:16-05:00");
  EXPECT_EQ(Iso("26 March 2024 22:16 CEST+0200"), "2024-03-26T22:16+02:00");
  EXPECT_EQ(Iso("26 March 2024 22:16 GMT+2"), "2024-03-26T22:16+02:00");
}

TEST(WireDate, IsoWithSpacedZone) {
  EXPECT_EQ(Iso("2024-03-26 22:16:00 UTC"), "2024-03-26T22:16:00Z");
  EXPECT_EQ(Iso("2024-03-26 22:16:00 +0000"), "2024-03-26T22:16:00Z");
  EXPECT_EQ(Iso("2024-03-26 22:16:00.250 EST"), "2024-03-26T22:16:00-05:00");
}

TEST(WireDate, IsoWithHourOnlyOffset) {
  EXPECT_EQ(Iso("2024-03-26T22:16:00-05"), "2024-03-26T22:16:00-05:00");
  EXPECT_EQ(Iso("2024-02-30T22:16:00-05"), "none");
}

TEST(WireDate, Rfc2822WithTrailingComment) {
  EXPECT_EQ(Iso("Tue, 26 Mar 2024 22:16:00 -0500 (EST)"), "2024-03-26T22:16:00-05:00");
  EXPECT_EQ(Iso("Tue, 26 Mar 2024 22:16:00 -0500 (EST"), "none");
}

TEST(WireDate, AmPmDotted) { EXPECT_EQ(Iso("March 26, 2024, 12:05 a.m."), "2024-03-26T00:05"); }

TEST(WireDate, IsoForms) {
  EXPECT_EQ(Iso("2024-03-26"), "2024-03-26");
  EXPECT_EQ(Iso("2024-03-26T22:16:00.123Z"), "2024-03-26T22:16:00Z");
}

TEST(WireDate, RejectsImpossibleDates) {
  EXPECT_EQ(Iso("30 February 2024"), "none");
  EXPECT_EQ(Iso("26 March 2024 - 25:10"), "none");
  EXPECT_EQ(Iso("29 Feb 2023"), "none");
  EXPECT_EQ(Iso("29 Feb 2024"), "2024-02-29");
}

TEST(WireDate, RejectsTextAroundTheDate) {
  EXPECT_EQ(Iso("On 26 March 2024 talks began"), "none");
  EXPECT_EQ(Iso("26 March 2024 talks"), "none");
  EXPECT_EQ(Iso("yesterday"), "none");
  EXPECT_EQ(Iso(""), "none");
}

TEST(WireDate, DatelineLineIsShort) {
  EXPECT_TRUE(IsDatelineLine("  Tuesday 26 March 2024 - 22:16  "));
  EXPECT_FALSE(IsDatelineLine("Blinken Tells Gallant US Still Opposed"));
}

TEST(WireDate, UnparseablePublishedKeptRaw) {
  Document doc;
  SetPublished("sometime \"soon\"", doc);
  EXPECT_FALSE(doc.published.has_value());
  ASSERT_EQ(doc.metadata.size(), 1u);
  EXPECT_EQ(doc.metadata[0].first, "published_raw");
  EXPECT_EQ(doc.metadata[0].second, "\"sometime \\\"soon\\\"\"");
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].stage, "ingest");
}

}  // namespace
}  // namespace annals::internal
