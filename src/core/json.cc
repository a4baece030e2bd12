// ToJson: the JSON form of a Document (docs/schema.md).
//
// Built as nlohmann::ordered_json trees so that keys come out in the
// documented order, except the token list, which is written by hand (it is
// most of the output) and spliced between the two top-level halves.
//
// Two hazards of outside data are handled here: invalid UTF-8 is replaced
// (U+FFFD) instead of throwing, and metadata values, which are raw JSON text
// from the input, are embedded parsed only when they are shallow; deeper
// values would make dump() recurse without bound, so they stay strings.
//
// Tested by json_test.cc.
#include "annals/json.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "syntax/tagset.h"

namespace annals {
namespace {

using Json = nlohmann::ordered_json;

// Metadata values nested deeper than this stay strings.
constexpr int kMaxMetadataDepth = 32;

// Substring that never throws, whatever the span says.
std::string_view SafeText(const Document& doc, Span s) {
  const size_t n = doc.text.size();
  const size_t b = s.begin < n ? s.begin : n;
  const size_t e = s.end < n ? s.end : n;
  return e > b ? std::string_view(doc.text).substr(b, e - b) : std::string_view();
}

Json SpanJson(uint32_t begin, uint32_t end) { return Json::array({begin, end}); }
Json SpanJson(Span s) { return SpanJson(s.begin, s.end); }
Json RangeJson(IndexRange r) { return SpanJson(r.begin, r.end); }

// A float printed as written (0.8, not 0.800000011920929): the shortest
// decimal that reads back as the same float, widened through text.
Json FloatJson(float f) {
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, f);
  *res.ptr = '\0';
  return Json(std::strtod(buf, nullptr));
}

Json EvidenceJson(const Evidence& e) {
  return Json{{"rule", e.rule}, {"file", e.file}, {"line", e.line}};
}

// Deepest bracket nesting in JSON text, outside strings; a linear scan, so
// safe on any input.
int NestingDepth(std::string_view text) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) max_depth = depth;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

Json MetadataValue(const std::string& raw) {
  if (NestingDepth(raw) <= kMaxMetadataDepth) {
    Json v = Json::parse(raw, nullptr, /*allow_exceptions=*/false);
    if (!v.is_discarded()) return v;
  }
  return Json(raw);
}

Json Header(const Document& doc) {
  Json j;
  j["schema_version"] = kJsonSchemaVersion;
  j["id"] = doc.id;
  j["format"] = doc.format;
  j["origin"] = Json{
      {"path", doc.origin.path}, {"record", doc.origin.record}, {"id_given", doc.origin.id_given}};
  j["source"] = doc.source;
  j["url"] = doc.url;
  j["published"] = doc.published ? Json(doc.published->ToIso()) : Json(nullptr);
  j["title"] = doc.title;
  j["dateline_place"] = doc.dateline_place;
  j["language"] = doc.language;
  j["content_hash"] = doc.content_hash;
  Json metadata = Json::object();
  for (const auto& [name, value] : doc.metadata) metadata[name] = MetadataValue(value);
  j["metadata"] = std::move(metadata);
  j["text"] = doc.text;
  return j;
}

void AddStructure(const Document& doc, Json& j) {
  Json paragraphs = Json::array();
  for (const Paragraph& p : doc.paragraphs)
    paragraphs.push_back(Json{{"span", SpanJson(p.span)}, {"sentences", RangeJson(p.sentences)}});
  j["paragraphs"] = std::move(paragraphs);
  Json sentences = Json::array();
  for (const Sentence& s : doc.sentences)
    sentences.push_back(Json{{"span", SpanJson(s.span)},
                             {"paragraph", s.paragraph},
                             {"tokens", RangeJson(s.tokens)},
                             {"text", SafeText(doc, s.span)}});
  j["sentences"] = std::move(sentences);
}

