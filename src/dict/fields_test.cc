#include "dict/fields.h"

#include <gtest/gtest.h>

#include "dict/dict_test_util.h"

namespace annals::dict {
namespace {

TEST(Fields, SplitsTrimsAndDropsComments) {
  ScratchDir dir;
  FieldFile f;
  ASSERT_TRUE(ReadFieldFile(
                  dir.Write("a.txt", "# header\n\nUSA | United States; US  # c\n  x|y|\n"), '|', &f)
                  .ok());
  ASSERT_EQ(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[0].number, 3u);
  ASSERT_EQ(f.lines[0].fields.size(), 2u);
  EXPECT_EQ(f.lines[0].fields[1], "United States; US");
  EXPECT_EQ(f.lines[1].fields.size(), 3u);
  EXPECT_EQ(f.lines[1].fields[2], "");
  EXPECT_EQ(SplitList(f.lines[0].fields[1]),
            (std::vector<std::string_view>{"United States", "US"}));
}

TEST(Fields, BadBytesNameTheLine) {
  ScratchDir dir;
  FieldFile f;
  const Status s = ReadFieldFile(dir.Write("b.txt", "ok | fine\nbad | \xff\n"), '|', &f);
  EXPECT_EQ(s.code(), ErrorCode::kBadDictionary);
  EXPECT_NE(s.message().find("b.txt:2: not UTF-8"), std::string::npos) << s.message();
  EXPECT_EQ(ReadFieldFile(dir.Path("missing.txt"), '|', &f).code(), ErrorCode::kIo);
}

TEST(Fields, DictDates) {
  int d = -1;
  EXPECT_TRUE(ParseDictDate("2021-01-26", false, &d));
  EXPECT_EQ(d, 20210126);
  EXPECT_TRUE(ParseDictDate("2024-02", true, &d));
  EXPECT_EQ(d, 20240229);
  EXPECT_TRUE(ParseDictDate("2019", false, &d));
  EXPECT_EQ(d, 20190101);
  EXPECT_TRUE(ParseDictDate("2019", true, &d));
  EXPECT_EQ(d, 20191231);
  EXPECT_TRUE(ParseDictDate("", true, &d));
  EXPECT_EQ(d, 0);
  for (const char* bad : {"2021-13-01", "2021-02-30", "21-01-01", "2021/01/01", "2021-1"})
    EXPECT_FALSE(ParseDictDate(bad, false, &d)) << bad;
}

}  // namespace
}  // namespace annals::dict
