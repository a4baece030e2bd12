#include "syntax/perceptron.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annals::syntax {
namespace {

// Bucket for a key: the high bits pick it (multiply-shift, so the count
// need not be a power of two), the low bits are the fingerprint.
__extension__ typedef unsigned __int128 Uint128;
size_t Home(uint64_t key, size_t buckets) {
  return static_cast<size_t>((static_cast<Uint128>(key) * buckets) >> 64);
}
uint16_t Fingerprint(uint64_t key) { return static_cast<uint16_t>(key | 1u); }
uint8_t Check(uint64_t key) { return static_cast<uint8_t>(key >> 16); }

// Features per slot. A lookup of an unknown feature (half of them at parse
// time) that meets a full bucket reads the next one too: at these loads
// about one bucket in eleven is full (one in four or five at 0.7).
constexpr double kRowLoad = 0.55;
constexpr double kCellLoad = 0.6;
constexpr uint32_t kMaxClasses = 256;  // a class is one byte in a row
constexpr uint64_t kMaxFeatures = uint64_t{1} << 28;
constexpr int kLevels = 127;  // per sign
constexpr size_t kBucketAlign = 64;

// The slots of a bucket holding fp (bit 2k for slot k), and in *empty the
// empty ones. Slots fill from the first, so a match lies before every
// empty slot. A fingerprint is never 0 (its low bit is set).
template <typename Bucket, uint32_t kSlots>
[[gnu::always_inline]] inline uint32_t Match(const Bucket& b, uint16_t fp, uint32_t* empty) {
  static_assert(kSlots <= 16 && sizeof(Bucket) >= 32);
  constexpr uint32_t kSlotBits =
      static_cast<uint32_t>((uint64_t{1} << (2 * kSlots)) - 1) & 0x55555555u;
#if defined(__SSE2__)
  // Two 16-byte loads cover sixteen fingerprints' worth of the bucket;
  // the lanes past kSlots are the bucket's other fields, masked off.
  const auto* p = reinterpret_cast<const __m128i*>(&b);
  const __m128i lo = _mm_loadu_si128(p), hi = _mm_loadu_si128(p + 1);
  const __m128i want = _mm_set1_epi16(static_cast<int16_t>(fp)), zero = _mm_setzero_si128();
  auto mask = [](__m128i a, __m128i c) {
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi16(a, c)));
  };
  *empty = (mask(lo, zero) | mask(hi, zero) << 16) & kSlotBits;
  return (mask(lo, want) | mask(hi, want) << 16) & kSlotBits;
#else
  uint32_t match = 0, none = 0;
  for (uint32_t k = 0; k < kSlots; ++k) {
    match |= static_cast<uint32_t>(b.fingerprint[k] == fp) << (2 * k);
    none |= static_cast<uint32_t>(b.fingerprint[k] == 0) << (2 * k);
  }
  *empty = none;
  return match;
#endif
}

// Where key's weights are: its bucket and slot, or (none, 0) when it is
// not in the table. The result is picked without a branch: whether a
// feature is known is a coin toss at parse time, and a branch on it
// mispredicted on nearly every other lookup, which cost more than the
// memory traffic.
// Inlined into each lookup loop, where it runs once per feature (the
// compiler left a call in some of them).
template <typename Bucket, uint32_t kSlots>
[[gnu::always_inline]] inline std::pair<const Bucket*, uint32_t> Probe(
    std::span<const Bucket> buckets, size_t at, uint64_t key, const Bucket* none) {
  const uint16_t fp = Fingerprint(key);
  const uint8_t check = Check(key);
  for (;;) {
    const Bucket& b = buckets[at];
    uint32_t empty;
    uint32_t match = Match<Bucket, kSlots>(b, fp, &empty);
    uint32_t slot = match != 0 ? static_cast<uint32_t>(__builtin_ctz(match)) / 2 : 0;
    bool hit = match != 0 && b.check[slot] == check;
    if (__builtin_expect(!hit && (match & (match - 1)) != 0, 0)) {
      // Two slots share the 16 bits (one lookup in thousands).
      for (match &= match - 1; match != 0 && !hit; match &= match - 1) {
        slot = static_cast<uint32_t>(__builtin_ctz(match)) / 2;
        hit = b.check[slot] == check;
      }
    }
    if (__builtin_expect(hit || empty != 0, 1)) return {hit ? &b : none, hit ? slot : 0};
    if (++at == buckets.size()) at = 0;  // a full bucket: the key may be in the next
  }
}

