// Fuzz target for the WARC reader: plain and gzip archives, record headers,
// HTTP messages (chunked, gzip and deflate bodies), resynchronisation after
// damage. The input is read as given and, when it does not start like
// gzip, also gzip-compressed, so that the inflating window is reached.
// What it checks: fuzz/reader_fuzz.h.
#include "ingest/gzip_stream.h"
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(data, size, [](auto bytes, const auto& options, auto& sink) {
    annals::ReadWarc(bytes, "fuzz.warc", options, sink);
    if (!annals::internal::IsGzipStart(bytes))
      annals::ReadWarc(annals::internal::GzipCompress(bytes), "fuzz.warc.gz", options, sink);
  });
}
