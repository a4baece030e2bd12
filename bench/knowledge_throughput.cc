// Throughput of knowledge.v1 alone (docs/knowledge.md): the BBC corpus is
// run once through the standard pipeline up to places.v1, then the
// knowledge stage is timed over those documents, repeated for at least
// --seconds. Prints MB of text per second on one thread.
//
// Usage: knowledge_throughput [--corpus DIR] [--docs N] [--seconds S]
// Exits 77 ("skipped") without the corpus (../shared or $ANNALS_SHARED).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "annals/ingest.h"
#include "annals/knowledge.h"
#include "annals/pipeline.h"

namespace {

class Collect : public annals::RecordSink {
 public:
  std::vector<annals::Document> docs;
  void OnDocument(annals::Document&& d) override { docs.push_back(std::move(d)); }
  void OnError(annals::RecordError&& e) override {
    std::fprintf(stderr, "bench: %s\n", e.Describe().c_str());
  }
};

}  // namespace

int main(int argc, char** argv) {
  const char* shared = std::getenv("ANNALS_SHARED");
  std::string corpus_dir =
      shared ? std::string(shared) + "/corpora/bbc-news" : "../shared/corpora/bbc-news";
  size_t max_docs = ~size_t{0};
  double seconds = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--corpus")) corpus_dir = argv[i + 1];
    if (!std::strcmp(argv[i], "--docs")) max_docs = std::strtoull(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(argv[i + 1]);
  }
  Collect sink;
  annals::ReadPaths({corpus_dir}, annals::ReadOptions{}, sink);
  if (sink.docs.empty()) {
    std::fprintf(stderr, "bench: no documents under %s (needs ../shared; set --corpus)\n",
                 corpus_dir.c_str());
    return 77;
  }
  if (sink.docs.size() > max_docs) sink.docs.resize(max_docs);
  auto pipeline = annals::Pipeline::Standard();
  auto data = annals::DefaultKnowledgeData();
  if (!pipeline.ok() || !data.ok()) {
    std::fprintf(stderr, "bench: %s\n",
                 (pipeline.ok() ? data.status() : pipeline.status()).ToString().c_str());
    return 1;
  }
  // Everything up to the knowledge stage, once.
  annals::Scratch scratch;
  uint64_t bytes = 0;
  for (annals::Document& d : sink.docs) {
    if (!pipeline->Process(d, scratch).ok())
      std::fprintf(stderr, "bench: %s failed\n", d.id.c_str());
    bytes += d.text.size();
  }
  const auto stage = annals::MakeKnowledgeStage(data.value());
  uint64_t quotes = 0, counts = 0, dates = 0, done = 0, rounds = 0;
  const auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  do {
    for (annals::Document& d : sink.docs) {
      if (!stage->Process(d, scratch).ok()) return 1;
      quotes += d.quotes.size();
      counts += d.counts.size();
      dates += d.dates.size();
    }
    done += bytes;
    ++rounds;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (elapsed < seconds);
  std::printf(
      "corpus: %s, %zu documents, %.2f MB of text\n"
      "knowledge.v1 alone, 1 thread: %.1f MB/s (%llu rounds in %.2f s); per round %llu quotes, "
      "%llu counts, %llu dates\n",
      corpus_dir.c_str(), sink.docs.size(), bytes / 1e6, done / 1e6 / elapsed,
      static_cast<unsigned long long>(rounds), elapsed,
      static_cast<unsigned long long>(quotes / rounds),
      static_cast<unsigned long long>(counts / rounds),
      static_cast<unsigned long long>(dates / rounds));
  return 0;
}
