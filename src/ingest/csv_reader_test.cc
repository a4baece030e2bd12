// Tests for the CSV reader and ParseCsvMap.
#include <gtest/gtest.h>

#include <string>

#include "annals/ingest.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

using internal::CollectingSink;

CollectingSink ReadCsv(std::string_view bytes, const ReadOptions& options = ReadOptions{}) {
  CollectingSink sink;
  ReadCsv(bytes, "data/news.csv", options, sink);
  return sink;
}

TEST(Csv, MapsColumnsByNameCaseInsensitive) {
  CollectingSink sink = ReadCsv(
      "ID,Headline,Date,Body,Link,Outlet,category\n"
      "n1,Talks,2024-03-26,Envoys met.,https://e.org/1,Example,politics\n");
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "n1");
  EXPECT_TRUE(d.origin.id_given);
  EXPECT_EQ(d.title, "Talks");
  EXPECT_EQ(d.published->ToIso(), "2024-03-26");
  EXPECT_EQ(d.text, "Envoys met.");
  EXPECT_EQ(d.url, "https://e.org/1");
  EXPECT_EQ(d.source, "Example");
  EXPECT_EQ(d.format, "csv");
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.metadata[0].first, "category");
  EXPECT_EQ(d.metadata[0].second, "\"politics\"");
}

TEST(Csv, QuotedFieldsWithEscapesAndNewlines) {
  CollectingSink sink = ReadCsv(
      "text,category\n"
      "\"He said \"\"no\"\", twice.\nThen left.\",world\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "He said \"no\", twice.\nThen left.");
}

TEST(Csv, IdDefaultsToStemAndDataRow) {
  CollectingSink sink = ReadCsv("text\none\n\ntwo\n");
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].id, "news:1");
  EXPECT_EQ(sink.docs[1].id, "news:2");
  EXPECT_FALSE(sink.docs[1].origin.id_given);
  EXPECT_EQ(sink.docs[1].origin.Describe(), "data/news.csv:2");
}

TEST(Csv, CrlfAndBom) {
  CollectingSink sink = ReadCsv("\xEF\xBB\xBFtext,section\r\nfirst,a\r\n\"sec\r\nond\",b\r\n");
  ASSERT_EQ(sink.docs.size(), 2u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].text, "first");
  EXPECT_EQ(sink.docs[0].metadata.at(0).first, "section");
  EXPECT_EQ(sink.docs[1].text, "sec\r\nond");
}

TEST(Csv, RaggedRowIsAnErrorForThatRow) {
  CollectingSink sink = ReadCsv("text,section\nfine,a\nbroken\nalso fine,b\n");
  ASSERT_EQ(sink.docs.size(), 2u);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadCsv);
  EXPECT_EQ(sink.errors[0].origin.record, 2u);
}

TEST(Csv, UnterminatedQuoteStopsTheFile) {
  CollectingSink sink = ReadCsv("text\nfine\n\"never closed\nmore\nand more\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.errors.size(), 1u);
  const std::string line = sink.errors[0].Describe();
  EXPECT_TRUE(line.starts_with("data/news.csv:2: [E008] unterminated quoted field")) << line;
  EXPECT_NE(line.find("line 3"), std::string::npos) << line;
}

TEST(Csv, EmptyTextIsEmptyDocument) {
  CollectingSink sink = ReadCsv("text,title\n  ,T\n");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
}

TEST(Csv, InvalidUtf8PerRecord) {
  CollectingSink sink = ReadCsv("text\nbad \xE2\x28\xA1\ngood\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kInvalidUtf8);
  EXPECT_EQ(sink.errors[0].status.message(),
            "invalid UTF-8 at byte 9 (Latin-1 or Windows-1252 text?)");
}

TEST(Csv, DuplicateHeaderNamesMadeUnique) {
  CollectingSink sink = ReadCsv("text,category,Category ,category_2,category\nT.,a,b,c,d\n");
  ASSERT_EQ(sink.docs.size(), 1u);
  const auto& m = sink.docs[0].metadata;
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0], std::make_pair(std::string("category"), std::string("\"a\"")));
  EXPECT_EQ(m[1].first, "Category");
  EXPECT_EQ(m[2].first, "category_2");
  EXPECT_EQ(m[3], std::make_pair(std::string("category_3"), std::string("\"d\"")));
}

