// Internal header (not public API): connecting to PostgreSQL through
// libpqxx, and turning libpqxx's exceptions into annals Statuses.
//
// Why a layer: libpqxx reports every failure by throwing, and the library
// never throws across its API (HACKING.md). Every call into libpqxx runs
// inside Guard(), which maps a lost or refused connection to
// kUnavailable ([E020]: the server may come back, a retry may succeed) and
// anything the server refuses to kStore with its SQLSTATE. Messages name
// the server by its URL with any password replaced by "***".
//
// Tested by postgres_store_test.cc.
#ifndef ANNALS_STORE_POSTGRES_CONNECTION_H_
#define ANNALS_STORE_POSTGRES_CONNECTION_H_

#include <cstdint>
#include <exception>
#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

namespace annals::internal {

// "postgresql://" or "postgres://" (libpq's URL schemes).
bool IsPostgresUrl(std::string_view target);

// The URL with the password (user:PASSWORD@) and any password= parameter
// replaced by "***", for messages.
std::string RedactUrl(std::string_view url);

// Opens a connection. Without a connect_timeout in the URL, 10 s is used,
// so an unreachable host fails instead of hanging. Errors: kUnavailable.
StatusOr<std::unique_ptr<pqxx::connection>> Connect(const std::string& url);

// The Status for an exception thrown by libpqxx: kUnavailable for a broken
// connection or a commit whose outcome is unknown, kStore otherwise.
// `context` says what was being done.
Status FromException(const std::exception& e, std::string_view context, std::string_view where);

// True when the server refused a statement for its data (SQLSTATE classes
// 22 data exception, 23 integrity constraint, 54 program limit, P0
// PL/pgSQL raise): one document's fault, not the server's.
bool RefusesData(const pqxx::sql_error& e);

// Runs fn() and turns any exception into a Status (see FromException).
template <typename Fn>
Status Guard(std::string_view context, std::string_view where, Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return FromException(e, context, where);
  }
}

// PostgreSQL array literals ('{"a","b"}', '{1,2}') for "= ANY($1)"
// parameters: one round trip for a whole batch's keys.
std::string TextArray(const std::vector<std::string>& values);
std::string IntArray(const std::vector<int64_t>& values);

// bytea in PostgreSQL's hex form ("\x0a1b...") and back; Decode refuses
// anything else.
std::string ByteaHex(std::string_view bytes);
bool DecodeByteaHex(std::string_view text, std::string* out);

}  // namespace annals::internal

#endif  // ANNALS_STORE_POSTGRES_CONNECTION_H_
