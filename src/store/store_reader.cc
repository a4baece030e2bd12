// Reading one Document back from the store: the documents row, then every
// child table in idx order. Stored JSON lists are parsed without exceptions
// and checked for shape; a malformed value is reported as kStore rather
// than guessed at. Chunks are not stored: they are rebuilt from the
// tokens' heads, so they always agree with the stored parse.
// Tested by store_test.cc.
#include <cmath>
#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"
#include "store/token_codec.h"
#include "syntax/chunks.h"

namespace annals::internal {
namespace {

// Columns added by a migration are NULL (NaN) in older rows.
float NanToZero(double v) { return std::isnan(v) ? 0.0f : static_cast<float>(v); }

Status Corrupt(const std::string& what) {
  return Status(ErrorCode::kStore, "stored " + what + " is corrupt");
}

// Parses without exceptions; the result is discarded() on any error. The
// stored lists are flat, so the parser's depth is bounded by what we wrote.
nlohmann::json Parse(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

Status ParseMetadata(const std::string& text, Document* doc) {
  const nlohmann::json j = Parse(text);
  if (!j.is_array()) return Corrupt("metadata");
  for (const auto& pair : j) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
      return Corrupt("metadata");
    doc->metadata.emplace_back(pair[0].get<std::string>(), pair[1].get<std::string>());
  }
  return Status::Ok();
}

Status ParseStages(const std::string& text, Document* doc) {
  const nlohmann::json j = Parse(text);
  if (!j.is_array()) return Corrupt("stage list");
  for (const auto& s : j) {
    if (!s.is_string()) return Corrupt("stage list");
    doc->stages.push_back(s.get<std::string>());
  }
  return Status::Ok();
}

Status ParseIndexList(const std::string& text, std::vector<uint32_t>* out) {
  const nlohmann::json j = Parse(text);
  if (!j.is_array()) return Corrupt("actor mention list");
  for (const auto& v : j) {
    if (!v.is_number_unsigned() || v.get<uint64_t>() > UINT32_MAX)
      return Corrupt("actor mention list");
    out->push_back(v.get<uint32_t>());
  }
  return Status::Ok();
}

uint32_t U32(Row& r) { return static_cast<uint32_t>(r.Int()); }
int32_t I32(Row& r) { return static_cast<int32_t>(r.Int()); }
Span SpanOf(Row& r) {
  const uint32_t b = U32(r);
  return Span{b, U32(r)};
}
IndexRange RangeOf(Row& r) {
  const uint32_t b = U32(r);
  return IndexRange{b, U32(r)};
}
Evidence EvidenceOf(Row& r) {
  Evidence e;
  e.rule = r.Text();
  e.file = r.Text();
  e.line = U32(r);
  return e;
}

// Runs `query` for document `rowid` and calls read(row) for each row.
template <typename Fn>
Status ForEachRow(Db& db, Stmt& query, int64_t rowid, Fn read) {
  ResetOnExit reset(query);
  Binder(query).Int(rowid);
  int rc;
  while ((rc = query.Step()) == SQLITE_ROW) {
    Row r(query);
    ANNALS_RETURN_IF_ERROR(read(r));
  }
  if (rc != SQLITE_DONE) return db.Error("reading a document");
  return Status::Ok();
}

}  // namespace

Status SqliteStore::LoadDocument(const std::string& id, Document* doc) {
  Stmt& load = q(Query::kLoadDocument);
  int64_t rowid = 0;
  {
    ResetOnExit reset(load);
    Binder(load).Text(id);
    const int rc = load.Step();
    if (rc == SQLITE_DONE) return Status(ErrorCode::kNotFound, "no document with id '" + id + "'");
    if (rc != SQLITE_ROW) return db_.Error("reading document '" + id + "'");
    Row r(load);
    rowid = r.Int();
    doc->id = r.Text();
    doc->content_hash = r.Text();
    doc->format = r.Text();
    doc->origin.path = r.Text();
    doc->origin.record = static_cast<uint64_t>(r.Int());
    doc->source = r.Text();
    doc->url = r.Text();
    if (!r.IsNull()) {
      PublishedTime t;
      // A date this program cannot parse (written by a newer one) is dropped
      // rather than making the whole document unreadable.
      if (PublishedTime::ParseIso(r.Text(), &t)) doc->published = t;
    } else {
      r.Skip();
    }
    doc->title = r.Text();
    doc->dateline_place = r.Text();
    doc->language = r.Text();
    doc->text = r.Text();
    ANNALS_RETURN_IF_ERROR(ParseMetadata(r.Text(), doc));
    ANNALS_RETURN_IF_ERROR(ParseStages(r.Text(), doc));
    ANNALS_RETURN_IF_ERROR(DecodeTokens(r.Blob(), &doc->tokens));
    if (!r.IsNull()) {
      doc->duplicate_of = r.Text();
    } else {
      r.Skip();
    }
  }
  ANNALS_RETURN_IF_ERROR(LoadStructure(rowid, doc));
  syntax::BuildChunks(*doc);
  return LoadAnnotations(rowid, doc);
}

Status SqliteStore::LoadStructure(int64_t rowid, Document* doc) {
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadParagraphs), rowid, [&](Row& r) {
    Paragraph& p = doc->paragraphs.emplace_back();
    p.span = SpanOf(r);
    p.sentences = RangeOf(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadSentences), rowid, [&](Row& r) {
    Sentence& s = doc->sentences.emplace_back();
    s.span = SpanOf(r);
    s.paragraph = U32(r);
    s.tokens = RangeOf(r);
    return Status::Ok();
  }));
  return ForEachRow(db_, q(Query::kLoadDiagnostics), rowid, [&](Row& r) {
    Diagnostic& d = doc->diagnostics.emplace_back();
    d.stage = r.Text();
    d.code = static_cast<ErrorCode>(r.Int());
    d.message = r.Text();
    return Status::Ok();
  });
}

