// Google Benchmark of HTML main-text extraction (docs/ingest-web.md):
// ExtractHtmlArticle over the 127 pages of the article-extraction
// benchmark (../shared/eval/article-extraction, or
// $ANNALS_SHARED/eval/article-extraction), inflated once before timing,
// so the figure is MB of HTML per second on one thread: charset checks,
// parsing, scoring, metadata and text assembly, as `annals extract` runs
// them. threads:2 runs the same on 2 threads, each over all pages (the
// per-thread rate is what issue #7 asks about).
//
// Usage: html_throughput [--benchmark_min_time=S]. Without the pages the
// benchmarks skip with a message.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "annals/html.h"

namespace {

std::string PagesDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  const std::string shared = env != nullptr ? env : "../shared";
  return shared + "/eval/article-extraction/html";
}

std::string Gunzip(const std::string& gz) {
  std::string out;
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  z.avail_in = static_cast<uInt>(gz.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return out;
}

const std::vector<std::string>& Pages() {
  static const std::vector<std::string> pages = [] {
    std::vector<std::string> out;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(PagesDir(), ec))
      if (e.path().string().ends_with(".html.gz")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      out.push_back(Gunzip(s.str()));
    }
    return out;
  }();
  return pages;
}

void BM_ExtractPages(benchmark::State& state) {
  const auto& pages = Pages();
  if (pages.empty()) {
    state.SkipWithError("no pages under ../shared/eval/article-extraction (set ANNALS_SHARED)");
    return;
  }
  int64_t bytes = 0;
  size_t chars = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      annals::HtmlArticle article;
      const annals::Status st = annals::ExtractHtmlArticle(page, annals::HtmlOptions{}, &article);
      benchmark::DoNotOptimize(st.ok());
      chars += article.text.size();
      bytes += static_cast<int64_t>(page.size());
    }
  }
  benchmark::DoNotOptimize(chars);
  state.SetBytesProcessed(bytes);
  state.counters["pages"] = static_cast<double>(pages.size());
}
// bytes_per_second is for all threads together: threads:2 gives twice the
// per-thread rate when the two cores are free.
BENCHMARK(BM_ExtractPages)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);

}  // namespace

BENCHMARK_MAIN();
