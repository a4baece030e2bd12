// Routes, limits and headers of `annals serve`; see http_server.h. The
// handlers are the functions of api.h; this file only adapts them to
// cpp-httplib and adds what every response shares.
#include "serve/http_server.h"

#include <httplib.h>

#include <atomic>

#include "serve/api.h"
#include "serve/connection.h"
#include "serve/ingester.h"
#include "serve/static_files.h"

namespace annals::serve {
namespace {

using Handler = ApiResponse (*)(Connection&, const Params&);

constexpr struct {
  const char* path;
  Handler handler;
} kRoutes[] = {
    {"/api/events", ListEvents},    {"/api/actors", ListActors},  {"/api/dyads", ListDyads},
    {"/api/places", ListPlaces},    {"/api/series", EventSeries}, {"/api/documents", ListDocuments},
    {"/api/document", GetDocument},
};

std::string StatusText(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "request body too large";
    default:
      return "HTTP status " + std::to_string(status);
  }
}

void Send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  res.set_content(r.body, r.content_type.c_str());
}

}  // namespace

struct HttpServer::Impl {
  ServeOptions options;
  Pool pool;
  std::unique_ptr<Ingester> ingester;
  httplib::Server server;
  std::atomic<bool> stop_requested{false};

  Impl(const ServeOptions& o) : options(o), pool(o.db_path, o.query_timeout) {}

  void Api(const httplib::Request& req, httplib::Response& res, Handler handler) {
    StatusOr<Pool::Lease> lease = pool.Acquire();
    if (!lease.ok()) return Send(res, ErrorResponse(500, lease.status().ToString()));
    (*lease)->Begin();
    Send(res, handler(**lease, req.params));
  }

  void Static(const httplib::Request& req, httplib::Response& res) {
    StatusOr<StaticFile> file = LoadStaticFile(options.web_root, req.path);
    if (!file.ok()) {
      const bool refused = file.status().code() == ErrorCode::kInvalidArgument;
      res.status = refused ? 403 : 404;
      res.set_content(refused ? "forbidden\n" : "not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_header("Cache-Control", file->cache_control);
    res.set_content(std::move(file->body), file->content_type.c_str());
  }

  void Routes() {
    for (const auto& route : kRoutes) {
      const Handler h = route.handler;
      server.Get(route.path, [this, h](const httplib::Request& req, httplib::Response& res) {
        Api(req, res, h);
      });
    }
    server.Get("/api/config", [this](const httplib::Request& req, httplib::Response& res) {
      const ServerFacts facts{options.version, options.allow_ingest, options.max_upload_bytes,
                              static_cast<int64_t>(options.query_timeout.count())};
      Send(res, GetConfig(facts, req.params));
    });
    server.Post("/api/ingest", [this](const httplib::Request& req, httplib::Response& res) {
      if (!ingester)
        return Send(res, ErrorResponse(403, "ingest is disabled (annals serve --allow-ingest)"));
      // Only the query string: httplib also parses a form-encoded body into
      // req.params (curl --data sends one), and here the body is the upload.
      Params params;
      const size_t query = req.target.find('?');
      if (query != std::string::npos)
        httplib::detail::parse_query_text(req.target.substr(query + 1), params);
      Send(res, ingester->Ingest(req.body, params));
    });
    server.Get("/api/.*", [](const httplib::Request&, httplib::Response& res) {
      Send(res, ErrorResponse(404, "no such endpoint (see /openapi.yaml)"));
    });
    server.Get("/.*",
               [this](const httplib::Request& req, httplib::Response& res) { Static(req, res); });
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self';"
                     " script-src 'self'; connect-src 'self'; frame-ancestors 'none';"
                     " base-uri 'none'; form-action 'self'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("X-Frame-Options", "DENY");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Cross-Origin-Resource-Policy", "same-origin");
      if (!res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    });
    server.set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      // Statuses httplib produces itself (413 body too large, 400 bad
      // request line, 405) get a JSON body like the API's own errors; the
      // 413 names the limit, which the uploader can act on.
      if (res.body.empty()) {
        const std::string message = res.status == 413
                                        ? "the upload is larger than this server's limit of " +
                                              std::to_string(options.max_upload_bytes >> 10) +
                                              " KB (annals serve --max-upload-kb)"
                                        : StatusText(res.status);
        const ApiResponse r = ErrorResponse(res.status, message);
        res.set_content(r.body, r.content_type.c_str());
      }
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          Send(res, ErrorResponse(500, "internal error"));
        });
  }
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpServer::~HttpServer() = default;

StatusOr<std::unique_ptr<HttpServer>> HttpServer::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>(options);
  if (options.allow_ingest) {
    StatusOr<std::unique_ptr<Ingester>> ingester = Ingester::Create(options.db_path);
    if (!ingester.ok()) return ingester.status();
    impl->ingester = std::move(ingester).value();
  }
  {
    // Fail now, not on the first request, when the store does not open.
    StatusOr<Pool::Lease> lease = impl->pool.Acquire();
    if (!lease.ok()) return lease.status();
  }
  const int threads = options.threads < 1 ? 1 : options.threads;
  impl->server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  impl->server.set_payload_max_length(options.max_upload_bytes);
  impl->server.set_read_timeout(std::chrono::seconds(10));
  impl->server.set_write_timeout(std::chrono::seconds(10));
  // httplib writes the head and the body of a response separately; with
  // Nagle's algorithm the body then waits for the client's delayed ACK,
  // which put 40 ms under every keep-alive request (p50 43 ms).
  impl->server.set_tcp_nodelay(true);
  impl->Routes();
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

StatusOr<int> HttpServer::Bind() {
  const ServeOptions& o = impl_->options;
  if (o.port == 0) {
    const int port = impl_->server.bind_to_any_port(o.host);
    if (port > 0) return port;
  } else if (impl_->server.bind_to_port(o.host, o.port)) {
    return o.port;
  }
  return Status(ErrorCode::kIo, "cannot listen on " + o.host + ":" + std::to_string(o.port));
}

Status HttpServer::Run() {
  if (impl_->stop_requested) return Status::Ok();
  if (!impl_->server.listen_after_bind())
    return Status(ErrorCode::kIo, "the server stopped on an error");
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->stop_requested = true;
  impl_->server.stop();
}

}  // namespace annals::serve
