// Tests of Store: opening and schema checks, the full round trip, identity
// rules (dedupe by content, replace by id), transactions and statistics.
// Documents are built by hand (store_test_util.h); no pipeline stage runs.
#include "annals/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "store/store_test_util.h"
#include "syntax/chunks.h"
#include "syntax/tagset.h"

namespace annals {
namespace {

using testing_util::FullDocument;
using testing_util::TempDir;

std::unique_ptr<Store> MustOpen(const std::string& path) {
  StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Runs SQL on the file directly, behind the store's back.
void RawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
  sqlite3_free(err);
  sqlite3_close(db);
}

void ExpectEvidence(const Evidence& a, const Evidence& b) {
  EXPECT_EQ(a.rule, b.rule);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(a.line, b.line);
}

void ExpectSameDocument(const Document& a, const Document& b) {
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.url, b.url);
  ASSERT_EQ(a.published.has_value(), b.published.has_value());
  if (a.published) {
    EXPECT_EQ(a.published->ToIso(), b.published->ToIso());
  }
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.dateline_place, b.dateline_place);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.origin.path, b.origin.path);
  EXPECT_EQ(a.origin.record, b.origin.record);
  EXPECT_EQ(a.metadata, b.metadata);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.content_hash, b.content_hash);
  ASSERT_EQ(a.tokens.size(), b.tokens.size());
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token &x = a.tokens[i], &y = b.tokens[i];
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.space_after, y.space_after);
    EXPECT_EQ(x.norm, y.norm);
    EXPECT_EQ(x.lemma, y.lemma);
    EXPECT_EQ(x.upos, y.upos);
    EXPECT_EQ(x.xpos, y.xpos);
    EXPECT_EQ(x.deprel, y.deprel);
    EXPECT_EQ(x.head, y.head);
  }
  ASSERT_EQ(a.sentences.size(), b.sentences.size());
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    EXPECT_EQ(a.sentences[i].span, b.sentences[i].span);
    EXPECT_EQ(a.sentences[i].tokens, b.sentences[i].tokens);
    EXPECT_EQ(a.sentences[i].paragraph, b.sentences[i].paragraph);
  }
  EXPECT_EQ(a.chunks, b.chunks);
  ASSERT_EQ(a.paragraphs.size(), b.paragraphs.size());
  for (size_t i = 0; i < a.paragraphs.size(); ++i) {
    EXPECT_EQ(a.paragraphs[i].span, b.paragraphs[i].span);
    EXPECT_EQ(a.paragraphs[i].sentences, b.paragraphs[i].sentences);
  }
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    const Mention &x = a.mentions[i], &y = b.mentions[i];
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.tokens, y.tokens);
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.entry, y.entry);
    ExpectEvidence(x.evidence, y.evidence);
  }
  ASSERT_EQ(a.actors.size(), b.actors.size());
  for (size_t i = 0; i < a.actors.size(); ++i) {
    EXPECT_EQ(a.actors[i].code, b.actors[i].code);
    EXPECT_EQ(a.actors[i].name, b.actors[i].name);
    EXPECT_EQ(a.actors[i].mentions, b.actors[i].mentions);
    EXPECT_EQ(a.actors[i].kind, b.actors[i].kind);
    EXPECT_EQ(a.actors[i].role, b.actors[i].role);
    EXPECT_EQ(a.actors[i].span, b.actors[i].span);
    EXPECT_EQ(a.actors[i].sentence, b.actors[i].sentence);
    EXPECT_EQ(a.actors[i].head, b.actors[i].head);
    ExpectEvidence(a.actors[i].evidence, b.actors[i].evidence);
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event &x = a.events[i], &y = b.events[i];
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.code, y.code);
    EXPECT_EQ(x.source, y.source);
    EXPECT_EQ(x.target, y.target);
    EXPECT_EQ(x.place, y.place);
    EXPECT_EQ(x.source_place, y.source_place);
    EXPECT_EQ(x.target_place, y.target_place);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.confidence, y.confidence);
    EXPECT_EQ(x.trigger, y.trigger);
    EXPECT_EQ(x.root, y.root);
    EXPECT_EQ(x.goldstein, y.goldstein);
    EXPECT_EQ(x.quad_class, y.quad_class);
    EXPECT_EQ(x.plover_event, y.plover_event);
    EXPECT_EQ(x.plover_mode, y.plover_mode);
    EXPECT_EQ(x.negated, y.negated);
    EXPECT_EQ(x.hypothetical, y.hypothetical);
    EXPECT_EQ(x.attribution, y.attribution);
    ExpectEvidence(x.evidence, y.evidence);
  }
  ASSERT_EQ(a.places.size(), b.places.size());
  for (size_t i = 0; i < a.places.size(); ++i) {
    const Place &x = a.places[i], &y = b.places[i];
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.country, y.country);
    EXPECT_EQ(x.latitude, y.latitude);
    EXPECT_EQ(x.longitude, y.longitude);
    EXPECT_EQ(x.tokens, y.tokens);
    EXPECT_EQ(x.full_name, y.full_name);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.fips, y.fips);
    EXPECT_EQ(x.admin1, y.admin1);
    EXPECT_EQ(x.admin1_name, y.admin1_name);
    EXPECT_EQ(x.feature, y.feature);
    EXPECT_EQ(x.geonames_id, y.geonames_id);
    EXPECT_EQ(x.confidence, y.confidence);
    ExpectEvidence(x.evidence, y.evidence);
  }
  ASSERT_EQ(a.quotes.size(), b.quotes.size());
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    const Quote &x = a.quotes[i], &y = b.quotes[i];
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.sentence, y.sentence);
    EXPECT_EQ(x.speaker_span, y.speaker_span);
    EXPECT_EQ(x.speaker, y.speaker);
    EXPECT_EQ(x.last_sentence, y.last_sentence);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.speaker_name, y.speaker_name);
    EXPECT_EQ(x.speaker_code, y.speaker_code);
    EXPECT_EQ(x.verb, y.verb);
    EXPECT_EQ(x.verb_span, y.verb_span);
    EXPECT_EQ(x.reporter, y.reporter);
    EXPECT_EQ(x.reporter_name, y.reporter_name);
    ExpectEvidence(x.evidence, y.evidence);
  }
  ASSERT_EQ(a.counts.size(), b.counts.size());
  for (size_t i = 0; i < a.counts.size(); ++i) {
    EXPECT_EQ(a.counts[i].span, b.counts[i].span);
    EXPECT_EQ(a.counts[i].sentence, b.counts[i].sentence);
    EXPECT_EQ(a.counts[i].value, b.counts[i].value);
    EXPECT_EQ(a.counts[i].unit, b.counts[i].unit);
    EXPECT_EQ(a.counts[i].value_max, b.counts[i].value_max);
    EXPECT_EQ(a.counts[i].qualifier, b.counts[i].qualifier);
    EXPECT_EQ(a.counts[i].type, b.counts[i].type);
    EXPECT_EQ(a.counts[i].object, b.counts[i].object);
    EXPECT_EQ(a.counts[i].object_span, b.counts[i].object_span);
    EXPECT_EQ(a.counts[i].place, b.counts[i].place);
    ExpectEvidence(a.counts[i].evidence, b.counts[i].evidence);
  }
  ASSERT_EQ(a.tones.size(), b.tones.size());
  for (size_t i = 0; i < a.tones.size(); ++i) {
    const Tone &x = a.tones[i], &y = b.tones[i];
    EXPECT_EQ(x.span, y.span);
    EXPECT_EQ(x.positive, y.positive);
    EXPECT_EQ(x.negative, y.negative);
    EXPECT_EQ(x.polarity, y.polarity);
    EXPECT_EQ(x.activity, y.activity);
    EXPECT_EQ(x.self_reference, y.self_reference);
    EXPECT_EQ(x.group_reference, y.group_reference);
    EXPECT_EQ(x.words, y.words);
    EXPECT_EQ(x.sentence, y.sentence);
    ExpectEvidence(x.evidence, y.evidence);
  }
  ASSERT_EQ(a.dates.size(), b.dates.size());
  for (size_t i = 0; i < a.dates.size(); ++i) {
    EXPECT_EQ(a.dates[i].span, b.dates[i].span);
    EXPECT_EQ(a.dates[i].sentence, b.dates[i].sentence);
    EXPECT_EQ(a.dates[i].resolved, b.dates[i].resolved);
    EXPECT_EQ(a.dates[i].granularity, b.dates[i].granularity);
    ExpectEvidence(a.dates[i].evidence, b.dates[i].evidence);
  }
  ASSERT_EQ(a.framings.size(), b.framings.size());
  for (size_t i = 0; i < a.framings.size(); ++i) {
    EXPECT_EQ(a.framings[i].span, b.framings[i].span);
    EXPECT_EQ(a.framings[i].term, b.framings[i].term);
    EXPECT_EQ(a.framings[i].category, b.framings[i].category);
    ExpectEvidence(a.framings[i].evidence, b.framings[i].evidence);
  }
  ASSERT_EQ(a.themes.size(), b.themes.size());
  for (size_t i = 0; i < a.themes.size(); ++i) {
    EXPECT_EQ(a.themes[i].name, b.themes[i].name);
    EXPECT_EQ(a.themes[i].mentions, b.themes[i].mentions);
    EXPECT_EQ(a.themes[i].first, b.themes[i].first);
    ExpectEvidence(a.themes[i].evidence, b.themes[i].evidence);
  }
  ASSERT_EQ(a.diagnostics.size(), b.diagnostics.size());
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    EXPECT_EQ(a.diagnostics[i].stage, b.diagnostics[i].stage);
    EXPECT_EQ(a.diagnostics[i].code, b.diagnostics[i].code);
    EXPECT_EQ(a.diagnostics[i].message, b.diagnostics[i].message);
  }
  EXPECT_EQ(a.stages, b.stages);
}

