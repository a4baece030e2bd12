// Internal (not part of the public API): abbreviations that keep their
// period, and the words that typically begin a sentence.
//
// The tokenizer uses LookupAbbreviation to decide whether "Gen." is one
// token; the segmenter uses the kind to decide whether that period can also
// end the sentence. Tested by abbreviations_test.cc and segment_test.cc.
#ifndef ANNALS_TEXT_ABBREVIATIONS_H_
#define ANNALS_TEXT_ABBREVIATIONS_H_

#include <cstdint>
#include <string_view>

namespace annals::internal {

enum class AbbrevKind : uint8_t {
  kNone,               // not a known abbreviation
  kTitle,              // comes before a name: Mr. Gen. Dr.; ends a sentence
                       // only before IsClosedClassStarter ("Hun Sen. The")
  kNeverEnds,          // comes before something: e.g. vs. Fig.
  kMayEnd,             // ends a sentence only before a sentence-starting word
                       // (IsSentenceStarter): U.S. Inc. Jan. No. St.
  kEndsBeforeCapital,  // ends a sentence before any capitalised word: etc.
  kClockTime,          // a.m. p.m.: like kEndsBeforeCapital, but not before
                       // IsTimeQualifier ("10 a.m. Monday")
};

// Kind of the abbreviation whose text without its final period is `stem`
// ("Gen", "U.S", "e.g"). Matches the listed spelling, or its all-capitals
// form for the entries seen that way in datelines ("GEN", "ST"; not "FT").
AbbrevKind LookupAbbreviation(std::string_view stem);

// True for capitalised function words that usually start a sentence
// ("The", "But", "He"), as opposed to names ("State", "Bush").
bool IsSentenceStarter(std::string_view word);

// True for the few sentence starters that are never part of a name ("The",
// "He", "But"): even a title may end a sentence before them.
bool IsClosedClassStarter(std::string_view word);

// True for a weekday, month (maybe abbreviated, with its period) or time
// zone ("EDT"): words that follow a clock time in the same sentence.
bool IsTimeQualifier(std::string_view word);

}  // namespace annals::internal

#endif  // ANNALS_TEXT_ABBREVIATIONS_H_
