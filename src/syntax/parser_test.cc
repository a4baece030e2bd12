#include "syntax/parser.h"

#include <gtest/gtest.h>

#include "syntax/tagset.h"

namespace annals::syntax {
namespace {

// Tiny gold sentences written here: (form, xpos, head, relation).
struct TreeWord {
  const char* form;
  const char* xpos;
  int head;
  const char* rel;
};

GoldSentence Make(std::initializer_list<TreeWord> words) {
  GoldSentence g;
  for (const TreeWord& w : words) {
    g.forms.push_back(w.form);
    g.lemmas.push_back(w.form);
    g.xpos.push_back(XposId(w.xpos));
    g.upos.push_back(UposId("X"));
    g.heads.push_back(w.head);
    g.deprel.push_back(DeprelId(w.rel));
  }
  return g;
}

std::vector<GoldSentence> Toy() {
  return {
      Make({{"Blinken", "NNP", 2, "nsubj"},
            {"met", "VBD", 0, "root"},
            {"Gallant", "NNP", 2, "obj"},
            {"in", "IN", 5, "case"},
            {"Washington", "NNP", 2, "obl"},
            {".", ".", 2, "punct"}}),
      Make({{"The", "DT", 2, "det"},
            {"visit", "NN", 4, "nsubj:pass"},
            {"was", "VBD", 4, "aux:pass"},
            {"cancelled", "VBN", 0, "root"},
            {"by", "IN", 6, "case"},
            {"Netanyahu", "NNP", 4, "obl:agent"}}),
      Make({{"Stop", "VB", 0, "root"}}),
  };
}

std::vector<Parser::TrainingTags> GoldTags(const std::vector<GoldSentence>& gold) {
  std::vector<Parser::TrainingTags> tags;
  for (const GoldSentence& g : gold) tags.push_back({g.upos, g.xpos});
  return tags;
}

struct Parsed {
  std::vector<int> heads;
  std::vector<uint8_t> rels;
};

Parsed ParseWith(const Parser& p, const GoldSentence& g) {
  std::string buffer;
  std::vector<WordHashes> words;
  for (const auto& f : g.forms) words.push_back(HashWord(f, &buffer));
  Parsed out{std::vector<int>(g.size()), std::vector<uint8_t>(g.size())};
  ParserScratch scratch;
  p.Parse({words, g.upos.data(), g.xpos.data()}, out.heads.data(), out.rels.data(), scratch);
  return out;
}

TEST(Parser, LearnsWhatItIsShown) {
  const auto gold = Toy();
  Parser::Options o;
  o.iterations = 10;
  o.min_weight = 0;
  const Parser p = Parser::Train(gold, GoldTags(gold), o);
  for (const GoldSentence& g : gold) {
    const Parsed r = ParseWith(p, g);
    EXPECT_EQ(r.heads, g.heads) << g.forms[0];
    EXPECT_EQ(r.rels, g.deprel) << g.forms[0];
  }
}

TEST(Parser, AlwaysMakesOneTreeWithOneRoot) {
  const auto gold = Toy();
  Parser::Options o;
  o.iterations = 1;
  const Parser p = Parser::Train(gold, GoldTags(gold), o);
  // Words it never saw, in an order it never saw.
  GoldSentence odd = Make({{"x", "CC", 0, "root"},
                           {"y", ",", 0, "root"},
                           {"z", "CC", 0, "root"},
                           {"w", "UH", 0, "root"},
                           {"v", "CC", 0, "root"}});
  const Parsed r = ParseWith(p, odd);
  int roots = 0;
  for (size_t i = 0; i < r.heads.size(); ++i) {
    if (r.heads[i] == 0) {
      ++roots;
      EXPECT_EQ(r.rels[i], DeprelId("root"));
    } else {
      EXPECT_NE(r.rels[i], DeprelId("root"));
    }
    // Following heads from any word reaches the root: no cycles.
    int at = static_cast<int>(i) + 1, steps = 0;
    while (at != 0 && steps++ <= 5) at = r.heads[static_cast<size_t>(at - 1)];
    EXPECT_EQ(at, 0);
  }
  EXPECT_EQ(roots, 1);
  EXPECT_TRUE(ParseWith(p, GoldSentence()).heads.empty());
}

TEST(Parser, TrainingIsDeterministic) {
  const auto gold = Toy();
  Parser::Options o;
  o.iterations = 3;
  ByteWriter a, b;
  Parser::Train(gold, GoldTags(gold), o).Save(a);
  Parser::Train(gold, GoldTags(gold), o).Save(b);
  EXPECT_EQ(a.bytes(), b.bytes());
}

}  // namespace
}  // namespace annals::syntax
