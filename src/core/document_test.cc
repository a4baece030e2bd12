// Tests for the Document helpers: Validate(), ContentHash(), the kind names.
#include "annals/document.h"

#include <gtest/gtest.h>

#include <utility>

#include "annals/pipeline.h"

namespace annals {
namespace {

Document Processed(const std::string& text) {
  Document doc;
  doc.id = "d";
  doc.text = text;
  Scratch scratch;
  EXPECT_TRUE(Pipeline::Standard()->Process(doc, scratch).ok());
  return doc;
}

TEST(Validate, PipelineOutputIsValid) {
  EXPECT_TRUE(Processed("Talks began. They ended at noon.\n\nA second paragraph.").Validate().ok());
}

TEST(Validate, CatchesBrokenStructure) {
  const Document good = Processed("Talks began. They ended at noon.");
  Document d = good;
  d.tokens[1].span.end = 999;
  EXPECT_FALSE(d.Validate().ok()) << "token outside text";
  d = good;
  d.tokens[1].span = d.tokens[0].span;
  EXPECT_FALSE(d.Validate().ok()) << "overlapping tokens";
  d = good;
  d.sentences[1].span.begin += 1;
  EXPECT_FALSE(d.Validate().ok()) << "sentence span not its tokens";
  d = good;
  d.sentences[0].paragraph = 7;
  EXPECT_FALSE(d.Validate().ok()) << "missing paragraph";
  d = good;
  d.paragraphs[0].sentences.end = 5;
  EXPECT_FALSE(d.Validate().ok()) << "paragraph sentence range";
}

TEST(Validate, CatchesAnnotationsPointingNowhere) {
  Document d = Processed("Envoys met in Geneva.");
  Count c;
  c.span = {0, 500};
  d.counts.push_back(c);
  EXPECT_FALSE(d.Validate().ok());
  d.counts.clear();
  Event e;
  e.source = 3;  // no actors at all
  d.events.push_back(e);
  EXPECT_FALSE(d.Validate().ok());
}

TEST(Validate, ChecksChunks) {
  // Built by hand: "Talks began." is tokens [0, 3), "They ended at noon." [3, 8).
  Document good;
  good.text = "Talks began. They ended at noon.";
  const Span spans[] = {{0, 5},   {6, 11},  {11, 12}, {13, 17},
                        {18, 23}, {24, 26}, {27, 31}, {31, 32}};
  for (const Span s : spans) good.tokens.push_back(Token{s});
  good.sentences = {Sentence{{0, 12}, {0, 3}, 0}, Sentence{{13, 32}, {3, 8}, 0}};
  good.paragraphs = {Paragraph{{0, 32}, {0, 2}}};
  ASSERT_TRUE(good.Validate().ok()) << good.Validate().ToString();
  Document d = good;
  d.chunks = {Chunk{{0, 1}, 0, 0, ChunkKind::kNoun}, Chunk{{1, 2}, 0, 1, ChunkKind::kVerb},
              Chunk{{4, 6}, 1, 5, ChunkKind::kVerb}};
  EXPECT_TRUE(d.Validate().ok()) << d.Validate().ToString();
  const Document chunked = d;
  d.chunks[2].head = 6;
  EXPECT_FALSE(d.Validate().ok()) << "head outside the chunk";
  d = chunked;
  d.chunks[1].tokens = {1, 4};
  EXPECT_FALSE(d.Validate().ok()) << "chunk crosses into the next sentence";
  d = chunked;
  d.chunks[2].sentence = 0;
  EXPECT_FALSE(d.Validate().ok()) << "chunk outside its sentence";
  d = chunked;
  d.chunks[2].sentence = 9;
  EXPECT_FALSE(d.Validate().ok()) << "missing sentence";
  d = chunked;
  d.chunks[1].tokens = {1, 1};
  EXPECT_FALSE(d.Validate().ok()) << "empty chunk";
  d = chunked;
  std::swap(d.chunks[0], d.chunks[1]);
  EXPECT_FALSE(d.Validate().ok()) << "out of text order";
  d = chunked;
  d.chunks[1].tokens = {0, 2};
  EXPECT_FALSE(d.Validate().ok()) << "overlapping chunks";
}

TEST(ContentHash, TitleAndTextCannotTradeBytes) {
  EXPECT_NE(ContentHash("Talks\nresume", "Both sides met."),
            ContentHash("Talks", "resume\nBoth sides met."));
  EXPECT_NE(ContentHash("", "a"), ContentHash("a", ""));
  EXPECT_EQ(ContentHash("T", "x"), ContentHash("T", "x"));
  EXPECT_EQ(ContentHash("T", "x").size(), 32u);
}

TEST(ChunkKind, Names) {
  EXPECT_EQ(ChunkKindName(ChunkKind::kNoun), "noun");
  EXPECT_EQ(ChunkKindName(ChunkKind::kVerb), "verb");
}

TEST(MentionKind, NamesRoundTrip) {
  for (MentionKind k : {MentionKind::kActor, MentionKind::kAgent, MentionKind::kVerb,
                        MentionKind::kPlace, MentionKind::kOther}) {
    EXPECT_EQ(ParseMentionKind(MentionKindName(k)), k);
  }
  EXPECT_EQ(ParseMentionKind("from-a-newer-annals"), MentionKind::kOther);
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST(StoryDate, NumberOrZero) {
  Document d;
  EXPECT_EQ(StoryDate(d), 0);
  d.published = PublishedTime{2024, 3, 26};
  EXPECT_EQ(StoryDate(d), 20240326);
}

}  // namespace
}  // namespace annals
