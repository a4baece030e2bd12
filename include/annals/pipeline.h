// Pipeline: an ordered list of stages, checked once, then run on documents.
//
// A Pipeline is immutable after Build() and may be shared by many threads;
// each thread brings its own Scratch.
#ifndef ANNALS_PIPELINE_H_
#define ANNALS_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

class Pipeline {
 public:
  // Checks that every stage's required layers are assigned by an earlier
  // stage (a reader assigns kLayerText); fails with a message naming the
  // stage and the missing layer.
  static StatusOr<Pipeline> Build(std::vector<std::unique_ptr<Stage>> stages);

  // The standard pipeline for this build (src/core/registry.cc): the
  // coding pipeline, then story knowledge (quotes, counts, dates, tone).
  static StatusOr<Pipeline> Standard();
  // Raw text to events and their places, as `annals code` runs it:
  // normalize, tokenize, segment, syntax, actors, events, places.
  static StatusOr<Pipeline> Coding();

  // Runs every stage in order; stops at the first failure and returns it,
  // prefixed with the stage name. Appends each stage name to doc.stages.
  Status Process(Document& doc, Scratch& scratch) const;

  std::vector<std::string_view> stage_names() const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace annals

#endif  // ANNALS_PIPELINE_H_
