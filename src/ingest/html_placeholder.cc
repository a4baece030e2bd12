// PLACEHOLDER -- delete at merge: the html branch implements
// ExtractHtmlArticle (include/annals/html.h) for real. This crude version
// (the <title>, then every text node of the page) only lets the WARC and
// feed readers link and be tested on their own branch; their tests check
// that a title and some text come through, never the quality.
#include <string>
#include <string_view>

#include "annals/html.h"
#include "annals/text.h"
#include "ingest/gzip_stream.h"
#include "ingest/html_fragment.h"

namespace annals {

Status ExtractHtmlArticle(std::string_view bytes, const HtmlOptions& options, HtmlArticle* out) {
  *out = HtmlArticle();
  if (bytes.size() > options.max_bytes)
    return Status(ErrorCode::kTooLarge, "HTML page over the size limit");
  std::string inflated;
  if (internal::IsGzipStart(bytes)) {
    Status st = internal::InflateAll(bytes, 16 + 15, options.max_bytes, &inflated);
    if (!st.ok()) return st;
    bytes = inflated;
  }
  if (bytes.find('\0') != std::string_view::npos)
    return Status(ErrorCode::kBinary, "NUL bytes: not HTML");
  if (!IsValidUtf8(bytes, nullptr))
    return Status(ErrorCode::kInvalidUtf8, "placeholder extractor reads UTF-8 only");
  std::string lower(bytes.substr(0, 1 << 16));
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  const size_t t = lower.find("<title");
  if (t != std::string::npos) {
    const size_t gt = lower.find('>', t);
    const size_t end = lower.find("</title", t);
    if (gt != std::string::npos && end != std::string::npos && gt < end)
      out->title = internal::HtmlFragmentToText(bytes.substr(gt + 1, end - gt - 1));
  }
  size_t body = lower.find("<body");
  if (body == std::string::npos) body = 0;
  out->text = internal::HtmlFragmentToText(bytes.substr(body));
  out->url = options.url;
  out->charset = "utf-8";
  if (out->text.empty()) return Status(ErrorCode::kEmptyDocument, "no text in the HTML page");
  return Status::Ok();
}

}  // namespace annals
