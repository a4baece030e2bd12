// annals code: articles in, coded events out (JSON Lines), nothing stored.
#include <iostream>

#include "annals/batch.h"
#include "annals/coding.h"
#include "annals/pipeline.h"
#include "annals/places.h"
#include "annals/syntax.h"
#include "annals/text.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/stream_consumer.h"

namespace annals::cli {
namespace {

constexpr char kCodeUsage[] =
    "PATH... [--data DIR] [--tabari-verbs FILE --tabari-actors FILE [--tabari-agents FILE]\n"
    "        [--tabari-discards FILE] [--tabari-lenient] [--with-own]]";
constexpr char kCodeSummary[] =
    "Reads articles like 'annals process', codes their events and prints one\n"
    "JSON object per event on standard output: CAMEO code and name, Goldstein,\n"
    "QuadClass, PLOVER type and mode, source and target actors, negation,\n"
    "modality, attribution, and the dictionary lines behind each part\n"
    "(docs/coding.md). Nothing is stored.\n\n"
    "With --tabari-verbs and --tabari-actors (and optionally agents and\n"
    "discards), dictionaries in the TABARI/PETRARCH formats code the articles\n"
    "instead, the way TABARI does (docs/compat.md); --with-own adds annals' own\n"
    "events next to theirs.\n\n"
    "Exit status: 0 all coded; 1-100 that many records failed; 101 dictionary\n"
    "or output failure; 102 usage.";

}  // namespace

int RunCode(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand(
          "code", kCodeUsage, kCodeSummary,
          {{"data", "DIR", "dictionaries and ontologies (default: " + DefaultDataDir() + ")"},
           {"tabari-verbs", "FILE", "a TABARI/PETRARCH verbs dictionary"},
           {"tabari-actors", "FILE", "a TABARI/PETRARCH actors dictionary"},
           {"tabari-agents", "FILE", "a TABARI/PETRARCH agents dictionary"},
           {"tabari-discards", "FILE", "a TABARI/PETRARCH discards list"},
           {"tabari-lenient", "", "skip (and list) TABARI dictionary lines that cannot be read"},
           {"with-own", "", "with TABARI dictionaries: also code with annals' own"}},
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
  TabariFiles tabari;
  const Flags& f = cmd.flags;
  for (auto [flag, field] : {std::pair{"tabari-verbs", &tabari.verbs},
                             {"tabari-actors", &tabari.actors},
                             {"tabari-agents", &tabari.agents},
                             {"tabari-discards", &tabari.discards}}) {
    if (auto v = f.Get(flag)) *field = *v;
  }
  const bool use_tabari = !tabari.verbs.empty() || !tabari.actors.empty() ||
                          !tabari.agents.empty() || !tabari.discards.empty();
  if (use_tabari && (tabari.verbs.empty() || tabari.actors.empty())) {
    err << "annals code: TABARI coding needs --tabari-verbs and --tabari-actors\n";
    return kExitUsage;
  }
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(MakeNormalizeStage());
  stages.push_back(MakeTokenizeStage());
  stages.push_back(MakeSegmentStage());
  if (!use_tabari || f.Has("with-own")) {
    stages.push_back(MakeSyntaxStage(*model));
    stages.push_back(MakeActorStage(*data));
    stages.push_back(MakeEventStage(*data));
    auto gazetteer = DefaultGazetteer();
    if (!gazetteer.ok()) {
      err << "annals code: " << gazetteer.status().ToString() << "\n";
      return kExitFatal;
    }
    stages.push_back(MakePlacesStage(*gazetteer));
  }
  if (use_tabari) {
    tabari.lenient = f.Has("tabari-lenient");
    std::vector<std::string> warnings;
    auto stage = MakeTabariStage(tabari, *data, &warnings);
    for (const std::string& w : warnings) err << "annals code: skipped " << w << "\n";
    if (!stage.ok()) {
      err << "annals code: " << stage.status().ToString() << "\n";
      return kExitFatal;
    }
    stages.push_back(std::move(stage).value());
  }
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
