// Tests of Store::WriteBatch: identity rules (dedupe by content hash,
// replace by id), whole-batch rollback, statistics, listing and write speed.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "annals/store.h"
#include "store/store_test_util.h"

namespace annals {
namespace {

using testing_util::CorpusSizedDocuments;
using testing_util::FullDocument;
using testing_util::TempDir;

class StoreWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.Path("w.db");
    StatusOr<std::unique_ptr<Store>> s = Store::Open(path_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  WriteResult MustWrite(const std::vector<Document>& docs) {
    StatusOr<WriteResult> r = store_->WriteBatch(docs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : WriteResult{};
  }
  StoreStats MustStats() {
    StatusOr<StoreStats> s = store_->Stats();
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : StoreStats{};
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreWrite, CountsInsertedDocumentsAndSentences) {
  const WriteResult r = MustWrite({FullDocument("a", "One. Two."), FullDocument("b", "Three.")});
  EXPECT_EQ(r.inserted, 2u);
  EXPECT_EQ(r.replaced, 0u);
  EXPECT_EQ(r.duplicates, 0u);
  EXPECT_EQ(r.sentences, 4u);
}

TEST_F(StoreWrite, SameContentAgainIsANoOp) {
  MustWrite({FullDocument("a")});
  Document again = FullDocument("a");
  const WriteResult r = MustWrite({again});
  EXPECT_EQ(r.inserted, 0u);
  EXPECT_EQ(r.duplicates, 1u);
  EXPECT_EQ(MustStats().documents, 1u);
}

TEST_F(StoreWrite, SameContentUnderAnotherIdIsADuplicate) {
  Document a = FullDocument("a");
  Document b = a;
  b.id = "b";
  const WriteResult r = MustWrite({a, b});
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(r.duplicates, 1u);
  StatusOr<std::vector<std::string>> ids = store_->ListIds(10);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"a"});
}

TEST_F(StoreWrite, SameBatchTwiceStoresItOnce) {
  const std::vector<Document> batch = {FullDocument("a", "One."), FullDocument("b", "Two.")};
  MustWrite(batch);
  const StoreStats before = MustStats();
  const WriteResult r = MustWrite(batch);
  EXPECT_EQ(r.duplicates, 2u);
  EXPECT_EQ(r.inserted + r.replaced, 0u);
  const StoreStats after = MustStats();
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.sentences, before.sentences);
  EXPECT_EQ(after.mentions, before.mentions);
}

TEST_F(StoreWrite, NewContentUnderSameIdReplaces) {
  MustWrite({FullDocument("a", "Old text. Second.")});
  Document fresh = FullDocument("a", "New text.");
  fresh.sentences.resize(1);
  fresh.paragraphs[0].sentences = {0, 1};
  const WriteResult r = MustWrite({fresh});
  EXPECT_EQ(r.replaced, 1u);
  EXPECT_EQ(r.inserted, 0u);
  StatusOr<Document> back = store_->Load("a");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->text, "New text.");
  const StoreStats s = MustStats();
  EXPECT_EQ(s.documents, 1u);
  EXPECT_EQ(s.sentences, 1u);  // the old sentences went with the old row
  EXPECT_EQ(s.mentions, fresh.mentions.size());
}

TEST_F(StoreWrite, DerivedIdNeverReplacesOtherContent) {
  Document first = FullDocument("articles:1", "Monday's story.");
  first.origin.id_given = false;
  MustWrite({first});
  Document next = FullDocument("articles:1", "Tuesday's story.");
  next.origin.id_given = false;
  const WriteResult r = MustWrite({next});
  EXPECT_EQ(r.inserted, 1u);
  EXPECT_EQ(r.renamed, 1u);
  EXPECT_EQ(r.replaced, 0u);
  EXPECT_TRUE(store_->Load("articles:1").ok());
  StatusOr<Document> back = store_->Load("articles:1~" + next.content_hash.substr(0, 8));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->text, "Tuesday's story.");
  EXPECT_EQ(MustWrite({next}).duplicates, 1u);  // and it is still a no-op again
}

