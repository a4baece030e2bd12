// Tested by counts_test.cc.
#include "knowledge/counts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "syntax/tagset.h"

namespace annals::knowledge {
namespace {

namespace upos = syntax::upos;

// ---- Loading

Status AddWords(CountLexicon* lex, std::string_view list, CountCue cue, const std::string& path,
                uint32_t line) {
  const std::vector<std::string_view> items = dict::SplitList(list);
  if (items.empty()) return dict::LineError(path, line, "no words");
  for (std::string_view w : items) {
    if (w.find(' ') != std::string_view::npos)
      return dict::LineError(path, line, "cue '" + std::string(w) + "' is not one word");
    char buf[64];
    if (LowerInto(w, buf, sizeof buf) != w)
      return dict::LineError(path, line, "cue '" + std::string(w) + "' is not lower case");
    lex->cues[std::string(w)].push_back(cue);
  }
  return Status();
}

Status AddQualifiers(CountLexicon* lex, std::string_view name, std::string_view list,
                     const std::string& path, uint32_t line) {
  CountQualifier q;
  if (name == "at_least") {
    q = CountQualifier::kAtLeast;
  } else if (name == "at_most") {
    q = CountQualifier::kAtMost;
  } else if (name == "about") {
    q = CountQualifier::kAbout;
  } else if (name == "range") {
    q = CountQualifier::kRange;
  } else if (name == "exact") {
    q = CountQualifier::kExact;
  } else {
    return dict::LineError(path, line, "unknown qualifier '" + std::string(name) + "'");
  }
  for (std::string_view phrase : dict::SplitList(list)) {
    NumberWords::Qualifier entry;
    entry.qualifier = q;
    entry.line = line;
    while (!phrase.empty()) {
      const size_t sp = phrase.find(' ');
      const std::string_view w = dict::Trim(phrase.substr(0, sp));
      if (!w.empty()) entry.words.emplace_back(w);
      if (sp == std::string_view::npos) break;
      phrase.remove_prefix(sp + 1);
    }
    if (entry.words.empty()) continue;
    lex->numbers.qualifiers.push_back(std::move(entry));
  }
  return Status();
}

Status AddCurrency(CountLexicon* lex, std::string_view code, std::string_view field,
                   const std::string& path, uint32_t line) {
  if (code.size() != 3) return dict::LineError(path, line, "currency code is not ISO 4217");
  const size_t colon = field.find(':');
  const std::string_view where = dict::Trim(field.substr(0, colon));
  if (colon == std::string_view::npos || (where != "before" && where != "after"))
    return dict::LineError(path, line, "currency words must start with 'before:' or 'after:'");
  auto& map = where == "before" ? lex->numbers.before : lex->numbers.after;
  const std::vector<std::string_view> items = dict::SplitList(field.substr(colon + 1));
  if (items.empty()) return dict::LineError(path, line, "no currency words");
  for (std::string_view w : items) {
    if (w.find(' ') != std::string_view::npos)
      return dict::LineError(path, line, "currency word '" + std::string(w) + "' is not one word");
    map[std::string(w)] = NumberWords::Currency{std::string(code), line};
  }
  return Status();
}

// Evidence names data files relative to the data root: ".../data/knowledge/x.txt" ->
// "knowledge/x.txt".
std::string RelativeDataPath(const std::string& path) {
  const size_t last = path.find_last_of('/');
  if (last == std::string::npos || last == 0) return path;
  const size_t before = path.find_last_of('/', last - 1);
  return before == std::string::npos ? path : path.substr(before + 1);
}

// ---- Finding

constexpr std::array<std::string_view, 23> kMonths = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov"};

// Nouns that make a number a duration, an age, a time or a frequency.
constexpr std::array<std::string_view, 16> kTimeNouns = {
    "second", "minute", "hour",    "day",   "week", "weekend", "fortnight", "month",
    "year",   "decade", "century", "night", "time", "times",   "a.m.",      "p.m."};

constexpr std::array<std::string_view, 10> kClockWords = {"a.m.", "p.m.", "am",  "pm",  "a.m",
                                                          "p.m",  "gmt",  "utc", "bst", "o'clock"};

bool In(std::string_view w, const auto& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// People types: counts typed so are counts of people, whatever the noun.
bool IsPeopleType(std::string_view type) { return type != "aid_trucks" && type != "other"; }

struct Finder {
  const CountLexicon& lex;
  Document& doc;
  const Sentence& s;
  uint32_t sentence = 0;
  size_t first_count = 0;  // the sentence's first count in doc.counts

  const Token& Tok(uint32_t t) const { return doc.tokens[t]; }
  bool Inside(int64_t t) const { return t >= s.tokens.begin && t < s.tokens.end; }
  int32_t Head(uint32_t t) const {
    const int32_t h = Tok(t).head;
    return Inside(h) && h != static_cast<int32_t>(t) ? h : -1;
  }
  std::string_view Deprel(uint32_t t) const { return syntax::DeprelName(Tok(t).deprel); }
  std::string_view Lower(uint32_t t, char* buf, size_t n) const {
    if (!Inside(t)) return {};
    return LowerInto(doc.Text(Tok(t).span), buf, n);
  }
  std::string_view LemmaLower(uint32_t t, char* buf, size_t n) const {
    return LowerInto(Tok(t).lemma, buf, n);
  }
  bool Is(uint32_t t, std::string_view w) const {
    char buf[32];
    return Lower(t, buf, sizeof buf) == w;
  }
  bool Nominal(uint32_t t) const {
    return Tok(t).upos == upos::kNoun || Tok(t).upos == upos::kPropn;
  }
  // The case marker ("from", "as", "to") of nominal t, empty when none.
  std::string_view CaseOf(uint32_t t) const {
    for (uint32_t k = s.tokens.begin; k < t; ++k)
      if (Tok(k).head == static_cast<int32_t>(t) && Deprel(k) == "case")
        return doc.Text(Tok(k).span);
    return {};
  }

  // Cues of token t's surface or lemma with role `role`; first match.
  const CountCue* Cue(uint32_t t, CueRole role) const {
    char b1[32], b2[32];
    const std::string_view forms[2] = {Lower(t, b1, sizeof b1), LemmaLower(t, b2, sizeof b2)};
    for (std::string_view f : forms) {
      if (f.empty()) continue;
      auto it = lex.cues.find(f);
      if (it == lex.cues.end()) continue;
      for (const CountCue& c : it->second)
        if (c.role == role) return &c;
    }
    return nullptr;
  }

  std::string_view Unit(uint32_t noun) const {
    char b1[32], b2[32];
    for (std::string_view f : {Lower(noun, b1, sizeof b1), LemmaLower(noun, b2, sizeof b2)}) {
      if (f.empty()) continue;
      if (auto it = lex.units.find(f); it != lex.units.end()) return it->second;
    }
    return {};
  }
  // Demonyms and names of groups ("Palestinians", "Sudanese") count people.
  bool CountsPeople(int32_t noun) const {
    if (noun < 0) return true;
    const std::string_view unit = Unit(noun);
    if (unit == "people" || unit == "families") return true;
    // Unlisted capitalised plurals of the demonym shapes: "Palestinians", "Sudanese", "Israelis"
    // (not "Tests" or "Nations").
    const std::string_view text = doc.Text(Tok(noun).span);
    return unit.empty() && !text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
           (text.ends_with("ans") || text.ends_with("ese") || text.ends_with("is"));
  }

  // The token of [begin, end) whose head lies outside it: how the phrase attaches.
  int32_t Attachment(uint32_t begin, uint32_t end, uint32_t prefer) const {
    auto outside = [&](uint32_t t) {
      const int32_t h = Tok(t).head;
      return h < static_cast<int32_t>(begin) || h >= static_cast<int32_t>(end) ||
             h == static_cast<int32_t>(t);
    };
    if (outside(prefer)) return prefer;
    for (uint32_t t = begin; t < end; ++t)
      if (outside(t) && Tok(t).upos != upos::kPunct && Deprel(t) != "case") return t;
    return prefer;
  }

  bool IsDescendant(uint32_t t, uint32_t ancestor) const {
    for (int depth = 0; depth < 24; ++depth) {
      const int32_t h = Head(t);
      if (h < 0) return false;
      if (static_cast<uint32_t>(h) == ancestor) return true;
      t = static_cast<uint32_t>(h);
    }
    return false;
  }

  // The counted noun right after the number ("32,000 Palestinian civilians").
  int32_t NounAfter(const NumberExpr& e) const {
    const int32_t h = Head(e.last);
    if (h > static_cast<int32_t>(e.last) && Inside(h) && Nominal(h) &&
        static_cast<uint32_t>(h) >= e.tokens.end && static_cast<uint32_t>(h) - e.tokens.end < 5) {
      bool tight = true;  // no clause between number and noun
      for (uint32_t k = e.tokens.end; k < static_cast<uint32_t>(h) && tight; ++k)
        tight = Tok(k).kind == TokenKind::kWord && IsDescendant(k, h);
      if (tight) return h;
    }
    // The parse missed the number: take the first noun of a plain noun phrase.
    for (uint32_t k = e.tokens.end; Inside(k) && k < e.tokens.end + 4; ++k) {
      const Token& t = Tok(k);
      if (t.kind != TokenKind::kWord) return -1;
      if (Nominal(k)) {
        // a compound modifier: the noun is further right
        if (Inside(k + 1) && Nominal(k + 1) && Tok(k).head == static_cast<int32_t>(k + 1)) continue;
        return static_cast<int32_t>(k);
      }
      const std::string_view text = doc.Text(t.span);
      const bool proper = !text.empty() && text[0] >= 'A' && text[0] <= 'Z';
      if (t.upos == upos::kAdj && proper &&
          !(Inside(k + 1) && (Nominal(k + 1) || Tok(k + 1).upos == upos::kAdj)))
        return static_cast<int32_t>(k);  // "9 million Sudanese"
      // A noun the tagger took for a verb ("the 500 trucks a day"): trust the word lists.
      if (!Unit(k).empty() || Cue(k, CueRole::kNoun) != nullptr) return static_cast<int32_t>(k);
      if (t.upos != upos::kAdj && t.upos != upos::kVerb) return -1;
    }
    return -1;
  }

  // The noun after "of" at token `of` ("Dozens of people").
  int32_t PartitiveNoun(uint32_t of) const {
    const int32_t h = Head(of);
    if (h > static_cast<int32_t>(of) &&
        (Nominal(h) || Tok(h).upos == upos::kAdj || Tok(h).upos == upos::kVerb))
      return h;
    for (uint32_t k = of + 1; Inside(k) && k < of + 6; ++k)
      if (Nominal(k) && !(Inside(k + 1) && Nominal(k + 1))) return static_cast<int32_t>(k);
    return -1;
  }

  // Text span of a noun phrase: from `from` (or the noun's first modifier) to the noun, plus an
  // "of" phrase after it ("residents of the north"); `whole` takes every dependent to the
  // right ("the buildings in the territory").
  Span PhraseSpan(uint32_t from, uint32_t noun, bool whole) const {
    uint32_t first = noun, last = noun;
    for (uint32_t k = from; k < noun; ++k)
      if (IsDescendant(k, noun)) {
        first = k;
        break;
      }
    for (uint32_t k = noun + 1; Inside(k); ++k) {
      const Token& t = Tok(k);
      if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) break;
      if (!IsDescendant(k, noun)) break;
      if (!whole && k == noun + 1 && !Is(k, "of")) break;
      last = k;
    }
    return Span{Tok(first).span.begin, Tok(last).span.end};
  }

  struct Typing {
    const CountCue* cue = nullptr;
    std::string_view how;  // verb, noun, modifier, antecedent
  };

  // Verb cue of the clause that `anchor` (the counted noun or the bare number) belongs to.
  Typing FromVerb(uint32_t anchor, bool bare) const {
    uint32_t a = anchor;
    // "Seven aid workers and nine civilians were killed": climb to the first conjunct.
    for (int k = 0; k < 4 && Deprel(a) == "conj"; ++k) {
      const int32_t h = Head(a);
      if (h < 0 || !(Nominal(h) || Tok(h).upos == upos::kNum)) break;
      a = static_cast<uint32_t>(h);
    }
    const int32_t g = Head(a);
    if (g < 0) return {};
    const std::string_view rel = Deprel(a);
    const bool subject = rel == "nsubj";
    // An obl without a preposition is an object the parser misread ("has killed over 32,000
    // civilians"); "killed to more than 110" brings a bare number to its verb.
    const std::string_view cs = rel == "obl" ? CaseOf(a) : std::string_view();
    const bool patient = rel == "nsubj:pass" || rel == "obj" || rel == "iobj" ||
                         (rel == "obl" && (cs.empty() || (bare && cs == "to")));
    if (!subject && !patient) return {};
    const Token& gt = Tok(g);
    // An active verb with an object of its own has the count as its doer: "three gunmen killed
    // a guard". Without one, the subject may be what the verb happened to ("20 are missing").
    bool has_object = false;
    for (uint32_t k = s.tokens.begin; k < s.tokens.end && !has_object; ++k)
      has_object = Tok(k).head == g && Deprel(k) == "obj";
    const bool active =
        subject && gt.upos == upos::kVerb && gt.xpos != syntax::XposId("VBN") && has_object;
    // The predicate and its complements: "were feared missing", "remain unaccounted for".
    uint32_t preds[4] = {static_cast<uint32_t>(g)};
    int n = 1;
    for (uint32_t k = s.tokens.begin; k < s.tokens.end && n < 4; ++k)
      if (Tok(k).head == g && k != static_cast<uint32_t>(g) && Deprel(k) == "xcomp") preds[n++] = k;
    for (int i = 0; i < n; ++i) {
      const uint32_t p = preds[i];
      const bool verbal = Tok(p).upos == upos::kVerb || Tok(p).upos == upos::kAdj;
      if (verbal) {
        if (!active || i > 0 || Tok(p).upos == upos::kAdj)
          if (const CountCue* c = Cue(p, CueRole::kVerb)) return {c, "verb"};
        if (subject)
          if (const CountCue* c = Cue(p, CueRole::kSubject)) return {c, "verb"};
        if (subject && !bare && LeavesAPlace(p))
          if (const CountCue* c = Cue(p, CueRole::kDeparture)) return {c, "verb"};
      } else if (Nominal(p) && subject) {
        if (const CountCue* c = Cue(p, CueRole::kNoun)) return {c, "verb"};  // "among the dead"
      }
    }
    return {};
  }

  // "forced 10 million people from their homes", "live abroad as refugees": a "from" or "as"
  // phrase on the counted noun or on its verb.
  Typing FromCases(uint32_t anchor) const {
    const int32_t g = Head(anchor);
    const bool subject = Deprel(anchor) == "nsubj";
    for (uint32_t k = s.tokens.begin; k < s.tokens.end; ++k) {
      const int32_t h = Tok(k).head;
      const bool on_verb = h == g && g >= 0 && Tok(g).upos == upos::kVerb;
      if (!on_verb && h != static_cast<int32_t>(anchor)) continue;
      if (!Nominal(k) || k == anchor) continue;
      const std::string_view rel = Deprel(k);
      if (rel != "obl" && rel != "nmod") continue;
      const std::string_view c = CaseOf(k);
      if (c == "from" && !subject)
        if (const CountCue* cue = Cue(k, CueRole::kFrom)) return {cue, "verb"};
      if (c == "as")
        if (const CountCue* cue = Cue(k, CueRole::kNoun)) return {cue, "verb"};
    }
    return {};
  }

  bool IsNumeral(uint32_t t) const {
    if (!Inside(t)) return false;
    if (Tok(t).kind == TokenKind::kNumber || Tok(t).upos == upos::kNum) return true;
    char buf[32];
    return IsNumberWord(Lower(t, buf, sizeof buf));
  }

  // A departure verb displaces when it has no object or leaves a place: "left the city", not
  // "moved a computer cursor". Only an object right after the verb counts: the parser also
  // hangs stray nouns on it ("moved south following evacuation orders").
  bool LeavesAPlace(uint32_t verb) const {
    for (uint32_t k = verb + 1; Inside(k); ++k) {
      if (Tok(k).head != static_cast<int32_t>(verb) || Deprel(k) != "obj") continue;
      for (uint32_t m = verb + 1; m < k; ++m) {
        const uint8_t u = Tok(m).upos;
        if (u != upos::kDet && u != upos::kAdj && u != upos::kNoun && u != upos::kPropn &&
            u != upos::kNum && u != upos::kPron)
          return true;
      }
      return Cue(k, CueRole::kPlace) != nullptr;
    }
    return true;
  }

  // Whether an adjective or noun modifies `noun` ("public bodies").
  bool HasModifier(uint32_t noun) const {
    for (uint32_t k = s.tokens.begin; k < noun; ++k) {
      if (Tok(k).head != static_cast<int32_t>(noun)) continue;
      const std::string_view rel = Deprel(k);
      if (rel == "amod" || rel == "compound") return true;
    }
    return false;
  }

  Typing FromModifiers(uint32_t noun) const {
    for (uint32_t k = s.tokens.begin; k < s.tokens.end; ++k) {
      if (Tok(k).head != static_cast<int32_t>(noun) || k == noun) continue;
      const std::string_view rel = Deprel(k);
      if (rel != "amod" && rel != "acl" && rel != "acl:relcl" && rel != "compound") continue;
      for (CueRole role : {CueRole::kModifier, CueRole::kVerb, CueRole::kSubject})
        if (const CountCue* c = Cue(k, role)) return {c, "modifier"};
    }
    return {};
  }

  // The predicate right after the counted phrase, for when the parse hung the noun elsewhere:
  // "said up to 50 protesters were detained", "1.9 million people, or about 85% of the
  // population, are displaced", "three journalists were among the dead". Only auxiliaries,
  // adverbs and one parenthesis between commas may come between.
  Typing FromNextVerb(uint32_t after, bool bare) const {
    bool skipped = false;
    for (uint32_t k = after; Inside(k) && k < after + 16; ++k) {
      const Token& t = Tok(k);
      if (t.upos == upos::kAux || t.upos == upos::kAdv) continue;
      if (!skipped && Is(k, ",")) {
        uint32_t close = k + 1;
        while (Inside(close) && close < k + 14 && !Is(close, ",")) ++close;
        if (!Inside(close) || !Is(close, ",")) return {};
        skipped = true;
        k = close;
        continue;
      }
      if (Is(k, "among")) {  // "were among the dead"
        for (uint32_t n = k + 1; Inside(n) && n < k + 4; ++n)
          if (const CountCue* c = Cue(n, CueRole::kNoun)) return {c, "verb"};
        return {};
      }
      if (t.upos != upos::kVerb && t.upos != upos::kAdj) return {};
      if (t.xpos == syntax::XposId("VBN") || t.upos == upos::kAdj)
        if (const CountCue* c = Cue(k, CueRole::kVerb)) return {c, "verb"};
      if (const CountCue* c = Cue(k, CueRole::kSubject)) return {c, "verb"};
      if (!bare && LeavesAPlace(k))
        if (const CountCue* c = Cue(k, CueRole::kDeparture)) return {c, "verb"};
      // "five million left homeless", "were found dead"
      if (Inside(k + 1) && Tok(k + 1).upos == upos::kAdj)
        if (const CountCue* c = Cue(k + 1, CueRole::kModifier)) return {c, "verb"};
      return {};
    }
    return {};
  }

  // The verb right before the number, for when the parse missed the object: "has killed over
  // 32,000 civilians".
  Typing FromPrevVerb(uint32_t begin) const {
    uint32_t k = begin - 1;
    while (Inside(k) && Tok(k).upos == upos::kAdv) --k;
    if (!Inside(k) || Tok(k).upos != upos::kVerb) return {};
    if (const CountCue* c = Cue(k, CueRole::kVerb)) return {c, "verb"};
    return {};
  }

  // Whether the number is a year, date, time, label or score rather than a count.
  bool NotACount(const NumberExpr& e) const {
    if (e.clock) return true;
    char buf[32];
    const uint32_t before = e.tokens.begin - 1;  // may be outside the sentence
    const std::string_view next = Lower(e.tokens.end, buf, sizeof buf);
    if (In(next, kClockWords)) return true;
    if (e.form == NumberForm::kMoney || e.form == NumberForm::kPercent) return false;
    // "March 25", "8 January", "25 of March"
    if (In(next, kMonths) && Tok(e.tokens.end).upos == upos::kPropn) return true;
    char b2[32];
    const std::string_view word_before = Lower(before, b2, sizeof b2);
    if (In(word_before, kMonths) || word_before == "aged" || word_before == "age") return true;
    if (e.form != NumberForm::kCount) return false;
    // "Gray, 26, who won his first cap": an age between commas after a name.
    if (next == "," && Inside(before) && Is(before, ",") && Inside(before - 1) &&
        Tok(before - 1).upos == upos::kPropn)
      return true;
    // "3G", "1Xtra", "4x100m", "6.6km": a word glued to the number makes a name or a measure.
    const Token& last = Tok(e.tokens.end - 1);
    if (!last.space_after && Inside(e.tokens.end) && Tok(e.tokens.end).kind == TokenKind::kWord)
      return true;
    // "one in three Turks", "six out of 20 women": a ratio, neither number a count.
    if ((next == "in" && IsNumeral(e.tokens.end + 1)) ||
        (next == "out" && Is(e.tokens.end + 1, "of") && IsNumeral(e.tokens.end + 2)))
      return true;
    if (Inside(before) && Is(before, "in") && IsNumeral(before - 1)) return true;
    if (Inside(before) && Is(before, "of") && Is(before - 1, "out") && IsNumeral(before - 2))
      return true;
    // "the Six Nations", "the Three Gorges dam": a capitalised spelled number inside the
    // sentence is part of a name.
    const std::string_view first = doc.Text(Tok(e.first).span);
    if (!e.digits && e.first > s.tokens.begin && !first.empty() && first[0] >= 'A' &&
        first[0] <= 'Z' && Tok(e.first - 1).kind != TokenKind::kQuote && !Is(e.first - 1, ":"))
      return true;
    // "3 - 1"
    if (Inside(e.tokens.end) &&
        (Tok(e.tokens.end).kind == TokenKind::kDash || doc.Text(Tok(e.tokens.end).span) == "-"))
      return true;
    return false;
  }

  static bool YearLike(const Document& doc, const NumberExpr& e) {
    if (!e.digits || e.scaled || e.form != NumberForm::kCount) return false;
    if (e.value != std::floor(e.value) || e.value < 1000 || e.value > 2100) return false;
    return doc.Text(doc.tokens[e.first].span).find(',') == std::string_view::npos;
  }

  void Emit(const NumberExpr& e) {
    if (NotACount(e)) return;
    Count c;
    c.span = Span{Tok(e.tokens.begin).span.begin, Tok(e.tokens.end - 1).span.end};
    c.sentence = sentence;
    c.value = e.value;
    c.value_max = e.value_max;
    c.qualifier = e.qualifier;
    c.evidence.file = lex.file;

    const uint32_t anchor_q = Attachment(e.first, e.tokens.end, e.last);
    int32_t noun = -1;
    bool partitive = false;
    if (e.partitive) {
      noun = PartitiveNoun(e.tokens.end);
      partitive = noun >= 0;
    } else if (e.form != NumberForm::kMoney && e.form != NumberForm::kPercent) {
      noun = NounAfter(e);
    }
    // "Route 90", "Resolution 2728", "page 3", "Manchester United 2 Chelsea 1": a number after a
    // noun labels it, unless a common noun follows ("the camp shelters 5,000 civilians", where
    // the tagger took "shelters" for a noun).
    // A capitalised noun ("Flight 752 left") labels whatever follows.
    // So does any capitalised word inside the sentence ("the Hot 100 chart", "No 1").
    if (e.form == NumberForm::kCount && e.qualifier == CountQualifier::kExact &&
        Inside(e.tokens.begin - 1)) {
      const uint32_t prev = e.tokens.begin - 1;
      const std::string_view label = doc.Text(Tok(prev).span);
      const bool capital = !label.empty() && label[0] >= 'A' && label[0] <= 'Z' &&
                           (prev > s.tokens.begin || Nominal(prev)) && Tok(prev).upos != upos::kDet;
      if (capital || Is(prev, "number") || Is(prev, "no") ||
          (Nominal(prev) && (noun < 0 || partitive || Tok(noun).upos == upos::kPropn)))
        return;
    }
    // "2 Andy Roddick (US)", "BBC 6 Music": a singular name after a number is a rank or a name.
    if (noun >= 0 && !partitive && Tok(noun).upos == upos::kPropn &&
        Tok(noun).xpos == syntax::XposId("NNP"))
      return;
    if (noun >= 0 && e.form == NumberForm::kCount) {
      char buf[32], b2[32];
      if (In(Lower(noun, buf, sizeof buf), kTimeNouns) ||
          In(LemmaLower(noun, b2, sizeof b2), kTimeNouns))
        return;  // "three days", "12 years", "three times"
    }
    // "in 2023", "the 2024 summit", "2004 levels" are years; "2000 people" is a count.
    if (YearLike(doc, e) && (noun < 0 || partitive || Tok(noun).xpos != syntax::XposId("NNS") ||
                             (Unit(noun).empty() && !Cue(noun, CueRole::kNoun))))
      return;

    if (e.form == NumberForm::kMoney) {
      c.type = "money";
      c.unit = e.currency->code;
      c.evidence.rule = "count:money:currency";
      c.evidence.line = e.currency->line;
      int32_t object = -1;
      // "$1.5 billion in emergency aid", else the verb's object: "estimated damage at $18.5bn".
      for (uint32_t k = e.tokens.end; Inside(k) && object < 0; ++k) {
        const int32_t h = Head(k);
        if (h >= static_cast<int32_t>(e.tokens.begin) && h < static_cast<int32_t>(e.tokens.end) &&
            Nominal(k)) {
          const std::string_view cs = CaseOf(k);
          char buf[32];
          const bool when_or_where =
              Tok(k).upos == upos::kPropn || In(LemmaLower(k, buf, sizeof buf), kTimeNouns);
          if (!when_or_where && (cs == "in" || cs == "for" || cs == "of" || cs == "on")) object = k;
        }
      }
      const int32_t g = Head(anchor_q);
      if (object < 0 && g >= 0 && Deprel(anchor_q) == "obl") {
        for (uint32_t k = s.tokens.begin; Inside(k); ++k)
          if (Tok(k).head == g && Deprel(k) == "obj" && Nominal(k)) {
            object = k;
            break;
          }
      }
      if (object >= 0) {
        const uint32_t from = std::max<uint32_t>(s.tokens.begin, object > 3 ? object - 3 : 0);
        c.object_span = PhraseSpan(from, object, false);
        c.object = std::string(doc.Text(c.object_span));
      }
      Finish(c, anchor_q, object);
      return;
    }
    if (e.form == NumberForm::kPercent || e.form == NumberForm::kFraction) {
      c.type = "other";
      c.unit = e.form == NumberForm::kPercent ? "percent" : "fraction";
      c.evidence.rule =
          e.form == NumberForm::kPercent ? "count:other:percent" : "count:other:fraction";
      c.evidence.file.clear();
      if (partitive) {
        c.object_span = PhraseSpan(e.tokens.end + 1, noun, true);
        c.object = std::string(doc.Text(c.object_span));
      }
      Finish(c, anchor_q, noun);
      return;
    }

    // Counts of people and things.
    const bool bare = noun < 0;
    const uint32_t anchor = (bare || partitive) ? anchor_q : static_cast<uint32_t>(noun);
    const bool people = CountsPeople(noun);
    Typing typing;
    if (people) typing = FromVerb(anchor, bare);
    if (!typing.cue && partitive && people && anchor != static_cast<uint32_t>(noun))
      typing = FromVerb(noun, false);
    if (!typing.cue && people) {
      const uint32_t after = bare ? e.tokens.end : static_cast<uint32_t>(noun) + 1;
      typing = FromNextVerb(after, bare);
    }
    if (!typing.cue && people) typing = FromPrevVerb(e.tokens.begin);
    if (!typing.cue && people) typing = FromCases(anchor);
    if (!typing.cue && !bare) {
      if (const CountCue* cue = Cue(noun, CueRole::kNoun)) {
        typing = {cue, "noun"};
      } else if (const CountCue* plain = Cue(noun, CueRole::kPlainNoun);
                 plain != nullptr && !HasModifier(noun)) {
        typing = {plain, "noun"};
      }
    }
    if (!typing.cue && people) {
      if (!bare) typing = FromModifiers(noun);
      if (!typing.cue) typing = FromModifiers(anchor_q);
    }
    // The count before in the sentence gives an elided noun its type and object.
    const Count* antecedent = nullptr;
    for (size_t k = doc.counts.size(); k > first_count; --k) {
      const Count& prev = doc.counts[k - 1];
      if ((prev.unit == "people" || prev.unit == "families") && prev.type != "other") {
        antecedent = &prev;
        break;
      }
    }
    if (typing.cue) {
      c.type = lex.types[typing.cue->type];
      c.evidence.rule = "count:" + c.type + ":" + std::string(typing.how);
      c.evidence.line = typing.cue->line;
    } else if (bare && antecedent != nullptr) {
      c.type = antecedent->type;
      c.evidence = antecedent->evidence;
      c.evidence.rule = "count:" + c.type + ":antecedent";
    } else {
      // A number with neither noun nor type ("won 3", "aged 45") says nothing; a plain number
      // of a partitive needs a type ("one of the best" is not a count).
      if (bare || (partitive && e.form == NumberForm::kCount)) return;
      c.type = "other";
      c.evidence.rule = "count:other:noun";
      c.evidence.file.clear();
    }

    if (!bare) {
      c.object_span = partitive ? PhraseSpan(e.tokens.end + 1, noun, true)
                                : PhraseSpan(e.tokens.end, noun, false);
      c.object = std::string(doc.Text(c.object_span));
      const std::string_view unit = Unit(noun);
      char buf[32];
      if (!unit.empty()) {
        c.unit = std::string(unit);
      } else if (IsPeopleType(c.type) || CountsPeople(noun)) {
        c.unit = "people";
      } else {
        const std::string_view lemma = LemmaLower(noun, buf, sizeof buf);
        c.unit = lemma.empty() ? std::string(Lower(noun, buf, sizeof buf)) : std::string(lemma);
      }
    } else if (antecedent != nullptr) {
      c.object = antecedent->object;
      c.unit = antecedent->unit;
    } else {
      c.unit = IsPeopleType(c.type) ? "people" : "";
    }
    Finish(c, anchor, noun);
  }

  // Sets the place and appends.
  void Finish(Count& c, uint32_t anchor, int32_t noun) {
    int32_t best = -1;
    int best_depth = 1 << 20;
    const int32_t g = Head(anchor);
    for (size_t p = 0; p < doc.places.size(); ++p) {
      const Place& pl = doc.places[p];
      if (pl.sentence != sentence || pl.tokens.empty()) continue;
      uint32_t t = pl.tokens.end - 1;
      for (uint32_t k = pl.tokens.begin; k < pl.tokens.end; ++k) {
        const int32_t h = Tok(k).head;
        if (h < static_cast<int32_t>(pl.tokens.begin) || h >= static_cast<int32_t>(pl.tokens.end))
          t = k;
      }
      for (int depth = 1; depth <= 6; ++depth) {
        const int32_t h = Head(t);
        if (h < 0) break;
        if (h == static_cast<int32_t>(anchor) || h == noun || h == g) {
          if (depth < best_depth) {
            best = static_cast<int32_t>(p);
            best_depth = depth;
          }
          break;
        }
        const std::string_view rel = Deprel(t);
        if (rel == "ccomp" || rel == "parataxis" || rel == "advcl") break;  // another clause
        t = static_cast<uint32_t>(h);
      }
    }
    c.place = best;
    doc.counts.push_back(std::move(c));
  }
};

// Cheap test before parsing: most tokens cannot start a number, and this runs on every token.
bool MayStart(const Document& doc, uint32_t i, uint32_t end, const NumberWords& words) {
  const Token& t = doc.tokens[i];
  if (t.kind == TokenKind::kNumber) return true;
  const std::string_view text = doc.Text(t.span);
  if (text.empty()) return false;
  if (t.kind == TokenKind::kSymbol) return words.before.contains(text);
  if (t.kind != TokenKind::kWord) return false;
  const char c = text[0];
  if ((c >= '0' && c <= '9') || t.upos == upos::kNum) return true;
  if (text.size() > 15) return false;
  // Number words and "a"/"an" start with one of these letters; skip lower-casing the rest.
  switch (c | 0x20) {
    case 'a':
    case 'b':
    case 'd':
    case 'e':
    case 'f':
    case 'h':
    case 'm':
    case 'n':
    case 'o':
    case 's':
    case 't':
    case 'z':
      break;
    default:
      if (c < 'A' || c > 'Z' || text.size() > 3) return false;
      break;
  }
  char buf[16];
  const std::string_view w = LowerInto(text, buf, sizeof buf);
  if (w == "a" || w == "an") {  // only before "hundred", "third" ...
    if (i + 1 >= end) return false;
    char b2[16];
    const std::string_view next = LowerInto(doc.Text(doc.tokens[i + 1].span), b2, sizeof b2);
    return IsScaleOrFraction(next);
  }
  if (w.find('-') != std::string_view::npos) return true;  // "two-thirds", "forty-five"
  if (IsNumberWord(w)) return true;  // also a cardinal the tagger missed ("Seven aid workers")
  return c >= 'A' && c <= 'Z' && text.size() <= 3 && words.before.contains(w);
}

}  // namespace

StatusOr<std::shared_ptr<const CountLexicon>> LoadCountLexicon(const std::string& path) {
  dict::FieldFile file;
  if (Status st = dict::ReadFieldFile(path, '|', &file); !st.ok()) return st;
  auto lex = std::make_shared<CountLexicon>();
  lex->file = RelativeDataPath(path);
  for (const dict::FieldLine& l : file.lines) {
    if (l.fields.size() != 3) return dict::LineError(path, l.number, "expected 3 fields");
    const std::string_view kind = l.fields[0];
    Status st;
    if (kind == "@qualifier") {
      st = AddQualifiers(lex.get(), l.fields[1], l.fields[2], path, l.number);
    } else if (kind == "@currency") {
      st = AddCurrency(lex.get(), l.fields[1], l.fields[2], path, l.number);
    } else if (kind == "@unit") {
      if (l.fields[1].empty()) return dict::LineError(path, l.number, "empty unit");
      const std::vector<std::string_view> nouns = dict::SplitList(l.fields[2]);
      if (nouns.empty()) return dict::LineError(path, l.number, "no nouns");
      for (std::string_view n : nouns) lex->units[std::string(n)] = std::string(l.fields[1]);
    } else if (!kind.empty() && kind[0] == '@') {
      return dict::LineError(path, l.number, "unknown section '" + std::string(kind) + "'");
    } else {
      CountCue cue;
      cue.line = l.number;
      const std::string_view where = l.fields[1];
      if (where == "verb") {
        cue.role = CueRole::kVerb;
      } else if (where == "subject") {
        cue.role = CueRole::kSubject;
      } else if (where == "noun") {
        cue.role = CueRole::kNoun;
      } else if (where == "modifier") {
        cue.role = CueRole::kModifier;
      } else if (where == "plain-noun") {
        cue.role = CueRole::kPlainNoun;
      } else if (where == "departure") {
        cue.role = CueRole::kDeparture;
      } else if (where == "place") {
        cue.role = CueRole::kPlace;
      } else if (where == "from") {
        cue.role = CueRole::kFrom;
      } else {
        return dict::LineError(path, l.number, "unknown cue place '" + std::string(where) + "'");
      }
      if (kind.empty()) return dict::LineError(path, l.number, "empty type");
      auto it = std::find(lex->types.begin(), lex->types.end(), kind);
      if (it == lex->types.end()) {
        if (lex->types.size() >= 255) return dict::LineError(path, l.number, "too many types");
        lex->types.emplace_back(kind);
        it = lex->types.end() - 1;
      }
      cue.type = static_cast<uint8_t>(it - lex->types.begin());
      st = AddWords(lex.get(), l.fields[2], cue, path, l.number);
    }
    if (!st.ok()) return st;
  }
  std::stable_sort(lex->numbers.qualifiers.begin(), lex->numbers.qualifiers.end(),
                   [](const auto& a, const auto& b) { return a.words.size() > b.words.size(); });
  return std::shared_ptr<const CountLexicon>(std::move(lex));
}

void FindCounts(const CountLexicon& lexicon, Document& doc) {
  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    Finder f{lexicon, doc, s, si, doc.counts.size()};
    for (uint32_t i = s.tokens.begin; i < s.tokens.end;) {
      NumberExpr e;
      if (!MayStart(doc, i, s.tokens.end, lexicon.numbers) ||
          !ParseNumber(doc, s, i, lexicon.numbers, &e)) {
        ++i;
        continue;
      }
      f.Emit(e);
      i = std::max(e.tokens.end, i + 1);
    }
  }
}

}  // namespace annals::knowledge
