#include "syntax/tagger.h"

#include <algorithm>
#include <map>
#include <random>

#include "syntax/tagset.h"

namespace annals::syntax {
namespace {

constexpr uint64_t kStart = 0x5354415254ULL;  // context before the sentence
constexpr uint64_t kEnd = 0x454e44ULL;        // and after it
constexpr uint32_t kNoClass = 0xffff;
constexpr uint8_t kNoDictClass = 0xff;  // the lexicon's kNoClass
constexpr uint32_t kUnknownWord = 2;
// Words seen fewer times than this are left out of the lexicon, so that
// training meets unknown words as tagging will.
constexpr int kLexiconMinCount = 2;
constexpr uint32_t kMaxDict = 1u << 20;
constexpr uint32_t kMaxTagClasses = 256;

// Dictionary thresholds: seen this often, with one class this share of
// the time.
constexpr int kDictMinCount = 20;
constexpr double kDictMinShare = 0.995;

}  // namespace

void TaggerTagFeatures(uint32_t prev1, uint32_t prev2, FeatureList* out) {
  out->insert(out->end(), {Key(1, 0), Key(16, prev1), Key(17, prev1, prev2), Key(27, prev2)});
}

void TaggerFeatures(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                    size_t i, uint32_t prev1, uint32_t prev2, FeatureList* out) {
  out->clear();
  TaggerTagFeatures(prev1, prev2, out);
  TaggerSelfFeatures(words, ambiguity, i, out);
  TaggerWordFeatures(words, ambiguity, i, prev1, out);
}

uint64_t TaggerSelfKey(std::span<const WordHashes> words, size_t i) {
  return words[i].form ^ (i == 0 ? 1 : 0);
}

void TaggerSelfFeatures(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                        size_t i, FeatureList* out) {
  const WordHashes& w = words[i];
  const size_t n = words.size();
  const uint64_t first = i == 0 ? 1 : 0;
  const uint64_t amb = ambiguity[i], amb_lower = ambiguity[n + i], wn = ambiguity[3 * n + i];
  out->insert(out->end(),
              {Key(2, w.lower), Key(3, w.form), Key(4, w.suffix[0]), Key(5, w.suffix[1]),
               Key(6, w.suffix[2]), Key(7, w.suffix[3]), Key(8, w.prefix[0]), Key(9, w.prefix[1]),
               Key(10, w.prefix[2]), Key(11, w.shape, first), Key(28, amb),
               Key(34, amb, w.suffix[2]), Key(36, amb_lower, w.shape, first),
               Key(38, wn, w.shape, first), Key(40, wn, amb_lower), Key(42, wn, w.suffix[1])});
}

void TaggerWordFeatures(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                        size_t i, uint32_t prev1, FeatureList* out) {
  const WordHashes& w = words[i];
  auto lower = [&](ptrdiff_t k) -> uint64_t {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0) return kStart + static_cast<uint64_t>(-j);
    if (j >= static_cast<ptrdiff_t>(words.size())) return kEnd + static_cast<uint64_t>(j);
    return words[static_cast<size_t>(j)].lower;
  };
  auto at = [&](ptrdiff_t k) -> const WordHashes* {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0 || j >= static_cast<ptrdiff_t>(words.size())) return nullptr;
    return &words[static_cast<size_t>(j)];
  };
  out->push_back(Key(18, prev1, w.lower));
  out->push_back(Key(20, lower(-1), w.lower));
  out->push_back(Key(21, w.lower, lower(1)));
  out->push_back(Key(12, lower(-1)));
  out->push_back(Key(13, lower(-2)));
  out->push_back(Key(14, lower(1)));
  out->push_back(Key(15, lower(2)));
  out->push_back(Key(19, prev1, w.suffix[2]));
  const WordHashes* next = at(1);
  const WordHashes* prev = at(-1);
  out->push_back(Key(22, next ? next->suffix[2] : kEnd));
  out->push_back(Key(23, prev ? prev->suffix[2] : kStart));
  out->push_back(Key(24, next ? next->shape : kEnd, w.shape));
  out->push_back(Key(25, prev1, lower(1)));
  out->push_back(Key(26, w.suffix[1], lower(1)));
  auto amb = [&](ptrdiff_t k) -> uint64_t {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    if (j < 0 || j >= static_cast<ptrdiff_t>(words.size())) return 1;
    return ambiguity[static_cast<size_t>(j)];
  };
  out->push_back(Key(29, amb(1)));
  out->push_back(Key(30, amb(2)));
  out->push_back(Key(31, prev1, amb(0)));
  out->push_back(Key(32, amb(0), amb(1)));
  out->push_back(Key(33, prev1, amb(1)));
  out->push_back(Key(35, amb(1), amb(2)));
  const uint64_t amb_lower = ambiguity[words.size() + i];
  out->push_back(Key(37, amb_lower, prev1));
  // What WordNet allows, for this word and the next.
  const size_t n = words.size();
  const uint64_t wn = ambiguity[3 * n + i];
  out->push_back(Key(39, wn, prev1));
  out->push_back(Key(41, wn, i + 1 < n ? ambiguity[3 * n + i + 1] : 0xffffff));
  out->push_back(Key(43, wn, i > 0 ? ambiguity[3 * n + i - 1] : 0xfffffe));
}

