#include "cli/flags.h"

#include <gtest/gtest.h>

namespace annals::cli {
namespace {

const std::vector<FlagSpec> kSpecs = {
    {"db", "FILE", "store"}, {"quiet", "", "no progress"}, {"threads", "N", "threads"}};

TEST(Flags, ParsesValuesBooleansAndPositionals) {
  Flags f;
  std::string error;
  ASSERT_TRUE(f.Parse(kSpecs, {"a.txt", "--db", "x.db", "--quiet", "--threads=4", "b"}, &error));
  EXPECT_EQ(f.GetOr("db", ""), "x.db");
  EXPECT_TRUE(f.Has("quiet"));
  EXPECT_EQ(f.positional(), (std::vector<std::string>{"a.txt", "b"}));
  unsigned long long n = 0;
  EXPECT_TRUE(f.GetUnsigned("threads", 1, 8, &n, &error));
  EXPECT_EQ(n, 4u);
}

TEST(Flags, RefusesUnknownFlag) {
  Flags f;
  std::string error;
  EXPECT_FALSE(f.Parse(kSpecs, {"--nope"}, &error));
  EXPECT_NE(error.find("--nope"), std::string::npos);
}

TEST(Flags, RefusesMissingValue) {
  Flags f;
  std::string error;
  EXPECT_FALSE(f.Parse(kSpecs, {"--db"}, &error));
  EXPECT_NE(error.find("needs a value"), std::string::npos);
}

TEST(Flags, DoubleDashEndsFlags) {
  Flags f;
  std::string error;
  ASSERT_TRUE(f.Parse(kSpecs, {"--", "--db"}, &error));
  EXPECT_EQ(f.positional(), (std::vector<std::string>{"--db"}));
}

TEST(Flags, RefusesOutOfRangeNumber) {
  Flags f;
  std::string error;
  ASSERT_TRUE(f.Parse(kSpecs, {"--threads", "0"}, &error));
  unsigned long long n = 0;
  EXPECT_FALSE(f.GetUnsigned("threads", 1, 8, &n, &error));
}

TEST(Flags, HelpListsEveryFlag) {
  const std::string help = HelpText("ingest", "PATH...", "Reads.", kSpecs);
  EXPECT_NE(help.find("--db FILE"), std::string::npos);
  EXPECT_NE(help.find("--quiet"), std::string::npos);
}

}  // namespace
}  // namespace annals::cli
