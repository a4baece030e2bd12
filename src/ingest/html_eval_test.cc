// Tests for the article-extraction benchmark's metric (html_eval.cc) and,
// when ../shared holds the benchmark's pages, the figure issue #7 asks
// for: F1 >= 0.96.
#include "ingest/html_eval.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/test_sink.h"

namespace annals::internal {
namespace {

TEST(HtmlEval, WordsAreUnicodeWordRuns) {
  EXPECT_EQ(BenchmarkWords("It's 3.5% -- caf\xC3\xA9_bar, \xE6\x97\xA5\xE6\x9C\xAC!"),
            (std::vector<std::string>{"It", "s", "3", "5", "caf\xC3\xA9_bar",
                                      "\xE6\x97\xA5\xE6\x9C\xAC"}));
}

TEST(HtmlEval, ShingleCounts) {
  const ShingleMatch same = MatchShingles("a b c d e", "a b c d e");
  EXPECT_DOUBLE_EQ(same.tp, 1.0);
  EXPECT_DOUBLE_EQ(same.Precision(), 1.0);
  // Gold: abcd bcde; predicted: abcd bcdx -> tp 1, fp 1, fn 1 (thirds).
  const ShingleMatch half = MatchShingles("a b c d e", "a b c d x");
  EXPECT_NEAR(half.tp, 1.0 / 3, 1e-12);
  EXPECT_NEAR(half.Precision(), 0.5, 1e-12);
  EXPECT_NEAR(half.Recall(), 0.5, 1e-12);
  // Counts matter: gold has abcd twice among 5 shingles; found once.
  const ShingleMatch twice = MatchShingles("a b c d a b c d", "a b c d");
  EXPECT_NEAR(twice.Recall(), 0.2, 1e-12);
  // Fewer than four words make one short shingle; case is kept.
  EXPECT_DOUBLE_EQ(MatchShingles("Hi there", "hi there").Recall(), 0.0);
  EXPECT_DOUBLE_EQ(MatchShingles("Hi there", "Hi there").Recall(), 1.0);
}

TEST(HtmlEval, AveragesSkipPagesWithNothingToCount) {
  ExtractionScore s;
  s.pages.resize(2);
  s.pages[0].match = MatchShingles("a b c d", "a b c d");
  s.pages[1].match = MatchShingles("a b c d", "");  // nothing predicted: recall 0 only
  Summarise(&s);
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_NEAR(s.f1, 2 * 0.5 / 1.5, 1e-12);
}

TEST(HtmlEval, ArticleExtractionBenchmark) {
  const std::string shared = SharedDataDir();
  const std::string dir = shared + "/eval/article-extraction";
  if (shared.empty() || !std::filesystem::exists(dir + "/ground-truth.json"))
    GTEST_SKIP() << "../shared/eval/article-extraction is absent (set ANNALS_SHARED)";
  ExtractionScore score;
  const Status st = EvaluateExtraction(dir, &score);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::printf("article-extraction: %zu pages, precision %.4f, recall %.4f, F1 %.4f\n",
              score.pages.size(), score.precision, score.recall, score.f1);
  EXPECT_EQ(score.pages.size(), 127u);
  EXPECT_GE(score.f1, 0.96);
}

}  // namespace
}  // namespace annals::internal
