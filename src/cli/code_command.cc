// annals code: articles in, coded events out (JSON Lines), nothing stored.
#include <iostream>

#include "annals/batch.h"
#include "annals/coding.h"
#include "annals/pipeline.h"
#include "annals/syntax.h"
#include "annals/text.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/stream_consumer.h"

namespace annals::cli {
namespace {

constexpr char kUsage[] = "PATH... [--data DIR]";
constexpr char kSummary[] =
    "Reads articles like 'annals process', codes their events and prints one\n"
    "JSON object per event on standard output: CAMEO code and name, Goldstein,\n"
    "QuadClass, PLOVER type and mode, source and target actors, negation,\n"
    "modality, attribution, and the dictionary lines behind each part\n"
    "(docs/coding.md). Nothing is stored.\n\n"
    "Exit status: 0 all coded; 1-100 that many records failed; 101 dictionary\n"
    "or output failure; 102 usage.";

}  // namespace

int RunCode(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand(
          "code", kUsage, kSummary,
          {{"data", "DIR", "dictionaries and ontologies (default: " + DefaultDataDir() + ")"}},
          args, out, err, &cmd)) {
    return *done;
  }
  if (cmd.flags.positional().empty()) {
    err << "annals code: give one or more article PATHs (- for standard input)\n";
    return kExitUsage;
  }
  auto data = cmd.flags.Get("data") ? LoadCodingData(*cmd.flags.Get("data")) : DefaultCodingData();
  if (!data.ok()) {
    err << "annals code: " << data.status().ToString() << "\n";
    return kExitFatal;
  }
  auto model = DefaultSyntaxModel();
  if (!model.ok()) {
    err << "annals code: " << model.status().ToString() << "\n";
    return kExitFatal;
  }
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(MakeNormalizeStage());
  stages.push_back(MakeTokenizeStage());
  stages.push_back(MakeSegmentStage());
  stages.push_back(MakeSyntaxStage(*model));
  stages.push_back(MakeActorStage(*data));
  stages.push_back(MakeEventStage(*data));
  auto pipeline = Pipeline::Build(std::move(stages));
  if (!pipeline.ok()) {
    err << "annals code: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  const CodingData& coding = **data;
  StreamConsumer consumer(
      out, err, [&coding](const Document& doc) { return EventRecordsJsonl(doc, coding); });
  BatchProgress p;
  const Status s = RunBatch(cmd.flags.positional(), cmd.read, *pipeline, cmd.batch, consumer, &p);
  if (!s.ok()) {
    err << "annals code: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return ExitForFailures(p.failed);
}

}  // namespace annals::cli
