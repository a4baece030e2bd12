// Flags shared by enqueue, worker and status: where the queue is.
#ifndef ANNALS_CLI_DISTRIBUTED_FLAGS_H_
#define ANNALS_CLI_DISTRIBUTED_FLAGS_H_

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "cli/flags.h"
#include "distributed/work_queue.h"

namespace annals::cli {

// --nats URL (required), --stream NAME, --ack-wait SECONDS.
std::vector<FlagSpec> QueueFlagSpecs();
// False with *error when --nats is missing or a value is bad.
bool ReadQueueFlags(const Flags& flags, internal::QueueOptions* options, std::string* error);
// Connects and makes sure the streams and the consumer exist; prints why
// not on `err` ("annals: [E021] ...").
StatusOr<std::unique_ptr<internal::WorkQueue>> ConnectQueue(const internal::QueueOptions& options,
                                                            std::ostream& err);

}  // namespace annals::cli

#endif  // ANNALS_CLI_DISTRIBUTED_FLAGS_H_
