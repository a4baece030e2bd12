// Internal header (not public API): base noun and verb chunks read off the
// dependency tree.
//
// Event coding asks for "the noun phrase headed by X" and "the verb group of
// Y". A contiguous token range answers both without walking the tree again,
// so chunks are cut once, after parsing, and kept in Document::chunks.
//
// A chunk is a head word plus the dependents that modify it without starting
// a phrase of their own. Chunk heads:
//   noun  NOUN, PROPN, PRON, NUM; or an untagged, ADJ, DET, X or SYM word
//         attached as nsubj, obj, iobj, obl or nmod (any subtype): "all" in
//         "all were killed".
//   verb  VERB; AUX unless attached as aux or aux:pass. A copula (AUX, cop)
//         heads the verb chunk of its clause and takes the predicate's
//         auxiliaries and negation ("has not been" in "has not been a
//         party"); the predicate heads its own noun chunk ("a party") or,
//         as an adjective, none. Event coding then finds the clause's verb
//         group in one place whether or not the clause has a copula.
// Which dependents join (table kRules in chunks.cc; "side" is where the
// dependent stands relative to its parent):
//   det, det:predet, det:poss, nmod:poss, amod, nummod   noun  left
//   compound, flat, flat:name, flat:foreign              noun  either side
//   advmod, under an amod/nummod/det ("very large")      noun  left
//   case, under a nmod:poss ("Israel 's")                noun  right
//   aux, aux:pass                                        verb  either side
//   advmod "not", "n't"                                  verb  either side
//   advmod between the first auxiliary and the head      verb  left
//   compound:prt ("carried out")                         verb  right
//   anything joined to its parent by a tight hyphen      both  ("Hamas-run")
// Dependents of joined words join by the same table, so a possessor brings
// its determiner and "'s" ("the delegation 's visit").
//
// Chunks are contiguous: a dependent separated from its head by words that
// do not join ("Secretary" in "Secretary of State Antony Blinken") is left
// out, and heads its own chunk if it can ("Secretary" | "State" | "Antony
// Blinken"); otherwise it is in no chunk ("out" in "carried them out").
// Prepositions, relative clauses, appositions, conjuncts and punctuation
// (except a hyphen inside a chunk) are never in a chunk.
//
// Heads are taken top-down, so a word that can join its parent's chunk does
// so rather than heading its own: "displaced" (VERB, amod) in "displaced
// people". Malformed trees (cycles, heads outside the sentence) give fewer
// chunks, never invalid ones. docs/data-model.md has the same rules in prose.
//
// Tested by chunks_test.cc.
#ifndef ANNALS_SYNTAX_CHUNKS_H_
#define ANNALS_SYNTAX_CHUNKS_H_

#include "annals/document.h"

namespace annals::syntax {

// Replaces doc.chunks with the chunks of every sentence, in text order,
// from the tokens' head, deprel and upos (and the surface text for "not").
// Sentences where no token has a head get no chunks, so an unparsed
// document ends with none. Linear in the number of tokens except when
// contiguity cuts a chunk repeatedly (bounded by its candidate count).
void BuildChunks(Document& doc);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_CHUNKS_H_