// Finds each feature's slot and calls use(i, bucket, slot) for every
// feature i in order, with (none, 0) for those not found. The tables are
// far bigger than the caches, so each lookup is a miss: a batch's buckets
// are prefetched first, then what each found slot points to (touch), so
// that the misses overlap instead of queueing. A batch holds all of one decision's
// features (when they were 92 for a move, about 50 for a tag and 33 for a
// relation, before some were summed ahead): tagging and parsing ran 3-6%
// faster than with batches of 32 (four runs of alternating blocks).
template <typename Bucket, uint32_t kSlots, typename Touch, typename Use>
void LookUp(std::span<const uint64_t> features, std::span<const Bucket> buckets, const Bucket* none,
            Touch touch, Use use) {
  constexpr size_t kBatch = 96;
  size_t at[kBatch];
  std::pair<const Bucket*, uint32_t> found[kBatch];
  for (size_t start = 0; start < features.size(); start += kBatch) {
    const size_t m = std::min(kBatch, features.size() - start);
    for (size_t i = 0; i < m; ++i) {
      at[i] = Home(features[start + i], buckets.size());
      __builtin_prefetch(&buckets[at[i]]);
    }
    for (size_t i = 0; i < m; ++i) {
      found[i] = Probe<Bucket, kSlots>(buckets, at[i], features[start + i], none);
      touch(*found[i].first, found[i].second);
    }
    for (size_t i = 0; i < m; ++i) use(start + i, *found[i].first, found[i].second);
  }
}

// Which slot of a bucket array a key gets, filling `used` (slots taken
// per bucket) as Probe will search.
template <uint32_t kSlots>
std::pair<size_t, uint32_t> Place(uint64_t key, std::vector<uint8_t>& used) {
  size_t b = Home(key, used.size());
  while (used[b] == kSlots) {
    if (++b == used.size()) b = 0;
  }
  return {b, used[b]++};
}

size_t BucketCount(size_t features, uint32_t slots, double load) {
  return static_cast<size_t>(static_cast<double>(features) / (load * slots)) + 1;
}

// Weights as levels: magnitudes from `low` to `high` on a logarithmic
// scale of 126 steps, so that a weight is within half a step of its level,
// 2.8% when high / low is 1,000 (the tagger's is 900). Dev scores did not
// move with 60 levels either.
struct Quantizer {
  double low, high, step;  // step 0: every weight has the one magnitude
  Quantizer(double lo, double hi)
      : low(lo), high(hi), step(hi > lo ? std::log(hi / lo) / (kLevels - 1) : 0.0) {}
  int8_t Level(double w) const {
    const double m = std::clamp(std::fabs(w), low, high);
    const int l = step > 0 ? static_cast<int>(std::lround(std::log(m / low) / step)) + 1 : 1;
    return static_cast<int8_t>(w < 0 ? -l : l);  // 1..127 in magnitude
  }
  double Value(int l) const { return low * std::exp(step * (l - 1)); }
};

// The sums of feature i's group, walking the groups as i grows.
class GroupCursor {
 public:
  GroupCursor(std::span<const uint32_t> ends, int32_t* sums, uint32_t classes)
      : ends_(ends), sums_(sums), classes_(classes) {}
  int32_t* At(size_t i) {
    while (g_ + 1 < ends_.size() && i >= ends_[g_]) ++g_, sums_ += classes_;
    return sums_;
  }

 private:
  std::span<const uint32_t> ends_;
  int32_t* sums_;
  uint32_t classes_;
  size_t g_ = 0;
};

}  // namespace

void WeightTable::Score(std::span<const uint64_t> features, float* scores) const {
  Score(features, {}, scores);
}

void WeightTable::Score(std::span<const uint64_t> features, std::span<const int32_t* const> made,
                        float* scores) const {
  // Summed as integers, scaled once: 32 bits hold 65,000 features at full
  // weight.
  int32_t sum[kMaxClasses];
  std::fill(sum, sum + num_classes_, 0);
  Sum(features, sum);
  for (const int32_t* m : made) {
    for (uint32_t c = 0; c < num_classes_; ++c) sum[c] += m[c];
  }
  for (uint32_t c = 0; c < num_classes_; ++c) scores[c] += scale_ * static_cast<float>(sum[c]);
}

void WeightTable::Sum(std::span<const uint64_t> features, std::span<const uint32_t> ends,
                      int32_t* sums) const {
  if (!cells_.empty()) {
    SumCells(features, ends, sums);
  } else if (!rows_.empty()) {
    SumRows(features, ends, sums);
  }
}

