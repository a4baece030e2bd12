// Internal: counts in news text, "over 32,000 Palestinian civilians" killed:
// the number (numbers.h), what is counted, the type the parse gives it, and
// the place the count is about.
//
// A number is a count when it counts a noun ("14 bodies"), is money, a
// percentage, a fraction or a vague quantity, or stands for an elided noun
// with a typing verb ("twelve were wounded"). Years, dates, clock times,
// durations and ages, ordinals and labels ("Route 90", "Resolution 2728")
// are not counts.
//
// Typing, strongest first: the verb the counted noun depends on ("20 people
// were killed"), the counted noun ("130 captives"), its modifiers
// ("displaced civilians"); an elided number takes the type and object of the
// count before it in the sentence ("9 million Sudanese, a figure that could
// reach 10 million"). Cue words are in data/knowledge/count-types.txt.
//
// Tested by counts_test.cc.
#ifndef ANNALS_KNOWLEDGE_COUNTS_H_
#define ANNALS_KNOWLEDGE_COUNTS_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"
#include "dict/fields.h"
#include "knowledge/numbers.h"

namespace annals::knowledge {

// How a cue word stands to the counted noun; see count-types.txt.
enum class CueRole : uint8_t {
  kVerb,
  kSubject,
  kDeparture,
  kNoun,
  kPlainNoun,
  kModifier,
  kFrom,
  kPlace,
};

struct CountCue {
  uint8_t type = 0;  // index into CountLexicon::types
  CueRole role = CueRole::kVerb;
  uint32_t line = 0;
};

struct CountLexicon {
  std::string file;                // evidence path, relative to the data dir
  std::vector<std::string> types;  // "killed", ...
  // Cues by lower-case word; a word may cue several roles.
  std::unordered_map<std::string, std::vector<CountCue>, dict::StringHash, std::equal_to<>> cues;
  // Unit of a counted noun, by lower-case word and lemma: "people", "families".
  std::unordered_map<std::string, std::string, dict::StringHash, std::equal_to<>> units;
  NumberWords numbers;
};

// Loads data/knowledge/count-types.txt (your data file); any bad line fails with
// "FILE:LINE: reason" (ErrorCode::kBadDictionary).
StatusOr<std::shared_ptr<const CountLexicon>> LoadCountLexicon(const std::string& path);

// Appends the counts of every sentence of `doc` to doc.counts, in text order. Needs tokens,
// sentences and the parse (syntax.v1); uses doc.places when present (places.v1) to set
// Count::place (a place in the same clause/sentence the count is about: "in Rafah").
void FindCounts(const CountLexicon& lexicon, Document& doc);

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_COUNTS_H_
