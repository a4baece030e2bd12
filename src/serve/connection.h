// Internal header (not public API): the serve API's database connections.
//
// SQLite connections are not to be shared between threads mid-statement, so
// each request borrows one Connection from a Pool for its duration; the pool
// holds at most as many as the HTTP server has worker threads, opened on
// first need. A Connection owns a read-only SQLite handle with its prepared
// statements cached by SQL text (the handlers build their SQL from a fixed
// set of fragments, so the cache stays small), and a read-only Store for
// loading whole documents.
//
// Query time is bounded: Begin() arms a deadline that a progress handler
// checks every few thousand SQLite VM steps; past it the statement fails
// with SQLITE_INTERRUPT, which the handlers report as 503.
//
// Tested by api_test.cc.
#ifndef ANNALS_SERVE_CONNECTION_H_
#define ANNALS_SERVE_CONNECTION_H_

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "annals/status.h"
#include "annals/store.h"
#include "store/sqlite.h"

namespace annals::serve {

class Connection {
 public:
  static StatusOr<std::unique_ptr<Connection>> Open(const std::string& path,
                                                    std::chrono::milliseconds query_timeout);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Arms the query deadline for one request.
  void Begin() { deadline_ = std::chrono::steady_clock::now() + timeout_; }
  // True when the last failed statement was stopped by the deadline.
  bool TimedOut() const { return std::chrono::steady_clock::now() >= deadline_; }

  // The cached statement for `sql`, reset and with no bindings.
  StatusOr<internal::Stmt*> Prepare(const std::string& sql);
  internal::Db& db() { return db_; }
  Store& store() { return *store_; }

 private:
  Connection() = default;
  static int OnProgress(void* self);

  internal::Db db_;
  std::unique_ptr<Store> store_;
  std::map<std::string, internal::Stmt> statements_;
  std::chrono::milliseconds timeout_{0};
  std::chrono::steady_clock::time_point deadline_;
};

// Lends Connections to one request at a time; thread-safe.
class Pool {
 public:
  Pool(std::string path, std::chrono::milliseconds query_timeout)
      : path_(std::move(path)), timeout_(query_timeout) {}

  // Returns the connection to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), c_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (c_) pool_->Return(std::move(c_));
    }
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> c_;
  };

  StatusOr<Lease> Acquire();

 private:
  void Return(std::unique_ptr<Connection> c);

  std::string path_;
  std::chrono::milliseconds timeout_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace annals::serve

#endif  // ANNALS_SERVE_CONNECTION_H_
