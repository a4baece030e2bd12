#include "dict/event_patterns.h"

#include <gtest/gtest.h>

#include "dict/dict_test_util.h"

namespace annals::dict {
namespace {

TEST(EventPatterns, ItemsSetsAndTriggers) {
  ScratchDir dir;
  EventPatterns p;
  ASSERT_TRUE(p.LoadFile(dir.Write("v.txt",
                                   "&aid = aid; food aid\n"
                                   "042 | verb | travel to +   # a visit\n"
                                   "070 | verb | send &aid to +\n"
                                   "042 | noun | visit to +\n"),
                         "dict/verbs/v.txt", nullptr)
                  .ok());
  ASSERT_EQ(p.size(), 3u);
  const auto* travel = p.ForTrigger("travel", false);
  ASSERT_NE(travel, nullptr);
  const EventPattern& t = p.pattern(travel->front());
  EXPECT_EQ(t.code, "042");
  EXPECT_EQ(t.line, 2u);
  EXPECT_EQ(t.specificity, 1);
  ASSERT_EQ(t.items.size(), 2u);
  EXPECT_EQ(t.items[1].kind, PatternItem::kTarget);
  const EventPattern& send = p.pattern(p.ForTrigger("send", false)->front());
  EXPECT_EQ(send.items[0].alternatives.size(), 2u);
  EXPECT_EQ(send.items[0].alternatives[1], (std::vector<std::string>{"food", "aid"}));
  EXPECT_EQ(p.ForTrigger("visit", false), nullptr);
  EXPECT_NE(p.ForTrigger("visit", true), nullptr);
}

TEST(EventPatterns, BadLinesNameFileAndLine) {
  ScratchDir dir;
  const char* bad[] = {
      "042 | verb\n",          "042 | adverb | go\n",          "042 | verb | + go\n",
      "042 | verb | go + +\n", "042 | verb | send &nothing\n", "042 | verb | Go\n"};
  for (const char* line : bad) {
    EventPatterns p;
    const Status s = p.LoadFile(dir.Write("v.txt", std::string("# ok\n") + line), "v.txt", nullptr);
    EXPECT_EQ(s.code(), ErrorCode::kBadDictionary) << line;
    EXPECT_NE(s.message().find("v.txt:2:"), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace annals::dict
