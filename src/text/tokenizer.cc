// The tokenizer: one left-to-right pass, each token found by a small
// scanner chosen by the class of its first character.
//
// Why hand-written scanners and not regular expressions: every rule looks
// at most a few characters ahead, so the whole pass is linear, allocation
// free (norm strings aside, and those stay within the small-string buffer)
// and runs at memory speed on ASCII. Every scanner stops at the token
// budget (kMaxTokenBytes), so no input can make a token, or the work spent
// on one, grow without bound.
//
// Rules, in short: words keep internal apostrophes and hyphens
// ("O'Neill", "rock'n'roll", "US-led", "22-year-old") but clitics split
// off the way the Universal Dependencies English Web Treebank cuts them,
// since a parser trained on it reads our tokens: "Gaza" "'s", "I" "'m",
// "they" "'ll", "did" "n't", "ca" "n't", and the fused "can" "not",
// "gon" "na", "wan" "na", "got" "ta";
// dotted abbreviations ("U.S.", "e.g.") and listed ones ("Gen.") keep their
// period, as do single capital initials ("W."); numbers keep decimal
// points, thousands commas, times, dates and ranges ("1,234.56", "22:16",
// "2024-03-26") and split from units and currency signs ("3.5" "m",
// "$" "1.2"); URLs, e-mail addresses and bare domains ("Amazon.com") are
// one token.
//
// Tested by tokenize_test.cc.
#include "text/tokenizer.h"

#include <algorithm>

#include "text/abbreviations.h"
#include "text/char_class.h"
#include "text/utf8.h"

namespace annals::internal {
namespace {

struct Piece {
  size_t end;
  TokenKind kind;
};

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsWordClass(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }
char Lower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

class Scanner {
 public:
  Scanner(std::string_view text, size_t end) : text_(text), end_(end) {}

  // The character at i, or a zero-length space past the range end.
  Char At(size_t i) const {
    if (i >= end_) return Char{0, 0, CharClass::kSpace};
    return CharAt(text_, i);
  }

  Piece Scan(size_t i, Char c, size_t limit, const std::vector<Token>& out) const;

 private:
  bool StartsWithNoCase(size_t i, std::string_view prefix) const;
  Piece ScanUrl(size_t i, size_t limit) const;
  size_t TryEmail(size_t i, size_t limit) const;
  size_t ScanDotted(size_t i, size_t limit) const;
  size_t DomainEnd(size_t j, size_t limit) const;
  size_t CliticEnd(size_t i, Char apostrophe) const;
  size_t NegationEnd(size_t i) const;
  size_t WordLoop(size_t j, size_t limit) const;
  Piece ScanWord(size_t i, size_t limit) const;
  size_t SkipDigits(size_t j, size_t limit) const;
  bool ThreeDigitsThenStop(size_t k, size_t limit) const;
  Piece ScanNumber(size_t i, size_t limit) const;
  size_t RunOf(size_t i, size_t limit, std::string_view chars) const;

