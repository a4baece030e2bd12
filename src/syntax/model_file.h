// The syntax model file: the header every annals data file has
// (core/checked_file.h) with the magic "ANNSYNTX", then the sections
// written by the tagger, parser and lemmatiser, back to back. The
// payload's arrays are 8-byte aligned (the weight tables' buckets 64-byte
// aligned, counted from the file's start), so the loaded models use them in
// place: the file is mapped read-only and shared by every thread and
// process that opens it.
#ifndef ANNALS_SYNTAX_MODEL_FILE_H_
#define ANNALS_SYNTAX_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "core/checked_file.h"

namespace annals::syntax {

inline constexpr uint32_t kModelFormatVersion = 5;
inline constexpr FileFormat kModelFormat = {"ANNSYNTX", kModelFormatVersion, "syntax model"};
inline constexpr size_t kModelHeaderBytes = kCheckedFileHeaderBytes;

// Bytes of a model file, checked; mapped from a file or held in memory.
using ModelBytes = CheckedFile;

// Header plus payload.
inline std::string WrapModel(std::string_view payload) {
  return WrapCheckedFile(kModelFormat, payload);
}

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_MODEL_FILE_H_
