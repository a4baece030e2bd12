// BatchRunner: reads inputs, runs the pipeline on all cores, hands back
// finished documents in input order.
//
// One reading thread parses the inputs (ReadPaths) into a bounded queue;
// `threads` workers run the Pipeline, each with its own Scratch; the calling
// thread receives results strictly in input order, in groups of up to
// `batch_size` documents, through the Consumer. Input order is kept so that
// output and store contents do not depend on the number of threads.
//
// Memory is bounded: at most about 4 * threads * batch_size documents are
// in flight, whatever the size of the input.
//
// Front ends (CLI, worker) plug in a Consumer: write to the store, print
// JSON, count. Its callbacks run on the calling thread, except Render(),
// which runs on the workers so that per-document output work (JSON, say)
// scales with the cores instead of queueing behind one thread.
#ifndef ANNALS_BATCH_H_
#define ANNALS_BATCH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "annals/document.h"
#include "annals/ingest.h"
#include "annals/pipeline.h"

namespace annals {

struct BatchOptions {
  unsigned threads = 0;     // worker threads; 0 = all cores
  size_t batch_size = 256;  // documents per Consumer::OnBatch call
};

// What the runner has done so far, for progress reports.
struct BatchProgress {
  uint64_t documents = 0;  // documents finished (ok or failed)
  uint64_t failed = 0;     // records that did not become documents
  uint64_t sentences = 0;
  uint64_t bytes = 0;        // text bytes of finished documents
  uint64_t input_bytes = 0;  // input file bytes read up to the last finished record
  uint64_t total_bytes = 0;  // input file bytes, 0 when unknown (stdin)
  double seconds = 0;        // since Run() started
};

class Consumer {
 public:
  virtual ~Consumer() = default;
  // Called on a worker thread, concurrently with other calls, once a
  // document has been through the pipeline; what it returns comes back
  // with the document in OnBatch. Must not touch shared state.
  virtual std::string Render(const Document&) const { return {}; }
  // Documents that went through the whole pipeline, in input order, and
  // Render() of each (rendered[i] belongs to docs[i]).
  // Returning a non-OK Status stops the run (e.g. the store is gone).
  virtual Status OnBatch(std::vector<Document>& docs, std::vector<std::string>& rendered) = 0;
  // A record that could not be read or processed; the run goes on.
  virtual void OnError(const RecordError& error) = 0;
  // Called about every half second and once at the end.
  virtual void OnProgress(const BatchProgress&) {}
};

// Runs the whole batch; returns the first Status a Consumer returned, or
// OK. Failed records are counted in the final progress, not returned.
Status RunBatch(const std::vector<std::string>& paths, const ReadOptions& read_options,
                const Pipeline& pipeline, const BatchOptions& options, Consumer& consumer,
                BatchProgress* final_progress);

}  // namespace annals

#endif  // ANNALS_BATCH_H_
