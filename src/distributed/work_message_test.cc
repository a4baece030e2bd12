#include "distributed/work_message.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace annals::internal {
namespace {

Document SampleDocument() {
  Document d;
  d.id = "bbc:12";
  d.source = "BBC";
  d.url = "https://example.org/a";
  d.title = "Talks resume";
  d.dateline_place = "GENEVA";
  d.format = "csv";
  d.origin.path = "corpus/bbc.csv";
  d.origin.record = 12;
  d.origin.id_given = true;
  d.origin.end_offset = 4096;
  PublishedTime p;
  p.year = 2024;
  p.month = 3;
  p.day = 26;
  p.hour = 22;
  p.minute = 16;
  p.has_time = true;
  p.utc_offset_minutes = -90;
  d.published = p;
  d.metadata = {{"category", "\"business\""}, {"rank", "3"}};
  d.diagnostics.push_back({"ingest", ErrorCode::kOk, "date repaired"});
  d.text = "Negotiators met in Geneva on Tuesday.\n\nThey agreed to meet again.";
  return d;
}

std::string Encode(const WorkItem& item) {
  std::string bytes;
  EncodeWorkItem(item, &bytes);
  return bytes;
}

TEST(WorkMessage, DocumentRoundTrip) {
  WorkItem item;
  item.document = SampleDocument();
  StatusOr<WorkItem> back = DecodeWorkItem(Encode(item));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const Document& a = item.document;
  const Document& b = back->document;
  EXPECT_EQ(back->kind, WorkKind::kDocument);
  EXPECT_EQ(b.id, a.id);
  EXPECT_EQ(b.source, a.source);
  EXPECT_EQ(b.url, a.url);
  EXPECT_EQ(b.title, a.title);
  EXPECT_EQ(b.dateline_place, a.dateline_place);
  EXPECT_EQ(b.format, a.format);
  EXPECT_EQ(b.origin.path, a.origin.path);
  EXPECT_EQ(b.origin.record, a.origin.record);
  EXPECT_EQ(b.origin.id_given, a.origin.id_given);
  EXPECT_EQ(b.origin.end_offset, a.origin.end_offset);
  ASSERT_TRUE(b.published.has_value());
  EXPECT_EQ(b.published->ToIso(), a.published->ToIso());
  EXPECT_EQ(b.published->utc_offset_minutes, -90);
  EXPECT_EQ(b.metadata, a.metadata);
  ASSERT_EQ(b.diagnostics.size(), 1u);
  EXPECT_EQ(b.diagnostics[0].message, "date repaired");
  EXPECT_EQ(b.text, a.text);
  // Re-encoding what was decoded gives the same bytes: nothing is lost.
  EXPECT_EQ(Encode(*back), Encode(item));
}

TEST(WorkMessage, FileReferenceRoundTrip) {
  WorkItem item;
  item.kind = WorkKind::kFile;
  item.path = "/archive/2024-03.warc.gz";
  item.format = Format::kWarc;
  item.id_base = "2024-03";
  StatusOr<WorkItem> back = DecodeWorkItem(Encode(item));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->kind, WorkKind::kFile);
  EXPECT_EQ(back->path, item.path);
  EXPECT_EQ(back->format, Format::kWarc);
  EXPECT_EQ(back->id_base, "2024-03");
}

TEST(WorkMessage, EveryTruncationIsRefused) {
  WorkItem item;
  item.document = SampleDocument();
  const std::string bytes = Encode(item);
  for (size_t n = 0; n < bytes.size(); ++n) {
    StatusOr<WorkItem> r = DecodeWorkItem(std::string_view(bytes).substr(0, n));
    ASSERT_FALSE(r.ok()) << "accepted the first " << n << " bytes";
    EXPECT_EQ(r.status().code(), ErrorCode::kBadRecord);
  }
}

TEST(WorkMessage, RefusesTrailingBytesWrongMagicVersionAndKind) {
  WorkItem item;
  item.document = SampleDocument();
  const std::string good = Encode(item);
  EXPECT_FALSE(DecodeWorkItem(good + "x").ok());
  std::string bad = good;
  bad[0] = 'X';
  EXPECT_FALSE(DecodeWorkItem(bad).ok());
  bad = good;
  bad[4] = 2;
  StatusOr<WorkItem> r = DecodeWorkItem(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("version 2"), std::string::npos);
  bad = good;
  bad[5] = 9;
  EXPECT_FALSE(DecodeWorkItem(bad).ok());
}

TEST(WorkMessage, RefusesInvalidUtf8NulBytesAndEmptyText) {
  WorkItem item;
  item.document = SampleDocument();
  item.document.text = "bad \xff byte";
  EXPECT_FALSE(DecodeWorkItem(Encode(item)).ok());
  item.document.text = std::string("nul \0 byte", 10);
  EXPECT_FALSE(DecodeWorkItem(Encode(item)).ok());
  item.document.text.clear();
  EXPECT_FALSE(DecodeWorkItem(Encode(item)).ok());
}

TEST(WorkMessage, RefusesAForgedHugeLengthOrCount) {
  // Magic, version, kind, then an id claiming 2^62 bytes.
  std::string bytes = "ANWQ\x01\x01";
  bytes += std::string("\xff\xff\xff\xff\xff\xff\xff\xff\x3f", 9);
  StatusOr<WorkItem> r = DecodeWorkItem(bytes);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("longer than the message"), std::string::npos);
  // A varint running past 64 bits.
  bytes = "ANWQ\x01\x01" + std::string(11, '\xff');
  EXPECT_FALSE(DecodeWorkItem(bytes).ok());
}

TEST(WorkMessage, RefusesANumberWithASecondEncoding) {
  WorkItem item;
  item.kind = WorkKind::kFile;
  item.path = "a";
  std::string bytes = Encode(item);
  // The path's length 1 written as 0x81 0x00: the same value, two bytes.
  ASSERT_EQ(bytes[6], 1);
  bytes.replace(6, 1, std::string("\x81\x00", 2));
  EXPECT_FALSE(DecodeWorkItem(bytes).ok());
}

// The fuzzer's seeds were written by a separate encoder (a few lines of
// Python): this one must read them as intended.
TEST(WorkMessage, ReadsTheFuzzSeeds) {
  const std::string dir = std::string(ANNALS_SOURCE_DIR) + "/fuzz/corpus/work_message_fuzzer/";
  auto read = [&](const char* name) {
    std::ifstream in(dir + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  StatusOr<WorkItem> doc = DecodeWorkItem(read("seed_document"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->document.id, "bbc:12");
  EXPECT_EQ(doc->document.published->ToIso(), "2024-03-26T22:16-01:30");
  EXPECT_EQ(doc->document.metadata.size(), 1u);
  StatusOr<WorkItem> file = DecodeWorkItem(read("seed_file_reference"));
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->format, Format::kWarc);
  EXPECT_FALSE(DecodeWorkItem(read("seed_truncated")).ok());
}

TEST(WorkMessage, DedupIdFollowsContentNotName) {
  WorkItem a;
  a.document = SampleDocument();
  WorkItem b = a;
  b.document.id = "other-name";
  EXPECT_EQ(WorkItemDedupId(a), WorkItemDedupId(b));
  b.document.text += " More.";
  EXPECT_NE(WorkItemDedupId(a), WorkItemDedupId(b));
  WorkItem f;
  f.kind = WorkKind::kFile;
  f.path = "x.warc";
  EXPECT_EQ(WorkItemDedupId(f)[0], 'f');
  EXPECT_EQ(WorkItemDedupId(a)[0], 'd');
}

}  // namespace
}  // namespace annals::internal
