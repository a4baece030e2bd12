#include "knowledge/quotes.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "syntax/tagset.h"

namespace annals::knowledge {
namespace {

namespace upos = syntax::upos;

// ---- quote marks

struct Pair {
  uint32_t open = 0;   // token of the opening mark
  uint32_t close = 0;  // token of the closing mark; == last + 1 when the paragraph ended it
  uint32_t first = 0, last = 0;  // content tokens, inclusive
  bool closed = true;
};

enum class MarkShape { kOpen, kClose, kEither };

// Curly marks say which side they are; straight ones are read from the
// spaces around them.
MarkShape ShapeOf(const Document& doc, const Token& t, char* kind) {
  const std::string_view s = doc.Text(t.span);
  if (s == "\xE2\x80\x9C" || s == "\xC2\xAB") {  // “ «
    *kind = '"';
    return MarkShape::kOpen;
  }
  if (s == "\xE2\x80\x9D" || s == "\xC2\xBB") {  // ” »
    *kind = '"';
    return MarkShape::kClose;
  }
  if (s == "\xE2\x80\x98") {  // ‘
    *kind = '\'';
    return MarkShape::kOpen;
  }
  if (s == "\xE2\x80\x99") {  // ’
    *kind = '\'';
    return MarkShape::kClose;
  }
  *kind = s == "'" ? '\'' : '"';
  const bool space_before = t.span.begin == 0 || doc.text[t.span.begin - 1] == ' ' ||
                            doc.text[t.span.begin - 1] == '\n' ||
                            doc.text[t.span.begin - 1] == '(' || doc.text[t.span.begin - 1] == '[';
  const bool space_after =
      t.span.end >= doc.text.size() || doc.text[t.span.end] == ' ' || doc.text[t.span.end] == '\n';
  if (space_before && !space_after) return MarkShape::kOpen;
  if (space_after && !space_before) return MarkShape::kClose;
  return MarkShape::kEither;
}

std::vector<Pair> PairMarks(const Document& doc) {
  std::vector<Pair> pairs;
  struct Open {
    uint32_t token;
    char kind;
  };
  std::vector<Open> stack;
  auto close_paragraph = [&](uint32_t last_token) {
    // A quote still open when its paragraph ends stops there: news style
    // reopens it in the next paragraph.
    for (const Open& o : stack) {
      if (last_token > o.token)
        pairs.push_back({o.token, last_token + 1, o.token + 1, last_token, false});
    }
    stack.clear();
  };
  for (const Paragraph& p : doc.paragraphs) {
    if (p.sentences.empty()) continue;
    const uint32_t begin = doc.sentences[p.sentences.begin].tokens.begin;
    const uint32_t end = doc.sentences[p.sentences.end - 1].tokens.end;
    for (uint32_t t = begin; t < end; ++t) {
      if (doc.tokens[t].kind != TokenKind::kQuote) continue;
      char kind = '"';
      MarkShape shape = ShapeOf(doc, doc.tokens[t], &kind);
      const bool inside = !stack.empty() && stack.back().kind == kind;
      if (shape == MarkShape::kEither) shape = inside ? MarkShape::kClose : MarkShape::kOpen;
      if (shape == MarkShape::kOpen) {
        stack.push_back({t, kind});
      } else if (inside) {
        if (t > stack.back().token + 1)
          pairs.push_back({stack.back().token, t, stack.back().token + 1, t - 1, true});
        stack.pop_back();
      }
      // A closing mark with nothing open is an apostrophe ("soldiers’").
    }
    close_paragraph(end - 1);
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& a, const Pair& b) { return a.open < b.open; });
  return pairs;
}

// ---- the parse

class Sent {
 public:
  Sent(const Document& doc, uint32_t index)
      : doc_(doc),
        index_(index),
        b_(doc.sentences[index].tokens.begin),
        e_(doc.sentences[index].tokens.end) {}
  uint32_t b() const { return b_; }
  uint32_t e() const { return e_; }
  uint32_t index() const { return index_; }
  std::string_view Rel(uint32_t t) const { return syntax::DeprelName(doc_.tokens[t].deprel); }
  std::string_view BaseRel(uint32_t t) const {
    return syntax::DeprelName(syntax::DeprelBase(doc_.tokens[t].deprel));
  }
  int32_t Head(uint32_t t) const {
    const int32_t h = HeadOf(doc_, t);
    return h >= static_cast<int32_t>(b_) && h < static_cast<int32_t>(e_) ? h : -1;
  }
  // The first child of `t` whose universal relation is `rel`, -1 if none.
  int32_t Child(uint32_t t, std::string_view rel) const {
    for (uint32_t c = b_; c < e_; ++c)
      if (Head(c) == static_cast<int32_t>(t) && BaseRel(c) == rel) return static_cast<int32_t>(c);
    return -1;
  }
  bool Dominates(uint32_t top, uint32_t t) const {
    for (int32_t x = static_cast<int32_t>(t), hops = 0; x >= 0 && hops < 64;
         x = Head(static_cast<uint32_t>(x)), ++hops)
      if (x == static_cast<int32_t>(top)) return true;
    return false;
  }
  // First and last token of the subtree of `top`, leaving out the subtrees
  // of children whose relation is in `skip`.
  std::pair<uint32_t, uint32_t> Extent(uint32_t top,
                                       std::initializer_list<std::string_view> skip = {}) const {
    uint32_t lo = top, hi = top;
    for (uint32_t t = b_; t < e_; ++t) {
      if (!Dominates(top, t)) continue;
      bool skipped = false;
      for (int32_t x = static_cast<int32_t>(t); x >= 0 && x != static_cast<int32_t>(top);
           x = Head(static_cast<uint32_t>(x))) {
        if (Head(static_cast<uint32_t>(x)) == static_cast<int32_t>(top) &&
            std::find(skip.begin(), skip.end(), BaseRel(static_cast<uint32_t>(x))) != skip.end())
          skipped = true;
      }
      if (skipped) continue;
      lo = std::min(lo, t);
      hi = std::max(hi, t);
    }
    return {lo, hi};
  }
  // The subject of a verb; a verb in a coordination shares its first
  // conjunct's ("described ... and said ..."). -1 when none.
  int32_t Subject(uint32_t v) const {
    for (int hops = 0; hops < 3; ++hops) {
      // Of two subjects (a parse error), the one nearest the verb.
      int32_t s = -1;
      for (uint32_t c = b_; c < e_; ++c)
        if (Head(c) == static_cast<int32_t>(v) && BaseRel(c) == "nsubj" &&
            (s < 0 || (c<v&& static_cast<int32_t>(c)> s)))
          s = static_cast<int32_t>(c);
      if (s >= 0) return s;
      if (BaseRel(v) != "conj" || Head(v) < 0) return -1;
      v = static_cast<uint32_t>(Head(v));
    }
    return -1;
  }
  bool IsPunct(uint32_t t) const {
    const TokenKind k = doc_.tokens[t].kind;
    return k == TokenKind::kPunct || k == TokenKind::kDash;
  }

