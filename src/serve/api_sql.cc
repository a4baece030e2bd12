// The SQL fragments of the event filters, running statements, and JSON/CSV
// rendering; see api_sql.h. The WHERE clause is assembled from constant
// strings chosen by which filters are set, never from client text, so that
// SQLite can use the events indexes for the filters present (a single
// statement with "? IS NULL OR ..." for every filter defeats the planner).
#include "serve/api_sql.h"

#include <cmath>
#include <string>
#include <string_view>

#include "text/utf8.h"

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

// A JSON string, with bytes that are not UTF-8 (a newer writer, a damaged
// file) replaced by U+FFFD rather than failing the whole page.
void AppendString(std::string_view s, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x80) {
      char32_t cp;
      const size_t n = annals::internal::DecodeUtf8(s, i, &cp);
      if (n == 0) {
        annals::internal::AppendUtf8(annals::internal::kReplacementChar, out);
        ++i;
      } else {
        out->append(s, i, n);
        i += n;
      }
      continue;
    }
    ++i;
    if (b == '"' || b == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(b));
    } else if (b < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out->append("\\u00");
      out->push_back(kHex[b >> 4]);
      out->push_back(kHex[b & 15]);
    } else {
      out->push_back(static_cast<char>(b));
    }
  }
  out->push_back('"');
}

// The rows as a JSON array of objects, keys in column order. Written
// straight to text: building a json object per row (a map of ~25 keys) and
// dumping it held the filtered event page at 1,585 requests/s where this
// gives 2,390-2,594 (bench/serve_load.sh, 8 connections, docs/serve.md).
void AppendItems(const Table& table, std::string* out) {
  out->push_back('[');
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (r) out->push_back(',');
    out->push_back('{');
    const auto& row = table.rows[r];
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out->push_back(',');
      AppendString(table.columns[i], out);
      out->push_back(':');
      if (row[i].is_string()) {
        AppendString(row[i].get_ref<const std::string&>(), out);
      } else {
        out->append(row[i].dump());
      }
    }
    out->push_back('}');
  }
  out->push_back(']');
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
  std::string out = "{\"items\":";
  out.reserve(table.rows.size() * 768);
  AppendItems(table, &out);
  out += ",\"limit\":" + std::to_string(page.limit);
  out += ",\"next_offset\":" + (more ? std::to_string(page.offset + page.limit) : "null");
  out += ",\"offset\":" + std::to_string(page.offset) + "}";
  return ApiResponse{200, "application/json", std::move(out)};
}

ApiResponse RenderAll(const Table& table, OutputFormat format) {
  if (format == OutputFormat::kCsv)
    return ApiResponse{200, "text/csv; charset=utf-8", ToCsv(table)};
  std::string out = "{\"items\":";
  AppendItems(table, &out);
  out += "}";
  return ApiResponse{200, "application/json", std::move(out)};
}

}  // namespace annals::serve::detail