void WeightTable::SumCells(std::span<const uint64_t> features, std::span<const uint32_t> ends,
                           int32_t* sums) const {
  static constexpr CellBucket kNone{};
  const int32_t* levels = levels_.data() + 128;
  auto none = [](const CellBucket&, uint32_t) {};
  if (ends.size() == 1) {  // one decision's features: the sums stay in registers
    int32_t sum[kCellClasses] = {};
    LookUp<CellBucket, kCellSlots>(features, cells_, &kNone, none,
                                   [&](size_t, const CellBucket& b, uint32_t slot) {
                                     for (uint32_t c = 0; c < kCellClasses; ++c) {
                                       sum[c] += levels[b.level[slot][c]];
                                     }
                                   });
    for (uint32_t c = 0; c < num_classes_; ++c) sums[c] += sum[c];
    return;
  }
  GroupCursor group(ends, sums, num_classes_);
  LookUp<CellBucket, kCellSlots>(features, cells_, &kNone, none,
                                 [&](size_t i, const CellBucket& b, uint32_t slot) {
                                   int32_t* sum = group.At(i);
                                   for (uint32_t c = 0; c < num_classes_; ++c) {
                                     sum[c] += levels[b.level[slot][c]];
                                   }
                                 });
}

void WeightTable::SumRows(std::span<const uint64_t> features, std::span<const uint32_t> ends,
                          int32_t* sums) const {
  // An empty row (begin == end), for features not found.
  static constexpr RowBucket kNone{};
  const int32_t* levels = levels_.data() + 128;
  const Entry* entries = entries_.data();
  GroupCursor group(ends, sums, num_classes_);
  LookUp<RowBucket, kRowSlots>(
      features, rows_, &kNone,
      [&](const RowBucket& b, uint32_t slot) { __builtin_prefetch(entries + b.begin[slot]); },
      [&](size_t i, const RowBucket& b, uint32_t slot) {
        int32_t* sum = group.At(i);
        for (uint32_t e = b.begin[slot], last = b.RowEnd(slot); e < last; ++e) {
          sum[entries[e].cls] += levels[entries[e].level];
        }
      });
}

namespace {

uint64_t NewTableId() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

}  // namespace

void SumMemo::Reset(const WeightTable& table) {
  table_ = table.id();
  keys_.assign(mask_ + 1, 0);
  used_.assign(mask_ + 1, false);
  sums_.assign((mask_ + 1) * table.num_classes(), 0);
}

void WeightTable::Save(ByteWriter& w) const {
  w.Put<uint32_t>(num_classes_);
  w.Put<uint64_t>(num_features_);
  w.Put<float>(scale_);
  w.Put<uint32_t>(cells_.empty() ? 0 : 1);
  w.PutArray(levels_);
  if (cells_.empty()) {
    w.PutArray(rows_, kBucketAlign);
    w.PutArray(entries_);
  } else {
    w.PutArray(cells_, kBucketAlign);
  }
}

namespace {

// Slots in use in a bucket, or -1 when a used slot follows an empty one
// (Probe would stop before it).
template <typename Bucket, uint32_t kSlots>
int UsedSlots(const Bucket& b) {
  uint32_t used = 0;
  while (used < kSlots && b.fingerprint[used] != 0) ++used;
  for (uint32_t k = used; k < kSlots; ++k) {
    if (b.fingerprint[k] != 0) return -1;
  }
  return static_cast<int>(used);
}

// Counts the used slots of every bucket into *used; false if a bucket is
// malformed or none has room (lookups of unknown keys would not end).
template <typename Bucket, uint32_t kSlots>
bool CountSlots(std::span<const Bucket> buckets, size_t* used) {
  bool room = false;
  *used = 0;
  for (const Bucket& b : buckets) {
    const int n = UsedSlots<Bucket, kSlots>(b);
    if (n < 0) return false;
    *used += static_cast<size_t>(n);
    room = room || n < static_cast<int>(kSlots);
  }
  return room;
}

}  // namespace