 private:
  const Document& doc_;
  uint32_t index_, b_, e_;
};

// Words of rank and office that news writes before a name.
bool IsTitleWord(std::string_view w) {
  static constexpr std::string_view kTitles[] = {
      "president", "vice",       "prime",      "minister",  "secretary",   "secretary-general",
      "defense",   "defence",    "foreign",    "interior",  "finance",     "home",
      "deputy",    "chief",      "general",    "gen.",      "lt.",         "col.",
      "sen.",      "senator",    "rep.",       "king",      "queen",       "prince",
      "sheikh",    "ambassador", "chancellor", "spokesman", "spokeswoman", "spokesperson",
      "dr.",       "mr.",        "mrs.",       "ms.",       "pope",        "former",
      "commander", "governor",   "mayor",      "judge",     "justice",     "envoy",
      "leader",    "state",      "department", "national",  "security",    "adviser",
      "advisor",   "speaker",    "ayatollah",  "emir",      "crown",       "supreme"};
  for (std::string_view t : kTitles)
    if (w == t) return true;
  return false;
}

uint32_t SentenceOf(const Document& doc, uint32_t token) {
  // Sentences are sorted; a binary search keeps long documents linear-ish.
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.tokens.begin; });
  return static_cast<uint32_t>(it - doc.sentences.begin()) - 1;
}

// ---- speakers

struct Speaker {
  Span span;            // as written
  std::string name;     // fullest form
  int32_t anchor = -1;  // token the name's actor is looked up at
  uint32_t sentence = 0;
  bool known() const { return !span.empty(); }
};

class Quotes {
 public:
  Quotes(const KnowledgeData& data, const Words& words, Document& doc)
      : data_(data), w_(words), doc_(doc) {}
  void Run();

 private:
  const ReportingVerb* Reporting(uint32_t t) const {
    if (doc_.tokens[t].upos != upos::kVerb) return nullptr;
    return data_.Reporting(w_.LemmaId(t));
  }
  Speaker SpeakerAt(const Sent& s, uint32_t head) const;
  std::string Fullest(uint32_t last) const;
  std::optional<Speaker> Antecedent(uint32_t before) const;
  Span SpanOf(uint32_t first, uint32_t last) const {
    return {doc_.tokens[first].span.begin, doc_.tokens[last].span.end};
  }
  bool IsScare(const Sent& s, const Pair& p) const;
  int32_t VerbAbove(const Sent& s, uint32_t t, int max_hops) const;
  int32_t VerbNear(const Sent& s, const Pair& p) const;
  void Emit(QuoteKind kind, uint32_t first, uint32_t last, int32_t verb, const Speaker& who,
            const char* rule);
  void FillActor(Quote& q, int32_t anchor, uint32_t sentence) const;
  int32_t ContentOf(const Sent& s, uint32_t v, const ReportingVerb& rv, uint32_t* first,
                    uint32_t* last, const char** rule) const;
  int32_t FiniteQuote(const Sent& s, uint32_t c) const;
  uint32_t ToClauseEnd(const Sent& s, uint32_t v, uint32_t last) const;
  Speaker SpeakerOf(const Sent& s, uint32_t v) const;
  std::optional<Speaker> PreviousSpeaker(uint32_t before) const;
  void Indirect(const Sent& s);
  void According(const Sent& s);

  const KnowledgeData& data_;
  const Words& w_;
  Document& doc_;
  std::vector<Pair> pairs_;
  std::vector<Quote> out_;
  std::vector<std::pair<uint32_t, Speaker>> reporters_;  // verb token -> who reports it
  std::vector<std::pair<size_t, uint32_t>> finite_;      // quoted verb group -> its verb
  Speaker last_direct_;
  uint32_t last_direct_sentence_ = 0;
};

