// annals status --nats URL [--db URL]: how far the distributed run is.
#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include "annals/store.h"
#include "cli/commands.h"
#include "cli/distributed_flags.h"

namespace annals::cli {
namespace {

constexpr char kStatusUsage[] = "--nats URL [--stream NAME] [--db URL] [--wait SECONDS] [--json]";
constexpr char kStatusSummary[] =
    "Prints the work queue's counts: published (messages ever queued), backlog\n"
    "(not yet handed to a worker), in flight (handed out, not yet acknowledged),\n"
    "done (acknowledged: stored) and dead letters; with --db, what the store\n"
    "holds. With --wait, first waits until every published message is done or\n"
    "a dead letter (a script's \"until the backfill is finished\").\n\n"
    "Exit status: 0 printed; 1 --wait ran out with messages unfinished (the\n"
    "counts are printed); 101 the queue or store could not be read; 102 usage.";

// Polls in-process: a shell loop around `annals status` would start a
// process every few milliseconds, and on a small machine take its CPU from
// the workers it is timing.
StatusOr<internal::QueueCounts> WaitUntilFinished(internal::WorkQueue& queue,
                                                  std::chrono::seconds limit, bool* finished) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    StatusOr<internal::QueueCounts> c = queue.Counts();
    // A queue restarting meanwhile is waited for like unfinished work.
    *finished = c.ok() && c->done + c->dead >= c->published && c->in_flight == 0;
    if (*finished || std::chrono::steady_clock::now() >= deadline) return c;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

}  // namespace

int RunStatus(const Args& args, std::ostream& out, std::ostream& err) {
  std::vector<FlagSpec> specs = QueueFlagSpecs();
  specs.push_back({"db", "URL", "also count what this store holds"});
  specs.push_back({"wait", "SECONDS",
                   "first wait (up to SECONDS) until every message is done or a dead letter"});
  specs.push_back({"json", "", "one JSON object instead of text"});
  specs.push_back({"help", "", "show this help"});
  Flags flags;
  std::string error;
  internal::QueueOptions options;
  unsigned long long wait_seconds = 0;
  if (!flags.Parse(specs, args, &error) ||
      (!flags.Has("help") && (!ReadQueueFlags(flags, &options, &error) ||
                              !flags.GetUnsigned("wait", 0, 1u << 30, &wait_seconds, &error)))) {
    err << "annals status: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("status", kStatusUsage, kStatusSummary, specs);
    return 0;
  }
  StatusOr<std::unique_ptr<internal::WorkQueue>> queue = ConnectQueue(options, err);
  if (!queue.ok()) return kExitFatal;
  bool finished = true;
  StatusOr<internal::QueueCounts> c =
      flags.Has("wait") ? WaitUntilFinished(**queue, std::chrono::seconds(wait_seconds), &finished)
                        : (*queue)->Counts();
  if (!c.ok()) {
    err << "annals status: " << c.status().ToString() << "\n";
    return kExitFatal;
  }
  nlohmann::ordered_json j = {
      {"queue", options.name}, {"nats", options.url},       {"published", c->published},
      {"backlog", c->backlog}, {"in_flight", c->in_flight}, {"redelivered", c->redelivered},
      {"done", c->done},       {"dead_letters", c->dead},   {"stream_bytes", c->bytes}};
  StoreStats stats;
  const auto db = flags.Get("db");
  if (db) {
    StatusOr<std::unique_ptr<Store>> store = Store::Open(*db, OpenMode::kReadOnly);
    StatusOr<StoreStats> st = store.ok() ? (*store)->Stats() : StatusOr<StoreStats>(store.status());
    if (!st.ok()) {
      err << "annals status: " << st.status().ToString() << "\n";
      return kExitFatal;
    }
    stats = *st;
    j["store"] = {{"db", *db},
                  {"documents", stats.documents},
                  {"sentences", stats.sentences},
                  {"events", stats.events}};
  }
  const int exit_code = finished ? 0 : kExitNotFound;
  if (flags.Has("json")) {
    out << j.dump() << "\n";
    return exit_code;
  }
  out << "queue " << options.name << " at " << options.url << ": " << c->published << " published, "
      << c->backlog << " backlog, " << c->in_flight << " in flight (" << c->redelivered
      << " redelivered), " << c->done << " done, " << c->dead << " dead letters; "
      << (c->bytes + 1023) / 1024 << " KB held\n";
  if (db) {
    out << "store " << *db << ": " << stats.documents << " documents, " << stats.sentences
        << " sentences, " << stats.events << " events\n";
  }
  return exit_code;
}

}  // namespace annals::cli