bool WeightTable::Load(ByteReader& r, WeightTable* out) {
  WeightTable t;
  t.id_ = NewTableId();
  t.num_classes_ = r.Get<uint32_t>();
  t.num_features_ = r.Get<uint64_t>();
  t.scale_ = r.Get<float>();
  const uint32_t kind = r.Get<uint32_t>();
  t.levels_ = r.GetArray<int32_t>(256);
  if (!r.ok() || t.levels_.size() != 256 || !std::isfinite(t.scale_) || t.num_classes_ == 0) {
    return false;
  }
  // Sums must not overflow: every level within int16 range, as trained.
  for (const int32_t l : t.levels_) {
    if (l < -32767 || l > 32767) return false;
  }
  size_t used = 0;
  if (kind == 1) {
    t.cells_ = r.GetArray<CellBucket>(kMaxFeatures / kCellSlots, kBucketAlign);
    if (!r.ok() || t.num_classes_ > kCellClasses ||
        !CountSlots<CellBucket, kCellSlots>(t.cells_, &used) || used != t.num_features_) {
      return false;
    }
    *out = std::move(t);
    return true;
  }
  t.rows_ = r.GetArray<RowBucket>(kMaxFeatures / kRowSlots, kBucketAlign);
  t.entries_ = r.GetArray<Entry>(kMaxFeatures * kMaxClasses);
  if (!r.ok() || kind != 0 || t.num_classes_ > kMaxClasses ||
      !CountSlots<RowBucket, kRowSlots>(t.rows_, &used) || used != t.num_features_) {
    return false;
  }
  // Rows follow each other through the buckets and end with the entries;
  // an empty slot's row is empty.
  uint32_t at = 0;
  for (const RowBucket& b : t.rows_) {
    for (uint32_t k = 0; k < kRowSlots; ++k) {
      const uint32_t end = b.RowEnd(k);
      if (b.begin[k] != at || end < at || (b.fingerprint[k] == 0 && end != at)) return false;
      at = end;
    }
  }
  if (at != t.entries_.size()) return false;
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
  double high = 0, low = HUGE_VAL;
  for (const Row& row : all) {
    bool keep = false;
    for (const auto& [cls, w] : row.weights) {
      const double m = std::fabs(w);
      if (m < min_weight || m == 0) continue;
      keep = true;
      high = std::max(high, m);
      low = std::min(low, m);
    }
    if (keep) rows.push_back(&row);
  }
  WeightTable t;
  t.id_ = NewTableId();
  t.num_classes_ = num_classes;
  t.num_features_ = rows.size();
  t.scale_ = high > 0 ? static_cast<float>(high / 32767.0) : 1.0f;
  const Quantizer q(rows.empty() ? 1.0 : low, rows.empty() ? 1.0 : high);
  t.own_levels_.assign(256, 0);
  for (int l = 1; l <= kLevels; ++l) {
    const int32_t v = static_cast<int32_t>(std::lround(q.Value(l) / t.scale_));
    t.own_levels_[static_cast<size_t>(128 + l)] = std::min(v, 32767);
    t.own_levels_[static_cast<size_t>(128 - l)] = -std::min(v, 32767);
  }
  t.levels_ = t.own_levels_;
  auto kept = [&](float w) { return std::fabs(w) >= min_weight && w != 0; };
  if (num_classes <= kCellClasses) {
    std::vector<uint8_t> used(BucketCount(rows.size(), kCellSlots, kCellLoad), 0);
    t.own_cells_.assign(used.size(), CellBucket{});
    for (const Row* row : rows) {
      const auto [b, k] = Place<kCellSlots>(row->key, used);
      CellBucket& c = t.own_cells_[b];
      c.fingerprint[k] = Fingerprint(row->key);
      c.check[k] = Check(row->key);
      for (const auto& [cls, w] : row->weights) {
        if (kept(w)) c.level[k][cls] = q.Level(w);
      }
    }
    t.cells_ = t.own_cells_;
    return t;
  }
  // Rows are laid out in bucket and slot order, so that each ends where
  // the next begins.
  std::vector<uint8_t> used(BucketCount(rows.size(), kRowSlots, kRowLoad), 0);
  std::vector<const Row*> at(used.size() * kRowSlots, nullptr);
  for (const Row* row : rows) {
    const auto [b, k] = Place<kRowSlots>(row->key, used);
    at[b * kRowSlots + k] = row;
  }
  t.own_rows_.assign(used.size(), RowBucket{});
  for (size_t b = 0; b < used.size(); ++b) {
    RowBucket& bucket = t.own_rows_[b];
    for (uint32_t k = 0; k < kRowSlots; ++k) {
      bucket.begin[k] = static_cast<uint32_t>(t.own_entries_.size());
      const Row* row = at[b * kRowSlots + k];
      if (row == nullptr) continue;
      bucket.fingerprint[k] = Fingerprint(row->key);
      bucket.check[k] = Check(row->key);
      for (const auto& [cls, w] : row->weights) {
        if (kept(w)) t.own_entries_.push_back({static_cast<uint8_t>(cls), q.Level(w)});
      }
    }
    bucket.end = static_cast<uint32_t>(t.own_entries_.size());
  }
  t.rows_ = t.own_rows_;
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
