// Internal: readers for the dictionaries of TABARI and PETRARCH (the field's
// earlier coders), so users can bring their own: actors (with synonyms and
// date-restricted codes), agents (with plurals and "!MACRO!" substitutions),
// discards, and verbs (with forms, synsets and patterns). Every entry keeps
// its file and line, and a line annals cannot read fails the load with
// "FILE:LINE: reason".
//
// Words are upper case. In a phrase, '_' and ' ' both separate words; the
// last word of an actor or agent phrase matches any word it begins ("BULGAR"
// matches "BULGARIAN") unless the phrase ends in '_' ("ARNOR_").
//
// Tested by tabari_dictionary_test.cc.
#ifndef ANNALS_COMPAT_TABARI_DICTIONARY_H_
#define ANNALS_COMPAT_TABARI_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "annals/status.h"

namespace annals::compat {

struct Phrase {
  std::vector<std::string> words;
  bool stem = true;  // the last word may be followed by more letters
  // Per word: written after a space rather than '_', so that in an actor's
  // name a word or two may come between ("ITHILEN TELEVISION" matches
  // "Ithilen state-run television"); '_' ties words together.
  std::vector<bool> loose;
};

struct DatedCode {
  std::string code;
  int from = 0, to = 0;  // yyyymmdd; 0 = open
};

struct TabariActor {
  std::vector<Phrase> names;
  std::vector<DatedCode> codes;
  uint32_t line = 0;
  // The code in force on `date` (yyyymmdd), or empty.
  std::string CodeOn(int date) const;
};

struct TabariAgent {
  std::vector<Phrase> names;  // with plurals
  std::string code;           // "GOV", "OPP"
  bool before = false;        // "[NGO~]": the agent's code goes before the actor's
  uint32_t line = 0;
};

// One element of a verb pattern.
struct PatternElement {
  enum Kind : uint8_t { kWord, kSynset, kTarget, kSource, kCompound, kSkip };
  Kind kind = kWord;
  std::string word;     // kWord: the word; kSynset: the synset name
  bool joined = false;  // '_' ties it to the next element: no words between
};

struct VerbPattern {
  std::vector<PatternElement> before, after;  // around the verb's '*'
  bool after_joined = false;  // "*_OUT": the first element after is tied to the verb
  std::string code;           // "" for "[---]"
  uint32_t line = 0;
};

struct TabariVerb {
  std::vector<Phrase> forms;  // the verb and its forms, multi-word for phrasal verbs
  std::string code;           // when no pattern matches; "" for "[---]"
  std::vector<VerbPattern> patterns;
  uint32_t line = 0;
};

class TabariDictionary {
 public:
  // Lenient: a line that cannot be read is skipped and listed in warnings()
  // instead of failing the load, for old dictionaries with a few bad lines
  // (the 2014 Phoenix ones have some).
  void set_lenient(bool lenient) { lenient_ = lenient; }
  const std::vector<std::string>& warnings() const { return warnings_; }

  Status LoadActors(const std::string& path);
  Status LoadAgents(const std::string& path);
  Status LoadDiscards(const std::string& path);
  Status LoadVerbs(const std::string& path);

  const std::vector<TabariActor>& actors() const { return actors_; }
  const std::vector<TabariAgent>& agents() const { return agents_; }
  const std::vector<TabariVerb>& verbs() const { return verbs_; }
  // Sentence-level discards, and story-level ones ("+" lines).
  const std::vector<Phrase>& discards() const { return discards_; }
  const std::vector<Phrase>& story_discards() const { return story_discards_; }
  // Synset members (each a word sequence), by name ("&CURRENCY").
  const std::vector<std::vector<std::string>>* Synset(const std::string& name) const;
  const std::string& actor_file() const { return actor_file_; }
  const std::string& verb_file() const { return verb_file_; }

 private:
  std::vector<TabariActor> actors_;
  std::vector<TabariAgent> agents_;
  std::vector<TabariVerb> verbs_;
  std::vector<Phrase> discards_, story_discards_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> synsets_;
  std::string actor_file_, verb_file_;
  bool lenient_ = false;
  std::vector<std::string> warnings_;
};

// "ARNOR_" -> {ARNOR}, exact; "CARAS GALADHON" -> {CARAS, GALADHON}, stem.
Phrase ParsePhrase(std::string_view text);

}  // namespace annals::compat

#endif  // ANNALS_COMPAT_TABARI_DICTIONARY_H_
