#include "cli/progress.h"

#include <gtest/gtest.h>

namespace annals::cli {
namespace {

TEST(FormatSeconds, KeepsDigitsReadable) {
  EXPECT_EQ(FormatSeconds(0.00401271), "0.004 s");
  EXPECT_EQ(FormatSeconds(12.34), "12.3 s");
  EXPECT_EQ(FormatSeconds(254.7), "255 s");
}

}  // namespace
}  // namespace annals::cli
