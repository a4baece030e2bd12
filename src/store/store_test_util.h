// Internal test helper (not public API): temporary store paths and a
// hand-built Document with every field and annotation kind filled, shared
// by the store tests.
#ifndef ANNALS_STORE_STORE_TEST_UTIL_H_
#define ANNALS_STORE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "annals/document.h"
#include "syntax/chunks.h"

namespace annals::testing_util {

// A fresh directory under the test temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("annals_store_" + std::string(info->test_suite_name()) + "_" + info->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
};

// About the size of the BBC corpus: 2,225 articles, ~2.2 KB and 20
// sentences of ~22 tokens each, all near-duplicates of the first (they
// differ in one number), so every near-duplicate lookup finds candidates.
inline std::vector<Document> CorpusSizedDocuments() {
  std::vector<Document> docs;
  for (int i = 0; i < 2225; ++i) {
    Document d;
    d.id = "bbc-" + std::to_string(i);
    d.format = "csv";
    std::string sentence = "Article " + std::to_string(i) + " says";
    while (sentence.size() < 105) sentence += " more words";
    sentence += ".";
    for (uint32_t s = 0; s < 20; ++s) {
      const uint32_t begin = static_cast<uint32_t>(d.text.size());
      d.text += sentence + " ";
      const uint32_t first = static_cast<uint32_t>(d.tokens.size());
      for (uint32_t b = begin; b + 5 < begin + sentence.size(); b += 5)
        d.tokens.push_back(Token{{b, b + 4}, TokenKind::kWord, true});
      d.sentences.push_back(Sentence{
          {begin, d.tokens.back().span.end}, {first, static_cast<uint32_t>(d.tokens.size())}, 0});
    }
    d.paragraphs.push_back(Paragraph{{0, static_cast<uint32_t>(d.text.size())}, {0, 20}});
    docs.push_back(std::move(d));
  }
  return docs;
}

