// Internal: word lists matched on a document's tokens: framing terms,
// theme cues, reporting verbs. An entry is one or more words separated by
// spaces; a word ending in '*' matches any word it begins ("martyr*").
// A word matches a token's lower-case surface or its lemma, so "aid truck"
// finds "aid trucks".
#ifndef ANNALS_KNOWLEDGE_PHRASE_LIST_H_
#define ANNALS_KNOWLEDGE_PHRASE_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/fields.h"
#include "knowledge/words.h"

namespace annals::knowledge {

class PhraseList {
 public:
  // `id` is what a match returns; false for an empty phrase. The first
  // word goes into `vocab`.
  bool Add(std::string_view phrase, uint32_t id, Vocabulary* vocab);
  // The longest entries starting at token t and ending before `end`: their
  // length in tokens (0 when none) and the ids of every entry of that
  // length (a cue listed under two themes counts for both). `ids` is
  // cleared first.
  uint32_t MatchAllAt(const Words& words, uint32_t t, uint32_t end,
                      std::vector<uint32_t>* ids) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::vector<std::string> words;  // lower case; a trailing '*' is a prefix
    uint32_t id;
  };
  static bool WordMatches(std::string_view pattern, const Words& words, uint32_t t);
  std::vector<Entry> entries_;
  // Entries by their first word's vocabulary id; entries whose first word
  // is a prefix are kept apart and tried at every token (there are few).
  std::vector<std::vector<uint32_t>> by_first_;
  // Prefix entries by their first two bytes, hashed into few buckets, so a
  // token meets only the prefixes that can match it.
  static size_t PrefixBucket(std::string_view w) {
    return (static_cast<uint8_t>(w[0]) * 31u + (w.size() > 1 ? static_cast<uint8_t>(w[1]) : 0u)) &
           1023u;
  }
  std::vector<std::vector<uint32_t>> prefixed_ = std::vector<std::vector<uint32_t>>(1024);
  uint64_t prefix_used_[16] = {};  // which of the 1024 buckets hold anything
  // Whether a vocabulary id starts an entry, one byte each: most tokens
  // start none, and this array stays in cache where by_first_ would not.
  std::vector<uint8_t> starts_;
};

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_PHRASE_LIST_H_
