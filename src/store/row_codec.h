// Internal header (not public API): the child tables' columns, and how one
// annotation becomes a row and a row becomes an annotation, shared by the
// SQLite and PostgreSQL stores.
//
// Why one place: both stores hold the same tables with the same columns in
// the same order (docs/store.md), and a column added to one writer but not
// the other, or read back in another order, would silently shift values.
// Each table is a struct with its name, its columns after (doc, idx), the
// Document vector it holds, and Write / Read templates over a cursor:
//   Sink:   Int(int64_t), Double(double), Text(string_view), TextCopy(string)
//   Source: Int() -> int64_t, Double() -> double (NULL is NaN), Text() -> string
// in column order (store/sqlite.h's Binder and Row are such cursors).
//
// Tested by store_test.cc and postgres_store_test.cc (round trips).
#ifndef ANNALS_STORE_ROW_CODEC_H_
#define ANNALS_STORE_ROW_CODEC_H_

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "annals/document.h"
#include "annals/status.h"
#include "annals/store.h"
#include "store/token_codec.h"

namespace annals::internal {

// JSON text of a Document's metadata pairs, stage list and an actor's
// mention list, as stored; and back (kStore when malformed).
std::string MetadataJson(const Document& doc);
std::string StagesJson(const Document& doc);
std::string IndexListJson(const std::vector<uint32_t>& list);
Status ParseMetadata(const std::string& text, Document* doc);
Status ParseStages(const std::string& text, Document* doc);
Status ParseIndexList(const std::string& text, std::vector<uint32_t>* out);

// A documents row as both stores' loads select it, after its rowid: id,
// content_hash, format, origin path and record, source, url, published,
// title, dateline_place, language, text, metadata, stages, tokens and the
// original's id. read_tokens(r, &bytes) reads the tokens column (a blob in
// SQLite, bytea text in PostgreSQL). NULLs read as "".
template <typename Source, typename ReadTokens>
Status ReadDocumentRow(Source& r, ReadTokens read_tokens, Document* doc) {
  doc->id = r.Text();
  doc->content_hash = r.Text();
  doc->format = r.Text();
  doc->origin.path = r.Text();
  doc->origin.record = static_cast<uint64_t>(r.Int());
  doc->source = r.Text();
  doc->url = r.Text();
  const bool has_date = !r.IsNull();
  const std::string published = r.Text();
  PublishedTime t;
  // A date this program cannot parse (written by a newer one) is dropped
  // rather than making the whole document unreadable.
  if (has_date && PublishedTime::ParseIso(published, &t)) doc->published = t;
  doc->title = r.Text();
  doc->dateline_place = r.Text();
  doc->language = r.Text();
  doc->text = r.Text();
  ANNALS_RETURN_IF_ERROR(ParseMetadata(r.Text(), doc));
  ANNALS_RETURN_IF_ERROR(ParseStages(r.Text(), doc));
  std::string tokens;
  ANNALS_RETURN_IF_ERROR(read_tokens(r, &tokens));
  ANNALS_RETURN_IF_ERROR(DecodeTokens(tokens, &doc->tokens));
  doc->duplicate_of = r.Text();
  return Status::Ok();
}

// "a, b, c" for a column list, with `prefix` columns first.
template <size_t N>
std::string ColumnList(const std::array<std::string_view, N>& columns,
                       std::string_view prefix = "") {
  std::string out(prefix);
  for (std::string_view c : columns) {
    if (!out.empty()) out += ", ";
    out += c;
  }
  return out;
}

// The tables `Store::Stats` counts rows of, with where each count goes.
inline std::array<std::pair<const char*, uint64_t*>, 13> CountedTables(StoreStats& stats) {
  return {{{"paragraphs", &stats.paragraphs},
           {"sentences", &stats.sentences},
           {"mentions", &stats.mentions},
           {"actors", &stats.actors},
           {"events", &stats.events},
           {"places", &stats.places},
           {"quotes", &stats.quotes},
           {"counts", &stats.counts},
           {"tones", &stats.tones},
           {"dates", &stats.dates},
           {"framings", &stats.framings},
           {"themes", &stats.themes},
           {"diagnostics", &stats.diagnostics}}};
}

namespace row {

// Columns added by a migration are NULL (NaN) in older rows.
inline float NanToZero(double v) { return std::isnan(v) ? 0.0f : static_cast<float>(v); }

template <typename Source>
uint32_t U32(Source& r) {
  return static_cast<uint32_t>(r.Int());
}
template <typename Source>
int32_t I32(Source& r) {
  return static_cast<int32_t>(r.Int());
}
template <typename Source>
Span SpanOf(Source& r) {
  const uint32_t b = U32(r);
  return Span{b, U32(r)};
}
template <typename Source>
IndexRange RangeOf(Source& r) {
  const uint32_t b = U32(r);
  return IndexRange{b, U32(r)};
}
template <typename Source>
Evidence EvidenceOf(Source& r) {
  Evidence e;
  e.rule = r.Text();
  e.file = r.Text();
  e.line = U32(r);
  return e;
}
template <typename Sink>
void PutEvidence(Sink& s, const Evidence& e) {
  s.Text(e.rule).Text(e.file).Int(e.line);
}

}  // namespace row

struct ParagraphRows {
  static constexpr std::string_view kTable = "paragraphs";
  static constexpr std::array<std::string_view, 4> kColumns = {"span_begin", "span_end",
                                                               "first_sentence", "end_sentence"};
  static auto& Items(auto& doc) { return doc.paragraphs; }
  template <typename Sink>
  static void Write(Sink& s, const Paragraph& p) {
    s.Int(p.span.begin).Int(p.span.end).Int(p.sentences.begin).Int(p.sentences.end);
  }
  template <typename Source>
  static Status Read(Source& r, Paragraph* p) {
    p->span = row::SpanOf(r);
    p->sentences = row::RangeOf(r);
    return Status::Ok();
  }
};

struct SentenceRows {
  static constexpr std::string_view kTable = "sentences";
  static constexpr std::array<std::string_view, 5> kColumns = {
      "span_begin", "span_end", "paragraph", "first_token", "end_token"};
  static auto& Items(auto& doc) { return doc.sentences; }
  template <typename Sink>
  static void Write(Sink& s, const Sentence& x) {
    s.Int(x.span.begin).Int(x.span.end).Int(x.paragraph).Int(x.tokens.begin).Int(x.tokens.end);
  }
  template <typename Source>
  static Status Read(Source& r, Sentence* x) {
    x->span = row::SpanOf(r);
    x->paragraph = row::U32(r);
    x->tokens = row::RangeOf(r);
    return Status::Ok();
  }
};

struct DiagnosticRows {
  static constexpr std::string_view kTable = "diagnostics";
  static constexpr std::array<std::string_view, 3> kColumns = {"stage", "code", "message"};
  static auto& Items(auto& doc) { return doc.diagnostics; }
  template <typename Sink>
  static void Write(Sink& s, const Diagnostic& d) {
    s.Text(d.stage).Int(static_cast<int>(d.code)).Text(d.message);
  }
  template <typename Source>
  static Status Read(Source& r, Diagnostic* d) {
    d->stage = r.Text();
    d->code = static_cast<ErrorCode>(r.Int());
    d->message = r.Text();
    return Status::Ok();
  }
};

struct MentionRows {
  static constexpr std::string_view kTable = "mentions";
  static constexpr std::array<std::string_view, 10> kColumns = {
      "span_begin", "span_end", "sentence", "first_token", "end_token",
      "kind",       "entry",    "rule",     "file",        "line"};
  static auto& Items(auto& doc) { return doc.mentions; }
  template <typename Sink>
  static void Write(Sink& s, const Mention& m) {
    s.Int(m.span.begin).Int(m.span.end).Int(m.sentence).Int(m.tokens.begin).Int(m.tokens.end);
    s.Text(MentionKindName(m.kind)).Text(m.entry);
    row::PutEvidence(s, m.evidence);
  }
  template <typename Source>
  static Status Read(Source& r, Mention* m) {
    m->span = row::SpanOf(r);
    m->sentence = row::U32(r);
    m->tokens = row::RangeOf(r);
    m->kind = ParseMentionKind(r.Text());
    m->entry = r.Text();
    m->evidence = row::EvidenceOf(r);
    return Status::Ok();
  }
};

struct ActorRows {
  static constexpr std::string_view kTable = "actors";
  static constexpr std::array<std::string_view, 12> kColumns = {
      "code", "name", "mentions",   "rule",     "file",     "line",
      "kind", "role", "span_begin", "span_end", "sentence", "head"};
  static auto& Items(auto& doc) { return doc.actors; }
  template <typename Sink>
  static void Write(Sink& s, const Actor& a) {
    s.Text(a.code).Text(a.name).TextCopy(IndexListJson(a.mentions));
    row::PutEvidence(s, a.evidence);
    s.Text(a.kind).Text(a.role).Int(a.span.begin).Int(a.span.end).Int(a.sentence).Int(a.head);
  }
  template <typename Source>
  static Status Read(Source& r, Actor* a) {
    a->code = r.Text();
    a->name = r.Text();
    ANNALS_RETURN_IF_ERROR(ParseIndexList(r.Text(), &a->mentions));
    a->evidence = row::EvidenceOf(r);
    a->kind = r.Text();
    a->role = r.Text();
    a->span = row::SpanOf(r);
    a->sentence = row::U32(r);
    a->head = row::U32(r);
    return Status::Ok();
  }
};

struct EventRows {
  static constexpr std::string_view kTable = "events";
  static constexpr std::array<std::string_view, 23> kColumns = {
      "span_begin",    "span_end",     "sentence",    "code",         "source",       "target",
      "place",         "date",         "confidence",  "rule",         "file",         "line",
      "trigger_token", "root",         "goldstein",   "quad_class",   "plover_event", "plover_mode",
      "negated",       "hypothetical", "attribution", "source_place", "target_place"};
  static auto& Items(auto& doc) { return doc.events; }
  template <typename Sink>
  static void Write(Sink& s, const Event& e) {
    s.Int(e.span.begin).Int(e.span.end).Int(e.sentence);
    s.Text(e.code).Int(e.source).Int(e.target).Int(e.place).Text(e.date).Double(e.confidence);
    row::PutEvidence(s, e.evidence);
    s.Int(e.trigger).Text(e.root).Double(e.goldstein).Int(e.quad_class);
    s.Text(e.plover_event).Text(e.plover_mode);
    s.Int(e.negated ? 1 : 0).Int(e.hypothetical ? 1 : 0).Int(e.attribution);
    s.Int(e.source_place).Int(e.target_place);
  }
  template <typename Source>
  static Status Read(Source& r, Event* e) {
    e->span = row::SpanOf(r);
    e->sentence = row::U32(r);
    e->code = r.Text();
    e->source = row::I32(r);
    e->target = row::I32(r);
    e->place = row::I32(r);
    e->date = r.Text();
    e->confidence = static_cast<float>(r.Double());
    e->evidence = row::EvidenceOf(r);
    e->trigger = row::U32(r);
    e->root = r.Text();
    e->goldstein = r.Double();
    e->quad_class = static_cast<int>(r.Int());
    e->plover_event = r.Text();
    e->plover_mode = r.Text();
    e->negated = r.Int() != 0;
    e->hypothetical = r.Int() != 0;
    e->attribution = row::I32(r);
    e->source_place = row::I32(r);
    e->target_place = row::I32(r);
    return Status::Ok();
  }
};

struct PlaceRows {
  static constexpr std::string_view kTable = "places";
  static constexpr std::array<std::string_view, 20> kColumns = {
      "span_begin",  "span_end",    "sentence",  "name",        "country",
      "latitude",    "longitude",   "rule",      "file",        "line",
      "token_begin", "token_end",   "full_name", "kind",        "fips",
      "admin1",      "admin1_name", "feature",   "geonames_id", "confidence"};
  static auto& Items(auto& doc) { return doc.places; }
  template <typename Sink>
  static void Write(Sink& s, const Place& p) {
    s.Int(p.span.begin).Int(p.span.end).Int(p.sentence).Text(p.name).Text(p.country);
    s.Double(p.latitude).Double(p.longitude);
    row::PutEvidence(s, p.evidence);
    s.Int(p.tokens.begin).Int(p.tokens.end).Text(p.full_name).Text(p.kind);
    s.Text(p.fips).Text(p.admin1).Text(p.admin1_name).Text(p.feature).Int(p.geonames_id);
    s.Double(p.confidence);
  }
  template <typename Source>
  static Status Read(Source& r, Place* p) {
    p->span = row::SpanOf(r);
    p->sentence = row::U32(r);
    p->name = r.Text();
    p->country = r.Text();
    p->latitude = r.Double();
    p->longitude = r.Double();
    p->evidence = row::EvidenceOf(r);
    p->tokens.begin = row::U32(r);
    p->tokens.end = row::U32(r);
    p->full_name = r.Text();
    p->kind = r.Text();
    p->fips = r.Text();
    p->admin1 = r.Text();
    p->admin1_name = r.Text();
    p->feature = r.Text();
    p->geonames_id = r.Int();
    p->confidence = static_cast<float>(r.Double());
    return Status::Ok();
  }
};

struct QuoteRows {
  static constexpr std::string_view kTable = "quotes";
  static constexpr std::array<std::string_view, 18> kColumns = {
      "span_begin",   "span_end", "sentence",   "speaker_begin", "speaker_end", "speaker",
      "rule",         "file",     "line",       "last_sentence", "kind",        "speaker_name",
      "speaker_code", "verb",     "verb_begin", "verb_end",      "reporter",    "reporter_name"};
  static auto& Items(auto& doc) { return doc.quotes; }
  template <typename Sink>
  static void Write(Sink& s, const Quote& x) {
    s.Int(x.span.begin).Int(x.span.end).Int(x.sentence);
    s.Int(x.speaker_span.begin).Int(x.speaker_span.end).Int(x.speaker);
    row::PutEvidence(s, x.evidence);
    s.Int(x.last_sentence).Text(QuoteKindName(x.kind));
    s.Text(x.speaker_name).Text(x.speaker_code).Text(x.verb);
    s.Int(x.verb_span.begin).Int(x.verb_span.end).Int(x.reporter).Text(x.reporter_name);
  }
  template <typename Source>
  static Status Read(Source& r, Quote* x) {
    x->span = row::SpanOf(r);
    x->sentence = row::U32(r);
    x->speaker_span = row::SpanOf(r);
    x->speaker = row::I32(r);
    x->evidence = row::EvidenceOf(r);
    x->last_sentence = row::U32(r);
    x->kind = ParseQuoteKind(r.Text());
    x->speaker_name = r.Text();
    x->speaker_code = r.Text();
    x->verb = r.Text();
    x->verb_span = row::SpanOf(r);
    x->reporter = row::I32(r);
    x->reporter_name = r.Text();
    return Status::Ok();
  }
};

struct CountRows {
  static constexpr std::string_view kTable = "counts";
  static constexpr std::array<std::string_view, 15> kColumns = {
      "span_begin", "span_end",  "sentence", "value",  "unit",         "rule",       "file", "line",
      "value_max",  "qualifier", "type",     "object", "object_begin", "object_end", "place"};
  static auto& Items(auto& doc) { return doc.counts; }
  template <typename Sink>
  static void Write(Sink& s, const Count& c) {
    s.Int(c.span.begin).Int(c.span.end).Int(c.sentence).Double(c.value).Text(c.unit);
    row::PutEvidence(s, c.evidence);
    s.Double(c.value_max).Text(CountQualifierName(c.qualifier)).Text(c.type).Text(c.object);
    s.Int(c.object_span.begin).Int(c.object_span.end).Int(c.place);
  }
  template <typename Source>
  static Status Read(Source& r, Count* c) {
    c->span = row::SpanOf(r);
    c->sentence = row::U32(r);
    c->value = r.Double();
    c->unit = r.Text();
    c->evidence = row::EvidenceOf(r);
    c->value_max = r.Double();
    if (std::isnan(c->value_max)) c->value_max = c->value;  // a row from before v4
    c->qualifier = ParseCountQualifier(r.Text());
    c->type = r.Text();
    c->object = r.Text();
    c->object_span = row::SpanOf(r);
    c->place = row::I32(r);
    return Status::Ok();
  }
};

struct ToneRows {
  static constexpr std::string_view kTable = "tones";
  static constexpr std::array<std::string_view, 13> kColumns = {
      "span_begin", "span_end", "positive", "negative",       "polarity",        "rule", "file",
      "line",       "sentence", "activity", "self_reference", "group_reference", "words"};
  static auto& Items(auto& doc) { return doc.tones; }
  template <typename Sink>
  static void Write(Sink& s, const Tone& t) {
    s.Int(t.span.begin).Int(t.span.end).Double(t.positive).Double(t.negative).Double(t.polarity);
    row::PutEvidence(s, t.evidence);
    s.Int(t.sentence).Double(t.activity).Double(t.self_reference).Double(t.group_reference);
    s.Int(t.words);
  }
  template <typename Source>
  static Status Read(Source& r, Tone* t) {
    t->span = row::SpanOf(r);
    t->positive = static_cast<float>(r.Double());
    t->negative = static_cast<float>(r.Double());
    t->polarity = static_cast<float>(r.Double());
    t->evidence = row::EvidenceOf(r);
    t->sentence = row::I32(r);
    t->activity = row::NanToZero(r.Double());
    t->self_reference = row::NanToZero(r.Double());
    t->group_reference = row::NanToZero(r.Double());
    t->words = row::U32(r);
    return Status::Ok();
  }
};

struct DateRows {
  static constexpr std::string_view kTable = "dates";
  static constexpr std::array<std::string_view, 8> kColumns = {
      "span_begin", "span_end", "sentence", "resolved", "granularity", "rule", "file", "line"};
  static auto& Items(auto& doc) { return doc.dates; }
  template <typename Sink>
  static void Write(Sink& s, const DateMention& m) {
    s.Int(m.span.begin).Int(m.span.end).Int(m.sentence).Text(m.resolved).Text(m.granularity);
    row::PutEvidence(s, m.evidence);
  }
  template <typename Source>
  static Status Read(Source& r, DateMention* m) {
    m->span = row::SpanOf(r);
    m->sentence = row::U32(r);
    m->resolved = r.Text();
    m->granularity = r.Text();
    m->evidence = row::EvidenceOf(r);
    return Status::Ok();
  }
};

struct FramingRows {
  static constexpr std::string_view kTable = "framings";
  static constexpr std::array<std::string_view, 8> kColumns = {
      "span_begin", "span_end", "sentence", "term", "category", "rule", "file", "line"};
  static auto& Items(auto& doc) { return doc.framings; }
  template <typename Sink>
  static void Write(Sink& s, const Framing& f) {
    s.Int(f.span.begin).Int(f.span.end).Int(f.sentence).Text(f.term).Text(f.category);
    row::PutEvidence(s, f.evidence);
  }
  template <typename Source>
  static Status Read(Source& r, Framing* f) {
    f->span = row::SpanOf(r);
    f->sentence = row::U32(r);
    f->term = r.Text();
    f->category = r.Text();
    f->evidence = row::EvidenceOf(r);
    return Status::Ok();
  }
};

struct ThemeRows {
  static constexpr std::string_view kTable = "themes";
  static constexpr std::array<std::string_view, 7> kColumns = {
      "name", "mentions", "first_begin", "first_end", "rule", "file", "line"};
  static auto& Items(auto& doc) { return doc.themes; }
  template <typename Sink>
  static void Write(Sink& s, const Theme& t) {
    s.Text(t.name).Int(t.mentions).Int(t.first.begin).Int(t.first.end);
    row::PutEvidence(s, t.evidence);
  }
  template <typename Source>
  static Status Read(Source& r, Theme* t) {
    t->name = r.Text();
    t->mentions = row::U32(r);
    t->first = row::SpanOf(r);
    t->evidence = row::EvidenceOf(r);
    return Status::Ok();
  }
};

// Every child table, in the order they are written and read (structure
// first, then annotations: the order the stages produce them).
using ChildTables =
    std::tuple<ParagraphRows, SentenceRows, DiagnosticRows, MentionRows, ActorRows, EventRows,
               PlaceRows, QuoteRows, CountRows, ToneRows, DateRows, FramingRows, ThemeRows>;

// Calls fn(Table{}) for each child table in order; stops at the first error.
template <typename Fn>
Status ForEachChildTable(Fn&& fn) {
  Status status;
  std::apply([&](auto... table) { ((status = status.ok() ? fn(table) : status), ...); },
             ChildTables{});
  return status;
}

}  // namespace annals::internal

#endif  // ANNALS_STORE_ROW_CODEC_H_
