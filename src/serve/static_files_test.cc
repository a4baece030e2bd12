// Tests for static_files.cc: which URL paths map to files, and that none
// leads out of the static folder.
#include "serve/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/store_test_util.h"

namespace annals::serve {
namespace {

namespace fs = std::filesystem;

class StaticFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = tmp_.Path("web");
    fs::create_directories(root_ + "/vendor");
    Write(root_ + "/index.html", "<!doctype html>");
    Write(root_ + "/vendor/lib.js", "x");
    Write(tmp_.Path("secret.txt"), "secret");
    fs::create_symlink(tmp_.Path("secret.txt"), root_ + "/escape.txt");
    fs::create_symlink(root_ + "/index.html", root_ + "/inside.html");
  }
  static void Write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
  }
  ErrorCode Code(std::string_view url) {
    StatusOr<StaticFile> f = LoadStaticFile(root_, url);
    return f.ok() ? ErrorCode::kOk : f.status().code();
  }

  testing_util::TempDir tmp_;
  std::string root_;
};

TEST_F(StaticFiles, ServesFilesUnderTheRoot) {
  StatusOr<StaticFile> index = LoadStaticFile(root_, "/");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->body, "<!doctype html>");
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index->cache_control, "no-cache");
  StatusOr<StaticFile> js = LoadStaticFile(root_, "/vendor/lib.js");
  ASSERT_TRUE(js.ok());
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Code("/inside.html"), ErrorCode::kOk);
}

TEST_F(StaticFiles, MissingIsNotFound) {
  EXPECT_EQ(Code("/nothing.js"), ErrorCode::kNotFound);
  EXPECT_EQ(Code("/vendor"), ErrorCode::kNotFound);  // a folder
}

TEST_F(StaticFiles, RefusesTraversal) {
  for (std::string_view url :
       {"/../secret.txt", "/vendor/../../secret.txt", "/./index.html", "/..", "//etc/passwd",
        "/vendor//lib.js", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/vendor\\..\\index.html",
        "/.hidden", "relative.html", ""}) {
    EXPECT_EQ(Code(url), ErrorCode::kInvalidArgument) << url;
  }
  EXPECT_EQ(Code(std::string("/index.html\0", 12)), ErrorCode::kInvalidArgument);
  EXPECT_EQ(Code("/" + std::string(kMaxPathLength, 'a')), ErrorCode::kInvalidArgument);
}

TEST_F(StaticFiles, RefusesSymlinksLeavingTheRoot) {
  EXPECT_EQ(Code("/escape.txt"), ErrorCode::kInvalidArgument);
}

TEST(StaticFileTypes, ByExtension) {
  EXPECT_EQ(ContentTypeFor("a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.bin"), "application/octet-stream");
}

}  // namespace
}  // namespace annals::serve
