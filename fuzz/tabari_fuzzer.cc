// TABARI/PETRARCH dictionaries and validation files: any bytes. The first
// byte picks the reader (actors, agents, discards, verbs, validation file);
// a dictionary that loads is then used to code a sentence made of the
// input's own words, which must not crash.
#include <cstdlib>
#include <fstream>
#include <string>

#include "compat/tabari_coder.h"
#include "compat/validation_records.h"
#include "temp_path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals;
  if (size == 0) return 0;
  static const fuzz::TempPath temp("annals_tabari_fuzzer");
  const std::string& path = temp.path();
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << body;
  Status s;
  compat::TabariDictionary dict;
  switch (data[0] % 5) {
    case 0:
      s = dict.LoadActors(path);
      break;
    case 1:
      s = dict.LoadAgents(path);
      break;
    case 2:
      s = dict.LoadDiscards(path);
      break;
    case 3:
      s = dict.LoadVerbs(path);
      break;
    default: {
      compat::ValidationFile f;
      s = compat::ReadValidationFile(path, &f);
      if (s.ok() && f.verbs.empty()) std::abort();
      return 0;
    }
  }
  if (!s.ok()) {
    if (s.code() != ErrorCode::kBadDictionary && s.code() != ErrorCode::kIo) std::abort();
    return 0;
  }
  const compat::TabariCoder coder(dict);
  coder.Code(compat::TabariWords(body.substr(0, 2000)), 19950101);
  return 0;
}
