// The annals data model: one Document owns everything known about one article.
//
// Every annotation is a plain struct addressed by index into the Document's
// vectors; nothing points at anything, so a Document moves, copies and
// serialises cheaply and can be checked with Validate().
//
// Offsets. All spans are half-open byte ranges [begin, end) into
// Document::text, the cleaned body (valid UTF-8, NFC, mojibake repaired).
// The title lives apart in Document::title and is not covered by spans.
//
// Invariants (checked by Validate()):
//  - every span lies inside text and begin <= end;
//  - tokens are sorted, do not overlap, and each sentence's token range and
//    each paragraph's sentence range are inside their parents and in order;
//  - a sentence's span covers exactly its tokens (first begin .. last end);
//  - chunks are non-empty, in text order, do not overlap, lie inside their
//    sentence, and their head is one of their tokens;
//  - annotations that name a sentence or token use an index that exists.
//
// Tested by src/core/document_test.cc.
#ifndef ANNALS_DOCUMENT_H_
#define ANNALS_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annals/status.h"

namespace annals {

// Half-open byte range into Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Half-open range of indices (tokens or sentences).
struct IndexRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const IndexRange&, const IndexRange&) = default;
};

// Why a record exists: the rule or dictionary entry that produced it.
// Later stages fill it for every mention, event, place, quote and count.
struct Evidence {
  std::string rule;   // rule or pattern id, e.g. "verb:190:ATTACK"
  std::string file;   // dictionary or rule file, relative to the data root
  uint32_t line = 0;  // 1-based line in `file`, 0 when not from a file
};

enum class TokenKind : uint8_t {
  kWord = 0,  // letters, digits mixed with letters, hyphenated words, "U.S."
  kNumber,    // 32,000  1.4  25  3rd is a word
  kPunct,     // . , ; : ! ? ( ) [ ] and the like
  kQuote,     // " ' and their typographic forms
  kDash,      // - (when standing alone) -- en and em dashes
  kSymbol,    // % $ GBP-sign & @ # and other symbols
  kUrl,       // http://... www... and e-mail addresses
};
std::string_view TokenKindName(TokenKind kind);

// One token. Slots for the tagger and parser stay at their "unset" values
// until the syntax stage fills them.
struct Token {
  Span span;  // surface text is text.substr(begin, size)
  TokenKind kind = TokenKind::kWord;
  bool space_after = false;  // white space follows in text
  std::string norm;          // normalised form; empty when equal to surface
  std::string lemma;         // empty until lemmatised
  uint8_t upos = 0;          // UD universal tag id; 0 = unset
  uint8_t xpos = 0;          // Penn tag id; 0 = unset
  uint8_t deprel = 0;        // UD relation id; 0 = unset
  int32_t head = -1;         // token index (in the document) of the head;
                             // -1 = unset, the token's own index = root
};

struct Sentence {
  Span span;               // from its first token's begin to its last's end
  IndexRange tokens;       // into Document::tokens
  uint32_t paragraph = 0;  // index into Document::paragraphs
};

struct Paragraph {
  Span span;
  IndexRange sentences;  // into Document::sentences
};

enum class ChunkKind : uint8_t {
  kNoun,  // "Israel's defence minister", "the 1.4 million displaced people"
  kVerb,  // "did not attack", "has already carried out", "was" (copula)
};
// "noun" or "verb", as JSON writes it.
std::string_view ChunkKindName(ChunkKind kind);

// A base phrase cut from the dependency tree: a head word and the modifiers
// that stay next to it (determiners, adjectives, auxiliaries, negation), never
// prepositional phrases or clauses. Contiguous, so that "the noun phrase
// headed by X" is one token range. Rules: src/syntax/chunks.h.
struct Chunk {
  IndexRange tokens;      // into Document::tokens, inside the sentence
  uint32_t sentence = 0;  // index into Document::sentences
  uint32_t head = 0;      // index into Document::tokens of the head word
  ChunkKind kind = ChunkKind::kNoun;
  friend bool operator==(const Chunk&, const Chunk&) = default;
};

