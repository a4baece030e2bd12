// Charsets of web pages: which one the bytes are in, and conversion to
// UTF-8 with ICU.
//
// The order follows what browsers do (WHATWG "encoding sniffing"): a byte
// order mark wins, then the transport's label, then the page's own
// declaration in its first 4 KB, then a statistical guess (ICU ucsdet).
// Labels are mapped as browsers map them: ISO-8859-1 and US-ASCII mean
// windows-1252, GB2312 means GB18030, and a page that calls itself UTF-16
// while being ASCII-compatible is read as UTF-8. Declarations are often
// wrong (templates copied between sites, servers re-encoding pages), so the
// bytes get a say: valid multi-byte UTF-8 under a single-byte label is
// UTF-8, and a "UTF-8" page with many invalid sequences is guessed afresh.
//
// Tested by html_charset_test.cc.
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <string>
#include <string_view>

#include "annals/text.h"
#include "ingest/html_internal.h"
#include "ingest/ingest_internal.h"

namespace annals::internal {
namespace {

bool IsLabelChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' ||
         c == '.';
}

// The label after "charset" / "encoding" at lower[pos] (`=`, optional
// quotes), empty when malformed.
std::string LabelAt(std::string_view lower, size_t pos) {
  while (pos < lower.size() && (lower[pos] == ' ' || lower[pos] == '\t')) ++pos;
  if (pos >= lower.size() || lower[pos] != '=') return {};
  ++pos;
  while (pos < lower.size() &&
         (lower[pos] == ' ' || lower[pos] == '"' || lower[pos] == '\'' || lower[pos] == '\t'))
    ++pos;
  size_t end = pos;
  while (end < lower.size() && end - pos < 40 && IsLabelChar(lower[end])) ++end;
  return std::string(lower.substr(pos, end - pos));
}

// Browsers' reading of common labels (WHATWG Encoding, "labels").
std::string CanonicalLabel(std::string_view label) {
  std::string l = AsciiLower(internal::TrimSpace(label));
  if (l == "utf8" || l == "unicode-1-1-utf-8") return "utf-8";
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" || l == "us-ascii" ||
      l == "ascii" || l == "iso_8859-1" || l == "cp1252" || l == "x-cp1252")
    return "windows-1252";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk") return "gb18030";
  if (l == "shift-jis" || l == "sjis" || l == "x-sjis" || l == "ms_kanji") return "shift_jis";
  return l;
}

bool IsUtf8Label(std::string_view l) { return l == "utf-8"; }

// Single-byte legacy charsets, under which valid multi-byte UTF-8 is far
// more likely a mislabelled UTF-8 page than real text.
bool IsSingleByteLabel(std::string_view l) {
  return l.starts_with("windows-125") || l.starts_with("iso-8859-") || l.starts_with("koi8") ||
         l == "macintosh";
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Invalid UTF-8 sequences per non-ASCII byte is small: a UTF-8 page with a
// few broken bytes (truncated by a CMS), not another charset.
bool MostlyUtf8(std::string_view s) {
  size_t high = 0, bad = 0, i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    ++high;
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    size_t bad_at = 0;
    if (n == 0 || i + n > s.size() || !IsValidUtf8(s.substr(i, n), &bad_at)) {
      ++bad;
      ++i;
    } else {
      i += n;
    }
  }
  return bad * 50 <= high;
}

std::string GuessCharset(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&err);
  std::string name;
  if (U_SUCCESS(err)) {
    const auto n = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16));
    ucsdet_enableInputFilter(det, true);  // look at the text, not the tags
    ucsdet_setText(det, bytes.data(), n, &err);
    const UCharsetMatch* m = ucsdet_detect(det, &err);
    if (U_SUCCESS(err) && m != nullptr) {
      const char* s = ucsdet_getName(m, &err);
      if (U_SUCCESS(err) && s != nullptr) name = CanonicalLabel(s);
    }
    ucsdet_close(det);
  }
  // ucsdet says ISO-8859-1 for most Western text; windows-1252 reads the
  // same bytes and the curly quotes besides (mapped by CanonicalLabel).
  return name.empty() ? "windows-1252" : name;
}