TEST(StoreOpen, CreatesFileAtCurrentSchema) {
  TempDir dir;
  const std::string path = dir.Path("new.db");
  auto store = MustOpen(path);
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(std::filesystem::exists(path));
  StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->schema_version, Store::kSchemaVersion);
  EXPECT_EQ(stats->documents, 0u);
}

TEST(StoreOpen, UsesWriteAheadLog) {
  TempDir dir;
  const std::string path = dir.Path("wal.db");
  auto store = MustOpen(path);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->WriteBatch(std::vector<Document>{FullDocument()}).ok());
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
}

TEST(StoreOpen, ReopenKeepsDocuments) {
  TempDir dir;
  const std::string path = dir.Path("reopen.db");
  {
    auto store = MustOpen(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->WriteBatch(std::vector<Document>{FullDocument()}).ok());
  }
  auto store = MustOpen(path);
  ASSERT_NE(store, nullptr);
  StatusOr<std::vector<std::string>> ids = store->ListIds(10);
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"doc-1"});
}

// A store written before event coding (schema v1) opens, migrates in place,
// keeps its rows (new columns at their defaults) and takes new ones whole.
TEST(StoreOpen, MigratesVersion1Stores) {
  TempDir dir;
  const std::string path = dir.Path("v1.db");
  {
    auto store = MustOpen(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->WriteBatch(std::vector<Document>{FullDocument()}).ok());
  }
  // Take the file back to v1: drop what migrations 5, 4, 3 and 2 added.
  std::string undo =
      "DROP INDEX documents_duplicate_of; ALTER TABLE documents DROP COLUMN duplicate_of;"
      "ALTER TABLE documents DROP COLUMN signature;"
      "DROP TABLE dates; DROP TABLE framings; DROP TABLE themes; DROP INDEX counts_type;"
      "DROP INDEX places_country; DROP INDEX events_root; DROP INDEX events_root_doc;";
  for (const char* c : {"last_sentence", "kind", "speaker_name", "speaker_code", "verb",
                        "verb_begin", "verb_end", "reporter", "reporter_name"})
    undo += std::string("ALTER TABLE quotes DROP COLUMN ") + c + ";";
  for (const char* c :
       {"value_max", "qualifier", "type", "object", "object_begin", "object_end", "place"})
    undo += std::string("ALTER TABLE counts DROP COLUMN ") + c + ";";
  for (const char* c : {"sentence", "activity", "self_reference", "group_reference", "words"})
    undo += std::string("ALTER TABLE tones DROP COLUMN ") + c + ";";
  for (const char* c : {"token_begin", "token_end", "full_name", "kind", "fips", "admin1",
                        "admin1_name", "feature", "geonames_id", "confidence"})
    undo += std::string("ALTER TABLE places DROP COLUMN ") + c + ";";
  for (const char* c : {"source_place", "target_place"})
    undo += std::string("ALTER TABLE events DROP COLUMN ") + c + ";";
  for (const char* c : {"kind", "role", "span_begin", "span_end", "sentence", "head"})
    undo += std::string("ALTER TABLE actors DROP COLUMN ") + c + ";";
  for (const char* c : {"trigger_token", "root", "goldstein", "quad_class", "plover_event",
                        "plover_mode", "negated", "hypothetical", "attribution"})
    undo += std::string("ALTER TABLE events DROP COLUMN ") + c + ";";
  RawExec(path, undo + "PRAGMA user_version = 1;");

  auto store = MustOpen(path);
  ASSERT_NE(store, nullptr);
  StatusOr<StoreStats> stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->schema_version, Store::kSchemaVersion);
  StatusOr<Document> old = store->Load("doc-1");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  ASSERT_EQ(old->events.size(), 1u);
  EXPECT_EQ(old->events[0].code, "190");
  EXPECT_EQ(old->events[0].attribution, -1);
  EXPECT_FALSE(old->events[0].negated);
  EXPECT_EQ(old->actors[0].kind, "");
  EXPECT_EQ(old->events[0].source_place, -1);
  ASSERT_EQ(old->places.size(), 1u);
  EXPECT_EQ(old->places[0].kind, "");
  EXPECT_EQ(old->places[0].geonames_id, 0);
  ASSERT_EQ(old->counts.size(), 1u);
  EXPECT_EQ(old->counts[0].value_max, old->counts[0].value);
  EXPECT_EQ(old->counts[0].type, "");
  ASSERT_EQ(old->tones.size(), 1u);
  EXPECT_EQ(old->tones[0].activity, 0.0f);
  EXPECT_EQ(old->tones[0].sentence, -1);
  ASSERT_TRUE(store->WriteBatch(std::vector<Document>{FullDocument("doc-2", "Troops left.")}).ok());
  StatusOr<Document> fresh = store->Load("doc-2");
  ASSERT_TRUE(fresh.ok());
  ExpectSameDocument(FullDocument("doc-2", "Troops left."), *fresh);
}

