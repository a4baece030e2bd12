// Tagging and parsing throughput, per thread.
//
// Loads the syntax model (timing the load), reads the words of a CoNLL-U
// file (default: the UD English Web Treebank's test split under
// ../shared), then tags and parses them over and over until --tokens words
// are done, on 1 thread and on --threads threads (default: all cores).
// Prints words/s and sentences/s per thread and in total for tagging +
// parsing, the same with lemmatising, and the process's peak memory.
//
// Usage: syntax_throughput [--conllu FILE] [--model FILE] [--tokens N]
//                          [--threads N] [--compare FILE]
// Hashing the words is timed (the parser needs it); reading the file is not.
//
// --compare FILE times the model against another one (a retrained or
// pruned model) on 1 thread instead: 20 blocks of --tokens/20 words each,
// alternating, in one process. Separate runs of one binary were seen to
// differ by up to 30% on a shared machine (where the model's pages land,
// the neighbours on the L3), far more than the changes worth measuring;
// alternating blocks share those conditions. Run it with the same file
// twice to see what is left of the noise.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "annals/syntax.h"
#include "syntax/conllu.h"
#include "syntax/syntax_model.h"

namespace {

using annals::syntax::SyntaxModel;

struct Result {
  double seconds = 0;
  uint64_t words = 0, sentences = 0;
};

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Sentences are handed out round-robin until `target` words are done.
Result Run(const SyntaxModel& model, const std::vector<std::vector<std::string_view>>& corpus,
           uint64_t target, unsigned threads, bool lemmas) {
  std::atomic<uint64_t> next{0}, words{0}, sentences{0};
  const double start = Now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      annals::syntax::AnalysisScratch scratch;
      annals::syntax::SentenceAnalysis out;
      uint64_t my_words = 0, my_sentences = 0;
      while (words.load(std::memory_order_relaxed) < target) {
        const auto& s = corpus[next++ % corpus.size()];
        if (lemmas) {
          model.Analyse(s, &out, scratch);
        } else {
          model.TagAndParse(s, &out, scratch);  // what the figure is about
        }
        my_words += s.size();
        ++my_sentences;
        if (my_sentences % 64 == 0) {
          words += my_words;
          sentences += my_sentences;
          my_words = my_sentences = 0;
        }
      }
      words += my_words;
      sentences += my_sentences;
    });
  }
  for (auto& th : pool) th.join();
  return {Now() - start, words.load(), sentences.load()};
}

void Print(const char* what, unsigned threads, const Result& r) {
  const double wps = static_cast<double>(r.words) / r.seconds;
  const double sps = static_cast<double>(r.sentences) / r.seconds;
  std::printf(
      "%-22s %u thread%s: %9.0f words/s per thread, %7.0f sentences/s per thread"
      " (total %9.0f words/s; %lu words in %.2f s)\n",
      what, threads, threads == 1 ? " " : "s", wps / threads, sps / threads, wps,
      static_cast<unsigned long>(r.words), r.seconds);
}

// Alternates `a` and the model at `b_path` in blocks on one thread; prints
// each one's words/s over all its blocks and the ratio.
int Compare(const SyntaxModel& a, const std::string& b_path,
            const std::vector<std::vector<std::string_view>>& corpus, uint64_t target) {
  auto b = SyntaxModel::Open(b_path);
  if (!b.ok()) {
    std::fprintf(stderr, "bench: %s\n", b.status().ToString().c_str());
    return 1;
  }
  Run(**b, corpus, target / 20, 1, false);  // warm-up
  constexpr int kBlocks = 20;
  Result sum[2];
  for (int k = 0; k < 2 * kBlocks; ++k) {
    const Result r = Run(k % 2 == 0 ? a : **b, corpus, target / kBlocks, 1, false);
    sum[k % 2].seconds += r.seconds;
    sum[k % 2].words += r.words;
  }
  const double wa = static_cast<double>(sum[0].words) / sum[0].seconds;
  const double wb = static_cast<double>(sum[1].words) / sum[1].seconds;
  std::printf(
      "tag+parse, 1 thread, %d alternating blocks each: --model %.0f words/s, "
      "--compare %.0f words/s, compare/model %.3f\n",
      kBlocks, wa, wb, wb / wa);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const char* shared = std::getenv("ANNALS_SHARED");
  std::string conllu =
      std::string(shared ? shared : "../shared") + "/treebank/ud-english-ewt/en_ewt-ud-test.conllu";
  std::string model_path = annals::DefaultSyntaxModelPath();
  uint64_t target = 2'000'000;
  std::string compare_path;
  unsigned threads = std::thread::hardware_concurrency();
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--conllu"))
      conllu = argv[i + 1];
    else if (!std::strcmp(argv[i], "--model"))
      model_path = argv[i + 1];
    else if (!std::strcmp(argv[i], "--tokens"))
      target = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--threads"))
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--compare"))
      compare_path = argv[i + 1];
  }
  if (threads == 0) threads = 1;

  std::vector<annals::syntax::ConlluSentence> sentences;
  std::string error;
  if (!annals::syntax::ReadConlluFile(conllu, &sentences, &error) || sentences.empty()) {
    std::fprintf(stderr, "bench: %s (needs ../shared; set --conllu)\n", error.c_str());
    return 77;  // "skipped" to ctest's smoke run
  }
  std::vector<std::vector<std::string_view>> corpus;
  uint64_t words = 0;
  for (const auto& s : sentences) {
    corpus.emplace_back();
    for (const auto& w : s.words) corpus.back().push_back(w.form);
    words += s.words.size();
  }
  const double t0 = Now();
  auto model = SyntaxModel::Open(model_path);
  const double load_ms = (Now() - t0) * 1000;
  if (!model.ok()) {
    std::fprintf(stderr, "bench: %s\n", model.status().ToString().c_str());
    return 1;
  }
  std::printf("model: %s, %zu bytes, loaded and checked in %.1f ms\n", model_path.c_str(),
              (*model)->file_size(), load_ms);
  std::printf("input: %s, %zu sentences, %lu words (%.1f words per sentence)\n", conllu.c_str(),
              sentences.size(), static_cast<unsigned long>(words),
              static_cast<double>(words) / static_cast<double>(sentences.size()));

  Run(**model, corpus, words, 1, false);  // warm-up: page the model in
  if (!compare_path.empty()) return Compare(**model, compare_path, corpus, target);
  Print("tag+parse", 1, Run(**model, corpus, target, 1, false));
  if (threads > 1)
    Print("tag+parse", threads, Run(**model, corpus, target * threads, threads, false));
  Print("tag+parse+lemma", 1, Run(**model, corpus, target, 1, true));
  if (threads > 1) {
    Print("tag+parse+lemma", threads, Run(**model, corpus, target * threads, threads, true));
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory: %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return 0;
}
