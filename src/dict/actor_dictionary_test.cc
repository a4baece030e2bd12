#include "dict/actor_dictionary.h"

#include <gtest/gtest.h>

#include "dict/dict_test_util.h"

namespace annals::dict {
namespace {

// The words of `text`, split on spaces, as the matcher sees them.
struct Words {
  explicit Words(const std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
      const size_t j = std::min(text.find(' ', i), text.size());
      surface_store.push_back(text.substr(i, j - i));
      i = j + 1;
    }
    for (const std::string& w : surface_store) {
      std::string l;
      LowerAscii(w, &l);
      lower_store.push_back(l);
    }
    for (size_t k = 0; k < surface_store.size(); ++k) {
      surface.push_back(surface_store[k]);
      lower.push_back(lower_store[k]);
    }
  }
  std::vector<std::string> surface_store, lower_store;
  std::vector<std::string_view> surface, lower;
};

class ActorDictionaryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("countries.txt",
               "USA | United States; U.S.; US | American; Americans | Washington\n"
               "ISR | Israel | Israeli; Israelis |\n");
    dir_.Write("institutions.txt", "USAGOV | White House; State Department\n");
    dir_.Write("organisations.txt", "IGOUNOSEC | UN Security Council; Security Council\n");
    dir_.Write("groups.txt", "PSEREBHMS | Hamas\n");
    dir_.Write("agents.txt", "GOV | official; officials\nCVL | civilians\n");
    dir_.Write(
        "people/a.txt",
        "Antony Blinken; Tony Blinken | USAGOV | 2021-01-26 | 2025-01-20 | Secretary of State\n"
        "Antony Blinken | USAGOV | 2015-01 | 2017-01-20 | Deputy Secretary of State\n");
    ASSERT_TRUE(dict_.LoadDirectory(dir_.Path()).ok());
  }
  std::vector<NameMatch> At(const std::string& text, size_t i) {
    Words w(text);
    std::vector<NameMatch> out;
    dict_.MatchAt(w.lower, w.surface, i, &out);
    return out;
  }
  ScratchDir dir_;
  ActorDictionary dict_;
};

TEST_F(ActorDictionaryTest, LongestNameFirst) {
  const auto m = At("the UN Security Council met", 1);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].length, 3u);
  EXPECT_EQ(dict_.entry(m[0].entry).code, "IGOUNOSEC");
}

TEST_F(ActorDictionaryTest, CapitalsOnlyNamesNeedCapitals) {
  EXPECT_FALSE(At("the US said", 1).empty());
  EXPECT_TRUE(At("tell us more", 1).empty());
  EXPECT_FALSE(At("the united states said", 1).empty());  // other names ignore case
}

TEST_F(ActorDictionaryTest, CountriesCarryDemonymsAndCapitals) {
  auto m = At("Israeli troops", 0);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(dict_.entry(m[0].entry).kind, ActorKind::kDemonym);
  EXPECT_EQ(dict_.entry(m[0].entry).code, "ISR");
  m = At("Washington said", 0);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(dict_.entry(m[0].entry).kind, ActorKind::kCapital);
}

TEST_F(ActorDictionaryTest, PeopleBySurnameAndDatedRoles) {
  auto m = At("Blinken said", 0);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].surname);
  EXPECT_TRUE(At("blinken said", 0).empty());  // a surname needs its capital
  const ActorEntry& e = dict_.entry(m[0].entry);
  ASSERT_EQ(e.roles.size(), 2u);
  EXPECT_EQ(ActorDictionary::RoleOn(e, 20240325)->title, "Secretary of State");
  EXPECT_EQ(ActorDictionary::RoleOn(e, 20160101)->title, "Deputy Secretary of State");
  EXPECT_EQ(ActorDictionary::RoleOn(e, 20260101), nullptr);
  EXPECT_EQ(ActorDictionary::RoleOn(e, 0)->title, "Secretary of State");  // no date: the latest
}

TEST(ActorDictionary, BadLinesNameFileAndLine) {
  ScratchDir dir;
  ActorDictionary d;
  Status s =
      d.LoadFile(dir.Write("x.txt", "GOV | officials\nGov | x\n"), "x.txt", ActorKind::kAgent);
  EXPECT_EQ(s.code(), ErrorCode::kBadDictionary);
  EXPECT_NE(s.message().find("x.txt:2:"), std::string::npos) << s.message();
  s = d.LoadFile(dir.Write("p.txt", "A B | USAGOV | 2021-05-01 | 2020-01-01 | x\n"), "p.txt",
                 ActorKind::kPerson);
  EXPECT_NE(s.message().find("p.txt:1: the role ends before it starts"), std::string::npos)
      << s.message();
  s = d.LoadFile(dir.Write("c.txt", "USA | United States\n"), "c.txt", ActorKind::kCountry);
  EXPECT_NE(s.message().find("c.txt:1: expected 4 fields"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace annals::dict
