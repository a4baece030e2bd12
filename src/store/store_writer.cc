// Writing one Document into the store: the documents row, then one row per
// paragraph, sentence and annotation, all through cached statements.
// Lists inside a row (metadata, stages, an actor's mentions) are stored as
// JSON text so that SQL users can read them with json_each().
// Tested by store_test.cc.
#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"
#include "store/store_names.h"
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

Status SqliteStore::InsertDocument(const Document& doc, const std::string& hash, int64_t* rowid) {
  EncodeTokens(doc.tokens, &buffer_);
  const std::string metadata = MetadataJson(doc);
  const std::string stages = Dump(nlohmann::json(doc.stages));
  const std::string published = doc.published ? doc.published->ToIso() : std::string();
  Stmt& ins = q(Query::kInsertDocument);
  Binder b(ins);
  b.Text(doc.id).Text(hash).Text(doc.format).Text(doc.origin.path);
  b.Int(static_cast<int64_t>(doc.origin.record)).Text(doc.source).Text(doc.url);
  if (doc.published) {
    b.Text(published);
  } else {
    b.Null();
  }
  b.Text(doc.title).Text(doc.dateline_place).Text(doc.language).Text(doc.text);
  b.Text(metadata).Text(stages).Int(static_cast<int64_t>(doc.tokens.size())).Blob(buffer_);
  ANNALS_RETURN_IF_ERROR(Done(ins, "inserting the document"));
  *rowid = sqlite3_last_insert_rowid(db_.get());
  return Status::Ok();
}

Status SqliteStore::InsertStructure(const Document& doc, int64_t rowid) {
  Stmt& para = q(Query::kInsertParagraph);
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    Binder(para)
        .Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(p.span.begin)
        .Int(p.span.end)
        .Int(p.sentences.begin)
        .Int(p.sentences.end);
    ANNALS_RETURN_IF_ERROR(Done(para, "inserting a paragraph"));
  }
  Stmt& sent = q(Query::kInsertSentence);
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    Binder(sent)
        .Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(s.span.begin)
        .Int(s.span.end)
        .Int(s.paragraph)
        .Int(s.tokens.begin)
        .Int(s.tokens.end);
    ANNALS_RETURN_IF_ERROR(Done(sent, "inserting a sentence"));
  }
  Stmt& diag = q(Query::kInsertDiagnostic);
  for (size_t i = 0; i < doc.diagnostics.size(); ++i) {
    const Diagnostic& d = doc.diagnostics[i];
    Binder(diag)
        .Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Text(d.stage)
        .Int(static_cast<int>(d.code))
        .Text(d.message);
    ANNALS_RETURN_IF_ERROR(Done(diag, "inserting a diagnostic"));
  }
  return Status::Ok();
}

Status SqliteStore::InsertAnnotations(const Document& doc, int64_t rowid) {
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    Binder b(q(Query::kInsertMention));
    b.Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(m.span.begin)
        .Int(m.span.end)
        .Int(m.sentence)
        .Int(m.tokens.begin)
        .Int(m.tokens.end)
        .Text(MentionKindName(m.kind))
        .Text(m.entry);
    BindEvidence(b, m.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertMention), "inserting a mention"));
  }
  for (size_t i = 0; i < doc.actors.size(); ++i) {
    const Actor& a = doc.actors[i];
    const std::string mentions = Dump(nlohmann::json(a.mentions));
    Binder b(q(Query::kInsertActor));
    b.Int(rowid).Int(static_cast<int64_t>(i)).Text(a.code).Text(a.name).Text(mentions);
    BindEvidence(b, a.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertActor), "inserting an actor"));
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    Binder b(q(Query::kInsertEvent));
    b.Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(e.span.begin)
        .Int(e.span.end)
        .Int(e.sentence)
        .Text(e.code)
        .Int(e.source)
        .Int(e.target)
        .Int(e.place)
        .Text(e.date)
        .Double(e.confidence);
    BindEvidence(b, e.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertEvent), "inserting an event"));
  }
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const Place& p = doc.places[i];
    Binder b(q(Query::kInsertPlace));
    b.Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(p.span.begin)
        .Int(p.span.end)
        .Int(p.sentence)
        .Text(p.name)
        .Text(p.country)
        .Double(p.latitude)
        .Double(p.longitude);
    BindEvidence(b, p.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertPlace), "inserting a place"));
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& x = doc.quotes[i];
    Binder b(q(Query::kInsertQuote));
    b.Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(x.span.begin)
        .Int(x.span.end)
        .Int(x.sentence)
        .Int(x.speaker_span.begin)
        .Int(x.speaker_span.end)
        .Int(x.speaker);
    BindEvidence(b, x.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertQuote), "inserting a quote"));
  }
  for (size_t i = 0; i < doc.counts.size(); ++i) {
    const Count& c = doc.counts[i];
    Binder b(q(Query::kInsertCount));
    b.Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(c.span.begin)
        .Int(c.span.end)
        .Int(c.sentence)
        .Double(c.value)
        .Text(c.unit);
    BindEvidence(b, c.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertCount), "inserting a count"));
  }
  for (size_t i = 0; i < doc.tones.size(); ++i) {
    const Tone& t = doc.tones[i];
    Binder b(q(Query::kInsertTone));
    b.Int(rowid)
        .Int(static_cast<int64_t>(i))
        .Int(t.span.begin)
        .Int(t.span.end)
        .Double(t.positive)
        .Double(t.negative)
        .Double(t.polarity);
    BindEvidence(b, t.evidence);
    ANNALS_RETURN_IF_ERROR(Done(q(Query::kInsertTone), "inserting a tone"));
  }
  return Status::Ok();
}

}  // namespace annals::internal
