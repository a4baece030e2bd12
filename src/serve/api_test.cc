// Tests for the API handlers (api_*.cc) against a small store built here:
// two documents, three events, without HTTP.
#include "serve/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "annals/store.h"
#include "store/store_test_util.h"

namespace annals::serve {
namespace {

using nlohmann::json;

class Api : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = tmp_.Path("s.db");
    Document a = testing_util::FullDocument("doc-1");  // one assault, ISRMIL, in Gaza
    Document b = testing_util::FullDocument("doc-2", "Envoys met. \"We talk,\" he said.");
    Actor us = b.actors[0];
    us.code = "USAGOV";
    us.name = "United States";
    b.actors.push_back(us);
    Event meet = b.events[0];
    meet.code = "042";
    meet.root = "04";
    meet.goldstein = 1.9;
    meet.quad_class = 1;
    meet.negated = false;
    meet.target = 1;
    meet.date = "2024-04-02";
    Event again = meet;
    again.code = "043";
    again.place = -1;
    b.events = {meet, again};
    StatusOr<std::unique_ptr<Store>> store = Store::Open(path_);
    ASSERT_TRUE(store.ok());
    std::vector<Document> docs = {a, b};
    ASSERT_TRUE((*store)->WriteBatch(docs).ok());
    store->reset();
    // The deadline is armed once per test, not per request as the server
    // does: generous, so a loaded machine (ctest -j with the browser test)
    // does not turn slow tests into 503s. QueryTimeLimit tests the deadline.
    StatusOr<std::unique_ptr<Connection>> c =
        Connection::Open(path_, std::chrono::milliseconds(120'000));
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    c_ = std::move(c).value();
    c_->Begin();
  }

  json Ok(ApiResponse (*handler)(Connection&, const Params&), const Params& p) {
    const ApiResponse r = handler(*c_, p);
    EXPECT_EQ(r.status, 200) << r.body;
    return json::parse(r.body);
  }

  testing_util::TempDir tmp_;
  std::string path_;
  std::unique_ptr<Connection> c_;
};

TEST_F(Api, ListsEventsInStoreOrder) {
  const json j = Ok(ListEvents, {});
  ASSERT_EQ(j["items"].size(), 3u);
  const json& e = j["items"][0];
  EXPECT_EQ(e["doc"], "doc-1");
  EXPECT_EQ(e["code"], "190");
  EXPECT_EQ(e["source_code"], "ISRMIL");
  EXPECT_EQ(e["place"], "Gaza");
  EXPECT_EQ(e["day"], "2024-03-26");
  EXPECT_EQ(e["sentence"], "Troops fired.");
  EXPECT_EQ(j["items"][1]["target_code"], "USAGOV");
  EXPECT_TRUE(j["next_offset"].is_null());
}

TEST_F(Api, Filters) {
  auto count = [&](const Params& p) { return Ok(ListEvents, p)["items"].size(); };
  EXPECT_EQ(count({{"root", "04"}}), 2u);
  EXPECT_EQ(count({{"code", "042"}}), 1u);
  EXPECT_EQ(count({{"quad_class", "4"}}), 1u);
  EXPECT_EQ(count({{"actor", "USA"}}), 2u);
  EXPECT_EQ(count({{"source", "ISR"}, {"target", "USA"}}), 2u);
  EXPECT_EQ(count({{"country", "PS"}}), 2u);
  EXPECT_EQ(count({{"country", "USA"}}), 2u);
  EXPECT_EQ(count({{"goldstein_min", "0"}}), 2u);
  EXPECT_EQ(count({{"goldstein_max", "-5"}}), 1u);
  EXPECT_EQ(count({{"from", "2024-04-01"}}), 2u);
  EXPECT_EQ(count({{"to", "2024-03-31"}}), 1u);
  EXPECT_EQ(count({{"place", "gaza"}}), 2u);
  EXPECT_EQ(count({{"bbox", "34,31,35,32"}}), 2u);
  EXPECT_EQ(count({{"bbox", "0,0,1,1"}}), 0u);
  EXPECT_EQ(count({{"q", "ENVOYS"}}), 2u);
  EXPECT_EQ(count({{"doc", "doc-1"}}), 1u);
  // Bound, not spliced: matches nothing and breaks nothing.
  EXPECT_EQ(count({{"q", "x' OR '1'='1"}}), 0u);
  EXPECT_EQ(count({}), 3u);
}

TEST_F(Api, Pages) {
  const json first = Ok(ListEvents, {{"limit", "2"}});
  EXPECT_EQ(first["items"].size(), 2u);
  EXPECT_EQ(first["next_offset"], 2);
  const json last = Ok(ListEvents, {{"limit", "2"}, {"offset", "2"}});
  EXPECT_EQ(last["items"].size(), 1u);
  EXPECT_TRUE(last["next_offset"].is_null());
}

TEST_F(Api, Csv) {
  const ApiResponse r = ListEvents(*c_, {{"format", "csv"}, {"root", "04"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(r.body.substr(0, 20), "doc,event,day,code,r");
  // The sentence holds a quote mark: the field is quoted, the mark doubled.
  EXPECT_NE(r.body.find(",\"Envoys met. \"\"\","), std::string::npos) << r.body;
  size_t lines = 0;
  for (char ch : r.body) lines += ch == '\n';
  EXPECT_EQ(lines, 3u);
}

TEST_F(Api, BadParametersAre400) {
  const ApiResponse r = ListEvents(*c_, {{"root", "99"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json::parse(r.body)["error"], "root: expected a CAMEO root code 01 to 20, got '99'");
  EXPECT_EQ(ListActors(*c_, {{"limit", "5000"}}).status, 400);
  EXPECT_EQ(GetDocument(*c_, {}).status, 400);
}

TEST_F(Api, ActorsDyadsPlaces) {
  const json actors = Ok(ListActors, {});
  ASSERT_EQ(actors["items"].size(), 2u);
  EXPECT_EQ(actors["items"][0]["code"], "ISRMIL");
  EXPECT_EQ(actors["items"][0]["events"], 3);
  EXPECT_EQ(actors["items"][1]["code"], "USAGOV");
  EXPECT_EQ(actors["items"][1]["as_target"], 2);
  const json dyads = Ok(ListDyads, {});
  ASSERT_EQ(dyads["items"].size(), 1u);
  EXPECT_EQ(dyads["items"][0]["events"], 2);
  EXPECT_EQ(dyads["items"][0]["quad1"], 2);
  EXPECT_NEAR(dyads["items"][0]["goldstein_mean"].get<double>(), 1.9, 1e-9);
  const json places = Ok(ListPlaces, {});
  ASSERT_EQ(places["items"].size(), 1u);
  EXPECT_EQ(places["items"][0]["place"], "Gaza");
  EXPECT_EQ(places["items"][0]["events"], 2);
}

TEST_F(Api, Series) {
  const json days = Ok(EventSeries, {});
  ASSERT_EQ(days["items"].size(), 2u);
  EXPECT_EQ(days["items"][0]["period"], "2024-03-26");
  EXPECT_EQ(days["items"][0]["quad4"], 1);
  EXPECT_EQ(days["items"][1]["quad1"], 2);
  const json weeks = Ok(EventSeries, {{"interval", "week"}});
  EXPECT_EQ(weeks["items"][0]["period"], "2024-03-25");  // the Monday
  EXPECT_EQ(weeks["items"][1]["period"], "2024-04-01");
  const json months = Ok(EventSeries, {{"interval", "month"}});
  EXPECT_EQ(months["items"][1]["period"], "2024-04");
}

TEST_F(Api, Documents) {
  const json list = Ok(ListDocuments, {});
  ASSERT_EQ(list["items"].size(), 2u);
  EXPECT_EQ(list["items"][1]["id"], "doc-2");
  EXPECT_EQ(list["items"][1]["events"], 2);
  const json doc = Ok(GetDocument, {{"id", "doc-2"}});
  EXPECT_EQ(doc["id"], "doc-2");
  EXPECT_EQ(doc["events"].size(), 2u);
  EXPECT_FALSE(doc["quotes"].empty());
  const ApiResponse missing = GetDocument(*c_, {{"id", "nope"}});
  EXPECT_EQ(missing.status, 404);
}

TEST_F(Api, QueryTimeLimit) {
  StatusOr<std::unique_ptr<Connection>> c = Connection::Open(path_, std::chrono::milliseconds(0));
  ASSERT_TRUE(c.ok());
  (*c)->Begin();
  EXPECT_EQ(ListEvents(**c, {}).status, 503);
}

TEST_F(Api, Config) {
  const ServerFacts facts{"1.2.3", true, 64 << 10, 2000};
  const ApiResponse r = GetConfig(facts, {});
  ASSERT_EQ(r.status, 200);
  const json j = json::parse(r.body);
  EXPECT_EQ(j["version"], "1.2.3");
  EXPECT_EQ(j["allow_ingest"], true);
  EXPECT_EQ(j["max_upload_bytes"], 65536);
  EXPECT_EQ(j["query_timeout_ms"], 2000);
  EXPECT_EQ(j["page_size"]["default"], kDefaultPageSize);
  EXPECT_EQ(j["page_size"]["max"], kMaxPageSize);
  EXPECT_EQ(j["max_offset"], kMaxOffset);
  EXPECT_EQ(json::parse(GetConfig(ServerFacts{}, {}).body)["allow_ingest"], false);
  const ApiResponse bad = GetConfig(facts, {{"x", "1"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"], "parameter: expected none, got 'x'");
}

// Property: whatever query a client sends, every handler answers 200 with
// a well-formed listing no longer than its limit, or 400 naming what was
// wrong; never 500, never a crash. The queries mix valid values, edge
// values and junk for known and unknown names (fixed seed: reproducible).
TEST_F(Api, RandomQueriesAnswer200Or400) {
  const std::vector<std::string> names = {"actor",         "source", "target",     "country",
                                          "code",          "root",   "quad_class", "goldstein_min",
                                          "goldstein_max", "from",   "to",         "place",
                                          "bbox",          "q",      "doc",        "limit",
                                          "offset",        "format", "interval",   "id",
                                          "nope",          ""};
  const std::vector<std::string> values = {"",
                                           "0",
                                           "1",
                                           "4",
                                           "5",
                                           "-1",
                                           "04",
                                           "042",
                                           "19",
                                           "20",
                                           "21",
                                           "ISR",
                                           "usagov",
                                           "EG",
                                           "EGY",
                                           "-10",
                                           "10",
                                           "10.01",
                                           "1e2",
                                           "nan",
                                           "2024-03-26",
                                           "2024-02-30",
                                           "1000",
                                           "1001",
                                           "1000000",
                                           "1000001",
                                           "csv",
                                           "json",
                                           "xml",
                                           "week",
                                           "month",
                                           "34,31,35,32",
                                           "35,31,34,32",
                                           "Gaza",
                                           "doc-1",
                                           "x' OR '1'='1",
                                           "%",
                                           "_",
                                           "\\",
                                           std::string("a\0b", 3),
                                           "\n",
                                           "\xff\xfe",
                                           std::string(300, 'a'),
                                           "99999999999999999999999"};
  using Handler = ApiResponse (*)(Connection&, const Params&);
  const Handler handlers[] = {ListEvents,  ListActors,    ListDyads,  ListPlaces,
                              EventSeries, ListDocuments, GetDocument};
  std::mt19937 rng(8);
  for (int round = 0; round < 3000; ++round) {
    Params p;
    const int n = static_cast<int>(rng() % 4);
    for (int i = 0; i < n; ++i) {
      std::string v = values[rng() % values.size()];
      if (rng() % 8 == 0)  // now and then, bytes no list foresaw
        for (int k = 0; k < 6; ++k) v.push_back(static_cast<char>(rng() % 256));
      p.emplace(names[rng() % names.size()], v);
    }
    for (Handler h : handlers) {
      c_->Begin();  // per request, as the server does
      const ApiResponse r = h(*c_, p);
      ASSERT_TRUE(r.status == 200 || r.status == 400 || (h == GetDocument && r.status == 404))
          << r.status << " " << r.body;
      if (r.content_type != "application/json") continue;  // CSV asked for and given
      const json j = json::parse(r.body, nullptr, false);
      ASSERT_FALSE(j.is_discarded()) << r.body;
      if (r.status != 200) {
        ASSERT_TRUE(j["error"].is_string() && !j["error"].get<std::string>().empty()) << r.body;
      } else if (j.contains("limit")) {
        ASSERT_LE(j["items"].size(), j["limit"].get<size_t>());
      }
    }
  }
}

}  // namespace
}  // namespace annals::serve
