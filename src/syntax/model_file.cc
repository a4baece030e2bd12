#include "syntax/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>

#include "syntax/binary_io.h"

namespace annals::syntax {
namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'S', 'Y', 'N', 'T', 'X'};
// No real model is near this; a bigger file is not one of ours.
constexpr uint64_t kMaxModelBytes = uint64_t{1} << 31;

}  // namespace

std::string WrapModel(std::string_view payload) {
  ByteWriter w;
  w.bytes().append(kMagic, sizeof(kMagic));
  w.Put<uint32_t>(kModelFormatVersion);
  w.Put<uint32_t>(0);
  w.Put<uint64_t>(payload.size());
  w.Put<uint64_t>(XXH3_64bits(payload.data(), payload.size()));
  w.bytes().append(payload);
  return std::move(w.bytes());
}

ModelBytes::~ModelBytes() {
  if (map_ != nullptr) munmap(map_, size_);
}

StatusOr<std::unique_ptr<ModelBytes>> ModelBytes::Check(std::unique_ptr<ModelBytes> m,
                                                        const std::string& name) {
  const std::string_view file(static_cast<const char*>(m->map_ ? m->map_ : m->buffer_.get()),
                              m->size_);
  auto bad = [&](const std::string& why) {
    return Status(ErrorCode::kBadModel, "syntax model '" + name + "': " + why);
  };
  if (file.size() < kModelHeaderBytes || std::memcmp(file.data(), kMagic, sizeof(kMagic)) != 0) {
    return bad("not an annals syntax model (bad magic)");
  }
  ByteReader r(file.substr(sizeof(kMagic)));
  const uint32_t version = r.Get<uint32_t>();
  r.Get<uint32_t>();
  const uint64_t size = r.Get<uint64_t>();
  const uint64_t checksum = r.Get<uint64_t>();
  if (version != kModelFormatVersion) {
    return bad("format version " + std::to_string(version) + ", this build reads version " +
               std::to_string(kModelFormatVersion));
  }
  if (size != file.size() - kModelHeaderBytes) {
    return bad("truncated or padded: header says " + std::to_string(size) +
               " payload bytes, file has " + std::to_string(file.size() - kModelHeaderBytes));
  }
  m->payload_ = file.substr(kModelHeaderBytes);
  if (XXH3_64bits(m->payload_.data(), m->payload_.size()) != checksum) {
    return bad("checksum mismatch (the file is corrupt)");
  }
  return m;
}

StatusOr<std::unique_ptr<ModelBytes>> ModelBytes::Map(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status(ErrorCode::kNotFound,
                  "syntax model '" + path + "': cannot open: " + std::strerror(errno));
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0 ||
      static_cast<uint64_t>(st.st_size) > kMaxModelBytes) {
    close(fd);
    return Status(ErrorCode::kBadModel, "syntax model '" + path + "': not a model file");
  }
  std::unique_ptr<ModelBytes> m(new ModelBytes());
  m->size_ = static_cast<size_t>(st.st_size);
  if (m->size_ > 0) {
    void* p = mmap(nullptr, m->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int e = errno;
      close(fd);
      return Status(ErrorCode::kIo, "syntax model '" + path + "': mmap: " + std::strerror(e));
    }
    m->map_ = p;
  }
  close(fd);
  if (m->size_ == 0) m->buffer_ = std::make_unique<uint64_t[]>(1);
  return Check(std::move(m), path);
}

StatusOr<std::unique_ptr<ModelBytes>> ModelBytes::FromBuffer(std::string_view file,
                                                             const std::string& name) {
  std::unique_ptr<ModelBytes> m(new ModelBytes());
  m->size_ = file.size();
  m->buffer_ = std::make_unique<uint64_t[]>(file.size() / 8 + 1);
  std::memcpy(m->buffer_.get(), file.data(), file.size());
  return Check(std::move(m), name);
}

}  // namespace annals::syntax
