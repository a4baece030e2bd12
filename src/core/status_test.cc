#include "annals/status.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(Status, MessageCarriesCode) {
  Status s(ErrorCode::kInvalidUtf8, "invalid UTF-8 at byte 12");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "[E003] invalid UTF-8 at byte 12");
}

TEST(Status, QueueErrorsAreE021) { EXPECT_EQ(ErrorTag(ErrorCode::kQueue), "[E021]"); }

TEST(StatusOr, HoldsValueOrStatus) {
  StatusOr<int> v(7);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
  StatusOr<int> e(Status(ErrorCode::kNotFound, "x"));
  EXPECT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace annals
