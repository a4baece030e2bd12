// Internal, tests only: the standard stages up to places (tokens, parse,
// places), without the knowledge stage, so that the counts tests exercise
// FindCounts alone and do not depend on the other knowledge finders.
#ifndef ANNALS_KNOWLEDGE_COUNTS_TEST_UTIL_H_
#define ANNALS_KNOWLEDGE_COUNTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <utility>
#include <vector>

#include "annals/coding.h"
#include "annals/pipeline.h"
#include "annals/places.h"
#include "annals/syntax.h"
#include "annals/text.h"

namespace annals::knowledge::test_util {

inline const Pipeline& ParsePipeline() {
  static const Pipeline* p = [] {
    auto model = DefaultSyntaxModel();
    auto coding = DefaultCodingData();
    auto gazetteer = DefaultGazetteer();
    EXPECT_TRUE(model.ok() && coding.ok() && gazetteer.ok());
    std::vector<std::unique_ptr<Stage>> stages;
    stages.push_back(MakeNormalizeStage());
    stages.push_back(MakeTokenizeStage());
    stages.push_back(MakeSegmentStage());
    stages.push_back(MakeSyntaxStage(model.value()));
    stages.push_back(MakeActorStage(coding.value()));
    stages.push_back(MakeEventStage(coding.value()));
    stages.push_back(MakePlacesStage(gazetteer.value()));
    auto built = Pipeline::Build(std::move(stages));
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    return new Pipeline(std::move(*built));
  }();
  return *p;
}

}  // namespace annals::knowledge::test_util

#endif  // ANNALS_KNOWLEDGE_COUNTS_TEST_UTIL_H_
