// Golden tests: tests/golden/<case>/input.* through the readers and the
// standard pipeline must give exactly tests/golden/<case>/expected.json
// (documents as a JSON array, tokens included). The expected files were
// reviewed by hand; to rewrite them after a deliberate change run
//   ANNALS_UPDATE_GOLDEN=1 build/tests/annals_tests --gtest_filter='Golden*'
// and review the diff before committing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "annals/ingest.h"
#include "annals/json.h"
#include "annals/pipeline.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs one case; the JSON names the input by its path relative to the
// source tree so the expected files do not depend on where the tree is.
std::string RunCase(const fs::path& input, const std::string& relative) {
  internal::CollectingSink sink;
  ParseBuffer(ReadFile(input), relative, Format::kAuto, ReadOptions{}, sink);
  auto pipeline = Pipeline::Standard();
  std::ostringstream out;
  out << "[\n";
  Scratch scratch;
  JsonOptions json;
  json.pretty = true;
  for (size_t i = 0; i < sink.docs.size(); ++i) {
    Status s = pipeline->Process(sink.docs[i], scratch);
    if (!s.ok())
      out << "\"pipeline error: " << s.ToString() << "\"";
    else
      out << ToJson(sink.docs[i], json);
    out << (i + 1 < sink.docs.size() ? ",\n" : "\n");
  }
  for (const auto& e : sink.ErrorLines()) out << "// error: " << e << "\n";
  out << "]\n";
  return out.str();
}

// First differing line, with a few lines of context, for a readable failure.
std::string FirstDifference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool ha = static_cast<bool>(std::getline(a, la));
    const bool hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "identical";
    if (!ha || !hb || la != lb) {
      return "line " + std::to_string(line) + ":\n  expected: " + (ha ? la : "<end>") +
             "\n  actual:   " + (hb ? lb : "<end>");
    }
  }
}

TEST(Golden, EveryCaseMatchesItsExpectedJson) {
  const fs::path root = fs::path(ANNALS_SOURCE_DIR) / "tests" / "golden";
  const bool update = std::getenv("ANNALS_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(root))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    fs::path input;
    for (const auto& f : fs::directory_iterator(dir))
      if (f.path().stem() == "input") input = f.path();
    if (input.empty()) continue;
    ++cases;
    const std::string relative =
        "tests/golden/" + dir.filename().string() + "/" + input.filename().string();
    const std::string got = RunCase(input, relative);
    const fs::path expected = dir / "expected.json";
    if (update) {
      std::ofstream(expected, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected)) << "missing " << expected;
    const std::string want = ReadFile(expected);
    EXPECT_EQ(want, got) << "golden case " << dir.filename() << " differs at "
                         << FirstDifference(want, got);
  }
  EXPECT_GT(cases, 0) << "no golden cases under " << root;
}

}  // namespace
}  // namespace annals
