// Fuzz target: the three text stages (normalize, tokenize, segment) on
// arbitrary bytes; aborts if any stage fails or the result breaks the
// Document invariants (Validate), if some token is left out of every
// sentence, or if a sentence is over the 1000-token budget.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "annals/document.h"
#include "annals/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annals::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  annals::Scratch scratch;
  if (!annals::MakeNormalizeStage()->Process(doc, scratch).ok()) std::abort();
  if (!annals::MakeTokenizeStage()->Process(doc, scratch).ok()) std::abort();
  if (!annals::MakeSegmentStage()->Process(doc, scratch).ok()) std::abort();
  if (!doc.Validate().ok()) std::abort();
  size_t covered = 0;
  for (const annals::Sentence& s : doc.sentences) {
    if (s.tokens.size() > 1000) std::abort();
    covered += s.tokens.size();
  }
  if (covered != doc.tokens.size()) std::abort();
  return 0;
}
