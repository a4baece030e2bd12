// annals enqueue PATH... --nats URL: publish documents as work for
// `annals worker` (docs/distributed.md).
#include <fstream>
#include <ostream>

#include "cli/commands.h"
#include "cli/distributed_flags.h"
#include "cli/input_options.h"
#include "cli/progress.h"
#include "distributed/enqueue.h"

namespace annals::cli {
namespace {

constexpr char kEnqueueUsage[] =
    "PATH...|--feed LIST --nats URL [--stream NAME] [--max-backlog-kb N]";
constexpr char kEnqueueSummary[] =
    "Reads articles as 'annals ingest' does (same readers, order and ids) and\n"
    "publishes one work message per document to the NATS JetStream work queue,\n"
    "creating the queue if needed. The same content is queued once (the\n"
    "message id is its content hash). Workers ('annals worker') process and\n"
    "store them.\n\n"
    "--feed LIST names a file listing input files (feeds, archives), one path\n"
    "a line; annals fetches nothing, so URLs are refused: fetch them first.\n\n"
    "Exit status: 0 all queued; 1-100 that many records failed; 101 the queue\n"
    "could not be reached; 102 usage.";

// The paths listed in a --feed file; false with *error.
bool ReadFeedList(const std::string& list, std::vector<std::string>* paths, std::string* error) {
  std::ifstream in(list);
  if (!in) {
    *error = "cannot open the --feed list '" + list + "'";
    return false;
  }
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line.find("://") != std::string::npos) {
      *error = "'" + line + "' in " + list +
               " is a URL; annals fetches nothing: download the feeds and list the files";
      return false;
    }
    paths->push_back(line);
  }
  return true;
}

}  // namespace

int RunEnqueue(const Args& args, std::ostream& out, std::ostream& err) {
  std::vector<FlagSpec> own = QueueFlagSpecs();
  own.push_back({"feed", "LIST", "a file listing input files, one per line"});
  own.push_back({"by-reference", "",
                 "publish references to the input files (workers read them from a shared "
                 "file system) instead of their documents"});
  own.push_back({"max-backlog-kb", "N",
                 "while the work stream holds more than N KB, wait for workers to make room "
                 "(back-pressure for a backfill or a feed; default: no limit)"});
  InputCommand cmd;
  if (auto done =
          ParseInputCommand("enqueue", kEnqueueUsage, kEnqueueSummary, own, args, out, err, &cmd)) {
    return *done;
  }
  const Flags& flags = cmd.flags;
  std::vector<std::string> paths = flags.positional();
  std::string error;
  if (auto list = flags.Get("feed"); list && !ReadFeedList(*list, &paths, &error)) {
    err << "annals enqueue: " << error << "\n";
    return kExitUsage;
  }
  internal::QueueOptions queue_options;
  unsigned long long max_backlog_kb = 0;
  if (!ReadQueueFlags(flags, &queue_options, &error) ||
      !flags.GetUnsigned("max-backlog-kb", 1, 1ull << 40, &max_backlog_kb, &error)) {
    err << "annals enqueue: " << error << "\n";
    return kExitUsage;
  }
  if (paths.empty()) {
    err << "annals enqueue: needs at least one PATH (or --feed LIST) and --nats URL (see --help)\n";
    return kExitUsage;
  }
  StatusOr<std::unique_ptr<internal::WorkQueue>> queue = ConnectQueue(queue_options, err);
  if (!queue.ok()) return kExitFatal;

  const auto started = std::chrono::steady_clock::now();
  internal::EnqueueCounts counts;
  internal::EnqueueOptions options;
  options.read = cmd.read;
  options.by_reference = flags.Has("by-reference");
  options.max_backlog_bytes = max_backlog_kb * 1024;
  Status s = internal::Enqueue(
      **queue, paths, options,
      [&err](const std::string& line) { err << "annals enqueue: " << line << "\n"; }, &counts);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << "annals enqueue: " << counts.records << " records read, " << counts.published
      << " queued, " << counts.duplicates << " already queued, " << counts.failed << " failed, "
      << FormatSeconds(seconds) << "\n";
  if (counts.waited > 0) {
    out << "annals enqueue: " << counts.waited
        << " records waited for room in the work stream (--max-backlog-kb)\n";
  }
  out << "queue: " << queue_options.name << " at " << queue_options.url << "\n";
  if (!s.ok()) {
    err << "annals enqueue: stopped: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return ExitForFailures(counts.failed);
}

}  // namespace annals::cli
