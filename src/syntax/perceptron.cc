#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annals::syntax {
namespace {

// Slot for a key: the high bits pick the start (multiply-shift, so the
// capacity need not be a power of two), the low bits are the fingerprint.
__extension__ typedef unsigned __int128 Uint128;
size_t Home(uint64_t key, size_t capacity) {
  return static_cast<size_t>((static_cast<Uint128>(key) * capacity) >> 64);
}
uint32_t Fingerprint(uint64_t key) { return static_cast<uint32_t>(key) | 1u; }
uint16_t CellFingerprint(uint64_t key) { return static_cast<uint16_t>(key | 1u); }

// Load factor: misses (most lookups at parse time are for features the
// model never saw) probe about 1/(1-a)^2 / 2 slots.
constexpr double kLoad = 0.6;
constexpr uint32_t kMaxClasses = 4096;
constexpr uint64_t kMaxFeatures = uint64_t{1} << 28;

}  // namespace

void WeightTable::Score(std::span<const uint64_t> features, float* scores) const {
  if (!cells_.empty()) {
    ScoreCells(features, scores);
  } else if (!slots_.empty()) {
    ScoreSparse(features, scores);
  }
}

namespace {

// Where a probe of `table` for fingerprint fp from slot `home` ends: the
// slot holding fp, or `none` when an empty slot comes first. Four slots
// from home are compared at once and the result picked without a branch:
// whether a feature is known is a coin toss at parse time, and a branch on
// it (or on the probe length) mispredicted on nearly every other lookup,
// which cost more than the memory traffic. Probes longer than four slots
// (a few percent at the load factor above) take the plain loop.
template <typename T>
const T* Probe(const T* table, size_t capacity, size_t home, decltype(T::fingerprint) fp,
               const T* none) {
  static_assert(sizeof(T) == 8, "four slots are two 16-byte loads");
#if defined(__SSE2__)
  if (home + 4 <= capacity) {
    const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(table + home));
    const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(table + home + 2));
    __m128i match_lo, match_hi, empty_lo, empty_hi;
    const __m128i zero = _mm_setzero_si128();
    if constexpr (sizeof(fp) == 2) {
      const __m128i want = _mm_set1_epi16(static_cast<int16_t>(fp));
      match_lo = _mm_cmpeq_epi16(lo, want), match_hi = _mm_cmpeq_epi16(hi, want);
      empty_lo = _mm_cmpeq_epi16(lo, zero), empty_hi = _mm_cmpeq_epi16(hi, zero);
    } else {
      const __m128i want = _mm_set1_epi32(static_cast<int32_t>(fp));
      match_lo = _mm_cmpeq_epi32(lo, want), match_hi = _mm_cmpeq_epi32(hi, want);
      empty_lo = _mm_cmpeq_epi32(lo, zero), empty_hi = _mm_cmpeq_epi32(hi, zero);
    }
    // One bit per slot (bit 8k for slot home + k): its fingerprint's first
    // byte; the other lanes hold weights or row offsets.
    constexpr uint32_t kSlotBits = 0x01010101u;
    const uint32_t match = (static_cast<uint32_t>(_mm_movemask_epi8(match_lo)) |
                            static_cast<uint32_t>(_mm_movemask_epi8(match_hi)) << 16) &
                           kSlotBits;
    const uint32_t empty = (static_cast<uint32_t>(_mm_movemask_epi8(empty_lo)) |
                            static_cast<uint32_t>(_mm_movemask_epi8(empty_hi)) << 16) &
                           kSlotBits;
    const uint32_t before_empty = (empty & (0u - empty)) - 1;  // all bits when none is empty
    const uint32_t hit = match & before_empty;
    const T* found = table + home + static_cast<size_t>(__builtin_ctzll(hit | (1ull << 32)) / 8);
    found = hit != 0 ? found : none;
    if (__builtin_expect((hit | empty) != 0, 1)) return found;
    home += 4;
  }
