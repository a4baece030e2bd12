// A corpus written as a WARC reads back as the same documents, and a copy
// with one record damaged loses that record only: always on a small
// hand-written corpus, and on the BBC corpus when ../shared has it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/ingest.h"
#include "ingest/gzip_stream.h"
#include "ingest/test_sink.h"
#include "ingest/warc_writer.h"

namespace annals {
namespace {

using internal::CollectingSink;

constexpr char kCsv[] =
    "id,title,date,text\n"
    "a1,Envoys meet in Doha,2024-03-25,\"Mediators met negotiators in Doha on Monday.\n\n"
    "A second round is planned for Thursday.\"\n"
    "a2,,2024-03-26T10:00,Aid convoys reached the north of the territory on Tuesday.\n"
    "a3,Budget passes,,\"Parliament passed the budget after a long night, 301 votes to 255.\"\n"
    "a4,Floods,2024-03-27,Floods displaced thousands of families along the river.\n";

void ExpectSame(const std::vector<Document>& want, const std::vector<Document>& got,
                size_t skip = ~size_t{0}) {
  size_t g = 0;
  for (size_t w = 0; w < want.size(); ++w) {
    if (w == skip) continue;
    ASSERT_LT(g, got.size());
    EXPECT_EQ(got[g].id, want[w].id);
    EXPECT_EQ(got[g].title, want[w].title) << want[w].id;
    EXPECT_EQ(got[g].text, want[w].text) << want[w].id;
    EXPECT_EQ(got[g].published.has_value(), want[w].published.has_value()) << want[w].id;
    if (got[g].published && want[w].published) {
      EXPECT_EQ(got[g].published->ToIso(), want[w].published->ToIso());
    }
    EXPECT_EQ(ContentHash(got[g].title, got[g].text), ContentHash(want[w].title, want[w].text));
    ++g;
  }
  EXPECT_EQ(g, got.size());
}

// Writes `docs` as a WARC (gzip per record, or plain), reads it back and
// compares; then damages record `victim` and checks only it is lost.
void RoundTrip(const std::vector<Document>& docs, bool gzip, size_t victim) {
  internal::WarcWriter writer(gzip);
  for (const Document& d : docs) writer.AddDocument(d);
  CollectingSink back;
  ReadWarc(writer.bytes(), "corpus.warc", ReadOptions{}, back);
  EXPECT_TRUE(back.errors.empty()) << ::testing::PrintToString(back.ErrorLines());
  ExpectSame(docs, back.docs);

  std::string damaged = writer.bytes();
  const size_t at = writer.record_offsets()[victim];
  if (gzip) {
    for (size_t i = at + 15; i < at + 45; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
  } else {
    damaged.replace(at, 4, "WARP");  // no version line any more
  }
  CollectingSink hurt;
  ReadWarc(damaged, "corpus.warc", ReadOptions{}, hurt);
  ASSERT_EQ(hurt.errors.size(), 1u) << ::testing::PrintToString(hurt.ErrorLines());
  EXPECT_EQ(hurt.errors[0].status.code(), ErrorCode::kBadArchive);
  EXPECT_EQ(hurt.errors[0].origin.record, victim + 1);
  ExpectSame(docs, hurt.docs, victim);
}

TEST(WarcCorpus, HandWrittenCorpusRoundTrips) {
  CollectingSink plain;
  ReadCsv(kCsv, "hand.csv", ReadOptions{}, plain);
  ASSERT_EQ(plain.docs.size(), 4u) << ::testing::PrintToString(plain.ErrorLines());
  RoundTrip(plain.docs, true, 1);
  RoundTrip(plain.docs, false, 2);
}

TEST(WarcCorpus, BbcCorpusRoundTrips) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: BBC WARC round trip not run";
  CollectingSink plain;
  ReadPaths({shared + "/corpora/bbc-news"}, ReadOptions{}, plain);
  ASSERT_GT(plain.docs.size(), 2000u);
  RoundTrip(plain.docs, true, 1000);
  // The whole corpus as one gzip member: read through the window.
  internal::WarcWriter writer(false);
  for (const Document& d : plain.docs) writer.AddDocument(d);
  CollectingSink whole;
  ReadWarc(internal::GzipCompress(writer.bytes()), "bbc.warc.gz", ReadOptions{}, whole);
  EXPECT_TRUE(whole.errors.empty());
  ExpectSame(plain.docs, whole.docs);
  std::printf("BBC WARC round trip: %zu documents, %zu bytes as plain WARC\n", plain.docs.size(),
              writer.bytes().size());
}

}  // namespace
}  // namespace annals
