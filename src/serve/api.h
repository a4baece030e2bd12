// Internal header (not public API): the JSON API of `annals serve`, as plain
// functions from (connection, query parameters) to a response, so that the
// handlers are tested without a socket and the HTTP layer (http_server.cc)
// only routes. docs/openapi.yaml documents every endpoint and parameter.
//
//   GET /api/events     events matching the filters, a page at a time
//   GET /api/actors     actors in the matching events: counts, mean Goldstein
//   GET /api/dyads      source -> target pairs: counts by QuadClass, mean Goldstein
//   GET /api/places     where the matching events happened, with coordinates
//   GET /api/series     events per day, week or month by QuadClass
//   GET /api/documents  stored documents, a page at a time
//   GET /api/document   one document with its sentences and every annotation
//   GET /api/config     what the page needs to know about this server
//
// Listings answer {"items": [...], "limit", "offset", "next_offset"} in JSON
// (next_offset null on the last page) or CSV with a header row
// (format=csv). Errors answer {"error": "..."} with 400 (bad parameter),
// 404 (no such document), 503 (over the query time limit) or 500.
//
// SQL is built only from the constant fragments in api_sql.cc; every value
// a client sent is bound as a parameter.
//
// Tested by api_test.cc.
#ifndef ANNALS_SERVE_API_H_
#define ANNALS_SERVE_API_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "annals/status.h"
#include "serve/connection.h"
#include "serve/query_params.h"

namespace annals::serve {

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

ApiResponse ListEvents(Connection& c, const Params& params);
ApiResponse ListActors(Connection& c, const Params& params);
ApiResponse ListDyads(Connection& c, const Params& params);
ApiResponse ListPlaces(Connection& c, const Params& params);
ApiResponse EventSeries(Connection& c, const Params& params);
ApiResponse ListDocuments(Connection& c, const Params& params);
ApiResponse GetDocument(Connection& c, const Params& params);

// Facts about the running server that a client may rely on: whether
// uploads are taken and how big one may be, so that the page shows its
// upload panel only when it can work and refuses a too large file before
// sending it.
struct ServerFacts {
  std::string version;
  bool allow_ingest = false;
  size_t max_upload_bytes = 0;
  int64_t query_timeout_ms = 0;
};
ApiResponse GetConfig(const ServerFacts& facts, const Params& params);

// {"error": message} with `status`.
ApiResponse ErrorResponse(int status, const std::string& message);

// The response for a failed Status: 400 for kInvalidArgument, 404 for
// kNotFound, 503 when the connection's query deadline passed, else 500.
ApiResponse ErrorResponse(Connection& c, const Status& status);

}  // namespace annals::serve

#endif  // ANNALS_SERVE_API_H_