#endif
  size_t j = home == capacity ? 0 : home;
  while (table[j].fingerprint != fp && table[j].fingerprint != 0) {
    if (++j == capacity) j = 0;
  }
  return table[j].fingerprint != 0 ? &table[j] : none;
}

// Finds each feature's row in `table` and calls use(row) for every
// feature, with `none` (a row with no weights) for those not found. The
// table is far bigger than the caches, so each lookup is a miss: a
// batch's home slots are prefetched first, then what each found slot
// points to (touch(slot)), so that the misses overlap instead of queueing.
template <typename T, typename Touch, typename Use>
void LookUp(std::span<const uint64_t> features, std::span<const T> table, size_t capacity,
            const T* none, Touch touch, Use use) {
  constexpr size_t kBatch = 32;
  size_t at[kBatch];
  const T* found[kBatch];
  for (size_t start = 0; start < features.size(); start += kBatch) {
    const size_t m = std::min(kBatch, features.size() - start);
    for (size_t i = 0; i < m; ++i) {
      at[i] = Home(features[start + i], capacity);
      // The probe reads four slots, which cross into the next cache line
      // three times in eight: fetch both.
      __builtin_prefetch(&table[at[i]]);
      __builtin_prefetch(&table[at[i]] + 3);
    }
    for (size_t i = 0; i < m; ++i) {
      using Fp = decltype(T::fingerprint);
      const Fp fp = static_cast<Fp>(sizeof(Fp) == 2 ? CellFingerprint(features[start + i])
                                                    : Fingerprint(features[start + i]));
      found[i] = Probe(table.data(), capacity, at[i], fp, none);
      touch(*found[i]);
    }
    for (size_t i = 0; i < m; ++i) use(*found[i]);
  }
}

}  // namespace

void WeightTable::ScoreCells(std::span<const uint64_t> features, float* scores) const {
  // Summed as integers, scaled once: 32 bits hold 65,000 features at
  // full weight.
  static constexpr Cell kNone{};
  int32_t sum[kCellClasses] = {};
  LookUp(
      features, cells_, cells_.size(), &kNone, [](const Cell&) {},
      [&](const Cell& cell) {
        for (uint32_t c = 0; c < kCellClasses; ++c) sum[c] += cell.weight[c];
      });
  for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += scale_ * static_cast<float>(sum[c]);
}

void WeightTable::ScoreSparse(std::span<const uint64_t> features, float* scores) const {
  const size_t capacity = slots_.size() - 1;
  if (capacity == 0) return;
  // An empty row (begin == the next slot's begin), for features not found.
  static constexpr Slot kNone[2] = {};
  // Summed as integers, scaled once, as for cells.
  int32_t sum[kMaxClasses];
  std::fill(sum, sum + num_classes_, 0);
  const Entry* entries = entries_.data();
  LookUp(
      features, slots_, capacity, &kNone[0],
      [&](const Slot& slot) { __builtin_prefetch(entries + slot.begin); },
      [&](const Slot& slot) {
        const uint32_t end = (&slot + 1)->begin;
        for (uint32_t e = slot.begin; e < end; ++e) sum[entries[e].cls] += entries[e].weight;
      });
  for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += scale_ * static_cast<float>(sum[c]);
}

void WeightTable::Save(ByteWriter& w) const {
  w.Put<uint32_t>(num_classes_);
  w.Put<uint64_t>(num_features_);
  w.Put<float>(scale_);
  w.Put<uint32_t>(cells_.empty() ? 0 : 1);
  if (cells_.empty()) {
    w.PutArray(slots_);
    w.PutArray(entries_);
  } else {
    w.PutArray(cells_);
  }
}

