// Tests for query_params.cc: every filter's valid and invalid values, and
// strings that would matter if they ever reached SQL unbound.
#include "serve/query_params.h"

#include <gtest/gtest.h>

#include <random>

namespace annals::serve {
namespace {

StatusOr<EventQuery> Events(Params p) { return ParseEventQuery(p); }

std::string ErrorOf(Params p) {
  StatusOr<EventQuery> q = ParseEventQuery(p);
  EXPECT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), ErrorCode::kInvalidArgument);
  return q.ok() ? "" : q.status().message();
}

TEST(QueryParams, DefaultsWhenEmpty) {
  StatusOr<EventQuery> q = Events({});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->page.limit, kDefaultPageSize);
  EXPECT_EQ(q->page.offset, 0u);
  EXPECT_EQ(q->format, OutputFormat::kJson);
  EXPECT_TRUE(q->filter.actor.empty());
  EXPECT_FALSE(q->filter.bbox);
}

TEST(QueryParams, ParsesEveryFilter) {
  StatusOr<EventQuery> q = Events({{"actor", "isr"},
                                   {"source", "USAGOV"},
                                   {"target", "EGY"},
                                   {"country", "eg"},
                                   {"code", "042"},
                                   {"root", "04"},
                                   {"quad_class", "1"},
                                   {"goldstein_min", "-2.5"},
                                   {"goldstein_max", "7"},
                                   {"from", "2024-02-29"},
                                   {"to", "2024-03-31"},
                                   {"place", "Cairo"},
                                   {"bbox", "-10.5,20,40,45.25"},
                                   {"q", "ceasefire"},
                                   {"doc", "001_cairo"},
                                   {"limit", "1000"},
                                   {"offset", "200"},
                                   {"format", "csv"}});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  const EventFilter& f = q->filter;
  EXPECT_EQ(f.actor, "ISR");
  EXPECT_EQ(f.source, "USAGOV");
  EXPECT_EQ(f.country, "EG");
  EXPECT_EQ(f.code, "042");
  EXPECT_EQ(f.quad_class, 1);
  EXPECT_DOUBLE_EQ(*f.goldstein_min, -2.5);
  EXPECT_EQ(f.date_from, "2024-02-29");
  ASSERT_TRUE(f.bbox);
  EXPECT_DOUBLE_EQ(f.bbox->west, -10.5);
  EXPECT_DOUBLE_EQ(f.bbox->north, 45.25);
  EXPECT_EQ(f.text, "ceasefire");
  EXPECT_EQ(q->page.limit, 1000u);
  EXPECT_EQ(q->page.offset, 200u);
  EXPECT_EQ(q->format, OutputFormat::kCsv);
}

TEST(QueryParams, RefusesUnknownAndRepeatedNames) {
  EXPECT_NE(ErrorOf({{"goldstien_min", "1"}}).find("parameter: expected one of"),
            std::string::npos);
  EXPECT_EQ(ErrorOf({{"root", "04"}, {"root", "19"}}), "root: given more than once");
}

TEST(QueryParams, RefusesPagesOutOfRange) {
  EXPECT_NE(ErrorOf({{"limit", "0"}}).find("limit: expected a whole number in [1, 1000]"),
            std::string::npos);
  ErrorOf({{"limit", "1001"}});
  ErrorOf({{"limit", "-1"}});
  ErrorOf({{"limit", "99999999999999999999999"}});
  ErrorOf({{"offset", "1e3"}});
  ErrorOf({{"offset", "2000000"}});
  ErrorOf({{"format", "xml"}});
}

TEST(QueryParams, RefusesBadCodesAndNumbers) {
  ErrorOf({{"root", "21"}});
  ErrorOf({{"root", "4"}});
  ErrorOf({{"code", "04%"}});
  ErrorOf({{"code", "1"}});
  ErrorOf({{"quad_class", "5"}});
  ErrorOf({{"actor", "IS"}});
  ErrorOf({{"actor", "ISR_"}});
  ErrorOf({{"country", "E1"}});
  ErrorOf({{"goldstein_min", "nan"}});
  ErrorOf({{"goldstein_min", "inf"}});
  ErrorOf({{"goldstein_max", "10.5"}});
  ErrorOf({{"goldstein_min", "3"}, {"goldstein_max", "2"}});
  ErrorOf({{"goldstein_min", " 3"}});
}

TEST(QueryParams, RefusesImpossibleDates) {
  ErrorOf({{"from", "2023-02-29"}});
  ErrorOf({{"from", "2024-13-01"}});
  ErrorOf({{"from", "2024-1-01"}});
  ErrorOf({{"from", "2024-01-00"}});
  ErrorOf({{"to", "yesterday"}});
  EXPECT_EQ(ErrorOf({{"from", "2024-03-02"}, {"to", "2024-03-01"}}), "from: later than to");
  EXPECT_TRUE(Events({{"from", "2000-02-29"}}).ok());
}

TEST(QueryParams, RefusesBadBoxes) {
  ErrorOf({{"bbox", "1,2,3"}});
  ErrorOf({{"bbox", "1,2,3,4,5"}});
  ErrorOf({{"bbox", "10,0,5,1"}});    // west > east
  ErrorOf({{"bbox", "0,10,5,1"}});    // south > north
  ErrorOf({{"bbox", "-181,0,5,1"}});  // out of range
  ErrorOf({{"bbox", "0,,5,1"}});
}