TEST(StoreOpen, RefusesNewerSchema) {
  TempDir dir;
  const std::string path = dir.Path("future.db");
  { ASSERT_NE(MustOpen(path), nullptr); }
  RawExec(path, "PRAGMA user_version = " + std::to_string(Store::kSchemaVersion + 1));
  StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kSchema);
  EXPECT_NE(s.status().message().find("newer"), std::string::npos) << s.status().message();
}

TEST(StoreOpen, RefusesFileThatIsNotADatabase) {
  TempDir dir;
  const std::string path = dir.Path("notes.txt");
  {
    std::ofstream out(path);
    for (int i = 0; i < 100; ++i) out << "these are plain notes, not a database\n";
  }
  StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kStore);
  EXPECT_NE(s.status().message().find(path), std::string::npos) << s.status().message();
}

TEST(StoreOpen, RefusesOtherProgramsDatabase) {
  TempDir dir;
  const std::string path = dir.Path("other.db");
  RawExec(path, "CREATE TABLE accounts (name TEXT)");
  StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kStore);
}

TEST(StoreOpen, RefusesVersionWithoutOurApplicationId) {
  TempDir dir;
  const std::string path = dir.Path("other.db");
  RawExec(path, "CREATE TABLE foo (x); PRAGMA user_version = 1");
  StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kStore);
  EXPECT_NE(s.status().message().find("another program"), std::string::npos);
}

