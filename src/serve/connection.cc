// Pooled read-only connections with a per-request query deadline; see
// connection.h.
#include "serve/connection.h"

namespace annals::serve {

StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                       std::chrono::milliseconds query_timeout) {
  // Store::Open checks the application id and the schema version once; the
  // second handle is ours for the aggregate queries the Store has no API for.
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path, OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  std::unique_ptr<Connection> c(new Connection());
  c->store_ = std::move(store).value();
  ANNALS_RETURN_IF_ERROR(c->db_.Open(path, /*read_only=*/true));
  sqlite3_busy_timeout(c->db_.get(), 2000);
  c->timeout_ = query_timeout;
  c->deadline_ = std::chrono::steady_clock::time_point::max();
  sqlite3_progress_handler(c->db_.get(), 4000, &Connection::OnProgress, c.get());
  return c;
}

int Connection::OnProgress(void* self) {
  return static_cast<Connection*>(self)->TimedOut() ? 1 : 0;
}

StatusOr<internal::Stmt*> Connection::Prepare(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    internal::Stmt stmt;
    ANNALS_RETURN_IF_ERROR(stmt.Prepare(db_, sql.c_str()));
    it = statements_.emplace(sql, std::move(stmt)).first;
  }
  it->second.Reset();
  return &it->second;
}

StatusOr<Pool::Lease> Pool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
  }
  StatusOr<std::unique_ptr<Connection>> c = Connection::Open(path_, timeout_);
  if (!c.ok()) return c.status();
  return Lease(this, std::move(c).value());
}

void Pool::Return(std::unique_ptr<Connection> c) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(c));
}

}  // namespace annals::serve
