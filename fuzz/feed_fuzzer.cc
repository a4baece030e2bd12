// Fuzz target for the RSS/Atom reader: XML parsing with libxml2, item
// fields, dates, HTML fragments in item text.
// What it checks: fuzz/reader_fuzz.h.
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(data, size, [](auto bytes, const auto& options, auto& sink) {
    annals::ReadFeed(bytes, "fuzz.rss", options, sink);
  });
}
