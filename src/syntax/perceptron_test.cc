#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace annals::syntax {
namespace {

// A toy problem: class = feature id % k, with a shared bias feature. With
// k = 3 the table keeps weights in its slots (dense), with 10 apart.
WeightTable TrainToy(PerceptronTrainer* t, uint32_t k = 3) {
  for (int round = 0; round < 5; ++round) {
    for (uint64_t f = 1; f <= 30; ++f) {
      const std::vector<uint64_t> feats = {Key(1, f), Key(2, 0)};
      std::vector<float> scores(k);
      t->Score(feats, scores.data());
      t->Update(feats, static_cast<uint32_t>(f % k), Argmax(scores));
      t->Tick();
    }
  }
  return t->Finish(0.0f);
}

TEST(Perceptron, LearnsAndTheTableAgreesWithTheTrainer) {
  for (const uint32_t k : {3u, 10u}) {
    PerceptronTrainer trainer(k);
    const WeightTable table = TrainToy(&trainer, k);
    EXPECT_EQ(table.num_classes(), k);
    for (uint64_t f = 1; f <= 30; ++f) {
      const std::vector<uint64_t> feats = {Key(1, f), Key(2, 0)};
      std::vector<float> scores(k);
      table.Score(feats, scores.data());
      EXPECT_EQ(Argmax(scores), f % k) << f << " of " << k;
    }
    std::vector<float> none(k);
    const std::vector<uint64_t> unknown = {Key(9, 9)};
    table.Score(unknown, none.data());
    EXPECT_EQ(none, std::vector<float>(k));
  }
}

// Sums made ahead by group, then topped up with the rest, score what all
// the features together do, to the bit: the parser sums a sentence's word
// features once and relies on that.
TEST(Perceptron, SumsByGroupScoreAsAllTogether) {
  for (const uint32_t k : {3u, 10u}) {
    PerceptronTrainer trainer(k);
    const WeightTable table = TrainToy(&trainer, k);
    std::vector<uint64_t> ahead;
    std::vector<uint32_t> ends;
    for (uint64_t f = 1; f <= 30; ++f) {
      ahead.push_back(Key(1, f));
      if (f % 3 == 0) ahead.push_back(Key(9, f));  // unknown ones too
      ends.push_back(static_cast<uint32_t>(ahead.size()));
    }
    ends.push_back(static_cast<uint32_t>(ahead.size()));  // an empty group last
    std::vector<int32_t> sums(ends.size() * k, 0);
    table.Sum(ahead, ends, sums.data());
    std::vector<int32_t> bias(k, 0);
    const std::vector<uint64_t> bias_feature = {Key(2, 0)};
    table.Sum(bias_feature, bias.data());
    for (uint64_t f = 1; f <= 30; ++f) {
      std::vector<float> whole(k), parts(k);
      const std::vector<uint64_t> all = {Key(1, f), Key(9, f), Key(2, 0), Key(1, f + 1)};
      table.Score(all, whole.data());
      const std::vector<uint64_t> rest = {Key(1, f + 1)};
      const int32_t* made[] = {&sums[(f - 1) * k], bias.data()};
      table.Score(rest, made, parts.data());
      EXPECT_EQ(whole, parts) << f << " of " << k;
    }
    EXPECT_EQ(std::vector<int32_t>(sums.end() - k, sums.end()), std::vector<int32_t>(k));
  }
}

TEST(Perceptron, SavesAndLoadsInPlace) {
  PerceptronTrainer trainer(10);
  const WeightTable table = TrainToy(&trainer, 10);
  ByteWriter w;
  table.Save(w);
  // An aligned copy, as a mapped file would be.
  std::vector<uint64_t> aligned(w.bytes().size() / 8 + 1);
  std::memcpy(aligned.data(), w.bytes().data(), w.bytes().size());
  ByteReader r(std::string_view(reinterpret_cast<const char*>(aligned.data()), w.bytes().size()));
  WeightTable loaded;
  ASSERT_TRUE(WeightTable::Load(r, &loaded));
  EXPECT_TRUE(r.at_end());
  EXPECT_EQ(loaded.num_features(), table.num_features());
  for (uint64_t f = 1; f <= 30; ++f) {
    const std::vector<uint64_t> feats = {Key(1, f), Key(2, 0)};
    std::vector<float> a(10), b(10);
    table.Score(feats, a.data());
    loaded.Score(feats, b.data());
    EXPECT_EQ(a, b);
  }
}

// Many features, so that buckets fill and spill into the next: every
// feature is found with its weights (to within the levels' 3%), and keys
// never stored score nothing.
TEST(Perceptron, FindsEveryFeatureOfAFullTable) {
  for (const uint32_t k : {3u, 40u}) {
    std::vector<WeightTable::Row> rows;
    for (uint64_t f = 1; f <= 20000; ++f) {
      WeightTable::Row row{Key(7, f), {}};
      for (uint32_t c = f % 2; c < k; c += 1 + static_cast<uint32_t>(f % 5)) {
        const float sign = (f + c) % 3 == 0 ? -1.0f : 1.0f;
        row.weights.emplace_back(c, sign * (0.5f + static_cast<float>((f * 7 + c) % 100)));
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    const WeightTable table = WeightTable::Build(k, rows, 0.0f);
    ASSERT_EQ(table.num_features(), rows.size());
    size_t wrong = 0;
    for (const auto& row : rows) {
      std::vector<float> want(k), got(k);
      for (const auto& [c, w] : row.weights) want[c] = w;
      const uint64_t key = row.key;
      table.Score(std::span<const uint64_t>(&key, 1), got.data());
      for (uint32_t c = 0; c < k; ++c) {
        wrong += std::fabs(got[c] - want[c]) > 0.03f * std::fabs(want[c]) + 1e-3f;
      }
    }
    EXPECT_EQ(wrong, 0u) << k;
    // Unknown keys (24 bits of a key can match by chance, very rarely).
    size_t scored = 0;
    for (uint64_t f = 1; f <= 20000; ++f) {
      std::vector<float> got(k);
      const uint64_t key = Key(8, f);
      table.Score(std::span<const uint64_t>(&key, 1), got.data());
      scored += got != std::vector<float>(k);
    }
    EXPECT_LE(scored, 2u) << k;
  }
}

class PerceptronLoad : public testing::TestWithParam<uint32_t> {};

TEST_P(PerceptronLoad, RejectsDamagedTables) {
  PerceptronTrainer trainer(GetParam());
  const WeightTable table = TrainToy(&trainer, GetParam());
  ByteWriter w;
  table.Save(w);
  const std::string good = w.bytes();
  auto loads = [](std::string bytes) {
    std::vector<uint64_t> aligned(bytes.size() / 8 + 1);
    std::memcpy(aligned.data(), bytes.data(), bytes.size());
    ByteReader r(std::string_view(reinterpret_cast<const char*>(aligned.data()), bytes.size()));
    WeightTable t;
    return WeightTable::Load(r, &t);
  };
  EXPECT_TRUE(loads(good));
  for (size_t cut = 0; cut < good.size(); cut += 7) EXPECT_FALSE(loads(good.substr(0, cut))) << cut;
  // Every single-byte change is either caught or harmless; none may crash
  // (the sanitizer build checks the "harmless" half).
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x5a);
    (void)loads(bad);
  }
  std::string zero_classes = good;
  zero_classes[0] = zero_classes[1] = zero_classes[2] = zero_classes[3] = 0;
  EXPECT_FALSE(loads(zero_classes));
}

INSTANTIATE_TEST_SUITE_P(DenseAndSparse, PerceptronLoad, testing::Values(3u, 10u));

TEST(Perceptron, FinishIsIndependentOfInsertionOrder) {
  PerceptronTrainer a(2), b(2);
  const std::vector<uint64_t> x = {1, 2, 3}, y = {3, 2, 1};
  a.Update(x, 0, 1);
  a.Tick();
  b.Update(y, 0, 1);
  b.Tick();
  ByteWriter wa, wb;
  a.Finish(0).Save(wa);
  b.Finish(0).Save(wb);
  EXPECT_EQ(wa.bytes(), wb.bytes());
}

}  // namespace
}  // namespace annals::syntax