// The speaker phrase of a subject: a name where the phrase has one (its
// apposition's, "the spokesman ..., Nasser Kanaani"; or the name after its
// titles, "State Department spokesperson Matthew Miller").
Speaker Quotes::SpeakerAt(const Sent& s, uint32_t head) const {
  Speaker sp;
  sp.sentence = s.index();
  const std::string_view lower = w_.Lower(head);
  if (doc_.tokens[head].upos == upos::kPron) {
    sp.span = doc_.tokens[head].span;
    sp.anchor = static_cast<int32_t>(head);
    if (lower == "he" || lower == "she" || lower == "they" || lower == "we" || lower == "i") {
      const uint32_t at = doc_.tokens[head].span.begin;
      std::optional<Speaker> a = PreviousSpeaker(at);
      if (!a) a = Antecedent(at);
      if (a) {
        sp.name = a->name;
        sp.anchor = a->anchor;
        sp.sentence = a->sentence;
        return sp;
      }
    }
    sp.name = std::string(doc_.Text(sp.span));
    return sp;
  }
  uint32_t name_head = head;
  if (doc_.tokens[head].upos != upos::kPropn) {
    const int32_t appos = s.Child(head, "appos");
    if (appos >= 0 && doc_.tokens[appos].upos == upos::kPropn)
      name_head = static_cast<uint32_t>(appos);
  }
  auto [first, last] = s.Extent(name_head, {"appos", "acl", "advcl", "punct", "parataxis", "conj",
                                            "cc", "obl", "nmod:tmod", "case"});
  while (first < last && s.IsPunct(first)) ++first;
  while (last > first && s.IsPunct(last)) --last;
  // The parse may split a name ("World | Central Kitchen"): adjacent
  // proper nouns belong to it.
  while (last + 1 < s.e() && doc_.tokens[last + 1].upos == upos::kPropn &&
         doc_.tokens[last + 1].kind == TokenKind::kWord)
    ++last;
  if (first == last)
    while (first > s.b() && doc_.tokens[first - 1].upos == upos::kPropn &&
           doc_.tokens[first - 1].kind == TokenKind::kWord)
      --first;
  // A phrase ending in a run of proper nouns is a name with its titles.
  if (doc_.tokens[last].upos == upos::kPropn) {
    uint32_t run = last;
    while (run > first && doc_.tokens[run - 1].upos == upos::kPropn) --run;
    bool title = false;  // a common noun before the name: "spokesperson Matthew Miller"
    for (uint32_t t = first; t < run; ++t) title |= doc_.tokens[t].upos == upos::kNoun;
    if (last > run || title) first = run;
    // Titles written as part of the name: "Defense Minister Yoav Gallant".
    while (first < last && IsTitleWord(w_.Lower(first))) ++first;
  }
  sp.span = SpanOf(first, last);
  sp.anchor = static_cast<int32_t>(last);
  sp.name = first == last && doc_.tokens[first].upos == upos::kPropn
                ? Fullest(first)
                : std::string(doc_.Text(sp.span));
  return sp;
}

// A bare last name ("Miller") as its fullest earlier form ("Matthew
// Miller"): the longest run of proper nouns that ends with it.
std::string Quotes::Fullest(uint32_t last) const {
  const std::string_view word = doc_.Text(doc_.tokens[last].span);
  std::string best(word);
  for (uint32_t t = 1; t < doc_.tokens.size(); ++t) {
    if (t == last || doc_.Text(doc_.tokens[t].span) != word) continue;
    uint32_t f = t;
    while (f > 0 && doc_.tokens[f - 1].upos == upos::kPropn &&
           doc_.tokens[f - 1].kind == TokenKind::kWord)
      --f;
    if (t - f + 1 > 1 && doc_.Text(SpanOf(f, t)).size() > best.size())
      best = std::string(doc_.Text(SpanOf(f, t)));
  }
  return best;
}

// The person a pronoun at byte `before` most likely stands for: the
// nearest earlier subject or apposition that is a name.
std::optional<Speaker> Quotes::Antecedent(uint32_t before) const {
  if (doc_.sentences.empty()) return std::nullopt;
  uint32_t t = 0;
  while (t < doc_.tokens.size() && doc_.tokens[t].span.begin < before) ++t;
  const uint32_t limit_sentence = t > 0 ? SentenceOf(doc_, t - 1) : 0;
  for (uint32_t x = t; x-- > 0;) {
    const uint32_t si = SentenceOf(doc_, x);
    if (limit_sentence > si + 3) break;
    bool quoted = false;
    for (const Pair& p : pairs_) quoted |= x > p.open && x < p.close;
    if (quoted) continue;
    const Sent s(doc_, si);
    const std::string_view rel = s.BaseRel(x);
    if (rel != "nsubj" && rel != "appos") continue;
    const Token& tok = doc_.tokens[x];
    const bool name =
        tok.upos == upos::kPropn ||
        (s.Child(x, "appos") >= 0 && doc_.tokens[s.Child(x, "appos")].upos == upos::kPropn);
    if (!name) continue;
    Speaker sp = SpeakerAt(s, x);
    return sp;
  }
  if (last_direct_.known()) return last_direct_;
  return std::nullopt;
}

// Scare quotes and titles: a short quoted name with no speaker.
bool Quotes::IsScare(const Sent& s, const Pair& p) const {
  if (!p.closed || p.last - p.first >= 5) return false;
  const std::string_view end = w_.Lower(p.last);
  if (end == "," || end == "." || end == "?" || end == "!") return false;
  const std::string_view before = p.open > s.b() ? w_.Lower(p.open - 1) : std::string_view();
  if (before == "so-called" || before == "self-declared" || before == "self-styled" ||
      before == "self-proclaimed")
    return true;
  // A quoted modifier of the noun after it: "surgical" raid.
  if (p.close + 1 < s.e()) {
    const uint8_t next = doc_.tokens[p.close + 1].upos;
    if ((next == upos::kNoun || next == upos::kPropn) && p.last - p.first < 3) {
      bool attached = true;
      for (uint32_t t = p.first; t <= p.last; ++t)
        if (!s.Dominates(p.close + 1, t)) attached = false;
      if (attached) return true;
    }
  }
  // Titles: capitalised words after "film", "book", ...
  if (w_.Capitalised(p.first)) {
    uint32_t k = p.open;
    while (k > s.b() && s.IsPunct(k - 1)) --k;
    if (k > s.b()) {
      const std::string_view noun = w_.Lemma(k - 1);
      static constexpr std::string_view kTitled[] = {
          "film",        "book", "memoir", "novel", "song",      "album",   "podcast", "series",
          "documentary", "play", "show",   "poem",  "programme", "program", "movie",   "single"};
      if (std::find(std::begin(kTitled), std::end(kTitled), noun) != std::end(kTitled)) return true;
    }
  }
  // "the 'pause'": a determined noun that is not the complement of a
  // reporting verb ("called the abstention a 'clear step back'").
  if (before == "the" || before == "a" || before == "an" || before == "its" || before == "their") {
    uint32_t top = p.first;
    for (uint32_t t = p.first; t <= p.last; ++t)
      if (s.Head(t) < static_cast<int32_t>(p.first) || s.Head(t) > static_cast<int32_t>(p.last))
        top = t;
    const int32_t h = s.Head(top);
    if (h < 0 || !Reporting(static_cast<uint32_t>(h))) return true;
  }
  return false;
}

