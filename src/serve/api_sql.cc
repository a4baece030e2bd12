// The SQL fragments of the event filters, running statements, and JSON/CSV
// rendering; see api_sql.h. The WHERE clause is assembled from constant
// strings chosen by which filters are set, never from client text, so that
// SQLite can use the events indexes for the filters present (a single
// statement with "? IS NULL OR ..." for every filter defeats the planner).
#include "serve/api_sql.h"

#include <cmath>

namespace annals::serve::detail {
namespace {

void Where(FilterSql* f, const char* condition) {
  f->from_where += f->from_where.find(" WHERE ") == std::string::npos ? " WHERE " : " AND ";
  f->from_where += condition;
}

std::string CsvField(const nlohmann::json& v) {
  std::string s;
  if (v.is_null()) return s;
  s = v.is_string() ? v.get<std::string>() : v.dump();
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char ch : s) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

std::string ToCsv(const Table& table) {
  std::string out;
  for (size_t i = 0; i < table.columns.size(); ++i)
    out += (i ? "," : "") + CsvField(table.columns[i]);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t i = 0; i < row.size(); ++i) out += (i ? "," : "") + CsvField(row[i]);
    out += "\r\n";
  }
  return out;
}

nlohmann::json Items(const Table& table) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < row.size(); ++i) o[table.columns[i]] = row[i];
    items.push_back(std::move(o));
  }
  return items;
}

}  // namespace

FilterSql BuildFilter(const EventFilter& filter) {
  FilterSql f;
  f.from_where =
      "FROM events e JOIN documents d ON d.rowid = e.doc"
      " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence"
      " LEFT JOIN actors sa ON sa.doc = e.doc AND sa.idx = e.source"
      " LEFT JOIN actors ta ON ta.doc = e.doc AND ta.idx = e.target"
      " LEFT JOIN places p ON p.doc = e.doc AND p.idx = e.place";
  auto prefix = [](const std::string& code) { return Value(code + "%"); };
  if (!filter.actor.empty()) {
    Where(&f, "(sa.code LIKE ? OR ta.code LIKE ?)");
    f.values.push_back(prefix(filter.actor));
    f.values.push_back(prefix(filter.actor));
  }
  if (!filter.source.empty()) {
    Where(&f, "sa.code LIKE ?");
    f.values.push_back(prefix(filter.source));
  }
  if (!filter.target.empty()) {
    Where(&f, "ta.code LIKE ?");
    f.values.push_back(prefix(filter.target));
  }
  if (filter.country.size() == 2) {
    Where(&f, "p.country = ?");
    f.values.push_back(filter.country);
  } else if (!filter.country.empty()) {
    Where(&f, "(sa.code LIKE ? OR ta.code LIKE ?)");
    f.values.push_back(prefix(filter.country));
    f.values.push_back(prefix(filter.country));
  }
  if (!filter.code.empty()) {
    // Equality on the root first lets the events_root index narrow the scan.
    Where(&f, "e.root = ? AND e.code LIKE ?");
    f.values.push_back(filter.code.substr(0, 2));
    f.values.push_back(prefix(filter.code));
  }
  if (!filter.root.empty()) {
    Where(&f, "e.root = ?");
    f.values.push_back(filter.root);
  }
  if (filter.quad_class != 0) {
    Where(&f, "e.quad_class = ?");
    f.values.push_back(int64_t{filter.quad_class});
  }
  if (filter.goldstein_min) {
    Where(&f, "e.goldstein >= ?");
    f.values.push_back(*filter.goldstein_min);
  }
  if (filter.goldstein_max) {
    Where(&f, "e.goldstein <= ?");
    f.values.push_back(*filter.goldstein_max);
  }
  if (!filter.date_from.empty()) {
    Where(&f, "COALESCE(NULLIF(e.date, ''), substr(d.published, 1, 10)) >= ?");
    f.values.push_back(filter.date_from);
  }
  if (!filter.date_to.empty()) {
    Where(&f, "COALESCE(NULLIF(e.date, ''), substr(d.published, 1, 10)) <= ?");
    f.values.push_back(filter.date_to);
  }
  if (!filter.place.empty()) {
    Where(&f, "(p.name = ? COLLATE NOCASE OR p.full_name = ? COLLATE NOCASE)");
    f.values.push_back(filter.place);
    f.values.push_back(filter.place);
  }
  if (filter.bbox) {
    Where(&f, "p.latitude BETWEEN ? AND ? AND p.longitude BETWEEN ? AND ?");
    f.values.push_back(filter.bbox->south);
    f.values.push_back(filter.bbox->north);
    f.values.push_back(filter.bbox->west);
    f.values.push_back(filter.bbox->east);
  }
  if (!filter.text.empty()) {
    // Spans are byte offsets, so the sentence is cut from the text as bytes.
    Where(&f,
          "instr(lower(CAST(substr(CAST(d.text AS BLOB), s.span_begin + 1,"
          " s.span_end - s.span_begin) AS TEXT)), lower(?)) > 0");
    f.values.push_back(filter.text);
  }
  if (!filter.doc.empty()) {
    Where(&f, "d.id = ?");
    f.values.push_back(filter.doc);
  }
  return f;
}

