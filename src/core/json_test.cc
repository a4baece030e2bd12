// Tests of ToJson: key order, optional fields, metadata handling, and
// robustness against invalid UTF-8, deep metadata and bad spans.
#include "annals/json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "syntax/tagset.h"

namespace annals {
namespace {

using Json = nlohmann::ordered_json;

Document SmallDocument() {
  Document d;
  d.id = "d1";
  d.format = "wire";
  d.origin = Origin{"in/story.txt", 0};
  d.title = "Title";
  d.text = "Guns fired. Calm.";
  d.tokens = {Token{{0, 4},
                    TokenKind::kWord,
                    true,
                    "",
                    "gun",
                    syntax::UposId("NOUN"),
                    syntax::XposId("NNS"),
                    syntax::DeprelId("nsubj:pass"),
                    1},
              Token{{5, 10}, TokenKind::kWord, false}, Token{{10, 11}, TokenKind::kPunct, true},
              Token{{12, 16}, TokenKind::kWord, false, "calm"},
              Token{{16, 17}, TokenKind::kPunct, false}};
  d.sentences = {Sentence{{0, 11}, {0, 3}, 0}, Sentence{{12, 17}, {3, 5}, 0}};
  d.paragraphs = {Paragraph{{0, 17}, {0, 2}}};
  d.stages = {"normalize.v1"};
  return d;
}

Json Parse(const std::string& s) { return Json::parse(s); }

std::vector<std::string> Keys(const Json& j) {
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  return keys;
}

TEST(Json, TopLevelKeysInDocumentedOrder) {
  const Json j = Parse(ToJson(SmallDocument(), JsonOptions{}));
  const std::vector<std::string> expected = {
      "schema_version", "id",         "format",         "origin",   "source",       "url",
      "published",      "title",      "dateline_place", "language", "content_hash", "metadata",
      "text",           "paragraphs", "sentences",      "tokens",   "mentions",     "actors",
      "events",         "places",     "quotes",         "counts",   "tones",        "dates",
      "framings",       "themes",     "diagnostics",    "stages"};
  EXPECT_EQ(Keys(j), expected);
  EXPECT_EQ(j["schema_version"], kJsonSchemaVersion);
}

TEST(Json, TokensLeftOutOnRequest) {
  JsonOptions options;
  options.with_tokens = false;
  const Json j = Parse(ToJson(SmallDocument(), options));
  EXPECT_FALSE(j.contains("tokens"));
  EXPECT_EQ(j["sentences"].size(), 2u);
}

TEST(Json, SentencesCarrySpansAndText) {
  const Json j = Parse(ToJson(SmallDocument(), JsonOptions{}));
  const Json& s = j["sentences"][1];
  EXPECT_EQ(s["span"], Json::array({12, 17}));
  EXPECT_EQ(s["paragraph"], 0);
  EXPECT_EQ(s["tokens"], Json::array({3, 5}));
  EXPECT_EQ(s["text"], "Calm.");
  EXPECT_EQ(j["paragraphs"][0]["sentences"], Json::array({0, 2}));
}

TEST(Json, TokenOptionalSlotsOnlyWhenSet) {
  const Json j = Parse(ToJson(SmallDocument(), JsonOptions{}));
  const Json& full = j["tokens"][0];
  EXPECT_EQ(Keys(full), (std::vector<std::string>{"span", "text", "kind", "space_after", "lemma",
                                                  "upos", "xpos", "deprel", "head"}));
  EXPECT_EQ(full["lemma"], "gun");
  EXPECT_EQ(full["head"], 1);
  const Json& bare = j["tokens"][1];
  EXPECT_EQ(Keys(bare), (std::vector<std::string>{"span", "text", "kind", "space_after"}));
  EXPECT_EQ(bare["text"], "fired");
  EXPECT_EQ(j["tokens"][2]["kind"], "punct");
  EXPECT_EQ(j["tokens"][3]["norm"], "calm");
}

TEST(Json, TagsPrintAsNames) {
  const Json t = Parse(ToJson(SmallDocument(), JsonOptions{}))["tokens"][0];
  EXPECT_EQ(t["upos"], "NOUN");
  EXPECT_EQ(t["xpos"], "NNS");
  EXPECT_EQ(t["deprel"], "nsubj:pass");
}

TEST(Json, UnknownTagIdsAreLeftOut) {
  Document d = SmallDocument();
  d.tokens[0].upos = 250;  // past the table: written by a newer annals
  const Json t = Parse(ToJson(d, JsonOptions{}))["tokens"][0];
  EXPECT_FALSE(t.contains("upos"));
  EXPECT_EQ(t["xpos"], "NNS");
}

TEST(Json, ChunksOnlyWhenPresent) {
  Document d = SmallDocument();
  EXPECT_FALSE(Parse(ToJson(d, JsonOptions{})).contains("chunks"));
  d.chunks = {Chunk{{0, 1}, 0, 0, ChunkKind::kNoun}, Chunk{{1, 2}, 0, 1, ChunkKind::kVerb}};
  const Json j = Parse(ToJson(d, JsonOptions{}));
  const std::vector<std::string> keys = Keys(j);
  const auto at = std::find(keys.begin(), keys.end(), "chunks");
  ASSERT_NE(at, keys.end());
  EXPECT_EQ(*(at - 1), "tokens");
  EXPECT_EQ(*(at + 1), "mentions");
  EXPECT_EQ(Keys(j["chunks"][0]), (std::vector<std::string>{"kind", "tokens", "head", "sentence"}));
  EXPECT_EQ(j["chunks"][0]["kind"], "noun");
  EXPECT_EQ(j["chunks"][1],
            (Json{{"kind", "verb"}, {"tokens", {1, 2}}, {"head", 1}, {"sentence", 0}}));
  JsonOptions pretty;
  pretty.pretty = true;
  EXPECT_EQ(Parse(ToJson(d, pretty)), j);
}

TEST(Json, TokenTextIsEscaped) {
  Document d = SmallDocument();
  d.text = "\"Caf\xC3\xA9\"\t\xFF";
  d.tokens = {Token{{0, 1}, TokenKind::kQuote}, Token{{1, 6}}, Token{{6, 7}},
              Token{{7, 8}, TokenKind::kSymbol}, Token{{8, 9}}};
  d.sentences.clear();
  d.paragraphs.clear();
  for (bool pretty : {false, true}) {
    JsonOptions options;
    options.pretty = pretty;
    const Json j = Parse(ToJson(d, options));
    EXPECT_EQ(j["tokens"][0]["text"], "\"");
    EXPECT_EQ(j["tokens"][1]["text"], "Caf\u00e9");
    EXPECT_EQ(j["tokens"][3]["text"], "\t");
    EXPECT_EQ(j["tokens"][4]["text"], "\uFFFD");
  }
}

TEST(Json, PublishedIsIsoOrNull) {
  Document d = SmallDocument();
  EXPECT_TRUE(Parse(ToJson(d, JsonOptions{}))["published"].is_null());
  PublishedTime t;
  t.year = 2024, t.month = 3, t.day = 26, t.hour = 22, t.minute = 16;
  t.has_time = true;
  d.published = t;
  EXPECT_EQ(Parse(ToJson(d, JsonOptions{}))["published"], "2024-03-26T22:16");
}

TEST(Json, MetadataValuesParsedWhenJson) {
  Document d = SmallDocument();
  d.metadata = {{"n", "42"}, {"list", "[1, \"x\"]"}, {"plain", "not json"}};
  const Json m = Parse(ToJson(d, JsonOptions{}))["metadata"];
  EXPECT_EQ(m["n"], 42);
  EXPECT_EQ(m["list"], Json::array({1, "x"}));
  EXPECT_EQ(m["plain"], "not json");
  EXPECT_EQ(Keys(m), (std::vector<std::string>{"n", "list", "plain"}));
}

TEST(Json, DeeplyNestedMetadataStaysAString) {
  Document d = SmallDocument();
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  d.metadata = {{"deep", deep}};
  const Json m = Parse(ToJson(d, JsonOptions{}))["metadata"];
  EXPECT_EQ(m["deep"], deep);
}

TEST(Json, InvalidUtf8IsReplacedNotThrown) {
  Document d = SmallDocument();
  d.title = "bad \xC3\x28 byte";
  d.metadata = {{"k\xFF", "\"v\xFE\""}};
  std::string out;
  ASSERT_NO_THROW(out = ToJson(d, JsonOptions{}));
  const Json j = Parse(out);
  EXPECT_EQ(j["title"], "bad \xEF\xBF\xBD( byte");
}

TEST(Json, SpansOutsideTextDoNotThrow) {
  Document d = SmallDocument();
  d.sentences.push_back(Sentence{{15, 4000}, {0, 0}, 0});
  d.tokens.push_back(Token{{3000, 3001}});
  const Json j = Parse(ToJson(d, JsonOptions{}));
  EXPECT_EQ(j["sentences"][2]["text"], "m.");
  EXPECT_EQ(j["tokens"][5]["text"], "");
}

TEST(Json, EmptyAnnotationArrays) {
  const Json j = Parse(ToJson(SmallDocument(), JsonOptions{}));
  for (const char* k :
       {"mentions", "actors", "events", "places", "quotes", "counts", "tones", "diagnostics"}) {
    ASSERT_TRUE(j[k].is_array()) << k;
    EXPECT_TRUE(j[k].empty()) << k;
  }
}

TEST(Json, AnnotationsCarryEveryField) {
  Document d = SmallDocument();
  const Evidence ev{"verb:190", "verbs.txt", 12};
  d.mentions = {Mention{{0, 4}, {0, 1}, 0, MentionKind::kActor, "GUN", ev}};
  Actor actor;
  actor.code = "MIL";
  actor.name = "military";
  actor.mentions = {0};
  actor.evidence = ev;
  d.actors = {actor};
  Event event;
  event.span = {0, 10};
  event.code = "190";
  event.source = 0;
  event.date = "2024-03-26";
  event.confidence = 0.8f;
  event.evidence = ev;
  d.events = {event};
  Place calm;
  calm.span = {12, 16};
  calm.sentence = 1;
  calm.name = "Calm";
  calm.country = "PS";
  calm.latitude = 31.5;
  calm.longitude = 34.25;
  calm.evidence = ev;
  d.places = {calm};
  Quote quote;
  quote.span = {12, 16};
  quote.sentence = quote.last_sentence = 1;
  quote.speaker_span = {0, 4};
  quote.speaker = 0;
  quote.evidence = ev;
  d.quotes = {quote};
  Count count;
  count.span = {0, 4};
  count.value = count.value_max = 1400000;
  count.unit = "people";
  count.evidence = ev;
  d.counts = {count};
  Tone tone;
  tone.span = {0, 17};
  tone.positive = 0.1f;
  tone.negative = 0.3f;
  tone.polarity = -0.2f;
  tone.evidence = ev;
  d.tones = {tone};
  d.dates = {DateMention{{0, 4}, 0, "2024-03-25", "day", ev}};
  d.framings = {Framing{{0, 4}, 0, "regime", "delegitimising", ev}};
  d.themes = {Theme{"CONFLICT", 2, {0, 4}, ev}};
  const Json j = Parse(ToJson(d, JsonOptions{}));
  EXPECT_EQ(Keys(j["mentions"][0]),
            (std::vector<std::string>{"span", "tokens", "sentence", "kind", "entry", "evidence"}));
  EXPECT_EQ(j["mentions"][0]["kind"], "actor");
  EXPECT_EQ(j["mentions"][0]["evidence"],
            (Json{{"rule", "verb:190"}, {"file", "verbs.txt"}, {"line", 12}}));
  EXPECT_EQ(Keys(j["actors"][0]),
            (std::vector<std::string>{"code", "name", "kind", "role", "span", "sentence", "head",
                                      "mentions", "evidence"}));
  EXPECT_EQ(Keys(j["events"][0]),
            (std::vector<std::string>{"span",         "sentence",     "trigger",    "code",
                                      "root",         "goldstein",    "quad_class", "plover_event",
                                      "plover_mode",  "source",       "target",     "place",
                                      "source_place", "target_place", "date",       "negated",
                                      "hypothetical", "attribution",  "confidence", "evidence"}));
  EXPECT_EQ(j["events"][0]["target"], -1);
  EXPECT_EQ(
      Keys(j["places"][0]),
      (std::vector<std::string>{"span", "tokens", "sentence", "name", "full_name", "kind",
                                "country", "fips", "admin1", "admin1_name", "feature",
                                "geonames_id", "latitude", "longitude", "confidence", "evidence"}));
  EXPECT_EQ(Keys(j["quotes"][0]),
            (std::vector<std::string>{"span", "sentence", "last_sentence", "kind", "speaker_span",
                                      "speaker", "speaker_name", "speaker_code", "verb",
                                      "verb_span", "reporter", "reporter_name", "evidence"}));
  EXPECT_EQ(j["quotes"][0]["kind"], "direct");
  EXPECT_EQ(j["counts"][0]["qualifier"], "exact");
  EXPECT_EQ(j["dates"][0]["resolved"], "2024-03-25");
  EXPECT_EQ(j["framings"][0]["term"], "regime");
  EXPECT_EQ(j["themes"][0]["mentions"], 2);
  EXPECT_EQ(j["counts"][0]["value"], 1400000.0);
  EXPECT_EQ(j["tones"][0]["polarity"], -0.2);
}

TEST(Json, FloatsPrintAsWritten) {
  Document d = SmallDocument();
  Event event;
  event.span = {0, 4};
  event.code = "190";
  event.confidence = 0.8f;
  d.events = {event};
  const std::string out = ToJson(d, JsonOptions{});
  EXPECT_NE(out.find("\"confidence\":0.8,"), std::string::npos) << out;
}

TEST(Json, DiagnosticCodeOrNull) {
  Document d = SmallDocument();
  d.diagnostics = {Diagnostic{"normalize.v1", ErrorCode::kOk, "repaired"},
                   Diagnostic{"ingest", ErrorCode::kInvalidUtf8, "bad byte"}};
  const Json j = Parse(ToJson(d, JsonOptions{}));
  EXPECT_TRUE(j["diagnostics"][0]["code"].is_null());
  EXPECT_EQ(j["diagnostics"][1]["code"], "E003");
  EXPECT_EQ(j["diagnostics"][1]["stage"], "ingest");
}

TEST(Json, PrettyIndentsCompactDoesNot) {
  JsonOptions pretty;
  pretty.pretty = true;
  const std::string p = ToJson(SmallDocument(), pretty);
  const std::string c = ToJson(SmallDocument(), JsonOptions{});
  EXPECT_EQ(p.rfind("{\n  \"schema_version\": 1,", 0), 0u) << p.substr(0, 40);
  EXPECT_EQ(c.find('\n'), std::string::npos);
  EXPECT_EQ(Parse(p), Parse(c));
}

}  // namespace
}  // namespace annals
