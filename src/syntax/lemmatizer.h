// Lemmatiser: the dictionary form of a word given its tags ("went"/VBD ->
// "go", "stopped"/VBD -> "stop", "The"/DT -> "the").
//
// Two tables, both learned from a treebank's gold lemmas, no hand-written
// word lists:
//  - suffix rules for any word: (XPOS, last 0-5 bytes lower-cased) -> edit
//    "take the form as is / lower-cased / with a capital first letter, strip
//    N bytes, append S". The longest suffix that has a rule wins; the whole
//    word is never a suffix. Rules count word types, not tokens, so that a
//    few frequent words do not outvote the many rare ones the rules are for.
//    A rule needs two types and a strict majority, and is left out when the
//    rule it would override (a shorter suffix) does as well on its words;
//  - exceptions for seen words the rules get wrong on the training tokens:
//    (lower-cased form, UPOS, XPOS) -> the most frequent lemma, kept only
//    when it beats the rules. These are the irregulars (went, children,
//    n't, wo, 's) and conventions no suffix shows (an -> a, i -> I,
//    curly quotes -> straight ones).
// Case follows the data: each rule learns its case step, so EWT's proper
// nouns keep their case, common words are lower-cased, and punctuation,
// symbols and numbers come out as written (EWT: -LRB- "(" has lemma "(").
//
// On EWT (train -> dev, gold tags): 98.8% of lemmas right, ~1,800 entries,
// about 0.2 s to train. Run time: one hash probe for the exception, then at
// most six for rules; no allocation once the output buffer has grown.
// Tested by lemmatizer_test.cc.
#ifndef ANNALS_SYNTAX_LEMMATIZER_H_
#define ANNALS_SYNTAX_LEMMATIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/binary_io.h"
#include "syntax/conllu.h"

namespace annals::syntax {

// Immutable once built; Lemmatize is safe to call from many threads.
class Lemmatizer {
 public:
  // Learns rules and exceptions from the FORM, UPOS, XPOS and LEMMA columns.
  // Words with a tag outside tagset.h, an empty column or more than 1024
  // bytes are skipped; a lemma "_" is learned as written (EWT gives it to
  // the later parts of a word split in two, tagged GW or ADD). The result
  // depends only on the sentences (no hashing order, no randomness).
  static Lemmatizer Train(const std::vector<ConlluSentence>& sentences);

  // The model section: a magic number with the format version, then the
  // exceptions and rules. Load treats the bytes as untrusted: false on any
  // malformed or truncated input, with *out unchanged.
  void Save(ByteWriter& w) const;
  static bool Load(ByteReader& r, Lemmatizer* out);

  // Writes the lemma of `form` (UTF-8; case folding is ASCII only) into
  // *out, replacing its contents. upos/xpos are ids from tagset.h. A word
  // no rule covers is its own lemma. `form` must not point into *out.
  void Lemmatize(std::string_view form, uint8_t upos, uint8_t xpos, std::string* out) const;

  size_t exception_count() const { return exceptions_.size(); }
  size_t rule_count() const { return rules_.size(); }

  // How the form is cased before a rule's strip-and-append.
  enum class CaseStep : uint8_t {
    kKeep = 0,        // as written (proper nouns, "I")
    kLower = 1,       // ASCII lower case (common words)
    kUpperFirst = 2,  // first byte upper-cased ("kerala"/NNP -> "Kerala")
  };

  // Plain descriptions, what Train produces and Save writes.
  struct ExceptionSpec {
    std::string form;  // lower-cased
    uint8_t upos = 0, xpos = 0;
    std::string lemma;
  };
  struct RuleSpec {
    uint8_t xpos = 0;
    std::string suffix;  // lower-cased, at most kMaxSuffix bytes
    CaseStep step = CaseStep::kKeep;
    uint8_t strip = 0;  // bytes, at most suffix.size()
    std::string append;
  };
  static constexpr size_t kMaxSuffix = 5;

 private:
  struct Exception {
    uint64_t hash;
    uint32_t form_off, lemma_off;  // into pool_
    uint16_t form_len, lemma_len;
    uint8_t upos, xpos;
  };
  struct Rule {
    uint64_t key;  // RuleKey(xpos, suffix): exact, no string to compare
    uint32_t append_off;
    uint16_t append_len;
    CaseStep step;
    uint8_t strip;
  };

  // False when a spec is out of range or a key repeats.
  bool Build(const std::vector<ExceptionSpec>& exceptions, const std::vector<RuleSpec>& rules);
  bool IsException(const Exception& e, uint64_t hash, std::string_view lower, uint8_t upos,
                   uint8_t xpos) const;
  const Exception* FindException(std::string_view lower, uint8_t upos, uint8_t xpos) const;
  const Rule* FindRule(uint64_t key) const;

  std::string pool_;  // exception forms and lemmas, rule appends
  std::vector<Exception> exceptions_;
  std::vector<Rule> rules_;
  // Open addressing, linear probing, power-of-two sizes, at least half
  // empty; entry index + 1, 0 for an empty slot. One empty slot to start
  // with, so that a default-constructed Lemmatizer is usable.
  std::vector<uint32_t> exception_slots_ = std::vector<uint32_t>(1);
  std::vector<uint32_t> rule_slots_ = std::vector<uint32_t>(1);
};

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_LEMMATIZER_H_
