// Fuzz target for the html reader: libxml2's parser under annals' SAX
// builder, the main-text scoring, metadata and JSON-LD, charset detection
// and conversion (ICU) and gzip inflation. What it checks:
// fuzz/reader_fuzz.h (its small budget also bounds inflated output).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(data, size, [](auto bytes, const auto& options, auto& sink) {
    annals::ReadHtml(bytes, "fuzz.html", options, sink);
  });
}
