#include "annals/pipeline.h"

#include <gtest/gtest.h>

namespace annals {
namespace {

// A stage that appends its tag to the text, to see order and failures.
class TagStage : public Stage {
 public:
  TagStage(std::string name, uint32_t needs, uint32_t gives, bool fail = false)
      : name_(std::move(name)), needs_(needs), gives_(gives), fail_(fail) {}
  std::string_view name() const override { return name_; }
  uint32_t requires_layers() const override { return needs_; }
  uint32_t assigns_layers() const override { return gives_; }
  Status Process(Document& doc, Scratch&) const override {
    if (fail_) return Status(ErrorCode::kTooLarge, "too big");
    doc.text += name_;
    return Status::Ok();
  }

 private:
  std::string name_;
  uint32_t needs_, gives_;
  bool fail_;
};

TEST(Pipeline, RunsStagesInOrderAndRecordsThem) {
  std::vector<std::unique_ptr<Stage>> s;
  s.push_back(std::make_unique<TagStage>("a", kLayerText, kLayerCleanText));
  s.push_back(std::make_unique<TagStage>("b", kLayerCleanText, kLayerTokens));
  auto p = Pipeline::Build(std::move(s));
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  Document d;
  Scratch scratch;
  ASSERT_TRUE(p->Process(d, scratch).ok());
  EXPECT_EQ(d.text, "ab");
  EXPECT_EQ(d.stages, (std::vector<std::string>{"a", "b"}));
}

TEST(Pipeline, RefusesStageBeforeWhatItNeeds) {
  std::vector<std::unique_ptr<Stage>> s;
  s.push_back(std::make_unique<TagStage>("segment", kLayerTokens, kLayerSentences));
  auto p = Pipeline::Build(std::move(s));
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("segment needs tokens"), std::string::npos)
      << p.status().message();
}

TEST(Pipeline, FailureNamesTheStage) {
  std::vector<std::unique_ptr<Stage>> s;
  s.push_back(std::make_unique<TagStage>("boom", kLayerText, 0, /*fail=*/true));
  auto p = Pipeline::Build(std::move(s));
  ASSERT_TRUE(p.ok());
  Document d;
  Scratch scratch;
  Status st = p->Process(d, scratch);
  EXPECT_EQ(st.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(st.message(), "boom: too big");
}

TEST(Pipeline, StandardPipelineBuilds) {
  auto p = Pipeline::Standard();
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->stage_names(),
            (std::vector<std::string_view>{"normalize.v1", "tokenize.v2", "segment.v1", "syntax.v1",
                                           "actors.v1", "events.v1", "places.v1", "knowledge.v1"}));
}

}  // namespace
}  // namespace annals
