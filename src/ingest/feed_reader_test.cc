// Tests for the RSS and Atom reader and the HTML fragment converter.
#include <gtest/gtest.h>

#include <string>

#include "annals/ingest.h"
#include "ingest/html_fragment.h"
#include "ingest/test_sink.h"

namespace annals {
namespace {

using internal::CollectingSink;

constexpr char kRss[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News</title>
  <link>https://news.example/</link>
  <item>
    <title>Envoys meet in Doha</title>
    <link>https://news.example/envoys</link>
    <guid isPermaLink="false">story-1</guid>
    <pubDate>Tue, 26 Mar 2024 22:16:05 GMT</pubDate>
    <dc:creator>Jane Doe</dc:creator>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>Mediators met negotiators in Doha on Monday.</p><p>A second round is planned &amp; due.</p>]]></content:encoded>
  </item>
  <item>
    <title>Aid convoys arrive</title>
    <link>https://news.example/aid</link>
    <description>&lt;p&gt;Aid convoys reached the north on Tuesday.&lt;/p&gt;</description>
  </item>
  <item>
    <title>No text here</title>
    <link>https://news.example/empty</link>
  </item>
</channel>
</rss>
)";

constexpr char kAtom[] = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title>
  <entry>
    <title type="html">Budget &lt;b&gt;passes&lt;/b&gt;</title>
    <link rel="alternate" href="https://atom.example/budget"/>
    <id>tag:atom.example,2024:budget</id>
    <updated>2024-03-27T08:00:00Z</updated>
    <published>2024-03-26T20:00:00+01:00</published>
    <author><name>John Roe</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Parliament passed the budget.</p><p>The vote was close.</p></div></content>
  </entry>
  <entry>
    <title>Floods</title>
    <link href="https://atom.example/floods"/>
    <summary>Floods displaced thousands of families.</summary>
  </entry>
</feed>
)";

CollectingSink ReadFeed(std::string_view bytes) {
  CollectingSink sink;
  ReadFeed(bytes, "news.rss", ReadOptions{}, sink);
  return sink;
}

TEST(Feed, ReadsRssItems) {
  CollectingSink sink = ReadFeed(kRss);
  ASSERT_EQ(sink.docs.size(), 2u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "story-1");
  EXPECT_TRUE(d.origin.id_given);
  EXPECT_EQ(d.format, "feed");
  EXPECT_EQ(d.title, "Envoys meet in Doha");
  EXPECT_EQ(d.url, "https://news.example/envoys");
  EXPECT_EQ(d.source, "Example News");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToIso().substr(0, 16), "2024-03-26T22:16");
  EXPECT_NE(d.text.find("Mediators met negotiators in Doha on Monday."), std::string::npos);
  EXPECT_NE(d.text.find("A second round is planned & due."), std::string::npos);
  EXPECT_EQ(d.text.find('<'), std::string::npos);
  ASSERT_FALSE(d.metadata.empty());
  EXPECT_EQ(d.metadata[0], (std::pair<std::string, std::string>{"author", "\"Jane Doe\""}));
  // No guid: the link is the id. Escaped HTML in the description.
  EXPECT_EQ(sink.docs[1].id, "https://news.example/aid");
  EXPECT_NE(sink.docs[1].text.find("Aid convoys reached the north on Tuesday."), std::string::npos);
  EXPECT_EQ(sink.docs[1].text.find("<p>"), std::string::npos);
  // The item without text: one error for it alone.
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(sink.errors[0].origin.record, 3u);
}

TEST(Feed, ReadsAtomEntries) {
  CollectingSink sink = ReadFeed(kAtom);
  ASSERT_EQ(sink.docs.size(), 2u) << ::testing::PrintToString(sink.ErrorLines());
  const Document& d = sink.docs[0];
  EXPECT_EQ(d.id, "tag:atom.example,2024:budget");
  EXPECT_EQ(d.title, "Budget passes");
  EXPECT_EQ(d.url, "https://atom.example/budget");
  EXPECT_EQ(d.source, "Example Atom");
  ASSERT_TRUE(d.published.has_value());
  EXPECT_EQ(d.published->ToIso(), "2024-03-26T20:00:00+01:00");
  EXPECT_EQ(d.text, "Parliament passed the budget.\n\nThe vote was close.");
  EXPECT_EQ(sink.docs[1].text, "Floods displaced thousands of families.");
  EXPECT_EQ(sink.docs[1].id, "https://atom.example/floods");
  EXPECT_FALSE(sink.docs[1].published.has_value());
}