TEST(Csv, HeaderOnlyIsOneError) {
  for (const char* bytes : {"text,title\n", "text,title\r\n\r\n\n"}) {
    CollectingSink sink = ReadCsv(bytes);
    ASSERT_EQ(sink.errors.size(), 1u);
    EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
    EXPECT_EQ(sink.errors[0].origin.record, 0u);
  }
}

TEST(Csv, OversizedRowRefusedAndReadingGoesOn) {
  ReadOptions options;
  options.max_document_bytes = 64;
  CollectingSink sink = ReadCsv("text,title\n\"" + std::string(100, 'a') + "\",T\nok,T\n", options);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(sink.errors[0].status.message(), "row is 105 bytes, over the 64-byte limit");
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].text, "ok");
}

TEST(Csv, NoTextColumnRefusesFile) {
  CollectingSink sink = ReadCsv("title,category\nT,c\n");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadCsv);
  EXPECT_TRUE(sink.docs.empty());
}

TEST(Csv, CsvMapOverridesDefaults) {
  ReadOptions options;
  std::string error;
  ASSERT_TRUE(ParseCsvMap("text=article_body, title=head", &options.csv_map, &error));
  CollectingSink sink = ReadCsv("body,article_body,head\nteaser,The full story.,H\n", options);
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].text, "The full story.");
  EXPECT_EQ(sink.docs[0].title, "H");
  ASSERT_EQ(sink.docs[0].metadata.size(), 1u);
  EXPECT_EQ(sink.docs[0].metadata[0].first, "body");
}

TEST(Csv, CsvMapNamingMissingColumnIsError) {
  ReadOptions options;
  options.csv_map = {{"text", "nope"}};
  CollectingSink sink = ReadCsv("text\nx\n", options);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_NE(sink.errors[0].status.message().find("nope"), std::string::npos);
}

TEST(Csv, ParseCsvMapRejectsBadSpecs) {
  CsvMap map;
  std::string error;
  EXPECT_FALSE(ParseCsvMap("colour=x", &map, &error));
  EXPECT_NE(error.find("colour"), std::string::npos);
  EXPECT_FALSE(ParseCsvMap("text", &map, &error));
  EXPECT_FALSE(ParseCsvMap("text=", &map, &error));
  EXPECT_FALSE(ParseCsvMap("text=a,text=b", &map, &error));
  EXPECT_FALSE(ParseCsvMap("", &map, &error));
  ASSERT_TRUE(ParseCsvMap("published=when,url=link", &map, &error));
  EXPECT_EQ(map.size(), 2u);
  EXPECT_EQ(map[0], std::make_pair(std::string("published"), std::string("when")));
  ASSERT_TRUE(ParseCsvMap("date=when,body=story", &map, &error)) << error;
  EXPECT_EQ(map[0].first, "published");
  EXPECT_EQ(map[1].first, "text");
}

TEST(Csv, ReadsBbcCorpus) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
  const std::string dir = shared + "/corpora/bbc-news";
  CollectingSink sink;
  ReadPaths({dir + "/train.csv", dir + "/val.csv", dir + "/test.csv"}, ReadOptions{}, sink);
  EXPECT_TRUE(sink.errors.empty()) << ::testing::PrintToString(sink.ErrorLines());
  ASSERT_EQ(sink.docs.size(), 2225u);
  size_t train = 0;
  for (const Document& d : sink.docs) train += d.origin.path.ends_with("train.csv");
  EXPECT_EQ(train, 1557u);
  EXPECT_EQ(sink.docs[0].metadata.at(0).first, "category");
  EXPECT_EQ(sink.docs[0].id, "train:1");
}

}  // namespace
}  // namespace annals
