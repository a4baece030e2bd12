// Tests for main-text extraction (html_extract.cc, html_parse.cc,
// html_text.cc, html_article.cc) and the html reader, on small pages
// written for them.
#include <gtest/gtest.h>

#include <string>

#include "annals/html.h"
#include "annals/ingest.h"
#include "ingest/html_internal.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

#define ANNALS_P1                                                                               \
  "<p>The city council voted on Tuesday to expand the tram network to the northern districts, " \
  "a plan that has been debated for more than a decade.</p>"
#define ANNALS_P2                                                                               \
  "<p>Supporters said the new line would cut commuting times by half, while opponents pointed " \
  "to the cost, estimated at 400 million euros.</p>"
#define ANNALS_P3                                                                            \
  "<h2>What happens next</h2><p>Construction is due to start next spring and to last about " \
  "four years, the mayor's office said in a statement.</p>"
constexpr char kBody[] = ANNALS_P1 ANNALS_P2 ANNALS_P3;

std::string Page(const std::string& article) {
  return "<!DOCTYPE html><html lang=\"en\"><head><title>Tram vote | The Daily</title></head><body>"
         "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
         "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/opinion\">Opinion</a></li></ul>"
         "</nav></header>"
         "<div id=\"cookie-banner\">We use cookies to improve your experience on our website. "
         "By continuing to browse you agree to our use of cookies.</div>"
         "<main><article><h1>Council backs tram extension</h1>" +
         article +
         "</article>"
         "<aside class=\"related-stories\"><h3>Related</h3><ul><li><a href=\"/a\">Bus fares "
         "rise again as the operator blames fuel costs and staff shortages</a></li><li><a "
         "href=\"/b\">New cycle lanes open along the river, with more planned next year</a>"
         "</li></ul></aside>"
         "<section id=\"comments\"><div class=\"comment\"><p>I have waited twenty years for "
         "this tram and I will believe it when I see it running past my door.</p></div>"
         "</section></main>"
         "<footer><p>Copyright 2024 The Daily. All rights reserved.</p><a href=\"/privacy\">"
         "Privacy</a></footer></body></html>";
}

HtmlArticle ExtractArticle(const std::string& html, Status* status = nullptr) {
  HtmlArticle a;
  const Status st = ExtractHtmlArticle(html, HtmlOptions{}, &a);
  if (status != nullptr) *status = st;
  return a;
}