void RefineFeatures(size_t n, const uint32_t* first, size_t i, uint32_t prev1, FeatureList* out) {
  auto at = [&](ptrdiff_t k) -> uint64_t {
    const ptrdiff_t j = static_cast<ptrdiff_t>(i) + k;
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? kNoClass : first[static_cast<size_t>(j)];
  };
  out->push_back(Key(50, at(0)));
  out->push_back(Key(51, at(1)));
  out->push_back(Key(52, at(1), at(2)));
  out->push_back(Key(53, prev1, at(1)));
  out->push_back(Key(54, at(0), at(1)));
  out->push_back(Key(55, prev1, at(0), at(1)));
}

const Tagger::DictEntry* Tagger::Lookup(uint64_t form) const {
  const size_t b = form >> 48;
  const auto first = dict_.begin() + buckets_[b], last = dict_.begin() + buckets_[b + 1];
  const auto it = std::lower_bound(first, last, form,
                                   [](const DictEntry& e, uint64_t f) { return e.form < f; });
  return it != last && it->form == form ? &*it : nullptr;
}

void Tagger::IndexBuckets() {
  buckets_.assign((size_t{1} << 16) + 1, 0);
  size_t e = 0;
  for (size_t b = 0; b < buckets_.size(); ++b) {
    while (e < dict_.size() && (dict_[e].form >> 48) < b) ++e;
    buckets_[b] = static_cast<uint32_t>(e);
  }
}

void Tagger::Ambiguities(std::span<const WordHashes> words, std::vector<uint32_t>* out) const {
  // Four per word: the ambiguity class of the word as written, that of its
  // lower-cased spelling ("Park" is capitalised "park", a noun), the class
  // the lexicon fixes for it (kNoClass when none), and what WordNet says
  // the lower-cased spelling can be.
  const size_t n = words.size();
  out->resize(4 * n);
  for (size_t i = 0; i < n; ++i) {
    const DictEntry* e = Lookup(words[i].form);
    (*out)[i] = e ? e->ambiguity : kUnknownWord;
    const DictEntry* l = words[i].lower == words[i].form ? e : Lookup(words[i].lower);
    (*out)[n + i] = l ? l->ambiguity : kUnknownWord;
    (*out)[2 * n + i] = e && e->cls != kNoDictClass ? e->cls : kNoClass;
    (*out)[3 * n + i] = l ? l->wordnet : 0;
  }
}

void Tagger::Senses(std::span<const WordHashes> words, uint8_t* out) const {
  for (size_t i = 0; i < words.size(); ++i) {
    const DictEntry* e = Lookup(words[i].lower);
    out[i] = e ? e->sense : 0;
  }
}

void Tagger::Decode(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                    const WeightTable& weights, const uint32_t* first, float refine_margin,
                    uint32_t* out, TaggerScratch& scratch) const {
  uint32_t prev1 = kNoClass, prev2 = kNoClass;
  scratch.scores.resize(classes_.size());
  const size_t n = words.size();
  if (first == nullptr) scratch.margin.assign(n, 0.0f);
  for (size_t i = 0; i < n; ++i) {
    uint32_t cls = ambiguity[2 * n + i];
    if (cls == kNoClass && first != nullptr && scratch.margin.size() == n &&
        scratch.margin[i] > refine_margin) {
      cls = first[i];  // the first pass was sure: keep its tag
    }
    if (cls == kNoClass) {
      SumMemo* memo = scratch.memo[first == nullptr ? 0 : 1];
      const int32_t* made[] = {
          memo[0].Get(weights, uint64_t{prev1} << 32 | prev2,
                      [&](FeatureList* f) { TaggerTagFeatures(prev1, prev2, f); }),
          memo[1].Get(weights, TaggerSelfKey(words, i),
                      [&](FeatureList* f) { TaggerSelfFeatures(words, ambiguity, i, f); })};
      scratch.features.clear();
      TaggerWordFeatures(words, ambiguity, i, prev1, &scratch.features);
      if (first != nullptr) RefineFeatures(words.size(), first, i, prev1, &scratch.features);
      std::fill(scratch.scores.begin(), scratch.scores.end(), 0.0f);
      weights.Score(scratch.features, made, scratch.scores.data());
      cls = Argmax(scratch.scores);
      if (first == nullptr) {
        float second = -1e30f;
        for (uint32_t c = 0; c < scratch.scores.size(); ++c) {
          if (c != cls) second = std::max(second, scratch.scores[c]);
        }
        scratch.margin[i] = scratch.scores[cls] - second;
      }
    }
    out[i] = cls;
    prev2 = prev1;
    prev1 = cls;
  }
}

