// Syntax model loader: any payload, wrapped with a valid header and
// checksum so that the section loaders (tagger, parser, lemmatiser) see
// the bytes; a model that loads must then tag and parse a sentence.
#include <cstdlib>
#include <string>

#include "syntax/model_file.h"
#include "syntax/syntax_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals::syntax;
  const std::string file = WrapModel(std::string_view(reinterpret_cast<const char*>(data), size));
  auto model = SyntaxModel::FromFileBytes(file, "fuzz");
  if (!model.ok()) {
    if (model.status().message().empty()) std::abort();
    return 0;
  }
  const std::vector<std::string_view> words = {"Talks", "resumed", "in", "Cairo", "."};
  AnalysisScratch scratch;
  SentenceAnalysis r;
  (*model)->Analyse(words, &r, scratch);
  for (int h : r.heads) {
    if (h < 0 || h > static_cast<int>(words.size())) std::abort();
  }
  return 0;
}
