// RAII wrappers over the SQLite C API; see sqlite.h.
// Tested by store_test.cc (through the Store).
#include "store/sqlite.h"

#include <limits>
#include <utility>

namespace annals::internal {

Db::~Db() {
  // sqlite3_close_v2 defers the close until every statement is finalized,
  // so member destruction order in the store does not matter.
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Open(const std::string& path, bool read_only) {
  const int flags =
      (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s(ErrorCode::kStore, "cannot open store '" + path + "': " +
                                    (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    return s;
  }
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

Status Db::Exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error("exec");
  return Status::Ok();
}

Status Db::Error(std::string_view context) const {
  std::string msg(context);
  msg += ": ";
  msg += db_ != nullptr ? sqlite3_errmsg(db_) : "no database";
  return Status(ErrorCode::kStore, std::move(msg));
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Status Stmt::Prepare(Db& db, const char* sql) {
  sqlite3_finalize(stmt_);
  stmt_ = nullptr;
  // SQLITE_PREPARE_PERSISTENT: these statements live as long as the store.
  if (sqlite3_prepare_v3(db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
      SQLITE_OK)
    return db.Error(std::string("prepare \"") + sql + "\"");
  return Status::Ok();
}

void Stmt::Reset() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Binder& Binder::Int(int64_t v) {
  sqlite3_bind_int64(stmt_, next_++, v);
  return *this;
}

Binder& Binder::Double(double v) {
  sqlite3_bind_double(stmt_, next_++, v);
  return *this;
}

Binder& Binder::Text(std::string_view v) {
  // A non-null pointer even for "" so that empty text is stored as '' and
  // not as NULL.
  sqlite3_bind_text64(stmt_, next_++, v.empty() ? "" : v.data(), v.size(), SQLITE_STATIC,
                      SQLITE_UTF8);
  return *this;
}

Binder& Binder::TextCopy(std::string_view v) {
  sqlite3_bind_text64(stmt_, next_++, v.empty() ? "" : v.data(), v.size(), SQLITE_TRANSIENT,
                      SQLITE_UTF8);
  return *this;
}

Binder& Binder::Blob(std::string_view v) {
  sqlite3_bind_blob64(stmt_, next_++, v.empty() ? "" : v.data(), v.size(), SQLITE_STATIC);
  return *this;
}

Binder& Binder::Null() {
  sqlite3_bind_null(stmt_, next_++);
  return *this;
}

int64_t Row::Int() { return sqlite3_column_int64(stmt_, next_++); }

double Row::Double() {
  // SQLite stores NaN as NULL; reading it back as NaN keeps round trips exact.
  const int i = next_++;
  if (sqlite3_column_type(stmt_, i) == SQLITE_NULL) return std::numeric_limits<double>::quiet_NaN();
  return sqlite3_column_double(stmt_, i);
}

std::string Row::Text() {
  const int i = next_++;
  const unsigned char* p = sqlite3_column_text(stmt_, i);
  if (p == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
}

std::string Row::Blob() {
  const int i = next_++;
  const void* p = sqlite3_column_blob(stmt_, i);
  if (p == nullptr) return std::string();
  return std::string(static_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, i)));
}

}  // namespace annals::internal
