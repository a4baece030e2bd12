// Google Benchmark for the gazetteer (docs/places.md) over the index the
// build made (models/gazetteer.idx, or $ANNALS_MODEL_DIR/gazetteer.idx):
//   BM_GazetteerOpen        map + checksum + offset checks (warm page cache);
//                           counters: file_MB, rss_MB (resident memory the
//                           open adds) and peak_rss_MB (the whole process)
//   BM_GazetteerCandidates  lookups of folded place names as news writes
//                           them (all hits); items/s = lookups/s
//   BM_GazetteerEveryName   every place's own name once (200,000 distinct
//                           names: mostly cache misses, a lower bound)
//   BM_GazetteerFoldLookup  the realistic names from raw spellings, folding
//                           included
//   BM_GazetteerScanText    LongestMatch at every token of a news paragraph
//                           (mostly misses, as a recogniser sees); items/s =
//                           tokens/s
// Skips with a message when the index has not been built.
#include <benchmark/benchmark.h>

#include <fstream>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "places/gazetteer.h"

namespace {

using annals::places::Gazetteer;

// Names as news writes them, '|'-separated: capitals, contested places,
// ambiguous ones, regions, multi-word names and spellings with diacritics.
constexpr char kNewsNames[] =
    "Rafah|Gaza|Gaza Strip|Khan Younis|Khan Yunis|Deir al-Balah|Jabalia|West Bank|"
    "Jenin|Nablus|Ramallah|Hebron|Jerusalem|East Jerusalem|Tel Aviv|Haifa|Beersheba|"
    "Egypt|Cairo|Sinai|Israel|Lebanon|Beirut|Tyre|Sidon|Syria|Damascus|Aleppo|Idlib|"
    "Homs|Iraq|Baghdad|Mosul|Erbil|Iran|Tehran|Isfahan|Yemen|Sanaa|Aden|Hodeidah|"
    "Red Sea|Saudi Arabia|Riyadh|Jeddah|Qatar|Doha|Jordan|Amman|Turkey|Ankara|"
    "Istanbul|Ukraine|Kyiv|Kharkiv|Odesa|Donetsk|Donbas|Crimea|Zaporizhzhia|Russia|"
    "Moscow|St. Petersburg|Belgorod|Kursk|Georgia|Tbilisi|Washington|"
    "Washington, D.C.|New York|Paris|Texas|London|Berlin|Brussels|Geneva|The Hague|"
    "Tripoli|Benghazi|Libya|Sudan|Khartoum|Darfur|El Fasher|Port Sudan|Sahel|Mali|"
    "Bamako|Niger|Niamey|Burkina Faso|Ouagadougou|Nigeria|Abuja|Lagos|Maiduguri|"
    "Ethiopia|Addis Ababa|Somalia|Mogadishu|Kenya|Nairobi|"
    "Democratic Republic of the Congo|Goma|Kinshasa|Afghanistan|Kabul|Kandahar|"
    "Pakistan|Islamabad|Karachi|Hyderabad|India|New Delhi|Kashmir|Srinagar|China|"
    "Beijing|Taiwan|Taipei|Hong Kong|Myanmar|Yangon|Rakhine|Venezuela|Caracas|"
    "Colombia|Bogota|Mexico City|Port-au-Prince|Haiti|S\u00E3o Paulo|Bras\u00EDlia|"
    "Rafa\u1E29|Kh\u0101n Y\u016Bnis|Krak\u00F3w|\u0141\u00F3d\u017A|Z\u00FCrich|"
    "Montr\u00E9al|Bogot\u00E1";

const std::vector<std::string>& RawNames() {
  static const auto* names = [] {
    auto* v = new std::vector<std::string>;
    std::string_view rest = kNewsNames;
    for (;;) {
      const size_t bar = rest.find('|');
      v->emplace_back(rest.substr(0, bar));
      if (bar == std::string_view::npos) break;
      rest.remove_prefix(bar + 1);
    }
    return v;
  }();
  return *names;
}

std::unique_ptr<Gazetteer> OpenOrSkip(benchmark::State& state) {
  auto g = Gazetteer::Open(annals::places::DefaultGazetteerPath());
  if (!g.ok()) {
    state.SkipWithError(("no gazetteer index (build it: scripts/setup.sh installs the data): " +
                         g.status().ToString())
                            .c_str());
    return nullptr;
  }
  return std::move(g).value();
}

// kB of a /proc/self/status line ("VmRSS", "VmHWM").
double StatusMb(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string k;
  double kb = 0;
  while (in >> k) {
    if (k == key + ":") {
      in >> kb;
      return kb / 1024.0;
    }
    in.ignore(1 << 10, '\n');
  }
  return 0;
}

void BM_GazetteerOpen(benchmark::State& state) {
  double file_mb = 0, rss_mb = 0;
  for (auto _ : state) {
    const double before = StatusMb("VmRSS");
    auto g = Gazetteer::Open(annals::places::DefaultGazetteerPath());
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    rss_mb = StatusMb("VmRSS") - before;
    file_mb = static_cast<double>((*g)->file_size()) / (1 << 20);
    benchmark::DoNotOptimize((*g)->size());
  }
  state.counters["file_MB"] = file_mb;
  state.counters["rss_MB"] = rss_mb;
  state.counters["peak_rss_MB"] = StatusMb("VmHWM");
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_GazetteerCandidates(benchmark::State& state) {
  const auto g = OpenOrSkip(state);
  if (g == nullptr) return;
  std::vector<std::string> folded;
  for (const std::string& raw : RawNames()) {
    folded.emplace_back();
    annals::places::FoldName(raw, &folded.back());
  }
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& f : folded) found += g->Candidates(f).size();
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(folded.size()));
}
BENCHMARK(BM_GazetteerCandidates);

