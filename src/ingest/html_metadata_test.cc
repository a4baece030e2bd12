// Tests for page metadata (html_metadata.cc): meta tags, JSON-LD, <time>,
// bylines, canonical links and languages.
#include <gtest/gtest.h>

#include <string>

#include "annals/html.h"
#include "ingest/html_internal.h"

namespace annals {
namespace {

constexpr char kProse[] =
    "<p>Officials confirmed on Monday that the bridge would reopen to traffic after three "
    "months of repairs, earlier than the contractor had first announced.</p>";

HtmlArticle ExtractPage(const std::string& head, const std::string& body,
                        const HtmlOptions& options = HtmlOptions{}) {
  HtmlArticle a;
  const Status st = ExtractHtmlArticle(
      "<html><head>" + head + "</head><body>" + body + kProse + "</body></html>", options, &a);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return a;
}

TEST(HtmlMetadata, FromMetaTags) {
  HtmlOptions options;
  options.url = "https://news.example.com/2024/bridge?src=rss";
  const HtmlArticle a = ExtractPage(
      "<title>Bridge reopens - Example News</title>"
      "<meta property=\"og:title\" content=\"Bridge reopens early\">"
      "<meta name=\"author\" content=\"By  Ann Lee\">"
      "<meta property=\"article:published_time\" content=\"2024-05-06T08:00:00+02:00\">"
      "<meta property=\"og:locale\" content=\"en_GB\">"
      "<link rel=\"canonical\" href=\"/2024/bridge-reopens\">",
      "", options);
  EXPECT_EQ(a.title, "Bridge reopens early");
  EXPECT_EQ(a.author, "Ann Lee");
  EXPECT_EQ(a.published, "2024-05-06T08:00:00+02:00");
  EXPECT_EQ(a.url, "https://news.example.com/2024/bridge-reopens");
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.charset, "utf-8");
}

TEST(HtmlMetadata, JsonLdWinsOverMeta) {
  const HtmlArticle a = ExtractPage(
      "<meta property=\"og:title\" content=\"OG title\">"
      "<meta name=\"author\" content=\"Meta Author\">"
      "<script type=\"application/ld+json\">[{\"@type\": \"WebSite\", \"name\": \"Site\"},"
      "{\"@graph\": [{\"@type\": [\"NewsArticle\"], \"headline\": \"LD headline\","
      "\"author\": [{\"@type\": \"Person\", \"name\": \"Ann Lee\"}, {\"name\": \"Bo Chen\"}],"
      "\"datePublished\": \"2024-05-06\", \"inLanguage\": \"fr\","
      "\"mainEntityOfPage\": {\"@id\": \"https://example.org/a\"}}]}]</script>",
      "");
  EXPECT_EQ(a.title, "LD headline");
  EXPECT_EQ(a.author, "Ann Lee, Bo Chen");
  EXPECT_EQ(a.published, "2024-05-06");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.language, "fr");
}

TEST(HtmlMetadata, BrokenJsonLdIsIgnored) {
  const HtmlArticle a = ExtractPage(
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": </script>"
      "<title>Plain title</title>",
      "");
  EXPECT_EQ(a.title, "Plain title");
}

TEST(HtmlMetadata, FromTheMarkup) {
  const HtmlArticle a = ExtractPage(
      "<title>Page title</title>",
      "<h1>Bridge reopens</h1><p class=\"byline\">By <a rel=\"author\" href=\"/ann\">Ann "
      "Lee</a></p><time datetime=\"2024-05-06T09:30\">6 May</time>");
  EXPECT_EQ(a.title, "Bridge reopens");
  EXPECT_EQ(a.author, "Ann Lee");
  EXPECT_EQ(a.published, "2024-05-06T09:30");
  EXPECT_EQ(a.text.find("Ann Lee"), std::string::npos) << a.text;
}

TEST(HtmlMetadata, HtmlLangAndMicrodata) {
  HtmlArticle a;
  ASSERT_TRUE(ExtractHtmlArticle(std::string("<html lang=\"de-AT\"><body><div itemscope><meta "
                                             "itemprop=\"datePublished\" content=\"2023-01-02\">") +
                                     kProse + "</div></body></html>",
                                 HtmlOptions{}, &a)
                  .ok());
  EXPECT_EQ(a.language, "de-AT");
  EXPECT_EQ(a.published, "2023-01-02");
}

TEST(HtmlMetadata, ResolvesUrls) {
  using internal::ResolveUrl;
  EXPECT_EQ(ResolveUrl("https://a.org/x/y.html", "z.html"), "https://a.org/x/z.html");
  EXPECT_EQ(ResolveUrl("https://a.org/x/y.html", "/z"), "https://a.org/z");
  EXPECT_EQ(ResolveUrl("https://a.org/x/y.html", "//b.org/z"), "https://b.org/z");
  EXPECT_EQ(ResolveUrl("https://a.org", "z"), "https://a.org/z");
  EXPECT_EQ(ResolveUrl("https://a.org/x/", "http://c.org/"), "http://c.org/");
  EXPECT_EQ(ResolveUrl("", "/z"), "/z");
}

}  // namespace
}  // namespace annals
