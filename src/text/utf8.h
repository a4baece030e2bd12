// Internal (not part of the public API): small UTF-8 helpers shared by the
// text stages.
//
// Decoding is strict (no overlong forms, no surrogates, nothing above
// U+10FFFF) so that every stage agrees with IsValidUtf8 about what is
// well-formed. All functions are allocation-free except AppendUtf8.
//
// Tested by utf8_test.cc.
#ifndef ANNALS_TEXT_UTF8_H_
#define ANNALS_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace annals::internal {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at s[i] (i < s.size()). Returns its length
// in bytes (1-4) and sets *cp; returns 0 when the bytes there are not a
// well-formed sequence (then *cp is left unspecified).
size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp);

// Appends the UTF-8 form of `cp` (which must be a valid scalar value).
void AppendUtf8(char32_t cp, std::string* out);

// Number of bytes AppendUtf8 writes for `cp`.
inline size_t Utf8Length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// True for a byte that starts a code point (not a continuation byte).
inline bool IsLeadByte(unsigned char b) { return (b & 0xC0) != 0x80; }

}  // namespace annals::internal

#endif  // ANNALS_TEXT_UTF8_H_
