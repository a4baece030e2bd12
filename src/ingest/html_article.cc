// ExtractHtmlArticle (annals/html.h): bytes of a page to article text and
// metadata, the steps of html_internal.h in order.
//
// The checks that refuse input run before any parsing, cheapest first:
// inflate (with the size budget as its output limit), size, empty, binary.
// A page whose markup holds no article text but whose JSON-LD carries the
// articleBody (pages rendered by script) gives that text.
//
// Tested by html_extract_test.cc and html_charset_test.cc.
#include <string>
#include <string_view>
#include <vector>

#include "annals/html.h"
#include "ingest/html_internal.h"
#include "ingest/ingest_internal.h"

namespace annals {

Status ExtractHtmlArticle(std::string_view bytes, const HtmlOptions& options, HtmlArticle* out) {
  *out = HtmlArticle();
  std::string inflated;
  if (internal::IsGzip(bytes)) {
    ANNALS_RETURN_IF_ERROR(internal::Inflate(bytes, options.max_bytes, &inflated));
    bytes = inflated;
  }
  if (bytes.size() > options.max_bytes)
    return internal::TooLarge(bytes.size(), options.max_bytes, "page");
  if (internal::IsBlank(bytes)) return Status(ErrorCode::kEmptyDocument, "empty page");
  // UTF-16 is full of NUL bytes but is text; anything else with many
  // control bytes is not a page.
  if (internal::CheckNotUtf16(bytes).ok()) ANNALS_RETURN_IF_ERROR(internal::CheckNotBinary(bytes));
  std::string utf8;
  ANNALS_RETURN_IF_ERROR(
      internal::DecodeToUtf8(bytes, options.declared_charset, &utf8, &out->charset));
  internal::HtmlPage page;
  internal::ParseHtmlPage(utf8, &page);
  std::string article_body;
  internal::ReadHtmlMetadata(page, options, out, &article_body);
  out->text = internal::AssembleText(page, internal::SelectArticleBlocks(page, article_body));
  if (out->text.empty()) {
    // Script-rendered pages: the markup is a shell, the JSON-LD has the text.
    internal::HtmlPage body;
    internal::ParseHtmlPage("<p>" + article_body + "</p>", &body);
    std::vector<uint32_t> all(body.blocks.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<uint32_t>(i);
    out->text = internal::AssembleText(body, all);
  }
  if (out->text.empty())
    return Status(ErrorCode::kEmptyDocument, "no article text found in the page");
  return Status::Ok();
}

}  // namespace annals
