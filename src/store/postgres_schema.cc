// The PostgreSQL schema and its migrations; see postgres_schema.h and
// docs/store.md. Tested by postgres_store_test.cc.
#include "store/postgres_schema.h"

#include <span>

#include "annals/store.h"
#include "store/postgres_connection.h"

namespace annals::internal {
namespace {

// The SQLite schema at version 6 in one script: a PostgreSQL store starts
// there. Child tables are keyed (doc, idx) like SQLite's WITHOUT ROWID
// tables, so a document's rows are found by the primary key's index.
// rowid comes from a sequence the writer draws from itself (it needs the
// keys before COPY sends the child rows).
constexpr const char kSchema6[] = R"sql(
CREATE SEQUENCE documents_rowid_seq;
CREATE TABLE documents (
  rowid bigint PRIMARY KEY DEFAULT nextval('documents_rowid_seq'),
  id text NOT NULL UNIQUE,
  content_hash text NOT NULL UNIQUE,
  format text NOT NULL,
  origin_path text NOT NULL,
  origin_record bigint NOT NULL,
  source text NOT NULL,
  url text NOT NULL,
  published text,
  title text NOT NULL,
  dateline_place text NOT NULL,
  language text NOT NULL,
  text text NOT NULL,
  metadata text NOT NULL,
  stages text NOT NULL,
  token_count bigint NOT NULL,
  tokens bytea NOT NULL,
  ingested_at text NOT NULL
    DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
  duplicate_of bigint,
  signature bytea
);
ALTER SEQUENCE documents_rowid_seq OWNED BY documents.rowid;
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_format ON documents(format);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);

CREATE TABLE document_bands (
  band bigint NOT NULL,
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  PRIMARY KEY (band, doc));
CREATE INDEX document_bands_doc ON document_bands(doc);

CREATE TABLE paragraphs (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  first_sentence bigint NOT NULL, end_sentence bigint NOT NULL,
  PRIMARY KEY (doc, idx));

CREATE TABLE sentences (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  paragraph bigint NOT NULL,
  first_token bigint NOT NULL, end_token bigint NOT NULL,
  PRIMARY KEY (doc, idx));

CREATE TABLE mentions (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  first_token bigint NOT NULL, end_token bigint NOT NULL,
  kind text NOT NULL, entry text NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  PRIMARY KEY (doc, idx));

CREATE TABLE actors (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  code text NOT NULL, name text NOT NULL,
  mentions text NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  kind text NOT NULL DEFAULT '', role text NOT NULL DEFAULT '',
  span_begin bigint NOT NULL DEFAULT 0, span_end bigint NOT NULL DEFAULT 0,
  sentence bigint NOT NULL DEFAULT 0, head bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (doc, idx));

CREATE TABLE events (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  code text NOT NULL,
  source bigint NOT NULL, target bigint NOT NULL, place bigint NOT NULL,
  date text NOT NULL, confidence double precision,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  trigger_token bigint NOT NULL DEFAULT 0,
  root text NOT NULL DEFAULT '',
  goldstein double precision DEFAULT 0,
  quad_class bigint NOT NULL DEFAULT 0,
  plover_event text NOT NULL DEFAULT '', plover_mode text NOT NULL DEFAULT '',
  negated bigint NOT NULL DEFAULT 0, hypothetical bigint NOT NULL DEFAULT 0,
  attribution bigint NOT NULL DEFAULT -1,
  source_place bigint NOT NULL DEFAULT -1, target_place bigint NOT NULL DEFAULT -1,
  PRIMARY KEY (doc, idx));
CREATE INDEX events_code ON events(code);
CREATE INDEX events_root ON events(root, quad_class);
CREATE INDEX events_root_doc ON events(root, doc, idx);

CREATE TABLE places (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  name text NOT NULL, country text NOT NULL,
  latitude double precision, longitude double precision,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  token_begin bigint NOT NULL DEFAULT 0, token_end bigint NOT NULL DEFAULT 0,
  full_name text NOT NULL DEFAULT '', kind text NOT NULL DEFAULT '',
  fips text NOT NULL DEFAULT '', admin1 text NOT NULL DEFAULT '',
  admin1_name text NOT NULL DEFAULT '', feature text NOT NULL DEFAULT '',
  geonames_id bigint NOT NULL DEFAULT 0, confidence double precision DEFAULT 0,
  PRIMARY KEY (doc, idx));
CREATE INDEX places_country ON places(country, kind);

CREATE TABLE quotes (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  speaker_begin bigint NOT NULL, speaker_end bigint NOT NULL,
  speaker bigint NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  last_sentence bigint NOT NULL DEFAULT 0, kind text NOT NULL DEFAULT '',
  speaker_name text NOT NULL DEFAULT '', speaker_code text NOT NULL DEFAULT '',
  verb text NOT NULL DEFAULT '',
  verb_begin bigint NOT NULL DEFAULT 0, verb_end bigint NOT NULL DEFAULT 0,
  reporter bigint NOT NULL DEFAULT -1, reporter_name text NOT NULL DEFAULT '',
  PRIMARY KEY (doc, idx));

CREATE TABLE counts (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  value double precision, unit text NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  value_max double precision, qualifier text NOT NULL DEFAULT '',
  type text NOT NULL DEFAULT '', object text NOT NULL DEFAULT '',
  object_begin bigint NOT NULL DEFAULT 0, object_end bigint NOT NULL DEFAULT 0,
  place bigint NOT NULL DEFAULT -1,
  PRIMARY KEY (doc, idx));
CREATE INDEX counts_type ON counts(type);

CREATE TABLE tones (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  positive double precision, negative double precision, polarity double precision,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  sentence bigint NOT NULL DEFAULT -1, activity double precision,
  self_reference double precision, group_reference double precision,
  words bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (doc, idx));

CREATE TABLE dates (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  resolved text NOT NULL, granularity text NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  PRIMARY KEY (doc, idx));

CREATE TABLE framings (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  span_begin bigint NOT NULL, span_end bigint NOT NULL,
  sentence bigint NOT NULL,
  term text NOT NULL, category text NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  PRIMARY KEY (doc, idx));

CREATE TABLE themes (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  name text NOT NULL, mentions bigint NOT NULL,
  first_begin bigint NOT NULL, first_end bigint NOT NULL,
  rule text NOT NULL, file text NOT NULL, line bigint NOT NULL,
  PRIMARY KEY (doc, idx));
CREATE INDEX themes_name ON themes(name);

CREATE TABLE diagnostics (
  doc bigint NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
  idx bigint NOT NULL,
  stage text NOT NULL, code bigint NOT NULL, message text NOT NULL,
  PRIMARY KEY (doc, idx));
)sql";

