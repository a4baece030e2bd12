// Fuzz target for the wire story reader (header lines, dates, body datelines).
//
// Feeds arbitrary bytes in and checks what comes out: every document must
// carry non-empty, valid UTF-8 text without NUL bytes, and every error a
// message. A small document budget makes the size checks reachable.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "annals/ingest.h"
#include "annals/text.h"

namespace {

class CheckingSink : public annals::RecordSink {
 public:
  void OnDocument(annals::Document&& doc) override {
    if (doc.text.empty() || doc.text.find('\0') != std::string::npos ||
        !annals::IsValidUtf8(doc.text, nullptr) || doc.id.empty())
      std::abort();
  }
  void OnError(annals::RecordError&& error) override {
    if (error.status.ok() || error.status.message().empty()) std::abort();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  annals::ReadOptions options;
  options.max_document_bytes = 16384;
  CheckingSink sink;
  annals::ReadWireText(bytes, "fuzz.txt", options, sink);
  return 0;
}
