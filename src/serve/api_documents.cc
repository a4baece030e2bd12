// GET /api/documents (a page of stored documents with their event counts)
// and GET /api/document?id= (one document as the library's JSON form,
// docs/schema.md, without the token list: sentences, actors, events,
// places, quotes, counts and the rest, every span a [begin, end] byte pair
// into "text"), and the error responses every handler shares.
#include <nlohmann/json.hpp>

#include "annals/json.h"
#include "serve/api.h"
#include "serve/api_sql.h"

namespace annals::serve {

ApiResponse ListDocuments(Connection& c, const Params& params) {
  OutputFormat format = OutputFormat::kJson;
  StatusOr<Page> page = ParsePageQuery(params, &format);
  if (!page.ok()) return ErrorResponse(c, page.status());
  const std::string sql =
      "SELECT d.id AS id, d.title AS title, d.source AS source, d.url AS url,"
      " d.published AS published, (SELECT count(*) FROM events e WHERE e.doc = d.rowid) AS events"
      " FROM documents d ORDER BY d.rowid LIMIT ? OFFSET ?";
  StatusOr<detail::Table> t =
      detail::RunQuery(c, sql, {int64_t{page->limit} + 1, static_cast<int64_t>(page->offset)});
  if (!t.ok()) return ErrorResponse(c, t.status());
  return detail::RenderPage(std::move(t).value(), *page, format);
}

ApiResponse GetDocument(Connection& c, const Params& params) {
  StatusOr<std::string> id = ParseDocumentQuery(params);
  if (!id.ok()) return ErrorResponse(c, id.status());
  StatusOr<Document> doc = c.store().Load(*id);
  if (!doc.ok()) return ErrorResponse(c, doc.status());
  JsonOptions options;
  options.with_tokens = false;
  return ApiResponse{200, "application/json", ToJson(*doc, options)};
}

ApiResponse ErrorResponse(int status, const std::string& message) {
  const nlohmann::json body = {{"error", message}};
  return ApiResponse{status, "application/json",
                     body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

ApiResponse ErrorResponse(Connection& c, const Status& status) {
  switch (status.code()) {
    case ErrorCode::kInvalidArgument:
      return ErrorResponse(400, status.message());
    case ErrorCode::kNotFound:
      return ErrorResponse(404, status.message());
    default:
      break;
  }
  if (c.TimedOut()) return ErrorResponse(503, "the query took longer than the time limit");
  return ErrorResponse(500, status.ToString());
}

}  // namespace annals::serve
