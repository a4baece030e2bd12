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

TEST(Detect, Utf16IsInvalidUtf8) {
  CollectingSink sink;
  ParseBuffer(std::string("\xFF\xFEH\0i\0", 6), "u.txt", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_NE(sink.errors[0].status.code(), ErrorCode::kOk);
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
