// Fuzz target for the JSON Lines reader (byte checks, depth guard, field mapping).
// What it checks: fuzz/reader_fuzz.h.
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(data, size, [](auto bytes, const auto& options, auto& sink) {
    annals::ReadJsonLines(bytes, "fuzz.jsonl", options, sink);
  });
}
