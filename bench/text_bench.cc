// Google Benchmark for the text stages on a self-written, news-like
// paragraph repeated to about 1 MB: the tokenizer alone, the segmenter
// alone (on pre-tokenised input) and normalize + tokenize + segment.
// Each reports bytes of text processed, so the output shows MB/s.
// Corpus-level throughput on real news is bench/text_throughput.cc.
#include <benchmark/benchmark.h>

#include <string>

#include "annals/text.h"

namespace {

// Written for this benchmark: quotes, abbreviations, numbers, possessives
// and currency in the proportions wire copy tends to have.
constexpr const char kParagraph[] =
    "WASHINGTON (Wire) - The U.S. State Department said on Tuesday that "
    "talks with Egypt\xE2\x80\x99s foreign minister had made \"real "
    "progress,\" but Gen. Alan Ross warned that 1,250 troops would stay in "
    "the region until Sept. 30. \xE2\x80\x9CWe are not there yet,\xE2\x80\x9D "
    "a spokesperson told reporters. Aid worth $3.5bn (\xC2\xA3"
    "2.8bn) was "
    "approved, up 12% on last year's budget. Officials met again at 22:16 "
    "on 2024-03-26 \xE2\x80\x94 the third such meeting this month.\n\n";

std::string Corpus() {
  std::string text;
  while (text.size() < (1u << 20)) text += kParagraph;
  return text;
}

void BM_Tokenize(benchmark::State& state) {
  const auto tokenize = annals::MakeTokenizeStage();
  annals::Document doc;
  doc.text = Corpus();
  annals::Scratch scratch;
  for (auto _ : state) {
    benchmark::DoNotOptimize(tokenize->Process(doc, scratch));
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_Tokenize);

void BM_Segment(benchmark::State& state) {
  const auto tokenize = annals::MakeTokenizeStage();
  const auto segment = annals::MakeSegmentStage();
  annals::Document doc;
  doc.text = Corpus();
  annals::Scratch scratch;
  if (!tokenize->Process(doc, scratch).ok()) state.SkipWithError("tokenize failed");
  for (auto _ : state) {
    benchmark::DoNotOptimize(segment->Process(doc, scratch));
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(doc.text.size()));
}
BENCHMARK(BM_Segment);

void BM_NormalizeTokenizeSegment(benchmark::State& state) {
  const auto normalize = annals::MakeNormalizeStage();
  const auto tokenize = annals::MakeTokenizeStage();
  const auto segment = annals::MakeSegmentStage();
  const std::string corpus = Corpus();
  annals::Scratch scratch;
  annals::Document doc;
  for (auto _ : state) {
    doc.text = corpus;
    doc.diagnostics.clear();
    benchmark::DoNotOptimize(normalize->Process(doc, scratch));
    benchmark::DoNotOptimize(tokenize->Process(doc, scratch));
    benchmark::DoNotOptimize(segment->Process(doc, scratch));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.size()));
}
BENCHMARK(BM_NormalizeTokenizeSegment);

// NFC cost when a long English text holds one character outside Latin-1
// (a trade mark sign and an emoji): these are NFC-stable, so normalize.v1
// should stay on its fast path instead of running utf8proc over everything.
void BM_NormalizeEnglishWithOneSymbol(benchmark::State& state) {
  std::string corpus = Corpus();
  corpus.insert(corpus.size() / 2, "Brand\xE2\x84\xA2 \xF0\x9F\x98\x80 ");
  std::string text, scratch;
  for (auto _ : state) {
    text = corpus;
    benchmark::DoNotOptimize(annals::NormalizeText(text, scratch));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.size()));
}
BENCHMARK(BM_NormalizeEnglishWithOneSymbol);

// 'a' + U+0F73 x 50,000: U+0F73 has combining class 0 but decomposes into
// two marks; without counting those the run reached utf8proc's quadratic
// sort (seconds). Should take about as long as any 150 KB text.
void BM_NormalizeHiddenMarkRun(benchmark::State& state) {
  std::string input = "a";
  for (int i = 0; i < 50000; ++i) input += "\xE0\xBD\xB3";
  std::string text, scratch;
  for (auto _ : state) {
    text = input;
    benchmark::DoNotOptimize(annals::NormalizeText(text, scratch));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(input.size()));
}
BENCHMARK(BM_NormalizeHiddenMarkRun);

}  // namespace
