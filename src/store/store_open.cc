// Store::Open: the store a path names. A postgresql:// or postgres:// URL is
// a PostgreSQL server (postgres_store.h); anything else is a SQLite file
// (sqlite_store.h). Tested by store_test.cc and postgres_store_test.cc.
#include "annals/store.h"
#include "store/postgres_connection.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace annals {

bool Store::IsServerUrl(std::string_view path) { return internal::IsPostgresUrl(path); }

std::string Store::DisplayName(std::string_view path) {
  return IsServerUrl(path) ? internal::RedactUrl(path) : std::string(path);
}

StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode) {
  if (IsServerUrl(path)) return internal::PostgresStore::Create(path, mode);
  if (path.empty() || path == ":memory:")
    return Status(ErrorCode::kInvalidArgument, "the store needs a file name, not '" + path +
                                                   "' (SQLite would use a store "
                                                   "that is gone when annals exits)");
  return internal::SqliteStore::Create(path, mode);
}

}  // namespace annals
