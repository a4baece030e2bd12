// Google Benchmark for toponym resolution (places.v1, docs/places.md) over
// the index the build made (models/gazetteer.idx):
//   BM_ResolveMentions   resolution alone: stories of eight place names
//                        (ambiguous ones among them) with the countries the
//                        story names; items/s = place mentions resolved/s
//   BM_FindAndResolve    recognition and resolution over a tokenised news
//                        paragraph (no parse); items/s = mentions/s
// Skips with a message when the index has not been built.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>
#include <vector>

#include "annals/places.h"
#include "annals/text.h"
#include "places/gazetteer.h"
#include "places/resolver.h"
#include "places/toponyms.h"

namespace {

using annals::places::Gazetteer;

// Stories of eight names each; the first names the country context.
constexpr const char* kStories[][8] = {
    {"Israel", "Rafah", "Gaza", "Khan Younis", "Egypt", "Washington", "Tel Aviv", "Jabalia"},
    {"Lebanon", "Tripoli", "Beirut", "Tyre", "Sidon", "Syria", "Damascus", "Aleppo"},
    {"Texas", "Paris", "Dallas", "Houston", "Austin", "Oklahoma", "Tyler", "Waco"},
    {"Ukraine", "Kharkiv", "Kyiv", "Odesa", "Donetsk", "Bakhmut", "Crimea", "Moscow"},
    {"Pakistan", "Hyderabad", "Karachi", "Lahore", "Punjab", "Islamabad", "Quetta", "Sindh"},
    {"Georgia", "Tbilisi", "Russia", "Abkhazia", "South Ossetia", "Batumi", "Kutaisi", "Gori"},
    {"Australia", "Perth", "Sydney", "Melbourne", "Victoria", "Brisbane", "Adelaide", "Darwin"},
    {"Canada", "London", "Toronto", "Ottawa", "Kingston", "Windsor", "Hamilton", "Victoria"},
};

const Gazetteer* Index() {
  static const auto g = annals::DefaultGazetteer();
  return g.ok() ? g.value().get() : nullptr;
}

void BM_ResolveMentions(benchmark::State& state) {
  const Gazetteer* g = Index();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer index (run scripts/setup.sh, then build)");
    return;
  }
  std::vector<std::vector<annals::places::Toponym>> stories;
  std::string folded;
  for (const auto& names : kStories) {
    auto& story = stories.emplace_back();
    for (const char* name : names) {
      annals::places::FoldName(name, &folded);
      annals::places::Toponym t;
      t.candidates = g->Candidates(folded);
      t.text = name;
      story.push_back(t);
    }
  }
  annals::places::StoryCountries countries;
  std::vector<annals::places::Resolution> out;
  size_t mentions = 0;
  for (auto _ : state) {
    for (const auto& story : stories) {
      annals::places::Resolve(*g, story, countries, &out);
      mentions += story.size();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(mentions));
}
BENCHMARK(BM_ResolveMentions);

void BM_FindAndResolve(benchmark::State& state) {
  const Gazetteer* g = Index();
  if (g == nullptr) {
    state.SkipWithError("no gazetteer index (run scripts/setup.sh, then build)");
    return;
  }
  annals::Document doc;
  doc.text =
      "RAFAH, Gaza Strip (Reuters) - Israeli strikes hit Rafah and Khan Younis on Monday as "
      "talks in Cairo and Doha stalled. In Washington, officials said the delegation from "
      "Tel Aviv would not travel. Aid trucks waited at the Kerem Shalom crossing near Egypt's "
      "border, while fighting continued in Jabalia in northern Gaza.";
  annals::Scratch scratch;
  for (auto* make :
       {annals::MakeNormalizeStage, annals::MakeTokenizeStage, annals::MakeSegmentStage}) {
    if (!make()->Process(doc, scratch).ok()) {
      state.SkipWithError("text stages failed");
      return;
    }
  }
  std::vector<annals::places::Toponym> toponyms;
  std::vector<annals::places::Resolution> out;
  annals::places::StoryCountries countries;
  size_t mentions = 0;
  for (auto _ : state) {
    toponyms.clear();
    annals::places::FindToponyms(doc, *g, &toponyms);
    annals::places::Resolve(*g, toponyms, countries, &out);
    mentions += toponyms.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(mentions));
  state.counters["mentions_per_doc"] = static_cast<double>(toponyms.size());
}
BENCHMARK(BM_FindAndResolve);

}  // namespace
