#include "core/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace annals {
namespace {
constexpr size_t kHugePage = size_t{2} << 20;
}  // namespace

HugePageBuffer::~HugePageBuffer() {
  if (data_ != nullptr) munmap(data_, size_);
}

HugePageBuffer& HugePageBuffer::operator=(HugePageBuffer&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) munmap(data_, size_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

HugePageBuffer HugePageBuffer::Allocate(size_t bytes) {
  HugePageBuffer b;
  if (bytes == 0) bytes = 1;
  const size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  // Over-allocate by one huge page so the start can be aligned to one.
  void* p = mmap(nullptr, rounded + kHugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                 -1, 0);
  if (p == MAP_FAILED) return b;
  char* base = static_cast<char*>(p);
  char* aligned = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(base) + kHugePage - 1) &
                                          ~(uintptr_t{kHugePage} - 1));
  // Give back the unaligned head and the tail so only whole huge pages stay.
  if (aligned > base) munmap(base, static_cast<size_t>(aligned - base));
  const size_t tail = static_cast<size_t>(base + rounded + kHugePage - (aligned + rounded));
  if (tail > 0) munmap(aligned + rounded, tail);
  madvise(aligned, rounded, MADV_HUGEPAGE);  // advice only: failure leaves small pages
  b.data_ = aligned;
  b.size_ = rounded;
  return b;
}

void HugePageBuffer::Freeze() {
  if (data_ != nullptr) mprotect(data_, size_, PROT_READ);
}

}  // namespace annals
