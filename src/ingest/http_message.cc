// HTTP response parsing for archived pages; see http_message.h.
#include "ingest/http_message.h"

#include <cctype>
#include <string>

#include "ingest/gzip_stream.h"
#include "ingest/ingest_internal.h"

namespace annals::internal {
namespace {

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Where the header block ends and the body starts: after the first empty
// line (CRLF CRLF, or LF LF from sloppy writers).
bool SplitHead(std::string_view message, std::string_view* head, std::string_view* body) {
  const size_t crlf = message.find("\r\n\r\n");
  const size_t lf = message.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) {
    *head = message;
    *body = {};
    return false;
  }
  const bool use_crlf =
      crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf);
  const size_t at = use_crlf ? crlf : lf;
  *head = message.substr(0, at);
  *body = message.substr(at + (use_crlf ? 4 : 2));
  return true;
}

}  // namespace

std::string_view FieldValue(const HeaderFields& fields, std::string_view lower_name) {
  for (const auto& [name, value] : fields)
    if (name == lower_name) return value;
  return {};
}

bool ParseHeaderFields(std::string_view lines, HeaderFields* out) {
  out->clear();
  size_t pos = 0;
  while (pos < lines.size()) {
    size_t nl = lines.find('\n', pos);
    if (nl == std::string_view::npos) nl = lines.size();
    std::string_view line = lines.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if ((line.front() == ' ' || line.front() == '\t') && !out->empty()) {
      out->back().second += ' ';
      out->back().second += TrimOws(line);
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    out->emplace_back(AsciiLower(TrimOws(line.substr(0, colon))),
                      std::string(TrimOws(line.substr(colon + 1))));
  }
  return true;
}

void ParseContentType(std::string_view value, std::string* media_type, std::string* charset) {
  const size_t semi = value.find(';');
  *media_type = AsciiLower(TrimOws(value.substr(0, semi)));
  charset->clear();
  size_t pos = semi;
  while (pos != std::string_view::npos && pos < value.size()) {
    const size_t next = value.find(';', pos + 1);
    const std::string_view param = TrimOws(value.substr(pos + 1, next - pos - 1));
    pos = next;
    const size_t eq = param.find('=');
    if (eq == std::string_view::npos || AsciiLower(TrimOws(param.substr(0, eq))) != "charset")
      continue;
    std::string_view v = TrimOws(param.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    *charset = AsciiLower(v);
  }
}

Status Dechunk(std::string_view in, size_t max_out, std::string* out) {
  out->clear();
  size_t pos = 0;
  while (true) {
    const size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos)
      return Status(ErrorCode::kBadArchive, "chunked body ends without its last chunk");
    std::string_view size_line = in.substr(pos, nl - pos);
    size_line = TrimOws(size_line.substr(0, size_line.find(';')));  // chunk extensions
    uint64_t size = 0;
    if (size_line.empty() || size_line.size() > 15)
      return Status(ErrorCode::kBadArchive,
                    "bad chunk size line at body byte " + std::to_string(pos));
    for (const char c : size_line) {
      const int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                        : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                                    : -1;
      if (digit < 0)
        return Status(ErrorCode::kBadArchive, "bad chunk size '" + std::string(size_line) +
                                                  "' at body byte " + std::to_string(pos));
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    pos = nl + 1;
    if (size == 0) return Status::Ok();  // trailer fields, if any, are not needed
    if (size > in.size() - pos)
      return Status(ErrorCode::kBadArchive,
                    "chunk of " + std::to_string(size) + " bytes runs past the end of the body");
    if (out->size() + size > max_out) return TooLarge(out->size() + size, max_out, "decoded body");
    out->append(in.substr(pos, size));
    pos += size;
    if (in.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (in.substr(pos, 1) == "\n") {
      pos += 1;
    }
  }
}

Status ParseHttpResponse(std::string_view message, size_t max_body, HttpResponse* out) {
  *out = HttpResponse();
  std::string_view head, body;
  SplitHead(message, &head, &body);
  const size_t nl = head.find('\n');
  std::string_view status_line = head.substr(0, nl);
  if (status_line.ends_with('\r')) status_line.remove_suffix(1);
  // "HTTP/1.1 200 OK"; HTTP/2 archived by some crawlers as "HTTP/2 200".
  if (!status_line.starts_with("HTTP/") || status_line.find(' ') == std::string_view::npos)
    return Status(ErrorCode::kBadArchive, "response record holds no HTTP status line");
  const std::string_view code = status_line.substr(status_line.find(' ') + 1, 3);
  if (code.size() != 3 || !std::isdigit(static_cast<unsigned char>(code[0])) ||
      !std::isdigit(static_cast<unsigned char>(code[1])) ||
      !std::isdigit(static_cast<unsigned char>(code[2])))
    return Status(ErrorCode::kBadArchive,
                  "bad HTTP status line '" + std::string(status_line.substr(0, 64)) + "'");
  out->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  if (nl != std::string_view::npos && !ParseHeaderFields(head.substr(nl + 1), &out->headers))
    return Status(ErrorCode::kBadArchive, "malformed HTTP header field");
  ParseContentType(FieldValue(out->headers, "content-type"), &out->media_type, &out->charset);

  std::string decoded;
  const std::string transfer = AsciiLower(FieldValue(out->headers, "transfer-encoding"));
  if (transfer.find("chunked") != std::string::npos) {
    ANNALS_RETURN_IF_ERROR(Dechunk(body, max_body, &decoded));
  } else {
    if (body.size() > max_body) return TooLarge(body.size(), max_body, "HTTP body");
    decoded = std::string(body);
  }
  const std::string coding = AsciiLower(TrimOws(FieldValue(out->headers, "content-encoding")));
  if (coding.empty() || coding == "identity") {
    out->body = std::move(decoded);
  } else if (coding == "gzip" || coding == "x-gzip") {
    ANNALS_RETURN_IF_ERROR(InflateAll(decoded, 16 + 15, max_body, &out->body));
  } else if (coding == "deflate") {
    // RFC 9110 says zlib-wrapped; some servers send raw deflate.
    if (!InflateAll(decoded, 15, max_body, &out->body).ok())
      ANNALS_RETURN_IF_ERROR(InflateAll(decoded, -15, max_body, &out->body));
  } else {
    return Status(ErrorCode::kBadArchive,
                  "unsupported HTTP content coding '" + coding.substr(0, 32) + "'");
  }
  return Status::Ok();
}

}  // namespace annals::internal
