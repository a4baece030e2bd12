// Internal: a coder with TABARI's shallow semantics, for the field's own
// dictionaries and validation suites: actors and agents are found as word
// sequences, a verb's patterns are matched on the words around it (before
// and after its '*', '_' ties words together, '&' names a synset, '+' and
// '$' place the target and source, '%' a compound), the source is the actor
// before the verb in its clause and the target the first one after the
// pattern. No parse is used, as in TABARI.
// Tested by tabari_coder_test.cc and `annals validate` (docs/compat.md).
#ifndef ANNALS_COMPAT_TABARI_CODER_H_
#define ANNALS_COMPAT_TABARI_CODER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "compat/tabari_dictionary.h"

namespace annals::compat {

struct TabariEvent {
  std::string source, target, code;  // target "---" when there is none
  uint32_t verb_line = 0;            // the verb block in the verbs file
  uint32_t pattern_line = 0;         // the pattern that fired; 0 for the verb's own code
  // Where in the words: [begin, end) of source, target (empty: none) and verb.
  size_t source_begin = 0, source_end = 0, target_begin = 0, target_end = 0, verb = 0;
  uint32_t source_line = 0, target_line = 0;        // their lines in the actors or agents file
  bool source_agent = false, target_agent = false;  // ... which is the agents file
};

class TabariCoder {
 public:
  explicit TabariCoder(const TabariDictionary& dict);
  // Codes one sentence given as upper-case words (punctuation as words,
  // "'S" and "N'T" split off), on a date (yyyymmdd).
  std::vector<TabariEvent> Code(const std::vector<std::string>& words, int date) const;

 private:
  struct Unit;
  struct Group;
  struct Slots;
  std::vector<Unit> FindUnits(const std::vector<std::string>& w, int date) const;
  std::vector<Group> MakeGroups(const std::vector<std::string>& w, std::vector<Unit> units) const;
  bool MatchPattern(const std::vector<std::string>& w, const std::vector<Group>& groups, size_t vb,
                    size_t ve, const VerbPattern& p, Slots* slots) const;
  bool MatchWords(const std::vector<std::string>& w, size_t at, const PatternElement& e,
                  size_t* len) const;
  bool IsVerbWord(const std::string& word) const;

  const TabariDictionary& dict_;
  // Phrases by the first three letters of their first word.
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> actor_index_,
      agent_index_, verb_index_;
};

// Splits text into the upper-case words the coder reads.
std::vector<std::string> TabariWords(std::string_view text);

}  // namespace annals::compat

#endif  // ANNALS_COMPAT_TABARI_CODER_H_
