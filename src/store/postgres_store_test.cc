// Tests of the PostgreSQL store against a live server: the round trip equal
// to the SQLite store's, idempotent re-ingest, a batch retried after a lost
// connection or a server error, a bad document in a batch, a newer schema
// refused, and two concurrent writers. Each test gets a database of its
// own on the server ANNALS_PG_URL names (the role must be allowed to
// create databases); without ANNALS_PG_URL they are skipped
// (tests/e2e/postgres_store_test.sh starts a server and runs them).
// Only the unreachable-server test needs no server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <pqxx/pqxx>
#include <random>
#include <thread>

#include "annals/json.h"
#include "annals/store.h"
#include "store/postgres_connection.h"
#include "store/store_test_util.h"

namespace annals {
namespace {

using testing_util::CorpusSizedDocuments;
using testing_util::FullDocument;
using testing_util::TempDir;

// `url` with its database name replaced by `name`.
std::string WithDatabase(const std::string& url, const std::string& name) {
  const size_t authority = url.find("://") + 3;
  const size_t slash = url.find('/', authority);
  const size_t query = url.find('?', authority);
  const std::string params = query == std::string::npos ? "" : url.substr(query);
  const size_t end =
      slash == std::string::npos ? (query == std::string::npos ? url.size() : query) : slash;
  return url.substr(0, end) + "/" + name + params;
}

class PostgresStore : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* base = std::getenv("ANNALS_PG_URL");
    if (base == nullptr || *base == '\0')
      GTEST_SKIP() << "set ANNALS_PG_URL=postgresql://... to a server where this role may "
                      "create databases (tests/e2e/postgres_store_test.sh does)";
    base_ = base;
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    db_name_ = "annals_test_" + name + "_" + std::to_string(getpid());
    Admin("DROP DATABASE IF EXISTS " + db_name_);
    Admin("CREATE DATABASE " + db_name_);
    url_ = WithDatabase(base_, db_name_);
  }
  void TearDown() override {
    if (!db_name_.empty()) Admin("DROP DATABASE IF EXISTS " + db_name_ + " WITH (FORCE)");
  }
  void Admin(const std::string& sql) {
    pqxx::connection c(base_);
    pqxx::nontransaction tx(c);
    tx.exec(sql);
  }
  // Runs SQL in the test's database, behind the store's back.
  void Exec(const std::string& sql) {
    pqxx::connection c(url_);
    pqxx::nontransaction tx(c);
    tx.exec(sql);
  }
  std::unique_ptr<Store> MustOpen(OpenMode mode = OpenMode::kReadWrite) {
    StatusOr<std::unique_ptr<Store>> s = Store::Open(url_, mode);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }

  std::string base_, db_name_, url_;
};

constexpr char kPgStory[] =
    "Mediators from Qatar and Egypt met Israeli and Hamas negotiators in Doha on Monday to "
    "restart talks on a ceasefire in Gaza and the release of hostages. Officials said the "
    "two sides remained far apart on the length of any truce and on the return of displaced "
    "people to the north of the territory. A second round of talks is planned for Thursday.";

// Documents with every field and annotation, near-duplicate copies, a
// replacement and a renamed id: everything the identity rules decide.
std::vector<std::vector<Document>> Batches() {
  std::vector<Document> first = {FullDocument("a", "One. Two."), FullDocument("b", "Three.")};
  Document story = FullDocument("story", kPgStory);
  Document copy = FullDocument("copy", std::string("Republished. ") + kPgStory + " More.");
  Document bare = FullDocument("bare", "No date here.");
  bare.published.reset();
  bare.metadata.clear();
  std::vector<Document> second = {story, copy, bare};
  Document replaced = FullDocument("a", "One. Two. Three.");  // given id: replaces "a"
  Document renamed = FullDocument("b", "Other text.");
  renamed.origin.id_given = false;  // derived id: stored as "b~<hash>"
  std::vector<Document> third = {replaced, renamed, FullDocument("b", "Three.")};
  return {first, second, third};
}

std::string AllAsJson(Store& store) {
  StatusOr<std::vector<std::string>> ids = store.ListIds(~0ull);
  EXPECT_TRUE(ids.ok()) << ids.status().ToString();
  if (!ids.ok()) return "";
  std::string out;
  for (const std::string& id : *ids) {
    StatusOr<Document> doc = store.Load(id);
    EXPECT_TRUE(doc.ok()) << doc.status().ToString();
    if (doc.ok()) out += ToJson(*doc, JsonOptions{}) + "\n";
  }
  return out;
}

