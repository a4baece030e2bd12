// Parsing and validating the serve API's query parameters; see
// query_params.h. Each parser first checks that every parameter name is one
// it knows and appears once, so a typo ("goldstien_min") is an error rather
// than a silently ignored filter.
#include "serve/query_params.h"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <set>
#include <string_view>

namespace annals::serve {
namespace {

Status Bad(std::string_view name, std::string_view what, std::string_view value) {
  std::string shown(value.substr(0, 40));
  for (char& c : shown)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
  if (value.size() > 40) shown += "...";
  return Status(ErrorCode::kInvalidArgument,
                std::string(name) + ": expected " + std::string(what) + ", got '" + shown + "'");
}

Status CheckNames(const Params& params, std::initializer_list<std::string_view> known) {
  std::string prev;
  for (const auto& [name, value] : params) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == name;
    if (!ok) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      return Bad("parameter", known.size() == 0 ? "none" : "one of " + list, name);
    }
    if (name == prev) return Status(ErrorCode::kInvalidArgument, name + ": given more than once");
    prev = name;
  }
  return Status::Ok();
}

const std::string* Find(const Params& params, std::string_view name) {
  auto it = params.find(std::string(name));
  return it == params.end() ? nullptr : &it->second;
}

bool AllOf(std::string_view s, bool (*pred)(char)) {
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsUpper(c) || (c >= 'a' && c <= 'z'); }

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// A whole, finite decimal number in [lo, hi].
Status ParseDouble(std::string_view name, const std::string& v, double lo, double hi, double* out) {
  const std::string what = "a number in [" + std::to_string(static_cast<int>(lo)) + ", " +
                           std::to_string(static_cast<int>(hi)) + "]";
  if (v.empty() || v.size() > 32) return Bad(name, what, v);
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d) || d < lo || d > hi)
    return Bad(name, what, v);
  *out = d;
  return Status::Ok();
}

Status ParseUnsigned(std::string_view name, const std::string& v, uint64_t lo, uint64_t hi,
                     uint64_t* out) {
  const std::string what =
      "a whole number in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  if (v.empty() || v.size() > 20 || !AllOf(v, IsDigit)) return Bad(name, what, v);
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi)
    return Bad(name, what, v);
  *out = n;
  return Status::Ok();
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// YYYY-MM-DD naming a real day.
Status ParseDate(std::string_view name, const std::string& v, std::string* out) {
  static constexpr std::string_view kWhat = "a date YYYY-MM-DD";
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return Bad(name, kWhat, v);
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!IsDigit(v[i])) return Bad(name, kWhat, v);
  const int y = std::stoi(v.substr(0, 4)), m = std::stoi(v.substr(5, 2)),
            d = std::stoi(v.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return Bad(name, kWhat, v);
  if (d > kDays[m - 1] + (m == 2 && IsLeap(y) ? 1 : 0)) return Bad(name, kWhat, v);
  *out = v;
  return Status::Ok();
}

// An actor code prefix: 3..15 letters, compared upper-case.
Status ParseActorCode(std::string_view name, const std::string& v, std::string* out) {
  if (v.size() < 3 || v.size() > 15 || !AllOf(v, IsLetter))
    return Bad(name, "a CAMEO actor code of 3 to 15 letters (\"ISR\", \"USAGOV\")", v);
  *out = Upper(v);
  return Status::Ok();
}

// Free text (search string, place name): 1..max_length bytes without
// control characters.
Status ParseText(std::string_view name, const std::string& v, std::string* out,
                 size_t max_length = kMaxTextLength) {
  const std::string what =
      "1 to " + std::to_string(max_length) + " bytes of text without control characters";
  if (v.empty() || v.size() > max_length) return Bad(name, what, v);
  for (char c : v)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return Bad(name, what, v);
  *out = v;
  return Status::Ok();
}

