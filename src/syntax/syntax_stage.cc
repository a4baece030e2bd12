// syntax.v1: runs the model over each sentence and writes the results into
// the tokens, then cuts the chunks.
#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "annals/syntax.h"
#include "syntax/chunks.h"
#include "syntax/syntax_model.h"

namespace annals {
namespace {

// Longer sentences are parsed in pieces of this many words, each with its
// own root: a run-on "sentence" of a thousand words (a table, a list that
// lost its punctuation) has no useful tree anyway, and this bounds the
// parser's buffers.
constexpr size_t kMaxParseWords = 300;

class SyntaxStage final : public Stage {
 public:
  explicit SyntaxStage(std::shared_ptr<const syntax::SyntaxModel> model)
      : model_(std::move(model)) {}
  std::string_view name() const override { return "syntax.v1"; }
  uint32_t requires_layers() const override { return kLayerSentences; }
  uint32_t assigns_layers() const override { return kLayerSyntax; }

  Status Process(Document& doc, Scratch&) const override {
    thread_local syntax::AnalysisScratch scratch;
    thread_local syntax::SentenceAnalysis result;
    thread_local std::vector<std::string_view> forms;
    size_t split = 0;
    for (const Sentence& s : doc.sentences) {
      for (uint32_t begin = s.tokens.begin; begin < s.tokens.end;) {
        const uint32_t end =
            static_cast<uint32_t>(std::min<size_t>(s.tokens.end, begin + kMaxParseWords));
        if (end != s.tokens.end || begin != s.tokens.begin) ++split;
        forms.clear();
        for (uint32_t t = begin; t < end; ++t) {
          const Token& tok = doc.tokens[t];
          forms.push_back(tok.norm.empty() ? doc.Text(tok.span) : std::string_view(tok.norm));
        }
        model_->Analyse(forms, &result, scratch);
        for (uint32_t t = begin; t < end; ++t) {
          Token& tok = doc.tokens[t];
          const size_t i = t - begin;
          tok.upos = result.upos[i];
          tok.xpos = result.xpos[i];
          tok.deprel = result.deprel[i];
          tok.head = result.heads[i] == 0 ? static_cast<int32_t>(t)
                                          : static_cast<int32_t>(begin) + result.heads[i] - 1;
          tok.lemma = result.lemmas[i];
        }
        begin = end;
      }
    }
    if (split > 0) {
      doc.diagnostics.push_back({std::string(name()), ErrorCode::kOk,
                                 "sentences over " + std::to_string(kMaxParseWords) +
                                     " words were parsed as " + std::to_string(split) +
                                     " pieces, each with its own root"});
    }
    syntax::BuildChunks(doc);
    return Status();
  }

 private:
  std::shared_ptr<const syntax::SyntaxModel> model_;
};

}  // namespace

std::string DefaultSyntaxModelPath() {
  const char* dir = std::getenv("ANNALS_MODEL_DIR");
  return std::string(dir != nullptr && *dir != '\0' ? dir : ANNALS_MODEL_DIR) + "/en-ewt.syntax";
}

StatusOr<std::shared_ptr<const syntax::SyntaxModel>> DefaultSyntaxModel() {
  static std::once_flag once;
  static StatusOr<std::shared_ptr<const syntax::SyntaxModel>>* loaded = nullptr;
  std::call_once(once, [] {
    auto model = syntax::SyntaxModel::Open(DefaultSyntaxModelPath());
    if (model.ok()) {
      loaded = new StatusOr<std::shared_ptr<const syntax::SyntaxModel>>(
          std::shared_ptr<const syntax::SyntaxModel>(std::move(model).value()));
    } else {
      loaded = new StatusOr<std::shared_ptr<const syntax::SyntaxModel>>(model.status());
    }
  });
  return *loaded;
}

std::unique_ptr<Stage> MakeSyntaxStage(std::shared_ptr<const syntax::SyntaxModel> model) {
  return std::make_unique<SyntaxStage>(std::move(model));
}

}  // namespace annals
