// ReadPaths and ListInputFiles: from command-line paths to buffers.
//
// Directories are walked with std::filesystem without following directory
// symlinks (so a link loop cannot trap the walk), hidden entries are
// skipped, and files are read in sorted path order so that a run's output
// does not depend on the file system's order. Only the first kSniffBytes
// are read before the format is known, so an oversized single-document file
// is refused without reading it; big multi-record files are mapped rather
// than copied into memory. Every file of the run is listed before any is
// read, so that derived ids can be made unique across the whole run.
//
// Tested by paths_test.cc.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
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
  const std::string ext = internal::LowerExtension(p.filename().string());
  if (ext == "gz") {  // only compressed pages and archives: "x.html.gz", "x.warc.gz"
    const std::string inner =
        internal::LowerExtension(internal::WithoutExtension(p.filename().string()));
    return inner == "html" || inner == "htm" || inner == "xhtml" || inner == "warc";
  }
  return ext == "txt" || ext == "text" || ext == "jsonl" || ext == "ndjson" || ext == "json" ||
         ext == "csv" || ext == "html" || ext == "htm" || ext == "xhtml" || ext == "warc" ||
         ext == "rss" || ext == "atom" || ext == "xml";
}

void IoError(const std::string& path, const std::string& what, RecordSink* sink) {
  if (sink != nullptr) sink->OnError(internal::MakeError(path, 0, ErrorCode::kIo, what));
}

// The readable files under `dir`, sorted, with their sizes. Folders that
// cannot be listed (the walk itself, or a sub-folder without permission)
// go to *problems as (path, reason): skipping them silently would look
// like a complete run.
std::vector<std::pair<fs::path, uint64_t>> ListDirectory(
    const std::string& dir, std::vector<std::pair<std::string, std::string>>* problems) {
  std::vector<std::pair<fs::path, uint64_t>> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code fec;
    const bool is_dir = it->is_directory(fec);
    if (p.filename().string().starts_with('.')) {
      if (is_dir) it.disable_recursion_pending();
      continue;
    }
    if (is_dir && ::access(p.c_str(), R_OK | X_OK) != 0) {
      problems->emplace_back(
          p.string(),
          "cannot list directory: " + std::error_code(errno, std::generic_category()).message());
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(fec) || !HasReadableExtension(p)) continue;
    const uintmax_t size = it->file_size(fec);
    files.emplace_back(p, fec ? 0 : static_cast<uint64_t>(size));
  }
  if (ec) problems->emplace_back(dir, "cannot list directory: " + ec.message());
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
  ReadOptions with_id = options;
  with_id.id_base = internal::StdinIdBase(data);
  ParseBuffer(data, "-", options.format, with_id, sink);
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
    const bool single =
        format == Format::kText || format == Format::kWire || format == Format::kHtml;
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

// One input of a run, in reading order: a file, standard input, or a path
// that could not be listed (`error` set).
struct Input {
  std::string path;
  uint64_t size = 0;
  std::string stem;  // the id when it is unique in the run
  std::string error;
};

std::vector<Input> ListInputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.push_back({path, 0, {}, {}});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      inputs.push_back({path, 0, {}, ec ? ec.message() : "no such file or directory"});
    } else if (fs::is_directory(status)) {
      const fs::path root(path);
      std::vector<std::pair<std::string, std::string>> problems;
      const auto files = ListDirectory(path, &problems);
      for (auto& [where, why] : problems) inputs.push_back({where, 0, {}, std::move(why)});
      for (const auto& [file, size] : files) {
        const std::string below = file.lexically_relative(root).string();
        inputs.push_back({file.string(), size, std::string(internal::WithoutExtension(below)), {}});
      }
    } else {
      const uintmax_t size = fs::file_size(path, ec);
      inputs.push_back({path, ec ? 0 : static_cast<uint64_t>(size), internal::DerivedId(path), {}});
    }
  }
  return inputs;
}

// Gives each file of the run an id stem no other file has, where it can:
// the natural stem, else the path as given without extension, else the
// whole path. A file named twice keeps one id: it is one document.
void MakeStemsUnique(std::vector<Input>& inputs) {
  std::vector<int> level(inputs.size(), 0);
  for (int round = 1; round <= 2; ++round) {
    std::map<std::string, std::set<std::string>> paths_of;
    for (const Input& in : inputs)
      if (in.error.empty() && in.path != "-") paths_of[in.stem].insert(in.path);
    for (size_t i = 0; i < inputs.size(); ++i) {
      Input& in = inputs[i];
      if (!in.error.empty() || in.path == "-" || level[i] >= round || paths_of[in.stem].size() < 2)
        continue;
      level[i] = round;
      in.stem = round == 1 ? std::string(internal::WithoutExtension(in.path)) : in.path;
    }
  }
}

}  // namespace

void ReadPaths(const std::vector<std::string>& paths, const ReadOptions& options,
               RecordSink& sink) {
  std::vector<Input> inputs = ListInputs(paths);
  MakeStemsUnique(inputs);
  ReadOptions file_options = options;
  for (const Input& in : inputs) {
    if (sink.Cancelled()) return;
    if (!in.error.empty()) {
      IoError(in.path, in.error, &sink);
    } else if (in.path == "-") {
      ReadStandardInput(options, sink);
    } else {
      file_options.id_base = in.stem;
      ReadFile(in.path, file_options, sink);
    }
  }
}

std::vector<std::pair<std::string, uint64_t>> ListInputFiles(
    const std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const Input& in : ListInputs(paths))
    if (in.error.empty()) out.emplace_back(in.path, in.size);
  return out;
}

}  // namespace annals
