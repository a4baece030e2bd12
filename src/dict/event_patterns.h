// Internal: the event patterns of data/dict/verbs/ ("042 | verb | travel to +"):
// which words express which CAMEO event, and where its target is. Format:
// docs/dictionaries.md; the matching itself is the coder's (coding/).
// Tested by event_patterns_test.cc.
#ifndef ANNALS_DICT_EVENT_PATTERNS_H_
#define ANNALS_DICT_EVENT_PATTERNS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/status.h"
#include "dict/fields.h"
#include "dict/word_filter.h"

namespace annals::dict {

class Ontology;

struct PatternItem {
  enum Kind : uint8_t { kWords, kTarget, kSource };
  Kind kind = kWords;
  // kWords: the alternatives, each one or more lower-case words (a single
  // word unless it came from a set such as "&aid = aid; food aid").
  std::vector<std::vector<std::string>> alternatives;
};

struct EventPattern {
  std::string code;                // CAMEO code
  bool noun = false;               // a nominal event ("invasion of +")
  std::vector<PatternItem> items;  // after the trigger
  std::string text;                // the pattern as written, for evidence
  std::string file;                // relative to the data directory
  uint32_t line = 0;
  int specificity = 0;  // words after the trigger; ties go to the earlier line
};

class EventPatterns {
 public:
  // Loads every *.txt in `dir` (data/dict/verbs), in name order. With an
  // ontology, every code must be one of its CAMEO codes.
  Status LoadDirectory(const std::string& dir, const Ontology* ontology);
  Status LoadFile(const std::string& path, const std::string& rel, const Ontology* ontology);

  // Patterns whose trigger is `word` (a lemma or lower-cased form).
  const std::vector<uint32_t>* ForTrigger(std::string_view word, bool noun) const;
  const EventPattern& pattern(uint32_t id) const { return patterns_[id]; }
  size_t size() const { return patterns_.size(); }
  int specificity(uint32_t id) const { return specificity_[id]; }
  // False when the sentence lacks every alternative of one of the
  // pattern's word items (their first words); true means "match it". A
  // pattern naming a word the sentence lacks is then dropped without
  // touching its strings, which profiles showed were the coder's largest
  // cost (cache misses, for every pattern of every verb).
  bool MayMatch(uint32_t id, const SentenceWords& sentence) const;

 private:
  void Add(EventPattern p);

  std::vector<EventPattern> patterns_;
  // The patterns' specificity and first words, flat: pattern i's items are
  // groups [item_begin_[i], item_begin_[i + 1]), group g's hashes are
  // word_hashes_[word_begin_[g], word_begin_[g + 1]).
  std::vector<int> specificity_;
  std::vector<uint32_t> item_begin_{0};
  std::vector<uint32_t> word_begin_{0};
  std::vector<uint64_t> word_hashes_;
  std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>> verbs_,
      nouns_;
  DictionaryWords triggers_;  // the keys of both
};

}  // namespace annals::dict

#endif  // ANNALS_DICT_EVENT_PATTERNS_H_
