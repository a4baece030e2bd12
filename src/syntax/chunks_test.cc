// Tests of BuildChunks on hand-parsed sentences (UD English conventions),
// one construction per test, plus malformed trees.
#include "syntax/chunks.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "syntax/tagset.h"

namespace annals::syntax {
namespace {

// One word of a CoNLL-U-like sentence: head is 1-based, 0 for the root.
struct ChunkWord {
  std::string_view form, upos, deprel;
  int head;
};

// A one-sentence Document. "'s", "n't" and "-" attach to the word before
// without a space, and a "-" also to the word after, as the tokenizer would.
Document Parse(const std::vector<ChunkWord>& words) {
  Document d;
  for (size_t i = 0; i < words.size(); ++i) {
    const ChunkWord& w = words[i];
    const bool tight_left = w.form == "'s" || w.form == "n't" || w.form == "-";
    if (i > 0 && !tight_left && !(words[i - 1].form == "-")) {
      d.text += ' ';
      d.tokens.back().space_after = true;
    }
    Token t;
    t.span.begin = static_cast<uint32_t>(d.text.size());
    d.text += w.form;
    t.span.end = static_cast<uint32_t>(d.text.size());
    t.upos = UposId(w.upos);
    t.deprel = DeprelId(w.deprel);
    EXPECT_NE(t.upos, 0) << w.upos;
    EXPECT_NE(t.deprel, 0) << w.deprel;
    t.head = w.head == 0 ? static_cast<int32_t>(i) : w.head - 1;
    d.tokens.push_back(t);
  }
  const uint32_t n = static_cast<uint32_t>(d.tokens.size());
  const Span all{0, static_cast<uint32_t>(d.text.size())};
  d.sentences = {Sentence{all, {0, n}, 0}};
  d.paragraphs = {Paragraph{all, {0, 1}}};
  return d;
}

// Each chunk as "noun(head) words of the chunk".
std::vector<std::string> Chunks(Document& d) {
  BuildChunks(d);
  EXPECT_TRUE(d.Validate().ok()) << d.Validate().ToString();
  std::vector<std::string> out;
  for (const Chunk& c : d.chunks) {
    const Span s{d.tokens[c.tokens.begin].span.begin, d.tokens[c.tokens.end - 1].span.end};
    out.push_back(std::string(ChunkKindName(c.kind)) + "(" +
                  std::string(d.Text(d.tokens[c.head].span)) + ") " + std::string(d.Text(s)));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(Chunks, TitlesAndNamesStayWithTheirHead) {
  Document d = Parse({{"Israeli", "ADJ", "amod", 3},
                      {"Defence", "PROPN", "compound", 3},
                      {"Minister", "PROPN", "compound", 4},
                      {"Yoav", "PROPN", "nsubj", 6},
                      {"Gallant", "PROPN", "flat", 4},
                      {"met", "VERB", "root", 0},
                      {"US", "PROPN", "compound", 8},
                      {"Secretary", "PROPN", "compound", 11},
                      {"of", "ADP", "case", 10},
                      {"State", "PROPN", "nmod", 8},
                      {"Antony", "PROPN", "obj", 6},
                      {"Blinken", "PROPN", "flat", 11}});
  // "Secretary" is cut off from "Antony" by "of State": chunks are
  // contiguous, so it heads its own.
  EXPECT_EQ(Chunks(d), (Strings{"noun(Yoav) Israeli Defence Minister Yoav Gallant", "verb(met) met",
                                "noun(Secretary) US Secretary", "noun(State) State",
                                "noun(Antony) Antony Blinken"}));
}

TEST(Chunks, RightSideFlatAndCompoundJoin) {
  Document d = Parse({{"Shaikh", "PROPN", "compound", 2},
                      {"Abdullah", "PROPN", "nsubj", 4},
                      {"al-Ani", "PROPN", "flat", 2},
                      {"spoke", "VERB", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(Abdullah) Shaikh Abdullah al-Ani", "verb(spoke) spoke"}));
}

TEST(Chunks, PossessorBringsItsDeterminerAndCase) {
  Document d = Parse({{"The", "DET", "det", 2},
                      {"delegation", "NOUN", "nmod:poss", 4},
                      {"'s", "PART", "case", 2},
                      {"visit", "NOUN", "nsubj:pass", 6},
                      {"was", "AUX", "aux:pass", 6},
                      {"cancelled", "VERB", "root", 0}});
  EXPECT_EQ(Chunks(d),
            (Strings{"noun(visit) The delegation's visit", "verb(cancelled) was cancelled"}));
}

TEST(Chunks, NegationJoinsTheVerb) {
  Document d = Parse({{"They", "PRON", "nsubj", 4},
                      {"did", "AUX", "aux", 4},
                      {"not", "PART", "advmod", 4},
                      {"attack", "VERB", "root", 0},
                      {"the", "DET", "det", 6},
                      {"convoy", "NOUN", "obj", 4},
                      {".", "PUNCT", "punct", 4}});
  EXPECT_EQ(Chunks(d),
            (Strings{"noun(They) They", "verb(attack) did not attack", "noun(convoy) the convoy"}));
  Document contracted = Parse({{"They", "PRON", "nsubj", 4},
                               {"did", "AUX", "aux", 4},
                               {"n't", "PART", "advmod", 4},
                               {"attack", "VERB", "root", 0}});
  EXPECT_EQ(Chunks(contracted), (Strings{"noun(They) They", "verb(attack) didn't attack"}));
}

TEST(Chunks, AdverbAfterAuxiliaryAndAdjacentParticleJoin) {
  Document d = Parse({{"Israel", "PROPN", "nsubj", 4},
                      {"has", "AUX", "aux", 4},
                      {"already", "ADV", "advmod", 4},
                      {"carried", "VERB", "root", 0},
                      {"out", "ADP", "compound:prt", 4},
                      {"strikes", "NOUN", "obj", 4}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(Israel) Israel", "verb(carried) has already carried out",
                                "noun(strikes) strikes"}));
}

TEST(Chunks, SplitParticleAndLoneAdverbStayOut) {
  Document d = Parse({{"They", "PRON", "nsubj", 2},
                      {"carried", "VERB", "root", 0},
                      {"the", "DET", "det", 4},
                      {"raid", "NOUN", "obj", 2},
                      {"out", "ADP", "compound:prt", 2},
                      {"quickly", "ADV", "advmod", 2}});
  EXPECT_EQ(Chunks(d),
            (Strings{"noun(They) They", "verb(carried) carried", "noun(raid) the raid"}));
}

TEST(Chunks, NumbersAndParticiplesJoinTheNoun) {
  Document d = Parse({{"the", "DET", "det", 5},
                      {"1.4", "NUM", "compound", 3},
                      {"million", "NUM", "nummod", 5},
                      {"displaced", "VERB", "amod", 5},
                      {"people", "NOUN", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(people) the 1.4 million displaced people"}));
}

TEST(Chunks, AdverbOfAnAdjectiveJoins) {
  Document d = Parse({{"a", "DET", "det", 4},
                      {"very", "ADV", "advmod", 3},
                      {"large", "ADJ", "amod", 4},
                      {"crowd", "NOUN", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(crowd) a very large crowd"}));
}

TEST(Chunks, RelativeClauseIsNotPartOfTheNoun) {
  Document d = Parse({{"The", "DET", "det", 2},
                      {"soldiers", "NOUN", "nsubj:pass", 8},
                      {"who", "PRON", "nsubj", 4},
                      {"fired", "VERB", "acl:relcl", 2},
                      {"the", "DET", "det", 6},
                      {"shots", "NOUN", "obj", 4},
                      {"were", "AUX", "aux:pass", 8},
                      {"arrested", "VERB", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(soldiers) The soldiers", "noun(who) who", "verb(fired) fired",
                                "noun(shots) the shots", "verb(arrested) were arrested"}));
}

TEST(Chunks, AppositionIsItsOwnChunk) {
  Document d = Parse({{"Blinken", "PROPN", "nsubj", 6},
                      {",", "PUNCT", "punct", 4},
                      {"the", "DET", "det", 4},
                      {"envoy", "NOUN", "appos", 1},
                      {",", "PUNCT", "punct", 4},
                      {"left", "VERB", "root", 0}});
  EXPECT_EQ(Chunks(d),
            (Strings{"noun(Blinken) Blinken", "noun(envoy) the envoy", "verb(left) left"}));
}

TEST(Chunks, CopulaHeadsTheVerbChunk) {
  Document d = Parse({{"The", "DET", "det", 2},
                      {"talks", "NOUN", "nsubj", 6},
                      {"have", "AUX", "aux", 6},
                      {"not", "PART", "advmod", 6},
                      {"been", "AUX", "cop", 6},
                      {"productive", "ADJ", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(talks) The talks", "verb(been) have not been"}));
  Document noun = Parse({{"Gaza", "PROPN", "nsubj", 4},
                         {"is", "AUX", "cop", 4},
                         {"a", "DET", "det", 4},
                         {"battlefield", "NOUN", "root", 0}});
  EXPECT_EQ(Chunks(noun),
            (Strings{"noun(Gaza) Gaza", "verb(is) is", "noun(battlefield) a battlefield"}));
  Document adjective = Parse({{"It", "PRON", "nsubj", 5},
                              {"is", "AUX", "cop", 5},
                              {"well", "ADV", "advmod", 5},
                              {"-", "PUNCT", "punct", 5},
                              {"known", "ADJ", "root", 0}});
  EXPECT_EQ(Chunks(adjective), (Strings{"noun(It) It", "verb(is) is"}));
}

TEST(Chunks, AuxiliaryAsClauseHead) {
  Document d = Parse({{"She", "PRON", "nsubj", 2}, {"will", "AUX", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(She) She", "verb(will) will"}));
}

TEST(Chunks, HyphenJoinedPieces) {
  Document d = Parse({{"Hamas", "PROPN", "obl:npmod", 3},
                      {"-", "PUNCT", "punct", 3},
                      {"run", "VERB", "amod", 4},
                      {"ministry", "NOUN", "root", 0}});
  EXPECT_EQ(Chunks(d), (Strings{"noun(ministry) Hamas-run ministry"}));
}

TEST(Chunks, NothingWithoutHeads) {
  Document d = Parse({{"Troops", "NOUN", "nsubj", 2}, {"fired", "VERB", "root", 0}});
  for (Token& t : d.tokens) t.head = -1;
  d.chunks = {Chunk{{0, 1}, 0, 0, ChunkKind::kNoun}};  // stale: replaced
  EXPECT_TRUE(Chunks(d).empty());
}

TEST(Chunks, EverySentenceChunkedSeparately) {
  Document d = Parse({{"Troops", "NOUN", "nsubj", 2},
                      {"fired", "VERB", "root", 0},
                      {"Talks", "NOUN", "nsubj", 4},
                      {"ended", "VERB", "root", 0}});
  d.sentences = {Sentence{{0, 12}, {0, 2}, 0}, Sentence{{13, 24}, {2, 4}, 0}};
  d.tokens[2].head = 3;
  d.tokens[3].head = 3;
  EXPECT_EQ(Chunks(d), (Strings{"noun(Troops) Troops", "verb(fired) fired", "noun(Talks) Talks",
                                "verb(ended) ended"}));
  EXPECT_EQ(d.chunks[2].sentence, 1u);
  EXPECT_EQ(d.chunks[3].head, 3u);
}

TEST(Chunks, CyclesAndStrayHeadsGiveValidChunks) {
  Document d = Parse({{"the", "DET", "det", 2},
                      {"army", "NOUN", "compound", 3},
                      {"chief", "NOUN", "flat", 2},  // army <-> chief: a cycle
                      {"not", "PART", "advmod", 5},
                      {"left", "VERB", "root", 0}});
  d.tokens[3].head = 4000;  // past the document
  d.tokens[4].head = -7;
  EXPECT_EQ(Chunks(d), (Strings{"noun(army) the army chief", "verb(left) left"}));
}

TEST(Chunks, BadSpansAndRangesDoNotCrash) {
  Document d = Parse(
      {{"did", "AUX", "aux", 3}, {"not", "PART", "advmod", 3}, {"attack", "VERB", "root", 0}});
  d.tokens[1].span = {900, 903};  // outside the text: read as "", not thrown on
  BuildChunks(d);
  ASSERT_EQ(d.chunks.size(), 1u);  // still joins, as an adverb after "did"
  EXPECT_EQ(d.chunks[0].tokens, (IndexRange{0, 3}));
  d.sentences[0].tokens = {0, 99};  // past the tokens: skipped
  BuildChunks(d);
  EXPECT_TRUE(d.chunks.empty());
}

}  // namespace
}  // namespace annals::syntax
