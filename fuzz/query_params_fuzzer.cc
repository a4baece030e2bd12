// Fuzz target: the serve API's query parameter parsers on arbitrary query
// strings ("name=value&name=value", split here without decoding). Parsing
// may refuse anything but must never crash, and what it accepts must be
// inside the documented limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "serve/query_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  annals::serve::Params params;
  size_t at = 0;
  while (at <= in.size()) {
    size_t amp = in.find('&', at);
    if (amp == std::string_view::npos) amp = in.size();
    const std::string_view pair = in.substr(at, amp - at);
    const size_t eq = pair.find('=');
    params.emplace(std::string(pair.substr(0, eq)),
                   eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    at = amp + 1;
  }
  auto q = annals::serve::ParseEventQuery(params);
  if (q.ok()) {
    const auto& f = q->filter;
    if (q->page.limit < 1 || q->page.limit > annals::serve::kMaxPageSize) std::abort();
    if (q->page.offset > annals::serve::kMaxOffset) std::abort();
    if (f.quad_class < 0 || f.quad_class > 4) std::abort();
    if (f.goldstein_min && (*f.goldstein_min < -10 || *f.goldstein_min > 10)) std::abort();
    if (f.bbox && (f.bbox->west > f.bbox->east || f.bbox->south > f.bbox->north)) std::abort();
    for (char c : f.actor + f.source + f.target + f.country)
      if (c < 'A' || c > 'Z') std::abort();
    for (char c : f.code + f.root)
      if (c < '0' || c > '9') std::abort();
    if (f.text.size() > annals::serve::kMaxTextLength) std::abort();
  } else if (q.status().message().empty()) {
    std::abort();
  }
  (void)annals::serve::ParseSeriesQuery(params);
  (void)annals::serve::ParseDocumentQuery(params);
  (void)annals::serve::ParseConfigQuery(params);
  if (auto u = annals::serve::ParseUploadQuery(params); u.ok()) {
    if (u->name.find_first_of("/\\") != std::string::npos) std::abort();
    if (u->name.size() > annals::serve::kMaxUploadNameLength) std::abort();
    if (!u->date.empty() && u->date.size() != 10) std::abort();
  }
  annals::serve::OutputFormat format;
  (void)annals::serve::ParsePageQuery(params, &format);
  return 0;
}
