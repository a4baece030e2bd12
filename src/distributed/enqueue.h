// Internal header (not public API): publishing inputs as work messages.
//
// Documents are read with the same readers, in the same order and with the
// same ids as `annals ingest` reads them, and published one message each;
// the de-duplication id is the content hash, so enqueueing an input twice
// (or two copies of an article) queues it once, as ingest stores it once.
// With `by_reference` each input file is published as a reference instead
// (workers read it from a shared file system; ids then come from the file
// name alone).
//
// Publishing waits for the server's acknowledgement of each message, so a
// message counted as published is on disk in the stream. A publish that
// fails is retried with back-off for about a minute (a server restarting),
// then the run stops.
#ifndef ANNALS_DISTRIBUTED_ENQUEUE_H_
#define ANNALS_DISTRIBUTED_ENQUEUE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/ingest.h"
#include "annals/status.h"
#include "distributed/work_queue.h"

namespace annals::internal {

struct EnqueueCounts {
  uint64_t records = 0;     // documents (or files) read
  uint64_t published = 0;   // new messages in the stream
  uint64_t duplicates = 0;  // already in the stream (same content)
  uint64_t failed = 0;      // records that could not be read or published
  uint64_t bytes = 0;       // message bytes published
  uint64_t waited = 0;      // records that waited for room (EnqueueOptions::max_backlog_bytes)
};

// Called with each record that failed, one line ("path:12: [E007] ...").
using EnqueueErrorSink = std::function<void(const std::string&)>;

struct EnqueueOptions {
  ReadOptions read;
  bool by_reference = false;  // publish references to the files, not their documents
  // While the work stream holds more than this many bytes (0: no limit),
  // wait for workers to take messages off it before publishing more.
  // Checked by the publisher, not set on the stream: nats-server 2.9 with
  // a stream byte limit and discard-new was seen here to drop an already
  // stored message now and then when the stream was at its limit.
  uint64_t max_backlog_bytes = 0;
};

// Returns OK, or the queue error that stopped the run (what was published
// before it stays published).
Status Enqueue(WorkQueue& queue, const std::vector<std::string>& paths,
               const EnqueueOptions& options, const EnqueueErrorSink& on_error,
               EnqueueCounts* counts);

}  // namespace annals::internal

#endif  // ANNALS_DISTRIBUTED_ENQUEUE_H_