TEST(QueryParams, InjectionStringsAreRefusedOrKeptVerbatim) {
  ErrorOf({{"actor", "ISR' OR 1=1 --"}});
  ErrorOf({{"root", "04; DROP TABLE events"}});
  ErrorOf({{"country", "'--"}});
  // Free text is data: kept as it is, to be bound, never spliced.
  StatusOr<EventQuery> q = Events({{"q", "x'); DROP TABLE events; --"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->filter.text, "x'); DROP TABLE events; --");
  ErrorOf({{"q", std::string("a\0b", 3)}});
  ErrorOf({{"q", "line\nbreak"}});
  ErrorOf({{"q", std::string(kMaxTextLength + 1, 'a')}});
  ErrorOf({{"q", ""}});
}

TEST(QueryParams, ErrorMessagesQuoteValuesSafely) {
  const std::string m = ErrorOf({{"limit", std::string("\x01<script>", 9) + std::string(60, 'x')}});
  EXPECT_EQ(m.find('\x01'), std::string::npos);
  EXPECT_NE(m.find("..."), std::string::npos);
}

TEST(QueryParams, Series) {
  StatusOr<SeriesQuery> q = ParseSeriesQuery({{"interval", "week"}, {"root", "19"}});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->interval, Interval::kWeek);
  EXPECT_FALSE(ParseSeriesQuery({{"interval", "year"}}).ok());
  EXPECT_FALSE(ParseSeriesQuery({{"limit", "10"}}).ok());
}

TEST(QueryParams, Document) {
  EXPECT_EQ(*ParseDocumentQuery({{"id", "001_cairo~ab12"}}), "001_cairo~ab12");
  EXPECT_FALSE(ParseDocumentQuery({}).ok());
  EXPECT_FALSE(ParseDocumentQuery({{"id", ""}}).ok());
  EXPECT_FALSE(ParseDocumentQuery({{"id", "a\nb"}}).ok());
  EXPECT_FALSE(ParseDocumentQuery({{"id", "a"}, {"x", "b"}}).ok());
}

TEST(QueryParams, ConfigTakesNothing) {
  EXPECT_TRUE(ParseConfigQuery({}).ok());
  EXPECT_FALSE(ParseConfigQuery({{"limit", "1"}}).ok());
}

TEST(QueryParams, Upload) {
  StatusOr<UploadQuery> q =
      ParseUploadQuery({{"name", "cairo talks.txt"}, {"title", "Talks"}, {"date", "2024-03-04"}});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->name, "cairo talks.txt");
  EXPECT_EQ(q->title, "Talks");
  EXPECT_EQ(q->date, "2024-03-04");
  EXPECT_TRUE(ParseUploadQuery({})->name.empty());
  EXPECT_FALSE(ParseUploadQuery({{"name", "a/b.txt"}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"name", "a\\b.txt"}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"name", ".."}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"name", ".hidden"}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"name", ""}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"name", std::string(kMaxUploadNameLength + 1, 'a')}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"title", "a\nb"}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"title", std::string(kMaxTitleLength + 1, 'a')}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"date", "2024-02-30"}}).ok());
  EXPECT_FALSE(ParseUploadQuery({{"limit", "1"}}).ok());
}

// Property: a random query is either refused with a message naming one of
// the parameters, or accepted with every value inside its documented range
// and alphabet; with a fixed seed, so a failure reproduces.
TEST(QueryParams, RandomQueriesAreRefusedOrWithinLimits) {
  const std::vector<std::string> names = {
      "actor",         "source",        "target", "country", "code",  "root", "quad_class",
      "goldstein_min", "goldstein_max", "from",   "to",      "place", "bbox", "q",
      "doc",           "limit",         "offset", "format"};
  const std::string alphabet = "0123456789-.,eE+ aAzZisrUSA%_'\"\\\x01\x7f\xc3\xa9";
  std::mt19937 rng(8);
  int accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    Params p;
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < n; ++i) {
      std::string v;
      const int len = static_cast<int>(rng() % 12);
      for (int k = 0; k < len; ++k) v.push_back(alphabet[rng() % alphabet.size()]);
      p.emplace(names[rng() % names.size()], v);
    }
    StatusOr<EventQuery> q = ParseEventQuery(p);
    if (!q.ok()) {
      const std::string m = q.status().message();
      bool names_one = false;
      for (const std::string& name : names) names_one = names_one || m.rfind(name + ":", 0) == 0;
      ASSERT_TRUE(names_one) << m;
      continue;
    }
    ++accepted;
    const EventFilter& f = q->filter;
    ASSERT_GE(q->page.limit, 1u);
    ASSERT_LE(q->page.limit, kMaxPageSize);
    ASSERT_LE(q->page.offset, kMaxOffset);
    ASSERT_TRUE(f.quad_class >= 0 && f.quad_class <= 4);
    ASSERT_TRUE(!f.goldstein_min || (*f.goldstein_min >= -10 && *f.goldstein_min <= 10));
    ASSERT_TRUE(!f.goldstein_max || (*f.goldstein_max >= -10 && *f.goldstein_max <= 10));
    for (char c : f.actor + f.source + f.target + f.country) ASSERT_TRUE(c >= 'A' && c <= 'Z');
    for (char c : f.code + f.root) ASSERT_TRUE(c >= '0' && c <= '9');
    for (char c : f.text + f.place + f.doc)
      ASSERT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7F);
    ASSERT_TRUE(!f.bbox || (f.bbox->west <= f.bbox->east && f.bbox->south <= f.bbox->north));
  }
  // Not a vacuous pass: some random queries are valid ones.
  EXPECT_GT(accepted, 100);
}

}  // namespace
}  // namespace annals::serve
