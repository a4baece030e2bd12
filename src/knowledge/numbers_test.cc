// Tests for ParseNumber: values, ranges, qualifiers, forms and spans of
// number expressions in tagged sentences.
#include "knowledge/numbers.h"

#include <gtest/gtest.h>

#include <string>

#include "annals/pipeline.h"
#include "knowledge/counts.h"

namespace annals::knowledge {
namespace {

const NumberWords& Words() {
  static const std::shared_ptr<const CountLexicon> lex = [] {
    auto l = LoadCountLexicon(ANNALS_SOURCE_DIR "/data/knowledge/count-types.txt");
    if (!l.ok()) ADD_FAILURE() << l.status().ToString();
    return l.ok() ? *l : std::make_shared<const CountLexicon>();
  }();
  return lex->numbers;
}

struct Parsed {
  bool found = false;
  std::string text;  // the expression's text
  NumberExpr e;
};

// The first expression in `sentence` whose number starts at a token that
// begins with `at`.
Parsed ParseIn(const std::string& sentence, const std::string& at) {
  static const auto pipeline = Pipeline::Standard();
  Document doc;
  doc.text = sentence;
  Scratch scratch;
  EXPECT_TRUE(pipeline.ok() && pipeline->Process(doc, scratch).ok());
  Parsed out;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t i = s.tokens.begin; i < s.tokens.end; ++i) {
      if (!doc.Text(doc.tokens[i].span).starts_with(at)) continue;
      if (!ParseNumber(doc, s, i, Words(), &out.e)) continue;
      out.found = true;
      out.text = std::string(doc.Text(Span{doc.tokens[out.e.tokens.begin].span.begin,
                                           doc.tokens[out.e.tokens.end - 1].span.end}));
      return out;
    }
  }
  return out;
}

struct Case {
  const char* sentence;
  const char* at;
  const char* text;
  double value;
  double value_max;
  CountQualifier qualifier;
  NumberForm form;
};

TEST(Numbers, Expressions) {
  using Q = CountQualifier;
  using F = NumberForm;
  const Case cases[] = {
      {"The war has killed over 32,000 civilians.", "32", "over 32,000", 32000, 32000, Q::kAtLeast,
       F::kCount},
      {"It is home to more than 1.4 million people.", "1.4", "more than 1.4 million", 1.4e6, 1.4e6,
       Q::kAtLeast, F::kCount},
      {"Twelve soldiers were wounded.", "Twelve", "Twelve", 12, 12, Q::kExact, F::kCount},
      {"Police held forty-five people.", "forty", "forty-five", 45, 45, Q::kExact, F::kCount},
      {"They counted two hundred and fifty bodies.", "two", "two hundred and fifty", 250, 250,
       Q::kExact, F::kCount},
      {"A hundred people gathered.", "A", "A hundred", 100, 100, Q::kExact, F::kCount},
      {"Dozens of people were hurt.", "Dozens", "Dozens", 24, 24, Q::kAbout, F::kVague},
      {"Tens of thousands of people rallied.", "Tens", "Tens of thousands", 20000, 20000, Q::kAbout,
       F::kVague},
      {"Hundreds of thousands fled.", "Hundreds", "Hundreds of thousands", 200000, 200000,
       Q::kAbout, F::kVague},
      {"Several hundred people marched.", "Several", "Several hundred", 300, 300, Q::kAbout,
       F::kVague},
      {"A third of the population is hungry.", "A", "A third", 1.0 / 3, 1.0 / 3, Q::kExact,
       F::kFraction},
      {"Two-thirds of the buildings were hit.", "Two", "Two-thirds", 2.0 / 3, 2.0 / 3, Q::kExact,
       F::kFraction},
      {"Nearly half of the displaced are children.", "half", "Nearly half", 0.5, 0.5, Q::kAtMost,
       F::kFraction},
      {"Half a million people are at risk.", "Half", "Half a million", 5e5, 5e5, Q::kExact,
       F::kCount},
      {"Turnout was about 85% in the north.", "85", "about 85%", 85, 85, Q::kAbout, F::kPercent},
      {"Some 30 per cent of the crop was lost.", "30", "Some 30 per cent", 30, 30, Q::kAbout,
       F::kPercent},
      {"Congress approved $1.5 billion in aid.", "$", "$1.5 billion", 1.5e9, 1.5e9, Q::kExact,
       F::kMoney},
      {"The EU pledged \xe2\x82\xac"
       "200 million in aid.",
       "\xe2\x82\xac",
       "\xe2\x82\xac"
       "200 million",
       2e8, 2e8, Q::kExact, F::kMoney},
      {"The club paid \xc2\xa3"
       "5m for him.",
       "\xc2\xa3",
       "\xc2\xa3"
       "5m",
       5e6, 5e6, Q::kExact, F::kMoney},
      {"The fine was 5,000 euros.", "5", "5,000 euros", 5000, 5000, Q::kExact, F::kMoney},
      {"Between 10 and 15 fishermen are missing.", "10", "Between 10 and 15", 10, 15, Q::kRange,
       F::kCount},
      {"Between 1 and 2 million people fled.", "1", "Between 1 and 2 million", 1e6, 2e6, Q::kRange,
       F::kCount},
      {"Some 10 to 15 boats sank.", "10", "Some 10 to 15", 10, 15, Q::kRange, F::kCount},
      {"Two or three houses burned.", "Two", "Two or three", 2, 3, Q::kRange, F::kCount},
      {"Up to 50 protesters were detained.", "50", "Up to 50", 50, 50, Q::kAtMost, F::kCount},
      {"An estimated 6.5 million Ukrainians live abroad.", "6.5", "An estimated 6.5 million", 6.5e6,
       6.5e6, Q::kAbout, F::kCount},
      {"Fewer than 200 trucks have entered.", "200", "Fewer than 200", 200, 200, Q::kAtMost,
       F::kCount},
      {"A dozen people were arrested.", "A", "A dozen", 12, 12, Q::kExact, F::kCount},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.sentence);
    const Parsed p = ParseIn(c.sentence, c.at);
    ASSERT_TRUE(p.found);
    EXPECT_EQ(p.text, c.text);
    EXPECT_NEAR(p.e.value, c.value, 1e-6 * c.value);
    EXPECT_NEAR(p.e.value_max, c.value_max, 1e-6 * c.value_max);
    EXPECT_EQ(p.e.qualifier, c.qualifier);
    EXPECT_EQ(p.e.form, c.form);
  }
}

TEST(Numbers, NotNumbers) {
  for (const auto& [sentence, at] : std::initializer_list<std::pair<const char*, const char*>>{
           {"No one was hurt.", "one"},
           {"It was the third time.", "third"},
           {"They won the second half easily.", "half"},
           {"He ran the 100m in ten seconds.", "100m"},
           {"It was a 1,000-seat hall.", "1,000"},
           {"The 82nd Airborne arrived.", "82nd"},
           {"Chelsea won 3-1.", "3-1"},
       }) {
    SCOPED_TRACE(sentence);
    EXPECT_FALSE(ParseIn(sentence, at).found);
  }
}

TEST(Numbers, ClockTimesAreFlagged) {
  const Parsed p = ParseIn("They met at 9:30 p.m. on Monday.", "9:30");
  ASSERT_TRUE(p.found);
  EXPECT_TRUE(p.e.clock);
}

TEST(Numbers, FromXToYIsNoRange) {
  const Parsed p = ParseIn("Prices rose from 5 to 7 dollars.", "5");
  ASSERT_TRUE(p.found);
  EXPECT_EQ(p.text, "5");
}

}  // namespace
}  // namespace annals::knowledge
