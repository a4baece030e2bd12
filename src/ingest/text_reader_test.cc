// Tests for the wire story and plain text readers.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

using internal::CollectingSink;

constexpr char kWire[] =
    "Monday 4 November 2024 - 09:30\n"
    "\n"
    "Envoys Meet in Doha as Truce Talks Resume\n"
    "\n"
    "Story Code : 778812\n"
    "Envoys Meet in Doha as Truce Talks Resume\n"
    "DOHA (annals) - Mediators met negotiators on Monday.\n"
    "\n"
    "A second round is planned for Thursday.\n";

CollectingSink ReadWire(std::string_view bytes, const std::string& path = "dir/w1.txt") {
  CollectingSink sink;
  ReadWireText(bytes, path, ReadOptions{}, sink);
  return sink;
}

CollectingSink ReadText(std::string_view bytes, const std::string& path = "dir/t1.txt") {
  CollectingSink sink;
  ReadPlainText(bytes, path, ReadOptions{}, sink);
  return sink;
}

TEST(Wire, ReadsHeaderFields) {
  CollectingSink sink = ReadWire(kWire);
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "w1");
  EXPECT_EQ(d.format, "wire");
  EXPECT_EQ(d.title, "Envoys Meet in Doha as Truce Talks Resume");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToIso(), "2024-11-04T09:30");
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.metadata[0].first, "story_code");
  EXPECT_EQ(d.metadata[0].second, "\"778812\"");
}

TEST(Wire, DropsRepeatedHeadline) {
  CollectingSink sink = ReadWire(kWire);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text,
            "DOHA (annals) - Mediators met negotiators on Monday.\n\n"
            "A second round is planned for Thursday.");
}

TEST(Wire, BodyDatelineSetsPlaceAndKeepsText) {
  CollectingSink sink = ReadWire(kWire);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].dateline_place, "DOHA");
  EXPECT_TRUE(sink.docs[0].text.starts_with("DOHA (annals) -"));
}

TEST(Wire, StoryCodeSpacingAndCaseTolerated) {
  CollectingSink sink = ReadWire("March 26, 2024\nHeadline here\nSTORY  CODE:42\nBody text.\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].metadata.at(0).second, "\"42\"");
  EXPECT_EQ(sink.docs[0].text, "Body text.");
  EXPECT_EQ(sink.docs[0].published->ToIso(), "2024-03-26");
}

TEST(Wire, WorksWithoutStoryCode) {
  CollectingSink sink = ReadWire("26 Mar 2024 22:16 GMT\r\nHeadline\r\n\r\nBody.\r\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "Headline");
  EXPECT_EQ(sink.docs[0].text, "Body.");
  EXPECT_TRUE(sink.docs[0].metadata.empty());
  EXPECT_EQ(sink.docs[0].published->ToIso(), "2024-03-26T22:16Z");
}

// A headline with nothing under it is all the story says: kept as text.
TEST(Wire, HeadlineOnlyBecomesTheText) {
  CollectingSink sink = ReadWire("26 Mar 2024\nHeadline\nStory Code : 1\n");
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].text, "Headline");
  EXPECT_EQ(sink.docs[0].title, "");
  EXPECT_EQ(sink.docs[0].metadata.at(0).second, "\"1\"");
}

TEST(Wire, DatelineOnlyIsEmptyDocument) {
  CollectingSink sink = ReadWire("26 Mar 2024\n\nStory Code : 1\n");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
}

TEST(Wire, StoryCodeAnywhereInTheHeader) {
  for (const char* bytes : {"26 Mar 2024\nStory Code : 7\nHeadline\nBody text here\n",
                            "26 Mar 2024\nHeadline\nHeadline\nStory Code : 7\nBody text here\n"}) {
    CollectingSink sink = ReadWire(bytes);
    ASSERT_EQ(sink.docs.size(), 1u) << bytes;
    EXPECT_EQ(sink.docs[0].title, "Headline") << bytes;
    EXPECT_EQ(sink.docs[0].text, "Body text here") << bytes;
    EXPECT_EQ(sink.docs[0].metadata.at(0).second, "\"7\"") << bytes;
  }
}

TEST(Wire, RepeatedHeadlineMatchedIgnoringCaseAndSpaces) {
  CollectingSink sink =
      ReadWire("26 Mar 2024\nEnvoys Meet in Doha\nENVOYS  MEET IN\tdoha\nBody text.\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "Envoys Meet in Doha");
  EXPECT_EQ(sink.docs[0].text, "Body text.");
}

// After a dateline, a line that reads as a paragraph is the body's start,
// not a headline.
TEST(Wire, LeadParagraphAfterDatelineIsBody) {
  const std::string long_line(160, 'x');
  for (const std::string& lead :
       {std::string("Envoys met in Doha on Monday."), std::string("Will talks resume?"),
        std::string("\"We will return,\" he said.\""), long_line}) {
    CollectingSink sink = ReadWire("26 Mar 2024 - 09:30\n\n" + lead + "\n\nMore text.\n");
    ASSERT_EQ(sink.docs.size(), 1u) << lead;
    EXPECT_EQ(sink.docs[0].title, "") << lead;
    EXPECT_EQ(sink.docs[0].text, lead + "\n\nMore text.") << lead;
  }
}

TEST(Wire, ReadsSeedStory) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
  const std::string path = shared + "/seeds/000_1b7eb2aa31f96f21.txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  CollectingSink sink;
  ParseBuffer(buf.str(), path, Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.format, "wire");
  EXPECT_EQ(d.id, "000_1b7eb2aa31f96f21");
  EXPECT_EQ(d.published->ToIso(), "2024-03-26T22:16");
  EXPECT_EQ(d.title, "Blinken Reportedly Tells Gallant US Still Opposed to Rafah Invasion");
  EXPECT_EQ(d.metadata.at(0).first, "story_code");
  EXPECT_EQ(d.metadata.at(0).second, "\"1125138\"");
  EXPECT_EQ(d.text.find(d.title), std::string::npos) << "headline kept in body";
  EXPECT_TRUE(d.text.starts_with("The city in southern Gaza"));
}

