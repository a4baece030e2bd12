// Paragraph finding: one linear pass over the lines.
//
// Wire copy separates paragraphs with one line break, older feeds and
// e-mail hard-wrap lines inside a paragraph, and most web text uses blank
// lines. A single break is therefore a paragraph end only when the line
// before it could end one: it ends in sentence-final punctuation (maybe
// followed by closing quotes or brackets), or it is heading-like (short,
// or mostly capitalised words, and not ending in a comma or similar). In
// both cases a next line that starts in lower case continues the paragraph,
// which is what hard-wrapped prose looks like.
//
// Tested by paragraphs_test.cc.
#include "text/paragraphs.h"

#include <cstdint>

#include "text/char_class.h"
#include "text/utf8.h"

namespace annals::internal {
namespace {

constexpr size_t kShortLineBytes = 40;
constexpr size_t kMaxHeadingBytes = 120;

bool IsAsciiBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Start of the last code point that ends at `end` (end > 0).
size_t LastCharStart(std::string_view s, size_t end) {
  size_t i = end - 1;
  while (i > 0 && !IsLeadByte(static_cast<unsigned char>(s[i]))) --i;
  return i;
}

bool EndsSentence(std::string_view line) {
  size_t end = line.size();
  while (end > 0) {
    const size_t start = LastCharStart(line, end);
    const Char c = CharAt(line, start);
    const bool closer =
        c.cls == CharClass::kQuote || c.cls == CharClass::kApostrophe || c.cp == ')' || c.cp == ']';
    if (!closer) {
      return c.cp == '.' || c.cp == '!' || c.cp == '?' || c.cls == CharClass::kEllipsis;
    }
    end = start;
  }
  return false;
}

bool LooksLikeHeading(std::string_view line) {
  if (line.size() > kMaxHeadingBytes) return false;
  const char last = line.back();
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == '(' || last == '&') {
    return false;
  }
  if (line.size() <= kShortLineBytes) return true;
  // Title case: most words start with a capital or a digit.
  int words = 0, capitalised = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size()) break;
    const Char c = CharAt(line, i);
    ++words;
    if (IsUpperCp(c.cp) || c.cls == CharClass::kDigit) ++capitalised;
    while (i < line.size() && line[i] != ' ') ++i;
  }
  return words > 0 && capitalised * 10 >= words * 7;
}

bool StartsLower(std::string_view line) { return !line.empty() && IsLowerCp(CharAt(line, 0).cp); }

}  // namespace

void FindParagraphs(std::string_view text, std::vector<Paragraph>* out) {
  const size_t n = text.size();
  bool open = false;
  size_t para_begin = 0, para_end = 0;
  std::string_view prev_line;
  auto close = [&] {
    if (open) {
      Paragraph p;
      p.span = Span{static_cast<uint32_t>(para_begin), static_cast<uint32_t>(para_end)};
      out->push_back(p);
      open = false;
    }
  };
  size_t pos = 0;
  while (pos < n) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = n;
    size_t b = pos, e = eol;
    while (b < e && IsAsciiBlank(text[b])) ++b;
    while (e > b && IsAsciiBlank(text[e - 1])) --e;
    const std::string_view line = text.substr(b, e - b);
    if (line.empty()) {
      close();
    } else {
      if (open && !StartsLower(line) && (EndsSentence(prev_line) || LooksLikeHeading(prev_line))) {
        close();
      }
      if (!open) {
        open = true;
        para_begin = b;
      }
      para_end = e;
      prev_line = line;
    }
    pos = eol + 1;
  }
  close();
}

}  // namespace annals::internal