// Appends `s` as a JSON string. Plain ASCII, the common case, is copied
// directly; anything else goes through nlohmann for escaping and U+FFFD
// replacement of invalid UTF-8.
void AppendString(std::string_view s, std::string& out) {
  bool plain = true;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80 || c == '"' ||
        c == '\\') {
      plain = false;
      break;
    }
  }
  if (!plain) {
    out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

// The token list, written by hand: it is most of the output (hundreds of
// tokens per document) and building an ordered_json object per token made
// ToJson ten times slower. Pretty output puts one token per line.
std::string TokensJson(const Document& doc, bool pretty) {
  if (doc.tokens.empty()) return "[]";
  const char* sep = pretty ? ", " : ",";
  const char* colon = pretty ? ": " : ":";
  std::string out = "[";
  out.reserve(doc.tokens.size() * 80);
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    if (i > 0) out += ',';
    if (pretty) out += "\n    ";
    auto key = [&](const char* name) {
      out += '"';
      out += name;
      out += '"';
      out += colon;
    };
    out += '{';
    key("span");
    out += '[' + std::to_string(t.span.begin) + sep + std::to_string(t.span.end) + ']' + sep;
    key("text");
    AppendString(SafeText(doc, t.span), out);
    out += sep;
    key("kind");
    AppendString(TokenKindName(t.kind), out);
    out += sep;
    key("space_after");
    out += t.space_after ? "true" : "false";
    auto optional_string = [&](const char* name, const std::string& v) {
      if (v.empty()) return;
      out += sep;
      key(name);
      AppendString(v, out);
    };
    // Tags by name; an id this program does not know (from a newer one) is
    // left out rather than printed as a number readers cannot interpret.
    auto optional_tag = [&](const char* name, std::string_view tag) {
      if (tag.empty()) return;
      out += sep;
      key(name);
      AppendString(tag, out);
    };
    auto optional_int = [&](const char* name, int64_t v, bool present) {
      if (!present) return;
      out += sep;
      key(name);
      out += std::to_string(v);
    };
    optional_string("norm", t.norm);
    optional_string("lemma", t.lemma);
    optional_tag("upos", syntax::UposName(t.upos));
    optional_tag("xpos", syntax::XposName(t.xpos));
    optional_tag("deprel", syntax::DeprelName(t.deprel));
    optional_int("head", t.head, t.head >= 0);
    out += '}';
  }
  out += pretty ? "\n  ]" : "]";
  return out;
}

// Left out when empty, so documents without a parse print as before.
void AddChunks(const Document& doc, Json& j) {
  if (doc.chunks.empty()) return;
  Json chunks = Json::array();
  for (const Chunk& c : doc.chunks)
    chunks.push_back(Json{{"kind", ChunkKindName(c.kind)},
                          {"tokens", RangeJson(c.tokens)},
                          {"head", c.head},
                          {"sentence", c.sentence}});
  j["chunks"] = std::move(chunks);
}

void AddMentionsActorsEvents(const Document& doc, Json& j) {
  Json mentions = Json::array();
  for (const Mention& m : doc.mentions)
    mentions.push_back(Json{{"span", SpanJson(m.span)},
                            {"tokens", RangeJson(m.tokens)},
                            {"sentence", m.sentence},
                            {"kind", MentionKindName(m.kind)},
                            {"entry", m.entry},
                            {"evidence", EvidenceJson(m.evidence)}});
  j["mentions"] = std::move(mentions);
  Json actors = Json::array();
  for (const Actor& a : doc.actors)
    actors.push_back(Json{{"code", a.code},
                          {"name", a.name},
                          {"kind", a.kind},
                          {"role", a.role},
                          {"span", SpanJson(a.span)},
                          {"sentence", a.sentence},
                          {"head", a.head},
                          {"mentions", a.mentions},
                          {"evidence", EvidenceJson(a.evidence)}});
  j["actors"] = std::move(actors);
  Json events = Json::array();
  for (const Event& e : doc.events)
    events.push_back(Json{{"span", SpanJson(e.span)},
                          {"sentence", e.sentence},
                          {"trigger", e.trigger},
                          {"code", e.code},
                          {"root", e.root},
                          {"goldstein", e.goldstein},
                          {"quad_class", e.quad_class},
                          {"plover_event", e.plover_event},
                          {"plover_mode", e.plover_mode},
                          {"source", e.source},
                          {"target", e.target},
                          {"place", e.place},
                          {"source_place", e.source_place},
                          {"target_place", e.target_place},
                          {"date", e.date},
                          {"negated", e.negated},
                          {"hypothetical", e.hypothetical},
                          {"attribution", e.attribution},
                          {"confidence", FloatJson(e.confidence)},
                          {"evidence", EvidenceJson(e.evidence)}});
  j["events"] = std::move(events);
}

