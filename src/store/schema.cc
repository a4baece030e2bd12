// Schema migrations and the checks run on open; see schema.h and
// docs/store.md. Tested by store_test.cc.
#include "store/schema.h"

#include <chrono>
#include <string>
#include <thread>

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

// v2: what events.v1 and actors.v1 know beyond v1's columns: the actor's
// phrase and kind, the event's ontology values, flags and attribution.
// Added columns go last, so v1 rows read back with their defaults.
constexpr const char kMigration2[] = R"sql(
ALTER TABLE actors ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE actors ADD COLUMN span_begin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN span_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN sentence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN head INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN trigger_token INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN root TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN goldstein REAL NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN quad_class INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN plover_event TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN plover_mode TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN attribution INTEGER NOT NULL DEFAULT -1;
CREATE INDEX events_root ON events(root, quad_class);
)sql";

// v3: places.v1's resolved place (kind, codes, division, GeoNames id,
// confidence) and the places of an event's actors.
constexpr const char kMigration3[] = R"sql(
ALTER TABLE places ADD COLUMN token_begin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN token_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN fips TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN admin1 TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN admin1_name TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN feature TEXT NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN geonames_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE places ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN source_place INTEGER NOT NULL DEFAULT -1;
ALTER TABLE events ADD COLUMN target_place INTEGER NOT NULL DEFAULT -1;
CREATE INDEX places_country ON places(country, kind);
)sql";

// v4: knowledge.v1's story knowledge: quote kinds, speakers' names and
// verbs, attribution chains; typed counts with qualifiers and objects; GDELT
// tone densities; resolved dates, loaded wording and themes.
constexpr const char kMigration4[] = R"sql(
ALTER TABLE quotes ADD COLUMN last_sentence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN kind TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN speaker_name TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN speaker_code TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN verb TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN verb_begin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN verb_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN reporter INTEGER NOT NULL DEFAULT -1;
ALTER TABLE quotes ADD COLUMN reporter_name TEXT NOT NULL DEFAULT '';
ALTER TABLE counts ADD COLUMN value_max REAL;
ALTER TABLE counts ADD COLUMN qualifier TEXT NOT NULL DEFAULT '';
ALTER TABLE counts ADD COLUMN type TEXT NOT NULL DEFAULT '';
ALTER TABLE counts ADD COLUMN object TEXT NOT NULL DEFAULT '';
ALTER TABLE counts ADD COLUMN object_begin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE counts ADD COLUMN object_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE counts ADD COLUMN place INTEGER NOT NULL DEFAULT -1;
ALTER TABLE tones ADD COLUMN sentence INTEGER NOT NULL DEFAULT -1;
ALTER TABLE tones ADD COLUMN activity REAL;
ALTER TABLE tones ADD COLUMN self_reference REAL;
ALTER TABLE tones ADD COLUMN group_reference REAL;
ALTER TABLE tones ADD COLUMN words INTEGER NOT NULL DEFAULT 0;
CREATE INDEX counts_type ON counts(type);

CREATE TABLE dates (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  resolved TEXT NOT NULL, granularity TEXT NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE framings (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  term TEXT NOT NULL, category TEXT NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;

CREATE TABLE themes (
  doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  name TEXT NOT NULL, mentions INTEGER NOT NULL,
  first_begin INTEGER NOT NULL, first_end INTEGER NOT NULL,
  rule TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  PRIMARY KEY (doc, idx)) WITHOUT ROWID;
CREATE INDEX themes_name ON themes(name);
)sql";

// v5: near-duplicate links (docs/ingest-archives.md). duplicate_of is the
// rowid of the original a syndicated copy was linked to, NULL for an
// original; signature is the text's MinHash signature (an empty blob for a
// text too short to have one, NULL until computed: a store migrated from
// v4 gets its signatures on the next read-write open). No REFERENCES
// clause: the store clears links to a replaced document itself, and a
// column under a foreign key could never be dropped again.
constexpr const char kMigration5[] = R"sql(
ALTER TABLE documents ADD COLUMN duplicate_of INTEGER;
ALTER TABLE documents ADD COLUMN signature BLOB;
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
)sql";

// v6: an index for `annals serve`'s event listings (docs/serve.md): with
// root first and the key after it, a filtered page comes out in store order
// and stops after its limit instead of sorting every match (0.3 ms instead
// of 10 ms for a root on 100,000 events).
constexpr const char kMigration6[] = R"sql(
CREATE INDEX events_root_doc ON events(root, doc, idx);
)sql";

constexpr const char* const kMigrations[] = {kMigration1, kMigration2, kMigration3,
                                             kMigration4, kMigration5, kMigration6};

