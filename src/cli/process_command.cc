// annals process PATH... --format json|jsonl: run the pipeline, print the
// enriched documents, store nothing.
#include <ostream>

#include "annals/batch.h"
#include "annals/json.h"
#include "annals/pipeline.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/input_options.h"
#include "cli/progress.h"

namespace annals::cli {
namespace {

constexpr char kProcessUsage[] = "PATH... [--format json|jsonl]";
constexpr char kProcessSummary[] =
    "Reads articles like 'annals ingest' and prints each enriched document as\n"
    "JSON (schema: docs/schema.md) on standard output, in input order:\n"
    "--format json prints one indented array, jsonl one document per line.\n\n"
    "Exit status: 0 all processed; 1-100 that many records failed; 101 output\n"
    "could not be written; 102 usage.";

class PrintConsumer : public Consumer {
 public:
  PrintConsumer(std::ostream& out, std::ostream& err, bool lines, JsonOptions json, bool quiet)
      : out_(out), err_(err), lines_(lines), json_(json), progress_(err, !quiet) {}

  std::string Render(const Document& doc) const override { return ToJson(doc, json_); }
  Status OnBatch(std::vector<Document>&, std::vector<std::string>& rendered) override {
    for (const std::string& json : rendered) {
      if (lines_) {
        out_ << json << "\n";
      } else {
        out_ << (first_ ? "[\n" : ",\n") << json;
        first_ = false;
      }
    }
    if (!out_.flush()) return Status(ErrorCode::kIo, "could not write standard output");
    return Status::Ok();
  }
  void OnError(const RecordError& error) override {
    progress_.Finish();
    err_ << "annals: " << error.Describe() << "\n";
  }
  void OnProgress(const BatchProgress& p) override { progress_.Update(p); }
  void Finish() {
    progress_.Finish();
    if (!lines_) out_ << (first_ ? "[]\n" : "\n]\n");
  }

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool lines_;
  JsonOptions json_;
  ProgressPrinter progress_;
  bool first_ = true;
};

}  // namespace

int RunProcess(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand("process", kProcessUsage, kProcessSummary,
                                    {{"format", "json|jsonl", "output form (default json)"},
                                     {"no-tokens", "", "leave the token list out of the JSON"}},
                                    args, out, err, &cmd)) {
    return *done;
  }
  const Flags& flags = cmd.flags;
  const std::string format = flags.GetOr("format", "json");
  if (format != "json" && format != "jsonl") {
    err << "annals process: --format must be json or jsonl, not '" << format << "'\n";
    return kExitUsage;
  }
  if (flags.positional().empty()) {
    err << "annals process: needs at least one PATH (- for standard input)\n";
    return kExitUsage;
  }
  StatusOr<Pipeline> pipeline = Pipeline::Standard();
  if (!pipeline.ok()) {
    err << "annals process: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  JsonOptions json;
  json.pretty = format == "json";
  json.with_tokens = !flags.Has("no-tokens");
  PrintConsumer consumer(out, err, format == "jsonl", json, flags.Has("quiet"));
  BatchProgress p;
  Status s = RunBatch(flags.positional(), cmd.read, *pipeline, cmd.batch, consumer, &p);
  consumer.Finish();
  if (!s.ok()) {
    err << "annals process: " << s.ToString() << "\n";
    return kExitFatal;
  }
  return ExitForFailures(p.failed);
}

}  // namespace annals::cli
