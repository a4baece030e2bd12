// Scoring a syntax model against gold CoNLL-U, the way the CoNLL 2018
// shared task does on gold words: every word counts, punctuation included.
#ifndef ANNALS_SYNTAX_EVALUATE_H_
#define ANNALS_SYNTAX_EVALUATE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/syntax_model.h"

namespace annals::syntax {

struct SyntaxScores {
  size_t sentences = 0, words = 0;
  size_t upos = 0, xpos = 0, lemma = 0;
  size_t uas = 0;       // right head
  size_t las = 0;       // right head and full relation ("nsubj:pass")
  size_t las_base = 0;  // right head and universal relation ("nsubj"): CoNLL 2018 LAS
  double seconds = 0;   // tagging, parsing and lemmatising, not reading
};

// Fills the predicted columns of each sentence (UPOS, XPOS, LEMMA, HEAD,
// DEPREL) in place, keeping the words, and scores them against what the
// columns held before.
SyntaxScores AnalyseAndScore(const SyntaxModel& model, std::vector<ConlluSentence>* sentences);

// Replaces the predicted columns without scoring.
void Analyse(const SyntaxModel& model, ConlluSentence* sentence, AnalysisScratch& scratch,
             SentenceAnalysis* result);

// A small table: one line per figure, percentages with two decimals.
std::string FormatScores(const SyntaxScores& s);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_EVALUATE_H_
