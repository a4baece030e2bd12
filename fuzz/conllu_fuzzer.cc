// CoNLL-U reader: any bytes. Each sentence that reads must write back and
// read again to the same words, and the trained model must tag and parse
// it into one tree without crashing.
#include <cstdlib>
#include <sstream>

#include "annals/syntax.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/syntax_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals::syntax;
  static auto model = annals::DefaultSyntaxModel();
  if (!model.ok()) std::abort();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  ConlluReader reader(in, "fuzz");
  ConlluSentence s;
  std::string error;
  AnalysisScratch scratch;
  SentenceAnalysis result;
  while (reader.Next(&s, &error)) {
    if (!error.empty()) continue;
    std::string text;
    WriteConllu(s, &text);
    std::istringstream again(text);
    ConlluReader reader2(again, "again");
    ConlluSentence s2;
    if (!reader2.Next(&s2, &error) || !error.empty() || s2.words.size() != s.words.size()) {
      std::abort();
    }
    Analyse(**model, &s, scratch, &result);
    int roots = 0;
    for (const ConlluWord& w : s.words) {
      if (w.head < 0 || w.head > static_cast<int>(s.words.size())) std::abort();
      roots += w.head == 0;
    }
    if (roots != 1) std::abort();
  }
  return 0;
}
