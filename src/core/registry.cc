// The one place that says which stages make the standard pipeline, in order.
// Later issues append their stages here.
#include "annals/coding.h"
#include "annals/knowledge.h"
#include "annals/pipeline.h"
#include "annals/places.h"
#include "annals/syntax.h"
#include "annals/text.h"

namespace annals {

namespace {

// Raw text to events and their places: what `annals code` runs.
Status AddCodingStages(std::vector<std::unique_ptr<Stage>>* stages) {
  auto model = DefaultSyntaxModel();
  if (!model.ok()) return model.status();
  auto coding = DefaultCodingData();
  if (!coding.ok()) return coding.status();
  auto gazetteer = DefaultGazetteer();
  if (!gazetteer.ok()) return gazetteer.status();
  stages->push_back(MakeNormalizeStage());
  stages->push_back(MakeTokenizeStage());
  stages->push_back(MakeSegmentStage());
  stages->push_back(MakeSyntaxStage(model.value()));
  stages->push_back(MakeActorStage(coding.value()));
  stages->push_back(MakeEventStage(coding.value()));
  stages->push_back(MakePlacesStage(gazetteer.value()));
  return Status::Ok();
}

}  // namespace

StatusOr<Pipeline> Pipeline::Coding() {
  std::vector<std::unique_ptr<Stage>> stages;
  if (Status s = AddCodingStages(&stages); !s.ok()) return s;
  return Build(std::move(stages));
}

StatusOr<Pipeline> Pipeline::Standard() {
  auto knowledge = DefaultKnowledgeData();
  if (!knowledge.ok()) return knowledge.status();
  std::vector<std::unique_ptr<Stage>> stages;
  if (Status s = AddCodingStages(&stages); !s.ok()) return s;
  stages.push_back(MakeKnowledgeStage(knowledge.value()));
  return Build(std::move(stages));
}

}  // namespace annals
