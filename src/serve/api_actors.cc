// GET /api/actors, /api/dyads and /api/places: the matching events grouped
// by actor, by (source, target) pair and by place, busiest first, each with
// its count and mean Goldstein score. The filtered events are a CTE so that
// the grouping sees exactly what /api/events would list. "x != ''" leaves
// out both NULL (no actor or place) and empty codes.
#include "serve/api.h"
#include "serve/api_sql.h"

namespace annals::serve {
namespace {

constexpr const char kFiltered[] =
    "WITH f AS (SELECT sa.code AS sc, sa.name AS sn, ta.code AS tc, ta.name AS tn,"
    " e.goldstein AS g, e.quad_class AS q, p.name AS pn, p.country AS pc,"
    " p.latitude AS plat, p.longitude AS plon ";

ApiResponse Grouped(Connection& c, const Params& params, const char* select) {
  StatusOr<EventQuery> q = ParseEventQuery(params);
  if (!q.ok()) return ErrorResponse(c, q.status());
  detail::FilterSql f = detail::BuildFilter(q->filter);
  const std::string sql =
      std::string(kFiltered) + f.from_where + ") " + select + " LIMIT ? OFFSET ?";
  f.values.push_back(int64_t{q->page.limit} + 1);
  f.values.push_back(static_cast<int64_t>(q->page.offset));
  StatusOr<detail::Table> t = detail::RunQuery(c, sql, f.values);
  if (!t.ok()) return ErrorResponse(c, t.status());
  return detail::RenderPage(std::move(t).value(), q->page, q->format);
}

}  // namespace

ApiResponse ListActors(Connection& c, const Params& params) {
  return Grouped(c, params,
                 "SELECT code, max(name) AS name, count(*) AS events,"
                 " sum(as_source) AS as_source, sum(1 - as_source) AS as_target,"
                 " avg(g) AS goldstein_mean FROM ("
                 " SELECT sc AS code, sn AS name, 1 AS as_source, g FROM f WHERE sc != ''"
                 " UNION ALL SELECT tc, tn, 0, g FROM f WHERE tc != '')"
                 " GROUP BY code ORDER BY events DESC, code");
}

ApiResponse ListDyads(Connection& c, const Params& params) {
  return Grouped(c, params,
                 "SELECT sc AS source_code, max(sn) AS source_name, tc AS target_code,"
                 " max(tn) AS target_name, count(*) AS events, avg(g) AS goldstein_mean,"
                 " sum(q = 1) AS quad1, sum(q = 2) AS quad2, sum(q = 3) AS quad3,"
                 " sum(q = 4) AS quad4 FROM f WHERE sc != '' AND tc != ''"
                 " GROUP BY sc, tc ORDER BY events DESC, sc, tc");
}

ApiResponse ListPlaces(Connection& c, const Params& params) {
  return Grouped(c, params,
                 "SELECT pn AS place, pc AS country, plat AS latitude, plon AS longitude,"
                 " count(*) AS events, avg(g) AS goldstein_mean FROM f WHERE pn != ''"
                 " GROUP BY pn, pc, plat, plon ORDER BY events DESC, pn");
}

}  // namespace annals::serve
