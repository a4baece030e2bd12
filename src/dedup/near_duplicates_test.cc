// Tests for MinHash signatures and the near-duplicate index.
#include "dedup/near_duplicates.h"

#include <gtest/gtest.h>

#include <string>

namespace annals::dedup {
namespace {

constexpr char kStory[] =
    "Mediators from Qatar and Egypt met Israeli and Hamas negotiators in Doha on Monday to "
    "restart talks on a ceasefire in Gaza and the release of hostages. Officials said the "
    "two sides remained far apart on the length of any truce and on the return of displaced "
    "people to the north of the territory. A second round of talks is planned for Thursday, "
    "and the United States has sent its intelligence chief to join the meetings.";

constexpr char kOther[] =
    "Parliament passed the budget after a long night of debate, with 301 votes to 255. The "
    "finance minister said the plan would cut the deficit by half within three years while "
    "protecting spending on schools and hospitals. Opposition leaders called the plan a "
    "gamble and promised to fight its tax rises in the upper house next month.";

Signature Sig(std::string_view text) {
  Signature s;
  EXPECT_TRUE(ComputeSignature(text, &s)) << text;
  return s;
}

TEST(NearDuplicates, PunctuationCaseAndSpacingDoNotMatter) {
  std::string copy = kStory;
  for (char& c : copy) c = c == '.' ? ';' : (c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
  copy.replace(copy.find(' '), 1, "\n\n   ");
  EXPECT_EQ(Sig(kStory), Sig(copy));
}

TEST(NearDuplicates, SyndicatedCopyIsSimilarOtherStoryIsNot) {
  const std::string copy =
      "Advertisement. Sign up for our morning briefing. By Jane Doe, Staff Writer. " +
      std::string(kStory) + " Copyright 2024 Example Media. All rights reserved.";
  EXPECT_GE(EstimateJaccard(Sig(kStory), Sig(copy)), kDefaultThreshold);
  EXPECT_LT(EstimateJaccard(Sig(kStory), Sig(kOther)), 0.1);
}

TEST(NearDuplicates, ShortTextsHaveNoSignature) {
  Signature s;
  EXPECT_FALSE(ComputeSignature("Envoys meet in Doha.", &s));
  EXPECT_FALSE(ComputeSignature("", &s));
}

TEST(NearDuplicates, EncodesAndDecodes) {
  const Signature s = Sig(kStory);
  Signature back;
  ASSERT_TRUE(DecodeSignature(EncodeSignature(s), &back));
  EXPECT_EQ(back, s);
  EXPECT_FALSE(DecodeSignature("short", &back));
}

TEST(NearDuplicates, IndexLinksCopiesToTheFirstOriginal) {
  NearDuplicateIndex index;
  const std::string copy1 = std::string(kStory) + " Reporting by Jane Doe; editing by John Roe.";
  const std::string copy2 = "From our correspondents. " + copy1;
  index.Add(1, Sig(kOther), -1);
  EXPECT_EQ(index.FindOriginal(Sig(kStory)), -1);
  index.Add(2, Sig(kStory), -1);
  EXPECT_EQ(index.FindOriginal(Sig(copy1)), 2);
  index.Add(3, Sig(copy1), 2);
  // Closest to the copy, but linked to the copy's original: a star.
  EXPECT_EQ(index.FindOriginal(Sig(copy2)), 2);
  index.Remove(2);
  EXPECT_EQ(index.FindOriginal(Sig(copy2)), 3);
  EXPECT_EQ(index.size(), 2u);
}

}  // namespace
}  // namespace annals::dedup
