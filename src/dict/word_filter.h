// Internal: sets of words as bits of their hashes, for the questions the
// coder asks of nearly every token ("can this word start a name?", "is it
// any pattern's trigger?", "does the sentence hold this pattern's words?")
// and to which the answer is nearly always no. The bits fit in the CPU's
// nearest caches, where the hash tables with the real answers do not: a
// "no" is then certain and costs one hash, and only a "maybe" goes on to
// the table. Two bits per word.
#ifndef ANNALS_DICT_WORD_FILTER_H_
#define ANNALS_DICT_WORD_FILTER_H_

#include <xxhash.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annals::dict {

inline uint64_t WordHash(std::string_view word) { return XXH3_64bits(word.data(), word.size()); }

template <size_t kBits>
class WordFilter {
  static_assert(kBits >= 64 && (kBits & (kBits - 1)) == 0 && kBits <= (size_t{1} << 32));

 public:
  void Clear() { bits_.fill(0); }
  void Add(std::string_view word) { Set(WordHash(word)); }
  void Set(uint64_t hash) {
    for (uint64_t b : {hash & kMask, (hash >> 32) & kMask})
      bits_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  bool MayContain(uint64_t hash) const {
    for (uint64_t b : {hash & kMask, (hash >> 32) & kMask}) {
      if (!(bits_[b >> 6] >> (b & 63) & 1)) return false;
    }
    return true;
  }
  bool MayContain(std::string_view word) const { return MayContain(WordHash(word)); }

 private:
  static constexpr uint64_t kMask = kBits - 1;
  std::array<uint64_t, kBits / 64> bits_{};
};

// A sentence's words: a 40-word sentence (80 entries, as written and
// lower-cased) gives a false "maybe" for about one absent word in 2,500.
using SentenceWords = WordFilter<4096>;
// A dictionary's words (first words of names, pattern triggers): 8 KB;
// with 10,000 words about one absent word in 60 gets a "maybe".
using DictionaryWords = WordFilter<65536>;

}  // namespace annals::dict

#endif  // ANNALS_DICT_WORD_FILTER_H_