TEST_F(StoreWrite, DocumentWithoutIdIsRefusedAlone) {
  Document bad = FullDocument("", "No id here.");
  StatusOr<WriteResult> r =
      store_->WriteBatch(std::vector<Document>{FullDocument("first", "First."), bad});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->inserted, 1u);
  ASSERT_EQ(r->refused.size(), 1u);
  EXPECT_EQ(r->refused[0].first, 1u);
  EXPECT_EQ(r->refused[0].second.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_->Load("first").ok());
}

TEST_F(StoreWrite, DocumentSqliteRefusesIsTakenBackAlone) {
  // A trigger that fails on the second document's third sentence, from
  // inside SQLite, halfway through writing that document.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TRIGGER boom BEFORE INSERT ON sentences WHEN NEW.idx = 2 "
                         "BEGIN SELECT RAISE(ABORT, 'forced failure'); END",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Document second = FullDocument("second", "A. B. C.");
  second.sentences.push_back(second.sentences.back());
  const Document first = FullDocument("first", "First.");
  StatusOr<WriteResult> r = store_->WriteBatch(std::vector<Document>{first, second});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->refused.size(), 1u);
  EXPECT_EQ(r->refused[0].first, 1u);
  EXPECT_NE(r->refused[0].second.message().find("forced failure"), std::string::npos);
  // Nothing of the refused document is left, all of the other is.
  const StoreStats s = MustStats();
  EXPECT_EQ(s.documents, 1u);
  EXPECT_EQ(s.sentences, first.sentences.size());
  EXPECT_EQ(s.mentions, first.mentions.size());
  EXPECT_FALSE(store_->Load("second").ok());
}

TEST_F(StoreWrite, StatsAgreeWithWhatWasWritten) {
  Document a = FullDocument("a", "One. Two.");
  a.format = "wire";
  Document b = FullDocument("b", "Three and four.");
  MustWrite({a, b});
  const StoreStats s = MustStats();
  EXPECT_EQ(s.schema_version, Store::kSchemaVersion);
  EXPECT_EQ(s.documents, 2u);
  EXPECT_EQ(s.paragraphs, a.paragraphs.size() + b.paragraphs.size());
  EXPECT_EQ(s.sentences, a.sentences.size() + b.sentences.size());
  EXPECT_EQ(s.tokens, a.tokens.size() + b.tokens.size());
  EXPECT_EQ(s.text_bytes, a.text.size() + b.text.size());
  EXPECT_EQ(s.mentions, a.mentions.size() + b.mentions.size());
  EXPECT_EQ(s.actors, 2u);
  EXPECT_EQ(s.events, 2u);
  EXPECT_EQ(s.places, 2u);
  EXPECT_EQ(s.quotes, 2u);
  EXPECT_EQ(s.counts, 2u);
  EXPECT_EQ(s.tones, 2u);
  EXPECT_EQ(s.diagnostics, a.diagnostics.size() + b.diagnostics.size());
  const std::vector<std::pair<std::string, uint64_t>> by_format = {{"jsonl", 1}, {"wire", 1}};
  EXPECT_EQ(s.documents_by_format, by_format);
}

TEST_F(StoreWrite, ListIdsInInsertionOrderUpToLimit) {
  MustWrite({FullDocument("z", "1."), FullDocument("m", "2."), FullDocument("a", "3.")});
  StatusOr<std::vector<std::string>> ids = store_->ListIds(2);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<std::string>{"z", "m"}));
  ids = store_->ListIds(~uint64_t{0});
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 3u);
}

// About the size of the BBC corpus: 2,225 articles, ~2.2 KB and 20
// sentences of ~22 tokens each, all near-duplicates of the first (they
// differ in one number), in batches. The time is printed, not checked:
// speed is the benchmarks' business.
TEST_F(StoreWrite, WritesCorpusSizedBatches) {
  const std::vector<Document> docs = CorpusSizedDocuments();
  const auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < docs.size(); i += 256) {
    const size_t n = std::min<size_t>(256, docs.size() - i);
    EXPECT_EQ(MustWrite(std::vector<Document>(docs.begin() + i, docs.begin() + i + n)).inserted, n);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("seconds", std::to_string(seconds));
  std::printf("[          ] 2225 documents, 44500 sentences written in %.3f s\n", seconds);
  EXPECT_EQ(MustStats().sentences, 44500u);
}

}  // namespace
}  // namespace annals