// Every place's own name once, in id order: a working set of 200,000
// names, far past the caches, so most lookups miss them (a lower bound).
void BM_GazetteerEveryName(benchmark::State& state) {
  const auto g = OpenOrSkip(state);
  if (g == nullptr) return;
  std::vector<std::string> folded(g->size());
  for (uint32_t id = 0; id < g->size(); ++id) annals::places::FoldName(g->name(id), &folded[id]);
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& f : folded) found += g->Candidates(f).size();
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(folded.size()));
}
BENCHMARK(BM_GazetteerEveryName)->Unit(benchmark::kMillisecond);

void BM_GazetteerFoldLookup(benchmark::State& state) {
  const auto g = OpenOrSkip(state);
  if (g == nullptr) return;
  std::string folded;
  size_t found = 0;
  for (auto _ : state) {
    for (const std::string& raw : RawNames()) {
      annals::places::FoldName(raw, &folded);
      found += g->Candidates(folded).size();
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(RawNames().size()));
}
BENCHMARK(BM_GazetteerFoldLookup);

void BM_GazetteerScanText(benchmark::State& state) {
  const auto g = OpenOrSkip(state);
  if (g == nullptr) return;
  // Written for this benchmark, in the style of wire copy.
  const std::string text =
      "RAFAH, Gaza Strip (Wire) - Israeli tanks pushed into the centre of Rafah on Tuesday as "
      "talks in Cairo between Egyptian, Qatari and American mediators stalled, officials in "
      "Washington and Tel Aviv said. The United Nations said more than 100,000 people had fled "
      "toward Khan Younis and the coastal area of al-Mawasi since the start of the operation, "
      "while aid trucks waited at the Kerem Shalom crossing near the border with Egypt. In the "
      "occupied West Bank, troops raided the Jenin camp overnight, and the Palestinian health "
      "ministry in Ramallah reported three people killed. Secretary of State spoke with his "
      "counterparts in Paris, London and Berlin by phone before flying to Riyadh.";
  std::vector<std::string> words;
  std::string folded;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    annals::places::FoldName(std::string_view(text).substr(start, end - start), &folded);
    if (!folded.empty()) words.push_back(folded);
    start = end + 1;
  }
  const std::vector<std::string_view> tokens(words.begin(), words.end());
  size_t found = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      found += g->LongestMatch(std::span(tokens).subspan(i)).tokens;
    }
  }
  benchmark::DoNotOptimize(found);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(tokens.size()));
}
BENCHMARK(BM_GazetteerScanText);

}  // namespace
