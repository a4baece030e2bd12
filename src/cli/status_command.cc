// annals status --nats URL [--db URL]: how far the distributed run is.
#include <nlohmann/json.hpp>
#include <ostream>

#include "annals/store.h"
#include "cli/commands.h"
#include "cli/distributed_flags.h"

namespace annals::cli {
namespace {

constexpr char kUsage[] = "--nats URL [--stream NAME] [--db URL] [--json]";
constexpr char kSummary[] =
    "Prints the work queue's counts: published (messages ever queued), backlog\n"
    "(not yet handed to a worker), in flight (handed out, not yet acknowledged),\n"
    "done (acknowledged: stored) and dead letters; with --db, what the store\n"
    "holds.\n\n"
    "Exit status: 0 printed; 101 the queue or store could not be read; 102 usage.";

}  // namespace

int RunStatus(const Args& args, std::ostream& out, std::ostream& err) {
  std::vector<FlagSpec> specs = QueueFlagSpecs();
  specs.push_back({"db", "URL", "also count what this store holds"});
  specs.push_back({"json", "", "one JSON object instead of text"});
  specs.push_back({"help", "", "show this help"});
  Flags flags;
  std::string error;
  internal::QueueOptions options;
  if (!flags.Parse(specs, args, &error) ||
      (!flags.Has("help") && !ReadQueueFlags(flags, &options, &error))) {
    err << "annals status: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("status", kUsage, kSummary, specs);
    return 0;
  }
  StatusOr<std::unique_ptr<internal::WorkQueue>> queue = ConnectQueue(options, err);
  if (!queue.ok()) return kExitFatal;
  StatusOr<internal::QueueCounts> c = (*queue)->Counts();
  if (!c.ok()) {
    err << "annals status: " << c.status().ToString() << "\n";
    return kExitFatal;
  }
  nlohmann::ordered_json j = {{"queue", options.name},     {"nats", options.url},
                              {"published", c->published}, {"backlog", c->backlog},
                              {"in_flight", c->in_flight}, {"redelivered", c->redelivered},
                              {"done", c->done},           {"dead_letters", c->dead}};
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
  if (flags.Has("json")) {
    out << j.dump() << "\n";
    return 0;
  }
  out << "queue " << options.name << " at " << options.url << ": " << c->published << " published, "
      << c->backlog << " backlog, " << c->in_flight << " in flight (" << c->redelivered
      << " redelivered), " << c->done << " done, " << c->dead << " dead letters\n";
  if (db) {
    out << "store " << *db << ": " << stats.documents << " documents, " << stats.sentences
        << " sentences, " << stats.events << " events\n";
  }
  return 0;
}

}  // namespace annals::cli
