// Tests for the tokenize.v2 stage (tokens; paragraphs are in
// paragraphs_test.cc).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "annals/text.h"
#include "text/tokenizer.h"

namespace annals {
namespace {

Document Tokenized(const std::string& text) {
  Document doc;
  doc.text = text;
  Scratch scratch;
  EXPECT_TRUE(MakeNormalizeStage()->Process(doc, scratch).ok());
  EXPECT_TRUE(MakeTokenizeStage()->Process(doc, scratch).ok());
  EXPECT_TRUE(doc.Validate().ok());
  return doc;
}

std::vector<std::string> Surfaces(const std::string& text) {
  const Document doc = Tokenized(text);
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.Text(t.span));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenize, SplitsWordsAndPunctuation) {
  EXPECT_EQ(Surfaces("Hello, world!"), (V{"Hello", ",", "world", "!"}));
}

// Contractions are cut as the UD English Web Treebank cuts them, since a
// parser trained on it reads our tokens.
TEST(Tokenize, SplitsNegationClitic) {
  EXPECT_EQ(Surfaces("didn't isn't don't"), (V{"did", "n't", "is", "n't", "do", "n't"}));
}

TEST(Tokenize, SplitsIrregularNegationsWhereEwtDoes) {
  EXPECT_EQ(Surfaces("can't won't ain't"), (V{"ca", "n't", "wo", "n't", "ai", "n't"}));
}

TEST(Tokenize, SplitsUpperCaseNegation) {
  EXPECT_EQ(Surfaces("DON'T Can't"), (V{"DO", "N'T", "Ca", "n't"}));
}

TEST(Tokenize, SplitsTypographicNegationWithNorm) {
  const Document doc = Tokenized("didn\xE2\x80\x99t go");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.Text(doc.tokens[0].span), "did");
  EXPECT_TRUE(doc.tokens[0].norm.empty());
  EXPECT_EQ(doc.Text(doc.tokens[1].span), "n\xE2\x80\x99t");
  EXPECT_EQ(doc.tokens[1].norm, "n't");
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kWord);
  EXPECT_FALSE(doc.tokens[0].space_after);
  EXPECT_TRUE(doc.tokens[1].space_after);
}

TEST(Tokenize, NegationPiecesKeepTheirByteSpans) {
  const Document doc = Tokenized("We can't stop");
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[1].span.begin, 3u);
  EXPECT_EQ(doc.tokens[1].span.end, 5u);
  EXPECT_EQ(doc.tokens[2].span.begin, 5u);
  EXPECT_EQ(doc.tokens[2].span.end, 8u);
}

TEST(Tokenize, KeepsBareNegationCliticWhole) { EXPECT_EQ(Surfaces("do n't"), (V{"do", "n't"})); }

TEST(Tokenize, SplitsVerbClitics) {
  EXPECT_EQ(Surfaces("I'm they'll we'd you've we're"),
            (V{"I", "'m", "they", "'ll", "we", "'d", "you", "'ve", "we", "'re"}));
}

TEST(Tokenize, SplitsUpperCaseVerbClitics) {
  EXPECT_EQ(Surfaces("I'M THEY'LL WE'D YOU'VE WE'RE"),
            (V{"I", "'M", "THEY", "'LL", "WE", "'D", "YOU", "'VE", "WE", "'RE"}));
}

TEST(Tokenize, SplitsTypographicVerbCliticWithNorm) {
  const Document doc = Tokenized("they\xE2\x80\x99ll go");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.Text(doc.tokens[1].span), "\xE2\x80\x99ll");
  EXPECT_EQ(doc.tokens[1].norm, "'ll");
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kWord);
}

TEST(Tokenize, SplitsCliticS) {
  EXPECT_EQ(Surfaces("it's he's let's"), (V{"it", "'s", "he", "'s", "let", "'s"}));
}

TEST(Tokenize, SplitsCliticBeforePunctuation) {
  EXPECT_EQ(Surfaces("\"I won't.\""), (V{"\"", "I", "wo", "n't", ".", "\""}));
  EXPECT_EQ(Surfaces("they'd, we'll"), (V{"they", "'d", ",", "we", "'ll"}));
}

TEST(Tokenize, KeepsApostropheNamesAndWordsWhole) {
  EXPECT_EQ(Surfaces("O'Neill D'Amato rock'n'roll ma'am y'all o'clock"),
            (V{"O'Neill", "D'Amato", "rock'n'roll", "ma'am", "y'all", "o'clock"}));
}

TEST(Tokenize, SplitsCliticAfterApostropheName) {
  EXPECT_EQ(Surfaces("O'Neill's"), (V{"O'Neill", "'s"}));
}

TEST(Tokenize, SplitsOnlyCliticsThatEndTheWord) {
  EXPECT_EQ(Surfaces("Sa'dah Ta'izz Ma'mun"), (V{"Sa'dah", "Ta'izz", "Ma'mun"}));
}

TEST(Tokenize, SplitsCannot) {
  EXPECT_EQ(Surfaces("cannot Cannot CANNOT"), (V{"can", "not", "Can", "not", "CAN", "NOT"}));
}