// Two sentences in one paragraph, tokens with every optional slot used, and
// one of each annotation. `id` and `body` vary identity and content.
inline Document FullDocument(const std::string& id = "doc-1",
                             const std::string& body = "Troops fired. \"We left,\" she said.") {
  Document d;
  d.id = id;
  d.source = "Example Wire";
  d.url = "https://example.org/" + id;
  PublishedTime t;
  t.year = 2024, t.month = 3, t.day = 26, t.hour = 22, t.minute = 16;
  t.has_time = true;
  t.utc_offset_minutes = 120;
  d.published = t;
  d.title = "Troops fire in " + id;
  d.dateline_place = "GAZA CITY";
  d.language = "en";
  d.format = "jsonl";
  d.origin = Origin{"/tmp/in.jsonl", 12, true};
  d.metadata = {{"section", "\"world\""}, {"tags", "[\"a\",1]"}, {"score", "3.5"}};
  d.text = body;
  d.content_hash = ContentHash(d.title, d.text);
  // Tokens over the first sentence "Troops fired." and a coarse rest.
  const uint32_t n = static_cast<uint32_t>(body.size());
  Token t0{{0, 6}, TokenKind::kWord, true, "", "troop", 1, 2, 3, 1};
  Token t1{{7, 12}, TokenKind::kWord, false, "", "fire", 4, 5, 6, 1};
  Token t2{{12, 13}, TokenKind::kPunct, true, "", "", 0, 0, 0, -1};
  Token t3{{14, n}, TokenKind::kQuote, false, "\"", "", 7, 0, 0, 3};
  d.tokens = {t0, t1, t2, t3};
  d.sentences = {Sentence{{0, 13}, {0, 3}, 0}, Sentence{{14, n}, {3, 4}, 0}};
  d.paragraphs = {Paragraph{{0, n}, {0, 2}}};
  syntax::BuildChunks(d);  // whatever the heads give; the store rebuilds them
  d.mentions = {
      Mention{{0, 6}, {0, 1}, 0, MentionKind::kAgent, "MIL", {"agent:4", "agents.txt", 4}},
      Mention{{7, 12}, {1, 2}, 0, MentionKind::kVerb, "190", {"verb:9", "verbs.txt", 9}}};
  Actor actor;
  actor.code = "ISRMIL";
  actor.name = "Israeli military";
  actor.kind = "agent";
  actor.role = "army";
  actor.span = {0, 6};
  actor.head = 0;
  actor.mentions = {0, 1};
  actor.evidence = {"actor:2", "actors.txt", 2};
  d.actors = {actor};
  Event event;
  event.span = {0, 12};
  event.trigger = 1;
  event.code = "190";
  event.root = "19";
  event.goldstein = -10;
  event.quad_class = 4;
  event.plover_event = "ASSAULT";
  event.plover_mode = "firearms";
  event.source = 0;
  event.place = 0;
  event.date = "2024-03-26";
  event.negated = true;
  event.attribution = 0;
  event.confidence = 0.75f;
  event.evidence = {"ev:1", "rules.txt", 1};
  event.source_place = 0;
  d.events = {event};
  Place gaza;
  gaza.span = {14, 20};
  gaza.tokens = {2, 3};
  gaza.sentence = 1;
  gaza.name = "Gaza";
  gaza.full_name = "Gaza, Gaza Strip, Palestine";
  gaza.kind = "city";
  gaza.country = "PS";
  gaza.fips = "GZ";
  gaza.admin1 = "GZ";
  gaza.admin1_name = "Gaza Strip";
  gaza.feature = "PPLA";
  gaza.geonames_id = 281133;
  gaza.latitude = 31.5;
  gaza.longitude = 34.466667;
  gaza.confidence = 0.5f;
  gaza.evidence = {"pl:1", "places.txt", 7};
  d.places = {gaza};
  Quote quote;
  quote.span = {15, 22};
  quote.sentence = quote.last_sentence = 1;
  quote.kind = QuoteKind::kPartial;
  quote.speaker_span = {24, 27};
  quote.speaker = 0;
  quote.speaker_name = "Matthew Miller";
  quote.speaker_code = "USAGOV";
  quote.verb = "said";
  quote.verb_span = {28, 32};
  quote.reporter_name = "the agency";
  quote.evidence = {"quote:1", "", 0};
  d.quotes = {quote};
  Count count;
  count.span = {0, 6};
  count.value = 1400000;
  count.value_max = 1500000;
  count.qualifier = CountQualifier::kRange;
  count.unit = "people";
  count.type = "displaced";
  count.object = "civilians";
  count.object_span = {7, 12};
  count.place = 0;
  count.evidence = {"count:1", "", 0};
  d.counts = {count};
  Tone tone;
  tone.span = {0, n};
  tone.positive = 0.25f;
  tone.negative = 0.5f;
  tone.polarity = -0.25f;
  tone.activity = 0.125f;
  tone.self_reference = 0.0625f;
  tone.group_reference = 0.03125f;
  tone.words = 8;
  tone.evidence = {"tone:v1", "tone.txt", 0};
  d.tones = {tone};
  d.dates = {DateMention{{0, 6}, 0, "2024-03-25", "day", {"date:weekday", "", 0}}};
  d.framings = {Framing{{7, 12}, 0, "regime", "delegitimising", {"framing", "framing.txt", 3}}};
  d.themes = {Theme{"CONFLICT", 2, {0, 6}, {"theme", "themes.txt", 4}}};
  d.diagnostics = {Diagnostic{"normalize.v1", ErrorCode::kOk, "repaired 1 mojibake"},
                   Diagnostic{"ingest", ErrorCode::kTooLarge, "budget hit"}};
  d.stages = {"normalize.v1", "tokenize.v2", "segment.v1"};
  return d;
}

}  // namespace annals::testing_util

#endif  // ANNALS_STORE_STORE_TEST_UTIL_H_