// The nearest reporting verb above `t` in the tree, -1 if none.
int32_t Quotes::VerbAbove(const Sent& s, uint32_t t, int max_hops) const {
  int32_t x = s.Head(t);
  for (int hops = 0; x >= 0 && hops < max_hops; ++hops, x = s.Head(static_cast<uint32_t>(x)))
    if (Reporting(static_cast<uint32_t>(x))) return x;
  return -1;
}

// A direct quote's reporting verb: after the quote in its closing
// sentence ('"...," she said'), else before it in its opening one ('she
// said: "..."'); outside every quote.
int32_t Quotes::VerbNear(const Sent& s, const Pair& p) const {
  auto quoted = [&](uint32_t t) {
    for (const Pair& q : pairs_)
      if (t >= q.open && t <= q.close) return true;
    return false;
  };
  const uint32_t cs = SentenceOf(doc_, p.closed ? p.close : p.last);
  const Sent close_sentence(doc_, cs);
  for (uint32_t t = p.close + 1; t < close_sentence.e(); ++t)
    if (!quoted(t) && Reporting(t)) return static_cast<int32_t>(t);
  for (uint32_t t = p.open; t-- > s.b();)
    if (!quoted(t) && Reporting(t)) return static_cast<int32_t>(t);
  return -1;
}

void Quotes::FillActor(Quote& q, int32_t anchor, uint32_t sentence) const {
  if (anchor < 0) return;
  const Span at = doc_.tokens[static_cast<uint32_t>(anchor)].span;
  for (uint32_t a = 0; a < doc_.actors.size(); ++a) {
    const Actor& actor = doc_.actors[a];
    if (actor.sentence != sentence || actor.span.begin > at.begin || actor.span.end < at.end)
      continue;
    q.speaker = static_cast<int32_t>(a);
    q.speaker_code = actor.code;
    return;
  }
}

void Quotes::Emit(QuoteKind kind, uint32_t first, uint32_t last, int32_t verb, const Speaker& who,
                  const char* rule) {
  Quote& q = out_.emplace_back();
  q.span = SpanOf(first, last);
  q.sentence = SentenceOf(doc_, first);
  q.last_sentence = SentenceOf(doc_, last);
  q.kind = kind;
  q.evidence.rule = std::string("knowledge.v1:quote:") + rule;
  if (kind == QuoteKind::kScare) return;
  q.speaker_span = who.span;
  q.speaker_name = who.name;
  FillActor(q, who.anchor, who.sentence);
  if (verb >= 0) {
    const auto v = static_cast<uint32_t>(verb);
    q.verb = std::string(w_.Lower(v));
    q.verb_span = doc_.tokens[v].span;
    q.evidence.file = data_.reporting_file;
    for (const auto& [token, reporter] : reporters_) {
      if (token != v) continue;
      q.reporter_name = reporter.name;
      Quote tmp;
      FillActor(tmp, reporter.anchor, reporter.sentence);
      q.reporter = tmp.speaker;
    }
  }
}

void Quotes::According(const Sent& s) {
  for (uint32_t t = s.b(); t + 2 < s.e(); ++t) {
    if (w_.Lower(t) != "according" || w_.Lower(t + 1) != "to") continue;
    // "according to X": X is the word these two mark. When the parser hung
    // "according" on something before it (a verb, after a tagging slip
    // such as "aid" in "according to aid groups" read as one), X is the
    // last noun or pronoun of the words that follow, up to punctuation.
    int32_t x = s.Head(t);
    if (x <= static_cast<int32_t>(t) + 1) {
      x = -1;
      for (uint32_t u = t + 2; u < s.e() && !s.IsPunct(u); ++u) {
        const uint8_t tag = doc_.tokens[u].upos;
        if (tag == upos::kNoun || tag == upos::kPropn || tag == upos::kPron) {
          x = static_cast<int32_t>(u);
        } else if (x >= 0) {
          break;
        }
      }
    }
    if (x < 0) continue;
    const Speaker who = SpeakerAt(s, static_cast<uint32_t>(x));
    bool other_speaker = false;
    for (uint32_t v = s.b(); v < s.e(); ++v) {
      if (!Reporting(v) || !SpeakerOf(s, v).known()) continue;
      other_speaker = true;
      reporters_.push_back({v, who});
    }
    if (other_speaker) continue;
    // Alone, it attributes its clause: the sentence without the phrase.
    const auto [lo, hi] = s.Extent(static_cast<uint32_t>(x));
    uint32_t first = s.b(), last = s.e() - 1;
    if (std::min(t, lo) == s.b()) {
      first = hi + 1;
      while (first < last && s.IsPunct(first)) ++first;
    } else {
      last = std::min(t, lo) - 1;
    }
    while (last > first && s.IsPunct(last)) --last;
    if (first > last) continue;
    Quote& q = out_.emplace_back();
    q.span = SpanOf(first, last);
    q.sentence = q.last_sentence = s.index();
    q.kind = QuoteKind::kIndirect;
    q.speaker_span = who.span;
    q.speaker_name = who.name;
    q.verb = "according to";
    q.verb_span = SpanOf(t, t + 1);
    q.evidence.rule = "knowledge.v1:quote:according-to";
    FillActor(q, who.anchor, who.sentence);
  }
}