void Tagger::Tag(std::span<const WordHashes> words, uint8_t* upos, uint8_t* xpos,
                 TaggerScratch& scratch, float refine_margin) const {
  Ambiguities(words, &scratch.ambiguity);
  scratch.first.resize(words.size());
  Decode(words, scratch.ambiguity, weights_, nullptr, 0, scratch.first.data(), scratch);
  const uint32_t* classes = scratch.first.data();
  if (refine_.num_features() > 0) {
    scratch.second.resize(words.size());
    Decode(words, scratch.ambiguity, refine_, scratch.first.data(), refine_margin,
           scratch.second.data(), scratch);
    classes = scratch.second.data();
  }
  for (size_t i = 0; i < words.size(); ++i) {
    upos[i] = classes_[classes[i]].upos;
    xpos[i] = classes_[classes[i]].xpos;
  }
}

WeightTable Tagger::TrainPass(const TrainingData& data, std::span<const size_t> subset,
                              const std::vector<std::vector<uint32_t>>* first,
                              const Options& options) const {
  PerceptronTrainer trainer(static_cast<uint32_t>(classes_.size()));
  std::vector<size_t> order(subset.begin(), subset.end());
  std::mt19937_64 rng(options.seed);
  FeatureList features;
  std::vector<float> scores(classes_.size());
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const size_t n : order) {
      const auto& words = data.hashed[n];
      uint32_t prev1 = kNoClass, prev2 = kNoClass;
      for (size_t i = 0; i < words.size(); ++i) {
        const uint32_t truth = data.gold[n][i];
        uint32_t guess = data.ambiguity[n][2 * words.size() + i];
        if (guess == kNoClass) {
          TaggerFeatures(words, data.ambiguity[n], i, prev1, prev2, &features);
          if (first != nullptr)
            RefineFeatures(words.size(), (*first)[n].data(), i, prev1, &features);
          std::fill(scores.begin(), scores.end(), 0.0f);
          trainer.Score(features, scores.data());
          guess = Argmax(scores);
          trainer.Update(features, truth, guess);
          trainer.Tick();
        }
        // The history is the model's own guesses, as when tagging.
        prev2 = prev1;
        prev1 = guess;
      }
    }
  }
  return trainer.Finish(options.min_weight);
}