Status ParseBox(const std::string& v, BoundingBox* out) {
  static constexpr std::string_view kWhat =
      "west,south,east,north in degrees (west <= east, south <= north)";
  double f[4];
  size_t at = 0;
  for (int i = 0; i < 4; ++i) {
    const size_t comma = i < 3 ? v.find(',', at) : v.size();
    if (comma == std::string::npos) return Bad("bbox", kWhat, v);
    const std::string part = v.substr(at, comma - at);
    const double limit = i % 2 == 0 ? 180 : 90;
    if (!ParseDouble("bbox", part, -limit, limit, &f[i]).ok()) return Bad("bbox", kWhat, v);
    at = comma + 1;
  }
  if (f[0] > f[2] || f[1] > f[3]) return Bad("bbox", kWhat, v);
  *out = BoundingBox{f[0], f[1], f[2], f[3]};
  return Status::Ok();
}

Status ParseFormat(const Params& params, OutputFormat* out) {
  const std::string* v = Find(params, "format");
  if (v == nullptr || *v == "json") return Status::Ok();
  if (*v != "csv") return Bad("format", "json or csv", *v);
  *out = OutputFormat::kCsv;
  return Status::Ok();
}

Status ParsePage(const Params& params, Page* page) {
  uint64_t n = 0;
  if (const std::string* v = Find(params, "limit")) {
    ANNALS_RETURN_IF_ERROR(ParseUnsigned("limit", *v, 1, kMaxPageSize, &n));
    page->limit = static_cast<uint32_t>(n);
  }
  if (const std::string* v = Find(params, "offset")) {
    ANNALS_RETURN_IF_ERROR(ParseUnsigned("offset", *v, 0, kMaxOffset, &n));
    page->offset = n;
  }
  return Status::Ok();
}

Status ParseFilter(const Params& params, EventFilter* f) {
  if (const std::string* v = Find(params, "actor"))
    ANNALS_RETURN_IF_ERROR(ParseActorCode("actor", *v, &f->actor));
  if (const std::string* v = Find(params, "source"))
    ANNALS_RETURN_IF_ERROR(ParseActorCode("source", *v, &f->source));
  if (const std::string* v = Find(params, "target"))
    ANNALS_RETURN_IF_ERROR(ParseActorCode("target", *v, &f->target));
  if (const std::string* v = Find(params, "country")) {
    if ((v->size() != 2 && v->size() != 3) || !AllOf(*v, IsLetter))
      return Bad("country", "an ISO code of 2 letters (place) or a CAMEO code of 3 (actor)", *v);
    f->country = Upper(*v);
  }
  if (const std::string* v = Find(params, "code")) {
    if (v->size() < 2 || v->size() > 4 || !AllOf(*v, IsDigit))
      return Bad("code", "a CAMEO event code of 2 to 4 digits", *v);
    f->code = *v;
  }
  if (const std::string* v = Find(params, "root")) {
    if (v->size() != 2 || !AllOf(*v, IsDigit) || *v < "01" || *v > "20")
      return Bad("root", "a CAMEO root code 01 to 20", *v);
    f->root = *v;
  }
  if (const std::string* v = Find(params, "quad_class")) {
    uint64_t q = 0;
    ANNALS_RETURN_IF_ERROR(ParseUnsigned("quad_class", *v, 1, 4, &q));
    f->quad_class = static_cast<int>(q);
  }
  double g = 0;
  if (const std::string* v = Find(params, "goldstein_min")) {
    ANNALS_RETURN_IF_ERROR(ParseDouble("goldstein_min", *v, -10, 10, &g));
    f->goldstein_min = g;
  }
  if (const std::string* v = Find(params, "goldstein_max")) {
    ANNALS_RETURN_IF_ERROR(ParseDouble("goldstein_max", *v, -10, 10, &g));
    f->goldstein_max = g;
  }
  if (f->goldstein_min && f->goldstein_max && *f->goldstein_min > *f->goldstein_max)
    return Status(ErrorCode::kInvalidArgument, "goldstein_min: greater than goldstein_max");
  if (const std::string* v = Find(params, "from"))
    ANNALS_RETURN_IF_ERROR(ParseDate("from", *v, &f->date_from));
  if (const std::string* v = Find(params, "to"))
    ANNALS_RETURN_IF_ERROR(ParseDate("to", *v, &f->date_to));
  if (!f->date_from.empty() && !f->date_to.empty() && f->date_from > f->date_to)
    return Status(ErrorCode::kInvalidArgument, "from: later than to");
  if (const std::string* v = Find(params, "place"))
    ANNALS_RETURN_IF_ERROR(ParseText("place", *v, &f->place));
  if (const std::string* v = Find(params, "bbox")) {
    BoundingBox box;
    ANNALS_RETURN_IF_ERROR(ParseBox(*v, &box));
    f->bbox = box;
  }
  if (const std::string* v = Find(params, "q"))
    ANNALS_RETURN_IF_ERROR(ParseText("q", *v, &f->text));
  if (const std::string* v = Find(params, "doc")) {
    if (v->size() > kMaxIdLength) return Bad("doc", "a document id", *v);
    ANNALS_RETURN_IF_ERROR(ParseText("doc", *v, &f->doc));
  }
  return Status::Ok();
}