// Where a reported clause that starts after verb `v` and reaches `last`
// ends: the parser often cuts such a clause short, so it runs to the end
// of the sentence unless the reporting verb's own coordination or
// adverbial clause ("but cautioned ...", ", adding ...") or an "according
// to" comes first.
uint32_t Quotes::ToClauseEnd(const Sent& s, uint32_t v, uint32_t last) const {
  uint32_t end = s.e() - 1;
  for (uint32_t t = last + 1; t < s.e(); ++t) {
    const std::string_view rel = s.BaseRel(t);
    const int32_t h = s.Head(t);
    const bool own = h == static_cast<int32_t>(v) &&
                     (rel == "conj" || rel == "parataxis" ||
                      (rel == "advcl" && w_.Lower(s.Extent(t).first - 1) == ","));
    // A word hung above the reporting verb: "..., a senior official said".
    const bool above =
        h >= 0 && h != static_cast<int32_t>(v) && s.Dominates(static_cast<uint32_t>(h), v);
    if (w_.Lower(t) == "according" || own || above) {
      end = std::min(t, s.Extent(t).first);
      if (end <= last) return last;
      --end;
      break;
    }
  }
  while (end > last && (s.IsPunct(end) || doc_.tokens[end].upos == upos::kCconj)) --end;
  return std::max(end, last);
}

// The clause a reporting verb reports, as [first, last] and its head:
// the "that"-clause right after the verb (or after its hearer: the parser
// often hangs such a clause on a noun), else its ccomp, else "X told Y to
// ...", else a reported sentence the parser read as the verb's object
// ("said the new systems had saved lives"), else, for a verb that ends
// its sentence ("..., residents said."), everything before the comma.
// -1 when the verb reports nothing.
int32_t Quotes::ContentOf(const Sent& s, uint32_t v, const ReportingVerb& rv, uint32_t* first,
                          uint32_t* last, const char** rule) const {
  for (uint32_t t = v + 1; t < s.e() && t <= v + 10; ++t) {
    const uint8_t u = doc_.tokens[t].upos;
    // "that" opening a clause, whatever relation the parser gave it.
    const int32_t h = s.Head(t);
    if (w_.Lower(t) == "that" && h > static_cast<int32_t>(t) &&
        (doc_.tokens[h].upos == upos::kVerb || doc_.tokens[h].upos == upos::kAux ||
         doc_.tokens[h].upos == upos::kAdj || s.BaseRel(t) == "mark")) {
      const auto c = static_cast<uint32_t>(h);
      std::tie(*first, *last) = s.Extent(c);
      *first = t;
      *last = ToClauseEnd(s, v, *last);
      *rule = "that-clause";
      return static_cast<int32_t>(c);
    }
    if (u == upos::kVerb || u == upos::kAux || doc_.tokens[t].kind == TokenKind::kQuote ||
        w_.Lower(t) == ":" || w_.Lower(t) == ";")
      break;
  }
  if (const int32_t c = s.Child(v, "ccomp"); c >= 0) {
    std::tie(*first, *last) = s.Extent(static_cast<uint32_t>(c));
    // "said the administration was monitoring": the subject read as object.
    const int32_t o = rv.tells ? -1 : s.Child(v, "obj");
    if (o > static_cast<int32_t>(v) && o < c) *first = std::min(*first, s.Extent(o).first);
    if (static_cast<int32_t>(v) < c) *last = ToClauseEnd(s, v, *last);
    *rule = "reported-clause";
    return c;
  }
  if (rv.tells) {
    const int32_t c = s.Child(v, "xcomp");
    const int32_t to = c >= 0 ? s.Child(static_cast<uint32_t>(c), "mark") : -1;
    if (to >= 0 && w_.Lower(static_cast<uint32_t>(to)) == "to") {
      std::tie(*first, *last) = s.Extent(static_cast<uint32_t>(c));
      *rule = "told-to";
      return c;
    }
    return -1;
  }
  if (const int32_t o = s.Child(v, "obj"); o > static_cast<int32_t>(v)) {
    for (uint32_t t = static_cast<uint32_t>(o) + 1; t < s.e(); ++t) {
      if (s.Head(t) != o || (s.Rel(t) != "acl:relcl" && s.Rel(t) != "acl")) continue;
      bool relative = false;  // "the plan that he said" is a real relative clause
      for (uint32_t k = static_cast<uint32_t>(o) + 1; k < t; ++k) {
        const std::string_view w = w_.Lower(k);
        relative |= w == "that" || w == "which" || w == "who" || w == "whom" || w == "whose";
      }
      if (relative) break;
      std::tie(*first, *last) = s.Extent(static_cast<uint32_t>(o));
      *rule = "reported-clause";
      return o;
    }
  }
  // "said the new systems had saved lives in Kharkiv": a clause right after
  // the verb that the parse took apart.
  if (v + 1 < s.e()) {
    const uint8_t u = doc_.tokens[v + 1].upos;
    if (u == upos::kDet || u == upos::kPropn || u == upos::kPron || u == upos::kNoun ||
        u == upos::kNum) {
      const uint32_t end = ToClauseEnd(s, v, v);
      for (uint32_t t = v + 2; t <= end && t < s.e(); ++t) {
        const uint8_t k = doc_.tokens[t].upos;
        if ((k == upos::kVerb || k == upos::kAux) && s.Head(t) != static_cast<int32_t>(v)) {
          *first = v + 1;
          *last = end;
          *rule = "clause-after-verb";
          return static_cast<int32_t>(t);
        }
      }
    }
  }
  // "..., organisers said."
  const int32_t subject = s.Subject(v);
  if (subject < 0 || subject > static_cast<int32_t>(v)) return -1;
  const uint32_t subj_first = s.Extent(static_cast<uint32_t>(subject)).first;
  if (subj_first <= s.b() || w_.Lower(subj_first - 1) != ",") return -1;
  for (uint32_t t = v + 1; t < s.e(); ++t)
    if (!s.IsPunct(t) && !s.Dominates(v, t)) return -1;
  *first = s.b();
  // A dateline is not what anyone said: "GENEVA (Reuters) - ...".
  for (uint32_t t = s.b(); t < s.b() + 8 && t + 2 < subj_first; ++t)
    if (doc_.tokens[t].kind == TokenKind::kDash) {
      *first = t + 1;
      break;
    }
  *last = subj_first - 2;
  if (*last < *first) return -1;
  int32_t head = -1;
  for (uint32_t t = *first; t <= *last; ++t)
    if (s.Head(t) < static_cast<int32_t>(*first) || s.Head(t) > static_cast<int32_t>(*last))
      if (head < 0 || doc_.tokens[t].upos == upos::kVerb) head = static_cast<int32_t>(t);
  *rule = "clause-final-attribution";
  return head;
}

