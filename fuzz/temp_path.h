// A file or directory name in /tmp for fuzz targets whose code under test
// reads from disk: one per process, removed when the process exits, so
// that the suite's fuzz runs leave nothing behind.
#ifndef ANNALS_FUZZ_TEMP_PATH_H_
#define ANNALS_FUZZ_TEMP_PATH_H_

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace annals::fuzz {

class TempPath {
 public:
  explicit TempPath(const std::string& name)
      : path_("/tmp/" + name + "." + std::to_string(getpid())) {}
  ~TempPath() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_TEMP_PATH_H_
