// Tests for ReadPaths and ListInputFiles on a temporary directory tree.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"
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

// Ids the input does not give come from the path below the folder named on
// the command line, so same-named files in two folders stay apart.
TEST_F(ReadPathsTest, DerivedIdsKeepSameNamedFilesApart) {
  Write("2024/03/story.txt", "March story.");
  Write("2024/04/story.txt", "April story.");
  Write("2024/04/feed.jsonl", "{\"text\": \"No id.\"}\n{\"id\": \"given\", \"text\": \"Id.\"}\n");
  CollectingSink sink;
  ReadPaths({root_.string() + "/"}, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 4u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].id, "2024/03/story");
  EXPECT_EQ(sink.docs[1].id, "2024/04/feed:1");
  EXPECT_EQ(sink.docs[2].id, "given");
  EXPECT_EQ(sink.docs[3].id, "2024/04/story");
  CollectingSink one;
  ReadPaths({(root_ / "2024/04/story.txt").string()}, ReadOptions{}, one);
  ASSERT_EQ(one.docs.size(), 1u);
  EXPECT_EQ(one.docs[0].id, "story");  // a file named on its own: its name
}

TEST(DerivedId, FileNameWithoutExtension) {
  EXPECT_EQ(internal::DerivedId("dir/000_abc.txt"), "000_abc");
  EXPECT_EQ(internal::DerivedId("in/a/b.csv"), "b");
  EXPECT_EQ(internal::DerivedId("./x/.hidden"), ".hidden");
  EXPECT_EQ(internal::DerivedId("a.b/c"), "c");
  EXPECT_EQ(internal::DerivedId("-"), "stdin");
}

TEST(DerivedId, IdBaseWinsOverThePath) {
  ReadOptions options;
  options.id_base = "c1/story";
  CollectingSink sink;
  ParseBuffer("{\"text\": \"a\"}\n", "c1/story.jsonl", Format::kAuto, options, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  EXPECT_EQ(sink.docs[0].id, "c1/story:1");
}

// The same bytes on standard input give the same id, other bytes another.
TEST(DerivedId, StdinIdIsStableAndFollowsTheContent) {
  const std::string a = internal::StdinIdBase("Talks resumed in Doha.\n");
  EXPECT_EQ(a, internal::StdinIdBase("Talks resumed in Doha.\n"));
  EXPECT_NE(a, internal::StdinIdBase("Talks resumed in Cairo.\n"));
  ASSERT_EQ(a.size(), 18u);
  EXPECT_TRUE(a.starts_with("stdin-"));
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef", 6), std::string::npos);
}

// Same-named files in two folders, named one by one or as folders, keep
// apart by the path as given.
TEST_F(ReadPathsTest, SameStemInTwoFoldersUsesThePathGiven) {
  Write("c1/story.txt", "First story.");
  Write("c2/story.txt", "Second story.");
  Write("c2/other.txt", "Other story.");
  const std::string c1 = (root_ / "c1").string(), c2 = (root_ / "c2").string();
  for (const std::vector<std::string>& paths :
       {std::vector<std::string>{c1 + "/story.txt", c2 + "/story.txt"},
        std::vector<std::string>{c1, c2}}) {
    CollectingSink sink;
    ReadPaths(paths, ReadOptions{}, sink);
    ASSERT_GE(sink.docs.size(), 2u) << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_EQ(sink.docs[0].id, c1 + "/story");
    EXPECT_EQ(sink.docs.back().id, c2 + "/story");
  }
  CollectingSink dirs;
  ReadPaths({c1, c2}, ReadOptions{}, dirs);
  ASSERT_EQ(dirs.docs.size(), 3u);
  EXPECT_EQ(dirs.docs[1].id, "other");  // unique: stays short
}

TEST_F(ReadPathsTest, SameStemInOneFolderKeepsTheExtension) {
  Write("d/x.csv", "text\nFrom CSV.\n");
  Write("d/x.jsonl", "{\"text\": \"From JSON Lines.\"}\n");
  CollectingSink sink;
  ReadPaths({(root_ / "d").string()}, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 2u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].id, (root_ / "d/x.csv").string() + ":1");
  EXPECT_EQ(sink.docs[1].id, (root_ / "d/x.jsonl").string() + ":1");
}

TEST_F(ReadPathsTest, FileNamedTwiceKeepsItsShortId) {
  Write("a.txt", "Story.");
  const std::string a = (root_ / "a.txt").string();
  CollectingSink sink;
  ReadPaths({a, a}, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 2u);
  EXPECT_EQ(sink.docs[0].id, "a");
  EXPECT_EQ(sink.docs[1].id, "a");
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

TEST_F(ReadPathsTest, UnreadableSubfolderIsAnErrorAndTheRestIsRead) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every folder; run as a normal user";
  Write("open/a.txt", "Readable story.");
  Write("locked/b.txt", "Hidden story.");
  fs::permissions(root_ / "locked", fs::perms::none);
  CollectingSink sink;
  ReadPaths({root_.string()}, ReadOptions{}, sink);
  fs::permissions(root_ / "locked", fs::perms::owner_all);
  ASSERT_EQ(sink.docs.size(), 1u);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kIo);
  EXPECT_NE(sink.errors[0].Describe().find("locked"), std::string::npos);
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