void Quotes::Indirect(const Sent& s) {
  for (uint32_t v = s.b(); v < s.e(); ++v) {
    const ReportingVerb* rv = Reporting(v);
    if (rv == nullptr) continue;
    bool inside_quote = false;
    for (const Pair& p : pairs_)
      if (v > p.open && v < p.close) inside_quote = true;
    if (inside_quote) continue;
    // "declined to say how many": an infinitive under another verb, a
    // negated verb or an embedded question says nothing.
    if (s.Child(v, "mark") >= 0 && w_.Lower(static_cast<uint32_t>(s.Child(v, "mark"))) == "to")
      continue;
    const int32_t neg = s.Child(v, "advmod");
    if (neg >= 0 && (w_.Lower(static_cast<uint32_t>(neg)) == "not" ||
                     w_.Lower(static_cast<uint32_t>(neg)) == "n't"))
      continue;
    uint32_t first = 0, last = 0;
    const char* rule = "";
    const int32_t c = ContentOf(s, v, *rv, &first, &last, &rule);
    if (c < 0) continue;
    // Trim the edges: leading punctuation and "that", trailing
    // punctuation, and an "according to X" that qualifies the report.
    while (first < last && s.IsPunct(first)) ++first;
    if (w_.Lower(first) == "that" && first < last) ++first;
    // A dateline is not what anyone said: "GENEVA (Reuters) - ...".
    if (first == s.b())
      for (uint32_t t = s.b(); t < s.b() + 8 && t + 1 < last; ++t)
        if (doc_.tokens[t].kind == TokenKind::kDash) {
          first = t + 1;
          break;
        }
    for (uint32_t t = first + 1; t + 1 <= last; ++t)
      if (w_.Lower(t) == "according" && w_.Lower(t + 1) == "to") {
        last = t - 1;
        break;
      }
    while (last > first && s.IsPunct(last)) --last;
    if (first > last) continue;
    const std::string_view lead = w_.Lower(first);
    if (lead == "how" || lead == "whether" || lead == "if" || lead == "what" || lead == "why" ||
        lead == "when" || lead == "who" || lead == "where")
      continue;
    // The clause is inside one pair of marks, or opens with one and is
    // attributed after it ('"...," the spokesman said'): direct speech.
    bool direct = false;
    for (const Pair& p : pairs_)
      if ((first >= p.open && last <= p.close) ||
          (v > p.close && first >= p.open && first <= p.first))
        direct = true;
    if (direct) continue;
    const Speaker who = SpeakerOf(s, v);
    if (!who.known()) continue;
    // "Blinken stressed that ..., Miller said": Miller reports Blinken.
    if (v > last && Reporting(static_cast<uint32_t>(c))) {
      uint32_t f2 = 0, l2 = 0;
      const char* r2 = "";
      if (ContentOf(s, static_cast<uint32_t>(c), *Reporting(static_cast<uint32_t>(c)), &f2, &l2,
                    &r2) >= 0) {
        reporters_.push_back({static_cast<uint32_t>(c), who});
        // The reported verb came first in the sentence: its quote exists.
        Quote tmp;
        FillActor(tmp, who.anchor, who.sentence);
        for (Quote& q : out_)
          if (q.verb_span == doc_.tokens[static_cast<uint32_t>(c)].span &&
              q.reporter_name.empty()) {
            q.reporter_name = who.name;
            q.reporter = tmp.speaker;
          }
        continue;
      }
    }
    // A quote holding the clause's verb group to the end of the sentence
    // is direct speech ('told him that an assault "would put ... at
    // risk."'), not a fragment of a reported clause.
    if (const int32_t pair = FiniteQuote(s, static_cast<uint32_t>(c)); pair >= 0) {
      finite_.push_back({static_cast<size_t>(pair), v});
      continue;
    }
    // A reported clause opening a quote it does not close takes the mark.
    if (last + 1 < s.e() && doc_.tokens[last + 1].kind == TokenKind::kQuote) {
      int marks = 0;
      for (uint32_t t = first; t <= last; ++t) marks += doc_.tokens[t].kind == TokenKind::kQuote;
      if (marks % 2 == 1) ++last;
    }
    Emit(QuoteKind::kIndirect, first, last, static_cast<int32_t>(v), who, rule);
  }
}

// The pair of marks that holds the verb group of clause `c` through to the
// end of its sentence, with terminal punctuation inside; -1 if none.
int32_t Quotes::FiniteQuote(const Sent& s, uint32_t c) const {
  for (size_t i = 0; i < pairs_.size(); ++i) {
    const Pair& p = pairs_[i];
    if (c < p.first || c > p.last || p.close + 2 < s.e() || p.open < s.b()) continue;
    const std::string_view end = w_.Lower(p.last);
    if (end != "." && end != "!" && end != "?") continue;
    const int32_t aux = s.Child(c, "aux");
    if (aux >= static_cast<int32_t>(p.first)) return static_cast<int32_t>(i);
  }
  return -1;
}