std::string StatsLine(Store& store) {
  StatusOr<StoreStats> s = store.Stats();
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return "";
  std::string out = std::to_string(s->schema_version);
  for (uint64_t v : {s->documents, s->paragraphs, s->sentences, s->tokens, s->text_bytes,
                     s->mentions, s->actors, s->events, s->places, s->quotes, s->counts, s->tones,
                     s->dates, s->framings, s->themes, s->diagnostics, s->near_duplicates})
    out += " " + std::to_string(v);
  for (const auto& [format, n] : s->documents_by_format)
    out += " " + format + "=" + std::to_string(n);
  return out;
}

// Writes each batch to both stores; their results must agree.
void WriteToBoth(const std::vector<std::vector<Document>>& batches, Store& lite, Store& pg) {
  for (const auto& batch : batches) {
    StatusOr<WriteResult> a = lite.WriteBatch(batch);
    StatusOr<WriteResult> b = pg.WriteBatch(batch);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    EXPECT_EQ(a->inserted, b->inserted);
    EXPECT_EQ(a->replaced, b->replaced);
    EXPECT_EQ(a->duplicates, b->duplicates);
    EXPECT_EQ(a->renamed, b->renamed);
    EXPECT_EQ(a->near_duplicates, b->near_duplicates);
    EXPECT_EQ(a->sentences, b->sentences);
    EXPECT_EQ(a->refused.size(), b->refused.size());
  }
}

TEST_F(PostgresStore, RoundTripEqualsSqlite) {
  TempDir dir;
  auto lite = Store::Open(dir.Path("s.db"));
  ASSERT_TRUE(lite.ok()) << lite.status().ToString();
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  WriteToBoth(Batches(), **lite, *pg);
  const std::string json = AllAsJson(**lite);
  EXPECT_NE(json.find("\"id\":\"copy\""), std::string::npos);
  EXPECT_EQ(json, AllAsJson(*pg));
  EXPECT_EQ(StatsLine(**lite), StatsLine(*pg));
  auto links = pg->ListNearDuplicates();
  ASSERT_TRUE(links.ok());
  ASSERT_EQ(links->size(), 1u);
  EXPECT_EQ((*links)[0], std::make_pair(std::string("copy"), std::string("story")));
  // A reader sees the same.
  auto reader = MustOpen(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(json, AllAsJson(*reader));
  EXPECT_FALSE(reader->WriteBatch(Batches()[0]).ok());
  EXPECT_EQ(pg->Load("nope").status().code(), ErrorCode::kNotFound);
}

// One id twice in a batch, over a stored version: the last one stands,
// as with SQLite (which writes them in turn); and if the server refuses
// the last one, the one before it.
TEST_F(PostgresStore, SameIdTwiceInABatch) {
  TempDir dir;
  auto lite = Store::Open(dir.Path("s.db"));
  ASSERT_TRUE(lite.ok()) << lite.status().ToString();
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  auto version = [](const std::string& text) {
    Document d = FullDocument("x", text);
    d.origin.id_given = true;
    return d;
  };
  WriteToBoth({{version("Version one.")}, {version("Version two."), version("Version three.")}},
              **lite, *pg);
  EXPECT_EQ(AllAsJson(**lite), AllAsJson(*pg));
  EXPECT_EQ(StatsLine(**lite), StatsLine(*pg));
  StatusOr<Document> x = pg->Load("x");
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  EXPECT_EQ(x->text, "Version three.");
  // The server refuses a NUL byte in a text (SQLite stores it).
  StatusOr<WriteResult> r = pg->WriteBatch(
      std::vector<Document>{version("Version four."), version(std::string("Version \0 5.", 13))});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->refused.size(), 1u);
  EXPECT_EQ(r->refused[0].first, 1u);
  x = pg->Load("x");
  ASSERT_TRUE(x.ok()) << x.status().ToString();
  EXPECT_EQ(x->text, "Version four.");
  const StatusOr<StoreStats> s = pg->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->documents, 1u);
}

TEST_F(PostgresStore, ReingestIsANoOp) {
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  const std::vector<Document> batch = Batches()[1];
  ASSERT_TRUE(pg->WriteBatch(batch).ok());
  const std::string before = StatsLine(*pg);
  StatusOr<WriteResult> again = pg->WriteBatch(batch);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->inserted + again->replaced, 0u);
  EXPECT_EQ(again->duplicates, batch.size());
  EXPECT_EQ(StatsLine(*pg), before);
  // Reopening (a new process) changes nothing either.
  auto other = MustOpen();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->WriteBatch(batch).ok());
  EXPECT_EQ(StatsLine(*pg), before);
}

