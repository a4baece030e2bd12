// Fuzz target for the work message decoder (distributed/work_message.h):
// whatever arrives on the queue must decode or be refused with kBadRecord,
// never crash or allocate beyond the message; what decodes must encode back
// to the same bytes (the format has one encoding per item), and the text
// of a decoded document must be UTF-8 without NUL bytes, as the pipeline
// assumes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "annals/text.h"
#include "distributed/work_message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  annals::StatusOr<annals::internal::WorkItem> item = annals::internal::DecodeWorkItem(bytes);
  if (!item.ok()) {
    if (item.status().code() != annals::ErrorCode::kBadRecord) std::abort();
    return 0;
  }
  std::string again;
  annals::internal::EncodeWorkItem(*item, &again);
  if (again != bytes) std::abort();
  if (item->kind == annals::internal::WorkKind::kDocument) {
    const std::string& text = item->document.text;
    size_t bad = 0;
    if (text.empty() || !annals::IsValidUtf8(text, &bad) || text.find('\0') != std::string::npos)
      std::abort();
  }
  return 0;
}
