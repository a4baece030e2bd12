// Tests for the Document helpers: Validate(), ContentHash(), the kind names.
#include "annals/document.h"

#include <gtest/gtest.h>

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

TEST(ContentHash, TitleAndTextCannotTradeBytes) {
  EXPECT_NE(ContentHash("Talks\nresume", "Both sides met."),
            ContentHash("Talks", "resume\nBoth sides met."));
  EXPECT_NE(ContentHash("", "a"), ContentHash("a", ""));
  EXPECT_EQ(ContentHash("T", "x"), ContentHash("T", "x"));
  EXPECT_EQ(ContentHash("T", "x").size(), 32u);
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
