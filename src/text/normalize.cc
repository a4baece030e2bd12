// normalize.v1: turns a reader's text into the clean text every later stage
// points into.
//
// One pass over the bytes does everything except NFC: line ends (CRLF, CR
// -> LF), control characters (dropped; tab -> space), ill-formed bytes
// (-> U+FFFD, never a crash) and mojibake repair. Mojibake is UTF-8 that
// was decoded as Latin-1 or Windows-1252 and encoded again, so a run of
// characters whose one-byte Latin-1/CP1252 values form a well-formed
// multi-byte UTF-8 sequence is replaced by the character it encodes. The
// run must start with a lead byte (U+00C2..U+00F4) and continue with
// continuation bytes only (0x80..0xBF: symbols, never letters in Latin-1),
// so real text such as Portuguese "SAO" with A-tilde followed by a letter is
// left alone, and it must decode to a character news mojibake actually
// produces (IsPlausibleRepair), so "Spaß“" stays as it is. "â€" whose third
// byte was lost (CP1252 has no 0x9D) becomes U+201D. Text that was mangled
// twice is repaired by repeating the pass (at most three times, only while
// it still finds something).
//
// NFC runs through utf8proc only when a code point that NFC could change
// appears: ASCII, everything below U+0300, punctuation, symbols, emoji, CJK
// and Hangul syllables are stable, which covers nearly all English news.
// Runs of more than kMaxCombiningRun non-starters (counted in each
// character's canonical decomposition) are cut first, which keeps NFC
// linear (utf8proc orders each run of marks by a quadratic sort).
//
// Tested by normalize_test.cc.
#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "annals/text.h"
#include "text/utf8.h"

namespace annals {
namespace {

using internal::DecodeUtf8;

// Unicode values of Windows-1252 bytes 0x80..0x9F; 0 where CP1252 leaves
// the byte undefined (decoders then usually keep it as a C1 control).
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The byte a Latin-1 or CP1252 decoder turned into `cp`, or -1 when `cp`
// cannot have come from a byte >= 0x80.
int MisreadByte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  if (cp < 0x152 || cp > 0x2122) return -1;
  for (int k = 0; k < 32; ++k) {
    if (kCp1252High[k] == cp) return 0x80 + k;
  }
  return -1;
}

// True when NFC may change text containing `cp`. Every character outside
// these ranges is NFC_Quick_Check=Yes with combining class 0 and never the
// second half of a composition, so it is safe whenever the character after
// it is too; a following combining mark is not in the ranges and triggers
// NFC itself. The ranges keep emoji, CJK, Hangul and symbols such as the
// trade mark sign from sending a whole English article through utf8proc.
bool MayNeedNfc(char32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= 0x2002 && cp <= 0x2BFF) {
    // combining marks for symbols, and the singletons NFC replaces
    if (cp >= 0x20D0 && cp <= 0x20FF) return true;
    return cp == 0x2126 || cp == 0x212A || cp == 0x212B || cp == 0x2329 || cp == 0x232A ||
           cp == 0x2ADC;
  }
  if (cp >= 0x4E00 && cp <= 0x9FFF) return false;    // CJK ideographs
  if (cp >= 0xAC00 && cp <= 0xD7A3) return false;    // Hangul syllables
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  return cp != internal::kReplacementChar;
}

// Unicode's stream-safe limit: no real text has more combining marks in a
// row. Longer runs ("zalgo" text, or an attack) are cut to this length,
// because utf8proc sorts each run of marks by a quadratic method.
constexpr int kMaxCombiningRun = 30;

struct PassResult {
  size_t repairs = 0;
  bool needs_nfc = false;
  int combining_run = 0;  // non-starters just emitted in a row
};

// Non-starters at the start and end of the canonical decomposition of `cp`.
// Counting the decomposition, not `cp` itself, matters: U+0F73 has class 0
// but decomposes into two marks, so runs of it still reach the quadratic
// sort (the stream-safe text format counts the same way).
struct NonStarters {
  int leading = 0;
  int trailing = 0;
  bool all = false;
};

