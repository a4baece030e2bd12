// Tests for the JSON Lines reader.
#include <gtest/gtest.h>

#include <string>

#include "annals/ingest.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

using internal::CollectingSink;

CollectingSink ReadJsonl(std::string_view bytes, const ReadOptions& options = ReadOptions{}) {
  CollectingSink sink;
  ReadJsonLines(bytes, "in/feed.jsonl", options, sink);
  return sink;
}

TEST(JsonLines, MapsKnownFields) {
  CollectingSink sink = ReadJsonl(
      R"({"id": "a1", "url": "https://example.org/a1", "source": "Example Wire", )"
      R"("published": "2024-03-26T22:16:00+02:00", "title": "Talks", "text": " Envoys met. "})"
      "\n");
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.url, "https://example.org/a1");
  EXPECT_EQ(d.source, "Example Wire");
  EXPECT_EQ(d.published->ToIso(), "2024-03-26T22:16:00+02:00");
  EXPECT_EQ(d.title, "Talks");
  EXPECT_EQ(d.text, "Envoys met.");
  EXPECT_EQ(d.format, "jsonl");
  EXPECT_EQ(d.origin.Describe(), "in/feed.jsonl:1");
  EXPECT_TRUE(d.origin.id_given);
  EXPECT_TRUE(d.metadata.empty());
}

TEST(JsonLines, AcceptsAliases) {
  CollectingSink sink =
      ReadJsonl(R"({"link": "u", "publisher": "P", "pubDate": "Tue, 26 Mar 2024 22:16:00 GMT", )"
                R"("headline": "H", "body": "B."})");
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.url, "u");
  EXPECT_EQ(d.source, "P");
  EXPECT_EQ(d.published->ToIso(), "2024-03-26T22:16:00Z");
  EXPECT_EQ(d.title, "H");
  EXPECT_EQ(d.text, "B.");
}

TEST(JsonLines, BlankAliasGivesWayToTheNext) {
  CollectingSink sink =
      ReadJsonl(R"({"text": "", "content": "The real body.", "title": " ", "headline": "H"})");
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].text, "The real body.");
  EXPECT_EQ(sink.docs[0].title, "H");
}

TEST(JsonLines, NullKnownFieldsAreDropped) {
  CollectingSink sink =
      ReadJsonl(R"({"id": null, "title": null, "published": null, "url": null, "source": null, )"
                R"("link": null, "text": "T.", "extra": null})");
  ASSERT_EQ(sink.docs.size(), 1u);
  const auto& m = sink.docs[0].metadata;
  ASSERT_EQ(m.size(), 1u) << ::testing::PrintToString(m);
  EXPECT_EQ(m[0].first, "extra");
  EXPECT_EQ(sink.docs[0].id, "feed:1");
}

TEST(JsonLines, EmptyFileIsOneError) {
  for (const char* bytes : {"", "\n  \n\r\n", "\xEF\xBB\xBF"}) {
    CollectingSink sink = ReadJsonl(bytes);
    ASSERT_EQ(sink.errors.size(), 1u);
    EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
    EXPECT_EQ(sink.errors[0].origin.record, 0u);
  }
}

TEST(JsonLines, PrettyPrintedJsonIsOneError) {
  CollectingSink sink = ReadJsonl("\n{\n  \"text\": \"a\"\n}\n");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].Describe(),
            "in/feed.jsonl: [E007] pretty-printed JSON: JSON Lines needs one object per line");
}

TEST(JsonLines, UnknownFieldsKeptInInputOrder) {
  CollectingSink sink =
      ReadJsonl(R"({"zeta": 1, "text": "T.", "alpha": {"k": [1, 2]}, "mid": "x"})");
  ASSERT_EQ(sink.docs.size(), 1u);
  const auto& m = sink.docs[0].metadata;
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0], std::make_pair(std::string("zeta"), std::string("1")));
  EXPECT_EQ(m[1], std::make_pair(std::string("alpha"), std::string(R"({"k":[1,2]})")));
  EXPECT_EQ(m[2], std::make_pair(std::string("mid"), std::string("\"x\"")));
}

