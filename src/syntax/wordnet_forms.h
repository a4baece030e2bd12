// What WordNet says a word form can be: noun, proper noun, plural, verb
// forms, adjective degrees, adverb, as a bit set per lower-cased form; and
// the coarse class of what it usually means (noun.time, noun.person,
// verb.communication ...), for the parser.
//
// The tagger meets words it never saw in training (a third of its mistakes
// on the dev set); whether "reupholstered" can be a past participle is
// exactly what it lacks. The forms are generated at training time from the
// WordNet files Debian installs (package wordnet-base) and kept in the
// model as hashed forms, so tagging needs no WordNet.
#ifndef ANNALS_SYNTAX_WORDNET_FORMS_H_
#define ANNALS_SYNTAX_WORDNET_FORMS_H_

#include <cstdint>
#include <string>
#include <unordered_map>

namespace annals::syntax {

enum WordNetBit : uint16_t {
  kWnNoun = 1 << 0,     // a common noun lemma
  kWnProper = 1 << 1,   // a noun lemma WordNet capitalises
  kWnPlural = 1 << 2,   // a noun's plural
  kWnVerb = 1 << 3,     // a verb's base form
  kWnVerbS = 1 << 4,    // third person singular
  kWnVerbEd = 1 << 5,   // past tense or participle
  kWnVerbIng = 1 << 6,  // present participle
  kWnAdj = 1 << 7,      // an adjective
  kWnComparative = 1 << 8,
  kWnSuperlative = 1 << 9,
  kWnAdverb = 1 << 10,
  // The part of speech the lemma's senses were tagged with most often in
  // WordNet's sense-tagged corpus (cntlist.rev): 1 noun, 2 verb, 3
  // adjective or adverb; shifted by kWnUsualShift.
  kWnUsualShift = 11,
};

// Above those bits: the lexicographer file (WordNet's coarse sense class)
// of the lemma's most frequent noun sense, 1-26 for noun.Tops ... noun.time
// (0: none), and that of its most frequent verb sense in kWnVerbGroups
// groups (0: none). "monday" is noun.time, "say" verb.communication: what
// a relation like obl:tmod or ccomp needs and the words' tags lack.
inline constexpr uint32_t kWnNounSenseShift = 16;
inline constexpr uint32_t kWnVerbSenseShift = 21;
inline constexpr uint32_t kWnNounSenses = 27;  // with none
inline constexpr uint32_t kWnVerbGroups = 9;   // with none
inline uint32_t NounSense(uint32_t bits) { return (bits >> kWnNounSenseShift) & 31; }
inline uint32_t VerbSense(uint32_t bits) { return (bits >> kWnVerbSenseShift) & 15; }

using WordNetForms = std::unordered_map<uint64_t, uint32_t>;

// Hash of the lower-cased form (HashString) -> bits. Reads data.* and the
// *.exc exception lists in `dir`, and index.noun and index.verb for the
// senses when there; false with `error` when a file is missing or
// unreadable.
bool ReadWordNetForms(const std::string& dir, WordNetForms* out, std::string* error);

// The default place Debian puts the files.
inline constexpr char kDefaultWordNetDir[] = "/usr/share/wordnet";

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_WORDNET_FORMS_H_