TEST(Tokenize, SplitsGonna) { EXPECT_EQ(Surfaces("gonna"), (V{"gon", "na"})); }

TEST(Tokenize, SplitsWanna) { EXPECT_EQ(Surfaces("Wanna"), (V{"Wan", "na"})); }

TEST(Tokenize, SplitsGotta) { EXPECT_EQ(Surfaces("gotta."), (V{"got", "ta", "."})); }

TEST(Tokenize, KeepsWordsThatOnlyStartLikeFusedOnesWhole) {
  EXPECT_EQ(Surfaces("cannon gonnad wannabe gottan canno"),
            (V{"cannon", "gonnad", "wannabe", "gottan", "canno"}));
}

TEST(Tokenize, SplitsPossessiveS) {
  EXPECT_EQ(Surfaces("Gaza's border"), (V{"Gaza", "'s", "border"}));
}

TEST(Tokenize, SplitsTypographicPossessiveWithNorm) {
  const Document doc = Tokenized("Gaza\xE2\x80\x99s border");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.Text(doc.tokens[1].span), "\xE2\x80\x99s");
  EXPECT_EQ(doc.tokens[1].norm, "'s");
  EXPECT_TRUE(doc.tokens[0].norm.empty());
}

TEST(Tokenize, SplitsPluralPossessiveApostrophe) {
  const Document doc = Tokenized("Novartis' shares");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.Text(doc.tokens[1].span), "'");
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kQuote);
}

TEST(Tokenize, KeepsHyphenatedWordsWhole) {
  EXPECT_EQ(Surfaces("US-led ceasefire-related 22-year-old"),
            (V{"US-led", "ceasefire-related", "22-year-old"}));
}

TEST(Tokenize, KeepsDottedAbbreviationsWhole) {
  EXPECT_EQ(Surfaces("the U.S. and U.N. e.g. this"),
            (V{"the", "U.S.", "and", "U.N.", "e.g.", "this"}));
}

TEST(Tokenize, KeepsListedAbbreviationPeriod) {
  EXPECT_EQ(Surfaces("Gen. Smith in Sept. 2024"), (V{"Gen.", "Smith", "in", "Sept.", "2024"}));
}

TEST(Tokenize, SplitsSentenceFinalPeriod) {
  EXPECT_EQ(Surfaces("It ended."), (V{"It", "ended", "."}));
}

TEST(Tokenize, KeepsInitialsWithPeriod) {
  EXPECT_EQ(Surfaces("George W. Bush"), (V{"George", "W.", "Bush"}));
}

TEST(Tokenize, KeepsDecimalsAndThousands) {
  const Document doc = Tokenized("1.4 32,000 1,234.56");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kNumber);
  EXPECT_TRUE(doc.tokens[0].norm.empty());
  EXPECT_EQ(doc.tokens[1].norm, "32000");
  EXPECT_EQ(doc.tokens[2].norm, "1234.56");
}

TEST(Tokenize, SplitsListCommasBetweenNumbers) {
  EXPECT_EQ(Surfaces("1,2,3"), (V{"1", ",", "2", ",", "3"}));
}

TEST(Tokenize, SplitsUnitsFromNumbers) { EXPECT_EQ(Surfaces("3.5m"), (V{"3.5", "m"})); }

TEST(Tokenize, SplitsCurrencyAndScale) {
  const Document doc = Tokenized(
      "\xC2\xA3"
      "5bn and $1.2");
  ASSERT_EQ(doc.tokens.size(), 6u);
  EXPECT_EQ(doc.Text(doc.tokens[0].span), "\xC2\xA3");
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kSymbol);
  EXPECT_EQ(doc.Text(doc.tokens[1].span), "5");
  EXPECT_EQ(doc.Text(doc.tokens[2].span), "bn");
  EXPECT_EQ(doc.Text(doc.tokens[4].span), "$");
  EXPECT_EQ(doc.Text(doc.tokens[5].span), "1.2");
}

TEST(Tokenize, SplitsPercent) {
  const Document doc = Tokenized("5%");
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kSymbol);
}

TEST(Tokenize, KeepsTimesAndDatesWhole) {
  EXPECT_EQ(Surfaces("at 22:16 on 2024-03-26"), (V{"at", "22:16", "on", "2024-03-26"}));
}

TEST(Tokenize, KeepsOrdinalsAndDecadesAsWords) {
  const Document doc = Tokenized("3rd 1990s");
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kWord);
}

TEST(Tokenize, NbspGroupedNumberGetsNorm) {
  const Document doc = Tokenized(
      "32\xC2\xA0"
      "000 people");
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[0].norm, "32000");
}

TEST(Tokenize, UrlsAndEmailsAreOneToken) {
  const Document doc =
      Tokenized("See https://example.org/a?b=1, www.bbc.co.uk or ann.lee@news.example.com.");
  std::vector<std::string> urls;
  for (const Token& t : doc.tokens) {
    if (t.kind == TokenKind::kUrl) urls.emplace_back(doc.Text(t.span));
  }
  EXPECT_EQ(urls, (V{"https://example.org/a?b=1", "www.bbc.co.uk", "ann.lee@news.example.com"}));
}

