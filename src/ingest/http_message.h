// Internal (not part of the public API): the HTTP responses that WARC
// response records carry (RFC 9112): status line, header fields, chunked
// transfer coding, gzip/deflate content coding, and the media type and
// charset of Content-Type.
//
// Lenient where crawlers' archives are sloppy (LF without CR, a body
// shorter than its Content-Length, unknown header fields), strict where
// guessing would give garbage: a broken chunk size or compressed body is an
// error. Every output is bounded by the caller's limit.
//
// Tested by warc_reader_test.cc.
#ifndef ANNALS_INGEST_HTTP_MESSAGE_H_
#define ANNALS_INGEST_HTTP_MESSAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/status.h"

namespace annals::internal {

// Header fields with lower-case names, values trimmed, in order; shared by
// the WARC and HTTP headers, which have the same syntax.
using HeaderFields = std::vector<std::pair<std::string, std::string>>;
// The value of the first field named `lower_name`, empty when absent.
std::string_view FieldValue(const HeaderFields& fields, std::string_view lower_name);
// Parses "Name: value" lines (CRLF or LF; continuation lines folded in).
// False when a line is not a field.
bool ParseHeaderFields(std::string_view lines, HeaderFields* out);

// "text/html; charset=ISO-8859-1" -> "text/html", "iso-8859-1".
void ParseContentType(std::string_view value, std::string* media_type, std::string* charset);

struct HttpResponse {
  int status = 0;          // 200, 404, ...
  HeaderFields headers;    // as sent
  std::string media_type;  // lower-case, from Content-Type; empty when none
  std::string charset;     // lower-case; empty when none
  std::string body;        // de-chunked and decoded
};

// Parses one HTTP response message. The body is limited to `max_body`
// bytes after decoding (kTooLarge). Errors: kBadArchive (no status line,
// bad chunk, undecodable or unsupported content coding).
Status ParseHttpResponse(std::string_view message, size_t max_body, HttpResponse* out);

// The chunked transfer coding removed (trailer fields dropped).
Status Dechunk(std::string_view in, size_t max_out, std::string* out);

}  // namespace annals::internal

#endif  // ANNALS_INGEST_HTTP_MESSAGE_H_