TEST(JsonLines, IdDefaultsToStemAndLine) {
  CollectingSink sink = ReadJsonl("\n{\"text\": \"one\"}\n\n{\"text\": \"two\"}\n");
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].id, "feed:2");
  EXPECT_EQ(sink.docs[1].id, "feed:4");
  EXPECT_FALSE(sink.docs[1].origin.id_given);
}

TEST(JsonLines, BadLineDoesNotStopTheRest) {
  CollectingSink sink = ReadJsonl(
      "{\"id\": \"j1\", \"text\": \"Fine.\"}\n{oops\n{\"id\": \"j3\", \"text\": \"Also fine.\"}\n");
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[1].id, "j3");
  ASSERT_EQ(sink.errors.size(), 1u);
  const std::string line = sink.errors[0].Describe();
  EXPECT_TRUE(line.starts_with("in/feed.jsonl:2: [E007] not JSON: ")) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(JsonLines, NonObjectIsBadRecord) {
  CollectingSink sink = ReadJsonl("[1, 2]\n\"text\"\n");
  ASSERT_EQ(sink.errors.size(), 2u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadRecord);
  EXPECT_EQ(sink.errors[1].origin.record, 2u);
}

TEST(JsonLines, MissingEmptyOrNonStringText) {
  CollectingSink sink = ReadJsonl("{\"title\": \"x\"}\n{\"text\": \"  \"}\n{\"text\": 5}\n");
  ASSERT_EQ(sink.errors.size(), 3u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadRecord);
  EXPECT_EQ(sink.errors[1].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(sink.errors[2].status.code(), ErrorCode::kBadRecord);
  EXPECT_TRUE(sink.docs.empty());
}

TEST(JsonLines, UnparseableDateKeptRawWithDiagnostic) {
  CollectingSink sink = ReadJsonl(R"({"date": "last week", "text": "T."})");
  ASSERT_EQ(sink.docs.size(), 1u);
  const Document& d = sink.docs[0];
  EXPECT_FALSE(d.published.has_value());
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.metadata[0].first, "published_raw");
  EXPECT_EQ(d.metadata[0].second, "\"last week\"");
  ASSERT_EQ(d.diagnostics.size(), 1u);
  EXPECT_EQ(d.diagnostics[0].code, ErrorCode::kOk);
}

TEST(JsonLines, DayMonthYearDate) {
  CollectingSink sink = ReadJsonl(R"({"publish_date": "26 March 2024", "text": "T."})");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].published->ToIso(), "2024-03-26");
}

TEST(JsonLines, InvalidUtf8AndNulPerRecord) {
  CollectingSink sink = ReadJsonl(
      "{\"text\": \"ok\"}\n{\"text\": \"bad \xC3\x28\"}\n{\"text\": \"nul \\u0000 here\"}\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.errors.size(), 2u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(sink.errors[0].origin.record, 2u);
  EXPECT_EQ(sink.errors[1].status.code(), ErrorCode::kNulBytes);
}

TEST(JsonLines, DeepNestingRefusedBeforeParsing) {
  std::string line = "{\"text\": \"t\", \"x\": ";
  line += std::string(100000, '[');
  CollectingSink sink = ReadJsonl(line);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadJson);
}

TEST(JsonLines, OversizedRecordRefused) {
  ReadOptions options;
  options.max_document_bytes = 64;
  CollectingSink sink =
      ReadJsonl("{\"text\": \"" + std::string(100, 'a') + "\"}\n{\"text\": \"ok\"}\n", options);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(sink.docs.size(), 1u);
}

TEST(JsonLines, CrlfLineEnds) {
  CollectingSink sink = ReadJsonl("{\"text\": \"a\"}\r\n{\"text\": \"b\"}\r\n");
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[1].text, "b");
}

}  // namespace
}  // namespace annals
