// Internal header (not public API): how long to wait before retrying.
//
// Exponential back-off with a cap and deterministic "jitter": the delay for
// attempt n is base * 2^(n-1), capped, then spread by up to +-jitter of
// itself using a hash of (n, salt). Spreading keeps a hundred workers that
// lost the database at the same moment from all coming back in the same
// millisecond; a hash instead of a random generator keeps tests exact and
// the function pure (safe from any thread).
//
// Used twice by the worker: between attempts to write a batch to a store
// that has gone away, and as the NAK delay of a failed message (attempt =
// the message's delivery count), so redeliveries of a failing document
// slow down instead of spinning.
//
// Tested by backoff_test.cc.
#ifndef ANNALS_DISTRIBUTED_BACKOFF_H_
#define ANNALS_DISTRIBUTED_BACKOFF_H_

#include <chrono>
#include <cstdint>

namespace annals::internal {

struct BackoffPolicy {
  std::chrono::milliseconds base{250};    // delay of the first retry
  std::chrono::milliseconds cap{30'000};  // no delay exceeds this (before jitter)
  double jitter = 0.2;                    // spread, as a fraction of the delay, in [0, 1)
};

// The delay before retry `attempt` (1 = the first retry; 0 gives 0). `salt`
// varies the jitter between callers (a worker id, a message sequence).
std::chrono::milliseconds BackoffDelay(const BackoffPolicy& policy, uint32_t attempt,
                                       uint64_t salt = 0);

}  // namespace annals::internal

#endif  // ANNALS_DISTRIBUTED_BACKOFF_H_
