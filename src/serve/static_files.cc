// Safe static file lookup; see static_files.h.
#include "serve/static_files.h"

#include <fstream>
#include <sstream>

namespace annals::serve {
namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

Status Refused(std::string_view why) {
  return Status(ErrorCode::kInvalidArgument, "static path refused: " + std::string(why));
}

}  // namespace

StatusOr<std::filesystem::path> ResolveStaticPath(const std::filesystem::path& root,
                                                  std::string_view url_path) {
  if (url_path.empty() || url_path[0] != '/') return Refused("not absolute");
  if (url_path.size() > kMaxPathLength) return Refused("too long");
  std::string rel(url_path.substr(1));
  if (rel.empty()) rel = "index.html";
  size_t begin = 0;
  while (begin <= rel.size()) {
    size_t end = rel.find('/', begin);
    if (end == std::string::npos) end = rel.size();
    const std::string_view segment(rel.data() + begin, end - begin);
    if (segment.empty()) return Refused("empty segment");
    if (segment[0] == '.') return Refused("dot segment");
    for (char c : segment)
      if (!IsNameChar(c)) return Refused("unexpected character");
    begin = end + 1;
  }
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::canonical(root, ec);
  if (ec) return Status(ErrorCode::kNotFound, "no static folder");
  const std::filesystem::path file = std::filesystem::canonical(base / rel, ec);
  if (ec) return Status(ErrorCode::kNotFound, "no such file");
  // A symlink inside the folder may point out of it.
  const std::string b = base.string() + "/";
  if (file.string().compare(0, b.size(), b) != 0) return Refused("outside the static folder");
  if (!std::filesystem::is_regular_file(file, ec))
    return Status(ErrorCode::kNotFound, "not a file");
  return file;
}

StatusOr<StaticFile> LoadStaticFile(const std::filesystem::path& root, std::string_view url_path) {
  StatusOr<std::filesystem::path> file = ResolveStaticPath(root, url_path);
  if (!file.ok()) return file.status();
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(*file, ec);
  if (ec || size > kMaxStaticFileBytes) return Status(ErrorCode::kIo, "static file unreadable");
  std::ifstream in(*file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  if (!in && !in.eof()) return Status(ErrorCode::kIo, "static file unreadable");
  StaticFile out;
  out.body = std::move(body).str();
  out.content_type = std::string(ContentTypeFor(*file));
  out.cache_control = file->extension() == ".html" ? "no-cache" : "public, max-age=86400";
  return out;
}

std::string_view ContentTypeFor(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".yaml") return "text/yaml; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace annals::serve
