// Text pipeline throughput on a real news corpus.
//
// Reads the BBC news corpus (../shared/corpora/bbc-news, 2,225 articles),
// then times the standard pipeline (normalize, tokenize, segment):
//   1. over the corpus once, with 1 thread and with all threads;
//   2. over a corpus of at least --mb megabytes (default 200) made by
//      repeating it, streamed document by document so that memory stays
//      flat, with 1 thread and with all threads.
// Prints MB/s (input text bytes), documents/s, sentences/s and events/s, per
// thread and in total, and the peak resident memory of the process.
//
// Usage: text_throughput [--corpus DIR] [--mb N] [--threads N] [--full | --code]
// --full (or its old name --syntax) times the whole standard pipeline: the
// text stages, tagger and parser, actors, events, places and knowledge.
// --code times what `annals code` runs (Pipeline::Coding): the same
// without the knowledge stage, raw text to events and their places.
// Reading and parsing the CSV files is not timed: only the pipeline is.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "annals/ingest.h"
#include "annals/pipeline.h"
#include "annals/text.h"

namespace {

class Collect : public annals::RecordSink {
 public:
  std::vector<annals::Document> docs;
  size_t errors = 0;
  void OnDocument(annals::Document&& d) override { docs.push_back(std::move(d)); }
  void OnError(annals::RecordError&& e) override {
    ++errors;
    std::fprintf(stderr, "bench: %s\n", e.Describe().c_str());
  }
};

struct Result {
  double seconds = 0;
  uint64_t bytes = 0, docs = 0, sentences = 0, events = 0;
};

// Runs the pipeline over `total` documents drawn round-robin from `corpus`,
// each copied, processed and dropped, on `threads` threads.
Result Stream(const std::vector<annals::Document>& corpus, uint64_t total,
              const annals::Pipeline& pipeline, unsigned threads) {
  std::atomic<uint64_t> next{0}, bytes{0}, sentences{0}, events{0}, failures{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      annals::Scratch scratch;
      uint64_t my_bytes = 0, my_sentences = 0, my_events = 0;
      for (uint64_t i = next++; i < total; i = next++) {
        annals::Document doc = corpus[i % corpus.size()];
        my_bytes += doc.text.size();
        if (!pipeline.Process(doc, scratch).ok()) ++failures;
        my_sentences += doc.sentences.size();
        my_events += doc.events.size();
      }
      bytes += my_bytes;
      sentences += my_sentences;
      events += my_events;
    });
  }
  for (auto& t : pool) t.join();
  Result r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.bytes = bytes;
  r.docs = total;
  r.sentences = sentences;
  r.events = events;
  if (failures > 0)
    std::fprintf(stderr, "bench: %llu documents failed\n",
                 static_cast<unsigned long long>(failures.load()));
  return r;
}

void Print(const char* label, unsigned threads, const Result& r) {
  const double mb = r.bytes / 1e6;
  std::printf(
      "%-22s threads=%u  %8.1f MB  %6.2f s  %8.1f MB/s  %8.1f MB/s/thread  "
      "%9.0f docs/s  %10.0f sentences/s  %8.0f sentences/s/thread  %9.0f events/s\n",
      label, threads, mb, r.seconds, mb / r.seconds, mb / r.seconds / threads, r.docs / r.seconds,
      r.sentences / r.seconds, r.sentences / r.seconds / threads, r.events / r.seconds);
}

long PeakRssMb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_dir;
  if (const char* shared = std::getenv("ANNALS_SHARED")) {
    corpus_dir = std::string(shared) + "/corpora/bbc-news";
  } else {
    corpus_dir = "../shared/corpora/bbc-news";
  }
  double target_mb = 200;
  unsigned threads = std::thread::hardware_concurrency();
  bool syntax = false, code = false;
  auto is_full = [](const char* a) {
    return !std::strcmp(a, "--full") || !std::strcmp(a, "--syntax");
  };
  auto is_switch = [&](const char* a) { return is_full(a) || !std::strcmp(a, "--code"); };
  for (int i = 1; i < argc; ++i) {
    if (is_full(argv[i])) syntax = true;
    if (!std::strcmp(argv[i], "--code")) code = true;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    if (is_switch(argv[i])) {
      --i;
      continue;
    }
    if (!std::strcmp(argv[i], "--corpus"))
      corpus_dir = argv[i + 1];
    else if (!std::strcmp(argv[i], "--mb"))
      target_mb = std::atof(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--threads"))
      threads = std::atoi(argv[i + 1]);
  }
  if (threads == 0) threads = 1;

  Collect sink;
  annals::ReadPaths({corpus_dir}, annals::ReadOptions{}, sink);
  if (sink.docs.empty()) {
    std::fprintf(stderr, "bench: no documents under %s (needs ../shared; set --corpus)\n",
                 corpus_dir.c_str());
    return 77;  // "skipped" to ctest's smoke run
  }
  uint64_t corpus_bytes = 0;
  for (const auto& d : sink.docs) corpus_bytes += d.text.size();
  std::printf("corpus: %s, %zu documents, %.2f MB of text, %zu read errors\n", corpus_dir.c_str(),
              sink.docs.size(), corpus_bytes / 1e6, sink.errors);

  // The text stages alone by default; --full runs the whole standard
  // pipeline, --code the coding one.
  std::vector<std::unique_ptr<annals::Stage>> stages;
  stages.push_back(annals::MakeNormalizeStage());
  stages.push_back(annals::MakeTokenizeStage());
  stages.push_back(annals::MakeSegmentStage());
  annals::StatusOr<annals::Pipeline> pipeline = code ? annals::Pipeline::Coding()
                                                : syntax
                                                    ? annals::Pipeline::Standard()
                                                    : annals::Pipeline::Build(std::move(stages));
  if (!pipeline.ok()) {
    std::fprintf(stderr, "bench: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  std::printf("pipeline:");
  for (auto name : pipeline->stage_names()) std::printf(" %.*s", int(name.size()), name.data());
  std::printf("\n");

  Stream(sink.docs, sink.docs.size(), *pipeline, 1);  // warm-up
  const uint64_t n = sink.docs.size();
  Print("corpus x1", 1, Stream(sink.docs, n, *pipeline, 1));
  if (threads > 1) Print("corpus x1", threads, Stream(sink.docs, n, *pipeline, threads));

  const uint64_t reps = static_cast<uint64_t>(target_mb * 1e6 / corpus_bytes) + 1;
  char label[64];
  std::snprintf(label, sizeof label, "repeated x%llu", static_cast<unsigned long long>(reps));
  Print(label, 1, Stream(sink.docs, n * reps, *pipeline, 1));
  if (threads > 1) Print(label, threads, Stream(sink.docs, n * reps, *pipeline, threads));
  std::printf("peak resident memory: %ld MB\n", PeakRssMb());
  return 0;
}
