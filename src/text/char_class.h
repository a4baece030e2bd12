// Internal (not part of the public API): what the tokenizer and the
// paragraph finder need to know about a character.
//
// ASCII goes through a 128-entry table; other code points through a short
// switch for the characters news text uses as spaces, quotes and dashes and
// then utf8proc's general category. No virtual calls, no allocation.
//
// Tested through tokenize_test.cc.
#ifndef ANNALS_TEXT_CHAR_CLASS_H_
#define ANNALS_TEXT_CHAR_CLASS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annals::internal {

enum class CharClass : uint8_t {
  kSpace,       // ASCII white space, NBSP and the Unicode spaces
  kLetter,      // letters and combining marks (word characters)
  kDigit,       // decimal digits
  kApostrophe,  // ' and U+2019: inside words, or a quote
  kQuote,       // " and the other typographic quotes
  kHyphen,      // - U+2010 U+2011: inside words, or a dash
  kDash,        // en, em and figure dashes, horizontal bar
  kPeriod,      // .
  kEllipsis,    // U+2026
  kPunct,       // other punctuation
  kSymbol,      // symbols, currency, and anything unclassified
};

// One decoded character: code point, byte length and class. Ill-formed
// bytes come back as one-byte kSymbol characters with cp = 0xFFFD.
struct Char {
  char32_t cp = 0;
  uint8_t len = 0;
  CharClass cls = CharClass::kSymbol;
};

// Class of a non-ASCII code point.
CharClass ClassifyNonAscii(char32_t cp);

// Class of each ASCII byte.
extern const std::array<CharClass, 128> kAsciiClass;

// Reads a non-ASCII (or ill-formed) character at text[i].
Char NonAsciiCharAt(std::string_view text, size_t i);

// Reads the character at text[i]; i must be < text.size(). Inline because
// it runs once per byte of ASCII text.
inline Char CharAt(std::string_view text, size_t i) {
  const unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return Char{b, 1, kAsciiClass[b]};
  return NonAsciiCharAt(text, i);
}

// Case of a code point, for sentence boundary decisions.
bool IsUpperCp(char32_t cp);
bool IsLowerCp(char32_t cp);

}  // namespace annals::internal

#endif  // ANNALS_TEXT_CHAR_CLASS_H_
