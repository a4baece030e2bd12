// Internal (not part of the public API): the pieces of HTML extraction
// (include/annals/html.h) and how they hand data to each other.
//
//   bytes --Inflate--> page bytes --DecodeToUtf8--> UTF-8
//         --ParseHtmlPage (libxml2 SAX)--> HtmlPage: elements, text blocks, head data
//         --SelectArticleBlocks--> kept blocks --AssembleText--> text
//         --ReadHtmlMetadata--> title, author, date, url, language
//
// The parser does not build libxml2's DOM: its SAX callbacks fill a flat
// table of elements (pre-order, each knowing its subtree's extent) and a
// list of text blocks, which is all the scoring needs and about twice as
// fast as building and freeing a tree of xmlNodes.
//
// Tested by html_extract_test.cc, html_metadata_test.cc and
// html_charset_test.cc.
#ifndef ANNALS_INGEST_HTML_INTERNAL_H_
#define ANNALS_INGEST_HTML_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/html.h"
#include "annals/status.h"

namespace annals::internal {

// ---- input (html_charset.cc, html_gzip.cc)

// True when `bytes` start with the gzip magic number.
bool IsGzip(std::string_view bytes);
// Inflates gzip data (all members) into *out; kTooLarge past `max_bytes`
// of output (so a small bomb cannot take the memory), kBadArchive when the
// data is corrupt or truncated.
Status Inflate(std::string_view bytes, size_t max_bytes, std::string* out);

// Converts a page to UTF-8. The charset is the first of: a byte order mark,
// `declared` (the transport's), the page's own <meta charset> / http-equiv
// / XML declaration, and ICU's statistical guess; a declaration is
// overruled when the bytes contradict it (a "windows-1252" page that is
// valid multi-byte UTF-8, a "utf-8" page that is not). *charset gets the
// lower-case name used. Invalid sequences become U+FFFD, so the output is
// always valid UTF-8; kInvalidUtf8 only when ICU has no converter at all.
Status DecodeToUtf8(std::string_view bytes, std::string_view declared, std::string* utf8,
                    std::string* charset);
// The charset a page declares in its first bytes (<meta charset="x">,
// <meta http-equiv="Content-Type" content="...; charset=x">, <?xml
// encoding="x"?>), lower-case; empty when none.
std::string SniffMetaCharset(std::string_view head);

// ---- the parsed page (html_parse.cc)

// The elements the extractor treats differently; everything else is kOther.
enum class HtmlTag : uint8_t {
  kOther,
  kA,
  kP,
  kDiv,
  kH1,
  kH2,
  kH3,
  kH4,
  kH5,
  kH6,
  kLi,
  kUl,
  kOl,
  kDl,
  kDt,
  kDd,
  kBlockquote,
  kPre,
  kTable,
  kTr,
  kTd,
  kTh,
  kArticle,
  kMain,
  kSection,
  kNav,
  kAside,
  kHeader,
  kFooter,
  kFigure,
  kFigcaption,
  kForm,
  kBr,
  kTitle,
  kTime,
  kBody,
  kAddress,
  kMenu,
  kDialog,
  kImg,
  kSkip,  // never text: script, style, noscript, svg, iframe, button, select, ...
};

// Element flags from the tag and the class, id, role and itemprop words.
enum HtmlFlag : uint8_t {
  kNegative = 1,        // boilerplate by its name or tag (nav, comments, share, ...)
  kPositive = 2,        // named as article text (itemprop=articleBody, <article>, ...)
  kStrongPositive = 4,  // itemprop=articleBody or an "article body"-like name
  kCaption = 8,         // figure captions and credits
  kComments = 16,       // a comment section (named so), however long
  kImage = 32,          // has an <img> child
};

// ---- element names (html_names.cc)

struct HtmlTagInfo {
  HtmlTag tag;
  bool block;  // starts and ends a text block
};
// `name` lower-case, as libxml2 reports HTML names; kOther / inline when
// unknown (custom elements).
HtmlTagInfo LookUpHtmlTag(std::string_view name);
// HtmlFlag bits for an element from its lower-cased class, id and role
// values (space-separated).
uint8_t FlagsForNames(std::string_view names);

struct HtmlElement {
  uint32_t parent = 0;       // index of the parent (0 for the root itself)
  uint32_t end = 0;          // one past the last element of the subtree
  uint32_t block_begin = 0;  // the blocks of the subtree: [block_begin,
  uint32_t block_end = 0;    //  block_end)
  uint32_t negative = 0;     // nearest negative element at or above, 0 if none
  HtmlTag tag = HtmlTag::kOther;
  uint8_t flags = 0;
  uint16_t depth = 0;
};

// A run of text between block boundaries, white space collapsed.
struct HtmlBlock {
  uint32_t owner = 0;  // the innermost open block-level element
  uint32_t begin = 0;  // the text, in HtmlPage::text
  uint32_t end = 0;
  uint32_t link_bytes = 0;         // bytes of it inside <a href>
  HtmlTag kind = HtmlTag::kOther;  // tag of the owner (kP, kH2, kLi, ...)
  bool caption = false;            // inside a figcaption or a caption-named element
};

struct HtmlPage {
  std::vector<HtmlElement> elements;  // [0] is a synthetic root
  std::vector<HtmlBlock> blocks;
  std::string text;  // block texts, back to back

  // From the head and the markup, for the metadata.
  std::string title;  // <title>
  std::string first_h1;
  std::string lang;  // <html lang>
  // <meta> (name or property, lower-case; content) in page order, plus
  // itemprop values ("itemprop:datePublished") and <link rel> hrefs
  // ("link:canonical").
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<std::string> json_ld;  // <script type="application/ld+json"> bodies
  std::string first_time;            // the first <time datetime="...">
  std::string byline;                // text of the first rel=author / byline element

  std::string_view BlockText(const HtmlBlock& b) const {
    return std::string_view(text).substr(b.begin, b.end - b.begin);
  }
};

// Parses UTF-8 HTML (libxml2's HTML parser, SAX). Never fails: whatever
// libxml2 recovers is the page.
void ParseHtmlPage(std::string_view utf8, HtmlPage* page);

// ---- extraction (html_extract.cc, html_text.cc)

// Indexes of the blocks that make up the article text, in page order.
// `hint` is the page's JSON-LD articleBody (may be empty): when given,
// containers that hold its words score higher.
std::vector<uint32_t> SelectArticleBlocks(const HtmlPage& page, std::string_view hint);

// The kept blocks as text: one paragraph per block, a blank line between.
std::string AssembleText(const HtmlPage& page, const std::vector<uint32_t>& blocks);

// ---- metadata (html_metadata.cc)

// Fills title, author, published, url, language of *out from the page's
// meta tags, JSON-LD and markup (see html.h); *article_body gets the
// JSON-LD articleBody, when the page has one.
void ReadHtmlMetadata(const HtmlPage& page, const HtmlOptions& options, HtmlArticle* out,
                      std::string* article_body);

// Resolves `ref` against `base` (RFC 3986, the common cases: absolute,
// scheme-relative, absolute path, relative path).
std::string ResolveUrl(std::string_view base, std::string_view ref);

}  // namespace annals::internal

#endif  // ANNALS_INGEST_HTML_INTERNAL_H_
