// Internal, for tests only: a RecordSink that keeps everything
// it is given, so a test can look at documents and errors after a read.
#ifndef ANNALS_INGEST_TEST_SINK_H_
#define ANNALS_INGEST_TEST_SINK_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "annals/ingest.h"

namespace annals::internal {

class CollectingSink : public RecordSink {
 public:
  void OnDocument(Document&& doc) override { docs.push_back(std::move(doc)); }
  void OnError(RecordError&& error) override { errors.push_back(std::move(error)); }

  // Describe() of every error, for readable test failures.
  std::vector<std::string> ErrorLines() const {
    std::vector<std::string> lines;
    for (const RecordError& e : errors) lines.push_back(e.Describe());
    return lines;
  }

  std::vector<Document> docs;
  std::vector<RecordError> errors;
};

// The shared data folder (../shared next to the source tree, or
// $ANNALS_SHARED), empty when it is absent: tests then GTEST_SKIP().
inline std::string SharedDataDir() {
  const char* env = std::getenv("ANNALS_SHARED");
  std::string dir = env != nullptr ? env : ANNALS_SOURCE_DIR "/../shared";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

}  // namespace annals::internal

#endif  // ANNALS_INGEST_TEST_SINK_H_
