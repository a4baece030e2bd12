// The canonical seed story through the readers and the standard pipeline:
// header fields, and sentence boundaries against tests/golden/seed/
// boundaries.tsv (spans plus notes in our words; the story is not copied).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

struct Boundary {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t paragraph = 0;
  std::string note;
};

std::vector<Boundary> ReadBoundaries() {
  std::ifstream in(ANNALS_SOURCE_DIR "/tests/golden/seed/boundaries.tsv");
  std::vector<Boundary> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Boundary b;
    fields >> b.begin >> b.end >> b.paragraph;
    fields.ignore(1);
    std::getline(fields, b.note);
    rows.push_back(b);
  }
  return rows;
}

class SeedStory : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string shared = internal::SharedDataDir();
    if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
    const std::string path = shared + "/seeds/000_1b7eb2aa31f96f21.txt";
    std::ifstream in(path, std::ios::binary);
    ASSERT_TRUE(in) << "cannot open " << path;
    std::stringstream buf;
    buf << in.rdbuf();
    internal::CollectingSink sink;
    ParseBuffer(buf.str(), path, Format::kAuto, ReadOptions{}, sink);
    ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
    doc_ = std::move(sink.docs[0]);
    Scratch scratch;
    ASSERT_TRUE(Pipeline::Standard()->Process(doc_, scratch).ok());
  }
  Document doc_;
};

TEST_F(SeedStory, HeaderFields) {
  ASSERT_TRUE(doc_.published.has_value());
  EXPECT_EQ(doc_.published->ToIso(), "2024-03-26T22:16");
  EXPECT_EQ(doc_.title, "Blinken Reportedly Tells Gallant US Still Opposed to Rafah Invasion");
  EXPECT_EQ(doc_.text.find(doc_.title), std::string::npos) << "headline repeated in the body";
  ASSERT_FALSE(doc_.metadata.empty());
  EXPECT_EQ(doc_.metadata[0].first, "story_code");
  EXPECT_EQ(doc_.metadata[0].second, "\"1125138\"");
}

TEST_F(SeedStory, SentenceBoundariesMatchTheCarefulReader) {
  const std::vector<Boundary> want = ReadBoundaries();
  ASSERT_EQ(want.size(), 12u) << "boundaries.tsv unreadable";
  ASSERT_EQ(doc_.sentences.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Sentence& got = doc_.sentences[i];
    SCOPED_TRACE("sentence " + std::to_string(i) + ": " + want[i].note);
    EXPECT_EQ(got.span.begin, want[i].begin);
    EXPECT_EQ(got.span.end, want[i].end);
    EXPECT_EQ(got.paragraph, want[i].paragraph);
  }
}

}  // namespace
}  // namespace annals
