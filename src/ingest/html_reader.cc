// The html reader: one web page, one Document (ingest.h).
//
// All the work is ExtractHtmlArticle's (annals/html.h); this file maps its
// result onto the data model. The page's published date goes through the
// readers' date parser, so an unreadable one is kept as published_raw
// like everywhere else; author and charset, which Document does not model,
// go to metadata.
//
// Tested by html_extract_test.cc.
#include <string>
#include <string_view>
#include <utility>

#include "annals/html.h"
#include "annals/ingest.h"
#include "ingest/ingest_internal.h"

namespace annals {

void ReadHtml(std::string_view bytes, const std::string& path, const ReadOptions& options,
              RecordSink& sink) {
  HtmlOptions html;
  html.max_bytes = options.max_document_bytes;
  HtmlArticle article;
  if (Status st = ExtractHtmlArticle(bytes, html, &article); !st.ok()) {
    sink.OnError(internal::MakeError(path, 0, st.code(), st.message()));
    return;
  }
  Document doc = internal::NewDocument(path, 0, "html", options);
  doc.title = std::move(article.title);
  doc.url = std::move(article.url);
  if (!article.language.empty()) doc.language = std::move(article.language);
  internal::SetPublished(article.published, doc);
  if (!article.author.empty())
    doc.metadata.emplace_back("author", internal::JsonQuote(article.author));
  doc.metadata.emplace_back("charset", internal::JsonQuote(article.charset));
  doc.text = std::move(article.text);
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  sink.OnDocument(std::move(doc));
}

}  // namespace annals
