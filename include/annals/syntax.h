// The syntax stage: part-of-speech tags, lemmas, labelled dependency trees
// and the noun and verb chunks read off them.
//
//   syntax.v1  fills Token::upos, xpos, lemma, head and deprel for every
//              word of every sentence, and Document::chunks. Uses the
//              trained model in models/ (see docs/syntax.md).
//
// The model is loaded once per process and shared by every thread.
#ifndef ANNALS_SYNTAX_H_
#define ANNALS_SYNTAX_H_

#include <memory>
#include <string>

#include "annals/stage.h"
#include "annals/status.h"

namespace annals {

namespace syntax {
class SyntaxModel;
}  // namespace syntax

// $ANNALS_MODEL_DIR/en-ewt.syntax when that variable is set, else the
// models/ folder of the build tree this program was built in (the build
// unpacks the committed models/en-ewt.syntax.zst there).
std::string DefaultSyntaxModelPath();

// The model at DefaultSyntaxModelPath(), loaded on first use; later calls
// return the same model (or the same error).
StatusOr<std::shared_ptr<const syntax::SyntaxModel>> DefaultSyntaxModel();

std::unique_ptr<Stage> MakeSyntaxStage(std::shared_ptr<const syntax::SyntaxModel> model);

}  // namespace annals

#endif  // ANNALS_SYNTAX_H_
