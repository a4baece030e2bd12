// The committed syntax model on the UD English Web Treebank's test split,
// gold words: the figures, checked so that a change that loses
// accuracy fails here. The floors sit a little under what the committed
// model measures (README, docs/syntax.md), so retraining with another
// seed does not trip them; speed is measured by bench/syntax_throughput.
#include <gtest/gtest.h>

#include <iostream>

#include "annals/syntax.h"
#include "ingest/test_sink.h"
#include "syntax/conllu.h"
#include "syntax/evaluate.h"
#include "syntax/syntax_model.h"

namespace annals::syntax {
namespace {

// The committed model measures UPOS 95.77, UAS 85.39, LAS 82.23, lemmas
// 96.99 (README). The issue asks for UPOS 95, UAS 85 and LAS 82; these
// floors guard what the model does and stay above the issue's.
constexpr double kMinUpos = 0.955;
constexpr double kMinUas = 0.853;
constexpr double kMinLas = 0.821;
constexpr double kMinLemma = 0.969;

TEST(SyntaxAccuracy, EwtTestSplit) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
  auto model = DefaultSyntaxModel();
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  std::vector<ConlluSentence> test;
  std::string error;
  ASSERT_TRUE(
      ReadConlluFile(shared + "/treebank/ud-english-ewt/en_ewt-ud-test.conllu", &test, &error))
      << error;
  const SyntaxScores s = AnalyseAndScore(**model, &test);
  std::cout << FormatScores(s);
  const double n = static_cast<double>(s.words);
  EXPECT_EQ(s.words, 25094u);
  EXPECT_GE(static_cast<double>(s.upos) / n, kMinUpos);
  EXPECT_GE(static_cast<double>(s.uas) / n, kMinUas);
  EXPECT_GE(static_cast<double>(s.las_base) / n, kMinLas);
  EXPECT_GE(static_cast<double>(s.lemma) / n, kMinLemma);
}

}  // namespace
}  // namespace annals::syntax