NonStarters CountNonStarters(char32_t cp) {
  const utf8proc_property_t* prop = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (prop->decomp_seqindex == UINT16_MAX) {  // no decomposition: skip the call
    const int self = prop->combining_class != 0 ? 1 : 0;
    return NonStarters{self, self, self == 1};
  }
  utf8proc_int32_t buf[8];
  int boundclass = 0;
  const utf8proc_ssize_t n =
      utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 8,
                              static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE), &boundclass);
  NonStarters r;
  if (n <= 0 || n > 8) return r;
  auto non_starter = [&](utf8proc_ssize_t k) {
    return utf8proc_get_property(buf[k])->combining_class != 0;
  };
  while (r.leading < n && non_starter(r.leading)) ++r.leading;
  r.all = r.leading == n;
  while (r.trailing < n && non_starter(n - 1 - r.trailing)) ++r.trailing;
  return r;
}

// Updates the run of non-starters with `cp`; false when `cp` would make the
// run longer than kMaxCombiningRun and must be dropped.
bool ExtendCombiningRun(char32_t cp, PassResult* r) {
  const NonStarters ns = CountNonStarters(cp);
  if (ns.all) {
    if (r->combining_run + ns.leading > kMaxCombiningRun) return false;
    r->combining_run += ns.leading;
  } else {
    r->combining_run = ns.trailing;
  }
  return true;
}

// True for what a repaired sequence may decode to. Real text is full of
// pairs that happen to look like mojibake ("ß" + U+201C gives an NKo
// letter, "É»" an IPA letter, "ÍŠ" a combining mark, "é…”" a CJK
// ideograph), while genuine mojibake in news encodes Latin letters,
// typographic punctuation, currency signs and NBSP. Anything else is kept.
bool IsPlausibleRepair(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0x17F) ||     // NBSP, Latin-1, Latin Extended-A
         (cp >= 0x2010 && cp <= 0x206F) ||  // dashes, quotes, ellipsis
         (cp >= 0x20A0 && cp <= 0x20CF) ||  // currency signs
         cp == 0x2122;                      // trade mark sign
}

// CP1252 has no character for byte 0x9D, so the last byte of U+201D ("â€"
// + 0x9D) is often lost or became U+FFFD. For "â€" at in[i] whose third
// character would start at `pos`: returns the bytes that "â€" and any
// stand-in for the lost byte span, or 0 when a real third byte follows.
size_t TryLostQuoteByte(std::string_view in, size_t pos, size_t i) {
  if (pos >= in.size()) return pos - i;
  char32_t next;
  const size_t next_len = DecodeUtf8(in, pos, &next);
  if (next_len == 0) return pos + 1 - i;  // the raw byte, ill-formed here
  if (next == internal::kReplacementChar) return pos + next_len - i;
  const int b = MisreadByte(next);
  if (b >= 0x80 && b <= 0xBF) return 0;
  return pos - i;
}

// If the characters at in[i] (whose code point `cp` has length `len`) are
// mojibake, returns the number of input bytes it spans and sets *fixed.
size_t TryRepair(std::string_view in, size_t i, char32_t cp, size_t len, char32_t* fixed) {
  if (cp < 0xC2 || cp > 0xF4) return 0;
  const size_t want = cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
  char bytes[4] = {static_cast<char>(cp)};
  size_t pos = i + len;
  for (size_t k = 1; k < want; ++k) {
    if (k == 2 && bytes[0] == '\xE2' && bytes[1] == '\x80') {
      if (const size_t span = TryLostQuoteByte(in, pos, i); span != 0) {
        *fixed = 0x201D;
        return span;
      }
    }
    if (pos >= in.size()) return 0;
    char32_t next;
    const size_t next_len = DecodeUtf8(in, pos, &next);
    if (next_len == 0) return 0;
    const int b = MisreadByte(next);
    if (b < 0x80 || b > 0xBF) return 0;
    bytes[k] = static_cast<char>(b);
    pos += next_len;
  }
  const size_t got = DecodeUtf8(std::string_view(bytes, want), 0, fixed);
  if (got != want || !IsPlausibleRepair(*fixed)) return 0;
  return pos - i;
}

