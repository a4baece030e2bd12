// Internal header (not public API): the PostgreSQL store's schema and the
// code that brings a database up to date on open.
//
// The tables are the SQLite store's (docs/store.md), column for column,
// with PostgreSQL's types: INTEGER -> bigint (SQLite integers are 64-bit),
// REAL -> double precision (NULL for NaN, as in SQLite), BLOB -> bytea.
// One table more, document_bands, holds each document's near-duplicate
// band keys so that a writer finds candidates with an indexed query
// instead of keeping every signature in memory: writers in several
// processes all see the same index.
//
// The version lives in the one-row table annals_schema (application_id,
// version), the counterpart of SQLite's PRAGMA application_id and
// user_version; it is the same number as the SQLite schema's
// (Store::kSchemaVersion). Migrations run in one transaction under an
// advisory lock, so concurrent first opens migrate once; a newer version
// is refused (kSchema) and left untouched.
//
// Tested by postgres_store_test.cc.
#ifndef ANNALS_STORE_POSTGRES_SCHEMA_H_
#define ANNALS_STORE_POSTGRES_SCHEMA_H_

#include <cstdint>
#include <pqxx/pqxx>
#include <string>

#include "annals/status.h"

namespace annals::internal {

// pg_advisory_xact_lock keys: migrations, and every write transaction
// (dedupe and near-duplicate lookups must see the batches before theirs).
inline constexpr int64_t kPgMigrationLock = 0x616E6C73'0001;  // "anls" 1
inline constexpr int64_t kPgWriteLock = 0x616E6C73'0002;      // "anls" 2

// Checks that the database is an annals store of a version this program
// knows and applies pending migrations (read-write), or requires the
// current version (read-only). `where` names the store in messages.
// Errors: kUnavailable, kStore, kSchema.
Status PreparePostgresSchema(pqxx::connection& conn, const std::string& where, bool read_only,
                             int* version);

}  // namespace annals::internal

#endif  // ANNALS_STORE_POSTGRES_SCHEMA_H_