// The speaker of reporting verb `v`: its subject; for a verb without one
// in the parse, the words between a closing quote and the verb ('"...,"
// the spokesman, Nasser Kanaani, said') or after an inverted verb ('said
// Louise Wateridge').
Speaker Quotes::SpeakerOf(const Sent& s, uint32_t v) const {
  int32_t subject = s.Subject(v);
  // '"...," said X': the verb right after the quote.
  const bool inverted =
      v > s.b() &&
      (doc_.tokens[v - 1].kind == TokenKind::kQuote ||
       (v > s.b() + 1 && w_.Lower(v - 1) == "," && doc_.tokens[v - 2].kind == TokenKind::kQuote));
  if (subject > static_cast<int32_t>(v) && !inverted) subject = -1;  // "said on Monday"
  if (subject < 0) {
    // The words before the verb back to a quote mark, else after it.
    uint32_t lo = v, hi = v;
    if (!inverted) {
      while (lo > s.b() && doc_.tokens[lo - 1].kind != TokenKind::kQuote) --lo;
      hi = v - 1;
    } else {
      lo = v + 1;
      hi = lo;
      while (hi + 1 < s.e() && !s.IsPunct(hi + 1)) ++hi;
    }
    for (uint32_t t = hi + 1; t-- > lo && hi < s.e() && lo <= hi;) {
      const uint8_t u = doc_.tokens[t].upos;
      if (u == upos::kNoun || u == upos::kPropn || u == upos::kPron) {
        subject = static_cast<int32_t>(t);
        break;
      }
    }
  }
  if (subject < 0) return Speaker();
  // "Diallo, who led the team, told ...": a relative pronoun speaks for
  // the noun its clause hangs on.
  if (const std::string_view rel = w_.Lower(static_cast<uint32_t>(subject));
      rel == "who" || rel == "which" || rel == "that") {
    int32_t x = s.Head(v);
    for (int hops = 0; x >= 0 && hops < 4; ++hops, x = s.Head(static_cast<uint32_t>(x)))
      if (doc_.tokens[x].upos == upos::kNoun || doc_.tokens[x].upos == upos::kPropn) break;
    if (x < 0) {  // the parse hung the clause elsewhere: the name before ", who"
      x = subject;
      while (x > static_cast<int32_t>(s.b()) && s.IsPunct(static_cast<uint32_t>(x) - 1)) --x;
      --x;
      if (x < static_cast<int32_t>(s.b()) ||
          (doc_.tokens[x].upos != upos::kNoun && doc_.tokens[x].upos != upos::kPropn))
        return Speaker();
    }
    subject = x;
  }
  Speaker who = SpeakerAt(s, static_cast<uint32_t>(subject));
  // "UN humanitarian chief Martin Griffiths had earlier warned": when the
  // parse picked another head, the name right before the verb group.
  if (subject < static_cast<int32_t>(v) && doc_.tokens[subject].upos != upos::kPron) {
    uint32_t k = v;
    while (k > static_cast<uint32_t>(subject) &&
           (doc_.tokens[k - 1].upos == upos::kAux || doc_.tokens[k - 1].upos == upos::kAdv ||
            doc_.tokens[k - 1].upos == upos::kPart))
      --k;
    uint32_t f = k > s.b() ? k - 1 : k;
    while (f > s.b() && doc_.tokens[f - 1].upos == upos::kPropn) --f;
    if (k > s.b() && f > static_cast<uint32_t>(subject) &&
        doc_.tokens[k - 1].upos == upos::kPropn) {
      who.span = SpanOf(f, k - 1);
      who.name = f == k - 1 ? Fullest(k - 1) : std::string(doc_.Text(who.span));
      who.anchor = static_cast<int32_t>(k - 1);
    }
  }
  // "A statement from his office said": the statement speaks for its
  // issuer, "his" being the person last named ("Netanyahu's office").
  const std::string_view lemma = w_.Lemma(static_cast<uint32_t>(subject));
  if (lemma == "statement" || lemma == "communique" || lemma == "communiqué") {
    for (uint32_t c = s.b(); c < s.e(); ++c) {
      if (s.Head(c) != subject || s.BaseRel(c) != "nmod") continue;
      const int32_t cas = s.Child(c, "case");
      if (cas < 0 || (w_.Lower(static_cast<uint32_t>(cas)) != "from" &&
                      w_.Lower(static_cast<uint32_t>(cas)) != "by"))
        continue;
      Speaker issuer = SpeakerAt(s, c);
      const int32_t poss = s.Child(c, "nmod");
      if (poss >= 0 && doc_.tokens[poss].upos == upos::kPron) {
        if (auto a = Antecedent(doc_.tokens[static_cast<uint32_t>(poss)].span.begin)) {
          issuer.name = a->name + "'s " + std::string(w_.Surface(c));
          issuer.anchor = a->anchor;
          issuer.sentence = a->sentence;
        }
      } else {
        // "from his office": drop the preposition from the phrase.
        const std::string_view text = doc_.Text(issuer.span);
        if (text.substr(0, 5) == "from " || text.substr(0, 3) == "by ")
          issuer.name = std::string(text.substr(text.find(' ') + 1));
      }
      return issuer;
    }
  }
  return who;
}

// The speaker of the nearest quote before byte `before`, within three
// sentences.
std::optional<Speaker> Quotes::PreviousSpeaker(uint32_t before) const {
  const Quote* best = nullptr;
  for (const Quote& q : out_)
    if (q.kind != QuoteKind::kScare && !q.speaker_name.empty() && q.span.begin < before &&
        (best == nullptr || q.span.begin > best->span.begin))
      best = &q;
  if (best == nullptr) return std::nullopt;
  uint32_t t = 0;
  while (t < doc_.tokens.size() && doc_.tokens[t].span.end <= before) ++t;
  if (t > 0 && SentenceOf(doc_, t - 1) > best->last_sentence + 3) return std::nullopt;
  Speaker sp;
  sp.span = best->speaker_span;
  sp.name = best->speaker_name;
  sp.sentence = best->sentence;
  sp.anchor = -1;
  for (uint32_t k = 0; k < doc_.tokens.size(); ++k)
    if (doc_.tokens[k].span.begin >= best->speaker_span.begin &&
        doc_.tokens[k].span.end <= best->speaker_span.end)
      sp.anchor = static_cast<int32_t>(k);
  if (sp.anchor >= 0) sp.sentence = SentenceOf(doc_, static_cast<uint32_t>(sp.anchor));
  return sp;
}