TEST(StoreOpen, RefusesStoresThatVanish) {
  for (const std::string path : {"", ":memory:"}) {
    StatusOr<std::unique_ptr<Store>> s = Store::Open(path);
    ASSERT_FALSE(s.ok()) << path;
    EXPECT_EQ(s.status().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(StoreOpen, ReadOnlyNeverWritesAndNeedsCurrentSchema) {
  TempDir dir;
  const std::string empty = dir.Path("empty.db");
  { std::ofstream touch(empty); }
  StatusOr<std::unique_ptr<Store>> s = Store::Open(empty, OpenMode::kReadOnly);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(std::filesystem::file_size(empty), 0u);
  const std::string path = dir.Path("real.db");
  {
    std::unique_ptr<Store> rw = MustOpen(path);
    ASSERT_TRUE(rw->WriteBatch(std::vector<Document>{FullDocument("a")}).ok());
  }
  StatusOr<std::unique_ptr<Store>> ro = Store::Open(path, OpenMode::kReadOnly);
  ASSERT_TRUE(ro.ok()) << ro.status().ToString();
  EXPECT_TRUE((*ro)->Load("a").ok());
  EXPECT_FALSE((*ro)->WriteBatch(std::vector<Document>{FullDocument("b")}).ok());
}

TEST(StoreRoundTrip, LoadGivesBackEveryField) {
  TempDir dir;
  auto store = MustOpen(dir.Path("rt.db"));
  ASSERT_NE(store, nullptr);
  const Document doc = FullDocument();
  ASSERT_TRUE(doc.Validate().ok()) << doc.Validate().ToString();
  ASSERT_TRUE(store->WriteBatch(std::vector<Document>{doc}).ok());
  StatusOr<Document> back = store->Load("doc-1");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameDocument(doc, *back);
}

TEST(StoreRoundTrip, MinimalDocumentWithoutDate) {
  TempDir dir;
  auto store = MustOpen(dir.Path("min.db"));
  ASSERT_NE(store, nullptr);
  Document doc;
  doc.id = "bare";
  doc.text = "Caf\xC3\xA9 text with \u2019 quote.";
  ASSERT_TRUE(store->WriteBatch(std::vector<Document>{doc}).ok());
  StatusOr<Document> back = store->Load("bare");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  doc.content_hash = ContentHash(doc.title, doc.text);  // the store fills it in
  ExpectSameDocument(doc, *back);
}

TEST(StoreRoundTrip, ParsedDocumentReloadsWithTheSameChunks) {
  TempDir dir;
  auto store = MustOpen(dir.Path("parsed.db"));
  ASSERT_NE(store, nullptr);
  // "The delegation's visit was cancelled" with a UD parse.
  Document doc;
  doc.id = "parsed";
  doc.text = "The delegation's visit was cancelled";
  const struct {
    Span span;
    const char *upos, *deprel;
    int32_t head;
  } words[] = {{{0, 3}, "DET", "det", 1},        {{4, 14}, "NOUN", "nmod:poss", 3},
               {{14, 16}, "PART", "case", 1},    {{17, 22}, "NOUN", "nsubj:pass", 5},
               {{23, 26}, "AUX", "aux:pass", 5}, {{27, 36}, "VERB", "root", 5}};
  for (const auto& w : words) {
    Token t;
    t.span = w.span;
    t.space_after = w.span.end != 14 && w.span.end != 36;
    t.upos = syntax::UposId(w.upos);
    t.deprel = syntax::DeprelId(w.deprel);
    t.head = w.head;
    doc.tokens.push_back(t);
  }
  doc.sentences = {Sentence{{0, 36}, {0, 6}, 0}};
  doc.paragraphs = {Paragraph{{0, 36}, {0, 1}}};
  doc.content_hash = ContentHash(doc.title, doc.text);
  syntax::BuildChunks(doc);
  ASSERT_EQ(doc.chunks.size(), 2u);
  ASSERT_TRUE(doc.Validate().ok()) << doc.Validate().ToString();
  ASSERT_TRUE(store->WriteBatch(std::vector<Document>{doc}).ok());
  StatusOr<Document> back = store->Load("parsed");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameDocument(doc, *back);
}

TEST(StoreRoundTrip, UnknownIdIsNotFound) {
  TempDir dir;
  auto store = MustOpen(dir.Path("nf.db"));
  ASSERT_NE(store, nullptr);
  StatusOr<Document> back = store->Load("x");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(back.status().message(), "no document with id 'x'");
}

}  // namespace
}  // namespace annals
