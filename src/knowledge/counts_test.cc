// Tests for LoadCountLexicon and FindCounts: the lexicon's error messages,
// typing from the parse, the seed story's three figures, and the golden set
// tests/golden/knowledge/counts.jsonl (precision and recall >= 0.9).
#include "knowledge/counts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "annals/pipeline.h"
#include "ingest/test_sink.h"
#include "knowledge/counts_test_util.h"

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

// The standard stages before the knowledge stage: FindCounts alone is under test.
const Pipeline& Standard() { return test_util::ParsePipeline(); }

Document Counted(const std::string& text) {
  Document doc;
  doc.text = text;
  Scratch scratch;
  EXPECT_TRUE(Standard().Process(doc, scratch).ok());
  FindCounts(Lexicon(), doc);
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
TEST(Counts, SeedStory) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent (set ANNALS_SHARED)";
  const std::string path = shared + "/seeds/000_1b7eb2aa31f96f21.txt";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "cannot open " << path;
  std::stringstream buf;
  buf << in.rdbuf();
  internal::CollectingSink sink;
  ParseBuffer(buf.str(), path, Format::kAuto, ReadOptions{}, sink);
  ASSERT_EQ(sink.docs.size(), 1u);
  Document doc = std::move(sink.docs[0]);
  Scratch scratch;
  ASSERT_TRUE(Standard().Process(doc, scratch).ok());
  FindCounts(Lexicon(), doc);
  struct Want {
    double value;
    std::vector<std::string> types;
    std::string object;
  };
  const std::vector<Want> want = {{1400000, {"displaced", "sheltering"}, "civilians"},
                                  {32000, {"killed"}, "Palestinian civilians"},
                                  {130, {"captive"}, "captives"}};
  for (const Want& w : want) {
    bool found = false;
    for (const Count& c : doc.counts) {
      if (c.value != w.value || c.qualifier != CountQualifier::kAtLeast) continue;
      if (std::find(w.types.begin(), w.types.end(), c.type) == w.types.end()) continue;
      if (c.object.find(w.object) == std::string::npos) continue;
      found = true;
    }
    EXPECT_TRUE(found) << w.value << "\n" << Describe(doc);
  }
}

// ---- The golden set

struct Gold {
  std::string text;
  double value = 0, value_max = 0;
  std::string qualifier, type, unit;
};

bool Matches(const Document& doc, const Count& c, const Gold& g) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
    return s;
  };
  if (trim(doc.Text(c.span)) != trim(g.text)) return false;
  const bool fraction = g.unit == "fraction";
  const double tol = fraction ? 0.001 : 0.001 * std::fabs(g.value);
  if (std::fabs(c.value - g.value) > tol) return false;
  return CountQualifierName(c.qualifier) == g.qualifier && c.type == g.type;
}

TEST(Counts, GoldenSet) {
  std::ifstream in(ANNALS_SOURCE_DIR "/tests/golden/knowledge/counts.jsonl");
  ASSERT_TRUE(in);
  std::string line;
  int gold_total = 0, produced = 0, correct = 0, documents = 0;
  std::string misses;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line);
    ++documents;
    Document doc = Counted(j["text"].get<std::string>());
    std::vector<Gold> gold;
    for (const auto& g : j["counts"]) {
      Gold x;
      x.text = g["text"];
      x.value = g["value"];
      x.qualifier = g["qualifier"];
      x.type = g["type"];
      x.unit = g["unit"];
      gold.push_back(x);
    }
    gold_total += static_cast<int>(gold.size());
    produced += static_cast<int>(doc.counts.size());
    std::vector<bool> used(gold.size(), false);
    for (const Count& c : doc.counts) {
      bool ok = false;
      for (size_t k = 0; k < gold.size() && !ok; ++k) {
        if (used[k] || !Matches(doc, c, gold[k])) continue;
        used[k] = ok = true;
      }
      if (ok) {
        ++correct;
      } else {
        misses += "  extra " + j["id"].get<std::string>() + ": [" + std::string(doc.Text(c.span)) +
                  "] " + std::to_string(c.value) + " " +
                  std::string(CountQualifierName(c.qualifier)) + " " + c.type + " (" +
                  c.evidence.rule + ")\n";
      }
    }
    for (size_t k = 0; k < gold.size(); ++k)
      if (!used[k])
        misses += "  missed " + j["id"].get<std::string>() + ": [" + gold[k].text + "] " +
                  gold[k].qualifier + " " + gold[k].type + "\n";
  }
  ASSERT_GT(documents, 0);
  const double precision = produced ? static_cast<double>(correct) / produced : 0;
  const double recall = gold_total ? static_cast<double>(correct) / gold_total : 0;
  std::printf(
      "counts golden set: %d documents, %d gold, %d produced, %d right: precision %.3f "
      "recall %.3f\n%s",
      documents, gold_total, produced, correct, precision, recall, misses.c_str());
  EXPECT_GE(precision, 0.9) << misses;
  EXPECT_GE(recall, 0.9) << misses;
}

}  // namespace
}  // namespace annals::knowledge
