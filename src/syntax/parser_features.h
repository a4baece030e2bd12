// The features of the two parser models, shared by training and parsing.
#ifndef ANNALS_SYNTAX_PARSER_FEATURES_H_
#define ANNALS_SYNTAX_PARSER_FEATURES_H_

#include "syntax/features.h"
#include "syntax/parse_state.h"
#include "syntax/parser.h"

namespace annals::syntax {

// For choosing the next move.
void MoveFeatures(const ParserInput& in, const ParseState& s, FeatureList* out);
// For choosing the relation of the arc head -> dep about to be made.
void LabelFeatures(const ParserInput& in, const ParseState& s, int head, int dep, FeatureList* out);

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_PARSER_FEATURES_H_
