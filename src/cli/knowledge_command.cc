// annals knowledge: what each article claims beyond its events (quotes and
// their speakers, counts, dates, tone, framing, themes) as one JSON object
// per article, or the score on the golden sets of tests/golden/knowledge.
#include <iostream>
#include <nlohmann/json.hpp>

#include "annals/batch.h"
#include "annals/pipeline.h"
#include "cli/commands.h"
#include "cli/input_options.h"
#include "cli/stream_consumer.h"
#include "knowledge/evaluate.h"

namespace annals::cli {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kKnowledgeUsage[] = "PATH... | --evaluate DIR [--show-errors]";
constexpr char kKnowledgeSummary[] =
    "Reads articles like 'annals process', runs the standard pipeline and\n"
    "prints one JSON object per article with what knowledge.v1 found, each\n"
    "with its text: quotations (kind, speaker, CAMEO code, reporting verb,\n"
    "who reported it), counts (value, qualifier, type, object, place), dates\n"
    "resolved against the story's date, the document's tone, loaded wording\n"
    "and themes. Nothing is stored (docs/knowledge.md).\n\n"
    "--evaluate scores quotes, counts and dates on the golden sets in DIR\n"
    "(tests/golden/knowledge): precision and recall of each.\n\n"
    "Exit status: 0 done; 1-100 that many records failed; 101 data or\n"
    "output failure; 102 usage.";

Json Evidence(const annals::Evidence& e) {
  return {{"rule", e.rule}, {"file", e.file}, {"line", e.line}};
}

std::string KnowledgeJsonl(const Document& doc) {
  Json j{{"doc", doc.id}};
  Json quotes = Json::array();
  for (const Quote& q : doc.quotes)
    quotes.push_back({{"kind", QuoteKindName(q.kind)},
                      {"text", std::string(doc.Text(q.span))},
                      {"speaker", q.speaker_name},
                      {"speaker_as_written", std::string(doc.Text(q.speaker_span))},
                      {"speaker_code", q.speaker_code},
                      {"verb", q.verb},
                      {"reported_by", q.reporter_name},
                      {"sentence", q.sentence},
                      {"span", Json::array({q.span.begin, q.span.end})},
                      {"evidence", Evidence(q.evidence)}});
  j["quotes"] = std::move(quotes);
  Json counts = Json::array();
  for (const Count& c : doc.counts) {
    Json x{{"text", std::string(doc.Text(c.span))},
           {"value", c.value},
           {"qualifier", CountQualifierName(c.qualifier)},
           {"type", c.type},
           {"object", c.object},
           {"unit", c.unit}};
    if (c.qualifier == CountQualifier::kRange) x["value_max"] = c.value_max;
    x["place"] = c.place >= 0 ? doc.places[static_cast<size_t>(c.place)].name : "";
    x["sentence"] = c.sentence;
    x["span"] = Json::array({c.span.begin, c.span.end});
    x["evidence"] = Evidence(c.evidence);
    counts.push_back(std::move(x));
  }
  j["counts"] = std::move(counts);
  Json dates = Json::array();
  for (const DateMention& d : doc.dates)
    dates.push_back({{"text", std::string(doc.Text(d.span))},
                     {"resolved", d.resolved},
                     {"granularity", d.granularity},
                     {"sentence", d.sentence},
                     {"evidence", Evidence(d.evidence)}});
  j["dates"] = std::move(dates);
  if (!doc.tones.empty()) {
    const Tone& t = doc.tones.front();  // the whole document
    j["tone"] = {{"tone", t.polarity * 100},
                 {"positive", t.positive * 100},
                 {"negative", t.negative * 100},
                 {"polarity", (t.positive + t.negative) * 100},
                 {"activity", t.activity * 100},
                 {"self_group", (t.self_reference + t.group_reference) * 100},
                 {"words", t.words}};
  }
  Json framings = Json::array();
  for (const Framing& f : doc.framings)
    framings.push_back({{"text", std::string(doc.Text(f.span))},
                        {"term", f.term},
                        {"category", f.category},
                        {"sentence", f.sentence},
                        {"evidence", Evidence(f.evidence)}});
  j["framings"] = std::move(framings);
  Json themes = Json::array();
  for (const Theme& t : doc.themes)
    themes.push_back({{"name", t.name},
                      {"mentions", t.mentions},
                      {"first", std::string(doc.Text(t.first))},
                      {"evidence", Evidence(t.evidence)}});
  j["themes"] = std::move(themes);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

int RunKnowledge(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand(
          "knowledge", kKnowledgeUsage, kKnowledgeSummary,
          {{"evaluate", "DIR", "score quotes, counts and dates on the golden sets in DIR"},
           {"show-errors", "", "with --evaluate: list the missed, wrong and extra entries"}},
          args, out, err, &cmd)) {
    return *done;
  }
  auto pipeline = Pipeline::Standard();
  if (!pipeline.ok()) {
    err << "annals knowledge: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  if (const auto golden = cmd.flags.Get("evaluate")) {
    auto score = knowledge::EvaluateKnowledge(*golden, *pipeline);
    if (!score.ok()) {
      err << "annals knowledge: " << score.status().ToString() << "\n";
      return kExitFatal;
    }
    if (cmd.flags.Has("show-errors"))
      for (const std::string& e : score->errors) out << e << "\n";
    out << knowledge::FormatScore(*score);
    return 0;
  }
  if (cmd.flags.positional().empty()) {
    err << "annals knowledge: give one or more article PATHs (- for standard input)\n";
    return kExitUsage;
  }
  StreamConsumer consumer(out, err, KnowledgeJsonl);
  BatchProgress p;
  const Status s = RunBatch(cmd.flags.positional(), cmd.read, *pipeline, cmd.batch, consumer, &p);
  if (!s.ok()) {
    err << "annals knowledge: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return ExitForFailures(p.failed);
}

}  // namespace annals::cli