Status SqliteStore::LoadAnnotations(int64_t rowid, Document* doc) {
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadMentions), rowid, [&](Row& r) {
    Mention& m = doc->mentions.emplace_back();
    m.span = SpanOf(r);
    m.sentence = U32(r);
    m.tokens = RangeOf(r);
    m.kind = ParseMentionKind(r.Text());
    m.entry = r.Text();
    m.evidence = EvidenceOf(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadActors), rowid, [&](Row& r) {
    Actor& a = doc->actors.emplace_back();
    a.code = r.Text();
    a.name = r.Text();
    ANNALS_RETURN_IF_ERROR(ParseIndexList(r.Text(), &a.mentions));
    a.evidence = EvidenceOf(r);
    a.kind = r.Text();
    a.role = r.Text();
    a.span = SpanOf(r);
    a.sentence = U32(r);
    a.head = U32(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadEvents), rowid, [&](Row& r) {
    Event& e = doc->events.emplace_back();
    e.span = SpanOf(r);
    e.sentence = U32(r);
    e.code = r.Text();
    e.source = I32(r);
    e.target = I32(r);
    e.place = I32(r);
    e.date = r.Text();
    e.confidence = static_cast<float>(r.Double());
    e.evidence = EvidenceOf(r);
    e.trigger = U32(r);
    e.root = r.Text();
    e.goldstein = r.Double();
    e.quad_class = static_cast<int>(r.Int());
    e.plover_event = r.Text();
    e.plover_mode = r.Text();
    e.negated = r.Int() != 0;
    e.hypothetical = r.Int() != 0;
    e.attribution = I32(r);
    e.source_place = I32(r);
    e.target_place = I32(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadPlaces), rowid, [&](Row& r) {
    Place& p = doc->places.emplace_back();
    p.span = SpanOf(r);
    p.sentence = U32(r);
    p.name = r.Text();
    p.country = r.Text();
    p.latitude = r.Double();
    p.longitude = r.Double();
    p.evidence = EvidenceOf(r);
    p.tokens.begin = U32(r);
    p.tokens.end = U32(r);
    p.full_name = r.Text();
    p.kind = r.Text();
    p.fips = r.Text();
    p.admin1 = r.Text();
    p.admin1_name = r.Text();
    p.feature = r.Text();
    p.geonames_id = r.Int();
    p.confidence = static_cast<float>(r.Double());
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadQuotes), rowid, [&](Row& r) {
    Quote& x = doc->quotes.emplace_back();
    x.span = SpanOf(r);
    x.sentence = U32(r);
    x.speaker_span = SpanOf(r);
    x.speaker = I32(r);
    x.evidence = EvidenceOf(r);
    x.last_sentence = U32(r);
    x.kind = ParseQuoteKind(r.Text());
    x.speaker_name = r.Text();
    x.speaker_code = r.Text();
    x.verb = r.Text();
    x.verb_span = SpanOf(r);
    x.reporter = I32(r);
    x.reporter_name = r.Text();
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadCounts), rowid, [&](Row& r) {
    Count& c = doc->counts.emplace_back();
    c.span = SpanOf(r);
    c.sentence = U32(r);
    c.value = r.Double();
    c.unit = r.Text();
    c.evidence = EvidenceOf(r);
    c.value_max = r.Double();
    if (std::isnan(c.value_max)) c.value_max = c.value;  // a row from before v4
    c.qualifier = ParseCountQualifier(r.Text());
    c.type = r.Text();
    c.object = r.Text();
    c.object_span = SpanOf(r);
    c.place = I32(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadTones), rowid, [&](Row& r) {
    Tone& t = doc->tones.emplace_back();
    t.span = SpanOf(r);
    t.positive = static_cast<float>(r.Double());
    t.negative = static_cast<float>(r.Double());
    t.polarity = static_cast<float>(r.Double());
    t.evidence = EvidenceOf(r);
    t.sentence = I32(r);
    t.activity = NanToZero(r.Double());
    t.self_reference = NanToZero(r.Double());
    t.group_reference = NanToZero(r.Double());
    t.words = U32(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadDates), rowid, [&](Row& r) {
    DateMention& m = doc->dates.emplace_back();
    m.span = SpanOf(r);
    m.sentence = U32(r);
    m.resolved = r.Text();
    m.granularity = r.Text();
    m.evidence = EvidenceOf(r);
    return Status::Ok();
  }));
  ANNALS_RETURN_IF_ERROR(ForEachRow(db_, q(Query::kLoadFramings), rowid, [&](Row& r) {
    Framing& f = doc->framings.emplace_back();
    f.span = SpanOf(r);
    f.sentence = U32(r);
    f.term = r.Text();
    f.category = r.Text();
    f.evidence = EvidenceOf(r);
    return Status::Ok();
  }));
  return ForEachRow(db_, q(Query::kLoadThemes), rowid, [&](Row& r) {
    Theme& t = doc->themes.emplace_back();
    t.name = r.Text();
    t.mentions = U32(r);
    t.first = SpanOf(r);
    t.evidence = EvidenceOf(r);
    return Status::Ok();
  });
}

}  // namespace annals::internal
