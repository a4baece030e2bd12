// Feature keys for the linear models: each feature is a 64-bit hash of a
// template number and the values it combines ("word of s0" + "tag of b0").
//
// Hashing instead of string keys keeps feature extraction allocation free;
// with 64-bit keys, collisions among the few million features a model has
// are too rare to matter.
#ifndef ANNALS_SYNTAX_FEATURES_H_
#define ANNALS_SYNTAX_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::syntax {

// splitmix64's finaliser: cheap and spreads every input bit.
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

// One mix per key, however many parts: each part is spread by its own
// odd multiplier first, so that parts trade places or cancel only by
// chance. A parse builds a few hundred keys per word; mixing after every
// part (as model format 4 did) took a tenth of the parse's time.
inline constexpr uint64_t kPartA = 0x9e3779b97f4a7c15ULL;
inline constexpr uint64_t kPartB = 0x97b1165f0971b7c5ULL;
inline constexpr uint64_t kPartC = 0xd13c513a42f8eda1ULL;
inline uint64_t Key(uint32_t templ, uint64_t a) { return Mix(a * kPartA + templ); }
inline uint64_t Key(uint32_t templ, uint64_t a, uint64_t b) {
  return Mix((a * kPartA + templ) ^ b * kPartB);
}
inline uint64_t Key(uint32_t templ, uint64_t a, uint64_t b, uint64_t c) {
  return Mix((a * kPartA + templ) ^ b * kPartB ^ c * kPartC);
}

uint64_t HashString(std::string_view s);

// What the tagger and parser know about one word, hashed once per sentence.
struct WordHashes {
  uint64_t lower = 0;       // lower-cased form, digits kept
  uint64_t form = 0;        // exact form
  uint64_t shape = 0;       // "Xxx", "dd,ddd", "X.X." (runs collapsed)
  uint64_t suffix[4] = {};  // last 1..4 bytes of the lower-cased form
  uint64_t prefix[3] = {};  // first 1..3 bytes
};

// Lower-cases ASCII letters (other bytes are kept: the models see UTF-8
// bytes, and non-ASCII words are rare in English news).
void LowerAscii(std::string_view in, std::string* out);

WordHashes HashWord(std::string_view form, std::string* buffer);

// Feature keys collected for one decision.
using FeatureList = std::vector<uint64_t>;

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_FEATURES_H_
