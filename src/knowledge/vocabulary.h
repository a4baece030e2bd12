// Internal: the words any knowledge list mentions, numbered, so that each
// token of a document is looked up once (two hash probes: its lower-case
// form and its lemma) and every rule after that compares numbers. Tone,
// framing, themes and reporting verbs together would otherwise hash each
// token six times.
#ifndef ANNALS_KNOWLEDGE_VOCABULARY_H_
#define ANNALS_KNOWLEDGE_VOCABULARY_H_

#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annals::knowledge {

inline constexpr uint32_t kNoWord = UINT32_MAX;

// Open addressing over 64-bit hashes behind a bit filter: most tokens are
// in no list, and a miss here usually costs one bit test, where a
// node-based map chased a pointer per lookup.
class Vocabulary {
 public:
  uint32_t Intern(std::string_view word) {
    if (const uint32_t id = Find(word); id != kNoWord) return id;
    if ((words_.size() + 1) * 2 > slots_.size()) Grow();
    const auto id = static_cast<uint32_t>(words_.size());
    words_.emplace_back(word);
    Place(XXH3_64bits(word.data(), word.size()), id);
    return id;
  }
  uint32_t Find(std::string_view word) const {
    if (slots_.empty()) return kNoWord;
    const uint64_t h = XXH3_64bits(word.data(), word.size());
    // Most tokens are in no list: an 8 KB bit filter (in L1 cache) turns
    // nearly all of them away before the table is touched.
    const uint32_t bit = static_cast<uint32_t>(h >> 48);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return kNoWord;
    const size_t mask = slots_.size() - 1;
    const auto tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == kNoWord) return kNoWord;
      if (s.tag == tag && words_[s.id] == word) return s.id;
    }
  }
  uint32_t size() const { return static_cast<uint32_t>(words_.size()); }

 private:
  struct Slot {        // 8 bytes: the table stays in cache
    uint32_t tag = 0;  // high half of the hash
    uint32_t id = kNoWord;
  };
  void Place(uint64_t h, uint32_t id) {
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].id != kNoWord) i = (i + 1) & mask;
    slots_[i] = {static_cast<uint32_t>(h >> 32), id};
    const uint32_t bit = static_cast<uint32_t>(h >> 48);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  void Grow() {
    slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, Slot{});
    for (uint32_t id = 0; id < words_.size(); ++id)
      Place(XXH3_64bits(words_[id].data(), words_[id].size()), id);
  }
  std::vector<Slot> slots_;
  std::vector<std::string> words_;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1024);  // 65,536 bits
};

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_VOCABULARY_H_
