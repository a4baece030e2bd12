// Writing one Document into the store: the documents row, then one row per
// paragraph, sentence and annotation, all through cached statements.
// Lists inside a row (metadata, stages, an actor's mentions) are stored as
// JSON text so that SQL users can read them with json_each().
// Tested by store_test.cc.
#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"
#include "store/token_codec.h"

namespace annals::internal {
namespace {

// Never throws: invalid UTF-8 is replaced rather than refused, since the
// text stages guarantee valid UTF-8 for everything a reader produced.
std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string MetadataJson(const Document& doc) {
  nlohmann::json pairs = nlohmann::json::array();
  for (const auto& [name, value] : doc.metadata) pairs.push_back({name, value});
  return Dump(pairs);
}

Binder& BindEvidence(Binder& b, const Evidence& e) {
  return b.Text(e.rule).Text(e.file).Int(e.line);
}

}  // namespace

Status SqliteStore::InsertDocument(const Document& doc, const std::string& id,
                                   const std::string& hash, int64_t duplicate_of,
                                   const std::string& signature, int64_t* rowid) {
  EncodeTokens(doc.tokens, &buffer_);
  const std::string metadata = MetadataJson(doc);
  const std::string stages = Dump(nlohmann::json(doc.stages));
  const std::string published = doc.published ? doc.published->ToIso() : std::string();
  Stmt& ins = q(Query::kInsertDocument);
  Binder b(ins);
  b.Text(id).Text(hash).Text(doc.format).Text(doc.origin.path);
  b.Int(static_cast<int64_t>(doc.origin.record)).Text(doc.source).Text(doc.url);
  if (doc.published) {
    b.Text(published);
  } else {
    b.Null();
  }
  b.Text(doc.title).Text(doc.dateline_place).Text(doc.language).Text(doc.text);
  b.Text(metadata).Text(stages).Int(static_cast<int64_t>(doc.tokens.size())).Blob(buffer_);
  if (duplicate_of >= 0) {
    b.Int(duplicate_of);
  } else {
    b.Null();
  }
  b.Blob(signature);
  ANNALS_RETURN_IF_ERROR(Done(ins, "inserting the document"));
  *rowid = sqlite3_last_insert_rowid(db_.get());
  return Status::Ok();
}

Status SqliteStore::InsertStructure(const Document& doc, int64_t rowid) {
  ANNALS_RETURN_IF_ERROR(
      InsertRows(Query::kInsertParagraph, rowid, doc.paragraphs, "inserting a paragraph",
                 [](Binder& b, const Paragraph& p) {
                   b.Int(p.span.begin).Int(p.span.end).Int(p.sentences.begin).Int(p.sentences.end);
                 }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertSentence, rowid, doc.sentences,
                                    "inserting a sentence", [](Binder& b, const Sentence& s) {
                                      b.Int(s.span.begin).Int(s.span.end).Int(s.paragraph);
                                      b.Int(s.tokens.begin).Int(s.tokens.end);
                                    }));
  return InsertRows(Query::kInsertDiagnostic, rowid, doc.diagnostics, "inserting a diagnostic",
                    [](Binder& b, const Diagnostic& d) {
                      b.Text(d.stage).Int(static_cast<int>(d.code)).Text(d.message);
                    });
}

// Annotation rows: (document, index, the annotation's own fields, evidence).
Status SqliteStore::InsertAnnotations(const Document& doc, int64_t rowid) {
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertMention, rowid, doc.mentions,
                                    "inserting a mention", [](Binder& b, const Mention& m) {
                                      b.Int(m.span.begin).Int(m.span.end).Int(m.sentence);
                                      b.Int(m.tokens.begin).Int(m.tokens.end);
                                      b.Text(MentionKindName(m.kind)).Text(m.entry);
                                      BindEvidence(b, m.evidence);
                                    }));
  ANNALS_RETURN_IF_ERROR(InsertRows(
      Query::kInsertActor, rowid, doc.actors, "inserting an actor", [](Binder& b, const Actor& a) {
        b.Text(a.code).Text(a.name).TextCopy(Dump(nlohmann::json(a.mentions)));
        BindEvidence(b, a.evidence);
        b.Text(a.kind).Text(a.role).Int(a.span.begin).Int(a.span.end).Int(a.sentence).Int(a.head);
      }));
  ANNALS_RETURN_IF_ERROR(InsertRows(
      Query::kInsertEvent, rowid, doc.events, "inserting an event", [](Binder& b, const Event& e) {
        b.Int(e.span.begin).Int(e.span.end).Int(e.sentence);
        b.Text(e.code).Int(e.source).Int(e.target).Int(e.place).Text(e.date).Double(e.confidence);
        BindEvidence(b, e.evidence);
        b.Int(e.trigger).Text(e.root).Double(e.goldstein).Int(e.quad_class);
        b.Text(e.plover_event).Text(e.plover_mode);
        b.Int(e.negated ? 1 : 0).Int(e.hypothetical ? 1 : 0).Int(e.attribution);
        b.Int(e.source_place).Int(e.target_place);
      }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertPlace, rowid, doc.places, "inserting a place",
                                    [](Binder& b, const Place& p) {
                                      b.Int(p.span.begin).Int(p.span.end).Int(p.sentence);
                                      b.Text(p.name).Text(p.country);
                                      b.Double(p.latitude).Double(p.longitude);
                                      BindEvidence(b, p.evidence);
                                      b.Int(p.tokens.begin).Int(p.tokens.end).Text(p.full_name);
                                      b.Text(p.kind);
                                      b.Text(p.fips).Text(p.admin1).Text(p.admin1_name);
                                      b.Text(p.feature).Int(p.geonames_id);
                                      b.Double(p.confidence);
                                    }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertQuote, rowid, doc.quotes, "inserting a quote",
                                    [](Binder& b, const Quote& x) {
                                      b.Int(x.span.begin).Int(x.span.end).Int(x.sentence);
                                      b.Int(x.speaker_span.begin).Int(x.speaker_span.end);
                                      b.Int(x.speaker);
                                      BindEvidence(b, x.evidence);
                                      b.Int(x.last_sentence).Text(QuoteKindName(x.kind));
                                      b.Text(x.speaker_name).Text(x.speaker_code).Text(x.verb);
                                      b.Int(x.verb_span.begin).Int(x.verb_span.end);
                                      b.Int(x.reporter).Text(x.reporter_name);
                                    }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertCount, rowid, doc.counts, "inserting a count",
                                    [](Binder& b, const Count& c) {
                                      b.Int(c.span.begin).Int(c.span.end).Int(c.sentence);
                                      b.Double(c.value).Text(c.unit);
                                      BindEvidence(b, c.evidence);
                                      b.Double(c.value_max).Text(CountQualifierName(c.qualifier));
                                      b.Text(c.type).Text(c.object);
                                      b.Int(c.object_span.begin).Int(c.object_span.end);
                                      b.Int(c.place);
                                    }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertTone, rowid, doc.tones, "inserting a tone",
                                    [](Binder& b, const Tone& t) {
                                      b.Int(t.span.begin).Int(t.span.end);
                                      b.Double(t.positive).Double(t.negative);
                                      b.Double(t.polarity);
                                      BindEvidence(b, t.evidence);
                                      b.Int(t.sentence).Double(t.activity);
                                      b.Double(t.self_reference).Double(t.group_reference);
                                      b.Int(t.words);
                                    }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertDate, rowid, doc.dates, "inserting a date",
                                    [](Binder& b, const DateMention& m) {
                                      b.Int(m.span.begin).Int(m.span.end).Int(m.sentence);
                                      b.Text(m.resolved).Text(m.granularity);
                                      BindEvidence(b, m.evidence);
                                    }));
  ANNALS_RETURN_IF_ERROR(InsertRows(Query::kInsertFraming, rowid, doc.framings,
                                    "inserting a framing", [](Binder& b, const Framing& f) {
                                      b.Int(f.span.begin).Int(f.span.end).Int(f.sentence);
                                      b.Text(f.term).Text(f.category);
                                      BindEvidence(b, f.evidence);
                                    }));
  return InsertRows(Query::kInsertTheme, rowid, doc.themes, "inserting a theme",
                    [](Binder& b, const Theme& t) {
                      b.Text(t.name).Int(t.mentions).Int(t.first.begin).Int(t.first.end);
                      BindEvidence(b, t.evidence);
                    });
}

}  // namespace annals::internal
