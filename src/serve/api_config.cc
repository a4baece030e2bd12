// GET /api/config: the server's settings a client needs (see ServerFacts in
// api.h) and the API's fixed limits from query_params.h, so the page never
// hard-codes a number the server could change.
#include <nlohmann/json.hpp>

#include "serve/api.h"

namespace annals::serve {

ApiResponse GetConfig(const ServerFacts& facts, const Params& params) {
  if (const Status s = ParseConfigQuery(params); !s.ok()) return ErrorResponse(400, s.message());
  const nlohmann::json body = {
      {"version", facts.version},
      {"allow_ingest", facts.allow_ingest},
      // The body limit holds for every request, so it is given either way.
      {"max_upload_bytes", facts.max_upload_bytes},
      {"query_timeout_ms", facts.query_timeout_ms},
      {"page_size", {{"default", kDefaultPageSize}, {"max", kMaxPageSize}}},
      {"max_offset", kMaxOffset},
      {"max_text_length", kMaxTextLength},
  };
  return ApiResponse{200, "application/json",
                     body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

}  // namespace annals::serve