// Which UTF-16 a page without a byte order mark is in: ASCII characters
// have their NUL byte second in little-endian.
std::string BareUtf16Label(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  size_t odd = 0, even = 0;
  for (size_t i = 0; i < head.size(); ++i) (i % 2 ? odd : even) += head[i] == '\0';
  return odd >= even ? "utf-16le" : "utf-16be";
}

Status Convert(std::string_view bytes, const std::string& charset, std::string* utf8) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 4))
    return TooLarge(bytes.size(), INT32_MAX / 4, "page");
  UErrorCode err = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset.c_str(), &err);
  if (U_FAILURE(err)) {
    return Status(ErrorCode::kInvalidUtf8, "no converter for charset '" + charset + "'");
  }
  // Three UTF-8 bytes per input byte at most (a single-byte charset's
  // characters are all in the BMP; UTF-16 gives 3 for 2).
  utf8->resize(bytes.size() * 3 + 4);
  const int32_t n =
      ucnv_toAlgorithmic(UCNV_UTF8, cnv, utf8->data(), static_cast<int32_t>(utf8->size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  ucnv_close(cnv);
  if (U_FAILURE(err)) {
    return Status(ErrorCode::kInvalidUtf8,
                  "cannot convert from '" + charset + "': " + u_errorName(err));
  }
  utf8->resize(static_cast<size_t>(n));
  return Status::Ok();
}

}  // namespace

std::string SniffMetaCharset(std::string_view head) {
  const std::string lower = AsciiLower(head.substr(0, kSniffBytes));
  if (lower.starts_with("<?xml")) {
    const size_t close = lower.find("?>");
    const size_t enc = lower.find("encoding", 0);
    if (enc != std::string::npos && enc < close) {
      std::string label = LabelAt(lower, enc + 8);
      if (!label.empty()) return label;
    }
  }
  size_t pos = 0;
  while ((pos = lower.find("<meta", pos)) != std::string::npos) {
    const size_t close = lower.find('>', pos);
    const std::string_view tag = std::string_view(lower).substr(
        pos, close == std::string::npos ? std::string::npos : close - pos);
    pos += 5;
    const size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    std::string label = LabelAt(tag, cs + 7);
    if (!label.empty()) return label;
  }
  return {};
}

Status DecodeToUtf8(std::string_view bytes, std::string_view declared, std::string* utf8,
                    std::string* charset) {
  std::string label;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    label = "utf-8";
  } else if (bytes.starts_with("\xFF\xFE")) {
    bytes.remove_prefix(2);
    label = "utf-16le";
  } else if (bytes.starts_with("\xFE\xFF")) {
    bytes.remove_prefix(2);
    label = "utf-16be";
  } else if (!CheckNotUtf16(bytes).ok()) {
    label = BareUtf16Label(bytes);
  } else {
    label = CanonicalLabel(declared);
    if (label.empty()) label = CanonicalLabel(SniffMetaCharset(bytes));
    // An ASCII-compatible page cannot be UTF-16 whatever it says.
    if (label.starts_with("utf-16") || label == "unicode") label = "utf-8";
    const bool valid = IsValidUtf8(bytes, nullptr);
    if (label.empty()) {
      label = valid ? "utf-8" : GuessCharset(bytes);
    } else if (IsUtf8Label(label) && !valid && !MostlyUtf8(bytes)) {
      label = GuessCharset(bytes);
    } else if (IsSingleByteLabel(label) && valid && HasNonAscii(bytes)) {
      label = "utf-8";
    }
  }
  *charset = label;
  if (IsUtf8Label(label) && IsValidUtf8(bytes, nullptr)) {
    utf8->assign(bytes);
    return Status::Ok();
  }
  Status st = Convert(bytes, label, utf8);
  if (!st.ok() && label != "windows-1252") {
    // An unknown label: a single-byte reading converts any bytes at all.
    *charset = "windows-1252";
    st = Convert(bytes, *charset, utf8);
  }
  return st;
}

}  // namespace annals::internal
