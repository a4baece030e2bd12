// Tests for ingester.cc: uploads through the standard pipeline into a store
// made here, without HTTP: ids for named and nameless uploads, duplicates
// found by content, the uploader's title and date, and refusals with reasons.
#include "serve/ingester.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "store/store_test_util.h"

namespace annals::serve {
namespace {

using nlohmann::json;

constexpr char kArticle[] = "Egyptian officials met Qatari envoys in Cairo on Monday.\n";

class IngesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.Path("s.db");
    StatusOr<std::unique_ptr<Ingester>> ingester = Ingester::Create(path_);
    ASSERT_TRUE(ingester.ok()) << ingester.status().ToString();
    ingester_ = std::move(ingester).value();
  }

  json Upload(std::string_view body, const Params& params, int want_status) {
    const ApiResponse r = ingester_->Ingest(body, params);
    EXPECT_EQ(r.status, want_status) << r.body;
    return json::parse(r.body);
  }

  testing_util::TempDir tmp_;
  std::string path_;
  std::unique_ptr<Ingester> ingester_;
};

TEST_F(IngesterTest, PastedTextGetsAContentIdAndIsADuplicateTheSecondTime) {
  const json first = Upload(kArticle, {}, 200);
  EXPECT_EQ(first["stored"], 1);
  ASSERT_EQ(first["documents"].size(), 1u);
  const std::string id = first["documents"][0]["id"];
  EXPECT_EQ(id.rfind("upload-", 0), 0u) << id;
  EXPECT_EQ(id.size(), std::string("upload-").size() + 12);
  EXPECT_EQ(first["documents"][0]["status"], "stored");

  const json again = Upload(kArticle, {}, 200);
  EXPECT_EQ(again["stored"], 0);
  EXPECT_EQ(again["duplicates"], 1);
  EXPECT_EQ(again["documents"][0]["status"], "duplicate");
  EXPECT_EQ(again["documents"][0]["id"], id);

  // The same text under a file name is still the same content.
  const json named = Upload(kArticle, {{"name", "other.txt"}}, 200);
  EXPECT_EQ(named["documents"][0]["status"], "duplicate");
  EXPECT_EQ(named["documents"][0]["id"], id);
}

TEST_F(IngesterTest, NamedUploadWithTitleAndDate) {
  const json r =
      Upload(kArticle, {{"name", "talks.txt"}, {"title", "Talks"}, {"date", "2024-03-04"}}, 200);
  ASSERT_EQ(r["documents"].size(), 1u);
  EXPECT_EQ(r["documents"][0]["id"], "talks");
  EXPECT_EQ(r["documents"][0]["title"], "Talks");
  EXPECT_EQ(r["format"], "text");
  StatusOr<std::unique_ptr<Store>> store = Store::Open(path_, OpenMode::kReadOnly);
  ASSERT_TRUE(store.ok());
  StatusOr<Document> doc = (*store)->Load("talks");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->title, "Talks");
  ASSERT_TRUE(doc->published);
  EXPECT_EQ(doc->published->ToIso(), "2024-03-04");

  // Other content under the same file name keeps the first document.
  const json other =
      Upload("Israeli troops fired on protesters in Gaza.\n", {{"name", "talks.txt"}}, 200);
  const std::string id = other["documents"][0]["id"];
  EXPECT_EQ(id.rfind("talks~", 0), 0u) << id;
  EXPECT_EQ(other["documents"][0]["status"], "stored");
}

TEST_F(IngesterTest, DetectsTheFormatOfANamelessUpload) {
  const json r = Upload(
      "{\"id\": \"a1\", \"title\": \"One\", \"text\": \"Egypt met Qatar in Cairo.\"}\n"
      "{\"id\": \"a2\", \"title\": \"Two\", \"text\": \"Israel struck Gaza.\"}\n"
      "not json\n",
      {}, 200);
  EXPECT_EQ(r["format"], "jsonl");
  EXPECT_EQ(r["stored"], 2);
  EXPECT_EQ(r["ids"], json::array({"a1", "a2"}));
  ASSERT_EQ(r["errors"].size(), 1u);  // the third line, named
  EXPECT_NE(r["errors"][0].get<std::string>().find("upload:3"), std::string::npos) << r;
}

TEST_F(IngesterTest, RefusalsSayWhy) {
  const json binary = Upload(std::string("caf\xE9 \x01\x02", 7), {}, 400);
  EXPECT_FALSE(binary["error"].get<std::string>().empty());
  EXPECT_EQ(binary["stored"], 0);
  const json empty = Upload("", {}, 400);
  EXPECT_FALSE(empty["error"].get<std::string>().empty());
  const json feed = Upload("<html>no feed</html>", {{"name", "x.xml"}}, 400);
  EXPECT_NE(feed["error"].get<std::string>().find("x.xml"), std::string::npos) << feed;

  EXPECT_EQ(Upload(kArticle, {{"name", "../etc/passwd"}}, 400)["error"],
            "name: expected a file name without directories, not starting with '.', got "
            "'../etc/passwd'");
  EXPECT_EQ(Upload(kArticle, {{"date", "2024-02-30"}}, 400).count("error"), 1u);
  EXPECT_EQ(Upload(kArticle, {{"nope", "1"}}, 400).count("error"), 1u);
}

}  // namespace
}  // namespace annals::serve