TEST(HtmlExtract, KeepsArticleDropsBoilerplate) {
  Status st;
  const HtmlArticle a = ExtractArticle(Page(kBody), &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(a.text,
            "The city council voted on Tuesday to expand the tram network to the northern "
            "districts, a plan that has been debated for more than a decade.\n\n"
            "Supporters said the new line would cut commuting times by half, while opponents "
            "pointed to the cost, estimated at 400 million euros.\n\n"
            "What happens next\n\n"
            "Construction is due to start next spring and to last about four years, the mayor's "
            "office said in a statement.");
  for (const char* junk :
       {"Home", "cookies", "Bus fares", "twenty years", "Copyright", "Council backs"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
}

TEST(HtmlExtract, DropsWidgetsInsideTheArticle) {
  const std::string article = ANNALS_P1
      "<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div>"
      "<figure><img src=\"x.jpg\"><figcaption>The tram depot in the north of the city. Photo: "
      "J. Smith</figcaption></figure>" ANNALS_P2
      "<div class=\"newsletter-signup\"><p>Get the best of The Daily in your inbox every "
      "morning. Sign up now, it is free and you can leave at any time.</p></div>"
      "<p>Advertisement</p>"
      "<p>Read more: <a href=\"/x\">Why the tram plan took ten years</a></p>" ANNALS_P3;
  const HtmlArticle a = ExtractArticle(Page(article));
  for (const char* junk :
       {"Share on", "Tweet", "tram depot", "inbox", "Advertisement", "Read more", "ten years"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk << "\n" << a.text;
  EXPECT_NE(a.text.find("commuting times"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("mayor's office"), std::string::npos) << a.text;
}

TEST(HtmlExtract, DropsCaptionsNextToImages) {
  const std::string article = ANNALS_P1
      "<div class=\"media\"><img src=\"depot.jpg\"><div>The depot at dawn, seen from the "
      "river bank.</div><div>Photo archive of J. Smith</div></div>" ANNALS_P2 ANNALS_P3;
  const HtmlArticle a = ExtractArticle(Page(article));
  EXPECT_EQ(a.text.find("depot at dawn"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Photo archive"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("commuting times"), std::string::npos) << a.text;
}

TEST(HtmlExtract, BoilerplateNameOnTheWholeArticleIsIgnored) {
  // A wrapper named "layout-with-sidebar" holds the story itself.
  const std::string html = "<html><body><div class=\"layout-with-sidebar\">" + std::string(kBody) +
                           "</div><div class=\"footer\"><a href=\"/\">Home</a></div></body></html>";
  const HtmlArticle a = ExtractArticle(html);
  EXPECT_NE(a.text.find("tram network"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("four years"), std::string::npos) << a.text;
}

TEST(HtmlExtract, RecoversBrokenMarkup) {
  const std::string html =
      "<html><body><div class=story><p>First paragraph of the story, which never closes its "
      "tag and goes on for a while so that it counts as prose.<p>Second paragraph, also open, "
      "with <b>bold <i>and italic text that is never closed either, as old pages do."
      "<p>Third &amp; last paragraph, with an entity &eacute; and a stray </span> tag.";
  Status st;
  const HtmlArticle a = ExtractArticle(html, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_NE(a.text.find("First paragraph"), std::string::npos);
  EXPECT_NE(a.text.find("as old pages do."), std::string::npos);
  EXPECT_NE(a.text.find("Third & last paragraph, with an entity \xC3\xA9"), std::string::npos)
      << a.text;
}

TEST(HtmlExtract, LineBreaksSplitParagraphs) {
  const std::string html =
      "<html><body><div>One long line of running text that reads like a sentence of a story."
      "<br><br>Another long line of running text that also reads like a sentence.</div>"
      "</body></html>";
  EXPECT_EQ(ExtractArticle(html).text,
            "One long line of running text that reads like a sentence of a story.\n\n"
            "Another long line of running text that also reads like a sentence.");
}

TEST(HtmlExtract, HiddenAndScriptTextIsNeverText) {
  const std::string html =
      "<html><body><script>var x = 'This is script text, not prose.';"
      "</script><div style=\"display: none\">Hidden text that reads like "
      "a sentence but is not shown.</div>" +
      std::string(kBody) + "</body></html>";
  const HtmlArticle a = ExtractArticle(html);
  EXPECT_EQ(a.text.find("script text"), std::string::npos);
  EXPECT_EQ(a.text.find("Hidden text"), std::string::npos);
}

TEST(HtmlExtract, JsonLdBodyWhenMarkupHasNone) {
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Shell page\", \"articleBody\": \"The whole story is only in the "
      "structured data of this page.\"}</script></head><body><div id=app></div></body></html>";
  Status st;
  const HtmlArticle a = ExtractArticle(html, &st);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(a.text, "The whole story is only in the structured data of this page.");
}

TEST(HtmlExtract, RefusesWhatIsNotAPage) {
  Status st;
  ExtractArticle("", &st);
  EXPECT_EQ(st.code(), ErrorCode::kEmptyDocument);
  ExtractArticle("<html><body><nav><a href=/>Home</a></nav></body></html>", &st);
  EXPECT_EQ(st.code(), ErrorCode::kEmptyDocument);
  std::string junk;
  for (int i = 0; i < 2000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  ExtractArticle(junk, &st);
  EXPECT_EQ(st.code(), ErrorCode::kBinary) << st.ToString();
  HtmlOptions small;
  small.max_bytes = 100;
  HtmlArticle a;
  EXPECT_EQ(ExtractHtmlArticle(Page(kBody), small, &a).code(), ErrorCode::kTooLarge);
}

TEST(HtmlReader, MakesOneDocument) {
  const std::string html =
      "<html lang=\"en-GB\"><head><meta property=\"article:published_time\" "
      "content=\"2024-03-26T10:15:00Z\"><meta name=\"author\" content=\"Jane Roe\">"
      "<link rel=\"canonical\" href=\"https://example.org/news/tram\"></head><body>" +
      std::string(kBody) + "</body></html>";
  internal::CollectingSink sink;
  ParseBuffer(html, "dir/tram.html", Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "tram");
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.url, "https://example.org/news/tram");
  EXPECT_EQ(d.language, "en-GB");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToIso(), "2024-03-26T10:15:00Z");
  ASSERT_FALSE(d.metadata.empty());
  EXPECT_EQ(d.metadata[0].first, "author");
  EXPECT_EQ(d.metadata[0].second, "\"Jane Roe\"");
  EXPECT_TRUE(d.text.starts_with("The city council"));
}

TEST(HtmlReader, ReportsFailuresAsRecordErrors) {
  internal::CollectingSink sink;
  ReadHtml("<html><body></body></html>", "dir/empty.html", ReadOptions{}, sink);
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(sink.errors[0].origin.path, "dir/empty.html");
}

TEST(HtmlDetect, NamesAndContent) {
  EXPECT_EQ(DetectFormat("a/page.html", ""), Format::kHtml);
  EXPECT_EQ(DetectFormat("a/page.HTM", "x"), Format::kHtml);
  EXPECT_EQ(DetectFormat("a/page.xhtml", "x"), Format::kHtml);
  EXPECT_EQ(DetectFormat("a/page.html.gz", "\x1F\x8B\x08"), Format::kHtml);
  EXPECT_EQ(DetectFormat("-", "  <!DOCTYPE html>\n<html>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("page", "<?xml version=\"1.0\"?><!-- x --><HTML>"), Format::kHtml);
  EXPECT_EQ(DetectFormat("notes.txt", "Some text about <html> tags.\n"), Format::kText);
  Format f;
  ASSERT_TRUE(ParseFormatName("html", &f));
  EXPECT_EQ(f, Format::kHtml);
  EXPECT_EQ(FormatName(Format::kHtml), "html");
}

}  // namespace
}  // namespace annals
