// HTML pages to article text: the main text of a news page without its
// navigation, adverts, comments, related links and cookie notices, and the
// page's metadata (title, author, published date, canonical URL, language)
// from its meta tags, JSON-LD and markup.
//
// Used by the html reader (ingest), the WARC and feed readers for the pages
// they carry, and `annals extract`. See docs/ingest-web.md.
#ifndef ANNALS_HTML_H_
#define ANNALS_HTML_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals {

struct HtmlOptions {
  // Larger inputs are refused (kTooLarge) before parsing.
  size_t max_bytes = 16u << 20;
  // The charset the transport declared (an HTTP Content-Type header's
  // charset, a feed's encoding); empty: detect from the page (byte order
  // mark, <meta charset>, then a guess).
  std::string declared_charset;
  // The address the page was fetched from, when known; relative canonical
  // links are resolved against it.
  std::string url;
};

struct HtmlArticle {
  std::string title;
  std::string author;     // as written ("Jane Doe, John Roe"), empty when none
  std::string published;  // as found (ISO 8601 when the page gives it so)
  std::string url;        // canonical URL, else og:url, else HtmlOptions::url
  std::string language;   // BCP 47 tag from the page ("en", "en-GB"), else empty
  std::string charset;    // the charset the bytes were read as ("utf-8", ...)
  // The article body as UTF-8 plain text, paragraphs separated by one blank
  // line; no markup, entities decoded, white space collapsed within
  // paragraphs.
  std::string text;
};

// Reads one HTML page (gzip-compressed input is accepted and inflated).
// Errors: kTooLarge, kBinary (not HTML at all), kEmptyDocument (no article
// text found), kInvalidUtf8 (bytes that no charset reading can convert).
Status ExtractHtmlArticle(std::string_view bytes, const HtmlOptions& options, HtmlArticle* out);

}  // namespace annals

#endif  // ANNALS_HTML_H_
