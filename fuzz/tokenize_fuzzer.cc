// Fuzz target: normalize + tokenize on arbitrary bytes. The first byte
// chooses whether the bytes are cleaned by NormalizeText first (the normal
// path) or tokenized raw, so the tokenizer also meets ill-formed UTF-8,
// control characters and lone CRs. Neither path may crash, hang or break
// the document invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "annals/document.h"
#include "annals/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool normalize = (data[0] & 1) != 0;
  annals::Document doc;
  doc.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  annals::Scratch scratch;
  if (normalize) {
    if (!annals::MakeNormalizeStage()->Process(doc, scratch).ok()) std::abort();
    if (!annals::IsValidUtf8(doc.text, nullptr)) std::abort();
  }
  if (!annals::MakeTokenizeStage()->Process(doc, scratch).ok()) std::abort();
  if (!doc.Validate().ok()) std::abort();
  return 0;
}
