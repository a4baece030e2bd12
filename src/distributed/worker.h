// Internal header (not public API): the distributed worker's loop.
//
// pull a batch of work messages -> decode -> run the pipeline on each
// document (one thread: N workers on N cores) -> write the documents to the
// store in one transaction -> acknowledge each message only after that
// transaction committed. A worker that dies at any point leaves its
// messages unacknowledged; the queue hands them to another worker after
// ack_wait, and the store's content-hash identity turns a document stored
// just before the crash into "already stored" on the second try. So every
// document is stored exactly once, whatever crashes.
//
// Failures, and what they cost:
//   - a message that cannot be decoded, or whose document the pipeline
//     refuses, is a bad record: it goes to the dead-letter stream at once
//     with the reason (retrying would fail the same way);
//   - a store write that fails (the database restarting, a lock) is retried
//     with back-off in the worker, the store reopened between attempts, the
//     messages kept alive meanwhile; after write_attempts the messages are
//     returned to the queue (NAK, delayed by their delivery count);
//   - a message delivered more than max_deliveries times (its workers keep
//     crashing, say) goes to the dead-letter stream without being tried
//     again;
//   - the queue going away: fetches fail and are retried every back-off
//     step; acknowledgements lost with it mean redelivery and "already
//     stored", never loss.
//
// Ordered commits (WorkerOptions::ordered, the default): which stored
// document is the original of a near-duplicate, and which of two
// documents with the same content is kept, depend on the order documents
// reach the store. To store exactly what a single `annals ingest` of the
// same inputs stores, a worker commits a run of messages only once every
// earlier message of the stream is acknowledged (the consumer's ack floor);
// the pipeline, nearly all of the work, still runs in parallel. While it
// waits, a worker keeps fetching and processing (up to 4 batches ahead), so
// a message lost with a crashed worker is picked up when the queue
// redelivers it and nothing stalls for longer than ack_wait. Unordered
// mode commits at once: the same documents and events, but near-duplicate
// links may pick another original.
#ifndef ANNALS_DISTRIBUTED_WORKER_H_
#define ANNALS_DISTRIBUTED_WORKER_H_

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "annals/ingest.h"
#include "annals/pipeline.h"
#include "annals/store.h"
#include "distributed/backoff.h"
#include "distributed/work_queue.h"

namespace annals::internal {

struct WorkerOptions {
  int batch = 32;                              // messages per fetch and per store transaction
  uint32_t max_deliveries = 5;                 // more deliveries than this -> dead letter
  std::chrono::seconds idle_exit{0};           // exit after this long without work; 0 = never
  std::chrono::milliseconds fetch_wait{1000};  // how long one fetch waits for work
  bool ordered = true;                         // see the top of this file
  std::chrono::seconds ack_wait{30};           // the consumer's; paces keep-alives and order waits
  uint32_t write_attempts = 12;                // store writes per batch before the messages go back
  BackoffPolicy backoff;                       // between write attempts, fetch retries, NAK delays
  ReadOptions read;                            // for file references
};

struct WorkerCounts {
  uint64_t messages = 0;       // messages taken off the queue (each delivery)
  uint64_t documents = 0;      // documents stored (new or replacing)
  uint64_t duplicates = 0;     // documents already stored (a redelivery, a copy)
  uint64_t sentences = 0;      // sentences stored
  uint64_t dead = 0;           // messages sent to the dead-letter stream
  uint64_t record_errors = 0;  // records of referenced files that failed to read
  uint64_t write_retries = 0;  // store writes that failed and were retried
  uint64_t returned = 0;       // messages handed back to the queue (NAK)
};

// What the worker tells its front end. Called on the worker's thread.
class WorkerEvents {
 public:
  virtual ~WorkerEvents() = default;
  // One line about something that went wrong or was recovered from.
  virtual void Note(const std::string& line) = 0;
  // After every batch.
  virtual void Progress(const WorkerCounts&) {}
  // Polled between batches: true ends the loop (a signal, say).
  virtual bool StopRequested() { return false; }
};

// Opens (or reopens, after a failure) the store to write to.
using StoreOpener = std::function<StatusOr<std::unique_ptr<Store>>()>;

// Runs until idle_exit or StopRequested(); OK then. Returns an error only
// when it cannot start: the store still refuses to open after
// write_attempts tries with back-off.
Status RunWorker(WorkQueue& queue, const StoreOpener& open_store, const Pipeline& pipeline,
                 const WorkerOptions& options, WorkerEvents& events, WorkerCounts* counts);

}  // namespace annals::internal

#endif  // ANNALS_DISTRIBUTED_WORKER_H_
