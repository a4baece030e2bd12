// GET /api/series: events per day, week (starting Monday) or month, split
// by QuadClass, with the mean Goldstein score; events without a known day
// are left out. At most kMaxPeriods periods, the earliest first.
#include "serve/api.h"
#include "serve/api_sql.h"

namespace annals::serve {
namespace {

constexpr int64_t kMaxPeriods = 20'000;

const char* PeriodExpr(Interval interval) {
  switch (interval) {
    case Interval::kWeek:
      return "date(day, '-6 days', 'weekday 1')";
    case Interval::kMonth:
      return "substr(day, 1, 7)";
    case Interval::kDay:
      break;
  }
  return "day";
}

}  // namespace

ApiResponse EventSeries(Connection& c, const Params& params) {
  StatusOr<SeriesQuery> q = ParseSeriesQuery(params);
  if (!q.ok()) return ErrorResponse(c, q.status());
  detail::FilterSql f = detail::BuildFilter(q->filter);
  const std::string sql = std::string("WITH f AS (SELECT ") + detail::kDayExpr +
                          " AS day, e.quad_class AS q, e.goldstein AS g " + f.from_where +
                          ") SELECT " + PeriodExpr(q->interval) +
                          " AS period, count(*) AS events, sum(q = 1) AS quad1,"
                          " sum(q = 2) AS quad2, sum(q = 3) AS quad3, sum(q = 4) AS quad4,"
                          " avg(g) AS goldstein_mean FROM f WHERE day IS NOT NULL AND day != ''"
                          " GROUP BY period ORDER BY period LIMIT ?";
  f.values.push_back(kMaxPeriods);
  StatusOr<detail::Table> t = detail::RunQuery(c, sql, f.values);
  if (!t.ok()) return ErrorResponse(c, t.status());
  return detail::RenderAll(*t, q->format);
}

}  // namespace annals::serve