bool WeightTable::Load(ByteReader& r, WeightTable* out) {
  WeightTable t;
  t.num_classes_ = r.Get<uint32_t>();
  t.num_features_ = r.Get<uint64_t>();
  t.scale_ = r.Get<float>();
  const uint32_t dense = r.Get<uint32_t>();
  if (dense == 1) {
    t.cells_ = r.GetArray<Cell>(kMaxFeatures * 4);
    if (!r.ok() || t.num_classes_ == 0 || t.num_classes_ > kCellClasses || t.cells_.empty() ||
        !std::isfinite(t.scale_)) {
      return false;
    }
    size_t used = 0;
    for (const Cell& c : t.cells_) used += c.fingerprint != 0;
    // Some cell must be empty so that lookups of unknown keys end.
    if (used != t.num_features_ || used == t.cells_.size()) return false;
    *out = std::move(t);
    return true;
  }
  t.slots_ = r.GetArray<Slot>(kMaxFeatures * 4);
  t.entries_ = r.GetArray<Entry>(kMaxFeatures * kMaxClasses);
  if (!r.ok() || dense != 0 || t.num_classes_ == 0 || t.num_classes_ > kMaxClasses ||
      t.slots_.empty() || !std::isfinite(t.scale_)) {
    return false;
  }
  // Every row must lie inside the entries, rows must follow each other,
  // and some slot must be empty so that lookups of unknown keys end.
  const size_t capacity = t.slots_.size() - 1;
  size_t empty = 0, used = 0;
  for (size_t i = 0; i < capacity; ++i) {
    if (t.slots_[i].begin > t.slots_[i + 1].begin) return false;
    if (t.slots_[i].fingerprint == 0) {
      ++empty;
      if (t.slots_[i].begin != t.slots_[i + 1].begin) return false;
    } else {
      ++used;
    }
  }
  if ((capacity > 0 && empty == 0) || used != t.num_features_ ||
      t.slots_[capacity].begin != t.entries_.size() || t.slots_[0].begin != 0) {
    return false;
  }
  for (const Entry& e : t.entries_) {
    if (e.cls >= t.num_classes_) return false;
  }
  *out = std::move(t);
  return true;
}

void PerceptronTrainer::Add(uint64_t feature, uint32_t cls, float delta) {
  std::vector<Entry>& row = rows_[feature];
  for (Entry& e : row) {
    if (e.cls == cls) {
      e.total += static_cast<double>(clock_ - e.stamp) * e.weight;
      e.stamp = clock_;
      e.weight += delta;
      return;
    }
  }
  row.push_back({cls, delta, 0.0, clock_});
}

void PerceptronTrainer::Update(std::span<const uint64_t> features, uint32_t good, uint32_t bad) {
  if (good == bad) return;
  for (const uint64_t f : features) {
    Add(f, good, 1.0f);
    Add(f, bad, -1.0f);
  }
}

void PerceptronTrainer::Score(std::span<const uint64_t> features, float* scores) const {
  for (const uint64_t f : features) {
    const auto it = rows_.find(f);
    if (it == rows_.end()) continue;
    for (const Entry& e : it->second) scores[e.cls] += e.weight;
  }
}

