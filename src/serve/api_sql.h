// Internal header (not public API): the pieces the API handlers share: the
// FROM/WHERE clause for an EventFilter with its bound values, running a
// statement into a Table, and rendering a Table as JSON or CSV.
//
// Tested by api_test.cc and api_sql_test.cc.
#ifndef ANNALS_SERVE_API_SQL_H_
#define ANNALS_SERVE_API_SQL_H_

#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "serve/api.h"

namespace annals::serve::detail {

using Value = std::variant<int64_t, double, std::string>;

// "FROM events e JOIN documents d ... WHERE ..." over the aliases e (event),
// d (document), s (sentence), sa / ta (source / target actor) and p
// (place), plus the values for its '?' placeholders, in order.
struct FilterSql {
  std::string from_where;
  std::vector<Value> values;
};
FilterSql BuildFilter(const EventFilter& filter);

// The SQL expression of an event's day: its own date, else the day its
// document was published.
inline constexpr const char kDayExpr[] = "COALESCE(NULLIF(e.date, ''), substr(d.published, 1, 10))";

// Result rows, with the column names SQLite reports; values as JSON.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<nlohmann::json>> rows;
};

// Prepares (cached) `sql`, binds `values`, reads every row.
StatusOr<Table> RunQuery(Connection& c, const std::string& sql, const std::vector<Value>& values);

// A page of `table` (fetched with limit + 1 rows to learn whether another
// page follows) as a listing in `format`.
ApiResponse RenderPage(Table table, const Page& page, OutputFormat format);
// All of `table` as {"items": [...]} or CSV.
ApiResponse RenderAll(const Table& table, OutputFormat format);

}  // namespace annals::serve::detail

#endif  // ANNALS_SERVE_API_SQL_H_
