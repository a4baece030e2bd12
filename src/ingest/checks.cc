// Byte checks, white space, names and error formatting shared by every
// reader (see ingest_internal.h), plus the small public helpers of ingest.h
// that have no better home: FormatName, ParseFormatName, RecordError.
//
// Checks run cheapest first and report the first offending byte offset so a
// user can find it with a hex viewer.
//
// Tested by detect_test.cc and text_reader_test.cc.
#include <xxhash.h>

#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "annals/ingest.h"
#include "annals/text.h"
#include "ingest/ingest_internal.h"

namespace annals {

std::string_view FormatName(Format f) {
  switch (f) {
    case Format::kAuto:
      return "auto";
    case Format::kWire:
      return "wire";
    case Format::kText:
      return "text";
    case Format::kJsonLines:
      return "jsonl";
    case Format::kCsv:
      return "csv";
    case Format::kHtml:
      return "html";
    case Format::kWarc:
      return "warc";
    case Format::kFeed:
      return "feed";
  }
  return "auto";
}

bool ParseFormatName(std::string_view s, Format* out) {
  for (Format f : {Format::kAuto, Format::kWire, Format::kText, Format::kJsonLines, Format::kCsv,
                   Format::kHtml, Format::kWarc, Format::kFeed}) {
    if (s == FormatName(f)) {
      *out = f;
      return true;
    }
  }
  if (s == "json" || s == "ndjson") {  // what users type for JSON Lines
    *out = Format::kJsonLines;
    return true;
  }
  if (s == "htm") {
    *out = Format::kHtml;
    return true;
  }
  if (s == "rss" || s == "atom") {
    *out = Format::kFeed;
    return true;
  }
  return false;
}

std::string RecordError::Describe() const { return origin.Describe() + ": " + status.ToString(); }

namespace internal {

size_t BomLength(std::string_view bytes) { return bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Length of a white-space character ending at s[end - 1], 0 if none.
size_t SpaceBefore(std::string_view s, size_t end) {
  if (end >= 1 && IsAsciiSpace(s[end - 1])) return 1;
  if (end >= 2 && s.substr(end - 2, 2) == "\xC2\xA0") return 2;
  if (end >= 3 && s.substr(end - 3, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

size_t SpaceAt(std::string_view s, size_t i) {
  if (i < s.size() && IsAsciiSpace(s[i])) return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xEF\xBB\xBF") return 3;
  return 0;
}

}  // namespace

std::string_view TrimSpace(std::string_view s) {
  size_t b = 0;
  while (size_t n = SpaceAt(s, b)) b += n;
  size_t e = s.size();
  while (e > b) {
    const size_t n = SpaceBefore(s, e);
    if (n == 0 || e - n < b) break;
    e -= n;
  }
  return s.substr(b, e - b);
}

bool IsBlank(std::string_view s) { return TrimSpace(s).empty(); }

size_t ExtensionDot(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const size_t base = slash == std::string_view::npos ? 0 : slash + 1;
  const size_t dot = path.find_last_of('.');
  return dot != std::string_view::npos && dot > base ? dot : std::string_view::npos;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string LowerExtension(std::string_view path) {
  const size_t dot = ExtensionDot(path);
  if (dot == std::string_view::npos) return {};
  return AsciiLower(path.substr(dot + 1));
}

std::string_view WithoutExtension(std::string_view path) {
  return path.substr(0, ExtensionDot(path));
}

std::string DerivedId(const std::string& path) {
  if (path == "-") return "stdin";
  const std::string_view stem = WithoutExtension(path);
  const size_t slash = stem.find_last_of('/');
  return std::string(slash == std::string_view::npos ? stem : stem.substr(slash + 1));
}

std::string StdinIdBase(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
  return "stdin-" + std::string(hex, 12);
}

namespace {

Status NulAt(size_t offset) {
  return Status(ErrorCode::kNulBytes,
                "NUL byte at byte " + std::to_string(offset) + " (binary data?)");
}

// A byte that cannot start UTF-8 and is not part of a sequence: most likely
// a single-byte encoding such as Latin-1 or Windows-1252 ("caf\xE9").
bool LoneHighByte(std::string_view bytes, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  if (at >= bytes.size() || byte(at) < 0xA0) return false;
  return at + 1 == bytes.size() || byte(at + 1) < 0x80 || byte(at + 1) > 0xBF;
}

Status CheckUtf8(std::string_view bytes, size_t base) {
  size_t bad = 0;
  if (IsValidUtf8(bytes, &bad)) return Status::Ok();
  std::string message = "invalid UTF-8 at byte " + std::to_string(base + bad);
  if (LoneHighByte(bytes, bad)) message += " (Latin-1 or Windows-1252 text?)";
  return Status(ErrorCode::kInvalidUtf8, std::move(message));
}

// UTF-16 without a byte order mark: mostly ASCII text, so one byte of each
// pair is NUL, always the same one.
bool LooksLikeBareUtf16(std::string_view head) {
  size_t nul[2] = {0, 0};
  for (size_t i = 0; i < head.size(); ++i) nul[i % 2] += head[i] == '\0';
  const size_t pairs = head.size() / 2;
  return pairs >= 2 &&
         ((nul[0] * 2 >= pairs && nul[1] == 0) || (nul[1] * 2 >= pairs && nul[0] == 0));
}

Status CheckControlBytes(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  size_t control = 0;
  for (unsigned char c : head) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) ++control;
  }
  if (control * 10 > head.size()) {
    return Status(ErrorCode::kBinary, "binary data: " + std::to_string(control) + " of the first " +
                                          std::to_string(head.size()) + " bytes are control bytes");
  }
  return Status::Ok();
}

}  // namespace

Status CheckNulAndUtf8(std::string_view bytes, size_t base) {
  const size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) return NulAt(base + nul);
  return CheckUtf8(bytes, base);
}

Status CheckNotUtf16(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF") ||
      LooksLikeBareUtf16(bytes.substr(0, kSniffBytes))) {
    return Status(ErrorCode::kInvalidUtf8,
                  "UTF-16 text; annals reads UTF-8 (convert it, e.g. with iconv -f UTF-16 -t "
                  "UTF-8)");
  }
  return Status::Ok();
}

Status CheckNotBinary(std::string_view bytes) {
  ANNALS_RETURN_IF_ERROR(CheckNotUtf16(bytes));
  return CheckControlBytes(bytes);
}

Status TooLarge(uint64_t size, uint64_t limit, std::string_view what) {
  return Status(ErrorCode::kTooLarge, std::string(what) + " is " + std::to_string(size) +
                                          " bytes, over the " + std::to_string(limit) +
                                          "-byte limit");
}

Status CheckDocumentBytes(std::string_view bytes, const ReadOptions& options) {
  if (bytes.size() > options.max_document_bytes)
    return TooLarge(bytes.size(), options.max_document_bytes, "document");
  // UTF-16 is full of NULs, so it is named before them; after it, a NUL is
  // the clearest sign of binary data.
  ANNALS_RETURN_IF_ERROR(CheckNotUtf16(bytes));
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos) return NulAt(nul);
  ANNALS_RETURN_IF_ERROR(CheckControlBytes(bytes));
  ANNALS_RETURN_IF_ERROR(CheckUtf8(bytes, 0));
  if (IsBlank(bytes)) return Status(ErrorCode::kEmptyDocument, "empty document (only white space)");
  return Status::Ok();
}

RecordError MakeError(const std::string& path, uint64_t record, ErrorCode code,
                      std::string message) {
  RecordError e;
  e.origin.path = path;
  e.origin.record = record;
  e.status = Status(code, std::move(message));
  return e;
}

std::string WithoutNul(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != '\0') out.push_back(c);
  return out;
}

std::string JsonQuote(std::string_view s) {
  // Only quotes, backslashes and control characters need escaping; the
  // input is valid UTF-8, which JSON takes as it is.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string json;
  json.reserve(s.size() + 2);
  json.push_back('"');
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      json.push_back('\\');
      json.push_back(static_cast<char>(c));
    } else if (c < 0x20 || c == 0x7F) {
      json += "\\u00";
      json.push_back(kHex[c >> 4]);
      json.push_back(kHex[c & 15]);
    } else {
      json.push_back(static_cast<char>(c));
    }
  }
  json.push_back('"');
  return json;
}

Document NewDocument(const std::string& path, uint64_t record, std::string_view format,
                     const ReadOptions& options) {
  Document doc;
  doc.id = options.id_base.empty() ? DerivedId(path) : options.id_base;
  if (record > 0) {
    doc.id.push_back(':');
    doc.id.append(std::to_string(record));
  }
  doc.format = std::string(format);
  doc.origin.path = path;
  doc.origin.record = record;
  return doc;
}

bool JsonTooDeep(std::string_view line, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // skip the escaped character
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

}  // namespace internal
}  // namespace annals
