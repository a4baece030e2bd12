// gzip members in and out with zlib; see gzip_stream.h.
//
// zlib's inflate() stops at the end of each member; a new member starts
// where it stopped, so one z_stream is reset and reused for every member
// (a WARC with one member per record has millions of them).
#include "ingest/gzip_stream.h"

#include <zlib.h>

#include <algorithm>
#include <utility>

namespace annals::internal {
namespace {

constexpr int kGzipBits = 16 + MAX_WBITS;
constexpr size_t kChunk = 64 * 1024;
constexpr char kMagic[] = "\x1f\x8b\x08";

bool OnlyPadding(std::string_view rest) {
  return std::all_of(rest.begin(), rest.end(),
                     [](char c) { return c == '\0' || c == '\n' || c == '\r' || c == ' '; });
}

std::string ZMessage(const z_stream& z, int rc) {
  if (z.msg != nullptr) return z.msg;
  return rc == Z_MEM_ERROR ? "out of memory" : "zlib error " + std::to_string(rc);
}

}  // namespace

bool IsGzipStart(std::string_view bytes) { return bytes.starts_with(std::string_view(kMagic, 3)); }

Status InflateAll(std::string_view in, int window_bits, size_t max_out, std::string* out) {
  out->clear();
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK)
    return Status(ErrorCode::kInternal, "zlib: inflateInit2 failed");
  char buf[kChunk];
  size_t pos = 0;
  Status st;
  while (true) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + pos));
    z.avail_in = static_cast<uInt>(std::min<size_t>(in.size() - pos, 1u << 30));
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    const uInt before = z.avail_in;
    const int rc = inflate(&z, Z_NO_FLUSH);
    pos += before - z.avail_in;
    out->append(buf, sizeof buf - z.avail_out);
    if (out->size() > max_out) {
      st = Status(ErrorCode::kTooLarge,
                  "inflates to more than the " + std::to_string(max_out) + "-byte limit");
      break;
    }
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (concatenated gzip is one file).
      if ((window_bits & 16) && IsGzipStart(in.substr(pos))) {
        inflateReset(&z);
        continue;
      }
      break;
    }
    if (rc == Z_OK && (z.avail_out == 0 || before != z.avail_in)) continue;
    st = Status(ErrorCode::kBadArchive, rc == Z_OK || rc == Z_BUF_ERROR
                                            ? std::string("compressed data is truncated")
                                            : "corrupt compressed data: " + ZMessage(z, rc));
    break;
  }
  inflateEnd(&z);
  return st;
}

std::string InflateHead(std::string_view in, size_t max_out) {
  GzipReader reader(in);
  std::string out;
  while (out.size() < max_out && reader.breaks().empty())
    if (reader.Read(max_out - out.size(), &out) == 0) break;
  if (out.size() > max_out) out.resize(max_out);
  return out;
}

std::string GzipCompress(std::string_view in) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, kGzipBits, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, static_cast<uLong>(in.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(rc == Z_STREAM_END ? z.total_out : 0);
  deflateEnd(&z);
  return out;
}

struct GzipReader::ZState {
  z_stream z{};
  bool ok = false;
};

GzipReader::GzipReader(std::string_view compressed) : z_(new ZState), in_(compressed) {
  z_->ok = inflateInit2(&z_->z, kGzipBits) == Z_OK;
  if (!z_->ok) done_ = true;
}

GzipReader::~GzipReader() {
  if (z_->ok) inflateEnd(&z_->z);
}

void GzipReader::StartMember(uint64_t at) {
  inflateReset(&z_->z);
  in_member_ = true;
  if (!members_.empty() && members_.back().first == inflated_) members_.pop_back();
  members_.emplace_back(inflated_, at);
}

void GzipReader::Resync(uint64_t from, std::string reason) {
  const uint64_t member = members_.empty() ? pos_ : members_.back().second;
  const uint64_t where = in_member_ ? member : pos_;
  // Damage right after damage is one stretch: one report.
  if (breaks_.empty() || breaks_.back().inflated_at != inflated_)
    breaks_.push_back({inflated_, where, std::move(reason)});
  in_member_ = false;
  const size_t next =
      from >= in_.size() ? std::string_view::npos : in_.find(std::string_view(kMagic, 3), from);
  pos_ = next == std::string_view::npos ? in_.size() : next;
  if (pos_ >= in_.size()) done_ = true;
}

size_t GzipReader::Read(size_t want, std::string* out) {
  size_t got = 0;
  char buf[kChunk];
  want = std::max<size_t>(want, 1);
  while (got < want && !done_) {
    if (pos_ >= in_.size()) {
      if (in_member_) {
        Resync(pos_, "gzip member is truncated (the file ends inside it)");
      }
      done_ = true;
      break;
    }
    if (!in_member_) {
      const std::string_view rest = in_.substr(pos_);
      if (!IsGzipStart(rest)) {
        if (OnlyPadding(rest)) {
          done_ = true;
          break;
        }
        Resync(pos_ + 1, "bytes at offset " + std::to_string(pos_) + " are not a gzip member");
        continue;
      }
      StartMember(pos_);
    }
    z_stream& z = z_->z;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in_.data() + pos_));
    z.avail_in = static_cast<uInt>(std::min<uint64_t>(in_.size() - pos_, 1u << 30));
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = static_cast<uInt>(std::min(sizeof buf, want - got));
    const uInt avail_in = z.avail_in, avail_out = z.avail_out;
    const int rc = inflate(&z, Z_NO_FLUSH);
    const size_t produced = avail_out - z.avail_out;
    pos_ += avail_in - z.avail_in;
    out->append(buf, produced);
    got += produced;
    inflated_ += produced;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
    } else if (rc == Z_OK || (rc == Z_BUF_ERROR && pos_ >= in_.size())) {
      continue;  // more to come, or the truncation check above
    } else {
      const uint64_t member = members_.back().second;
      Resync(member + 1,
             "corrupt gzip member at byte " + std::to_string(member) + ": " + ZMessage(z, rc));
    }
  }
  return got;
}

uint64_t GzipReader::MemberOffset(uint64_t inflated) const {
  uint64_t at = 0;
  for (const auto& [start, offset] : members_) {
    if (start > inflated) break;
    at = offset;
  }
  return at;
}

void GzipReader::ForgetBefore(uint64_t inflated) {
  while (members_.size() > 1 && members_[1].first <= inflated) members_.pop_front();
}

}  // namespace annals::internal
