// Tests for the WARC reader, its gzip and HTTP helpers, and the writer.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annals/ingest.h"
#include "ingest/gzip_stream.h"
#include "ingest/http_message.h"
#include "ingest/test_sink.h"
#include "ingest/warc_writer.h"

namespace annals {
namespace {

using internal::CollectingSink;
using internal::HeaderFields;
using internal::WarcWriter;

constexpr char kStory1[] =
    "Ceasefire talks resume\n\nMediators met negotiators in Doha on Monday to restart talks.";
constexpr char kStory2[] = "Aid convoys reached the north of the territory on Tuesday.";
constexpr char kStory3[] = "Parliament passed the budget after a long night of debate.";
constexpr char kStory4[] = "Floods displaced thousands of families along the river.";

HeaderFields Resource(const std::string& id, const std::string& date = "2024-03-26T22:16:05Z") {
  return {{"WARC-Record-ID", "<urn:uuid:" + id + ">"},
          {"WARC-Target-URI", "https://news.example/" + id},
          {"WARC-Date", date},
          {"Content-Type", "text/plain; charset=utf-8"}};
}

// Four text/plain resource records.
WarcWriter FourStories(bool gzip, std::string_view version = "1.1") {
  WarcWriter w(gzip, version);
  w.AddRecord("resource", Resource("s1"), kStory1);
  w.AddRecord("resource", Resource("s2"), kStory2);
  w.AddRecord("resource", Resource("s3"), kStory3);
  w.AddRecord("resource", Resource("s4"), kStory4);
  return w;
}

CollectingSink ReadWarc(std::string_view bytes, size_t max_document_bytes = 8u << 20) {
  CollectingSink sink;
  ReadOptions options;
  options.max_document_bytes = max_document_bytes;
  ReadWarc(bytes, "a.warc", options, sink);
  return sink;
}

std::vector<std::string> Ids(const CollectingSink& sink) {
  std::vector<std::string> ids;
  for (const Document& d : sink.docs) ids.push_back(d.id);
  return ids;
}

TEST(Warc, ReadsResourceRecordsOfBothVersions) {
  for (std::string_view version : {"1.0", "1.1"}) {
    CollectingSink sink = ReadWarc(FourStories(false, version).bytes());
    ASSERT_EQ(sink.docs.size(), 4u) << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_TRUE(sink.errors.empty());
    const Document& d = sink.docs[0];
    EXPECT_EQ(d.id, "urn:uuid:s1");
    EXPECT_TRUE(d.origin.id_given);
    EXPECT_EQ(d.format, "warc");
    EXPECT_EQ(d.origin.record, 1u);
    EXPECT_EQ(d.url, "https://news.example/s1");
    EXPECT_EQ(d.title, "Ceasefire talks resume");
    EXPECT_EQ(d.text, "Mediators met negotiators in Doha on Monday to restart talks.");
    ASSERT_TRUE(d.published.has_value());
    EXPECT_EQ(d.published->ToIso(), "2024-03-26T22:16:05Z");
    EXPECT_EQ(sink.docs[3].text, kStory4);
  }
}

TEST(Warc, ReadsGzipPerRecordAndWholeFile) {
  const std::string per_record = FourStories(true).bytes();
  const std::string whole = internal::GzipCompress(FourStories(false).bytes());
  for (const std::string& bytes : {per_record, whole}) {
    CollectingSink sink = ReadWarc(bytes);
    EXPECT_EQ(Ids(sink), (std::vector<std::string>{"urn:uuid:s1", "urn:uuid:s2", "urn:uuid:s3",
                                                   "urn:uuid:s4"}));
    EXPECT_TRUE(sink.errors.empty()) << ::testing::PrintToString(sink.ErrorLines());
  }
}

TEST(Warc, ReadsChunkedGzipHtmlResponse) {
  const std::string page =
      "<html><head><title>Envoys meet</title></head><body><article><p>Envoys from both sides met "
      "in Doha on "
      "Monday.</p><p>Talks resume &amp; go on. Negotiators from both sides spent the "
      "afternoon on the terms of an exchange of prisoners, officials said.</p><p>A "
      "spokesman for the mediators said the two delegations would meet again on "
      "Wednesday, and that a draft text was being circulated.</p></article></body></html>";
  const std::string gz = internal::GzipCompress(page);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 10) {
    const std::string part = gz.substr(i, 10);
    char size[16];
    std::snprintf(size, sizeof size, "%zx", part.size());
    chunked += std::string(size) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\n"
      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n" +
      chunked;
  WarcWriter w(true);
  w.AddRecord("response",
              {{"WARC-Record-ID", "<urn:uuid:r1>"},
               {"WARC-Target-URI", "https://news.example/envoys"},
               {"WARC-Date", "2024-03-25T10:00:00Z"},
               {"Content-Type", "application/http; msgtype=response"}},
              http);
  CollectingSink sink = ReadWarc(w.bytes());
  ASSERT_EQ(sink.docs.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].title, "Envoys meet");
  EXPECT_NE(sink.docs[0].text.find("Envoys from both sides met in Doha on Monday."),
            std::string::npos);
  EXPECT_NE(sink.docs[0].text.find("Talks resume & go on."), std::string::npos);
  EXPECT_EQ(sink.docs[0].url, "https://news.example/envoys");
}

TEST(Warc, SkipsRecordsThatHoldNoArticle) {
  WarcWriter w(false);
  w.AddRecord("warcinfo", {{"Content-Type", "application/warc-fields"}}, "software: test\r\n");
  w.AddRecord("request", {{"Content-Type", "application/http; msgtype=request"}},
              "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
  const HeaderFields http = {{"WARC-Target-URI", "https://x/y"},
                             {"Content-Type", "application/http; msgtype=response"}};
  w.AddRecord("response", http, "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....");
  w.AddRecord("response", http,
              "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>");
  w.AddRecord("response", http, "HTTP/1.1 301 Moved\r\nLocation: /z\r\n\r\n");
  w.AddRecord("metadata", {{"Content-Type", "application/warc-fields"}}, "outlinks: x\r\n");
  w.AddRecord("revisit", {{"WARC-Target-URI", "https://x/y"}}, "");
  w.AddRecord("resource", Resource("s2"), kStory2);
  CollectingSink sink = ReadWarc(w.bytes());
  EXPECT_EQ(Ids(sink), std::vector<std::string>{"urn:uuid:s2"});
  EXPECT_TRUE(sink.errors.empty()) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.docs[0].origin.record, 8u);
}

TEST(Warc, TruncatedLastRecordIsReported) {
  for (bool gzip : {false, true}) {
    const WarcWriter w = FourStories(gzip);
    const std::string cut = w.bytes().substr(0, w.bytes().size() - 20);
    CollectingSink sink = ReadWarc(cut);
    EXPECT_EQ(sink.docs.size(), 3u) << gzip;
    ASSERT_EQ(sink.errors.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadArchive);
    EXPECT_EQ(sink.errors[0].origin.record, 4u);
    EXPECT_EQ(sink.errors[0].origin.path, "a.warc");
  }
}

TEST(Warc, CorruptedMiddleRecordLosesOnlyItself) {
  // A gzip member with damaged compressed data.
  WarcWriter gz = FourStories(true);
  std::string bytes = gz.bytes();
  for (size_t i = gz.record_offsets()[1] + 12; i < gz.record_offsets()[1] + 40; ++i)
    bytes[i] = static_cast<char>(~bytes[i]);
  CollectingSink sink = ReadWarc(bytes);
  EXPECT_EQ(Ids(sink), (std::vector<std::string>{"urn:uuid:s1", "urn:uuid:s3", "urn:uuid:s4"}));
  ASSERT_EQ(sink.errors.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kBadArchive);
  EXPECT_EQ(sink.errors[0].origin.record, 2u);
  EXPECT_NE(sink.errors[0].Describe().find("gzip member at byte " +
                                           std::to_string(gz.record_offsets()[1])),
            std::string::npos)
      << sink.errors[0].Describe();

  // Plain: a Content-Length too long, too short, and one that is not a number.
  for (const std::string_view bad :
       {"Content-Length: 90", "Content-Length: 20", "Content-Length: x"}) {
    const WarcWriter w = FourStories(false);
    std::string plain = w.bytes();
    const size_t at = plain.find("Content-Length", w.record_offsets()[2]);
    plain.replace(at, plain.find("\r\n", at) - at, std::string(bad));
    sink = ReadWarc(plain);
    EXPECT_EQ(Ids(sink), (std::vector<std::string>{"urn:uuid:s1", "urn:uuid:s2", "urn:uuid:s4"}))
        << bad << ::testing::PrintToString(sink.ErrorLines());
    ASSERT_EQ(sink.errors.size(), 1u) << bad << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_EQ(sink.errors[0].origin.record, 3u);
  }
}

TEST(Warc, LostGzipMemberAndGarbageAreReported) {
  WarcWriter gz = FourStories(true);
  std::string bytes = gz.bytes();
  bytes[gz.record_offsets()[2]] = 'X';  // the member's magic is gone
  CollectingSink sink = ReadWarc(bytes);
  EXPECT_EQ(Ids(sink), (std::vector<std::string>{"urn:uuid:s1", "urn:uuid:s2", "urn:uuid:s4"}));
  ASSERT_EQ(sink.errors.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
  EXPECT_EQ(sink.errors[0].origin.record, 3u);

  CollectingSink junk = ReadWarc("this is not a WARC file\n" + FourStories(false).bytes());
  EXPECT_EQ(junk.docs.size(), 4u);
  EXPECT_EQ(junk.errors.size(), 1u);
}

TEST(Warc, HugeRecordRefusedWithoutLosingTheRest) {
  for (bool gzip : {false, true}) {
    WarcWriter w(gzip);
    w.AddRecord("resource", Resource("s1"), kStory2);
    w.AddRecord("resource", Resource("big"), std::string(200000, 'a'));
    w.AddRecord("resource", Resource("s3"), kStory3);
    CollectingSink sink = ReadWarc(w.bytes(), 1000);
    EXPECT_EQ(Ids(sink), (std::vector<std::string>{"urn:uuid:s1", "urn:uuid:s3"}));
    ASSERT_EQ(sink.errors.size(), 1u) << ::testing::PrintToString(sink.ErrorLines());
    EXPECT_EQ(sink.errors[0].status.code(), ErrorCode::kTooLarge);
    EXPECT_EQ(sink.errors[0].origin.record, 2u);
  }
}

TEST(Warc, DetectedByNameAndMagic) {
  const std::string plain = FourStories(false).bytes();
  const std::string gz = FourStories(true).bytes();
  EXPECT_EQ(DetectFormat("x.warc", ""), Format::kWarc);
  EXPECT_EQ(DetectFormat("dir/x.warc.gz", ""), Format::kWarc);
  EXPECT_EQ(DetectFormat("-", plain), Format::kWarc);
  EXPECT_EQ(DetectFormat("crawl.gz", gz), Format::kWarc);
  EXPECT_EQ(DetectFormat("-", internal::GzipCompress("plain words\n")), Format::kText);
  CollectingSink sink;
  ParseBuffer(gz, "-", Format::kAuto, ReadOptions{}, sink);
  EXPECT_EQ(sink.docs.size(), 4u);
}

TEST(HttpMessage, ParsesContentTypeAndChunks) {
  std::string media, charset;
  internal::ParseContentType("Text/HTML; foo=bar; charset=\"ISO-8859-1\"", &media, &charset);
  EXPECT_EQ(media, "text/html");
  EXPECT_EQ(charset, "iso-8859-1");
  std::string out;
  ASSERT_TRUE(internal::Dechunk("4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", 100, &out).ok());
  EXPECT_EQ(out, "Wikipedia");
  EXPECT_EQ(internal::Dechunk("zz\r\nWiki\r\n", 100, &out).code(), ErrorCode::kBadArchive);
  EXPECT_EQ(internal::Dechunk("ffffff\r\nWiki\r\n", 100, &out).code(), ErrorCode::kBadArchive);
  internal::HttpResponse r;
  EXPECT_EQ(internal::ParseHttpResponse("garbage", 100, &r).code(), ErrorCode::kBadArchive);
  ASSERT_TRUE(internal::ParseHttpResponse(
                  "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Encoding: deflate\n\n" +
                      std::string("x\x9c\xcbH\xcd\xc9\xc9\x07\x00\x06,\x02\x15", 13),
                  100, &r)
                  .ok());
  EXPECT_EQ(r.body, "hello");
  EXPECT_EQ(r.status, 200);
}

TEST(Gzip, InflateIsBounded) {
  const std::string gz = internal::GzipCompress(std::string(100000, 'a'));
  std::string out;
  EXPECT_EQ(internal::InflateAll(gz, 16 + 15, 1000, &out).code(), ErrorCode::kTooLarge);
  EXPECT_TRUE(internal::InflateAll(gz + gz, 16 + 15, 300000, &out).ok());
  EXPECT_EQ(out.size(), 200000u);
}

}  // namespace
}  // namespace annals
