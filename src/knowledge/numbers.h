// Internal: number expressions in a tokenised, tagged sentence ("more than
// 1.4 million", "Between 10 and 15", "$1.5 billion", "about 85%", "Dozens",
// "Two-thirds", "twelve"), read into a value, a range, a qualifier and a form.
//
// The English number grammar (spelled numbers, scale words, vague plurals,
// fractions, percent words) is closed-class and lives in numbers.cc; the
// qualifier phrases and currencies come from data/knowledge/count-types.txt
// through NumberWords, so that a reviewer can extend them without code.
//
// Nothing here decides whether a number is a count: counts.cc drops years,
// clock times, durations and labels ("Route 90") using the flags set here.
//
// Tested by numbers_test.cc.
#ifndef ANNALS_KNOWLEDGE_NUMBERS_H_
#define ANNALS_KNOWLEDGE_NUMBERS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/document.h"
#include "dict/fields.h"

namespace annals::knowledge {

struct NumberWords {
  struct Qualifier {
    std::vector<std::string> words;  // lower case, "more", "than"
    CountQualifier qualifier = CountQualifier::kExact;
    uint32_t line = 0;
  };
  // Longest phrase first, so that "no more than" wins over "more than".
  std::vector<Qualifier> qualifiers;

  struct Currency {
    std::string code;  // ISO 4217
    uint32_t line = 0;
  };
  // Written before the number ("$", "US$", "usd"), after it ("dollars"),
  // keyed in lower case.
  std::unordered_map<std::string, Currency, dict::StringHash, std::equal_to<>> before, after;
};

enum class NumberForm : uint8_t {
  kCount,     // 32,000  twelve  1.4 million
  kVague,     // dozens  hundreds  tens of thousands
  kFraction,  // a third  two-thirds  half
  kPercent,   // 85%  85 percent  30 per cent
  kMoney,     // $1.5 billion  200 euros
};

struct NumberExpr {
  IndexRange tokens;   // the whole expression, qualifier and currency words included
  uint32_t first = 0;  // first token of the number proper (after qualifier and currency)
  uint32_t last = 0;   // last token of the number proper, before "%" or "dollars"
  double value = 0;
  double value_max = 0;
  CountQualifier qualifier = CountQualifier::kExact;
  NumberForm form = NumberForm::kCount;
  const NumberWords::Currency* currency = nullptr;  // set for kMoney
  uint32_t qualifier_line = 0;                      // data line of the qualifier phrase, 0 = none
  bool digits = false;                              // written with digits
  bool scaled = false;                              // has a scale word ("million", "bn")
  bool clock = false;                               // 9:30, or digits followed by "a.m."
  bool partitive = false;                           // followed by "of" ("Dozens of people")
};

// Parses the expression whose number starts at document token `i`, inside
// sentence `s`; also claims the qualifier words and currency sign before it.
// False when token `i` does not start a number. `out->tokens.end` is where
// the caller resumes scanning.
bool ParseNumber(const Document& doc, const Sentence& s, uint32_t i, const NumberWords& words,
                 NumberExpr* out);

// Whether lower-case `word` can start a number: a spelled cardinal ("seven"), a vague
// plural ("dozens"), "half", "several", "few".
bool IsNumberWord(std::string_view word);
// Whether lower-case `word` is a scale ("million", "dozen") or a fraction ("third").
bool IsScaleOrFraction(std::string_view word);

// Lower-cases ASCII `text` into `buf`; returns an empty view when it does not fit.
std::string_view LowerInto(std::string_view text, char* buf, size_t size);

}  // namespace annals::knowledge

#endif  // ANNALS_KNOWLEDGE_NUMBERS_H_
