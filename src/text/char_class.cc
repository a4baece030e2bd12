// Character classes for the tokenizer: an ASCII table plus the Unicode
// characters news text actually uses as spaces, quotes and dashes; the
// rest falls back to utf8proc's general category.
//
// Tested through tokenize_test.cc.
#include "text/char_class.h"

#include <utf8proc.h>

#include "text/utf8.h"

namespace annals::internal {
namespace {

constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kSymbol;
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
      k = CharClass::kSpace;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      k = CharClass::kLetter;
    } else if (c >= '0' && c <= '9') {
      k = CharClass::kDigit;
    } else if (c == '\'') {
      k = CharClass::kApostrophe;
    } else if (c == '"') {
      k = CharClass::kQuote;
    } else if (c == '-') {
      k = CharClass::kHyphen;
    } else if (c == '.') {
      k = CharClass::kPeriod;
    } else if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' || c == ')' ||
               c == '[' || c == ']' || c == '{' || c == '}' || c == '/' || c == '\\' || c == '_' ||
               c == '`') {
      k = CharClass::kPunct;
    }
    t[c] = k;
  }
  return t;
}

}  // namespace

// Declared extern in the header, so this definition has external linkage.
constexpr std::array<CharClass, 128> kAsciiClass = MakeAsciiTable();

CharClass ClassifyNonAscii(char32_t cp) {
  switch (cp) {
    case 0x00A0:
    case 0x1680:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return CharClass::kSpace;
    case 0x2019:
      return CharClass::kApostrophe;
    case 0x2018:
    case 0x201A:
    case 0x201B:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2039:
    case 0x203A:
      return CharClass::kQuote;
    case 0x2010:
    case 0x2011:
      return CharClass::kHyphen;
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return CharClass::kDash;
    case 0x2026:
      return CharClass::kEllipsis;
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return CharClass::kSpace;
  if (cp > 0x10FFFF) return CharClass::kSymbol;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunct;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    default:
      return CharClass::kSymbol;
  }
}

Char NonAsciiCharAt(std::string_view text, size_t i) {
  Char c;
  const size_t len = DecodeUtf8(text, i, &c.cp);
  if (len == 0) {
    c.cp = kReplacementChar;
    c.len = 1;
    c.cls = CharClass::kSymbol;
    return c;
  }
  c.len = static_cast<uint8_t>(len);
  c.cls = ClassifyNonAscii(c.cp);
  return c;
}

bool IsUpperCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return cp <= 0x10FFFF && utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
}

bool IsLowerCp(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return cp <= 0x10FFFF && utf8proc_islower(static_cast<utf8proc_int32_t>(cp));
}

}  // namespace annals::internal