struct Migration {
  int version;  // the schema version the script leads to
  const char* sql;
};

// In order; a released script is never edited: a change is a new entry
// (and Store::kSchemaVersion goes up for both stores).
constexpr Migration kMigrations[] = {{6, kSchema6}};
static_assert(std::size(kMigrations) > 0 &&
              std::end(kMigrations)[-1].version == Store::kSchemaVersion);

constexpr int kApplicationId = 0x616E6C73;  // "anls", as in the SQLite store

// The version of the store, 0 for a database without annals' tables;
// kStore when annals_schema exists but is not ours.
StatusOr<int> ReadVersion(pqxx::transaction_base& tx, const std::string& where) {
  const pqxx::row exists = tx.exec1("SELECT to_regclass('annals_schema') IS NOT NULL");
  if (!exists[0].as<bool>()) return 0;
  const pqxx::result r = tx.exec("SELECT application_id, version FROM annals_schema");
  if (r.size() != 1 || r[0][0].as<int64_t>() != kApplicationId)
    return Status(ErrorCode::kStore, "'" + RedactUrl(where) +
                                         "' has an annals_schema table that is not an annals "
                                         "store's");
  return r[0][1].as<int>();
}

Status CheckKnown(int version, const std::string& where) {
  if (version > Store::kSchemaVersion)
    return Status(ErrorCode::kSchema,
                  "store '" + RedactUrl(where) + "' has schema version " + std::to_string(version) +
                      ", newer than this program knows (" + std::to_string(Store::kSchemaVersion) +
                      "); use a newer annals");
  return Status::Ok();
}

Status Migrate(pqxx::connection& conn, const std::string& where) {
  return Guard("applying migrations", where, [&]() -> Status {
    pqxx::work tx(conn);
    tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kPgMigrationLock) + ")");
    // Another process may have migrated (or a newer annals upgraded)
    // before we held the lock: look again under it.
    StatusOr<int> version = ReadVersion(tx, where);
    if (!version.ok()) return version.status();
    ANNALS_RETURN_IF_ERROR(CheckKnown(*version, where));
    if (*version == Store::kSchemaVersion) return Status::Ok();  // rolled back: nothing done
    for (const Migration& m : kMigrations) {
      if (m.version > *version) tx.exec(m.sql);
    }
    tx.exec(
        "CREATE TABLE IF NOT EXISTS annals_schema (application_id bigint NOT NULL,"
        " version integer NOT NULL)");
    tx.exec("DELETE FROM annals_schema");
    tx.exec_params("INSERT INTO annals_schema VALUES ($1, $2)", kApplicationId,
                   Store::kSchemaVersion);
    tx.commit();
    return Status::Ok();
  });
}

}  // namespace

Status PreparePostgresSchema(pqxx::connection& conn, const std::string& where, bool read_only,
                             int* version) {
  int found = 0;
  ANNALS_RETURN_IF_ERROR(Guard("reading the schema version", where, [&]() -> Status {
    pqxx::read_transaction tx(conn);
    StatusOr<int> v = ReadVersion(tx, where);
    if (!v.ok()) return v.status();
    found = *v;
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(CheckKnown(found, where));
  if (read_only) {
    if (found < Store::kSchemaVersion)
      return Status(ErrorCode::kSchema,
                    found == 0 ? "'" + RedactUrl(where) + "' is not an annals store yet"
                               : "store '" + RedactUrl(where) + "' has schema version " +
                                     std::to_string(found) +
                                     ", older than this program's; 'annals ingest' upgrades it");
  } else if (found < Store::kSchemaVersion) {
    ANNALS_RETURN_IF_ERROR(Migrate(conn, where));
  }
  *version = Store::kSchemaVersion;
  return Status::Ok();
}

}  // namespace annals::internal
