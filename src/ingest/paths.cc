// ReadPaths and ListInputFiles: from command-line paths to buffers.
//
// Directories are walked with std::filesystem without following directory
// symlinks (so a link loop cannot trap the walk), hidden entries are
// skipped, and files are read in sorted path order so that a run's output
// does not depend on the file system's order. Only the first kSniffBytes
// are read before the format is known, so an oversized single-document file
// is refused without reading it; big multi-record files are mapped rather
// than copied into memory.
//
// Tested by paths_test.cc.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "annals/ingest.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

// Files at least this big are mapped instead of read into a string.
constexpr uint64_t kMapBytes = uint64_t{64} << 20;

bool HasReadableExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".txt" || ext == ".text" || ext == ".jsonl" || ext == ".ndjson" || ext == ".json" ||
         ext == ".csv";
}

void IoError(const std::string& path, const std::string& what, RecordSink* sink) {
  if (sink != nullptr) sink->OnError(internal::MakeError(path, 0, ErrorCode::kIo, what));
}

// The readable files under `dir`, sorted, with their sizes.
std::vector<std::pair<fs::path, uint64_t>> ListDirectory(const std::string& dir, RecordSink* sink) {
  std::vector<std::pair<fs::path, uint64_t>> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    if (p.filename().string().starts_with('.')) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      ec.clear();
      continue;
    }
    std::error_code fec;
    if (!it->is_regular_file(fec) || !HasReadableExtension(p)) continue;
    const uintmax_t size = it->file_size(fec);
    files.emplace_back(p, fec ? 0 : static_cast<uint64_t>(size));
  }
  if (ec) IoError(dir, "cannot list directory: " + ec.message(), sink);
  std::sort(files.begin(), files.end());
  return files;
}

// Reads all of `fd` (a pipe or other stream) up to `limit` + 1 bytes.
bool ReadStream(int fd, size_t limit, std::string* out, std::string* error) {
  char buf[1 << 16];
  while (out->size() <= limit) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = std::error_code(errno, std::generic_category()).message();
      return false;
    }
    out->append(buf, static_cast<size_t>(n));
  }
  return true;
}

void ReadStandardInput(const ReadOptions& options, RecordSink& sink) {
  std::string data, error;
  if (!ReadStream(STDIN_FILENO, options.max_file_bytes, &data, &error))
    return IoError("-", "cannot read standard input: " + error, &sink);
  ParseBuffer(data, "-", options.format, options, sink);
}

// Reads one regular file (or device, or pipe) and parses it.
void ReadFile(const std::string& path, const ReadOptions& options, RecordSink& sink) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return IoError(path, std::error_code(errno, std::generic_category()).message(), &sink);
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  const uint64_t size = regular ? static_cast<uint64_t>(st.st_size) : 0;
  auto refuse = [&](const Status& s) {
    sink.OnError(internal::MakeError(path, 0, s.code(), s.message()));
  };
  if (size > options.max_file_bytes) {
    ::close(fd);
    return refuse(internal::TooLarge(size, options.max_file_bytes, "file"));
  }
  std::string data, error;
  // Mapped: big files, and files too big to be one document, of which only
  // the head is ever touched when they turn out to be text.
  if (regular && (size >= kMapBytes || size > options.max_document_bytes)) {
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
      return IoError(path, std::error_code(errno, std::generic_category()).message(), &sink);
    const std::string_view bytes(static_cast<const char*>(map), size);
    Format format = options.format;
    if (format == Format::kAuto)
      format = DetectFormat(path, bytes.substr(0, internal::kSniffBytes));
    const bool single = format == Format::kText || format == Format::kWire;
    if (single && size > options.max_document_bytes + internal::BomLength(bytes)) {
      refuse(internal::TooLarge(size, options.max_document_bytes, "document"));
    } else {
      ::madvise(map, size, MADV_SEQUENTIAL);
      ParseBuffer(bytes, path, format, options, sink);
    }
    ::munmap(map, size);
    return;
  }
  data.reserve(size);
  const bool ok = ReadStream(fd, options.max_file_bytes, &data, &error);
  ::close(fd);
  if (!ok) return IoError(path, error, &sink);
  ParseBuffer(data, path, options.format, options, sink);
}

}  // namespace

void ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options,
               RecordSink& sink) {
  for (const std::string& path : paths) {
    if (path == "-") {
      ReadStandardInput(options, sink);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      IoError(path, ec ? ec.message() : "no such file or directory", &sink);
      continue;
    }
    if (fs::is_directory(status)) {
      ReadOptions in_dir = options;
      in_dir.id_root = path;
      for (const auto& [file, size] : ListDirectory(path, &sink))
        ReadFile(file.string(), in_dir, sink);
    } else {
      ReadFile(path, options, sink);
    }
  }
}

std::vector<std::pair<std::string, uint64_t>> ListInputFiles(
    const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const std::string& path : paths) {
    if (path == "-") {
      out.emplace_back(path, 0);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) continue;
    if (fs::is_directory(status)) {
      for (const auto& [file, size] : ListDirectory(path, nullptr))
        out.emplace_back(file.string(), size);
    } else {
      const uintmax_t size = fs::file_size(path, ec);
      out.emplace_back(path, ec ? 0 : static_cast<uint64_t>(size));
    }
  }
  return out;
}

}  // namespace annals
