// Tests for NormalizeText and the normalize.v1 stage.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "annals/text.h"

namespace annals {
namespace {

std::string Clean(std::string s, size_t* repairs = nullptr) {
  std::string scratch;
  const size_t n = NormalizeText(s, scratch);
  if (repairs != nullptr) *repairs = n;
  return s;
}

TEST(Normalize, LeavesPlainAsciiAlone) {
  EXPECT_EQ(Clean("Plain text.\n\nSecond paragraph."), "Plain text.\n\nSecond paragraph.");
}

TEST(Normalize, TurnsCrlfAndCrIntoLf) { EXPECT_EQ(Clean("a\r\nb\rc\n"), "a\nb\nc\n"); }

TEST(Normalize, DropsControlCharactersAndTurnsTabIntoSpace) {
  EXPECT_EQ(Clean(std::string("a\x01"
                              "b\tc\x7F"
                              "d\x1B",
                              8)),
            "ab cd");
}

TEST(Normalize, DropsC1Controls) {
  EXPECT_EQ(Clean("a\xC2\x80"
                  "b\xC2\x9F"
                  "c"),
            "abc");
}

TEST(Normalize, ReplacesIllFormedBytes) {
  EXPECT_EQ(Clean("a\xFF"
                  "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(Normalize, RepairsPoundMojibake) {
  size_t n = 0;
  EXPECT_EQ(Clean("cost \xC3\x82\xC2\xA3"
                  "5bn",
                  &n),
            "cost \xC2\xA3"
            "5bn");
  EXPECT_EQ(n, 1u);
}

TEST(Normalize, RepairsCp1252ApostropheMojibake) {
  size_t n = 0;
  // "a-circumflex, euro sign, trade mark" is U+2019 read as Windows-1252.
  EXPECT_EQ(Clean("Gaza\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", &n), "Gaza\xE2\x80\x99s");
  EXPECT_EQ(n, 1u);
}

TEST(Normalize, RepairsAccentedLetterMojibake) {
  EXPECT_EQ(Clean("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");
}

TEST(Normalize, RepairsNbspMojibake) { EXPECT_EQ(Clean("10\xC3\x82\xC2\xA0km"), "10\xC2\xA0km"); }

TEST(Normalize, RepairsDoubleMojibake) {
  size_t n = 0;
  // U+2019 encoded, read as CP1252, encoded, read as CP1252 again.
  const std::string twice =
      "it\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E"
      "\xC2\xA2s";
  EXPECT_EQ(Clean(twice, &n), "it\xE2\x80\x99s");
  EXPECT_GE(n, 2u);
}

TEST(Normalize, KeepsPortugueseTildeBeforeLetter) {
  size_t n = 0;
  EXPECT_EQ(Clean("S\xC3\x83O PAULO e Jo\xC3\xA3o", &n), "S\xC3\x83O PAULO e Jo\xC3\xA3o");
  EXPECT_EQ(n, 0u);
}

TEST(Normalize, KeepsTypographicQuotesAndDashes) {
  const std::string s = "\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s";
  EXPECT_EQ(Clean(s), s);
}

TEST(Normalize, ComposesDecomposedAccent) { EXPECT_EQ(Clean("cafe\xCC\x81"), "caf\xC3\xA9"); }

TEST(Normalize, LeavesComposedTextUnchanged) {
  EXPECT_EQ(Clean("Z\xC3\xBCrich \xE2\x82\xAC"
                  "5"),
            "Z\xC3\xBCrich \xE2\x82\xAC"
            "5");
}

TEST(Normalize, DropsByteOrderMarkAndSoftHyphen) {
  EXPECT_EQ(Clean("\xEF\xBB\xBFgo\xC2\xADvern"), "govern");
}

TEST(Normalize, StageSetsHashAndRepairDiagnostic) {
  Document doc;
  doc.title = "Title";
  doc.text =
      "Price \xC3\x82\xC2\xA3"
      "5 and \xC3\x82\xC2\xA3"
      "6.";
  Scratch scratch;
  ASSERT_TRUE(MakeNormalizeStage()->Process(doc, scratch).ok());
  EXPECT_EQ(doc.text,
            "Price \xC2\xA3"
            "5 and \xC2\xA3"
            "6.");
  EXPECT_EQ(doc.content_hash, ContentHash(doc.title, doc.text));
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].stage, "normalize.v1");
  EXPECT_EQ(doc.diagnostics[0].code, ErrorCode::kOk);
  EXPECT_EQ(doc.diagnostics[0].message, "repaired 2 mojibake sequences");
}

TEST(Normalize, StageAddsNoDiagnosticForCleanText) {
  Document doc;
  doc.text = "Nothing to repair.";
  Scratch scratch;
  ASSERT_TRUE(MakeNormalizeStage()->Process(doc, scratch).ok());
  EXPECT_TRUE(doc.diagnostics.empty());
  EXPECT_FALSE(doc.content_hash.empty());
}

TEST(Normalize, StageCleansTitleToo) {
  Document doc;
  doc.title = "Caf\xC3\x83\xC2\xA9\r\n";
  doc.text = "Body.";
  Scratch scratch;
  ASSERT_TRUE(MakeNormalizeStage()->Process(doc, scratch).ok());
  EXPECT_EQ(doc.title, "Caf\xC3\xA9\n");
}

TEST(Normalize, RandomBytesGiveValidUtf8) {
  std::mt19937 rng(7);
  std::string scratch;
  for (int round = 0; round < 300; ++round) {
    std::string s(rng() % 200, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    NormalizeText(s, scratch);
    EXPECT_TRUE(IsValidUtf8(s, nullptr));
  }
}

TEST(Normalize, CutsLongRunsOfCombiningMarks) {
  std::string s = "a";
  for (int i = 0; i < 100000; ++i) s += (i % 2) ? "\xCC\x81" : "\xCC\x96";
  s += "b";
  std::string scratch;
  NormalizeText(s, scratch);  // quadratic (minutes) without the cut
  EXPECT_LT(s.size(), 100u);
  EXPECT_EQ(s.back(), 'b');
}

TEST(Normalize, CutsRunsOfMarksHiddenInDecompositions) {
  // U+0F73 has combining class 0 but decomposes into two marks; counting
  // only its own class let 'a' + 50,000 of them reach the quadratic sort.
  std::string s = "a";
  for (int i = 0; i < 50000; ++i) s += "\xE0\xBD\xB3";
  s += "b";
  std::string scratch;
  NormalizeText(s, scratch);
  EXPECT_LT(s.size(), 200u);
  EXPECT_EQ(s.front(), 'a');
  EXPECT_EQ(s.back(), 'b');
  EXPECT_TRUE(IsValidUtf8(s, nullptr));
}

TEST(Normalize, KeepsRealTextThatLooksLikeMojibake) {
  const std::string cases[] = {
      "\xE2\x80\x9E"
      "Das macht Spa\xC3\x9F\xE2\x80\x9C",  // sharp s + U+201C
      "\xC2\xAB\xC3\x89T\xC3\x89\xC2\xBB",  // E-acute + guillemet
      "P\xC3\x8D\xC5\xA0"
      "E",                                    // I-acute + S-caron
      "caf\xC3\xA9\xE2\x80\xA6\xE2\x80\x9D",  // e-acute + ellipsis + quote
  };
  for (const std::string& text : cases) {
    size_t n = 0;
    EXPECT_EQ(Clean(text, &n), text);
    EXPECT_EQ(n, 0u) << text;
  }
}

TEST(Normalize, RepairsClosingQuoteWithLostThirdByte) {
  size_t n = 0;
  // "a-circumflex, euro sign" is the start of U+201D read as CP1252; the
  // third byte (0x9D) has no CP1252 character and was dropped.
  EXPECT_EQ(Clean("\xE2\x80\x9C"
                  "bye\xC3\xA2\xE2\x82\xAC then",
                  &n),
            "\xE2\x80\x9C"
            "bye\xE2\x80\x9D then");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(Clean("ok\xC3\xA2\xE2\x82\xAC"), "ok\xE2\x80\x9D");
  EXPECT_EQ(Clean("ok\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD."), "ok\xE2\x80\x9D.");
}

TEST(Normalize, PassesStableSymbolsThrough) {
  // Symbols, emoji, CJK and Hangul need no NFC; singletons still get it.
  const std::string stable =
      "Brand\xE2\x84\xA2 \xF0\x9F\x98\x80 \xE4\xB8\xAD \xEA\xB0\x80 \xE2\x86\x92";
  EXPECT_EQ(Clean(stable), stable);
  EXPECT_EQ(Clean("5 \xE2\x84\xA6"), "5 \xCE\xA9");          // ohm sign -> omega
  EXPECT_EQ(Clean("\xE2\x86\x90\xCC\xB8"), "\xE2\x86\x9A");  // arrow + U+0338
}

TEST(Normalize, IsIdempotentOnCleanOutput) {
  std::string s = Clean(
      "A \xC3\x82\xC2\xA3"
      "5 cafe\xCC\x81\r\n");
  EXPECT_EQ(Clean(s), s);
}

}  // namespace
}  // namespace annals
