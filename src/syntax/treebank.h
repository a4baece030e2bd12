// Sentences with gold annotation, as training and evaluation use them:
// tag and relation ids from tagset.h, heads 1-based with 0 for the root.
#ifndef ANNALS_SYNTAX_TREEBANK_H_
#define ANNALS_SYNTAX_TREEBANK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "syntax/conllu.h"

namespace annals::syntax {

struct GoldSentence {
  std::vector<std::string> forms;
  std::vector<std::string> lemmas;
  std::vector<uint8_t> upos, xpos, deprel;
  std::vector<int> heads;
  size_t size() const { return forms.size(); }
};

// False with *error when a tag or relation is not in the tables or a head
// is missing: training data must be complete.
bool ToGold(const ConlluSentence& in, GoldSentence* out, std::string* error);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_TREEBANK_H_