void AddOtherAnnotations(const Document& doc, Json& j) {
  Json places = Json::array();
  for (const Place& p : doc.places)
    places.push_back(Json{{"span", SpanJson(p.span)},
                          {"tokens", RangeJson(p.tokens)},
                          {"sentence", p.sentence},
                          {"name", p.name},
                          {"full_name", p.full_name},
                          {"kind", p.kind},
                          {"country", p.country},
                          {"fips", p.fips},
                          {"admin1", p.admin1},
                          {"admin1_name", p.admin1_name},
                          {"feature", p.feature},
                          {"geonames_id", p.geonames_id},
                          {"latitude", p.latitude},
                          {"longitude", p.longitude},
                          {"confidence", FloatJson(p.confidence)},
                          {"evidence", EvidenceJson(p.evidence)}});
  j["places"] = std::move(places);
  Json quotes = Json::array();
  for (const Quote& q : doc.quotes)
    quotes.push_back(Json{{"span", SpanJson(q.span)},
                          {"sentence", q.sentence},
                          {"last_sentence", q.last_sentence},
                          {"kind", QuoteKindName(q.kind)},
                          {"speaker_span", SpanJson(q.speaker_span)},
                          {"speaker", q.speaker},
                          {"speaker_name", q.speaker_name},
                          {"speaker_code", q.speaker_code},
                          {"verb", q.verb},
                          {"verb_span", SpanJson(q.verb_span)},
                          {"reporter", q.reporter},
                          {"reporter_name", q.reporter_name},
                          {"evidence", EvidenceJson(q.evidence)}});
  j["quotes"] = std::move(quotes);
  Json counts = Json::array();
  for (const Count& c : doc.counts)
    counts.push_back(Json{{"span", SpanJson(c.span)},
                          {"sentence", c.sentence},
                          {"value", c.value},
                          {"value_max", c.value_max},
                          {"qualifier", CountQualifierName(c.qualifier)},
                          {"type", c.type},
                          {"unit", c.unit},
                          {"object", c.object},
                          {"object_span", SpanJson(c.object_span)},
                          {"place", c.place},
                          {"evidence", EvidenceJson(c.evidence)}});
  j["counts"] = std::move(counts);
  Json tones = Json::array();
  for (const Tone& t : doc.tones)
    tones.push_back(Json{{"span", SpanJson(t.span)},
                         {"sentence", t.sentence},
                         {"positive", FloatJson(t.positive)},
                         {"negative", FloatJson(t.negative)},
                         {"polarity", FloatJson(t.polarity)},
                         {"activity", FloatJson(t.activity)},
                         {"self_reference", FloatJson(t.self_reference)},
                         {"group_reference", FloatJson(t.group_reference)},
                         {"words", t.words},
                         {"evidence", EvidenceJson(t.evidence)}});
  j["tones"] = std::move(tones);
  Json dates = Json::array();
  for (const DateMention& m : doc.dates)
    dates.push_back(Json{{"span", SpanJson(m.span)},
                         {"sentence", m.sentence},
                         {"resolved", m.resolved},
                         {"granularity", m.granularity},
                         {"evidence", EvidenceJson(m.evidence)}});
  j["dates"] = std::move(dates);
  Json framings = Json::array();
  for (const Framing& f : doc.framings)
    framings.push_back(Json{{"span", SpanJson(f.span)},
                            {"sentence", f.sentence},
                            {"term", f.term},
                            {"category", f.category},
                            {"evidence", EvidenceJson(f.evidence)}});
  j["framings"] = std::move(framings);
  Json themes = Json::array();
  for (const Theme& t : doc.themes)
    themes.push_back(Json{{"name", t.name},
                          {"mentions", t.mentions},
                          {"first", SpanJson(t.first)},
                          {"evidence", EvidenceJson(t.evidence)}});
  j["themes"] = std::move(themes);
}

Json DiagnosticsJson(const Document& doc) {
  Json diagnostics = Json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    Json code(nullptr);
    if (d.code != ErrorCode::kOk) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "E%03d", static_cast<int>(d.code));
      code = buf;
    }
    diagnostics.push_back(Json{{"stage", d.stage}, {"code", code}, {"message", d.message}});
  }
  return diagnostics;
}

}  // namespace

std::string ToJson(const Document& doc, const JsonOptions& options) {
  const int indent = options.pretty ? 2 : -1;
  try {
    Json head = Header(doc);
    AddStructure(doc, head);
    Json tail;
    AddChunks(doc, tail);
    AddMentionsActorsEvents(doc, tail);
    AddOtherAnnotations(doc, tail);
    tail["diagnostics"] = DiagnosticsJson(doc);
    tail["stages"] = doc.stages;
    std::string out = head.dump(indent, ' ', false, Json::error_handler_t::replace);
    const std::string rest = tail.dump(indent, ' ', false, Json::error_handler_t::replace);
    // Splice the two top-level objects, with the tokens between them:
    // drop head's closing "}" (pretty: "\n}") and tail's opening "{".
    out.resize(out.size() - (options.pretty ? 2 : 1));
    const char* const next = options.pretty ? ",\n  " : ",";
    if (options.with_tokens) {
      out += next;
      out += options.pretty ? "\"tokens\": " : "\"tokens\":";
      out += TokensJson(doc, options.pretty);
    }
    out += next;
    out.append(rest, options.pretty ? 4 : 1, std::string::npos);
    return out;
  } catch (const std::exception& e) {
    // Not expected (dump replaces bad UTF-8), but the public API never
    // throws: report the failure in the same envelope.
    Json j{{"schema_version", kJsonSchemaVersion}, {"id", doc.id}, {"error", e.what()}};
    return j.dump(indent, ' ', false, Json::error_handler_t::replace);
  }
}

}  // namespace annals
