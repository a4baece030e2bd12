// Internal header (not public API): POST /api/ingest, only when
// `annals serve --allow-ingest` asked for it. The request body is one
// upload (wire text, plain text, JSON Lines or CSV, detected as `annals
// ingest` detects files), at most the server's upload limit; its documents
// run through the standard pipeline and are written in one batch. One
// upload is processed at a time: the store has one writer.
//
// Tested by serve_test.sh (e2e).
#ifndef ANNALS_SERVE_INGESTER_H_
#define ANNALS_SERVE_INGESTER_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "annals/pipeline.h"
#include "annals/store.h"
#include "serve/api.h"

namespace annals::serve {

class Ingester {
 public:
  // Opens `path` read-write (creating or migrating it) and builds the
  // standard pipeline (loads the models: seconds).
  static StatusOr<std::unique_ptr<Ingester>> Create(const std::string& path);

  // `name` is the upload's file name, if the client gave one (format
  // detection and document ids use it).
  ApiResponse Ingest(std::string_view body, const std::string& name);

 private:
  Ingester(Pipeline pipeline, std::unique_ptr<Store> store)
      : pipeline_(std::move(pipeline)), store_(std::move(store)) {}

  std::mutex mu_;
  Pipeline pipeline_;
  std::unique_ptr<Store> store_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_INGESTER_H_
