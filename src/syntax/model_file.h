// The syntax model file: a 32-byte header, then the sections written by
// the tagger, parser and lemmatiser, back to back.
//
//   bytes 0-7    magic "ANNSYNTX"
//   bytes 8-11   format version (kModelFormatVersion), little endian
//   bytes 12-15  reserved, 0
//   bytes 16-23  payload size in bytes
//   bytes 24-31  XXH3-64 checksum of the payload
//
// The payload's arrays are 8-byte aligned (relative to the payload, which
// starts at byte 32), so the loaded models use them in place: the file is
// mapped read-only and shared by every thread and process that opens it.
#ifndef ANNALS_SYNTAX_MODEL_FILE_H_
#define ANNALS_SYNTAX_MODEL_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::syntax {

inline constexpr uint32_t kModelFormatVersion = 2;
inline constexpr size_t kModelHeaderBytes = 32;

// Header plus payload.
std::string WrapModel(std::string_view payload);

// Bytes of a model file, checked; mapped from a file or held in memory.
class ModelBytes {
 public:
  ~ModelBytes();
  ModelBytes(const ModelBytes&) = delete;
  ModelBytes& operator=(const ModelBytes&) = delete;

  // Maps `path` (no copy). Errors name the file and what is wrong with it.
  static StatusOr<std::unique_ptr<ModelBytes>> Map(const std::string& path);
  // Copies `file` into an aligned buffer; `name` is for error messages.
  static StatusOr<std::unique_ptr<ModelBytes>> FromBuffer(std::string_view file,
                                                          const std::string& name);

  std::string_view payload() const { return payload_; }
  size_t file_size() const { return size_; }

 private:
  ModelBytes() = default;
  static StatusOr<std::unique_ptr<ModelBytes>> Check(std::unique_ptr<ModelBytes> m,
                                                     const std::string& name);
  void* map_ = nullptr;                 // from mmap, or
  std::unique_ptr<uint64_t[]> buffer_;  // an aligned copy
  size_t size_ = 0;
  std::string_view payload_;
};

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_MODEL_FILE_H_