TEST_F(PostgresStore, RetriesAfterALostConnection) {
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  ASSERT_TRUE(pg->WriteBatch(Batches()[0]).ok());
  // The server drops every connection to the database (as a restart would).
  Exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
      " AND pid <> pg_backend_pid()");
  const std::vector<Document> batch = Batches()[1];
  // The store either notices (kUnavailable, nothing stored) or libpqxx
  // reconnects before the batch starts; never anything in between.
  StatusOr<WriteResult> first = pg->WriteBatch(batch);
  if (!first.ok()) {
    EXPECT_EQ(first.status().code(), ErrorCode::kUnavailable) << first.status().ToString();
    EXPECT_NE(first.status().ToString().find("[E020]"), std::string::npos);
    EXPECT_EQ(pg->Stats()->documents, 2u);  // the same store connects again
    first = pg->WriteBatch(batch);
  }
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->inserted, batch.size());
  StatusOr<WriteResult> twice = pg->WriteBatch(batch);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->duplicates, batch.size());
  EXPECT_EQ(pg->Stats()->documents, 2u + batch.size());
}

TEST_F(PostgresStore, ServerErrorStoresNothingOfTheBatch) {
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  // A failure that is not about one document's data (class XX): the batch
  // is rolled back whole, and a retry once it is gone stores it once.
  Exec(
      "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
      " RAISE EXCEPTION 'forced failure' USING ERRCODE = 'internal_error'; END $$;"
      "CREATE TRIGGER boom BEFORE INSERT ON themes FOR EACH ROW EXECUTE FUNCTION boom()");
  const std::vector<Document> batch = Batches()[0];
  StatusOr<WriteResult> failed = pg->WriteBatch(batch);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), ErrorCode::kStore);
  EXPECT_NE(failed.status().message().find("forced failure"), std::string::npos);
  EXPECT_NE(failed.status().message().find("nothing of this batch"), std::string::npos);
  EXPECT_EQ(pg->Stats()->documents, 0u);
  Exec("DROP TRIGGER boom ON themes");
  StatusOr<WriteResult> retry = pg->WriteBatch(batch);
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_EQ(retry->inserted, batch.size());
  EXPECT_EQ(pg->Stats()->documents, batch.size());
}

TEST_F(PostgresStore, BadDocumentIsTakenBackAlone) {
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  Exec(
      "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
      " RAISE EXCEPTION 'forced failure'; END $$;"
      "CREATE TRIGGER boom BEFORE INSERT ON sentences FOR EACH ROW WHEN (NEW.idx = 2)"
      " EXECUTE FUNCTION boom()");
  Document second = FullDocument("second", "A. B. C.");
  second.sentences.push_back(second.sentences.back());
  Document nul = FullDocument("nul", std::string("Text with a \0 byte.", 19));
  const Document first = FullDocument("first", "First.");
  const Document last = FullDocument("last", "Last.");
  StatusOr<WriteResult> r = pg->WriteBatch(std::vector<Document>{first, second, nul, last});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->refused.size(), 2u);
  EXPECT_EQ(r->refused[0].first, 1u);
  EXPECT_NE(r->refused[0].second.message().find("forced failure"), std::string::npos);
  EXPECT_EQ(r->refused[1].first, 2u);
  EXPECT_EQ(r->inserted, 2u);
  const StatusOr<StoreStats> s = pg->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->documents, 2u);
  EXPECT_EQ(s->sentences, first.sentences.size() + last.sentences.size());
  EXPECT_FALSE(pg->Load("second").ok());
  EXPECT_TRUE(pg->Load("last").ok());
}

TEST_F(PostgresStore, LinksCopiesAcrossWritersAndFreesThemOnReplace) {
  auto first = MustOpen();
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(first->WriteBatch(std::vector<Document>{FullDocument("story", kPgStory)}).ok());
  // Another writer (process) finds the original through document_bands.
  auto second = MustOpen();
  ASSERT_NE(second, nullptr);
  Document copy = FullDocument("copy", std::string("Republished by a site. ") + kPgStory);
  StatusOr<WriteResult> r = second->WriteBatch(std::vector<Document>{copy});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->near_duplicates, 1u);
  EXPECT_EQ(first->Load("copy")->duplicate_of, "story");
  // A copy of the copy links to the original: stars, never chains.
  Document again = FullDocument("again", std::string("Seen first on a site. ") + kPgStory);
  r = first->WriteBatch(std::vector<Document>{again});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(first->Load("again")->duplicate_of, "story");
  // A new version of the original (given id) frees its copies.
  r = second->WriteBatch(std::vector<Document>{FullDocument("story", "Something else.")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->replaced, 1u);
  EXPECT_EQ(first->Load("copy")->duplicate_of, "");
  EXPECT_EQ(first->ListNearDuplicates()->size(), 0u);
}

