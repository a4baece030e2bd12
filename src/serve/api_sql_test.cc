// Rendering a Table as JSON: every value survives, the text is valid JSON
// whatever bytes the store holds, and pages say where the next one starts.
#include "serve/api_sql.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace annals::serve::detail {
namespace {

using nlohmann::json;

Table Sample() {
  Table t;
  t.columns = {"id", "title", "goldstein", "place"};
  t.rows.push_back({json(7), json("Talks \"resume\"\\ in\nCairo\t\x01"), json(3.5), json()});
  // A damaged title: a lone continuation byte and a cut-off sequence.
  t.rows.push_back(
      {json(8), json(std::string("caf\xC3\xA9 \x80 end \xE2\x82")), json(-2.0), json("Gaza")});
  return t;
}

TEST(ApiSql, AllRowsRenderAsValidJsonInColumnOrder) {
  const ApiResponse r = RenderAll(Sample(), OutputFormat::kJson);
  ASSERT_EQ(r.status, 200);
  const json out = json::parse(r.body);  // throws on invalid JSON or UTF-8
  ASSERT_EQ(out["items"].size(), 2u);
  EXPECT_EQ(out["items"][0]["title"], "Talks \"resume\"\\ in\nCairo\t\x01");
  EXPECT_EQ(out["items"][0]["goldstein"], 3.5);
  EXPECT_TRUE(out["items"][0]["place"].is_null());
  EXPECT_EQ(out["items"][1]["title"], "caf\xC3\xA9 \xEF\xBF\xBD end \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(out["items"][1]["place"], "Gaza");
  EXPECT_LT(r.body.find("\"id\""), r.body.find("\"title\""));
}

TEST(ApiSql, PageSaysWhereTheNextStarts) {
  Page page;
  page.limit = 1;
  page.offset = 10;
  json out = json::parse(RenderPage(Sample(), page, OutputFormat::kJson).body);
  EXPECT_EQ(out["items"].size(), 1u);
  EXPECT_EQ(out["limit"], 1);
  EXPECT_EQ(out["offset"], 10);
  EXPECT_EQ(out["next_offset"], 11);
  page.limit = 5;
  out = json::parse(RenderPage(Sample(), page, OutputFormat::kJson).body);
  EXPECT_EQ(out["items"].size(), 2u);
  EXPECT_TRUE(out["next_offset"].is_null());
}

}  // namespace
}  // namespace annals::serve::detail
