// Anonymous memory the kernel is asked to back with 2 MB pages.
//
// For tables probed at random, like the syntax model's weights: with 4 KB
// pages nearly every probe of a table of tens of megabytes also misses the
// TLB. The advice (MADV_HUGEPAGE) may be refused, which leaves plain pages:
// slower, never wrong.
#ifndef ANNALS_CORE_HUGE_PAGES_H_
#define ANNALS_CORE_HUGE_PAGES_H_

#include <cstddef>
#include <utility>

namespace annals {

class HugePageBuffer {
 public:
  HugePageBuffer() = default;
  ~HugePageBuffer();
  HugePageBuffer(HugePageBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  HugePageBuffer& operator=(HugePageBuffer&& other) noexcept;
  HugePageBuffer(const HugePageBuffer&) = delete;
  HugePageBuffer& operator=(const HugePageBuffer&) = delete;

  // At least `bytes` of zeroed, writable memory starting on a 2 MB
  // boundary; empty (data() null) when the system has none to give.
  static HugePageBuffer Allocate(size_t bytes);

  // Makes the memory read-only: what is loaded once and then only probed
  // cannot be scribbled on by a stray write.
  void Freeze();

  char* data() const { return data_; }
  size_t size() const { return size_; }  // whole 2 MB pages
  bool empty() const { return data_ == nullptr; }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace annals

#endif  // ANNALS_CORE_HUGE_PAGES_H_