StatusOr<Table> RunQuery(Connection& c, const std::string& sql, const std::vector<Value>& values) {
  // A request whose time is already spent runs no further statement.
  if (c.TimedOut()) return Status(ErrorCode::kStore, "query time limit reached");
  StatusOr<annals::internal::Stmt*> prepared = c.Prepare(sql);
  if (!prepared.ok()) return prepared.status();
  annals::internal::Stmt& stmt = **prepared;
  annals::internal::ResetOnExit reset(stmt);
  annals::internal::Binder bind(stmt);
  for (const Value& v : values) {
    if (const auto* i = std::get_if<int64_t>(&v)) {
      bind.Int(*i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      bind.Double(*d);
    } else {
      bind.Text(std::get<std::string>(v));
    }
  }
  Table table;
  sqlite3_stmt* s = stmt.get();
  const int n = sqlite3_column_count(s);
  for (int i = 0; i < n; ++i) table.columns.emplace_back(sqlite3_column_name(s, i));
  int rc;
  while ((rc = stmt.Step()) == SQLITE_ROW) {
    auto& row = table.rows.emplace_back();
    row.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_INTEGER:
          row.emplace_back(sqlite3_column_int64(s, i));
          break;
        case SQLITE_FLOAT: {
          const double d = sqlite3_column_double(s, i);
          row.emplace_back(std::isfinite(d) ? nlohmann::json(d) : nlohmann::json());
          break;
        }
        case SQLITE_NULL:
          row.emplace_back(nullptr);
          break;
        default:
          row.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)),
                                       static_cast<size_t>(sqlite3_column_bytes(s, i))));
      }
    }
  }
  if (rc != SQLITE_DONE) return c.db().Error("query");
  return table;
}

ApiResponse RenderPage(Table table, const Page& page, OutputFormat format) {
  const bool more = table.rows.size() > page.limit;
  if (more) table.rows.resize(page.limit);
  if (format == OutputFormat::kCsv) return RenderAll(table, format);
  nlohmann::json out = {{"items", Items(table)},
                        {"limit", page.limit},
                        {"offset", page.offset},
                        {"next_offset", nullptr}};
  if (more) out["next_offset"] = page.offset + page.limit;
  // Stored text may hold bytes that are not UTF-8 (a newer writer, a
  // damaged file); replace them rather than fail the whole page.
  return ApiResponse{200, "application/json",
                     out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

ApiResponse RenderAll(const Table& table, OutputFormat format) {
  if (format == OutputFormat::kCsv)
    return ApiResponse{200, "text/csv; charset=utf-8", ToCsv(table)};
  const nlohmann::json out = {{"items", Items(table)}};
  return ApiResponse{200, "application/json",
                     out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace annals::serve::detail
