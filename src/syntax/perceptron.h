// Linear models over hashed features: the averaged perceptron that trains
// them and the compact table that scores with them.
//
// Training keeps, per feature, a short list of (class, weight) entries
// plus the sums averaging needs; most features only ever touch a few
// classes, so sparse rows are both smaller and faster than dense ones.
// Finish() turns the averaged weights into a WeightTable: an open-address
// hash table with 32-bit fingerprints and 16-bit weights, which is what the
// model file stores and what runs at parse time, used in place from the
// file's bytes. Tables with a handful of classes (the parser's moves) keep
// each row's weights inside its slot instead, so a lookup is one cache miss
// rather than two.
#ifndef ANNALS_SYNTAX_PERCEPTRON_H_
#define ANNALS_SYNTAX_PERCEPTRON_H_

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
  // table scores nearly as well.
  static WeightTable Build(uint32_t num_classes, const std::vector<Row>& rows, float min_weight);

  // scores[c] += weight(f, c) for every feature f; scores has num_classes().
  void Score(std::span<const uint64_t> features, float* scores) const;

  uint32_t num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t bytes() const { return slots_.size_bytes() + entries_.size_bytes() + cells_.size_bytes(); }

  void Save(ByteWriter& w) const;
  // The table then points into r's buffer, which must outlive it. False
  // on any inconsistency: the bytes are not trusted.
  static bool Load(ByteReader& r, WeightTable* out);

 private:
  friend class PerceptronTrainer;
  struct Slot {
    uint32_t fingerprint;  // 0 = empty
    uint32_t begin;        // first entry; the row ends at the next slot's begin
  };
  struct Entry {
    uint16_t cls;
    int16_t weight;
  };
  // Cells hold three classes (the parser's moves) under a 16-bit
  // fingerprint: 8 bytes, so twice as many share the caches as with a
  // 32-bit one. A false match costs one stray weight vector in about
  // 30,000 lookups of unknown features, which no score on dev notices.
  static constexpr uint32_t kCellClasses = 3;
  struct Cell {
    uint16_t fingerprint;  // 0 = empty
    int16_t weight[kCellClasses];
  };
  static_assert(sizeof(Slot) == 8 && sizeof(Entry) == 4 && sizeof(Cell) == 8);

  void ScoreSparse(std::span<const uint64_t> features, float* scores) const;
  void ScoreCells(std::span<const uint64_t> features, float* scores) const;

  uint32_t num_classes_ = 0;
  size_t num_features_ = 0;
  float scale_ = 0;
  std::span<const Slot> slots_;  // capacity + 1; the last is a sentinel
  std::span<const Entry> entries_;
  std::span<const Cell> cells_;  // instead of slots and entries, when dense
  std::vector<Slot> own_slots_;  // storage when built by a trainer
  std::vector<Entry> own_entries_;
  std::vector<Cell> own_cells_;
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
