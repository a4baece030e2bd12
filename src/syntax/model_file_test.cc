#include "syntax/model_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace annals::syntax {
namespace {

std::string Message(const std::string& file) {
  auto m = ModelBytes::FromBuffer(file, "m.syntax", kModelFormat);
  return m.ok() ? "" : m.status().message();
}

TEST(ModelFile, WrapsAndChecks) {
  const std::string file = WrapModel("payload!");
  ASSERT_EQ(file.size(), kModelHeaderBytes + 8);
  auto m = ModelBytes::FromBuffer(file, "m.syntax", kModelFormat);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)->payload(), "payload!");
}

TEST(ModelFile, NamesTheFileAndTheFault) {
  const std::string good = WrapModel("payload!");
  EXPECT_EQ(Message("short"), "syntax model 'm.syntax': not an annals syntax model (bad magic)");
  std::string version = good;
  version[8] = 9;
  EXPECT_EQ(Message(version),
            "syntax model 'm.syntax': format version 9, this build reads version 5 (rebuild it)");
  EXPECT_NE(Message(good.substr(0, good.size() - 1)).find("truncated"), std::string::npos);
  std::string flipped = good;
  flipped.back() ^= 1;
  EXPECT_EQ(Message(flipped), "syntax model 'm.syntax': checksum mismatch (the file is corrupt)");
}

TEST(ModelFile, MapsFilesAndReportsMissingOnes) {
  const std::string path = testing::TempDir() + "/annals_model_file_test.syntax";
  { std::ofstream(path, std::ios::binary) << WrapModel("mapped"); }
  auto m = ModelBytes::Map(path, kModelFormat);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->payload(), "mapped");
  std::remove(path.c_str());
  auto missing = ModelBytes::Map(path, kModelFormat);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message().find(path), std::string::npos);
  auto dir = ModelBytes::Map(testing::TempDir(), kModelFormat);
  EXPECT_FALSE(dir.ok());
}

TEST(ModelFile, ReadsFilesIntoHugePages) {
  const std::string path = testing::TempDir() + "/annals_model_file_huge.syntax";
  // Bigger than one 2 MB page and not a multiple of it.
  const std::string payload(3'000'001, 'w');
  { std::ofstream(path, std::ios::binary) << WrapModel(payload); }
  auto m = ModelBytes::ReadIntoHugePages(path, kModelFormat);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ((*m)->payload(), payload);
  EXPECT_EQ(reinterpret_cast<uintptr_t>((*m)->payload().data()) % 8, 0u);
  { std::ofstream(path, std::ios::binary) << WrapModel(payload).substr(0, 100); }
  auto cut = ModelBytes::ReadIntoHugePages(path, kModelFormat);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().message().find("truncated"), std::string::npos);
  std::remove(path.c_str());
  auto missing = ModelBytes::ReadIntoHugePages(path, kModelFormat);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace annals::syntax
