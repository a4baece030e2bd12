// The trained syntax model: tagger, parser and lemmatiser, loaded together
// from one model file, and the call that annotates a sentence with them.
#ifndef ANNALS_SYNTAX_SYNTAX_MODEL_H_
#define ANNALS_SYNTAX_SYNTAX_MODEL_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/status.h"
#include "syntax/lemmatizer.h"
#include "syntax/model_file.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace annals::syntax {

// What the model says about one sentence; heads are 1-based, 0 = root.
struct SentenceAnalysis {
  std::vector<uint8_t> upos, xpos, deprel;
  std::vector<int> heads;
  std::vector<std::string> lemmas;
};

// Buffers reused from sentence to sentence, one per thread.
struct AnalysisScratch {
  std::vector<WordHashes> words;
  std::vector<uint8_t> senses;
  std::string buffer;
  TaggerScratch tagger;
  ParserScratch parser;
};

class SyntaxModel {
 public:
  static StatusOr<std::unique_ptr<SyntaxModel>> Open(const std::string& path);
  // A whole model file held in memory (tests, fuzzing); `name` for errors.
  static StatusOr<std::unique_ptr<SyntaxModel>> FromFileBytes(std::string_view file,
                                                              const std::string& name);
  // The file for a trained model; `info` is free text kept with it.
  static std::string Serialize(const Tagger& tagger, const Parser& parser,
                               const Lemmatizer& lemmatizer, std::string_view info);

  // Tags, parses and lemmatises; `forms` are the words, as the treebank
  // would cut them.
  void Analyse(std::span<const std::string_view> forms, SentenceAnalysis* out,
               AnalysisScratch& scratch) const;
  // The same without lemmas (out->lemmas is left as it was).
  void TagAndParse(std::span<const std::string_view> forms, SentenceAnalysis* out,
                   AnalysisScratch& scratch) const;

  const Tagger& tagger() const { return tagger_; }
  const Parser& parser() const { return parser_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }
  std::string_view info() const { return info_; }
  size_t file_size() const { return bytes_->file_size(); }

 private:
  static StatusOr<std::unique_ptr<SyntaxModel>> FromBytes(std::unique_ptr<ModelBytes> bytes,
                                                          const std::string& name);
  std::unique_ptr<ModelBytes> bytes_;  // the models point into these
  std::string info_;
  Tagger tagger_;
  Parser parser_;
  Lemmatizer lemmatizer_;
};

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_SYNTAX_MODEL_H_
