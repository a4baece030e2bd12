// The queue flags of enqueue, worker and status; see distributed_flags.h.
#include "cli/distributed_flags.h"

#include <ostream>

namespace annals::cli {

std::vector<FlagSpec> QueueFlagSpecs() {
  return {
      {"nats", "URL", "the NATS server with JetStream, e.g. nats://127.0.0.1:4222 (required)"},
      {"stream", "NAME", "the work stream (default ANNALS; dead letters in NAME_DEAD)"},
      {"ack-wait", "SECONDS",
       "when creating the queue: seconds a worker may hold a message before it goes to "
       "another (default 30)"},
  };
}

bool ReadQueueFlags(const Flags& flags, internal::QueueOptions* options, std::string* error) {
  const auto url = flags.Get("nats");
  if (!url || url->empty()) {
    *error = "needs --nats URL (see --help)";
    return false;
  }
  options->url = *url;
  options->name = flags.GetOr("stream", options->name);
  if (!internal::ValidQueueName(options->name)) {
    *error = "--stream '" + options->name + "' must be 1-64 of A-Z a-z 0-9 _ -";
    return false;
  }
  unsigned long long ack_wait = static_cast<unsigned long long>(options->ack_wait.count());
  if (!flags.GetUnsigned("ack-wait", 1, 86400, &ack_wait, error)) return false;
  options->ack_wait = std::chrono::seconds(ack_wait);
  return true;
}

StatusOr<std::unique_ptr<internal::WorkQueue>> ConnectQueue(const internal::QueueOptions& options,
                                                            std::ostream& err) {
  StatusOr<std::unique_ptr<internal::WorkQueue>> queue = internal::WorkQueue::Connect(options);
  Status s = queue.status();
  if (s.ok()) s = (*queue)->EnsureQueue();
  if (!s.ok()) {
    err << "annals: " << s.ToString() << "\n";
    return s;
  }
  return queue;
}

}  // namespace annals::cli
