// Paragraph finding: one linear pass over the lines.
//
// Wire copy separates paragraphs with one line break, older feeds and
// e-mail hard-wrap lines inside a paragraph, and most web text uses blank
// lines. A single break is therefore a paragraph end only when the line
// before it could end one: it ends in sentence-final punctuation (maybe
// followed by closing quotes or brackets), or it is heading-like (short,
// or mostly capitalised words, and not ending in a comma or similar). In
// both cases a next line that starts in lower case continues the paragraph,
// which is what hard-wrapped prose looks like, and so does a line ending in
// an abbreviation that would not end a sentence there ("Mr.\nJones").
// Lines are trimmed of every character the tokenizer counts as a space, so
// a line of NBSPs is blank.
//
// Tested by paragraphs_test.cc.
#include "text/paragraphs.h"

#include <cstdint>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace annals::internal {
namespace {

constexpr size_t kShortLineBytes = 40;
constexpr size_t kMaxHeadingBytes = 120;

// Start of the last code point that ends at `end` (end > 0).
size_t LastCharStart(std::string_view s, size_t end) {
  size_t i = end - 1;
  while (i > 0 && !IsLeadByte(static_cast<unsigned char>(s[i]))) --i;
  return i;
}

// The last character of `line` (not empty), decoded: a line can end in a
// multi-byte dash or space.
Char LastChar(std::string_view line) { return CharAt(line, LastCharStart(line, line.size())); }

// Narrows [*b, *e) of `text` by the tokenizer's space class (NBSP, thin
// space, ... as well as ASCII), so that a line holding only such spaces is
// blank and no paragraph starts or ends with one.
void TrimSpaces(std::string_view text, size_t* b, size_t* e) {
  while (*b < *e) {
    const Char c = CharAt(text, *b);
    if (c.cls != CharClass::kSpace || *b + c.len > *e) break;
    *b += c.len;
  }
  while (*e > *b) {
    const size_t start = LastCharStart(text, *e);
    if (start < *b) break;
    const Char c = CharAt(text, start);
    if (c.cls != CharClass::kSpace || start + c.len != *e) break;
    *e = start;
  }
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
  const Char last = LastChar(line);
  if (last.cp == ',' || last.cp == ';' || last.cp == ':' || last.cp == '(' || last.cp == '&' ||
      last.cls == CharClass::kHyphen || last.cls == CharClass::kDash) {
    return false;  // "WASHINGTON (AP) —" goes on in the next line
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

// The leading run of ASCII letters of `line` ("The" in "The talks").
std::string_view FirstWord(std::string_view line) {
  size_t n = 0;
  while (n < line.size() &&
         ((line[n] >= 'a' && line[n] <= 'z') || (line[n] >= 'A' && line[n] <= 'Z'))) {
    ++n;
  }
  return line.substr(0, n);
}

// True when `line` ends in a title, an initial or another abbreviation
// after which segment.v1 would not end a sentence before `next` ("meet
// Mr.\nJones", "the U.S.\nEmbassy"): the break is hard wrapping, even
// though the line ends in a period.
bool EndsInJoiningAbbreviation(std::string_view line, std::string_view next) {
  if (line.back() != '.') return false;
  const size_t space = line.find_last_of(" (\"");
  std::string_view stem = line.substr(space == std::string_view::npos ? 0 : space + 1);
  stem.remove_suffix(1);
  const std::string_view word = FirstWord(next);
  if (stem.size() == 1 && stem[0] >= 'A' && stem[0] <= 'Z') {
    return !IsSentenceStarter(word);  // an initial, as in segment.v1
  }
  switch (LookupAbbreviation(stem)) {
    case AbbrevKind::kTitle:
    case AbbrevKind::kNeverEnds:
      return !IsClosedClassStarter(word);
    case AbbrevKind::kMayEnd:
      return !IsSentenceStarter(word);
    default:
      return false;
  }
}

// Whether a single line break between `prev` and `line` ends a paragraph.
bool BreakEndsParagraph(std::string_view prev, std::string_view line) {
  if (StartsLower(line) || EndsInJoiningAbbreviation(prev, line)) return false;
  return EndsSentence(prev) || LooksLikeHeading(prev);
}

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
    TrimSpaces(text, &b, &e);
    const std::string_view line = text.substr(b, e - b);
    if (line.empty()) {
      close();
    } else {
      if (open && BreakEndsParagraph(prev_line, line)) close();
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
