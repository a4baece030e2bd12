// Pipeline: checks stage order once, then runs stages in order.
// Tested by pipeline_test.cc.
#include "annals/pipeline.h"

#include <string>

namespace annals {
namespace {

std::string LayerNames(uint32_t layers) {
  static const char* const kNames[] = {"text", "clean-text", "tokens", "sentences"};
  std::string out;
  for (int i = 0; i < 4; ++i) {
    if (layers & (1u << i)) {
      if (!out.empty()) out += ", ";
      out += kNames[i];
    }
  }
  return out;
}

}  // namespace

StatusOr<Pipeline> Pipeline::Build(std::vector<std::unique_ptr<Stage>> stages) {
  uint32_t have = kLayerText;  // every reader provides raw text
  for (const auto& stage : stages) {
    if (stage == nullptr) return Status(ErrorCode::kInvalidArgument, "null stage");
    const uint32_t missing = stage->requires_layers() & ~have;
    if (missing != 0) {
      return Status(ErrorCode::kInvalidArgument, "stage " + std::string(stage->name()) + " needs " +
                                                     LayerNames(missing) +
                                                     ", which no earlier stage provides");
    }
    have |= stage->assigns_layers();
  }
  Pipeline p;
  p.stages_ = std::move(stages);
  return p;
}

Status Pipeline::Process(Document& doc, Scratch& scratch) const {
  for (const auto& stage : stages_) {
    Status s = stage->Process(doc, scratch);
    if (!s.ok()) {
      return Status(s.code(), std::string(stage->name()) + ": " + s.message());
    }
    doc.stages.emplace_back(stage->name());
  }
  return Status::Ok();
}

std::vector<std::string_view> Pipeline::stage_names() const {
  std::vector<std::string_view> names;
  for (const auto& stage : stages_) names.push_back(stage->name());
  return names;
}

}  // namespace annals