#define ANNALS_FILTER_NAMES                                                              \
  "actor", "source", "target", "country", "code", "root", "quad_class", "goldstein_min", \
      "goldstein_max", "from", "to", "place", "bbox", "q", "doc"

}  // namespace

StatusOr<EventQuery> ParseEventQuery(const Params& params) {
  ANNALS_RETURN_IF_ERROR(CheckNames(params, {ANNALS_FILTER_NAMES, "limit", "offset", "format"}));
  EventQuery q;
  ANNALS_RETURN_IF_ERROR(ParseFilter(params, &q.filter));
  ANNALS_RETURN_IF_ERROR(ParsePage(params, &q.page));
  ANNALS_RETURN_IF_ERROR(ParseFormat(params, &q.format));
  return q;
}

StatusOr<SeriesQuery> ParseSeriesQuery(const Params& params) {
  ANNALS_RETURN_IF_ERROR(CheckNames(params, {ANNALS_FILTER_NAMES, "interval", "format"}));
  SeriesQuery q;
  ANNALS_RETURN_IF_ERROR(ParseFilter(params, &q.filter));
  ANNALS_RETURN_IF_ERROR(ParseFormat(params, &q.format));
  if (const std::string* v = Find(params, "interval")) {
    if (*v == "week") {
      q.interval = Interval::kWeek;
    } else if (*v == "month") {
      q.interval = Interval::kMonth;
    } else if (*v != "day") {
      return Bad("interval", "day, week or month", *v);
    }
  }
  return q;
}

StatusOr<Page> ParsePageQuery(const Params& params, OutputFormat* format) {
  ANNALS_RETURN_IF_ERROR(CheckNames(params, {"limit", "offset", "format"}));
  Page page;
  ANNALS_RETURN_IF_ERROR(ParsePage(params, &page));
  ANNALS_RETURN_IF_ERROR(ParseFormat(params, format));
  return page;
}

StatusOr<std::string> ParseDocumentQuery(const Params& params) {
  ANNALS_RETURN_IF_ERROR(CheckNames(params, {"id"}));
  const std::string* v = Find(params, "id");
  if (v == nullptr) return Status(ErrorCode::kInvalidArgument, "id: required");
  if (v->empty() || v->size() > kMaxIdLength) return Bad("id", "a document id", *v);
  for (char c : *v)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return Bad("id", "a document id", *v);
  return *v;
}

Status ParseConfigQuery(const Params& params) { return CheckNames(params, {}); }

StatusOr<UploadQuery> ParseUploadQuery(const Params& params) {
  ANNALS_RETURN_IF_ERROR(CheckNames(params, {"name", "title", "date"}));
  UploadQuery q;
  if (const std::string* v = Find(params, "name")) {
    ANNALS_RETURN_IF_ERROR(ParseText("name", *v, &q.name, kMaxUploadNameLength));
    // A name is only an origin label and the seed of an id, never a path
    // on disk; still, "../x" would make a confusing id.
    if (v->find_first_of("/\\") != std::string::npos || v->front() == '.')
      return Bad("name", "a file name without directories, not starting with '.'", *v);
  }
  if (const std::string* v = Find(params, "title"))
    ANNALS_RETURN_IF_ERROR(ParseText("title", *v, &q.title, kMaxTitleLength));
  if (const std::string* v = Find(params, "date"))
    ANNALS_RETURN_IF_ERROR(ParseDate("date", *v, &q.date));
  return q;
}

#undef ANNALS_FILTER_NAMES

}  // namespace annals::serve
