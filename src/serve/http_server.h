// Internal header (not public API): the HTTP server of `annals serve`:
// routes (api.h, static_files.h), limits and security headers, over
// cpp-httplib's thread-pooled server.
//
// Limits: request bodies over max_upload_bytes are refused (413) before
// they are read whole; each request gets one pooled read-only connection
// with a query deadline (connection.h); the page size is capped by
// query_params.h. Every response carries a Content-Security-Policy that
// allows only this origin, nosniff, DENY framing and no referrer.
//
// Tested by serve_test.sh and serve_browser_test.sh (e2e).
#ifndef ANNALS_SERVE_HTTP_SERVER_H_
#define ANNALS_SERVE_HTTP_SERVER_H_

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "annals/status.h"

namespace annals::serve {

struct ServeOptions {
  std::string db_path;
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 picks a free port
  std::filesystem::path web_root;  // the page's static files
  int threads = 4;                 // worker threads, one connection each
  std::chrono::milliseconds query_timeout{2000};
  bool allow_ingest = false;                  // POST /api/ingest
  size_t max_upload_bytes = size_t{4} << 20;  // request body limit
  std::string version;                        // reported by GET /api/config
};

class HttpServer {
 public:
  // Checks that the store opens (read-only, or read-write with
  // allow_ingest) and prepares the routes; does not bind.
  static StatusOr<std::unique_ptr<HttpServer>> Create(const ServeOptions& options);
  ~HttpServer();

  // Binds options.host:options.port; returns the port actually bound.
  StatusOr<int> Bind();
  // Serves until Stop(); returns when the server has stopped.
  Status Run();
  // Thread-safe; may be called before Run() starts.
  void Stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_HTTP_SERVER_H_
