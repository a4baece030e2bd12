// Dictionary files: any bytes, read as each kind of actor file and as an
// event-pattern file. A load either succeeds or fails with kBadDictionary
// naming a line; it never crashes, and every name it accepts can be
// matched back.
#include <cstdlib>
#include <fstream>
#include <string>

#include "dict/actor_dictionary.h"
#include "dict/event_patterns.h"
#include "temp_path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals;
  if (size == 0) return 0;
  static const fuzz::TempPath temp("annals_dictionary_fuzzer");
  const std::string& path = temp.path();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  const int which = data[0] % 9;
  Status s;
  if (which == 8) {
    dict::EventPatterns p;
    s = p.LoadFile(path, "fuzz", nullptr);
  } else {
    dict::ActorDictionary d;
    s = d.LoadFile(path, "fuzz", static_cast<dict::ActorKind>(which));
    if (s.ok()) {
      for (uint32_t e = 0; e < d.size(); ++e) {
        if (d.entry(e).name.empty()) std::abort();
        if (d.entry(e).kind == dict::ActorKind::kPerson && d.entry(e).roles.empty()) std::abort();
      }
    }
  }
  if (!s.ok() && s.code() != ErrorCode::kBadDictionary && s.code() != ErrorCode::kIo) std::abort();
  return 0;
}