// Appends the clean form of one non-ASCII code point.
void EmitNonAscii(char32_t cp, std::string_view raw, std::string* out, PassResult* r) {
  if (cp < 0xA0) {  // C1 controls; NEL is a line end
    if (cp == 0x85) out->push_back('\n');
    return;
  }
  switch (cp) {
    case 0x00AD:  // soft hyphen: invisible, would split words
    case 0x200B:  // zero-width space
    case 0x2060:  // word joiner
    case 0xFEFF:  // byte order mark
      return;
    case 0x2028:  // line separator
      out->push_back('\n');
      return;
    case 0x2029:  // paragraph separator
      out->append("\n\n");
      return;
    default:
      break;
  }
  if (MayNeedNfc(cp)) {
    r->needs_nfc = true;
    if (!ExtendCombiningRun(cp, r)) return;
  } else {
    r->combining_run = 0;
  }
  if (raw.empty()) {
    internal::AppendUtf8(cp, out);
  } else {
    out->append(raw);
  }
}

// One cleaning pass from `in` to `out` (cleared first).
PassResult CleanPass(std::string_view in, std::string* out) {
  PassResult r;
  out->clear();
  out->reserve(in.size() + 16);
  const size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    // Copy the longest run of printable ASCII and LF in one go.
    size_t j = i;
    while (j < n) {
      const unsigned char b = static_cast<unsigned char>(in[j]);
      if ((b >= 0x20 && b < 0x7F) || b == '\n') {
        ++j;
      } else {
        break;
      }
    }
    if (j > i) {
      r.combining_run = 0;
      out->append(in.data() + i, j - i);
      i = j;
      if (i >= n) break;
    }
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      if (b == '\r') {
        out->push_back('\n');
        if (i + 1 < n && in[i + 1] == '\n') ++i;
      } else if (b == '\t') {
        out->push_back(' ');
      } else if (b == '\v' || b == '\f') {
        out->push_back('\n');
      }  // other C0 controls and DEL are dropped
      ++i;
      continue;
    }
    char32_t cp;
    const size_t len = DecodeUtf8(in, i, &cp);
    if (len == 0) {
      internal::AppendUtf8(internal::kReplacementChar, out);
      ++i;
      continue;
    }
    char32_t fixed;
    const size_t span = TryRepair(in, i, cp, len, &fixed);
    if (span > 0) {
      ++r.repairs;
      EmitNonAscii(fixed, {}, out, &r);
      i += span;
      continue;
    }
    EmitNonAscii(cp, in.substr(i, len), out, &r);
    i += len;
  }
  return r;
}

// True when `s` is already clean printable ASCII (the common case).
bool IsPlainAscii(std::string_view s) {
  for (const char c : s) {
    const unsigned char b = static_cast<unsigned char>(c);
    if (!((b >= 0x20 && b < 0x7F) || b == '\n')) return false;
  }
  return true;
}

void ApplyNfc(std::string& text) {
  utf8proc_uint8_t* dst = nullptr;
  const utf8proc_ssize_t len =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                   static_cast<utf8proc_ssize_t>(text.size()), &dst,
                   static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (len >= 0 && dst != nullptr) {
    text.assign(reinterpret_cast<const char*>(dst), static_cast<size_t>(len));
  }
  std::free(dst);
}

constexpr int kMaxRepairPasses = 3;

class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize.v1"; }
  uint32_t requires_layers() const override { return kLayerText; }
  uint32_t assigns_layers() const override { return kLayerCleanText; }
  Status Process(Document& doc, Scratch& scratch) const override {
    size_t repairs = NormalizeText(doc.text, scratch.bytes);
    repairs += NormalizeText(doc.title, scratch.bytes);
    doc.content_hash = ContentHash(doc.title, doc.text);
    if (repairs > 0) {
      doc.diagnostics.push_back(
          Diagnostic{"normalize.v1", ErrorCode::kOk,
                     "repaired " + std::to_string(repairs) + " mojibake sequences"});
    }
    return Status::Ok();
  }
};

}  // namespace

size_t NormalizeText(std::string& text, std::string& scratch) {
  if (IsPlainAscii(text)) return 0;
  size_t repairs = 0;
  PassResult r;
  for (int pass = 0; pass < kMaxRepairPasses; ++pass) {
    r = CleanPass(text, &scratch);
    text.swap(scratch);
    repairs += r.repairs;
    if (r.repairs == 0) break;
  }
  if (r.needs_nfc) ApplyNfc(text);
  return repairs;
}

std::unique_ptr<Stage> MakeNormalizeStage() { return std::make_unique<NormalizeStage>(); }

}  // namespace annals
