// Little-endian byte writing and bounds-checked reading for the model files.
//
// ByteReader never reads past its buffer: a short or corrupt buffer sets
// ok() to false and every later read returns zeros, so a loader checks
// ok() once at the end instead of after every field.
#ifndef ANNALS_SYNTAX_BINARY_IO_H_
#define ANNALS_SYNTAX_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace annals::syntax {

// Arrays can be aligned to more than 8 bytes (a cache line) in the file:
// `origin` is where the bytes will start in it (a header before them), so
// that writer and reader pad the same way whatever buffer they use.
class ByteWriter {
 public:
  explicit ByteWriter(size_t origin = 0) : origin_(origin) {}
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void PutArray(std::span<const T> v, size_t align = 8) {
    static_assert(std::is_trivially_copyable_v<T>);
    Put<uint64_t>(v.size());
    Align(align);
    out_.append(reinterpret_cast<const char*>(v.data()), v.size_bytes());
  }
  // Pads so arrays can be used in place from an aligned buffer.
  void Align(size_t align = 8) {
    while ((origin_ + out_.size()) % align != 0) out_.push_back('\0');
  }
  std::string& bytes() { return out_; }

 private:
  size_t origin_;
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in, size_t origin = 0) : in_(in), origin_(origin) {}

  template <typename T>
  T Get() {
    static_assert(std::is_arithmetic_v<T>);
    T v{};
    if (!Need(sizeof(T))) return v;
    std::memcpy(&v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string_view GetString(size_t max_size) {
    const uint32_t n = Get<uint32_t>();
    if (n > max_size || !Need(n)) return Fail();
    const std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // A view of an array written by PutArray, in place (no copy), with the
  // same `align`. The buffer must be 8-byte aligned.
  template <typename T>
  std::span<const T> GetArray(size_t max_count, size_t align = 8) {
    static_assert(std::is_trivially_copyable_v<T>);
    const uint64_t n = Get<uint64_t>();
    Align(align);
    if (n > max_count || !Need(n * sizeof(T))) {
      Fail();
      return {};
    }
    const auto* p = reinterpret_cast<const T*>(in_.data() + pos_);
    pos_ += n * sizeof(T);
    return {p, static_cast<size_t>(n)};
  }
  void Align(size_t align = 8) {
    const size_t pad = (align - (origin_ + pos_) % align) % align;
    if (Need(pad)) pos_ += pad;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == in_.size(); }
  std::string_view Fail() {
    ok_ = false;
    pos_ = in_.size();
    return {};
  }

 private:
  bool Need(size_t n) {
    if (ok_ && n <= in_.size() - pos_) return true;
    Fail();
    return false;
  }
  std::string_view in_;
  size_t origin_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_BINARY_IO_H_
