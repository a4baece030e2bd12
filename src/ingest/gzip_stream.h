// Internal (not part of the public API): gzip for the WARC reader and
// writer, and the content encodings of archived HTTP responses.
//
// GzipReader inflates a buffer holding any number of gzip members (RFC
// 1952) a slice at a time, so that a whole-file .warc.gz of gigabytes is
// read with a window of a few megabytes. Damage does not end the read: a
// member that fails to inflate, or bytes between members that are no gzip
// member, are reported as a Break and reading resumes at the next gzip
// header found after the damage. The bytes inflated before a break are
// good; what follows it comes from a later member.
//
// Tested by warc_reader_test.cc.
#ifndef ANNALS_INGEST_GZIP_STREAM_H_
#define ANNALS_INGEST_GZIP_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::internal {

// True when `bytes` start like a gzip member (magic and deflate method).
bool IsGzipStart(std::string_view bytes);

// Inflates all of `in` (gzip, zlib or raw deflate, as `window_bits` says in
// zlib's terms: 16+15 gzip, 15 zlib, -15 raw, 32+15 gzip or zlib), refusing
// more than `max_out` bytes of output (kTooLarge). Multi-member gzip is
// read whole. Errors: kBadArchive.
Status InflateAll(std::string_view in, int window_bits, size_t max_out, std::string* out);

// Up to `max_out` inflated bytes from the start of a gzip buffer, for
// format detection; empty when it does not inflate.
std::string InflateHead(std::string_view in, size_t max_out);

// `in` as one gzip member (level 6).
std::string GzipCompress(std::string_view in);

class GzipReader {
 public:
  explicit GzipReader(std::string_view compressed);
  ~GzipReader();
  GzipReader(const GzipReader&) = delete;
  GzipReader& operator=(const GzipReader&) = delete;

  // Appends up to about `want` inflated bytes to *out; returns how many
  // were appended, 0 only at the end of the input.
  size_t Read(size_t want, std::string* out);

  // A damaged stretch: good inflated data ends at `inflated_at`; the
  // damage was met in the member starting at compressed byte
  // `compressed_at`.
  struct Break {
    uint64_t inflated_at = 0;
    uint64_t compressed_at = 0;
    std::string reason;
  };
  // Breaks met so far and not yet taken, oldest first.
  std::deque<Break>& breaks() { return breaks_; }

  // Compressed offset of the member holding inflated byte `inflated`
  // (members before the window the caller still needs are forgotten once
  // ForgetBefore is called).
  uint64_t MemberOffset(uint64_t inflated) const;
  void ForgetBefore(uint64_t inflated);
  // Compressed bytes consumed so far (for progress).
  uint64_t compressed_position() const { return pos_; }

 private:
  void StartMember(uint64_t at);
  // Skips to the next gzip header after `from`; false at the end.
  void Resync(uint64_t from, std::string reason);

  struct ZState;
  std::unique_ptr<ZState> z_;
  std::string_view in_;
  uint64_t pos_ = 0;       // next compressed byte
  uint64_t inflated_ = 0;  // inflated bytes delivered
  bool in_member_ = false;
  bool done_ = false;
  // (inflated offset where a member's output starts, its compressed offset)
  std::deque<std::pair<uint64_t, uint64_t>> members_;
  std::deque<Break> breaks_;
};

}  // namespace annals::internal

#endif  // ANNALS_INGEST_GZIP_STREAM_H_