// ---- Annotations added by later stages. Each carries its span and evidence.

enum class MentionKind : uint8_t { kActor, kAgent, kVerb, kPlace, kOther };
// The name used in JSON and in the store ("actor", ...); parsing an
// unknown name (a newer program's kind) gives kOther.
std::string_view MentionKindName(MentionKind kind);
MentionKind ParseMentionKind(std::string_view name);

// A dictionary hit on a stretch of text.
struct Mention {
  Span span;
  IndexRange tokens;
  uint32_t sentence = 0;
  MentionKind kind = MentionKind::kOther;
  std::string entry;  // dictionary entry id or code
  Evidence evidence;
};

// One appearance of an actor in a sentence: a noun phrase whose dictionary
// mentions combine into one CAMEO actor code ("Israeli Defence Minister Yoav
// Gallant" -> ISRGOV), or an unlisted name kept with its text (empty code).
struct Actor {
  std::string code;  // CAMEO actor code, e.g. "USAGOV"; empty when unknown
  std::string name;  // canonical dictionary name, else the text
  std::string kind;  // the deciding mention's kind: "person", "country", ...
  std::string role;  // a person's role on the story's date ("Secretary of State")
  Span span;         // the phrase, from its first to its last word
  uint32_t sentence = 0;
  uint32_t head = 0;               // token index of the phrase's head word
  std::vector<uint32_t> mentions;  // indices into Document::mentions
  Evidence evidence;               // the deciding dictionary line
};

// A coded event: source does code to target. Flags and attribution say how
// the text asserts it; the evidence names the pattern line that fired.
struct Event {
  uint32_t sentence = 0;
  Span span;             // the words that express the event
  uint32_t trigger = 0;  // token index of the trigger word
  std::string code;      // CAMEO event code, e.g. "042"
  std::string root;      // its first two digits
  double goldstein = 0;
  int quad_class = 0;         // 1 verbal cooperation .. 4 material conflict
  std::string plover_event;   // "CONSULT"
  std::string plover_mode;    // "visit"; may be empty
  int32_t source = -1;        // index into Document::actors, -1 = none
  int32_t target = -1;        // index into Document::actors, -1 = none
  int32_t place = -1;         // where it happened: index into Document::places
  int32_t source_place = -1;  // where the source is from, -1 = none
  int32_t target_place = -1;  // where the target is from, -1 = none
  std::string date;           // ISO date the event happened, when known
  bool negated = false;       // "did not attack", "avoided vetoing"
  bool hypothetical = false;  // "would attack", "threatened to attack", "if ..."
  int32_t attribution = -1;   // index into Document::actors: who said so
  float confidence = 0;
  Evidence evidence;
};

// A place name in the text resolved to one gazetteer entry ("Rafah" ->
// the city in the Gaza Strip). The evidence names the gazetteer record
// (a data file and line, or "cities500" and the GeoNames id) and, in its
// rule, the clues that chose it.
struct Place {
  Span span;
  IndexRange tokens;
  uint32_t sentence = 0;
  std::string name;         // the gazetteer's name, "Rafah"
  std::string full_name;    // with division and country: "Rafah, Gaza Strip, Palestine"
  std::string kind;         // city, country, admin1, territory, region, sea, ...
  std::string country;      // ISO 3166-1 alpha-2; empty for seas and the like
  std::string fips;         // FIPS 10-4 country code, as GDELT uses
  std::string admin1;       // GeoNames first-level division code, "TX"
  std::string admin1_name;  // "Texas"
  std::string feature;      // GeoNames feature code, "PPLC" for a capital
  int64_t geonames_id = 0;  // 0 for places from annals' own files
  double latitude = 0;
  double longitude = 0;
  float confidence = 0;  // 0..1: how clearly the clues chose this entry
  Evidence evidence;
};

