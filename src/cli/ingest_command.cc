// annals ingest PATH... --db FILE: read, process and store articles.
//
// Each batch of documents is one store transaction, so an interrupted run
// leaves whole batches and nothing half-written; re-running it skips what is
// stored (content hash).
#include <ostream>

#include "annals/batch.h"
#include "annals/pipeline.h"
#include "annals/store.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/input_options.h"
#include "cli/progress.h"

namespace annals::cli {
namespace {

constexpr char kIngestUsage[] = "PATH... --db FILE|URL";
constexpr char kIngestSummary[] =
    "Reads articles (files, directories, or - for standard input; wire text,\n"
    "plain text, JSON Lines, CSV, WARC archives or RSS/Atom feeds, detected),\n"
    "runs the pipeline and stores the documents in the SQLite file FILE\n"
    "(created if needed) or the PostgreSQL database a postgresql://... URL\n"
    "names (docs/store.md). Content that is already stored is skipped; a near-\n"
    "duplicate of a stored text (a syndicated copy) is stored and linked to it.\n"
    "Bad records are reported on standard error, one line each, and the rest\n"
    "goes on.\n\n"
    "Exit status: 0 all stored; 1-100 that many records failed; 101 fatal; 102 usage.";

class StoreConsumer : public Consumer {
 public:
  StoreConsumer(Store& store, std::ostream& err, bool quiet)
      : store_(store), err_(err), progress_(err, !quiet) {}

  Status OnBatch(std::vector<Document>& docs, std::vector<std::string>&) override {
    StatusOr<WriteResult> r = store_.WriteBatch(docs);
    if (!r.ok()) return r.status();
    total_.inserted += r->inserted;
    total_.replaced += r->replaced;
    total_.duplicates += r->duplicates;
    total_.renamed += r->renamed;
    total_.near_duplicates += r->near_duplicates;
    total_.sentences += r->sentences;
    for (auto& [index, status] : r->refused) {
      OnError(RecordError{docs[index].origin, std::move(status)});
      ++refused_;
    }
    return Status::Ok();
  }
  void OnError(const RecordError& error) override {
    progress_.Finish();
    err_ << "annals: " << error.Describe() << "\n";
  }
  void OnProgress(const BatchProgress& p) override { progress_.Update(p); }
  void Finish() { progress_.Finish(); }
  const WriteResult& total() const { return total_; }
  // Documents the store refused one by one (they count as failed records).
  uint64_t refused() const { return refused_; }

 private:
  Store& store_;
  std::ostream& err_;
  ProgressPrinter progress_;
  WriteResult total_;
  uint64_t refused_ = 0;
};

}  // namespace

int RunIngest(const Args& args, std::ostream& out, std::ostream& err) {
  InputCommand cmd;
  if (auto done = ParseInputCommand(
          "ingest", kIngestUsage, kIngestSummary,
          {{"db", "FILE|URL",
            "the store to write (required): a SQLite file, or a postgresql://... URL"}},
          args, out, err, &cmd)) {
    return *done;
  }
  const Flags& flags = cmd.flags;
  const auto db = flags.Get("db");
  if (!db || db->empty() || flags.positional().empty()) {
    err << "annals ingest: needs at least one PATH and --db FILE (see --help)\n";
    return kExitUsage;
  }
  StatusOr<Pipeline> pipeline = Pipeline::Standard();
  if (!pipeline.ok()) {
    err << "annals ingest: " << pipeline.status().ToString() << "\n";
    return kExitFatal;
  }
  StatusOr<std::unique_ptr<Store>> store = Store::Open(*db);
  if (!store.ok()) {
    err << "annals ingest: " << store.status().ToString() << "\n";
    return kExitFatal;
  }
  StoreConsumer consumer(**store, err, flags.Has("quiet"));
  BatchProgress p;
  Status s = RunBatch(flags.positional(), cmd.read, *pipeline, cmd.batch, consumer, &p);
  consumer.Finish();
  const WriteResult& w = consumer.total();
  const uint64_t failed = p.failed + consumer.refused();
  const uint64_t handled = w.inserted + w.replaced + w.duplicates + failed;
  out << "annals ingest: " << p.documents << " records read, " << (w.inserted + w.replaced)
      << " documents stored (" << w.inserted << " new, " << w.replaced << " replaced, "
      << w.duplicates << " already stored), " << failed << " failed, " << w.sentences
      << " sentences, " << FormatSeconds(p.seconds) << "\n";
  if (w.near_duplicates > 0)
    out << "annals ingest: " << w.near_duplicates
        << " new documents are near-duplicates of stored ones (syndicated copies), linked to "
           "them: their events count as further mentions\n";
  if (w.renamed > 0)
    out << "annals ingest: " << w.renamed
        << " new documents got an id ending in ~<hash>: the id derived from their file "
           "name was taken by other content\n";
  if (!s.ok() && p.documents > handled)
    out << "annals ingest: " << (p.documents - handled) << " records not stored (stopped)\n";
  out << "store: " << Store::DisplayName(*db) << "\n";
  if (!s.ok()) {
    err << "annals ingest: stopped: " << s.ToString() << " (batches before this one are stored)\n";
    return kExitFatal;
  }
  return ExitForFailures(failed);
}

int ExitForFailures(uint64_t failed) {
  return failed == 0 ? 0 : static_cast<int>(failed > 100 ? 100 : failed);
}

}  // namespace annals::cli
