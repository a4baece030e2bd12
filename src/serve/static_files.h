// Internal header (not public API): the web page's static files, served
// from one folder (build/web by default, see serve_command.cc).
//
// A URL path is mapped to a file only when it is plainly a file name under
// the root: '/'-separated segments of [A-Za-z0-9._-], none empty, "." or
// "..", none starting with '.', at most kMaxPathLength bytes. Anything else
// (percent signs left after decoding, backslashes, NUL, traversal) is
// refused before the file system is touched, and the resolved path must
// still lie under the canonical root once symlinks are followed.
//
// Tested by static_files_test.cc.
#ifndef ANNALS_SERVE_STATIC_FILES_H_
#define ANNALS_SERVE_STATIC_FILES_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::serve {

inline constexpr size_t kMaxPathLength = 256;
inline constexpr uintmax_t kMaxStaticFileBytes = 32u << 20;

struct StaticFile {
  std::string body;
  std::string content_type;   // from the extension; application/octet-stream if unknown
  std::string cache_control;  // no-cache for HTML (the page names its assets), else a day
};

// The file `url_path` names under `root` ("/" is index.html). Errors:
// kInvalidArgument for a path that is refused (the server answers 403),
// kNotFound for no such regular file, kIo when it cannot be read.
StatusOr<std::filesystem::path> ResolveStaticPath(const std::filesystem::path& root,
                                                  std::string_view url_path);
StatusOr<StaticFile> LoadStaticFile(const std::filesystem::path& root, std::string_view url_path);

std::string_view ContentTypeFor(const std::filesystem::path& file);

}  // namespace annals::serve

#endif  // ANNALS_SERVE_STATIC_FILES_H_
