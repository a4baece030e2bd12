// Packed binary token lists; format in token_codec.h.
// Tested by token_codec_test.cc.
#include "store/token_codec.h"

#include <limits>

namespace annals::internal {
namespace {

constexpr uint8_t kKindMask = 0x07;
constexpr uint8_t kSpaceAfter = 1u << 3;
constexpr uint8_t kHasNorm = 1u << 4;
constexpr uint8_t kHasLemma = 1u << 5;
constexpr uint8_t kHasTags = 1u << 6;
constexpr uint8_t kHasHead = 1u << 7;
constexpr uint8_t kMaxKind = static_cast<uint8_t>(TokenKind::kUrl);
// The fewest bytes a token can take: two varints and the flags byte.
constexpr size_t kMinTokenBytes = 3;
constexpr int64_t kMaxDelta = int64_t{1} << 40;

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

void PutSigned(int64_t v, std::string* out) {
  PutVarint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63), out);
}

void PutString(const std::string& s, std::string* out) {
  PutVarint(s.size(), out);
  out->append(s);
}

// Reads from a blob, remembering the first failure.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  bool ok() const { return ok_; }
  size_t left() const { return b_.size() - pos_; }

  uint8_t Byte() {
    if (pos_ >= b_.size()) return Fail();
    return static_cast<uint8_t>(b_[pos_++]);
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const uint8_t c = Byte();
      if (!ok_) return 0;
      v |= static_cast<uint64_t>(c & 0x7F) << shift;
      if ((c & 0x80) == 0) return v;
    }
    return Fail();
  }
  // Deltas in a valid blob stay far inside +-2^40; anything larger is
  // corrupt and refused here so that later sums cannot overflow.
  int64_t Signed() {
    const uint64_t u = Varint();
    const int64_t v = static_cast<int64_t>(u >> 1) ^ -static_cast<int64_t>(u & 1);
    if (v > kMaxDelta || v < -kMaxDelta) return Fail();
    return v;
  }
  std::string String() {
    const uint64_t n = Varint();
    if (!ok_ || n > left()) return Fail(), std::string();
    std::string s(b_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  uint8_t Fail() {
    ok_ = false;
    pos_ = b_.size();
    return 0;
  }

 private:
  std::string_view b_;
  size_t pos_ = 0;
  bool ok_ = true;
};

bool FitsU32(int64_t v) { return v >= 0 && v <= std::numeric_limits<uint32_t>::max(); }

Status CorruptTokens(const std::string& why) {
  return Status(ErrorCode::kStore, "stored token list is corrupt: " + why);
}

}  // namespace

void EncodeTokens(const std::vector<Token>& tokens, std::string* out) {
  out->clear();
  if (tokens.empty()) return;
  out->reserve(2 + tokens.size() * 5);
  out->push_back(static_cast<char>(kTokenFormatV1));
  PutVarint(tokens.size(), out);
  int64_t prev_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    PutSigned(int64_t{t.span.begin} - prev_end, out);
    PutSigned(int64_t{t.span.end} - int64_t{t.span.begin}, out);
    prev_end = t.span.end;
    const uint8_t kind = static_cast<uint8_t>(t.kind);
    uint8_t flags = kind <= kMaxKind ? kind : 0;
    if (t.space_after) flags |= kSpaceAfter;
    if (!t.norm.empty()) flags |= kHasNorm;
    if (!t.lemma.empty()) flags |= kHasLemma;
    const bool tags = t.upos != 0 || t.xpos != 0 || t.deprel != 0;
    if (tags) flags |= kHasTags;
    if (t.head >= 0) flags |= kHasHead;
    out->push_back(static_cast<char>(flags));
    if (!t.norm.empty()) PutString(t.norm, out);
    if (!t.lemma.empty()) PutString(t.lemma, out);
    if (tags) {
      out->push_back(static_cast<char>(t.upos));
      out->push_back(static_cast<char>(t.xpos));
      out->push_back(static_cast<char>(t.deprel));
    }
    if (t.head >= 0) PutSigned(int64_t{t.head} - static_cast<int64_t>(i), out);
  }
}

Status DecodeTokens(std::string_view blob, std::vector<Token>* tokens) {
  tokens->clear();
  if (blob.empty()) return Status::Ok();
  Reader r(blob);
  const uint8_t format = r.Byte();
  if (format != kTokenFormatV1)
    return CorruptTokens("unknown format byte " + std::to_string(format));
  const uint64_t count = r.Varint();
  // Bounds the allocation by the blob size, whatever the count claims.
  if (!r.ok() || count > r.left() / kMinTokenBytes) return CorruptTokens("bad token count");
  tokens->resize(count);
  int64_t prev_end = 0;
  for (size_t i = 0; i < count; ++i) {
    Token& t = (*tokens)[i];
    const int64_t begin = prev_end + r.Signed();
    const int64_t end = begin + r.Signed();
    const uint8_t flags = r.Byte();
    if (!r.ok() || !FitsU32(begin) || !FitsU32(end))
      return CorruptTokens("bad span in token " + std::to_string(i));
    if ((flags & kKindMask) > kMaxKind)
      return CorruptTokens("bad kind in token " + std::to_string(i));
    t.span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    prev_end = end;
    t.kind = static_cast<TokenKind>(flags & kKindMask);
    t.space_after = (flags & kSpaceAfter) != 0;
    if (flags & kHasNorm) t.norm = r.String();
    if (flags & kHasLemma) t.lemma = r.String();
    if (flags & kHasTags) {
      t.upos = r.Byte();
      t.xpos = r.Byte();
      t.deprel = r.Byte();
    }
    if (flags & kHasHead) {
      const int64_t head = static_cast<int64_t>(i) + r.Signed();
      if (head < 0 || head > std::numeric_limits<int32_t>::max())
        return CorruptTokens("bad head in token " + std::to_string(i));
      t.head = static_cast<int32_t>(head);
    }
    if (!r.ok()) return CorruptTokens("truncated at token " + std::to_string(i));
  }
  if (r.left() != 0) return CorruptTokens("trailing bytes");
  return Status::Ok();
}

}  // namespace annals::internal