// Quotations and reported speech. Kinds, as the golden sets use them
// (tests/golden/knowledge/README.md): a full quoted utterance, a quoted
// fragment inside the writer's own sentence, reported speech without marks,
// and quote marks that are not speech (scare quotes, titles).
enum class QuoteKind : uint8_t { kDirect, kPartial, kIndirect, kScare };
std::string_view QuoteKindName(QuoteKind kind);   // "direct", ...
QuoteKind ParseQuoteKind(std::string_view name);  // unknown names: kScare

// Who said what. `span` is the content: the words between the marks, or the
// reported clause without its "that". A scare quote has no speaker.
struct Quote {
  Span span;
  uint32_t sentence = 0;       // where the content starts
  uint32_t last_sentence = 0;  // where it ends (quotes can run on)
  QuoteKind kind = QuoteKind::kDirect;
  Span speaker_span;         // the speaker as written here ("he", "Miller")
  int32_t speaker = -1;      // index into Document::actors, -1 = unknown
  std::string speaker_name;  // fullest form in the story ("Matthew Miller")
  std::string speaker_code;  // CAMEO actor code when known ("USAGOV")
  std::string verb;          // reporting verb, lower case ("said", "according to")
  Span verb_span;
  std::string reporter_name;  // who reports the speech in a chain ("Miller"), else empty
  int32_t reporter = -1;      // index into Document::actors, -1 = none
  Evidence evidence;
};

enum class CountQualifier : uint8_t { kExact, kAtLeast, kAtMost, kAbout, kRange };
std::string_view CountQualifierName(CountQualifier q);      // "exact", "at_least", ...
CountQualifier ParseCountQualifier(std::string_view name);  // unknown: kExact

// A number of something: "over 32,000 Palestinian civilians" killed.
struct Count {
  Span span;  // the number expression with its qualifier words ("over 32,000")
  uint32_t sentence = 0;
  double value = 0;      // 1.4 million -> 1400000; a range's low end
  std::string unit;      // people, families, trucks, percent, fraction, USD, ...
  double value_max = 0;  // a range's high end, else equal to value
  CountQualifier qualifier = CountQualifier::kExact;
  std::string type;    // killed, wounded, displaced, sheltering, captive, ...
  std::string object;  // what is counted, as written ("Palestinian civilians")
  Span object_span;    // empty when the noun is elided and taken from before
  int32_t place = -1;  // index into Document::places, -1 = none
  Evidence evidence;
};

// Tone of a stretch of text, GDELT-style: shares of the stretch's words.
struct Tone {
  Span span;                  // the stretch scored (whole text or a sentence)
  float positive = 0;         // share of positive words, 0..1
  float negative = 0;         // share of negative words, 0..1
  float polarity = 0;         // positive - negative
  float activity = 0;         // share of active words (verbs and adjectives)
  float self_reference = 0;   // share of "I", "we", "our", ...
  float group_reference = 0;  // share of "they", "them", "their", ...
  uint32_t words = 0;         // words counted
  int32_t sentence = -1;      // -1 for the whole document
  Evidence evidence;
};

// A date or relative time expression resolved against the story's date:
// "on Monday" in a story of Tuesday 26 March 2024 -> 2024-03-25.
struct DateMention {
  Span span;
  uint32_t sentence = 0;
  std::string resolved;     // ISO: "2024-03-25", "2024-03", "2024"; empty if unknown
  std::string granularity;  // day, week, month, year
  Evidence evidence;
};

// Loaded or partisan wording ("killing spree", "regime"), for comparing
// outlets' framing.
struct Framing {
  Span span;
  uint32_t sentence = 0;
  std::string term;      // the list's entry
  std::string category;  // the list's category ("dehumanising", "violence", ...)
  Evidence evidence;
};

// A theme of the story (CONFLICT, HUMANITARIAN, ...) from annals' own theme
// list, with how often its cues occur and the first one.
struct Theme {
  std::string name;
  uint32_t mentions = 0;
  Span first;  // the first cue
  Evidence evidence;
};

