// Internal header (not public API): the work queue on NATS JetStream.
//
// Layout, for a queue named Q (default "ANNALS"):
//   stream Q        subject "Q.work", work-queue retention (a message is
//                   removed once acknowledged or terminated), file storage,
//                   de-duplication window kDuplicateWindow on the publisher's
//                   message id (the content hash: enqueueing the same
//                   article twice stores it once);
//   consumer        durable pull consumer "workers" on Q, explicit acks; all
//                   workers share it, so each message goes to one worker at
//                   a time and unacknowledged ones come back after ack_wait;
//   stream Q_DEAD   subject "Q.dead", limits retention: messages that failed
//                   max_deliveries times or cannot be decoded, with the
//                   reason in the header "Annals-Reason".
// EnsureQueue creates what is missing and leaves what exists alone, so
// enqueue and any number of workers may call it concurrently.
//
// The connection reconnects on its own, forever, every 250 ms: a worker
// outlives a nats-server restart (calls made while it is down fail with
// kQueue and the caller retries).
//
// A WorkQueue is used from one thread at a time.
#ifndef ANNALS_DISTRIBUTED_WORK_QUEUE_H_
#define ANNALS_DISTRIBUTED_WORK_QUEUE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"

struct __natsMsg;  // libnats's message type, kept out of our headers

namespace annals::internal {

inline constexpr std::chrono::hours kDuplicateWindow{24};
inline constexpr char kConsumerName[] = "workers";

struct QueueOptions {
  std::string url = "nats://127.0.0.1:4222";
  std::string name = "ANNALS";  // stream name; [A-Za-z0-9_-]
  // Set when EnsureQueue creates the consumer; an existing consumer keeps
  // its own values.
  std::chrono::seconds ack_wait{30};                // held this long unacknowledged -> redelivered
  int64_t max_ack_pending = 1024;                   // messages out at once over all workers
  std::chrono::milliseconds request_timeout{5000};  // per JetStream API call
};

// One message handed to this worker; must not outlive its WorkQueue.
// Move-only; the message is released (not acknowledged) if it goes out of
// scope unanswered, and comes back after ack_wait.
class Delivery {
 public:
  explicit Delivery(__natsMsg* msg);
  Delivery(Delivery&& other) noexcept;
  Delivery& operator=(Delivery&& other) noexcept;
  Delivery(const Delivery&) = delete;
  Delivery& operator=(const Delivery&) = delete;
  ~Delivery();

  std::string_view data() const;
  uint64_t deliveries() const { return deliveries_; }  // 1 on first delivery
  uint64_t stream_sequence() const { return stream_sequence_; }

  // Waits for the server to confirm, so OK means the message is gone.
  Status Ack();
  // Redelivered after `delay` (to any worker).
  Status Nak(std::chrono::milliseconds delay);
  // Resets ack_wait: we are still working on it.
  Status InProgress();
  // Never redelivered.
  Status Term();

 private:
  __natsMsg* msg_ = nullptr;
  uint64_t deliveries_ = 0;
  uint64_t stream_sequence_ = 0;
};

struct QueueCounts {
  uint64_t published = 0;    // messages the stream ever accepted (duplicates not counted)
  uint64_t backlog = 0;      // not yet handed to any worker
  uint64_t in_flight = 0;    // handed out, not yet acknowledged (incl. waiting for redelivery)
  uint64_t redelivered = 0;  // of those, handed out more than once
  uint64_t done = 0;         // acknowledged (stored)
  uint64_t dead = 0;         // in the dead-letter stream
  uint64_t bytes = 0;        // what the work stream holds now (unfinished messages), in bytes
};

class WorkQueue {
 public:
  static StatusOr<std::unique_ptr<WorkQueue>> Connect(const QueueOptions& options);
  ~WorkQueue();

  Status EnsureQueue();

  // Publishes one work message; *duplicate tells whether the stream had it
  // already (same dedup_id within the window).
  Status Publish(std::string_view bytes, const std::string& dedup_id, bool* duplicate);

  // Up to `max` messages, waiting at most `timeout`; an empty vector when
  // there is no work. Binds the pull subscription on first use and again
  // after failures (the server may have lost it in a restart).
  StatusOr<std::vector<Delivery>> Fetch(int max, std::chrono::milliseconds timeout);

  // Copies a message to the dead-letter stream with the reason; the caller
  // then terminates it. Idempotent per stream sequence.
  Status PublishDead(std::string_view bytes, uint64_t stream_sequence, uint64_t deliveries,
                     const std::string& reason);

  StatusOr<QueueCounts> Counts();

  // The acknowledgement floor: every message of the work stream up to this
  // sequence has been acknowledged or terminated. Workers in ordered mode
  // commit a message only once the floor has reached the one before it.
  // Read off the stream (its first sequence still held, less one), not the
  // consumer: work-queue retention deletes a message when it is acknowledged
  // or terminated, and the stream is the record that survives a server
  // restart exactly, where a consumer's floor may come back behind a
  // message already gone, which nobody would then ever acknowledge.
  StatusOr<uint64_t> AckFloor();

  // The largest message the server accepts (its max_payload), in bytes.
  int64_t max_payload() const;

  const QueueOptions& options() const { return options_; }

 private:
  struct Handles;
  explicit WorkQueue(QueueOptions options);
  Status Bind();

  QueueOptions options_;
  std::unique_ptr<Handles> h_;
};

// True for names JetStream accepts as stream names and subject tokens.
bool ValidQueueName(std::string_view name);

}  // namespace annals::internal

#endif  // ANNALS_DISTRIBUTED_WORK_QUEUE_H_