TEST(Feed, ReadsRss10) {
  CollectingSink sink = ReadFeed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example/"><title>RDF News</title></channel>
  <item rdf:about="https://r.example/1"><title>One</title>
    <description>The first story of the day.</description><dc:date>2024-03-26</dc:date></item>
</rdf:RDF>)");
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].id, "https://r.example/1");
  EXPECT_EQ(sink.docs[0].source, "RDF News");
  EXPECT_EQ(sink.docs[0].published->ToIso(), "2024-03-26");
}

TEST(Feed, MalformedFeedsAreRefused) {
  for (const char* bad :
       {"<rss><channel><item><title>x</title></channel></rss>",
        "<html><body>not a feed</body></html>", "<rss><channel/></rss>", "", "\xff\xfe<\0r\0"}) {
    CollectingSink sink = ReadFeed(bad);
    EXPECT_TRUE(sink.docs.empty()) << bad;
    ASSERT_EQ(sink.errors.size(), 1u) << bad;
    EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadFeed) << bad;
  }
  CollectingSink sink = ReadFeed("<rss><channel><item><title>x</title></item>");
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_NE(sink.errors[0].status.message().find("line"), std::string::npos)
      << sink.errors[0].status.message();
}

TEST(Feed, EntityExpansionIsRefused) {
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j)
      laughs += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    laughs += "\">\n";
  }
  laughs +=
      "]>\n<rss><channel><item><title>&lol9;</title><description>&lol9;</description>"
      "</item></channel></rss>";
  CollectingSink sink = ReadFeed(laughs);
  EXPECT_TRUE(sink.docs.empty());
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadFeed);
  // An external entity through a DOCTYPE without <!ENTITY is only a name.
  CollectingSink ext = ReadFeed(
      "<!DOCTYPE rss SYSTEM \"file:///etc/passwd\"><rss><channel><item><description>"
      "Plain words only.</description></item></channel></rss>");
  ASSERT_EQ(ext.docs.size(), 1u) << ::testing::PrintToString(ext.ErrorLines());
  EXPECT_EQ(ext.docs[0].text, "Plain words only.");
}

TEST(Feed, DetectedByNameAndRoot) {
  EXPECT_EQ(DetectFormat("x.rss", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("x.atom", ""), Format::kFeed);
  EXPECT_EQ(DetectFormat("x.xml", "<?xml version=\"1.0\"?><other/>"), Format::kFeed);
  EXPECT_EQ(DetectFormat("-", kRss), Format::kFeed);
  EXPECT_EQ(DetectFormat("-", kAtom), Format::kFeed);
  EXPECT_EQ(DetectFormat("notes.txt", "<feed> is a word here"), Format::kText);
}

TEST(HtmlFragment, KeepsTextDropsMarkup) {
  EXPECT_EQ(internal::HtmlFragmentToText(
                "<p>One &amp; two</p><script>var x = '<p>';</script><p>Three&nbsp;four"
                "<br>five &#8212; &#x263A; &bogus;</p><!-- c -->"),
            "One & two\n\nThree four\n\nfive \xE2\x80\x94 \xE2\x98\xBA &bogus;");
  EXPECT_TRUE(internal::LooksLikeHtml("a <b>c</b>"));
  EXPECT_FALSE(internal::LooksLikeHtml("3 < 4 and 5 > 2"));
  EXPECT_EQ(internal::DecodeCharacterReferences("&#0; &#xD800; &#1114112;"),
            "&#0; &#xD800; &#1114112;");
}

}  // namespace
}  // namespace annals
