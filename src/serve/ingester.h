// Internal header (not public API): POST /api/ingest, only when
// `annals serve --allow-ingest` asked for it. The request body is one
// upload (wire text, plain text, JSON Lines, CSV, HTML, a feed or a WARC,
// detected as `annals ingest` detects files), at most the server's upload
// limit; its documents run through the standard pipeline and are stored.
// One upload is processed at a time: the store has one writer.
//
// Ids: an upload with a file name gets the ids `annals ingest` would give
// that file; one without (pasted text) gets "upload-<12 hex digits of the
// content hash>", so pasting the same text twice names the same document.
// A title or date typed by the uploader replaces the reader's for a
// one-document upload and fills in missing ones otherwise.
//
// The answer says, per document, under which id it is stored and whether
// it was new, replaced an older version or was already there (with the id
// it is stored under), so the page can open it at once:
//   {"stored": n, "duplicates": n, "format": "wire",
//    "documents": [{"id", "title", "status": "stored"|"replaced"|"duplicate",
//                   "events": n}],
//    "ids": [...], "errors": ["upload:3: [E007] ..."]}
// 200 when at least one document was read; else 400 with "error" set to
// the readers' reasons.
//
// Tested by ingester_test.cc and serve_test.sh (e2e).
#ifndef ANNALS_SERVE_INGESTER_H_
#define ANNALS_SERVE_INGESTER_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "annals/pipeline.h"
#include "annals/store.h"
#include "serve/api.h"
#include "store/sqlite.h"

namespace annals::serve {

class Ingester {
 public:
  // Opens `path` read-write (creating or migrating it) and builds the
  // standard pipeline (loads the models: seconds).
  static StatusOr<std::unique_ptr<Ingester>> Create(const std::string& path);

  // `params` are the request's query parameters (ParseUploadQuery).
  ApiResponse Ingest(std::string_view body, const Params& params);

 private:
  Ingester(Pipeline pipeline, std::unique_ptr<Store> store)
      : pipeline_(std::move(pipeline)), store_(std::move(store)) {}

  // The id under which the document with `content_hash` is stored.
  StatusOr<std::string> StoredId(const std::string& content_hash);

  std::mutex mu_;
  Pipeline pipeline_;
  std::unique_ptr<Store> store_;
  // A second handle on the store for the one lookup the Store API lacks:
  // the id a content hash is stored under (renamed or earlier copies).
  internal::Db db_;
  internal::Stmt find_by_hash_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_INGESTER_H_
