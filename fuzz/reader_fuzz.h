// What every reader fuzz target checks, whatever the reader: each document
// that comes out carries an id and non-empty text; its text, title, url,
// source and metadata names are valid UTF-8 without NUL bytes (what
// docs/readers.md promises the stages); it passes Document::Validate() (no
// spans yet, so this guards the invariants should a reader ever set them);
// and each error has a message. The small document budget makes the size
// checks reachable from short inputs.
#ifndef ANNALS_FUZZ_READER_FUZZ_H_
#define ANNALS_FUZZ_READER_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "annals/ingest.h"
#include "annals/text.h"

namespace annals::fuzz {

class CheckingSink : public RecordSink {
 public:
  void OnDocument(Document&& doc) override {
    if (doc.text.empty() || doc.id.empty() || !Clean(doc.text) || !Clean(doc.title) ||
        !Clean(doc.url) || !Clean(doc.source) || !doc.Validate().ok())
      std::abort();
    for (const auto& [name, value] : doc.metadata)
      if (!Clean(name)) std::abort();
  }
  void OnError(RecordError&& error) override {
    if (error.status.ok() || error.status.message().empty()) std::abort();
  }

 private:
  static bool Clean(std::string_view s) {
    return s.find('\0') == std::string_view::npos && IsValidUtf8(s, nullptr);
  }
};

// Runs `read(bytes, options, sink)` on the fuzzer's input.
template <typename Read>
int FuzzReader(const uint8_t* data, size_t size, Read read) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ReadOptions options;
  options.max_document_bytes = 16384;
  CheckingSink sink;
  read(bytes, options, sink);
  return 0;
}

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_READER_FUZZ_H_
