// Document helpers: invariant checks, published-time formatting, hashing.
// Tested by document_test.cc.
#include "annals/document.h"

// The state struct on the stack needs the static-linking declarations.
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <cstdio>
#include <iterator>
#include <string>

namespace annals {
namespace {

Status Broken(const std::string& what) {
  return Status(ErrorCode::kInternal, "document invariant: " + what);
}

bool Inside(Span s, size_t size) { return s.begin <= s.end && s.end <= size; }

Status CheckEvidenceSpans(const Document& d) {
  const size_t n = d.text.size();
  for (const Mention& m : d.mentions) {
    if (!Inside(m.span, n)) return Broken("mention span outside text");
    if (m.sentence >= d.sentences.size() && !d.sentences.empty())
      return Broken("mention names a missing sentence");
  }
  for (const Event& e : d.events) {
    if (!Inside(e.span, n)) return Broken("event span outside text");
    if (e.source >= static_cast<int32_t>(d.actors.size()) ||
        e.target >= static_cast<int32_t>(d.actors.size()))
      return Broken("event names a missing actor");
    const auto places = static_cast<int32_t>(d.places.size());
    if (e.place >= places || e.source_place >= places || e.target_place >= places)
      return Broken("event names a missing place");
  }
  for (const Place& p : d.places) {
    if (!Inside(p.span, n)) return Broken("place span outside text");
    if (p.tokens.end > d.tokens.size() || p.tokens.begin > p.tokens.end)
      return Broken("place tokens outside the document");
  }
  const auto actors = static_cast<int32_t>(d.actors.size());
  for (const Quote& q : d.quotes) {
    if (!Inside(q.span, n) || !Inside(q.speaker_span, n) || !Inside(q.verb_span, n))
      return Broken("quote span outside text");
    if (q.speaker >= actors || q.reporter >= actors) return Broken("quote names a missing actor");
  }
  for (const Count& c : d.counts) {
    if (!Inside(c.span, n) || !Inside(c.object_span, n)) return Broken("count span outside text");
    if (c.place >= static_cast<int32_t>(d.places.size()))
      return Broken("count names a missing place");
  }
  for (const Tone& t : d.tones)
    if (!Inside(t.span, n)) return Broken("tone span outside text");
  for (const DateMention& m : d.dates)
    if (!Inside(m.span, n)) return Broken("date span outside text");
  for (const Framing& f : d.framings)
    if (!Inside(f.span, n)) return Broken("framing span outside text");
  for (const Theme& t : d.themes)
    if (!Inside(t.first, n)) return Broken("theme span outside text");
  return Status::Ok();
}

Status CheckChunks(const Document& d) {
  uint32_t next_token = 0;
  for (size_t i = 0; i < d.chunks.size(); ++i) {
    const Chunk& c = d.chunks[i];
    const std::string at = "chunk " + std::to_string(i);
    if (c.sentence >= d.sentences.size()) return Broken(at + " names a missing sentence");
    const IndexRange s = d.sentences[c.sentence].tokens;
    if (c.tokens.empty() || c.tokens.begin > c.tokens.end || c.tokens.begin < s.begin ||
        c.tokens.end > s.end)
      return Broken(at + " token range outside its sentence");
    if (c.tokens.begin < next_token) return Broken(at + " overlaps or precedes the previous one");
    next_token = c.tokens.end;
    if (c.head < c.tokens.begin || c.head >= c.tokens.end)
      return Broken(at + " head outside its tokens");
  }
  return Status::Ok();
}

}  // namespace

Status Document::Validate() const {
  const size_t n = text.size();
  uint32_t prev_end = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Span s = tokens[i].span;
    if (!Inside(s, n)) return Broken("token " + std::to_string(i) + " outside text");
    if (s.empty()) return Broken("token " + std::to_string(i) + " is empty");
    if (s.begin < prev_end) return Broken("token " + std::to_string(i) + " overlaps");
    prev_end = s.end;
  }
  uint32_t next_token = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    const std::string at = "sentence " + std::to_string(i);
    if (s.tokens.begin > s.tokens.end || s.tokens.end > tokens.size())
      return Broken(at + " token range outside tokens");
    if (s.tokens.begin < next_token) return Broken(at + " overlaps the previous one");
    next_token = s.tokens.end;
    if (!s.tokens.empty() && (s.span.begin != tokens[s.tokens.begin].span.begin ||
                              s.span.end != tokens[s.tokens.end - 1].span.end))
      return Broken(at + " span does not match its tokens");
    if (!Inside(s.span, n)) return Broken(at + " outside text");
    if (!paragraphs.empty() && s.paragraph >= paragraphs.size())
      return Broken(at + " names a missing paragraph");
  }
  uint32_t next_sentence = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    const Paragraph& p = paragraphs[i];
    const std::string at = "paragraph " + std::to_string(i);
    if (!Inside(p.span, n)) return Broken(at + " outside text");
    if (p.sentences.begin > p.sentences.end || p.sentences.end > sentences.size())
      return Broken(at + " sentence range outside sentences");
    if (p.sentences.begin < next_sentence) return Broken(at + " overlaps the previous one");
    next_sentence = p.sentences.end;
    for (uint32_t k = p.sentences.begin; k < p.sentences.end; ++k) {
      const Span s = sentences[k].span;
      if (s.begin < p.span.begin || s.end > p.span.end)
        return Broken("sentence " + std::to_string(k) + " outside " + at);
    }
  }
  ANNALS_RETURN_IF_ERROR(CheckChunks(*this));
  return CheckEvidenceSpans(*this);
}

