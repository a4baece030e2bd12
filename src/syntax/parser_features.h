// The features of the two parser models, shared by training and parsing.
#ifndef ANNALS_SYNTAX_PARSER_FEATURES_H_
#define ANNALS_SYNTAX_PARSER_FEATURES_H_

#include "syntax/features.h"
#include "syntax/parse_state.h"
#include "syntax/parser.h"

namespace annals::syntax {

// For choosing the next move: all of the below.
void MoveFeatures(const ParserInput& in, const ParseState& s, FeatureList* out);
// Its parts that read one place of the state only, and there only the
// words, which are the same all through a sentence's parse: the buffer's
// front (word b0 and the two after it), the word `depth` from the top of
// the stack (0 to 2). Appended, as is the rest of the state's.
void BufferFeatures(const ParserInput& in, int b0, FeatureList* out);
void StackWordFeatures(const ParserInput& in, int word, int depth, FeatureList* out);
void StateFeatures(const ParserInput& in, const ParseState& s, FeatureList* out);
// For choosing the relation of the arc head -> dep about to be made.
void LabelFeatures(const ParserInput& in, const ParseState& s, int head, int dep, FeatureList* out);
// Its parts (appended): those on the two words' tags, direction and
// distance alone, which recur (SumMemo, by LabelTagKey), and the rest.
uint64_t LabelTagKey(const ParserInput& in, int head, int dep);
void LabelTagFeatures(const ParserInput& in, int head, int dep, FeatureList* out);
void LabelWordFeatures(const ParserInput& in, const ParseState& s, int head, int dep,
                       FeatureList* out);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_PARSER_FEATURES_H_
