#include "annals/batch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace annals {
namespace {

namespace fs = std::filesystem;

class Collect : public Consumer {
 public:
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  std::vector<std::string> rendered;
  size_t batches = 0;
  // Runs on the workers; its output must come back next to its document.
  std::string Render(const Document& d) const override { return "rendered " + d.id; }
  Status OnBatch(std::vector<Document>& docs, std::vector<std::string>& r) override {
    ++batches;
    for (const auto& d : docs) ids.push_back(d.id);
    rendered.insert(rendered.end(), r.begin(), r.end());
    return Status::Ok();
  }
  void OnError(const RecordError& e) override { errors.push_back(e.Describe()); }
};

fs::path WriteJsonLines(const std::string& name, int n, int bad_every) {
  const fs::path dir = fs::temp_directory_path() / ("annals_batch_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream out(dir / "a.jsonl");
  for (int i = 0; i < n; ++i) {
    if (bad_every > 0 && i % bad_every == bad_every - 1) {
      out << "{not json\n";
    } else {
      out << "{\"id\": \"d" << i << "\", \"text\": \"Article number " << i
          << ". It has two sentences.\"}\n";
    }
  }
  return dir;
}

TEST(RunBatch, KeepsInputOrderWithManyThreads) {
  const fs::path dir = WriteJsonLines("order", 500, 0);
  auto p = Pipeline::Standard();
  ASSERT_TRUE(p.ok());
  Collect c;
  BatchOptions opt;
  opt.threads = 4;
  opt.batch_size = 7;
  BatchProgress progress;
  ASSERT_TRUE(RunBatch({dir.string()}, ReadOptions{}, *p, opt, c, &progress).ok());
  ASSERT_EQ(c.ids.size(), 500u);
  ASSERT_EQ(c.rendered.size(), 500u);
  for (int i = 0; i < 500; ++i) {
    EXPECT_EQ(c.ids[i], "d" + std::to_string(i));
    EXPECT_EQ(c.rendered[i], "rendered d" + std::to_string(i));
  }
  EXPECT_EQ(progress.documents, 500u);
  // Progress counts input bytes, so a finished run is at 100%.
  EXPECT_GT(progress.total_bytes, 0u);
  EXPECT_EQ(progress.input_bytes, progress.total_bytes);
  EXPECT_EQ(progress.failed, 0u);
  EXPECT_GE(c.batches, 500u / 7);
  fs::remove_all(dir);
}

TEST(RunBatch, BadRecordsAreReportedAndTheRestGoesOn) {
  const fs::path dir = WriteJsonLines("bad", 30, 10);
  auto p = Pipeline::Standard();
  ASSERT_TRUE(p.ok());
  Collect c;
  BatchProgress progress;
  ASSERT_TRUE(RunBatch({dir.string()}, ReadOptions{}, *p, BatchOptions{}, c, &progress).ok());
  EXPECT_EQ(c.ids.size(), 27u);
  EXPECT_EQ(c.errors.size(), 3u);
  EXPECT_EQ(progress.failed, 3u);
  fs::remove_all(dir);
}

TEST(RunBatch, ConsumerFailureStopsTheRun) {
  class Failing : public Consumer {
   public:
    Status OnBatch(std::vector<Document>&, std::vector<std::string>&) override {
      return Status(ErrorCode::kStore, "disk full");
    }
    void OnError(const RecordError&) override {}
  } c;
  const fs::path dir = WriteJsonLines("stop", 2000, 0);
  auto p = Pipeline::Standard();
  ASSERT_TRUE(p.ok());
  BatchOptions opt;
  opt.batch_size = 10;
  Status s = RunBatch({dir.string()}, ReadOptions{}, *p, opt, c, nullptr);
  EXPECT_EQ(s.code(), ErrorCode::kStore);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace annals