int StoryDate(const Document& doc) {
  if (!doc.published || doc.published->year == 0) return 0;
  const PublishedTime& p = *doc.published;
  return p.year * 10000 + p.month * 100 + p.day;
}

std::string PublishedTime::ToIso() const {
  char buf[48];
  int len = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  if (has_time) {
    len += std::snprintf(buf + len, sizeof buf - len, "T%02d:%02d", hour, minute);
    if (has_seconds) len += std::snprintf(buf + len, sizeof buf - len, ":%02d", second);
    if (utc_offset_minutes) {
      const int off = *utc_offset_minutes;
      if (off == 0) {
        len += std::snprintf(buf + len, sizeof buf - len, "Z");
      } else {
        const int a = off < 0 ? -off : off;
        len += std::snprintf(buf + len, sizeof buf - len, "%c%02d:%02d", off < 0 ? '-' : '+',
                             a / 60, a % 60);
      }
    }
  }
  return std::string(buf, static_cast<size_t>(len));
}

namespace {

// Reads exactly `n` digits at s[*i]; advances *i.
bool Digits(std::string_view s, size_t* i, int n, int* out) {
  if (*i + n > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    const char c = s[*i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* i, char c) {
  if (*i < s.size() && s[*i] == c) {
    ++*i;
    return true;
  }
  return false;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

bool PublishedTime::ParseIso(std::string_view s, PublishedTime* out) {
  PublishedTime t;
  size_t i = 0;
  if (!Digits(s, &i, 4, &t.year) || !Expect(s, &i, '-') || !Digits(s, &i, 2, &t.month) ||
      !Expect(s, &i, '-') || !Digits(s, &i, 2, &t.day))
    return false;
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > DaysInMonth(t.year, t.month))
    return false;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != ' ') return false;
    ++i;
    if (!Digits(s, &i, 2, &t.hour) || !Expect(s, &i, ':') || !Digits(s, &i, 2, &t.minute))
      return false;
    if (t.hour > 23 || t.minute > 59) return false;
    t.has_time = true;
    if (Expect(s, &i, ':')) {
      if (!Digits(s, &i, 2, &t.second) || t.second > 60) return false;
      t.has_seconds = true;
      if (Expect(s, &i, '.'))  // fractions of a second are dropped
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
    if (i < s.size()) {
      if (s[i] == 'Z') {
        ++i;
        t.utc_offset_minutes = 0;
      } else if (s[i] == '+' || s[i] == '-') {
        const int sign = s[i] == '-' ? -1 : 1;
        ++i;
        int hh = 0, mm = 0;
        if (!Digits(s, &i, 2, &hh)) return false;
        Expect(s, &i, ':');
        if (!Digits(s, &i, 2, &mm) || hh > 14 || mm > 59) return false;
        t.utc_offset_minutes = sign * (hh * 60 + mm);
      }
    }
    if (i != s.size()) return false;
  }
  *out = t;
  return true;
}

std::string Origin::Describe() const {
  if (record == 0) return path;
  return path + ":" + std::to_string(record);
}

std::string_view TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunct:
      return "punct";
    case TokenKind::kQuote:
      return "quote";
    case TokenKind::kDash:
      return "dash";
    case TokenKind::kSymbol:
      return "symbol";
    case TokenKind::kUrl:
      return "url";
  }
  return "word";
}

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kActor:
      return "actor";
    case MentionKind::kAgent:
      return "agent";
    case MentionKind::kVerb:
      return "verb";
    case MentionKind::kPlace:
      return "place";
    case MentionKind::kOther:
      return "other";
  }
  return "other";
}

std::string_view ChunkKindName(ChunkKind kind) {
  return kind == ChunkKind::kVerb ? "verb" : "noun";
}

MentionKind ParseMentionKind(std::string_view name) {
  for (MentionKind k :
       {MentionKind::kActor, MentionKind::kAgent, MentionKind::kVerb, MentionKind::kPlace}) {
    if (name == MentionKindName(k)) return k;
  }
  return MentionKind::kOther;
}

namespace {
constexpr std::string_view kQuoteKindNames[] = {"direct", "partial", "indirect", "scare"};
constexpr std::string_view kCountQualifierNames[] = {"exact", "at_least", "at_most", "about",
                                                     "range"};
}  // namespace

std::string_view QuoteKindName(QuoteKind kind) {
  return kQuoteKindNames[static_cast<size_t>(kind) % std::size(kQuoteKindNames)];
}

QuoteKind ParseQuoteKind(std::string_view name) {
  for (size_t i = 0; i < std::size(kQuoteKindNames); ++i)
    if (name == kQuoteKindNames[i]) return static_cast<QuoteKind>(i);
  return QuoteKind::kScare;
}

std::string_view CountQualifierName(CountQualifier q) {
  return kCountQualifierNames[static_cast<size_t>(q) % std::size(kCountQualifierNames)];
}

CountQualifier ParseCountQualifier(std::string_view name) {
  for (size_t i = 0; i < std::size(kCountQualifierNames); ++i)
    if (name == kCountQualifierNames[i]) return static_cast<CountQualifier>(i);
  return CountQualifier::kExact;
}

std::string ContentHash(std::string_view title, std::string_view text) {
  // NUL between the two: neither may contain one (the readers refuse it), so
  // no other (title, text) pair gives the same bytes, as "\n" could.
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  XXH3_128bits_update(&state, title.data(), title.size());
  XXH3_128bits_update(&state, "", 1);
  XXH3_128bits_update(&state, text.data(), text.size());
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

}  // namespace annals
