// Internal header (not public API): the store's schema as an ordered list of
// migrations, and the code that brings a database up to date on open.
//
// Migration i (1-based) takes a database from user_version i-1 to i. All
// pending migrations run in one IMMEDIATE transaction together with the
// user_version update, so a database is always at exactly one version. A
// migration, once released, is never edited: a change is a new migration.
// docs/store.md describes the tables.
//
// Tested by store_test.cc.
#ifndef ANNALS_STORE_SCHEMA_H_
#define ANNALS_STORE_SCHEMA_H_

#include <cstdint>
#include <span>
#include <string>

#include "annals/status.h"
#include "store/sqlite.h"

namespace annals::internal {

// PRAGMA application_id of an annals store ("anls"), so that another
// program's SQLite file is not mistaken for ours.
inline constexpr int32_t kApplicationId = 0x616E6C73;

// The migrations, in order; size() is the newest schema version.
std::span<const char* const> Migrations();

// Sets the connection pragmas (WAL, synchronous=NORMAL, foreign keys, busy
// timeout), checks that `path` is an annals store of a version this program
// knows, and applies pending migrations (read-write), or requires the
// current version (read-only). Errors: kStore (not a database, not an
// annals store, SQLite failure), kSchema (newer than this program; older,
// when read-only).
Status PrepareSchema(Db& db, const std::string& path, bool read_only, int* version);

}  // namespace annals::internal

#endif  // ANNALS_STORE_SCHEMA_H_
