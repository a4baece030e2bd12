// Internal (not part of the public API): near-duplicate detection for
// syndicated copies of a story (the same wire story on many sites, with
// their own header, footer and byline, a sentence changed).
//
// MinHash over word 4-shingles: the text is cut into words (letters and
// digits, lower-cased; punctuation and white space ignored, so that
// re-punctuated and re-wrapped copies shingle the same), every run of 4
// words is hashed with XXH3, and the signature keeps, for each of 120 hash
// functions, the smallest value over the shingles. The share of equal
// positions in two signatures estimates the Jaccard similarity of their
// shingle sets (standard error at most 0.046). Two documents are near
// duplicates at an estimate of kDefaultThreshold or more.
//
// Why MinHash rather than SimHash: a copy's added boilerplate and changed
// sentence move a 64-bit SimHash by a distance that depends on the story's
// length, while the Jaccard estimate degrades smoothly and its threshold
// means the same for short and long stories (docs/ingest-archives.md has
// the measured figures).
//
// The index bands the 120 values into 60 bands of 2: a document is a
// candidate when one band matches exactly (probability 1 - (1 - J^2)^60:
// 0.9999 at J = 0.4, 0.006 at J = 0.01), so a lookup touches only the
// candidates, and each candidate is then checked on the whole signature.
//
// Tested by near_duplicates_test.cc and near_duplicates_corpus_test.cc.
#ifndef ANNALS_DEDUP_NEAR_DUPLICATES_H_
#define ANNALS_DEDUP_NEAR_DUPLICATES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace annals::dedup {

inline constexpr int kNumHashes = 120;
inline constexpr int kRowsPerBand = 2;
inline constexpr int kNumBands = kNumHashes / kRowsPerBand;
inline constexpr int kShingleWords = 4;
// Shorter texts are never linked: a headline-sized text shares too much
// with too many others for its estimate to mean anything.
inline constexpr size_t kMinWords = 25;
inline constexpr double kDefaultThreshold = 0.5;

struct Signature {
  std::array<uint32_t, kNumHashes> mins{};
  friend bool operator==(const Signature&, const Signature&) = default;
};

// The signature of `text`; false (and *out unchanged) when it has fewer
// than kMinWords words.
bool ComputeSignature(std::string_view text, Signature* out);

// The share of equal positions: an estimate of the Jaccard similarity.
double EstimateJaccard(const Signature& a, const Signature& b);

// 480 bytes, little-endian, for the store; Decode refuses other sizes.
std::string EncodeSignature(const Signature& sig);
bool DecodeSignature(std::string_view bytes, Signature* out);

// Documents by key (the store's rowid) with their signatures. Not thread
// safe; one per store.
class NearDuplicateIndex {
 public:
  explicit NearDuplicateIndex(double threshold = kDefaultThreshold) : threshold_(threshold) {}

  // The original of the earliest indexed document whose estimated
  // similarity with `sig` reaches the threshold (a copy's original, not
  // the copy: links form stars, never chains); -1 when there is none.
  int64_t FindOriginal(const Signature& sig) const;
  // Indexes document `key`; `original` is the key of the document it is a
  // copy of, -1 for an original.
  void Add(int64_t key, const Signature& sig, int64_t original);
  // Forgets `key` (a replaced document); its copies become originals.
  void Remove(int64_t key);
  // The signature indexed for `key`, nullptr when none is.
  const Signature* Find(int64_t key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second.sig;
  }
  size_t size() const { return entries_.size(); }

  // The key of band `band` (0 <= band < kNumBands) of `sig`: documents
  // that share one are candidates. Stable across runs (the PostgreSQL
  // store keeps them in a table).
  static uint64_t BandKey(const Signature& sig, int band);

 private:
  struct Entry {
    Signature sig;
    int64_t original = -1;
  };
  double threshold_;
  std::unordered_map<int64_t, Entry> entries_;
  std::unordered_map<uint64_t, std::vector<int64_t>> buckets_;  // band key -> keys
};

}  // namespace annals::dedup

#endif  // ANNALS_DEDUP_NEAR_DUPLICATES_H_
