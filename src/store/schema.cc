// Schema migrations and the checks run on open; see schema.h and
// docs/store.md. Tested by store_test.cc.
#include "store/schema.h"

#include <string>

namespace annals::internal {
namespace {

// v1: documents with their structure and every annotation kind.
//
// Child tables are WITHOUT ROWID with PRIMARY KEY (doc, idx): rows are
// clustered by document, the key is the index on doc that ON DELETE CASCADE
// and Load() need, and no second b-tree is paid for. Spans are byte offsets
// into documents.text, half-open [span_begin, span_end).
constexpr const char kMigration1[] = R"sql(
CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  origin_path TEXT NOT NULL,
  origin_record INTEGER NOT NULL,
  source TEXT NOT NULL,
  url TEXT NOT NULL,
  published TEXT,
  title TEXT NOT NULL,
  dateline_place TEXT NOT NULL,
  language TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  stages TEXT NOT NULL,
  token_count INTEGER NOT NULL,
  tokens BLOB NOT NULL,
  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_format ON documents(format);

CREATE TABLE paragraphs (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  first_sentence INTEGER NOT NULL, end_sentence INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE sentences (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  first_token INTEGER NOT NULL, end_token INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE mentions (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  first_token INTEGER NOT NULL, end_token INTEGER NOT NULL,
  kind TEXT NOT NULL, entry TEXT NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE actors (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  code TEXT NOT NULL, name TEXT NOT NULL,
  mentions TEXT NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE events (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  code TEXT NOT NULL,
  source INTEGER NOT NULL, target INTEGER NOT NULL, place INTEGER NOT NULL,
  date TEXT NOT NULL, confidence REAL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE INDEX events_code ON events(code);

CREATE TABLE places (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  name TEXT NOT NULL, country TEXT NOT NULL,
  latitude REAL, longitude REAL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE quotes (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  speaker_begin INTEGER NOT NULL, speaker_end INTEGER NOT NULL,
  speaker INTEGER NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE counts (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  value REAL, unit TEXT NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE tones (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  positive REAL, negative REAL, polarity REAL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE diagnostics (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  stage TEXT NOT NULL, code INTEGER NOT NULL, message TEXT NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;
)sql";

constexpr const char* const kMigrations[] = {kMigration1};

StatusOr<int64_t> PragmaInt(Db& db, const char* sql, const std::string& path) {
  Stmt s;
  Status st = s.Prepare(db, sql);
  if (!st.ok()) return Status(ErrorCode::kStore, "store '" + path + "': " + st.message());
  if (s.Step() != SQLITE_ROW) return db.Error("store '" + path + "'");
  return Row(s).Int();
}

// Refuses files that are SQLite databases of some other program: a foreign
// application_id, or tables in a database annals never set up.
Status CheckOwnership(Db& db, const std::string& path, int64_t version) {
  StatusOr<int64_t> app = PragmaInt(db, "PRAGMA application_id", path);
  if (!app.ok()) return app.status();
  if (*app != 0 && *app != kApplicationId)
    return Status(ErrorCode::kStore, "'" + path +
                                         "' is a SQLite database of another program, "
                                         "not an annals store");
  if (version != 0 || *app == kApplicationId) return Status::Ok();
  StatusOr<int64_t> tables = PragmaInt(db, "SELECT count(*) FROM sqlite_schema", path);
  if (!tables.ok()) return tables.status();
  if (*tables != 0)
    return Status(ErrorCode::kStore, "'" + path +
                                         "' is a SQLite database but not an annals "
                                         "store (it has tables and no annals schema version)");
  return Status::Ok();
}

Status Migrate(Db& db, const std::string& path, int64_t from) {
  ANNALS_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  // Another process may have migrated between our check and the lock.
  StatusOr<int64_t> now = PragmaInt(db, "PRAGMA user_version", path);
  Status st = now.ok() ? Status::Ok() : now.status();
  const auto migrations = Migrations();
  for (int64_t v = now.ok() ? *now : from; st.ok() && v < static_cast<int64_t>(migrations.size());
       ++v) {
    if (sqlite3_exec(db.get(), migrations[v], nullptr, nullptr, nullptr) != SQLITE_OK)
      st = db.Error("store '" + path + "': migration to schema version " + std::to_string(v + 1));
  }
  if (st.ok()) {
    const std::string set = "PRAGMA user_version = " + std::to_string(migrations.size()) +
                            "; PRAGMA application_id = " + std::to_string(kApplicationId);
    if (sqlite3_exec(db.get(), set.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK)
      st = db.Error("store '" + path + "': setting the schema version");
  }
  if (st.ok() && sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    st = db.Error("store '" + path + "': committing migrations");
  if (!st.ok()) sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  return st;
}

}  // namespace

std::span<const char* const> Migrations() { return kMigrations; }

Status PrepareSchema(Db& db, const std::string& path, int* version) {
  sqlite3_busy_timeout(db.get(), 5000);
  // The first statement that reads the file: a file that is not a database
  // fails here with SQLITE_NOTADB.
  StatusOr<int64_t> v = PragmaInt(db, "PRAGMA user_version", path);
  if (!v.ok()) {
    if ((sqlite3_extended_errcode(db.get()) & 0xFF) == SQLITE_NOTADB)
      return Status(ErrorCode::kStore, "'" + path +
                                           "' is not an annals store (not a SQLite "
                                           "database)");
    return v.status();
  }
  const int64_t known = static_cast<int64_t>(Migrations().size());
  if (*v > known)
    return Status(ErrorCode::kSchema, "store '" + path + "' has schema version " +
                                          std::to_string(*v) + ", newer than this program knows (" +
                                          std::to_string(known) + "); use a newer annals");
  ANNALS_RETURN_IF_ERROR(CheckOwnership(db, path, *v));
  if (sqlite3_exec(db.get(),
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
                   nullptr, nullptr, nullptr) != SQLITE_OK)
    return db.Error("store '" + path + "': setting pragmas");
  if (*v < known) ANNALS_RETURN_IF_ERROR(Migrate(db, path, *v));
  *version = static_cast<int>(known);
  return Status::Ok();
}

}  // namespace annals::internal