void Quotes::Run() {
  pairs_ = PairMarks(doc_);
  // Reporters first: a quote's attribution chain is known before its
  // speech is emitted.
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    const Sent s(doc_, si);
    According(s);
  }
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    const Sent s(doc_, si);
    Indirect(s);
  }
  for (const Pair& p : pairs_) {
    const uint32_t si = SentenceOf(doc_, p.open);
    const Sent s(doc_, si);
    if (IsScare(s, p)) {
      Emit(QuoteKind::kScare, p.first, p.last, -1, Speaker(), "scare");
      continue;
    }
    // Direct when the quote opens its sentence or follows "said," or ":";
    // or when it holds a reported clause's verb group (see Indirect).
    uint32_t k = p.open;
    while (k > s.b() && s.IsPunct(k - 1) && w_.Lower(k - 1) != "," && w_.Lower(k - 1) != ":") --k;
    const std::string_view before = k > s.b() ? w_.Lower(k - 1) : std::string_view();
    bool opens = k == s.b() || before == ":" || before == ",";
    const int32_t above = VerbAbove(s, p.first, 8);
    int32_t verb = -1;
    for (const auto& [pair, v] : finite_)
      if (&pairs_[pair] == &p) {
        opens = true;
        verb = static_cast<int32_t>(v);
      }
    if (opens) {
      if (verb < 0) verb = VerbNear(s, p);
      if (verb < 0 && above >= 0) verb = above;
      Speaker who;
      if (verb >= 0)
        who = SpeakerOf(Sent(doc_, SentenceOf(doc_, static_cast<uint32_t>(verb))),
                        static_cast<uint32_t>(verb));
      if (!who.known() && last_direct_.known() && si <= last_direct_sentence_ + 2) {
        who = last_direct_;  // a further sentence of the same speaker
        verb = -1;
      }
      if (!who.known()) {
        if (p.last - p.first < 5) Emit(QuoteKind::kScare, p.first, p.last, -1, who, "scare");
        continue;
      }
      Emit(QuoteKind::kDirect, p.first, p.last, verb, who, verb >= 0 ? "direct" : "continued");
      if (verb < 0 && !out_.empty()) {  // the continued speaker's verb
        for (auto it = out_.rbegin() + 1; it != out_.rend(); ++it)
          if (it->kind == QuoteKind::kDirect && it->speaker_name == who.name) {
            out_.back().verb = it->verb;
            out_.back().verb_span = it->verb_span;
            out_.back().reporter_name = it->reporter_name;
            break;
          }
      }
      last_direct_ = who;
      last_direct_sentence_ = SentenceOf(doc_, p.last);
      continue;
    }
    // 'Blinken "underscored that ...," Miller says': the quote opens with
    // its own reporting verb, whose subject stands before the mark.
    if (Reporting(p.first) && s.Subject(p.first) >= 0 &&
        s.Subject(p.first) < static_cast<int32_t>(p.open)) {
      const Speaker who = SpeakerOf(s, p.first);
      Emit(QuoteKind::kPartial, p.first, p.last, static_cast<int32_t>(p.first), who,
           "partial-with-verb");
      for (uint32_t v = p.close + 1; v < s.e(); ++v) {
        if (!Reporting(v)) continue;
        const Speaker reporter = SpeakerOf(s, v);
        if (!reporter.known()) continue;
        out_.back().reporter_name = reporter.name;
        Quote tmp;
        FillActor(tmp, reporter.anchor, reporter.sentence);
        out_.back().reporter = tmp.speaker;
        break;
      }
      continue;
    }
    // '"very disappointed" by ..., the White House announced': a reporting
    // verb after the quote whose clause holds it.
    verb = above;
    for (uint32_t v = p.close + 1; v < s.e() && verb < 0; ++v) {
      const ReportingVerb* rv = Reporting(v);
      uint32_t f = 0, l = 0;
      const char* rule = "";
      if (rv != nullptr && ContentOf(s, v, *rv, &f, &l, &rule) >= 0 && f <= p.open &&
          l + 1 >= p.last)
        verb = static_cast<int32_t>(v);
    }
    if (verb < 0) {
      Emit(QuoteKind::kScare, p.first, p.last, -1, Speaker(), "scare");
      continue;
    }
    const int32_t above_or_after = verb;
    const Speaker who = SpeakerOf(s, static_cast<uint32_t>(above_or_after));
    if (!who.known()) {
      Emit(QuoteKind::kScare, p.first, p.last, -1, Speaker(), "scare");
      continue;
    }
    Emit(QuoteKind::kPartial, p.first, p.last, above_or_after, who, "partial");
  }
  std::stable_sort(out_.begin(), out_.end(), [](const Quote& a, const Quote& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end > b.span.end;
  });
  // "The statement added ...": a statement speaks for its issuer, the
  // speaker before it (direct quotes are read after reported clauses, so
  // this is settled once all are known).
  for (size_t i = 1; i < out_.size(); ++i) {
    std::string last = out_[i].speaker_name;
    for (char& c : last)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (last.size() < 9 || last.compare(last.size() - 9, 9, "statement") != 0) continue;
    for (size_t j = i; j-- > 0;) {
      if (out_[j].kind == QuoteKind::kScare || out_[j].speaker_name.empty() ||
          out_[j].speaker_name == out_[i].speaker_name || out_[j].sentence + 3 < out_[i].sentence)
        continue;
      out_[i].speaker_name = out_[j].speaker_name;
      out_[i].speaker = out_[j].speaker;
      out_[i].speaker_code = out_[j].speaker_code;
      break;
    }
  }
  for (Quote& q : out_) doc_.quotes.push_back(std::move(q));
}

}  // namespace

void FindQuotes(const KnowledgeData& data, const Words& words, Document& doc) {
  if (doc.tokens.empty() || doc.paragraphs.empty()) return;
  Quotes(data, words, doc).Run();
}

}  // namespace annals::knowledge
