// annals serve: the HTTP API and the web page over a store (docs/serve.md).
// Thin over src/serve: parses flags, starts the server, and stops it on
// SIGINT or SIGTERM (waited for on a thread of its own with sigwait, so no
// work happens inside a signal handler).
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <thread>

#include "annals/store.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "serve/http_server.h"

namespace annals::cli {
namespace {

constexpr char kServeSummary[] =
    "Serves the store's events as a JSON/CSV API (docs/openapi.yaml) and a web\n"
    "page (timeline, actor network, map, documents) on loopback by default.\n"
    "Read-only unless --allow-ingest. Stops on Ctrl-C or SIGTERM.";

std::filesystem::path DefaultWebDir() {
  const char* dir = std::getenv("ANNALS_WEB_DIR");
  return dir != nullptr && *dir != '\0' ? dir : ANNALS_WEB_DIR;
}

// "HOST:PORT" or ":PORT" (loopback) or "PORT".
bool ParseListen(const std::string& v, std::string* host, int* port) {
  const size_t colon = v.rfind(':');
  const std::string h = colon == std::string::npos ? "" : v.substr(0, colon);
  const std::string p = colon == std::string::npos ? v : v.substr(colon + 1);
  if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos)
    return false;
  const int n = std::stoi(p);
  if (n > 65535) return false;
  *host = h.empty() ? "127.0.0.1" : h;
  *port = n;
  return true;
}

}  // namespace

int RunServe(const Args& args, std::ostream& out, std::ostream& err) {
  const std::vector<FlagSpec> specs = {
      {"db", "FILE", "the SQLite store to serve (required)"},
      {"listen", "HOST:PORT", "address to listen on (default 127.0.0.1:8080; port 0: any free)"},
      {"web", "DIR", "the web page's files (default: the build's web/, or $ANNALS_WEB_DIR)"},
      {"threads", "N", "worker threads, one database connection each (default 4)"},
      {"query-timeout-ms", "N", "longest time one query may run (default 2000)"},
      {"allow-ingest", "", "accept uploads on POST /api/ingest (off by default)"},
      {"max-upload-kb", "N", "largest request body accepted (default 4096)"},
      {"help", "", "show this help"},
  };
  Flags flags;
  std::string error;
  if (!flags.Parse(specs, args, &error)) {
    err << "annals serve: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("serve", "--db FILE [--listen HOST:PORT] [--allow-ingest]", kServeSummary,
                    specs);
    return 0;
  }
  serve::ServeOptions o;
  const auto db = flags.Get("db");
  if (!db || db->empty()) {
    err << "annals serve: needs --db FILE (see --help)\n";
    return kExitUsage;
  }
  if (Store::IsServerUrl(*db)) {
    err << "annals serve: serves SQLite stores only, not " << Store::DisplayName(*db)
        << " (docs/store.md)\n";
    return kExitUsage;
  }
  o.db_path = *db;
  o.version = ANNALS_VERSION;
  o.allow_ingest = flags.Has("allow-ingest");
  if (!o.allow_ingest && !std::filesystem::exists(o.db_path)) {
    err << "annals serve: no store at " << o.db_path << " (create one with 'annals ingest')\n";
    return kExitFatal;
  }
  if (!ParseListen(flags.GetOr("listen", "127.0.0.1:8080"), &o.host, &o.port)) {
    err << "annals serve: --listen: expected HOST:PORT, got '" << flags.GetOr("listen", "")
        << "'\n";
    return kExitUsage;
  }
  unsigned long long n = 0;
  if (!flags.GetUnsigned("threads", 1, 256, &n, &error)) {
    err << "annals serve: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("threads")) o.threads = static_cast<int>(n);
  if (!flags.GetUnsigned("query-timeout-ms", 1, 600'000, &n, &error)) {
    err << "annals serve: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("query-timeout-ms")) o.query_timeout = std::chrono::milliseconds(n);
  if (!flags.GetUnsigned("max-upload-kb", 1, 1u << 20, &n, &error)) {
    err << "annals serve: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("max-upload-kb")) o.max_upload_bytes = static_cast<size_t>(n) << 10;
  o.web_root = flags.Has("web") ? std::filesystem::path(*flags.Get("web")) : DefaultWebDir();
  if (!std::filesystem::is_regular_file(o.web_root / "index.html"))
    err << "annals serve: warning: no index.html in " << o.web_root.string()
        << ": the API works, the page does not\n";

  // Block the stop signals before any thread starts, so that only the
  // waiter below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  StatusOr<std::unique_ptr<serve::HttpServer>> server = serve::HttpServer::Create(o);
  if (!server.ok()) {
    err << "annals serve: " << server.status().ToString() << "\n";
    return kExitFatal;
  }
  StatusOr<int> port = (*server)->Bind();
  if (!port.ok()) {
    err << "annals serve: " << port.status().ToString() << "\n";
    return kExitFatal;
  }
  out << "annals serve: listening on http://" << o.host << ":" << *port << "/"
      << (o.allow_ingest ? " (ingest allowed)" : " (read-only)") << std::endl;
  serve::HttpServer* s = server->get();
  std::thread waiter([s, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    s->Stop();
  });
  const Status run = s->Run();
  // Run() returns after Stop(); if it returned on its own, wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!run.ok()) {
    err << "annals serve: " << run.ToString() << "\n";
    return kExitFatal;
  }
  out << "annals serve: stopped\n";
  return 0;
}

}  // namespace annals::cli
