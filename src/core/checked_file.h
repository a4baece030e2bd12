// Internal: a checked, read-only, memory-mapped data file with the header
// every annals model and index file has (the syntax model, model_file.h;
// the gazetteer index, places/index_format.h):
//
//   bytes 0-7    magic (8 bytes, one per kind of file)
//   bytes 8-11   format version, little endian
//   bytes 12-15  reserved, 0
//   bytes 16-23  payload size in bytes
//   bytes 24-31  XXH3-64 checksum of the payload
//
// The payload starts at byte 32 of a page-aligned mapping (or of an 8-byte
// aligned copy), so 8-byte aligned arrays in it can be used in place. Only
// the header is checked here; the payload's reader treats its bytes as
// untrusted.
//
// Tested by syntax/model_file_test.cc and places/gazetteer_test.cc.
#ifndef ANNALS_CORE_CHECKED_FILE_H_
#define ANNALS_CORE_CHECKED_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"
#include "core/huge_pages.h"

namespace annals {

inline constexpr size_t kCheckedFileHeaderBytes = 32;

struct FileFormat {
  std::string_view magic;  // exactly 8 bytes
  uint32_t version;        // the one version this build reads and writes
  std::string_view what;   // for messages: "gazetteer index"
};

// Header plus payload.
std::string WrapCheckedFile(const FileFormat& format, std::string_view payload);

class CheckedFile {
 public:
  ~CheckedFile();
  CheckedFile(const CheckedFile&) = delete;
  CheckedFile& operator=(const CheckedFile&) = delete;

  // Maps `path` read-only (no copy) and checks the header and checksum.
  // Errors name the file and the fault: kNotFound when it cannot be
  // opened, kBadModel when it is not a good file of `format`.
  static StatusOr<std::unique_ptr<CheckedFile>> Map(const std::string& path,
                                                    const FileFormat& format);
  // Reads `path` into a HugePageBuffer (huge_pages.h): for tables probed
  // at random, like the syntax model's weights. The pages are private to
  // the process, not shared.
  static StatusOr<std::unique_ptr<CheckedFile>> ReadIntoHugePages(const std::string& path,
                                                                  const FileFormat& format);
  // The same over a copy of `file`; `name` is for messages.
  static StatusOr<std::unique_ptr<CheckedFile>> FromBuffer(std::string_view file,
                                                           const std::string& name,
                                                           const FileFormat& format);

  std::string_view payload() const { return payload_; }
  size_t file_size() const { return size_; }

 private:
  CheckedFile() = default;
  static StatusOr<std::unique_ptr<CheckedFile>> Check(std::unique_ptr<CheckedFile> f,
                                                      const std::string& name,
                                                      const FileFormat& format);
  void* map_ = nullptr;  // from mmap (map_size_ bytes), or
  size_t map_size_ = 0;
  HugePageBuffer pages_;                // a copy in 2 MB pages, or
  std::unique_ptr<uint64_t[]> buffer_;  // an aligned copy
  size_t size_ = 0;
  std::string_view payload_;
};

}  // namespace annals

#endif  // ANNALS_CORE_CHECKED_FILE_H_