// Something a stage noticed about the document that is not fatal: a repair,
// a budget that was hit. Errors that stop a document are Status values.
struct Diagnostic {
  std::string stage;                // "ingest", "normalize.v1", ...
  ErrorCode code = ErrorCode::kOk;  // kOk for notes and repairs
  std::string message;
};

// When the story was published, as far as the source says.
struct PublishedTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool has_time = false;
  bool has_seconds = false;
  std::optional<int> utc_offset_minutes;  // absent: the source gave no zone

  // ISO 8601 with as much precision as known: "2024-03-26",
  // "2024-03-26T22:16", "2024-03-26T22:16:05Z", "2024-03-26T22:16+02:00".
  std::string ToIso() const;
  // Parses the forms ToIso() writes plus "YYYY-MM-DD HH:MM[:SS]" and a
  // trailing "Z"/"+HH:MM"/"+HHMM"; false when `s` is none of them.
  static bool ParseIso(std::string_view s, PublishedTime* out);
};

// Where a document came from, for error messages and provenance.
struct Origin {
  std::string path;  // file path, "-" for standard input
  // 1-based record in multi-record files (line of a JSON Lines file, data
  // row of a CSV file, header not counted), 0 for single-document files.
  uint64_t record = 0;
  // True when the input named the document's id (a JSON "id" field, a CSV
  // id column); false when annals derived it from the file name. The store
  // lets only given ids replace other content.
  bool id_given = false;
  // Byte offset just past the record in its input file; 0 for a whole-file
  // document. Lets progress reports say how far into a big file reading is.
  uint64_t end_offset = 0;
  // "path", or "path:12" for record 12.
  std::string Describe() const;
};

struct Document {
  // -- identity and metadata (set by readers)
  std::string id;      // from the input, else derived from the origin
  std::string source;  // publisher or feed name
  std::string url;
  std::optional<PublishedTime> published;
  std::string title;
  std::string dateline_place;  // "GAZA CITY" in "GAZA CITY (Reuters) -"
  std::string language = "en";
  std::string format;  // reader that produced it: "wire", "jsonl", "csv", "text"
  Origin origin;
  // Fields of the input that annals does not model, kept verbatim as
  // (name, JSON value) pairs in input order.
  std::vector<std::pair<std::string, std::string>> metadata;

  // -- the text; set by the reader, cleaned once by the normalize stage and
  // never changed after that.
  std::string text;
  std::string content_hash;  // hex XXH3-128 of title, NUL, text; set after cleaning
  // The id of the earlier stored document this one is a near-duplicate of
  // (a syndicated copy: see store.h); set by the store on Load; empty for
  // originals and for documents that were never stored.
  std::string duplicate_of;

  // -- structure (text stages)
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  // Derived from the tokens' heads and relations by syntax::BuildChunks, in
  // text order; empty until a parse exists. Not stored: the store rebuilds
  // them on load, so they always agree with the stored heads.
  std::vector<Chunk> chunks;

  // -- annotations (later stages)
  std::vector<Mention> mentions;
  std::vector<Actor> actors;
  std::vector<Event> events;
  std::vector<Place> places;
  std::vector<Quote> quotes;
  std::vector<Count> counts;
  std::vector<Tone> tones;
  std::vector<DateMention> dates;
  std::vector<Framing> framings;
  std::vector<Theme> themes;

  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> stages;  // names of the stages that ran, in order

  std::string_view Text(Span s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  // Checks the invariants listed at the top of this file.
  Status Validate() const;
};

// The publication date as the number yyyymmdd (20240326), for comparing
// with dated dictionary entries; 0 when the document has no date.
int StoryDate(const Document& doc);

// Hex XXH3-128 of title, a NUL byte, then text.
std::string ContentHash(std::string_view title, std::string_view text);

}  // namespace annals

#endif  // ANNALS_DOCUMENT_H_
