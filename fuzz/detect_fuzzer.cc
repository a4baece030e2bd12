// Fuzz target for format detection and every reader behind ParseBuffer.
// What it checks: fuzz/reader_fuzz.h.
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(data, size, [](auto bytes, const auto& options, auto& sink) {
    annals::ParseBuffer(bytes, "fuzz", annals::Format::kAuto, options, sink);
  });
}
