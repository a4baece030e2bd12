// Byte checks, white space, names and error formatting shared by every
// reader (see ingest_internal.h), plus the small public helpers of ingest.h
// that have no better home: FormatName, ParseFormatName, RecordError.
//
// Checks run cheapest first and report the first offending byte offset so a
// user can find it with a hex viewer.
//
// Tested by detect_test.cc and text_reader_test.cc.
#include <string>
#include <string_view>

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
  }
  return "auto";
}

bool ParseFormatName(std::string_view s, Format* out) {
  for (Format f : {Format::kAuto, Format::kWire, Format::kText, Format::kJsonLines, Format::kCsv}) {
    if (s == FormatName(f)) {
      *out = f;
      return true;
    }
  }
  if (s == "json" || s == "ndjson") {  // what users type for JSON Lines
    *out = Format::kJsonLines;
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

std::string DerivedId(const std::string& path, const std::string& id_root) {
  if (path == "-") return "stdin";
  std::string_view name = path;
  const size_t slash = name.find_last_of('/');
  const size_t base = slash == std::string_view::npos ? 0 : slash + 1;
  const size_t dot = name.find_last_of('.');
  if (dot != std::string_view::npos && dot > base) name = name.substr(0, dot);
  std::string_view root = id_root;
  while (root.size() > 1 && root.back() == '/') root.remove_suffix(1);
  if (!root.empty() && name.size() > root.size() + 1 && name.starts_with(root) &&
      name[root.size()] == '/') {
    return std::string(name.substr(root.size() + 1));
  }
  return std::string(name.substr(base));
}

Status CheckNulAndUtf8(std::string_view bytes, size_t base) {
  const size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos) {
    return Status(ErrorCode::kNulBytes,
                  "NUL byte at byte " + std::to_string(base + nul) + " (binary data?)");
  }
  size_t bad = 0;
  if (!IsValidUtf8(bytes, &bad)) {
    return Status(ErrorCode::kInvalidUtf8, "invalid UTF-8 at byte " + std::to_string(base + bad));
  }
  return Status::Ok();
}

Status CheckNotBinary(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return Status(ErrorCode::kInvalidUtf8,
                  "invalid UTF-8 at byte 0 (UTF-16 byte order mark; annals "
                  "reads UTF-8)");
  }
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

Status TooLarge(uint64_t size, uint64_t limit, std::string_view what) {
  return Status(ErrorCode::kTooLarge, std::string(what) + " is " + std::to_string(size) +
                                          " bytes, over the " + std::to_string(limit) +
                                          "-byte limit");
}

Status CheckDocumentBytes(std::string_view bytes, const ReadOptions& options) {
  if (bytes.size() > options.max_document_bytes)
    return TooLarge(bytes.size(), options.max_document_bytes, "document");
  // A NUL is the clearest sign of binary data, so it is named first.
  if (bytes.find('\0') != std::string_view::npos) return CheckNulAndUtf8(bytes, 0);
  ANNALS_RETURN_IF_ERROR(CheckNotBinary(bytes));
  ANNALS_RETURN_IF_ERROR(CheckNulAndUtf8(bytes, 0));
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
  doc.id = DerivedId(path, options.id_root);
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
