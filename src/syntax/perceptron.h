// Linear models over hashed features: the averaged perceptron that trains
// them and the compact table that scores with them.
//
// Training keeps, per feature, a short list of (class, weight) entries
// plus the sums averaging needs; most features only ever touch a few
// classes, so sparse rows are both smaller and faster than dense ones.
// Finish() turns the averaged weights into a WeightTable, which is what the
// model file stores and what runs at parse time, used in place from the
// file's bytes. It is built for the cache: a parse looks up hundreds of
// features per word at random in tables far bigger than the caches, so
// the bytes each lookup touches decide the speed. Features sit in 64-byte
// buckets (one cache line) of fingerprints, compared at once; each weight
// is one byte, a level on a logarithmic scale (127 per sign, within 3% of
// the trained weight: test scores of a model so rounded moved by 0.03 at
// most). Tables with a
// handful of classes (the parser's moves) keep a feature's weights in its
// bucket, so a lookup reads one line; the others keep, per feature, where
// its row of (class, level) entries begins.
#ifndef ANNALS_SYNTAX_PERCEPTRON_H_
#define ANNALS_SYNTAX_PERCEPTRON_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/features.h"

namespace annals::syntax {

class WeightTable {
 public:
  WeightTable() = default;
  // Moves keep the views valid (vectors move their buffers); copies would
  // not, so there are none.
  WeightTable(WeightTable&&) = default;
  WeightTable& operator=(WeightTable&&) = default;
  WeightTable(const WeightTable&) = delete;
  WeightTable& operator=(const WeightTable&) = delete;

  // One feature's weights, by class.
  struct Row {
    uint64_t key;
    std::vector<std::pair<uint32_t, float>> weights;
  };
  // A table of `rows` (sorted by key) without the weights below min_weight
  // in magnitude, and without the features left with none: the smaller
  // table scores nearly as well. At most 256 classes.
  static WeightTable Build(uint32_t num_classes, const std::vector<Row>& rows, float min_weight);

  // scores[c] += weight(f, c) for every feature f; scores has num_classes().
  void Score(std::span<const uint64_t> features, float* scores) const;

  // The same in steps, for features a sentence needs many times over: Sum
  // adds their weights as the integers the table keeps, group by group
  // (group g ends at ends[g], the last at features.size(); sums holds
  // num_classes() per group), and Score(features, made, scores) adds the
  // sums already made (num_classes() each) to those of more features and
  // scales. The scores are those Score gives for all the features
  // together, to the bit.
  void Sum(std::span<const uint64_t> features, std::span<const uint32_t> ends, int32_t* sums) const;
  void Sum(std::span<const uint64_t> features, int32_t* sums) const {  // one group
    const uint32_t end = static_cast<uint32_t>(features.size());
    Sum(features, std::span<const uint32_t>(&end, 1), sums);
  }
  void Score(std::span<const uint64_t> features, std::span<const int32_t* const> made,
             float* scores) const;

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  // Tells tables apart for SumMemo: a new one for every table built or
  // loaded, even at the address of one gone.
  uint64_t id() const { return id_; }
  size_t bytes() const {
    return rows_.size_bytes() + entries_.size_bytes() + cells_.size_bytes() + levels_.size_bytes();
  }

  void Save(ByteWriter& w) const;
  // The table then points into r's buffer, which must outlive it. False
  // on any inconsistency: the bytes are not trusted.
  static bool Load(ByteReader& r, WeightTable* out);

 private:
  friend class PerceptronTrainer;
  // A slot's key is known by 24 bits: 16 compared for all slots at once,
  // 8 more checked for the slot that matched. With 16 alone, about one
  // lookup of an unknown feature in 5,000 would take a stray row.
  static constexpr uint32_t kRowSlots = 8;
  struct RowBucket {
    uint16_t fingerprint[kRowSlots];  // 0 = empty; used slots come first
    uint8_t check[kRowSlots];
    uint32_t begin[kRowSlots];  // a row ends where the next begins
    uint32_t end;               // where the last slot's row ends
    uint8_t unused[4];
    uint32_t RowEnd(uint32_t slot) const { return slot + 1 < kRowSlots ? begin[slot + 1] : end; }
  };
  struct Entry {
    uint8_t cls;
    int8_t level;
  };
  static constexpr uint32_t kCellSlots = 10;
  static constexpr uint32_t kCellClasses = 3;
  struct CellBucket {
    uint16_t fingerprint[kCellSlots];  // as in RowBucket
    uint8_t check[kCellSlots];
    int8_t level[kCellSlots][kCellClasses];
    uint8_t unused[4];
  };
  static_assert(sizeof(RowBucket) == 64 && sizeof(CellBucket) == 64 && sizeof(Entry) == 2);

