// annals worker --nats URL --db URL: take documents off the work queue,
// process them and store them (docs/distributed.md). Stops on SIGINT or
// SIGTERM after the batch in hand, or after --idle-exit seconds without
// work.
#include <atomic>
#include <csignal>
#include <ostream>

#include "annals/pipeline.h"
#include "annals/store.h"
#include "cli/commands.h"
#include "cli/distributed_flags.h"
#include "cli/progress.h"
#include "distributed/worker.h"

namespace annals::cli {
namespace {

constexpr char kWorkerUsage[] =
    "--nats URL --db URL [--batch N] [--max-deliveries N] [--idle-exit SECONDS]";
constexpr char kWorkerSummary[] =
    "Pulls work messages (from 'annals enqueue'), runs the pipeline on one\n"
    "thread (start one worker per core), writes each batch to the store in one\n"
    "transaction and acknowledges the messages only after it committed. Failed\n"
    "writes are retried with back-off; a message that cannot be processed, or\n"
    "was delivered more than --max-deliveries times, goes to the dead-letter\n"
    "stream with the reason. By default batches are committed in queue order,\n"
    "so the store ends up exactly as one 'annals ingest' of the same inputs.\n\n"
    "Exit status: 0 stopped cleanly; 101 the store or queue could not be opened;\n"
    "102 usage.";

std::atomic<bool> g_stop{false};
extern "C" void OnSignal(int) { g_stop.store(true); }

class Events : public internal::WorkerEvents {
 public:
  Events(std::ostream& err, bool quiet) : err_(err), quiet_(quiet) {}
  void Note(const std::string& line) override { err_ << "annals worker: " << line << "\n"; }
  void Progress(const internal::WorkerCounts& c) override {
    const auto now = std::chrono::steady_clock::now();
    if (quiet_ || now - last_ < std::chrono::seconds(10)) return;
    last_ = now;
    err_ << "annals worker: " << c.messages << " messages, " << c.documents << " stored, "
         << c.duplicates << " already stored, " << c.dead << " dead letters\n";
  }
  bool StopRequested() override { return g_stop.load(); }

 private:
  std::ostream& err_;
  bool quiet_;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace

int RunWorker(const Args& args, std::ostream& out, std::ostream& err) {
  std::vector<FlagSpec> specs = QueueFlagSpecs();
  specs.insert(
      specs.end(),
      {
          {"db", "URL", "the store to write: a SQLite file or a database URL (required)"},
          {"batch", "N", "messages per fetch and per store transaction (default 32)"},
          {"max-deliveries", "N", "dead-letter a message delivered more than N times (default 5)"},
          {"idle-exit", "SECONDS", "exit after this long without work (default: never)"},
          {"unordered", "",
           "commit batches as they finish, not in queue order (near-duplicate links "
           "may then differ from a single-process run)"},
          {"quiet", "", "no progress lines"},
          {"help", "", "show this help"},
      });
  Flags flags;
  std::string error;
  if (!flags.Parse(specs, args, &error)) {
    err << "annals worker: " << error << "\n";
    return kExitUsage;
  }
  if (flags.Has("help")) {
    out << HelpText("worker", kWorkerUsage, kWorkerSummary, specs);
    return 0;
  }
  internal::QueueOptions queue_options;
  internal::WorkerOptions options;
  unsigned long long batch = 32, max_deliveries = 5, idle = 0;
  const auto db = flags.Get("db");
  if (!ReadQueueFlags(flags, &queue_options, &error) ||
      !flags.GetUnsigned("batch", 1, 1000, &batch, &error) ||
      !flags.GetUnsigned("max-deliveries", 1, 1000, &max_deliveries, &error) ||
      !flags.GetUnsigned("idle-exit", 0, 1u << 30, &idle, &error) || !db || db->empty()) {
    err << "annals worker: " << (error.empty() ? "needs --db URL (see --help)" : error) << "\n";
    return kExitUsage;
  }
  options.batch = static_cast<int>(batch);
  options.max_deliveries = static_cast<uint32_t>(max_deliveries);
  options.idle_exit = std::chrono::seconds(idle);
  options.ordered = !flags.Has("unordered");
  options.ack_wait = queue_options.ack_wait;

  StatusOr<Pipeline> pipeline = Pipeline::Standard();
  if (!pipeline.ok()) {
    err << "annals worker: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  StatusOr<std::unique_ptr<internal::WorkQueue>> queue = ConnectQueue(queue_options, err);
  if (!queue.ok()) return kExitFatal;
  const std::string db_url = *db;
  const internal::StoreOpener open = [&db_url] { return Store::Open(db_url); };

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  Events events(err, flags.Has("quiet"));
  internal::WorkerCounts counts;
  const auto started = std::chrono::steady_clock::now();
  Status s = internal::RunWorker(**queue, open, *pipeline, options, events, &counts);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << "annals worker: " << counts.messages << " messages, " << counts.documents
      << " documents stored, " << counts.duplicates << " already stored, " << counts.sentences
      << " sentences, " << counts.dead << " dead letters, " << counts.returned
      << " returned to the queue, " << counts.write_retries << " store retries, "
      << FormatSeconds(seconds) << "\n";
  if (!s.ok()) {
    err << "annals worker: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return 0;
}

}  // namespace annals::cli
