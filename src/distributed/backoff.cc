// Retry delays; see backoff.h.
#include "distributed/backoff.h"

#include <algorithm>

namespace annals::internal {
namespace {

// SplitMix64's finaliser: a well-mixed 64-bit hash of a 64-bit key.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

}  // namespace

std::chrono::milliseconds BackoffDelay(const BackoffPolicy& policy, uint32_t attempt,
                                       uint64_t salt) {
  if (attempt == 0) return std::chrono::milliseconds(0);
  const double base = static_cast<double>(std::max<int64_t>(policy.base.count(), 0));
  const double cap = static_cast<double>(std::max<int64_t>(policy.cap.count(), 0));
  // Doubling past 2^40 only ever hits the cap; stopping there avoids inf.
  const double grown =
      base * static_cast<double>(uint64_t{1} << std::min<uint32_t>(attempt - 1, 40));
  const double delay = std::min(grown, cap);
  const double jitter = std::clamp(policy.jitter, 0.0, 0.999);
  // u in [-1, 1), from the top 53 bits of the hash.
  const double u = static_cast<double>(Mix(salt * 1000003u + attempt) >> 11) /
                       static_cast<double>(1ull << 53) * 2.0 -
                   1.0;
  return std::chrono::milliseconds(static_cast<int64_t>(delay * (1.0 + jitter * u)));
}

}  // namespace annals::internal
