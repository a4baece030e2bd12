// Tests of the packed token format: round trips, compactness, and refusal
// of corrupt blobs without crashing or over-allocating.
#include "store/token_codec.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annals::internal {
namespace {

std::vector<Token> SampleTokens() {
  return {Token{{0, 6}, TokenKind::kWord, true, "", "troop", 1, 2, 3, 1},
          Token{{7, 12}, TokenKind::kNumber, false, "12", "", 0, 0, 0, -1},
          Token{{12, 15}, TokenKind::kQuote, true, "\"", "", 0, 0, 9, 0},
          Token{{4000000000u, 4000000003u}, TokenKind::kUrl, false, "", "", 0, 0, 0, 2}};
}

void ExpectSameTokens(const std::vector<Token>& a, const std::vector<Token>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].span, b[i].span) << i;
    EXPECT_EQ(a[i].kind, b[i].kind) << i;
    EXPECT_EQ(a[i].space_after, b[i].space_after) << i;
    EXPECT_EQ(a[i].norm, b[i].norm) << i;
    EXPECT_EQ(a[i].lemma, b[i].lemma) << i;
    EXPECT_EQ(a[i].upos, b[i].upos) << i;
    EXPECT_EQ(a[i].xpos, b[i].xpos) << i;
    EXPECT_EQ(a[i].deprel, b[i].deprel) << i;
    EXPECT_EQ(a[i].head, b[i].head) << i;
  }
}

TEST(StoreTokenCodec, RoundTripsEverySlot) {
  const std::vector<Token> tokens = SampleTokens();
  std::string blob;
  EncodeTokens(tokens, &blob);
  std::vector<Token> back;
  ASSERT_TRUE(DecodeTokens(blob, &back).ok());
  ExpectSameTokens(tokens, back);
}

TEST(StoreTokenCodec, StartsWithFormatByte) {
  std::string blob;
  EncodeTokens(SampleTokens(), &blob);
  ASSERT_FALSE(blob.empty());
  EXPECT_EQ(static_cast<uint8_t>(blob[0]), kTokenFormatV1);
}

TEST(StoreTokenCodec, EmptyListIsEmptyBlob) {
  std::string blob = "junk";
  EncodeTokens({}, &blob);
  EXPECT_TRUE(blob.empty());
  std::vector<Token> back(3);
  ASSERT_TRUE(DecodeTokens(blob, &back).ok());
  EXPECT_TRUE(back.empty());
}

TEST(StoreTokenCodec, PlainTokensTakeThreeBytes) {
  std::vector<Token> tokens;
  for (uint32_t b = 0; b < 1000; b += 5) tokens.push_back(Token{{b, b + 4}});
  std::string blob;
  EncodeTokens(tokens, &blob);
  EXPECT_LE(blob.size(), 3 + 3 * tokens.size());
}

TEST(StoreTokenCodec, RefusesUnknownFormat) {
  std::string blob;
  EncodeTokens(SampleTokens(), &blob);
  blob[0] = 9;
  std::vector<Token> back;
  const Status s = DecodeTokens(blob, &back);
  EXPECT_EQ(s.code(), ErrorCode::kStore);
}

TEST(StoreTokenCodec, RefusesEveryTruncation) {
  std::string blob;
  EncodeTokens(SampleTokens(), &blob);
  for (size_t n = 1; n < blob.size(); ++n) {
    std::vector<Token> back;
    EXPECT_FALSE(DecodeTokens(std::string_view(blob).substr(0, n), &back).ok()) << n;
  }
}

TEST(StoreTokenCodec, HugeCountDoesNotAllocate) {
  // Format byte, then a count of 2^62 in ten varint bytes, then nothing.
  const std::string blob = "\x01\xff\xff\xff\xff\xff\xff\xff\xff\x3f";
  std::vector<Token> back;
  EXPECT_FALSE(DecodeTokens(blob, &back).ok());
  EXPECT_TRUE(back.empty());
}

TEST(StoreTokenCodec, SurvivesArbitraryBytes) {
  // A cheap stand-in for fuzzing: every single-byte corruption of a valid
  // blob either decodes or fails cleanly.
  std::string blob;
  EncodeTokens(SampleTokens(), &blob);
  for (size_t i = 0; i < blob.size(); ++i) {
    for (int v : {0x00, 0x7f, 0x80, 0xff}) {
      std::string bad = blob;
      bad[i] = static_cast<char>(v);
      std::vector<Token> back;
      (void)DecodeTokens(bad, &back);
    }
  }
}

}  // namespace
}  // namespace annals::internal