Tagger Tagger::Train(const std::vector<GoldSentence>& sentences, const Options& options) {
  Tagger t;
  // Classes in (upos, xpos) order, so that ids do not depend on data order.
  std::map<std::pair<uint8_t, uint8_t>, uint32_t> class_of;
  std::map<uint64_t, std::map<uint32_t, int>> counts;
  TrainingData data;
  data.hashed.resize(sentences.size());
  data.gold.resize(sentences.size());
  data.ambiguity.resize(sentences.size());
  std::string buffer;
  for (const GoldSentence& s : sentences) {
    for (size_t i = 0; i < s.size(); ++i) class_of[{s.upos[i], s.xpos[i]}] = 0;
  }
  for (auto& [pair, id] : class_of) {
    id = static_cast<uint32_t>(t.classes_.size());
    t.classes_.push_back({pair.first, pair.second});
  }
  for (size_t n = 0; n < sentences.size(); ++n) {
    const GoldSentence& s = sentences[n];
    for (size_t i = 0; i < s.size(); ++i) {
      data.hashed[n].push_back(HashWord(s.forms[i], &buffer));
      data.gold[n].push_back(class_of[{s.upos[i], s.xpos[i]}]);
      ++counts[data.hashed[n].back().form][data.gold[n].back()];
    }
  }
  for (const auto& [form, by_class] : counts) {
    int total = 0, best = 0;
    uint32_t best_cls = 0;
    for (const auto& [cls, c] : by_class) {
      total += c;
      if (c > best) best = c, best_cls = cls;
    }
    if (total < kLexiconMinCount) continue;
    // The ambiguity class: the tags seen at least 5% of the time.
    uint64_t amb = 0x414d42;
    for (const auto& [cls, c] : by_class) {
      if (c * 20 >= total) amb = Key(0, amb, cls);
    }
    const bool fixed =
        total >= kDictMinCount && best >= kDictMinShare * total && best_cls < kNoDictClass;
    t.own_dict_.push_back({form, fixed ? static_cast<uint8_t>(best_cls) : kNoDictClass, 0, 0,
                           static_cast<uint32_t>(amb) | 4u});
  }
  if (options.wordnet != nullptr) t.AddWordNet(*options.wordnet);
  t.dict_ = t.own_dict_;
  t.IndexBuckets();
  for (size_t n = 0; n < sentences.size(); ++n) t.Ambiguities(data.hashed[n], &data.ambiguity[n]);

  std::vector<size_t> all(sentences.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  t.weights_ = t.TrainPass(data, all, nullptr, options);
  if (options.refine_folds < 2) return t;

  // The second pass learns from first-pass tags of the words ahead as the
  // first pass gets them on text it has not seen: each fold is tagged by a
  // first pass trained without it.
  const size_t folds = static_cast<size_t>(options.refine_folds);
  std::vector<std::vector<uint32_t>> first(sentences.size());
  TaggerScratch scratch;
  for (size_t f = 0; f < folds; ++f) {
    std::vector<size_t> rest;
    for (size_t n = 0; n < sentences.size(); ++n) {
      if (n % folds != f) rest.push_back(n);
    }
    const WeightTable part = t.TrainPass(data, rest, nullptr, options);
    for (size_t n = f; n < sentences.size(); n += folds) {
      first[n].resize(data.hashed[n].size());
      t.Decode(data.hashed[n], data.ambiguity[n], part, nullptr, 0, first[n].data(), scratch);
    }
  }
  t.refine_ = t.TrainPass(data, all, &first, options);
  return t;
}

void Tagger::AddWordNet(const WordNetForms& wordnet) {
  // own_dict_ is sorted by form (it came from a std::map); the WordNet
  // forms are merged in, the ones training never saw with no class and
  // the unknown word's ambiguity.
  std::vector<DictEntry> merged;
  merged.reserve(own_dict_.size() + wordnet.size());
  std::vector<std::pair<uint64_t, uint32_t>> forms(wordnet.begin(), wordnet.end());
  std::sort(forms.begin(), forms.end());
  auto entry = [](uint64_t form, uint32_t bits) {
    return DictEntry{form, kNoDictClass, SenseByte(bits), static_cast<uint16_t>(bits),
                     kUnknownWord};
  };
  size_t k = 0;
  for (const DictEntry& e : own_dict_) {
    while (k < forms.size() && forms[k].first < e.form) {
      merged.push_back(entry(forms[k].first, forms[k].second));
      ++k;
    }
    merged.push_back(e);
    if (k < forms.size() && forms[k].first == e.form) {
      merged.back().wordnet = static_cast<uint16_t>(forms[k].second);
      merged.back().sense = SenseByte(forms[k++].second);
    }
  }
  for (; k < forms.size(); ++k) merged.push_back(entry(forms[k].first, forms[k].second));
  own_dict_ = std::move(merged);
}

void Tagger::Save(ByteWriter& w) const {
  w.Put<uint32_t>(static_cast<uint32_t>(classes_.size()));
  for (const Class& c : classes_) {
    w.Put<uint8_t>(c.upos);
    w.Put<uint8_t>(c.xpos);
  }
  w.PutArray(dict_);
  weights_.Save(w);
  w.Put<uint8_t>(refine_.num_features() > 0 ? 1 : 0);
  if (refine_.num_features() > 0) refine_.Save(w);
}

bool Tagger::Load(ByteReader& r, Tagger* out) {
  Tagger t;
  const uint32_t n = r.Get<uint32_t>();
  if (n == 0 || n > kMaxTagClasses) return false;
  for (uint32_t i = 0; i < n; ++i) {
    const uint8_t u = r.Get<uint8_t>();
    const uint8_t x = r.Get<uint8_t>();
    if (u >= UposNames().size() || x >= XposNames().size()) return false;
    t.classes_.push_back({u, x});
  }
  t.dict_ = r.GetArray<DictEntry>(kMaxDict);
  if (!r.ok() || !WeightTable::Load(r, &t.weights_) || t.weights_.num_classes() != n) return false;
  const uint8_t refine = r.Get<uint8_t>();
  if (refine > 1 ||
      (refine == 1 && (!WeightTable::Load(r, &t.refine_) || t.refine_.num_classes() != n))) {
    return false;
  }
  for (size_t i = 0; i < t.dict_.size(); ++i) {
    if ((t.dict_[i].cls >= n && t.dict_[i].cls != kNoDictClass) ||
        (i > 0 && t.dict_[i - 1].form >= t.dict_[i].form))
      return false;
  }
  t.IndexBuckets();
  *out = std::move(t);
  return true;
}

size_t Tagger::bytes() const {
  return weights_.bytes() + refine_.bytes() + dict_.size_bytes() + classes_.size() * sizeof(Class);
}

}  // namespace annals::syntax