  std::string_view text_;
  size_t end_;
};

bool Scanner::StartsWithNoCase(size_t i, std::string_view prefix) const {
  if (end_ - i < prefix.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    if (Lower(text_[i + k]) != prefix[k]) return false;
  }
  return true;
}

Piece Scanner::ScanUrl(size_t i, size_t limit) const {
  size_t j = i;
  bool has_open_paren = false;
  while (j < limit) {
    const Char c = At(j);
    if (c.cls == CharClass::kSpace || c.cls == CharClass::kQuote || c.cp == '<' || c.cp == '>' ||
        c.cp == '\'' || j + c.len > limit) {
      break;
    }
    if (c.cp == '(') has_open_paren = true;
    j += c.len;
  }
  // Punctuation right after a URL almost always belongs to the sentence.
  while (j > i + 1) {
    const char b = text_[j - 1];
    if (b == '.' || b == ',' || b == ';' || b == ':' || b == '!' || b == '?' ||
        (b == ')' && !has_open_paren)) {
      --j;
    } else {
      break;
    }
  }
  return {j, TokenKind::kUrl};
}

size_t Scanner::TryEmail(size_t i, size_t limit) const {
  size_t k = i;
  while (k < limit && (IsAsciiLetter(text_[k]) || IsAsciiDigit(text_[k]) || text_[k] == '.' ||
                       text_[k] == '_' || text_[k] == '%' || text_[k] == '+' || text_[k] == '-')) {
    ++k;
  }
  if (k == i || k >= limit || text_[k] != '@') return 0;
  size_t m = k + 1;
  while (m < limit && (IsAsciiLetter(text_[m]) || IsAsciiDigit(text_[m]) || text_[m] == '.' ||
                       text_[m] == '-')) {
    ++m;
  }
  while (m > k + 1 && (text_[m - 1] == '.' || text_[m - 1] == '-')) --m;
  const std::string_view domain = text_.substr(k + 1, m - k - 1);
  const size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size() ||
      !IsAsciiLetter(domain[dot + 1])) {
    return 0;
  }
  return m;
}

// "U.S.", "e.g.", "Ph.D.": two or more runs of one or two ASCII letters,
// each followed by a period. Returns the end, or 0.
size_t Scanner::ScanDotted(size_t i, size_t limit) const {
  size_t k = i;
  int chunks = 0;
  while (k < limit) {
    size_t m = k;
    while (m < limit && m - k < 3 && IsAsciiLetter(text_[m])) ++m;
    const size_t run = m - k;
    if (run == 0 || run > 2 || m >= limit || text_[m] != '.') break;
    k = m + 1;
    ++chunks;
  }
  return chunks >= 2 ? k : 0;
}

// "Amazon.com": a word, a period and a common top-level domain that ends
// the word. Only generic domains: country codes ("in", "de") are real
// words too often. Returns the end of the domain, or 0.
size_t Scanner::DomainEnd(size_t j, size_t limit) const {
  static constexpr std::string_view kTopLevel[] = {"com", "net", "org",  "gov", "edu",
                                                   "int", "mil", "info", "biz"};
  size_t m = j + 1;
  while (m < limit && m - j <= 4 && text_[m] >= 'a' && text_[m] <= 'z') ++m;
  const std::string_view tld = text_.substr(j + 1, m - j - 1);
  if (IsWordClass(At(m).cls) || At(m).cls == CharClass::kHyphen) return 0;
  for (const std::string_view t : kTopLevel) {
    if (tld == t) return m;
  }
  return 0;
}

// The end of a clitic "'s", "'m", "'d", "'ll", "'re" or "'ve" (any case)
// whose apostrophe is at i, or 0. The clitic must end the word, which keeps
// "ma'am", "y'all" and "D'Amato" whole.
size_t Scanner::CliticEnd(size_t i, Char apostrophe) const {
  const size_t k = i + apostrophe.len;
  if (k >= end_) return 0;
  const char a = Lower(text_[k]);
  size_t n = 0;
  if (a == 's' || a == 'm' || a == 'd') {
    n = 1;
  } else if (k + 1 < end_) {
    const char b = Lower(text_[k + 1]);
    if ((a == 'l' && b == 'l') || ((a == 'r' || a == 'v') && b == 'e')) n = 2;
  }
  if (n == 0 || IsWordClass(At(k + n).cls)) return 0;
  return k + n;
}

// The end of a word-final "n't" (any case, either apostrophe) at i, or 0.
size_t Scanner::NegationEnd(size_t i) const {
  if (i >= end_ || Lower(text_[i]) != 'n') return 0;
  const Char apostrophe = At(i + 1);
  if (apostrophe.cls != CharClass::kApostrophe) return 0;
  const size_t t = i + 1 + apostrophe.len;
  if (t >= end_ || Lower(text_[t]) != 't' || IsWordClass(At(t + 1).cls)) return 0;
  return t + 1;
}

// Extends a word from j over letters, digits, and apostrophes or hyphens
// that sit between word characters. Stops before a clitic ("'s", "'ll",
// "n't"), which Scan then takes as a token of its own.
size_t Scanner::WordLoop(size_t j, size_t limit) const {
  const size_t from = j;
  while (j < limit) {
    const Char c = At(j);
    if (IsWordClass(c.cls)) {
      if (j + c.len > limit) break;
      j += c.len;
      continue;
    }
    if (c.cls == CharClass::kApostrophe || c.cls == CharClass::kHyphen) {
      const Char next = At(j + c.len);
      if (c.cls == CharClass::kApostrophe) {
        if (next.cls != CharClass::kLetter || CliticEnd(j, c) != 0) break;
        // "didn't" -> "did" "n't"; a bare "n't" stays one word.
        if (j - 1 > from && NegationEnd(j - 1) != 0) return j - 1;
      } else if (!IsWordClass(next.cls)) {
        break;
      }
      if (j + c.len + next.len > limit) break;
      j += c.len + next.len;
      continue;
    }
    // "AT&T", "R&D", "Q&A"
    if (c.cp == '&' && j > 0 && IsAsciiUpper(text_[j - 1]) && j + 1 < limit &&
        IsAsciiUpper(text_[j + 1])) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}

// Where EWT cuts "cannot", "gonna", "wanna" and "gotta" (any case) into
// two words ("can" "not", "gon" "na"), or 0 for any other word.
size_t FusedCut(std::string_view word) {
  static constexpr std::string_view kFused[] = {"cannot", "gonna", "wanna", "gotta"};
  for (const std::string_view fused : kFused) {
    if (word.size() != fused.size()) continue;
    size_t k = 0;
    while (k < word.size() && Lower(word[k]) == fused[k]) ++k;
    if (k == word.size()) return 3;
  }
  return 0;
}

Piece Scanner::ScanWord(size_t i, size_t limit) const {
  size_t j = i;
  if (const size_t dotted = ScanDotted(i, limit); dotted != 0) {
    j = dotted;
    const Char next = At(j);
    if (next.cls != CharClass::kHyphen || !IsWordClass(At(j + next.len).cls)) {
      return {j, TokenKind::kWord};
    }
  }
  j = WordLoop(j, limit);
  if (j < end_) {
    const char b = text_[j];
    if (b == '@' || b == '.' || b == '_' || b == '+') {
      if (const size_t e = TryEmail(i, limit); e != 0) return {e, TokenKind::kUrl};
    }
    if (b == '.' && j + 1 < limit && j > i) {
      if (const size_t d = DomainEnd(j, limit); d != 0) return {d, TokenKind::kWord};
    }
    if (b == '.' && j + 1 <= limit) {
      const std::string_view stem = text_.substr(i, j - i);
      if ((stem.size() == 1 && IsAsciiUpper(stem[0])) ||
          LookupAbbreviation(stem) != AbbrevKind::kNone) {
        return {j + 1, TokenKind::kWord};
      }
    }
  }
  // Every word passes here, so a cheap test first: all four fused words
  // have 5 or 6 letters and a doubled third letter ("caNNot", "goTTa").
  if ((j - i == 5 || j - i == 6) && text_[i + 2] == text_[i + 3]) {
    if (const size_t cut = FusedCut(text_.substr(i, j - i)); cut != 0) {
      return {i + cut, TokenKind::kWord};
    }
  }
  return {j, TokenKind::kWord};
}

size_t Scanner::SkipDigits(size_t j, size_t limit) const {
  while (j < limit) {
    if (IsAsciiDigit(text_[j])) {
      ++j;
      continue;
    }
    if (static_cast<unsigned char>(text_[j]) < 0x80) break;
    const Char c = At(j);
    if (c.cls != CharClass::kDigit || j + c.len > limit) break;
    j += c.len;
  }
  return j;
}

bool Scanner::ThreeDigitsThenStop(size_t k, size_t limit) const {
  if (k + 3 > limit) return false;
  for (size_t m = k; m < k + 3; ++m) {
    if (!IsAsciiDigit(text_[m])) return false;
  }
  return k + 3 >= end_ || !IsAsciiDigit(text_[k + 3]);
}

Piece Scanner::ScanNumber(size_t i, size_t limit) const {
  size_t j = SkipDigits(i, limit);
  while (j < limit) {
    const char b = text_[j];
    if ((b == '.' || b == ':' || b == '/' || b == '-') && j + 1 < limit &&
        IsAsciiDigit(text_[j + 1])) {
      j = SkipDigits(j + 1, limit);
      continue;
    }
    if (b == ',' && ThreeDigitsThenStop(j + 1, limit)) {
      j += 4;
      continue;
    }
    // Digit groups separated by NBSP, narrow NBSP or thin space.
    if (static_cast<unsigned char>(b) >= 0x80) {
      const Char c = At(j);
      if ((c.cp == 0xA0 || c.cp == 0x202F || c.cp == 0x2009) &&
          ThreeDigitsThenStop(j + c.len, limit)) {
        j += c.len + 3;
        continue;
      }
    }
    break;
  }
  const Char next = At(j);
  if (next.cls == CharClass::kLetter) {
    // Ordinals and decades stay whole: "3rd", "21st", "1990s".
    size_t w = j;
    while (w < limit && w - j < 3 && IsAsciiLetter(text_[w])) ++w;
    std::string suffix(text_.substr(j, w - j));
    for (char& ch : suffix) ch = Lower(ch);
    const bool ends = !IsWordClass(At(w).cls);
    if (ends &&
        (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th" || suffix == "s")) {
      return {WordLoop(w, limit), TokenKind::kWord};
    }
    return {j, TokenKind::kNumber};  // a unit follows: "3.5" "m"
  }
  if (next.cls == CharClass::kHyphen && At(j + next.len).cls == CharClass::kLetter) {
    return {WordLoop(j, limit), TokenKind::kWord};  // "22-year-old"
  }
  return {j, TokenKind::kNumber};
}

size_t Scanner::RunOf(size_t i, size_t limit, std::string_view chars) const {
  size_t j = i;
  while (j < limit && chars.find(text_[j]) != std::string_view::npos) ++j;
  return j;
}

// Whether the token before i is a word or number that ends at i, so that
// a clitic starting at i belongs to it.
bool AfterWord(size_t i, const std::vector<Token>& out) {
  return !out.empty() && out.back().span.end == i &&
         (out.back().kind == TokenKind::kWord || out.back().kind == TokenKind::kNumber);
}

Piece Scanner::Scan(size_t i, Char c, size_t limit, const std::vector<Token>& out) const {
  switch (c.cls) {
    case CharClass::kLetter:
      if ((c.cp == 'n' || c.cp == 'N') && AfterWord(i, out)) {
        if (const size_t e = NegationEnd(i); e != 0) return {e, TokenKind::kWord};
      }
      if ((c.cp == 'h' || c.cp == 'H' || c.cp == 'w' || c.cp == 'W') &&
          (StartsWithNoCase(i, "http://") || StartsWithNoCase(i, "https://") ||
           StartsWithNoCase(i, "www."))) {
        return ScanUrl(i, limit);
      }
      return ScanWord(i, limit);
    case CharClass::kDigit:
      return ScanNumber(i, limit);
    case CharClass::kApostrophe:
      // A clitic right after a word: "Gaza's" -> "Gaza" "'s".
      if (AfterWord(i, out)) {
        if (const size_t e = CliticEnd(i, c); e != 0) return {e, TokenKind::kWord};
      }
      return {i + c.len, TokenKind::kQuote};
    case CharClass::kQuote:
      return {i + c.len, TokenKind::kQuote};
    case CharClass::kHyphen:
      if (c.cp == '-') return {RunOf(i, limit, "-"), TokenKind::kDash};
      return {i + c.len, TokenKind::kDash};
    case CharClass::kDash:
      return {i + c.len, TokenKind::kDash};
    case CharClass::kPeriod:
      return {RunOf(i, limit, "."), TokenKind::kPunct};
    case CharClass::kEllipsis:
      return {i + c.len, TokenKind::kPunct};
    case CharClass::kPunct:
      if (c.cp == '!' || c.cp == '?') return {RunOf(i, limit, "!?"), TokenKind::kPunct};
      return {i + c.len, TokenKind::kPunct};
    case CharClass::kSymbol:
    case CharClass::kSpace:
      break;
  }
  return {i + c.len, TokenKind::kSymbol};
}

bool IsSpaceAt(std::string_view text, size_t i) {
  if (i >= text.size()) return false;
  const unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return kAsciiClass[b] == CharClass::kSpace;
  return CharAt(text, i).cls == CharClass::kSpace;
}

// The ASCII form of one non-ASCII character inside a token, or empty.
std::string_view AsciiFormOf(char32_t cp, TokenKind kind) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2039:
    case 0x203A:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
      return "-";
    case 0x2014:
    case 0x2015:
      return "--";
    case 0x2026:
      return "...";
    case 0x00A0:
    case 0x202F:
    case 0x2009:
      return kind == TokenKind::kNumber ? "" : " ";
    default:
      return {};
  }
}

// Sets t.norm when the token's normal form differs from its surface.
void SetNorm(std::string_view text, Token& t) {
  const std::string_view s = text.substr(t.span.begin, t.span.size());
  bool plain = true;
  for (const char ch : s) {
    if (static_cast<unsigned char>(ch) >= 0x80 || (ch == ',' && t.kind == TokenKind::kNumber)) {
      plain = false;
      break;
    }
  }
  if (plain) return;
  std::string norm;
  size_t i = 0;
  while (i < s.size()) {
    const Char c = CharAt(s, i);
    if (c.cp == ',' && t.kind == TokenKind::kNumber) {
      // thousands separator: dropped
    } else if (c.cp >= 0x80) {
      const std::string_view ascii = AsciiFormOf(c.cp, t.kind);
      const bool mapped = !ascii.empty() || c.cp == 0x00A0 || c.cp == 0x202F || c.cp == 0x2009;
      norm.append(mapped ? ascii : s.substr(i, c.len));
    } else {
      norm.push_back(static_cast<char>(c.cp));
    }
    i += c.len;
  }
  if (norm != s) t.norm = std::move(norm);
}

}  // namespace

void TokenizeSpan(std::string_view text, Span range, std::vector<Token>* out) {
  const size_t end = std::min<size_t>(range.end, text.size());
  const Scanner scanner(text, end);
  size_t i = range.begin;
  while (i < end) {
    const Char c = scanner.At(i);
    if (c.cls == CharClass::kSpace) {
      i += c.len;
      continue;
    }
    const size_t limit = std::min(end, i + kMaxTokenBytes);
    Piece p = scanner.Scan(i, c, limit, *out);
    if (p.end > end) p.end = end;
    if (p.end <= i) p.end = std::min(end, i + c.len);
    Token& t = out->emplace_back();
    t.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(p.end)};
    t.kind = p.kind;
    t.space_after = IsSpaceAt(text, p.end);
    SetNorm(text, t);
    i = p.end;
  }
}

}  // namespace annals::internal