TEST_F(PostgresStore, RefusesNewerSchema) {
  ASSERT_NE(MustOpen(), nullptr);
  Exec("UPDATE annals_schema SET version = 99");
  for (OpenMode mode : {OpenMode::kReadWrite, OpenMode::kReadOnly}) {
    StatusOr<std::unique_ptr<Store>> s = Store::Open(url_, mode);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), ErrorCode::kSchema) << s.status().ToString();
    EXPECT_NE(s.status().message().find("newer"), std::string::npos);
  }
}

TEST_F(PostgresStore, ReadOnlyNeedsAStore) {
  StatusOr<std::unique_ptr<Store>> s = Store::Open(url_, OpenMode::kReadOnly);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kSchema);
}

TEST_F(PostgresStore, ConcurrentWritersStoreEachDocumentOnce) {
  ASSERT_NE(MustOpen(), nullptr);
  std::vector<Document> docs;
  for (int i = 0; i < 60; ++i)
    docs.push_back(
        FullDocument("d" + std::to_string(i), "Story number " + std::to_string(i) + "."));
  // Each writer sends every document, in its own order and batch sizes.
  uint64_t inserted[2] = {0, 0};
  Status failures[2];
  auto writer = [&](int w) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(url_);
    if (!store.ok()) {
      failures[w] = store.status();
      return;
    }
    std::vector<Document> mine = docs;
    std::shuffle(mine.begin(), mine.end(), std::mt19937(w + 1));
    const size_t batch = w == 0 ? 7 : 11;
    for (size_t i = 0; i < mine.size(); i += batch) {
      const size_t n = std::min(batch, mine.size() - i);
      StatusOr<WriteResult> r = (*store)->WriteBatch(std::span(mine).subspan(i, n));
      if (!r.ok()) {
        failures[w] = r.status();
        return;
      }
      inserted[w] += r->inserted;
    }
  };
  std::thread a(writer, 0), b(writer, 1);
  a.join();
  b.join();
  EXPECT_TRUE(failures[0].ok()) << failures[0].ToString();
  EXPECT_TRUE(failures[1].ok()) << failures[1].ToString();
  EXPECT_EQ(inserted[0] + inserted[1], docs.size());
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  const StatusOr<StoreStats> s = pg->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->documents, docs.size());
  EXPECT_EQ(s->events, docs.size());
}

// The SQLite store's WritesCorpusSizedBatches on the server: 2,225
// documents of 20 sentences (all near-duplicates of each other, so every
// lookup finds candidates) in batches of 256. The time is printed, not
// checked.
TEST_F(PostgresStore, WritesCorpusSizedBatches) {
  const std::vector<Document> docs = CorpusSizedDocuments();
  auto pg = MustOpen();
  ASSERT_NE(pg, nullptr);
  const auto start = std::chrono::steady_clock::now();
  for (size_t i = 0; i < docs.size(); i += 256) {
    const size_t n = std::min<size_t>(256, docs.size() - i);
    StatusOr<WriteResult> r = pg->WriteBatch(std::span(docs).subspan(i, n));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->inserted, n);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  RecordProperty("seconds", std::to_string(seconds));
  std::printf("[          ] 2225 documents, 44500 sentences written in %.3f s\n", seconds);
  EXPECT_EQ(pg->Stats()->sentences, 44500u);
}

TEST(PostgresStoreOpen, UnreachableServerIsE020) {
  // Port 1 on loopback: nothing listens there.
  StatusOr<std::unique_ptr<Store>> s =
      Store::Open("postgresql://annals:secret@127.0.0.1:1/annals?connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kUnavailable);
  EXPECT_NE(s.status().ToString().find("[E020]"), std::string::npos);
  EXPECT_NE(s.status().message().find("127.0.0.1:1"), std::string::npos);
  EXPECT_EQ(s.status().message().find("secret"), std::string::npos);  // no password in messages
}

TEST(PostgresStoreOpen, UrlsPickTheServer) {
  EXPECT_TRUE(Store::IsServerUrl("postgresql://h/db"));
  EXPECT_TRUE(Store::IsServerUrl("postgres://h/db"));
  EXPECT_FALSE(Store::IsServerUrl("postgresql.db"));
  EXPECT_FALSE(Store::IsServerUrl("/tmp/a.db"));
  EXPECT_EQ(Store::DisplayName("postgresql://u:pw@h:5/db?password=x&a=b"),
            "postgresql://u:***@h:5/db?password=***&a=b");
  EXPECT_EQ(internal::RedactUrl("postgresql://u@h/db"), "postgresql://u@h/db");
}

}  // namespace
}  // namespace annals
