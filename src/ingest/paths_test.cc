// Tests for ReadPaths and ListInputFiles on a temporary directory tree.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "annals/ingest.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using internal::CollectingSink;

class ReadPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("annals_paths_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& bytes) {
    const fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }
  fs::path root_;
};

TEST_F(ReadPathsTest, WalksDirectoryInSortedOrder) {
  Write("b.txt", "Second story.");
  Write("a.txt", "First story.");
  Write("sub/c.jsonl", "{\"id\": \"c\", \"text\": \"Third.\"}\n");
  Write("z.csv", "text\nFourth.\n");
  CollectingSink sink;
  ReadPaths({root_.string()}, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 4u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].id, "a");
  EXPECT_EQ(sink.docs[1].id, "b");
  EXPECT_EQ(sink.docs[2].id, "c");
  EXPECT_EQ(sink.docs[3].id, "z:1");
}

TEST_F(ReadPathsTest, SkipsHiddenAndOtherExtensions) {
  Write(".hidden.txt", "Hidden.");
  Write(".git/x.txt", "Hidden dir.");
  Write("notes.md", "Not read.");
  Write("image.png", "\x89PNG");
  Write("ok.text", "Read.");
  CollectingSink sink;
  ReadPaths({root_.string()}, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].id, "ok");
  EXPECT_TRUE(sink.errors.empty());
}

TEST_F(ReadPathsTest, NamedFileIsReadWhateverItsExtension) {
  Write("notes.md", "Read when named.");
  CollectingSink sink;
  ReadPaths({(root_ / "notes.md").string()}, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
}

TEST_F(ReadPathsTest, MissingPathIsIoErrorAndReadingGoesOn) {
  Write("a.txt", "Story.");
  CollectingSink sink;
  ReadPaths({(root_ / "missing.txt").string(), (root_ / "a.txt").string()}, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kIo);
  EXPECT_EQ(sink.docs.size(), 1u);
}

TEST_F(ReadPathsTest, SymlinkLoopDoesNotTrapTheWalk) {
  Write("d/a.txt", "Story.");
  fs::create_directory_symlink(root_ / "d", root_ / "d" / "loop");
  CollectingSink sink;
  ReadPaths({root_.string()}, ReadOptions{}, sink);
  EXPECT_EQ(sink.docs.size(), 1u);
}

TEST_F(ReadPathsTest, HugeTextFileRefused) {
  Write("huge.txt", std::string(size_t{50} << 20, 'a'));
  CollectingSink sink;
  ReadPaths({root_.string()}, ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kTooLarge);
  EXPECT_NE(sink.errors[0].Describe().find("huge.txt"), std::string::npos);
}

TEST_F(ReadPathsTest, FileOverFileLimitRefused) {
  Write("big.jsonl", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
  ReadOptions options;
  options.max_file_bytes = 8;
  CollectingSink sink;
  ReadPaths({root_.string()}, options, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kTooLarge);
}

TEST_F(ReadPathsTest, ListInputFilesMatchesReadOrder) {
  Write("b.txt", "12345");
  Write("a/x.csv", "text\nx\n");
  Write(".h.txt", "hidden");
  const auto files = ListInputFiles({root_.string(), "-"});
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].first, (root_ / "a" / "x.csv").string());
  EXPECT_EQ(files[1].second, 5u);
  EXPECT_EQ(files[2], std::make_pair(std::string("-"), uint64_t{0}));
}

TEST_F(ReadPathsTest, BundledSamplesReadCleanly) {
  CollectingSink sink;
  ReadPaths({ANNALS_SOURCE_DIR "/samples"}, ReadOptions{}, sink);
  EXPECT_TRUE(sink.errors.empty()) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs.size(), 11u);
}

}  // namespace
}  // namespace annals
