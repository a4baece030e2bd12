// Tests for LoadCountLexicon and FindCounts: the lexicon's error messages
// and typing from the parse. The golden set is scored with the other
// knowledge sets (knowledge_test.cc), the seed story's figures in
// tests/unit/seed_test.cc.
#include "knowledge/counts.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "annals/pipeline.h"

namespace annals::knowledge {
namespace {

const CountLexicon& Lexicon() {
  static const std::shared_ptr<const CountLexicon> lex = [] {
    auto l = LoadCountLexicon(ANNALS_SOURCE_DIR "/data/knowledge/count-types.txt");
    if (!l.ok()) ADD_FAILURE() << l.status().ToString();
    return l.ok() ? *l : std::make_shared<const CountLexicon>();
  }();
  return *lex;
}

// The counts of the standard pipeline, whose knowledge stage calls FindCounts.
Document Counted(const std::string& text) {
  static const auto pipeline = Pipeline::Standard();
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().ToString();
  Document doc;
  doc.text = text;
  Scratch scratch;
  EXPECT_TRUE(pipeline.ok() && pipeline->Process(doc, scratch).ok());
  return doc;
}

std::string Describe(const Document& doc) {
  std::string out;
  for (const Count& c : doc.counts) {
    out += "[" + std::string(doc.Text(c.span)) + "] " + std::to_string(c.value) + " " +
           std::string(CountQualifierName(c.qualifier)) + " " + c.type + " '" + c.object + "' " +
           c.unit + " (" + c.evidence.rule + ")\n";
  }
  return out;
}

std::string WriteTemp(const std::string& text) {
  const std::string path = ::testing::TempDir() + "/count-types-test.txt";
  std::ofstream(path) << text;
  return path;
}

TEST(CountLexicon, LoadsTheDataFile) {
  const CountLexicon& lex = Lexicon();
  EXPECT_EQ(lex.file, "knowledge/count-types.txt");
  EXPECT_TRUE(lex.cues.contains("hostages"));
  EXPECT_TRUE(lex.numbers.before.contains("$"));
  ASSERT_FALSE(lex.numbers.qualifiers.empty());
}

TEST(CountLexicon, BadLinesNameFileAndLine) {
  for (const std::string bad :
       {"killed | verbs | kill\n", "killed | verb\n", "@qualifier | nearly | about\n",
        "@currency | US | before: $\n", "@currency | USD | $\n", "killed | verb | Kill\n",
        "killed | verb | shoot dead\n", "@units | people | people\n"}) {
    auto lex = LoadCountLexicon(WriteTemp("# header\n" + bad));
    ASSERT_FALSE(lex.ok()) << bad;
    EXPECT_EQ(lex.status().code(), ErrorCode::kBadDictionary) << bad;
    EXPECT_NE(lex.status().message().find("count-types-test.txt:2: "), std::string::npos)
        << lex.status().message();
  }
}

TEST(Counts, TypesFromVerbNounAndModifier) {
  Document doc = Counted(
      "Israeli strikes killed 20 people on Monday. Hamas holds about 130 hostages. The camp "
      "shelters 5,000 displaced civilians.");
  ASSERT_EQ(doc.counts.size(), 3u) << Describe(doc);
  EXPECT_EQ(doc.counts[0].type, "killed");
  EXPECT_EQ(doc.counts[0].evidence.rule, "count:killed:verb");
  EXPECT_EQ(doc.counts[0].evidence.file, "knowledge/count-types.txt");
  EXPECT_GT(doc.counts[0].evidence.line, 0u);
  EXPECT_EQ(doc.counts[1].type, "captive");
  EXPECT_EQ(doc.counts[1].qualifier, CountQualifier::kAbout);
  EXPECT_EQ(doc.counts[2].object, "displaced civilians");
}

TEST(Counts, TheDoerIsNotTheCount) {
  Document doc = Counted("Three gunmen killed a guard.");
  for (const Count& c : doc.counts) EXPECT_NE(c.type, "killed") << Describe(doc);
}

TEST(Counts, NotCounts) {
  Document doc = Counted(
      "The ceasefire collapsed in 2023, two months after it was agreed. Flight 752 left at 9:30 "
      "p.m. on June 5. The 45-year-old man spent 12 years in prison. Chelsea won 3-1 on Sunday.");
  EXPECT_TRUE(doc.counts.empty()) << Describe(doc);
}

TEST(Counts, PlaceOfTheCount) {
  Document doc = Counted("At least 20 people were killed in Rafah on Tuesday.");
  ASSERT_EQ(doc.counts.size(), 1u) << Describe(doc);
  ASSERT_GE(doc.counts[0].place, 0);
  EXPECT_EQ(doc.Text(doc.places[doc.counts[0].place].span), "Rafah");
}

// The seed story's three figures.
}  // namespace
}  // namespace annals::knowledge
