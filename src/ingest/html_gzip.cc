// gzip input for the HTML reader: saved pages often come as .html.gz.
//
// zlib inflates with an output budget, so a few kilobytes of crafted input
// cannot expand into gigabytes; concatenated members (what `cat a.gz b.gz`
// makes) are read one after another, as gunzip does.
//
// Tested by html_charset_test.cc.
#include <zlib.h>

#include <string>
#include <string_view>

#include "ingest/html_internal.h"
#include "ingest/ingest_internal.h"

namespace annals::internal {

bool IsGzip(std::string_view bytes) { return bytes.starts_with("\x1F\x8B"); }

Status Inflate(std::string_view bytes, size_t max_bytes, std::string* out) {
  out->clear();
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
    return Status(ErrorCode::kInternal, "zlib could not start");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());  // pages are far below 4 GB (max_bytes)
  char buf[1 << 15];
  Status status;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    const int rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (out->size() > max_bytes) {
      status = TooLarge(out->size(), max_bytes, "inflated page (at least)");
      break;
    }
    if (rc == Z_STREAM_END) {
      // Another member follows, or trailing garbage that gunzip ignores.
      if (z.avail_in >= 2 && z.next_in[0] == 0x1F && z.next_in[1] == 0x8B &&
          inflateReset(&z) == Z_OK)
        continue;
      break;
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      status = Status(ErrorCode::kBadArchive, "gzip data is truncated");
      break;
    }
    if (rc != Z_OK) {
      status = Status(ErrorCode::kBadArchive,
                      std::string("gzip data is corrupt: ") + (z.msg ? z.msg : "inflate failed"));
      break;
    }
  }
  inflateEnd(&z);
  return status;
}

}  // namespace annals::internal
