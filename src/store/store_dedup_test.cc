// Tests for near-duplicate links in the store: linking at write time, the
// index rebuilt on open, a v4 store's signatures computed on upgrade, and
// links cleared when an original is replaced.
#include <sqlite3.h>

#include "annals/store.h"
#include "store/store_test_util.h"

namespace annals {
namespace {

using testing_util::FullDocument;
using testing_util::TempDir;

constexpr char kDedupStory[] =
    "Mediators from Qatar and Egypt met Israeli and Hamas negotiators in Doha on Monday to "
    "restart talks on a ceasefire in Gaza and the release of hostages. Officials said the "
    "two sides remained far apart on the length of any truce and on the return of displaced "
    "people to the north of the territory. A second round of talks is planned for Thursday.";
constexpr char kOther[] =
    "Parliament passed the budget after a long night of debate, with 301 votes to 255. The "
    "finance minister said the plan would cut the deficit by half within three years while "
    "protecting spending on schools and hospitals. Opposition leaders called it a gamble.";

Document Doc(const std::string& id, const std::string& text) {
  Document d = FullDocument(id, text);
  d.tokens.clear();  // FullDocument's tokens fit its own short body only
  d.sentences.clear();
  d.paragraphs.clear();
  d.mentions.clear();
  d.actors.clear();
  d.events.clear();
  d.places.clear();
  d.quotes.clear();
  d.counts.clear();
  d.tones.clear();
  d.dates.clear();
  d.framings.clear();
  d.themes.clear();
  d.chunks.clear();
  return d;
}

std::string Copy(const char* text, const std::string& site) {
  return "Republished by " + site + ". By Staff Writer. " + std::string(text) +
         " All rights reserved.";
}

std::unique_ptr<Store> Open(const std::string& path) {
  StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

TEST(StoreDedup, LinksCopiesAndKeepsTheIndexAcrossOpens) {
  TempDir dir;
  const std::string path = dir.Path("s.db");
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    StatusOr<WriteResult> r =
        store->WriteBatch(std::vector<Document>{Doc("orig", kDedupStory), Doc("other", kOther),
                                                Doc("copy1", Copy(kDedupStory, "a.example"))});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->inserted, 3u);
    EXPECT_EQ(r->near_duplicates, 1u);
  }
  auto store = Open(path);
  ASSERT_NE(store, nullptr);
  StatusOr<WriteResult> r =
      store->WriteBatch(std::vector<Document>{Doc("copy2", Copy(kDedupStory, "b.example"))});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->near_duplicates, 1u);
  StatusOr<Document> copy2 = store->Load("copy2");
  ASSERT_TRUE(copy2.ok());
  EXPECT_EQ(copy2->duplicate_of, "orig");
  EXPECT_EQ(store->Load("other")->duplicate_of, "");
  auto links = store->ListNearDuplicates();
  ASSERT_TRUE(links.ok());
  EXPECT_EQ(*links, (std::vector<std::pair<std::string, std::string>>{{"copy1", "orig"},
                                                                      {"copy2", "orig"}}));
  EXPECT_EQ(store->Stats()->near_duplicates, 2u);
}

// Distributed workers: several processes write one store, each with its
// own index. A writer must see what the others stored since it opened.
TEST(StoreDedup, WritersSeeEachOthersDocuments) {
  TempDir dir;
  const std::string path = dir.Path("s.db");
  auto a = Open(path);
  auto b = Open(path);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(a->WriteBatch(std::vector<Document>{Doc("orig", kDedupStory)}).ok());
  StatusOr<WriteResult> r =
      b->WriteBatch(std::vector<Document>{Doc("copy1", Copy(kDedupStory, "a.example"))});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->near_duplicates, 1u);
  EXPECT_EQ(b->Load("copy1")->duplicate_of, "orig");
  // And back: a learns of b's copy, which links to the same original.
  r = a->WriteBatch(std::vector<Document>{Doc("copy2", Copy(kDedupStory, "b.example"))});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(a->Load("copy2")->duplicate_of, "orig");
}

// An original another writer replaced after this one indexed it: no link to
// it (it is gone), and the copy stands on its own.
TEST(StoreDedup, OriginalReplacedByAnotherWriterIsNotLinkedTo) {
  TempDir dir;
  const std::string path = dir.Path("s.db");
  auto a = Open(path);
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->WriteBatch(std::vector<Document>{Doc("orig", kDedupStory)}).ok());
  auto b = Open(path);  // indexes "orig"
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(a->WriteBatch(std::vector<Document>{Doc("orig", kOther)}).ok());
  StatusOr<WriteResult> r =
      b->WriteBatch(std::vector<Document>{Doc("copy1", Copy(kDedupStory, "a.example"))});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->near_duplicates, 0u);
  EXPECT_EQ(b->Load("copy1")->duplicate_of, "");
  EXPECT_EQ(b->Stats()->near_duplicates, 0u);
  // It is the original of the next copy, for either writer.
  r = a->WriteBatch(std::vector<Document>{Doc("copy2", Copy(kDedupStory, "b.example"))});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(a->Load("copy2")->duplicate_of, "copy1");
}

TEST(StoreDedup, ReplacedOriginalFreesItsCopies) {
  TempDir dir;
  auto store = Open(dir.Path("s.db"));
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store
                  ->WriteBatch(std::vector<Document>{Doc("orig", kDedupStory),
                                                     Doc("copy1", Copy(kDedupStory, "a.example"))})
                  .ok());
  // The input names "orig" again with other content: it is replaced.
  ASSERT_TRUE(store->WriteBatch(std::vector<Document>{Doc("orig", kOther)}).ok());
  EXPECT_EQ(store->Load("copy1")->duplicate_of, "");
  EXPECT_EQ(store->Load("orig")->duplicate_of, "");
  // The copy is an original now: a further copy links to it.
  ASSERT_TRUE(
      store->WriteBatch(std::vector<Document>{Doc("copy2", Copy(kDedupStory, "b.example"))}).ok());
  EXPECT_EQ(store->Load("copy2")->duplicate_of, "copy1");
}

TEST(StoreDedup, UpgradeFromVersion4ComputesSignatures) {
  TempDir dir;
  const std::string path = dir.Path("s.db");
  {
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->WriteBatch(std::vector<Document>{Doc("orig", kDedupStory)}).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "DROP INDEX events_root_doc; DROP INDEX documents_duplicate_of;"
                         "ALTER TABLE documents DROP COLUMN duplicate_of;"
                         "ALTER TABLE documents DROP COLUMN signature; PRAGMA user_version = 4;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = Open(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Stats()->schema_version, Store::kSchemaVersion);
  ASSERT_TRUE(
      store->WriteBatch(std::vector<Document>{Doc("copy", Copy(kDedupStory, "a.example"))}).ok());
  EXPECT_EQ(store->Load("copy")->duplicate_of, "orig");
}

}  // namespace
}  // namespace annals
