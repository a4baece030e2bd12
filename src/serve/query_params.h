// Internal header (not public API): the query parameters of the serve API,
// parsed and validated into plain structs before any SQL is built.
//
// Every value a client sends passes through here: unknown or repeated
// parameters, malformed numbers, dates, codes and boxes are refused with a
// message fit for a 400 response ("goldstein_min: expected a number in
// [-10, 10], got 'x'"), so the handlers only ever bind checked values.
// Codes are restricted to their alphabets (CAMEO event codes are digits,
// actor codes upper-case letters), which also keeps LIKE patterns free of
// wildcards the client did not mean.
//
// Tested by query_params_test.cc and fuzz/query_params_fuzzer.cc.
#ifndef ANNALS_SERVE_QUERY_PARAMS_H_
#define ANNALS_SERVE_QUERY_PARAMS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "annals/status.h"

namespace annals::serve {

// Query string parameters, name -> value; a name may repeat (httplib's
// Params has this type).
using Params = std::multimap<std::string, std::string>;

inline constexpr uint32_t kDefaultPageSize = 100;
inline constexpr uint32_t kMaxPageSize = 1000;
inline constexpr uint64_t kMaxOffset = 1'000'000;
inline constexpr size_t kMaxTextLength = 200;  // bytes of a search string or name

enum class OutputFormat { kJson, kCsv };
enum class Interval { kDay, kWeek, kMonth };

struct BoundingBox {
  double west = 0, south = 0, east = 0, north = 0;  // degrees; west <= east
};

// The filters every event listing and aggregate accepts. Empty strings and
// unset optionals mean "any".
struct EventFilter {
  std::string actor;    // CAMEO actor code prefix, source or target: "ISR", "USAGOV"
  std::string source;   // prefix of the source actor's code
  std::string target;   // prefix of the target actor's code
  std::string country;  // ISO alpha-2 of the event's place ("EG"), or a
                        // CAMEO country (3 letters, "EGY") of either actor
  std::string code;     // CAMEO event code prefix: "04", "042"
  std::string root;     // CAMEO root code, two digits: "19"
  int quad_class = 0;   // 1..4, 0 = any
  std::optional<double> goldstein_min, goldstein_max;  // [-10, 10]
  std::string date_from, date_to;                      // YYYY-MM-DD, inclusive
  std::string place;                                   // place name, case-insensitive exact match
  std::optional<BoundingBox> bbox;
  std::string text;  // substring of the event's sentence (case-insensitive, ASCII)
  std::string doc;   // one document's id
};

struct Page {
  uint32_t limit = kDefaultPageSize;  // 1..kMaxPageSize
  uint64_t offset = 0;                // 0..kMaxOffset
};

struct EventQuery {
  EventFilter filter;
  Page page;
  OutputFormat format = OutputFormat::kJson;
};

struct SeriesQuery {
  EventFilter filter;
  Interval interval = Interval::kDay;
  OutputFormat format = OutputFormat::kJson;
};

// Parses the parameters of /api/events, /api/actors, /api/dyads and
// /api/places (filters, limit, offset, format). Errors are
// kInvalidArgument with a message naming the parameter.
StatusOr<EventQuery> ParseEventQuery(const Params& params);

// /api/series: filters, interval (day|week|month) and format.
StatusOr<SeriesQuery> ParseSeriesQuery(const Params& params);

// /api/documents: limit, offset, format.
StatusOr<Page> ParsePageQuery(const Params& params, OutputFormat* format);

// /api/document: its one parameter, id (1..kMaxIdLength bytes, no control
// characters).
inline constexpr size_t kMaxIdLength = 512;
StatusOr<std::string> ParseDocumentQuery(const Params& params);

// /api/config takes no parameters; any is a 400, as everywhere else.
Status ParseConfigQuery(const Params& params);

// POST /api/ingest. All optional. `name` is the upload's file name without
// any directory (format detection and ids use it; browsers send only the
// base name, so a slash or backslash is refused rather than guessed at); `title`
// and `date` (YYYY-MM-DD, a real day) are what the uploader typed.
inline constexpr size_t kMaxUploadNameLength = 255;
inline constexpr size_t kMaxTitleLength = 500;
struct UploadQuery {
  std::string name;
  std::string title;
  std::string date;
};
StatusOr<UploadQuery> ParseUploadQuery(const Params& params);

}  // namespace annals::serve

#endif  // ANNALS_SERVE_QUERY_PARAMS_H_