std::vector<WeightTable::Row> PerceptronTrainer::Averaged() const {
  // Sorted by key, so that the table is the same bytes whatever order the
  // hash map iterates in.
  std::vector<WeightTable::Row> rows;
  rows.reserve(rows_.size());
  const double clock = clock_ == 0 ? 1.0 : static_cast<double>(clock_);
  for (const auto& [key, entries] : rows_) {
    WeightTable::Row row{key, {}};
    for (const Entry& e : entries) {
      const double total = e.total + static_cast<double>(clock_ - e.stamp) * e.weight;
      const float avg = static_cast<float>(total / clock);
      if (avg != 0.0f) row.weights.emplace_back(e.cls, avg);
    }
    if (row.weights.empty()) continue;
    std::sort(row.weights.begin(), row.weights.end());
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return rows;
}

WeightTable WeightTable::Build(uint32_t num_classes, const std::vector<Row>& all,
                               float min_weight) {
  std::vector<const Row*> rows;
  float max_abs = 0;
  for (const Row& row : all) {
    bool keep = false;
    for (const auto& [cls, w] : row.weights) {
      if (std::fabs(w) < min_weight) continue;
      keep = true;
      max_abs = std::max(max_abs, std::fabs(w));
    }
    if (keep) rows.push_back(&row);
  }
  WeightTable t;
  t.num_classes_ = num_classes;
  t.num_features_ = rows.size();
  t.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  if (num_classes <= kCellClasses) {
    const size_t capacity = static_cast<size_t>(static_cast<double>(rows.size()) / kLoad) + 1;
    t.own_cells_.assign(capacity, Cell{0, {}});
    for (const Row* row : rows) {
      size_t i = Home(row->key, capacity);
      while (t.own_cells_[i].fingerprint != 0) {
        if (++i == capacity) i = 0;
      }
      Cell& c = t.own_cells_[i];
      c.fingerprint = CellFingerprint(row->key);
      for (const auto& [cls, w] : row->weights) {
        if (std::fabs(w) >= min_weight) {
          c.weight[cls] = static_cast<int16_t>(std::lround(w / t.scale_));
        }
      }
    }
    t.cells_ = t.own_cells_;
    return t;
  }
  const size_t capacity = static_cast<size_t>(static_cast<double>(rows.size()) / kLoad) + 1;
  std::vector<const Row*> at(capacity, nullptr);
  for (const Row* row : rows) {
    size_t i = Home(row->key, capacity);
    while (at[i] != nullptr) {
      if (++i == capacity) i = 0;
    }
    at[i] = row;
  }
  t.own_slots_.resize(capacity + 1);
  for (size_t i = 0; i < capacity; ++i) {
    t.own_slots_[i] = {at[i] ? Fingerprint(at[i]->key) : 0u,
                       static_cast<uint32_t>(t.own_entries_.size())};
    if (at[i] == nullptr) continue;
    for (const auto& [cls, w] : at[i]->weights) {
      if (std::fabs(w) < min_weight) continue;
      t.own_entries_.push_back(
          {static_cast<uint16_t>(cls), static_cast<int16_t>(std::lround(w / t.scale_))});
    }
  }
  t.own_slots_[capacity] = {0u, static_cast<uint32_t>(t.own_entries_.size())};
  t.slots_ = t.own_slots_;
  t.entries_ = t.own_entries_;
  return t;
}

uint32_t Argmax(std::span<const float> scores, std::span<const bool> allowed) {
  if (allowed.empty()) {
    // The common case (every tagger decision, a hundred classes), without
    // the mask's branches: the largest score four at a time, then the
    // first class that has it, which is what a strict "greater than" scan
    // picks (scores are finite).
    const size_t n = scores.size();
    if (n == 0) return 0;
    size_t c = 0;
    float top = scores[0];
#if defined(__SSE2__)
    if (n >= 4) {
      __m128 m = _mm_loadu_ps(scores.data());
      for (c = 4; c + 4 <= n; c += 4) m = _mm_max_ps(m, _mm_loadu_ps(scores.data() + c));
      alignas(16) float lanes[4];
      _mm_store_ps(lanes, m);
      top = std::max(std::max(lanes[0], lanes[1]), std::max(lanes[2], lanes[3]));
    }
#endif
    for (; c < n; ++c) top = std::max(top, scores[c]);
    for (c = 0; c + 1 < n && scores[c] != top; ++c) {
    }
    return static_cast<uint32_t>(c);
  }
  uint32_t best = UINT32_MAX;
  for (uint32_t c = 0; c < scores.size(); ++c) {
    if (!allowed[c]) continue;
    if (best == UINT32_MAX || scores[c] > scores[best]) best = c;
  }
  return best == UINT32_MAX ? 0 : best;
}

}  // namespace annals::syntax
