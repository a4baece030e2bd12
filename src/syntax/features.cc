#include "syntax/features.h"

#include <xxhash.h>

namespace annals::syntax {

uint64_t HashString(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

void LowerAscii(std::string_view in, std::string* out) {
  out->assign(in);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

namespace {

char ShapeClass(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

}  // namespace

WordHashes HashWord(std::string_view form, std::string* buffer) {
  WordHashes h;
  h.form = HashString(form);
  // Shape: classes with runs collapsed, capped, so "Washington" and
  // "Gallant" share "Xx" and "32,000" is "d,d".
  char shape[8];
  size_t n = 0;
  for (char c : form) {
    const char k = ShapeClass(c);
    if (n > 0 && shape[n - 1] == k) continue;
    if (n == sizeof(shape)) break;
    shape[n++] = k;
  }
  h.shape = HashString(std::string_view(shape, n)) ^ (form.size() > 4 ? 1 : 0);
  LowerAscii(form, buffer);
  const std::string_view lower = *buffer;
  h.lower = HashString(lower);
  for (size_t k = 0; k < 4; ++k) {
    const size_t len = std::min(k + 1, lower.size());
    h.suffix[k] = HashString(lower.substr(lower.size() - len)) + k;
  }
  for (size_t k = 0; k < 3; ++k) {
    h.prefix[k] = HashString(lower.substr(0, std::min(k + 1, lower.size()))) + 7 * k;
  }
  return h;
}

}  // namespace annals::syntax
