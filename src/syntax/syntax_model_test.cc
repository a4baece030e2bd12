// The committed model: it loads, it is small, and it parses the sentences
// event coding depends on the way UD would.
#include "syntax/syntax_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "annals/pipeline.h"
#include "annals/syntax.h"
#include "ingest/test_sink.h"
#include "syntax/tagset.h"
#include "syntax/train_syntax.h"

namespace annals::syntax {
namespace {

const SyntaxModel& Model() {
  static auto model = DefaultSyntaxModel();
  if (!model.ok()) {
    ADD_FAILURE() << model.status().ToString();
    std::abort();
  }
  return **model;
}

struct Word {
  std::string form, upos, lemma, rel;
  int head;
};

std::vector<Word> Parse(const std::vector<std::string_view>& forms) {
  SentenceAnalysis r;
  AnalysisScratch scratch;
  Model().Analyse(forms, &r, scratch);
  std::vector<Word> out;
  for (size_t i = 0; i < forms.size(); ++i) {
    out.push_back({std::string(forms[i]), std::string(UposName(r.upos[i])), r.lemmas[i],
                   std::string(DeprelName(r.deprel[i])), r.heads[i]});
  }
  return out;
}

TEST(SyntaxModel, IsSmallAndSaysHowItWasTrained) {
  EXPECT_LT(Model().file_size(), 30u * 1000 * 1000);
  EXPECT_NE(Model().info().find("seed"), std::string_view::npos);
}

TEST(SyntaxModel, SubjectAndObjectOfAMeeting) {
  const auto w = Parse({"Blinken", "met", "Gallant", "in", "Washington", "on", "Monday", "."});
  EXPECT_EQ(w[1].upos, "VERB");
  EXPECT_EQ(w[1].lemma, "meet");
  EXPECT_EQ(w[1].rel, "root");
  EXPECT_EQ(w[0].rel, "nsubj");
  EXPECT_EQ(w[0].head, 2);
  EXPECT_EQ(w[2].rel, "obj");
  EXPECT_EQ(w[2].head, 2);
  // "on Monday" goes with the verb. ("in Washington" goes with Gallant
  // as nmod: a known prepositional-attachment weakness, docs/syntax.md.)
  EXPECT_EQ(w[6].rel, "obl");
  EXPECT_EQ(w[6].head, 2);
}

TEST(SyntaxModel, PassiveWithAgent) {
  const auto w = Parse({"The", "visit", "was", "cancelled", "by", "Netanyahu", "."});
  EXPECT_EQ(w[1].rel, "nsubj:pass");
  EXPECT_EQ(w[1].head, 4);
  EXPECT_EQ(w[2].rel, "aux:pass");
  EXPECT_EQ(w[3].lemma, "cancel");
  EXPECT_EQ(w[5].rel, "obl:agent");
  EXPECT_EQ(w[5].head, 4);
}

TEST(SyntaxModel, NegationAndRelativeClause) {
  const auto w =
      Parse({"Israel", "did", "n't", "attack", "the", "town", "that", "Hamas", "holds", "."});
  EXPECT_EQ(w[2].lemma, "not");
  EXPECT_EQ(w[2].head, 4);
  EXPECT_EQ(w[5].rel, "obj");
  EXPECT_EQ(w[8].rel, "acl:relcl");
  EXPECT_EQ(w[8].head, 6);
  EXPECT_EQ(w[7].rel, "nsubj");
  EXPECT_EQ(w[7].head, 9);
}

TEST(SyntaxModel, StageFillsTokensAndChunks) {
  auto pipeline = Pipeline::Standard();
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Document doc;
  doc.text = "US Secretary of State Antony Blinken met Israeli Defence Minister Yoav Gallant.";
  Scratch scratch;
  ASSERT_TRUE(pipeline->Process(doc, scratch).ok());
  ASSERT_TRUE(doc.Validate().ok());
  int roots = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    EXPECT_NE(t.upos, 0);
    EXPECT_NE(t.xpos, 0);
    EXPECT_NE(t.deprel, 0);
    EXPECT_FALSE(t.lemma.empty());
    ASSERT_GE(t.head, 0);
    roots += t.head == static_cast<int32_t>(i);
  }
  EXPECT_EQ(roots, 1);
  EXPECT_FALSE(doc.chunks.empty());
  EXPECT_NE(std::find(doc.stages.begin(), doc.stages.end(), "syntax.v1"), doc.stages.end());
}

TEST(SyntaxModel, LongSentencesAreParsedInPieces) {
  auto pipeline = Pipeline::Standard();
  ASSERT_TRUE(pipeline.ok());
  Document doc;
  for (int i = 0; i < 700; ++i) doc.text += i % 2 ? "talks " : "and ";
  Scratch scratch;
  ASSERT_TRUE(pipeline->Process(doc, scratch).ok());
  ASSERT_TRUE(doc.Validate().ok());
  ASSERT_EQ(doc.sentences.size(), 1u);
  int roots = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const int32_t head = doc.tokens[i].head;
    roots += head == static_cast<int32_t>(i);
    // Heads stay inside the 300-word piece.
    EXPECT_EQ(static_cast<size_t>(head) / 300, i / 300) << i;
  }
  EXPECT_EQ(roots, 3);
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_NE(doc.diagnostics.back().message.find("3 pieces"), std::string::npos);
}

TEST(SyntaxModel, RejectsDamagedFiles) {
  std::ifstream in(DefaultSyntaxModelPath(), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string file = ss.str();
  EXPECT_TRUE(SyntaxModel::FromFileBytes(file, "good").ok());
  auto cut = SyntaxModel::FromFileBytes(file.substr(0, file.size() / 2), "cut");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), ErrorCode::kBadModel);
  // A payload that passes the checksum but not the loaders.
  auto junk = SyntaxModel::FromFileBytes(WrapModel(std::string(100, '\x07')), "junk");
  ASSERT_FALSE(junk.ok());
  EXPECT_NE(junk.status().message().find("malformed"), std::string::npos);
}

TEST(SyntaxModel, TrainingIsReproducible) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
  TrainSyntaxOptions o;
  o.train_path = shared + "/treebank/ud-english-ewt/en_ewt-ud-train.conllu";
  o.dev_path = shared + "/treebank/ud-english-ewt/en_ewt-ud-dev.conllu";
  o.max_sentences = 300;
  o.tagger.iterations = 2;
  o.parser.iterations = 2;
  // WordNet's forms when the package is there (the test command installs it).
  if (!std::filesystem::exists(o.wordnet_dir + "/data.noun")) o.wordnet_dir.clear();
  std::ostringstream log;
  auto a = TrainSyntaxModel(o, log);
  auto b = TrainSyntaxModel(o, log);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  o.seed = 2;
  auto c = TrainSyntaxModel(o, log);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(*a, *c);
  auto model = SyntaxModel::FromFileBytes(*a, "small");
  EXPECT_TRUE(model.ok());
}

}  // namespace
}  // namespace annals::syntax
