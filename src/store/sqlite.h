// Internal header (not public API): thin RAII wrappers over the SQLite C
// API, just enough for the store.
//
// Why our own wrappers: the store needs a handful of calls (open, exec,
// prepare/bind/step/column) with every failure turned into an annals Status
// carrying SQLite's message; a third-party C++ binding would bring
// exceptions and more surface than we use. Binding and reading go through
// small cursor objects (Binder, Row) that count parameter and column indices
// so that long INSERT and SELECT lists cannot get out of step silently.
//
// Text and blobs are bound with SQLITE_STATIC: the caller keeps the bytes
// alive until the statement has been stepped and reset.
//
// Tested by store_test.cc (through the Store).
#ifndef ANNALS_STORE_SQLITE_H_
#define ANNALS_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::internal {

// One open database connection; closes it on destruction.
class Db {
 public:
  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Opens (or creates) `path` read-write, or opens it read-only. SQLite
  // opens lazily, so a file that is not a database is only noticed by the
  // first statement.
  Status Open(const std::string& path, bool read_only);

  // Runs one or more ';'-separated statements that return no rows.
  Status Exec(const char* sql);

  // A kStore Status: "<context>: <SQLite message>".
  Status Error(std::string_view context) const;

  sqlite3* get() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// One prepared statement; finalized on destruction. Movable.
class Stmt {
 public:
  Stmt() = default;
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Status Prepare(Db& db, const char* sql);

  // Steps once: SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(stmt_); }
  // Clears bindings and rewinds, ready for the next use.
  void Reset();
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Binds parameters 1, 2, 3, ... in order. Binding errors are rare (only out
// of range or out of memory) and surface at Step(). Text and Blob do not
// copy: the bytes must outlive the Step(); TextCopy is for temporaries.
class Binder {
 public:
  explicit Binder(Stmt& stmt) : stmt_(stmt.get()) {}
  Binder& Int(int64_t v);
  Binder& Double(double v);
  Binder& Text(std::string_view v);
  Binder& TextCopy(std::string_view v);
  Binder& Blob(std::string_view v);
  Binder& Null();

 private:
  sqlite3_stmt* stmt_;
  int next_ = 1;
};

// Reads columns 0, 1, 2, ... of the current row in order.
class Row {
 public:
  explicit Row(Stmt& stmt) : stmt_(stmt.get()) {}
  int64_t Int();
  double Double();     // NULL reads as NaN
  std::string Text();  // NULL reads as ""
  std::string Blob();  // NULL reads as ""
  bool IsNull() const { return sqlite3_column_type(stmt_, next_) == SQLITE_NULL; }
  void Skip() { ++next_; }

 private:
  sqlite3_stmt* stmt_;
  int next_ = 0;
};

// Rewinds a statement when the scope ends, whatever happened inside, so a
// failed write never leaves a cached statement half-run (which would keep a
// read transaction open).
class ResetOnExit {
 public:
  explicit ResetOnExit(Stmt& stmt) : stmt_(stmt) {}
  ~ResetOnExit() { stmt_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Stmt& stmt_;
};

}  // namespace annals::internal

#endif  // ANNALS_STORE_SQLITE_H_
