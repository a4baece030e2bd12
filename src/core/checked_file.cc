#include "core/checked_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>

#include "syntax/binary_io.h"

namespace annals {
namespace {

// No index of ours is near this; a bigger file is not one.
constexpr uint64_t kMaxIndexBytes = uint64_t{1} << 31;

// Opens `path` read-only and checks it is a regular file of a sane size;
// the caller closes the descriptor.
StatusOr<int> OpenRegular(const std::string& path, const std::string& what, struct stat* st) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status(ErrorCode::kNotFound,
                  what + " '" + path + "': cannot open: " + std::strerror(errno));
  }
  if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || st->st_size < 0 ||
      static_cast<uint64_t>(st->st_size) > kMaxIndexBytes) {
    close(fd);
    return Status(ErrorCode::kBadModel,
                  what + " '" + path + "': not a regular file of a sane size");
  }
  return fd;
}

}  // namespace

std::string WrapCheckedFile(const FileFormat& format, std::string_view payload) {
  syntax::ByteWriter w;
  w.bytes().append(format.magic.data(), 8);
  w.Put<uint32_t>(format.version);
  w.Put<uint32_t>(0);
  w.Put<uint64_t>(payload.size());
  w.Put<uint64_t>(XXH3_64bits(payload.data(), payload.size()));
  w.bytes().append(payload);
  return std::move(w.bytes());
}

CheckedFile::~CheckedFile() {
  if (map_ != nullptr) munmap(map_, map_size_);
}

StatusOr<std::unique_ptr<CheckedFile>> CheckedFile::Check(std::unique_ptr<CheckedFile> f,
                                                          const std::string& name,
                                                          const FileFormat& format) {
  const char* bytes = static_cast<const char*>(f->map_);
  if (bytes == nullptr)
    bytes = f->pages_.empty() ? reinterpret_cast<const char*>(f->buffer_.get()) : f->pages_.data();
  const std::string_view file(bytes, f->size_);
  const std::string what(format.what);
  auto bad = [&](const std::string& why) {
    return Status(ErrorCode::kBadModel, what + " '" + name + "': " + why);
  };
  if (file.size() < kCheckedFileHeaderBytes || file.substr(0, 8) != format.magic) {
    return bad("not an annals " + what + " (bad magic)");
  }
  syntax::ByteReader r(file.substr(8));
  const uint32_t version = r.Get<uint32_t>();
  r.Get<uint32_t>();
  const uint64_t size = r.Get<uint64_t>();
  const uint64_t checksum = r.Get<uint64_t>();
  if (version != format.version) {
    return bad("format version " + std::to_string(version) + ", this build reads version " +
               std::to_string(format.version) + " (rebuild it)");
  }
  if (size != file.size() - kCheckedFileHeaderBytes) {
    return bad("truncated or padded: header says " + std::to_string(size) +
               " payload bytes, file has " + std::to_string(file.size() - kCheckedFileHeaderBytes));
  }
  f->payload_ = file.substr(kCheckedFileHeaderBytes);
  if (XXH3_64bits(f->payload_.data(), f->payload_.size()) != checksum) {
    return bad("checksum mismatch (the file is corrupt)");
  }
  return f;
}

StatusOr<std::unique_ptr<CheckedFile>> CheckedFile::Map(const std::string& path,
                                                        const FileFormat& format) {
  const std::string what(format.what);
  struct stat st {};
  const StatusOr<int> opened = OpenRegular(path, what, &st);
  if (!opened.ok()) return opened.status();
  const int fd = *opened;
  std::unique_ptr<CheckedFile> f(new CheckedFile());
  f->size_ = static_cast<size_t>(st.st_size);
  if (f->size_ > 0) {
    // No MAP_POPULATE: with the file in the page cache, faulting pages in
    // as the checksum reads them took 11 ms for the 25 MB gazetteer, and
    // populating the mapping up front 22 ms.
    void* p = mmap(nullptr, f->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int e = errno;
      close(fd);
      return Status(ErrorCode::kIo, what + " '" + path + "': mmap: " + std::strerror(e));
    }
    f->map_ = p;
    f->map_size_ = f->size_;
  }
  close(fd);
  if (f->size_ == 0) f->buffer_ = std::make_unique<uint64_t[]>(1);
  return Check(std::move(f), path, format);
}

StatusOr<std::unique_ptr<CheckedFile>> CheckedFile::ReadIntoHugePages(const std::string& path,
                                                                      const FileFormat& format) {
  const std::string what(format.what);
  struct stat st {};
  const StatusOr<int> opened = OpenRegular(path, what, &st);
  if (!opened.ok()) return opened.status();
  const int fd = *opened;
  if (st.st_size == 0) {
    close(fd);
    return Status(ErrorCode::kBadModel, what + " '" + path + "': empty file");
  }
  std::unique_ptr<CheckedFile> f(new CheckedFile());
  f->size_ = static_cast<size_t>(st.st_size);
  f->pages_ = HugePageBuffer::Allocate(f->size_);
  if (f->pages_.empty()) {
    const int e = errno;
    close(fd);
    return Status(ErrorCode::kIo, what + " '" + path + "': mmap: " + std::strerror(e));
  }
  char* const aligned = f->pages_.data();
  size_t done = 0;
  while (done < f->size_) {
    const ssize_t got = read(fd, aligned + done, f->size_ - done);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) {
      const int e = got < 0 ? errno : 0;
      close(fd);
      return Status(ErrorCode::kIo, what + " '" + path + "': read: " +
                                        (e ? std::strerror(e) : "file shrank while reading"));
    }
    done += static_cast<size_t>(got);
  }
  close(fd);
  f->pages_.Freeze();
  return Check(std::move(f), path, format);
}

StatusOr<std::unique_ptr<CheckedFile>> CheckedFile::FromBuffer(std::string_view file,
                                                               const std::string& name,
                                                               const FileFormat& format) {
  std::unique_ptr<CheckedFile> f(new CheckedFile());
  f->size_ = file.size();
  f->buffer_ = std::make_unique<uint64_t[]>(file.size() / 8 + 1);
  std::memcpy(f->buffer_.get(), file.data(), file.size());
  return Check(std::move(f), name, format);
}

}  // namespace annals