// What the file says about itself, read in one statement so that the three
// values come from one snapshot even while another process migrates.
struct Facts {
  int64_t version = 0;
  int64_t application_id = 0;
  int64_t objects = 0;  // tables, indexes, ... of any program
};

StatusOr<Facts> ReadFacts(Db& db, const std::string& path) {
  Stmt s;
  Status st = s.Prepare(db,
                        "SELECT (SELECT user_version FROM pragma_user_version),"
                        " (SELECT application_id FROM pragma_application_id),"
                        " (SELECT count(*) FROM sqlite_schema)");
  if (st.ok() && s.Step() == SQLITE_ROW) {
    Row r(s);
    Facts f;
    f.version = r.Int();
    f.application_id = r.Int();
    f.objects = r.Int();
    return f;
  }
  // The first statement that reads the file: a file that is not a
  // database fails here with SQLITE_NOTADB.
  if ((sqlite3_extended_errcode(db.get()) & 0xFF) == SQLITE_NOTADB)
    return Status(ErrorCode::kStore,
                  "'" + path + "' is not an annals store (not a SQLite database)");
  return db.Error("store '" + path + "'");
}

// Refuses other programs' databases first (a migration always sets both the
// version and our application_id, so a version without our id is foreign),
// then versions this program does not know.
Status CheckFacts(const Facts& f, const std::string& path) {
  const bool ours = f.application_id == kApplicationId;
  if (!ours && (f.application_id != 0 || f.version != 0 || f.objects != 0))
    return Status(ErrorCode::kStore, "'" + path +
                                         "' is a SQLite database of another program, "
                                         "not an annals store");
  const int64_t known = static_cast<int64_t>(Migrations().size());
  if (f.version > known)
    return Status(ErrorCode::kSchema, "store '" + path + "' has schema version " +
                                          std::to_string(f.version) +
                                          ", newer than this program knows (" +
                                          std::to_string(known) + "); use a newer annals");
  return Status::Ok();
}

// Switching to WAL needs the file to itself and SQLite does not wait for
// that (no busy handler), so several processes opening a new store at once
// retry for a while instead of failing.
Status UseWriteAheadLog(Db& db, const std::string& path) {
  for (int attempt = 0;; ++attempt) {
    const int rc = sqlite3_exec(db.get(), "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return Status::Ok();
    if ((rc & 0xFF) != SQLITE_BUSY && (rc & 0xFF) != SQLITE_LOCKED) break;
    if (attempt == 100) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return db.Error("store '" + path + "': switching to write-ahead logging");
}

Status Migrate(Db& db, const std::string& path) {
  ANNALS_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  // Another process may have migrated (or a newer annals upgraded) between
  // the first look and the lock: look again under the lock.
  StatusOr<Facts> f = ReadFacts(db, path);
  Status st = f.ok() ? CheckFacts(*f, path) : f.status();
  const auto migrations = Migrations();
  const int64_t known = static_cast<int64_t>(migrations.size());
  for (int64_t v = st.ok() ? f->version : known; v < known && st.ok(); ++v) {
    if (sqlite3_exec(db.get(), migrations[v], nullptr, nullptr, nullptr) != SQLITE_OK)
      st = db.Error("store '" + path + "': migration to schema version " + std::to_string(v + 1));
  }
  if (st.ok()) {
    const std::string set = "PRAGMA user_version = " + std::to_string(known) +
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

Status PrepareSchema(Db& db, const std::string& path, bool read_only, int* version) {
  sqlite3_busy_timeout(db.get(), 5000);
  StatusOr<Facts> f = ReadFacts(db, path);
  if (!f.ok()) return f.status();
  ANNALS_RETURN_IF_ERROR(CheckFacts(*f, path));
  const int64_t known = static_cast<int64_t>(Migrations().size());
  if (read_only) {
    if (f->version < known)
      return Status(ErrorCode::kSchema,
                    f->version == 0
                        ? "'" + path + "' is empty, not an annals store yet"
                        : "store '" + path + "' has schema version " + std::to_string(f->version) +
                              ", older than this program's; 'annals ingest' upgrades it");
  } else {
    ANNALS_RETURN_IF_ERROR(UseWriteAheadLog(db, path));
    if (sqlite3_exec(db.get(), "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON", nullptr,
                     nullptr, nullptr) != SQLITE_OK)
      return db.Error("store '" + path + "': setting pragmas");
    if (f->version < known) ANNALS_RETURN_IF_ERROR(Migrate(db, path));
  }
  *version = static_cast<int>(known);
  return Status::Ok();
}

}  // namespace annals::internal