TEST(Tokenize, EllipsisIsOnePunctToken) {
  EXPECT_EQ(Surfaces("wait... now"), (V{"wait", "...", "now"}));
}

TEST(Tokenize, EllipsisCharGetsNorm) {
  const Document doc = Tokenized("wait\xE2\x80\xA6");
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kPunct);
  EXPECT_EQ(doc.tokens[1].norm, "...");
}

TEST(Tokenize, DoubleHyphenIsOneDash) {
  const Document doc = Tokenized("yes -- no");
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.Text(doc.tokens[1].span), "--");
  EXPECT_EQ(doc.tokens[1].kind, TokenKind::kDash);
}

TEST(Tokenize, TypographicDashesGetNorm) {
  const Document doc = Tokenized("a \xE2\x80\x93 b \xE2\x80\x94 c");
  ASSERT_EQ(doc.tokens.size(), 5u);
  EXPECT_EQ(doc.tokens[1].norm, "-");
  EXPECT_EQ(doc.tokens[3].norm, "--");
}

TEST(Tokenize, QuotesAreSeparateTokensWithNorm) {
  const Document doc = Tokenized("\xE2\x80\x9CGo\xE2\x80\x9D and \xE2\x80\x98so\xE2\x80\x99");
  ASSERT_EQ(doc.tokens.size(), 7u);
  EXPECT_EQ(doc.tokens[0].kind, TokenKind::kQuote);
  EXPECT_EQ(doc.tokens[0].norm, "\"");
  EXPECT_EQ(doc.tokens[2].norm, "\"");
  EXPECT_EQ(doc.tokens[4].norm, "'");
  EXPECT_EQ(doc.tokens[6].norm, "'");
}

TEST(Tokenize, TypographicApostropheInsideWordGetsNorm) {
  const Document doc = Tokenized("O\xE2\x80\x99Neill");
  ASSERT_EQ(doc.tokens.size(), 1u);
  EXPECT_EQ(doc.tokens[0].norm, "O'Neill");
}

TEST(Tokenize, RecordsSpaceAfter) {
  const Document doc = Tokenized("a,b c");
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_FALSE(doc.tokens[0].space_after);
  EXPECT_TRUE(doc.tokens[2].space_after);
  EXPECT_FALSE(doc.tokens[3].space_after);
}

TEST(Tokenize, SplitsOverlongTokensAtBudget) {
  const Document doc = Tokenized(std::string(1000, 'x'));
  ASSERT_EQ(doc.tokens.size(), 4u);
  EXPECT_EQ(doc.tokens[0].span.size(), internal::kMaxTokenBytes);
}

TEST(Tokenize, SplitsOverlongMultiByteTokensOnCharBoundary) {
  std::string s;
  for (int i = 0; i < 200; ++i) s += "\xC3\xA9";  // 400 bytes of e-acute
  const Document doc = Tokenized(s);
  ASSERT_EQ(doc.tokens.size(), 2u);
  EXPECT_EQ(doc.tokens[0].span.size(), 256u);
}

TEST(Tokenize, KeepsDomainLikeWordsWhole) {
  EXPECT_EQ(Surfaces("Amazon.com shares rose."), (V{"Amazon.com", "shares", "rose", "."}));
  EXPECT_EQ(Surfaces("He joined Amazon.com."), (V{"He", "joined", "Amazon.com", "."}));
  EXPECT_EQ(Surfaces("It ended.Then"), (V{"It", "ended", ".", "Then"}));
  EXPECT_EQ(Surfaces("stay in.common"), (V{"stay", "in", ".", "common"}));
}

TEST(Tokenize, ReservesTokensOnceForNewsText) {
  // About 5.2 bytes per token, like the BBC corpus: the reserve made from
  // the text size must hold every token, so the vector is never regrown
  // (a regrown vector has at least twice the reserved capacity).
  std::string text;
  while (text.size() < 100000) {
    text +=
        "The minister said on Tuesday that talks with the rebels, which began in "
        "March, had stalled. \"We will not give up,\" she told reporters in the "
        "capital. Prices rose 4.5% in the year to June.\n\n";
  }
  const Document doc = Tokenized(text);
  ASSERT_GT(doc.tokens.size(), text.size() / 6);
  EXPECT_LE(doc.tokens.capacity(), text.size() / 4 + 16);
}

TEST(Tokenize, NeverCrashesOnRandomBytes) {
  std::mt19937 rng(11);
  const char kAlphabet[] = "aZ9.,'\"-\n \xE2\x80\x99\xC3\xA9@:/$%";
  for (int round = 0; round < 300; ++round) {
    Document doc;
    doc.text.resize(rng() % 300);
    for (char& c : doc.text) {
      c = (round % 2) ? static_cast<char>(rng()) : kAlphabet[rng() % (sizeof kAlphabet - 1)];
    }
    Scratch scratch;
    ASSERT_TRUE(MakeTokenizeStage()->Process(doc, scratch).ok());
    EXPECT_TRUE(doc.Validate().ok());
  }
}

}  // namespace
}  // namespace annals
