// Tests for DetectFormat and ParseBuffer.
#include <gtest/gtest.h>

#include <string>

#include "annals/ingest.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

using internal::CollectingSink;

TEST(Detect, ExtensionsDecide) {
  EXPECT_EQ(DetectFormat("a/feed.jsonl", "anything"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("feed.NDJSON", ""), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("table.csv", "{\"text\": 1}"), Format::kCsv);
}

TEST(Detect, JsonFileNeedsAnObject) {
  EXPECT_EQ(DetectFormat("x.json", "  {\"text\": \"a\"}\n"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("x.json", "[{\"text\": \"a\"}]"), Format::kAuto);
}

TEST(Detect, SniffsJsonLinesInTxt) {
  EXPECT_EQ(DetectFormat("x.txt", "\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("", "{not json at all}\n"), Format::kText);
}

// The start of the first record decides, so a record longer than the
// 4 KiB head is JSON Lines whatever comes before it.
TEST(Detect, LongFirstRecordAfterBomOrBlankLinesIsJsonLines) {
  const std::string record = "{\"text\": \"" + std::string(5000, 'a') + "\"}\n";
  for (const std::string& lead :
       {std::string("\xEF\xBB\xBF"), std::string("\n\n"), std::string("\xEF\xBB\xBF\r\n  \n")}) {
    EXPECT_EQ(DetectFormat("-", lead + record), Format::kJsonLines);
    EXPECT_EQ(DetectFormat("x.txt", lead + record), Format::kJsonLines);
    CollectingSink sink;
    ParseBuffer(lead + record, "-", Format::kAuto, ReadOptions{}, sink);
    ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_EQ(sink.docs[0].format, "jsonl");
  }
}

TEST(Detect, BrokenFirstRecordIsStillJsonLines) {
  const std::string bytes = "{\"text\": \"cut off\n{\"text\": \"Fine.\"}\n";
  EXPECT_EQ(DetectFormat("-", bytes), Format::kJsonLines);
  CollectingSink sink;
  ParseBuffer(bytes, "-", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(sink.errors[0].origin.record, 1u);
  ASSERT_EQ(sink.docs.size(), 1u);
}

TEST(Detect, JsonArrayOnStandardInputIsRefused) {
  EXPECT_EQ(DetectFormat("-", "[{\"text\": \"a\"}]"), Format::kAuto);
  EXPECT_EQ(DetectFormat("", "\n[\n  {\"text\": \"a\"}\n]\n"), Format::kAuto);
  EXPECT_EQ(DetectFormat("-", "[1] is a footnote.\n"), Format::kText);
  CollectingSink sink;
  ParseBuffer("[{\"text\": \"a\"}]", "-", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kUnknownFormat);
  EXPECT_NE(sink.errors[0].status.message().find("not JSON Lines"), std::string::npos);
}

TEST(Detect, CsvHeaderWithTextColumnIsCsv) {
  EXPECT_EQ(DetectFormat("-", "id,title,text\n1,T,Body.\n"), Format::kCsv);
  EXPECT_EQ(DetectFormat("", "\xEF\xBB\xBF\"Headline\",\"Story\"\r\nH,S\r\n"), Format::kCsv);
  EXPECT_EQ(DetectFormat("-", "title,category\nT,c\n"), Format::kText);
  EXPECT_EQ(DetectFormat("-", "Story, body and soul: a review.\n"), Format::kText);
  // A .txt file is prose even when its first line could be a header.
  EXPECT_EQ(DetectFormat("a.txt", "title,text\nT,Body.\n"), Format::kText);
  CollectingSink sink;
  ParseBuffer("title,text\nT,Body.\n", "-", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].format, "csv");
  EXPECT_EQ(sink.docs[0].title, "T");
}

TEST(Detect, SniffsWireDateline) {
  EXPECT_EQ(DetectFormat("story.txt", "\nTuesday 26 March 2024 - 22:16\n\nHeadline\n"),
            Format::kWire);
  EXPECT_EQ(DetectFormat("story", "March 26, 2024\nHeadline\n"), Format::kWire);
}

TEST(Detect, EverythingElseIsText) {
  EXPECT_EQ(DetectFormat("a.txt", "Talks resumed in Doha on Sunday.\n"), Format::kText);
  EXPECT_EQ(DetectFormat("a.md", "# Notes\n"), Format::kText);
  EXPECT_EQ(DetectFormat("", ""), Format::kText);
}

TEST(Detect, ParseBufferDispatches) {
  CollectingSink sink;
  ParseBuffer("{\"id\": \"x\", \"text\": \"Hello.\"}\n", "-", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].format, "jsonl");
  EXPECT_EQ(sink.docs[0].origin.path, "-");
}

TEST(Detect, ForcedFormatWins) {
  CollectingSink sink;
  ParseBuffer("{\"text\": \"Hello.\"}\n", "a.jsonl", Format::kText, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].format, "text");
}

TEST(Detect, JsonArrayFileIsUnknownFormat) {
  CollectingSink sink;
  ParseBuffer("[{\"text\": \"a\"}]", "x.json", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kUnknownFormat);
}

TEST(Detect, BinaryJsonLinesRefusedWhole) {
  std::string bytes = "{\"text\": \"a\"}\n";
  bytes += std::string(100, '\x02');
  CollectingSink sink;
  ParseBuffer(bytes, "b.jsonl", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBinary);
  EXPECT_TRUE(sink.docs.empty());
}

// With or without a byte order mark, UTF-16 is named as such by every
// reader rather than reported as NUL bytes or binary data.
TEST(Detect, Utf16IsNamedInEveryReader) {
  const std::string le_bom("\xFF\xFEH\0i\0 \0t\0h\0e\0r\0e\0.\0", 20);
  const std::string be_bare("\0H\0i\0 \0t\0h\0e\0r\0e\0.", 18);
  for (const std::string& bytes : {le_bom, be_bare}) {
    for (const Format f :
         {Format::kAuto, Format::kWire, Format::kText, Format::kJsonLines, Format::kCsv}) {
      CollectingSink sink;
      ParseBuffer(bytes, "u.txt", f, ReadOptions{}, sink);
      ASSERT_EQ(sink.errors.size(), 1u) << FormatName(f);
      EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kInvalidUtf8) << FormatName(f);
      EXPECT_NE(sink.errors[0].status.message().find("UTF-16"), std::string::npos)
          << sink.errors[0].Describe();
    }
  }
}

TEST(Detect, EmptyJsonFileHasNoRecords) {
  CollectingSink sink;
  ParseBuffer(" \n", "x.json", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
}

TEST(Detect, PrettyPrintedJsonIsOneError) {
  for (const char* name : {"x.json", "x.jsonl", "-"}) {
    CollectingSink sink;
    ParseBuffer("{\n  \"text\": \"a\",\n  \"id\": \"b\"\n}\n", name, Format::kAuto, ReadOptions{},
                sink);
    ASSERT_EQ(sink.errors.size(), 1u) << name << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_EQ(
        sink.errors[0].Describe(),
        std::string(name) + ": [E007] pretty-printed JSON: JSON Lines needs one object per line");
  }
}

TEST(Detect, FileOverFileLimitRefused) {
  ReadOptions options;
  options.max_file_bytes = 10;
  CollectingSink sink;
  ParseBuffer("text\none\ntwo\nthree\n", "a.csv", Format::kAuto, options, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kTooLarge);
}

TEST(Detect, FormatNamesRoundTrip) {
  for (Format f : {Format::kAuto, Format::kWire, Format::kText, Format::kJsonLines, Format::kCsv}) {
    Format back = Format::kAuto;
    ASSERT_TRUE(ParseFormatName(FormatName(f), &back));
    EXPECT_EQ(back, f);
  }
  Format f;
  EXPECT_FALSE(ParseFormatName("xml", &f));
}

}  // namespace
}  // namespace annals