  void SumRows(std::span<const uint64_t> features, std::span<const uint32_t> ends,
               int32_t* sums) const;
  void SumCells(std::span<const uint64_t> features, std::span<const uint32_t> ends,
                int32_t* sums) const;

  uint32_t num_classes_ = 0;
  size_t num_features_ = 0;
  uint64_t id_ = 0;
  float scale_ = 0;                  // score = scale * weight
  std::span<const int32_t> levels_;  // 256: the weight of level l at l + 128
  std::span<const RowBucket> rows_;
  std::span<const Entry> entries_;
  std::span<const CellBucket> cells_;  // instead of rows and entries
  std::vector<int32_t> own_levels_;    // storage when built by a trainer
  std::vector<RowBucket> own_rows_;
  std::vector<Entry> own_entries_;
  std::vector<CellBucket> own_cells_;
};

// The sums of a few features that come back together often, such as
// those on the tags of the words around: with a handful of tags their rows
// are the longest (one entry per class), and a sentence's parse needs the
// same combinations over and over. Kept by the caller's key (the values
// the features combine) in a small direct-mapped cache, per thread; the
// sums are the table's integers, so scores made with them are the same to
// the bit (WeightTable::Score with sums).
class SumMemo {
 public:
  // slots: a power of two.
  explicit SumMemo(size_t slots = 512) : mask_(slots - 1) {}

  // The sums of the features fill(&list) appends, for `key`; good until
  // the next Get, which may take the same slot.
  template <typename Fill>
  const int32_t* Get(const WeightTable& table, uint64_t key, Fill fill) {
    if (table.id() != table_ || keys_.empty()) Reset(table);
    const size_t slot = Mix(key) & mask_;
    int32_t* sums = &sums_[slot * table.num_classes()];
    if (!used_[slot] || keys_[slot] != key) {
      used_[slot] = true;
      keys_[slot] = key;
      features_.clear();
      fill(&features_);
      std::fill(sums, sums + table.num_classes(), 0);
      table.Sum(features_, sums);
    }
    return sums;
  }

 private:
  void Reset(const WeightTable& table);
  size_t mask_;
  uint64_t table_ = 0;
  std::vector<uint64_t> keys_;
  std::vector<bool> used_;
  std::vector<int32_t> sums_;
  FeatureList features_;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(uint32_t num_classes) : num_classes_(num_classes) {}

  void Score(std::span<const uint64_t> features, float* scores) const;
  // A mistake: every feature gains 1 for `good` and loses 1 for `bad`.
  void Update(std::span<const uint64_t> features, uint32_t good, uint32_t bad);
  // Once per decision, mistake or not: averaging weighs by decisions.
  void Tick() { ++clock_; }

  // The averaged weights, sorted by key; WeightTable::Build makes the
  // table.
  std::vector<WeightTable::Row> Averaged() const;
  WeightTable Finish(float min_weight) const {
    return WeightTable::Build(num_classes_, Averaged(), min_weight);
  }
  size_t num_features() const { return rows_.size(); }

 private:
  struct Entry {
    uint32_t cls;
    float weight;
    double total;    // sum of the weight over the decisions so far
    uint64_t stamp;  // clock when total was last brought up to date
  };
  void Add(uint64_t feature, uint32_t cls, float delta);

  uint32_t num_classes_;
  uint64_t clock_ = 0;
  std::unordered_map<uint64_t, std::vector<Entry>> rows_;
};

// Index of the best-scoring class among those with allowed[c] true (all
// when allowed is empty); ties go to the lower index.
uint32_t Argmax(std::span<const float> scores, std::span<const bool> allowed = {});

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_PERCEPTRON_H_