TEST(Wire, BodyDatelineForms) {
  EXPECT_EQ(internal::BodyDatelinePlace("GAZA CITY (Reuters) - Strikes hit."), "GAZA CITY");
  EXPECT_EQ(internal::BodyDatelinePlace("WASHINGTON, March 25 (AP) -- Talks."), "WASHINGTON");
  EXPECT_EQ(internal::BodyDatelinePlace("KYIV, Ukraine (AP) \xE2\x80\x94 Sirens."), "KYIV");
  EXPECT_EQ(internal::BodyDatelinePlace("PORT-AU-PRINCE - Gangs."), "PORT-AU-PRINCE");
  EXPECT_EQ(internal::BodyDatelinePlace("A UN official said - nothing."), "");
  EXPECT_EQ(internal::BodyDatelinePlace("The city (pop. 2m) - quiet."), "");
}

TEST(PlainText, WholeTextWhenNoTitle) {
  CollectingSink sink = ReadText("  Talks resumed in Doha. Both sides sent envoys.\n\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].id, "t1");
  EXPECT_EQ(sink.docs[0].format, "text");
  EXPECT_EQ(sink.docs[0].title, "");
  EXPECT_EQ(sink.docs[0].text, "Talks resumed in Doha. Both sides sent envoys.");
}

TEST(PlainText, ShortFirstLineBeforeBlankIsTitle) {
  CollectingSink sink = ReadText("Aid Convoy Reaches Town\n\nTrucks arrived on Sunday.\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "Aid Convoy Reaches Town");
  EXPECT_EQ(sink.docs[0].text, "Trucks arrived on Sunday.");
}

TEST(PlainText, FirstLineWithPeriodIsNotTitle) {
  CollectingSink sink = ReadText("Trucks arrived.\n\nMore came later.\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "");
  EXPECT_EQ(sink.docs[0].text, "Trucks arrived.\n\nMore came later.");
}

TEST(PlainText, SentenceEndingsWithQuotesAreNotTitles) {
  for (const char* first : {"He said no!", "Was it?", "And then\xE2\x80\xA6", "\"We will return.\"",
                            "\xE2\x80\x9CWe will return!\xE2\x80\x9D",
                            "\xE2\x80\x98"
                            "Enough.\xE2\x80\x99"}) {
    CollectingSink sink = ReadText(std::string(first) + "\n\nMore came later.\n");
    ASSERT_EQ(sink.docs.size(), 1u) << first;
    EXPECT_EQ(sink.docs[0].title, "") << first;
  }
}

TEST(PlainText, BodyDatelineLineIsNotTitle) {
  CollectingSink sink = ReadText("GAZA CITY (Reuters) - Strikes hit overnight\n\nMore later.\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "");
  EXPECT_EQ(sink.docs[0].dateline_place, "GAZA CITY");
}

TEST(PlainText, FirstLineWithoutBlankAfterIsNotTitle) {
  CollectingSink sink = ReadText("Aid Convoy Reaches Town\nTrucks arrived.\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].title, "");
}

TEST(PlainText, InvalidUtf8RefusedWithOffset) {
  CollectingSink sink = ReadText("Bad \xFF\xFE bytes in the middle.\n", "bad.txt");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_TRUE(sink.docs.empty());
  EXPECT_EQ(sink.errors[0].Describe(),
            "bad.txt: [E003] invalid UTF-8 at byte 4 (Latin-1 or Windows-1252 text?)");
}

TEST(PlainText, EncodingHintOnlyForLoneHighBytes) {
  EXPECT_EQ(ReadText("Caf\xE9"
                     " au lait.")
                .errors.at(0)
                .status.message(),
            "invalid UTF-8 at byte 3 (Latin-1 or Windows-1252 text?)");
  EXPECT_EQ(ReadText("Cut \xE2\x80").errors.at(0).status.message(), "invalid UTF-8 at byte 4");
  EXPECT_EQ(ReadText("Stray \x85 byte").errors.at(0).status.message(), "invalid UTF-8 at byte 6");
}

TEST(PlainText, NulBytesRefused) {
  CollectingSink sink = ReadText(std::string("Binary\0junk\0here\n", 17));
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kNulBytes);
  EXPECT_NE(sink.errors[0].status.message().find("byte 6"), std::string::npos);
}

TEST(PlainText, ControlBytesAreBinary) {
  std::string bytes(200, 'a');
  for (int i = 0; i < 40; ++i) bytes[i * 5] = '\x01';
  CollectingSink sink = ReadText(bytes);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBinary);
}

TEST(PlainText, WhiteSpaceOnlyIsEmpty) {
  CollectingSink sink = ReadText("   \n\n\t \xC2\xA0\n");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
}

TEST(PlainText, FiftyMegabytesIsTooLarge) {
  const std::string huge(size_t{50} << 20, 'a');
  CollectingSink sink = ReadText(huge, "huge.txt");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].Describe(),
            "huge.txt: [E006] document is 52428800 bytes, over the 8388608-byte limit");
}

TEST(PlainText, BomStrippedAndNonAsciiKept) {
  CollectingSink sink = ReadText("\xEF\xBB\xBFS\xC3\xA3o Paulo talks \u2014 day two.");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "S\xC3\xA3o Paulo talks \u2014 day two.");
}

}  // namespace
}  // namespace annals
