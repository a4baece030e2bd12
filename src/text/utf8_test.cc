// Tests for IsValidUtf8 and the internal UTF-8 helpers.
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

#include "annals/text.h"

namespace annals {
namespace {

TEST(Utf8, AcceptsAsciiAndMultiByte) {
  size_t bad = 99;
  EXPECT_TRUE(IsValidUtf8("plain ascii text, long enough for 8-byte steps", &bad));
  EXPECT_TRUE(IsValidUtf8("caf\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80", &bad));
  EXPECT_EQ(bad, 99u);
}

TEST(Utf8, AcceptsEmpty) { EXPECT_TRUE(IsValidUtf8("", nullptr)); }

TEST(Utf8, RejectsLoneContinuationByteWithOffset) {
  size_t bad = 0;
  EXPECT_FALSE(IsValidUtf8("abcdefghij\x80xyz", &bad));
  EXPECT_EQ(bad, 10u);
}

TEST(Utf8, RejectsOverlongForms) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF", nullptr));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF", nullptr));
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF", nullptr));
}

TEST(Utf8, RejectsSurrogatesAndOutOfRange) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80", nullptr));
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80", nullptr));
  EXPECT_FALSE(IsValidUtf8("\xFF", nullptr));
}

TEST(Utf8, RejectsTruncatedSequenceAtEnd) {
  size_t bad = 0;
  EXPECT_FALSE(IsValidUtf8("ok\xE2\x80", &bad));
  EXPECT_EQ(bad, 2u);
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (char32_t cp : {char32_t{0x41}, char32_t{0xE9}, char32_t{0x2019}, char32_t{0x1F600}}) {
    std::string s;
    internal::AppendUtf8(cp, &s);
    EXPECT_EQ(s.size(), internal::Utf8Length(cp));
    char32_t back = 0;
    EXPECT_EQ(internal::DecodeUtf8(s, 0, &back), s.size());
    EXPECT_EQ(back, cp);
  }
}

}  // namespace
}  // namespace annals
