#include "distributed/backoff.h"

#include <gtest/gtest.h>

namespace annals::internal {
namespace {

using std::chrono::milliseconds;

TEST(Backoff, DoublesFromTheBaseWithoutJitter) {
  const BackoffPolicy p{milliseconds(100), milliseconds(10'000), 0.0};
  EXPECT_EQ(BackoffDelay(p, 0), milliseconds(0));
  EXPECT_EQ(BackoffDelay(p, 1), milliseconds(100));
  EXPECT_EQ(BackoffDelay(p, 2), milliseconds(200));
  EXPECT_EQ(BackoffDelay(p, 5), milliseconds(1600));
}

TEST(Backoff, StopsAtTheCapEvenForHugeAttempts) {
  const BackoffPolicy p{milliseconds(100), milliseconds(5'000), 0.0};
  EXPECT_EQ(BackoffDelay(p, 7), milliseconds(5'000));
  EXPECT_EQ(BackoffDelay(p, 4'000'000'000u), milliseconds(5'000));
}

TEST(Backoff, JitterStaysWithinItsFractionAndIsDeterministic) {
  const BackoffPolicy p{milliseconds(1000), milliseconds(1000), 0.25};
  bool varied = false;
  for (uint64_t salt = 0; salt < 200; ++salt) {
    const milliseconds d = BackoffDelay(p, 3, salt);
    EXPECT_GE(d, milliseconds(750));
    EXPECT_LE(d, milliseconds(1250));
    EXPECT_EQ(d, BackoffDelay(p, 3, salt));
    if (d != BackoffDelay(p, 3, 0)) varied = true;
  }
  EXPECT_TRUE(varied) << "different salts should spread the retries";
}

}  // namespace
}  // namespace annals::internal
