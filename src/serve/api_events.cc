// GET /api/events: the events matching the filters with their actors,
// place, sentence and document, in store order (document, then position),
// which is stable across pages and needs no sort over the whole match.
#include "serve/api.h"
#include "serve/api_sql.h"

namespace annals::serve {

using detail::BuildFilter;
using detail::FilterSql;

ApiResponse ListEvents(Connection& c, const Params& params) {
  StatusOr<EventQuery> q = ParseEventQuery(params);
  if (!q.ok()) return ErrorResponse(c, q.status());
  FilterSql f = BuildFilter(q->filter);
  // The page's keys first, then its columns: sorting only (doc, idx) keeps
  // the sentence text and the joins out of the sorter, which otherwise
  // computes them for every match, not just the page.
  const std::string sql =
      "WITH page AS (SELECT e.doc AS doc, e.idx AS idx " + f.from_where +
      " ORDER BY e.doc, e.idx LIMIT ? OFFSET ?) SELECT d.id AS doc, e.idx AS event, " +
      detail::kDayExpr +
      " AS day, e.code AS code, e.root AS root, e.quad_class AS quad_class,"
      " e.goldstein AS goldstein, e.plover_event AS plover,"
      " e.negated AS negated, e.hypothetical AS hypothetical,"
      " sa.code AS source_code, sa.name AS source_name,"
      " ta.code AS target_code, ta.name AS target_name,"
      " p.name AS place, p.country AS country,"
      " p.latitude AS latitude, p.longitude AS longitude,"
      " CAST(substr(CAST(d.text AS BLOB), s.span_begin + 1,"
      " s.span_end - s.span_begin) AS TEXT) AS sentence,"
      " d.title AS title, d.url AS url"
      " FROM page JOIN events e ON e.doc = page.doc AND e.idx = page.idx"
      " JOIN documents d ON d.rowid = e.doc"
      " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sentence"
      " LEFT JOIN actors sa ON sa.doc = e.doc AND sa.idx = e.source"
      " LEFT JOIN actors ta ON ta.doc = e.doc AND ta.idx = e.target"
      " LEFT JOIN places p ON p.doc = e.doc AND p.idx = e.place"
      " ORDER BY e.doc, e.idx";
  f.values.push_back(int64_t{q->page.limit} + 1);
  f.values.push_back(static_cast<int64_t>(q->page.offset));
  StatusOr<detail::Table> t = detail::RunQuery(c, sql, f.values);
  if (!t.ok()) return ErrorResponse(c, t.status());
  return detail::RenderPage(std::move(t).value(), q->page, q->format);
}

}  // namespace annals::serve
