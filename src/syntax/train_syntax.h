// Training the syntax model from a UD treebank: one call, deterministic
// for a given seed and data, used by `annals train-syntax`.
#ifndef ANNALS_SYNTAX_TRAIN_SYNTAX_H_
#define ANNALS_SYNTAX_TRAIN_SYNTAX_H_

#include <cstdint>
#include <ostream>
#include <string>

#include "annals/status.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/wordnet_forms.h"

namespace annals::syntax {

struct TrainSyntaxOptions {
  std::string train_path;  // CoNLL-U
  std::string dev_path;    // CoNLL-U; scored after training, never trained on
  // The parser trains on tags from taggers that did not see the sentence
  // (k-fold jackknifing), so it learns to live with tagging mistakes.
  int folds = 5;
  uint64_t seed = 1;
  Tagger::Options tagger;
  Parser::Options parser;
  size_t max_sentences = 0;  // 0 = all; tests train on a few
  // WordNet's files (Debian: wordnet-base), for the tagger's lexicon of
  // what unseen words can be; empty: train without.
  std::string wordnet_dir = kDefaultWordNetDir;
};

// Returns the model file's bytes; progress and the dev scores go to `log`.
StatusOr<std::string> TrainSyntaxModel(const TrainSyntaxOptions& options, std::ostream& log);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_TRAIN_SYNTAX_H_
