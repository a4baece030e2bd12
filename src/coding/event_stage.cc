// events.v1: the event patterns matched on the dependency tree.
//
// For each word that triggers a pattern (by lemma, or by the lower-cased
// word), the pattern's other words are looked for in the trigger's own
// clause, in order; the most specific pattern that matches wins. The source
// and target are then read off the tree (subject, object, passive agent, a
// `+` slot; for nouns the possessor or country adjective) and mapped to the
// actors of actors.v1; a name no dictionary knows becomes an actor with an
// empty code, so users see what to add. Negation, modality and attribution
// come from the words around the trigger: rules in docs/coding.md.
#include <algorithm>
#include <array>
#include <unordered_map>

#include "annals/coding.h"
#include "coding/coding_data.h"
#include "coding/tree.h"
#include "syntax/tagset.h"

namespace annals {
namespace {

using coding::Tree;
using dict::EventPattern;
using dict::PatternItem;

template <size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Proper nouns that name a time, not an actor: "sanctions on Friday".
constexpr std::array<std::string_view, 19> kTimeNames = {
    "monday",    "tuesday",  "wednesday", "thursday", "friday",   "saturday", "sunday",
    "january",   "february", "march",     "april",    "june",     "july",     "august",
    "september", "october",  "november",  "december", "christmas"};
constexpr std::array<std::string_view, 5> kNegators = {"not", "never", "n't", "no", "neither"};
// Verbs and nouns whose complement did not happen: "avoided vetoing".
constexpr std::array<std::string_view, 12> kNegatingHeads = {
    "avoid",   "refuse",  "fail",       "decline", "cease",   "stop",
    "failure", "refusal", "reluctance", "forgo",   "abstain", "halt"};
// Verbs whose object did not or will not happen: "cancelled a visit".
constexpr std::array<std::string_view, 9> kUndoingVerbs = {
    "cancel", "postpone", "scrap", "delay", "suspend", "abandon", "veto", "reject", "block"};
constexpr std::array<std::string_view, 6> kModals = {"would", "could",  "might",
                                                     "may",   "should", "must"};
constexpr std::array<std::string_view, 10> kHypotheticalModifiers = {
    "possible",  "potential",  "planned",     "proposed", "expected",
    "scheduled", "threatened", "prospective", "likely",   "imminent"};
constexpr std::array<std::string_view, 3> kConditionals = {"if", "unless", "whether"};
constexpr std::array<std::string_view, 30> kReporting = {
    "say",      "tell",      "announce",  "state",  "add",         "claim",
    "reveal",   "report",    "insist",    "warn",   "underscore",  "reiterate",
    "stress",   "note",      "confirm",   "deny",   "allege",      "write",
    "explain",  "argue",     "declare",   "assert", "tweet",       "suggest",
    "indicate", "emphasize", "emphasise", "point",  "acknowledge", "admit"};
constexpr std::array<std::string_view, 3> kRelativePronouns = {"which", "who", "that"};
// Adverbs that make a phrasal verb of their own: "press ahead" is not "press".
constexpr std::array<std::string_view, 10> kParticles = {"ahead", "forward", "back", "off", "out",
                                                         "up",    "down",    "away", "on",  "over"};

struct Match {
  int32_t target = -1, source = -1;
  uint32_t last = 0;            // last word of the pattern
  bool object_used = false;     // a pattern word is the trigger's object
  std::vector<uint32_t> words;  // tokens the pattern's words matched
};

class EventStage final : public Stage {
 public:
  explicit EventStage(std::shared_ptr<const CodingData> data) : data_(std::move(data)) {}
  std::string_view name() const override { return "events.v1"; }
  uint32_t requires_layers() const override { return kLayerActors; }
  uint32_t assigns_layers() const override { return kLayerEvents; }

  Status Process(Document& doc, Scratch&) const override {
    // Actors by head word; other words of an actor's phrase point there too.
    std::unordered_map<uint32_t, int32_t> by_token;
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      by_token[doc.actors[a].head] = static_cast<int32_t>(a);
    }
    for (size_t a = 0; a < doc.actors.size(); ++a) {
      for (uint32_t m : doc.actors[a].mentions) {
        for (uint32_t t = doc.mentions[m].tokens.begin; t < doc.mentions[m].tokens.end; ++t)
          by_token.emplace(t, static_cast<int32_t>(a));
      }
    }
    // Words a pattern already used ("rejected the ceasefire": "ceasefire"
    // belongs to the rejection) do not trigger events of their own.
    std::vector<bool> used(doc.tokens.size());
    dict::SentenceWords words;
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const Tree tree(doc, doc.sentences[s]);
      words.Clear();
      for (uint32_t t = tree.begin(); t < tree.end(); ++t) {
        words.Add(tree.Word(t));
        if (tree.Lower(t) != tree.Word(t)) words.Add(tree.Lower(t));
      }
      for (uint32_t t = tree.begin(); t < tree.end(); ++t) {
        if (!used[t]) CodeTrigger(doc, tree, words, s, t, by_token, used);
      }
    }
    return Status::Ok();
  }

 private:
  // `words`: the sentence's words as written and lower-cased, so that a
  // pattern naming a word the sentence lacks is skipped without walking the
  // tree.
  void CodeTrigger(Document& doc, const Tree& tree, const dict::SentenceWords& words, uint32_t s,
                   uint32_t t, std::unordered_map<uint32_t, int32_t>& by_token,
                   std::vector<bool>& used) const {
    const uint8_t upos = tree.Upos(t);
    // Proper nouns are names ("Live Aid"), not events.
    const bool noun = upos == syntax::upos::kNoun;
    const bool verb = upos == syntax::upos::kVerb || upos == syntax::upos::kAdj;
    if (!noun && !verb) return;
    // "aid groups", "peace talks envoy": a noun modifying another noun
    // names a kind of thing, not an event.
    if (noun && tree.Rel(t) == "compound") return;
    // Nor is a word inside a longer name ("according to aid groups").
    if (auto it = by_token.find(t); it != by_token.end()) {
      for (uint32_t m : doc.actors[it->second].mentions) {
        const IndexRange r = doc.mentions[m].tokens;
        if (r.begin <= t && t < r.end && r.size() > 1) return;
      }
    }
    const EventPattern* best = nullptr;
    uint32_t best_id = 0;
    Match best_match;
    for (std::string_view w : {tree.Word(t), tree.Lower(t)}) {
      const std::vector<uint32_t>* ids = data_->patterns.ForTrigger(w, noun);
      if (!ids) continue;
      for (uint32_t id : *ids) {
        const int specificity = data_->patterns.specificity(id);
        if (best && (specificity < best->specificity ||
                     (specificity == best->specificity && id > best_id))) {
          continue;
        }
        if (!data_->patterns.MayMatch(id, words)) continue;
        const EventPattern& p = data_->patterns.pattern(id);
        Match m;
        if (!MatchPattern(tree, t, p, &m)) continue;
        best = &p;
        best_id = id;
        best_match = m;
      }
    }
    if (!best) return;
    const dict::EventType* type = data_->ontology.Find(best->code);
    if (!type) return;

    // Source and target words.
    int32_t src = best_match.source, tgt = best_match.target;
    bool has_target_slot = false;
    for (const PatternItem& i : best->items) has_target_slot |= i.kind == PatternItem::kTarget;
    if (noun) {
      if (src < 0) src = NounSource(tree, t, by_token, tgt);
      if (src == static_cast<int32_t>(t)) src = CountryBefore(doc, tree, t, by_token, src);
    } else {
      const int32_t pass = tree.Child(t, "nsubj:pass");
      if (pass >= 0) {
        if (src < 0) src = Agent(tree, t);
        if (tgt < 0 && !has_target_slot) tgt = pass;
      } else {
        if (src < 0) src = Subject(tree, t, 0);
        // A statement's object is what was said, not whom it was said to.
        const bool statement = dict::Ontology::Root(type->code) == "01";
        if (tgt < 0 && !has_target_slot && !best_match.object_used && !statement) {
          tgt = tree.Child(t, "obj");
          if (tgt < 0) tgt = tree.Child(t, "iobj");
          if (tgt < 0) tgt = CountedOblique(tree, t);
        }
      }
    }
    std::vector<int32_t> sources;
    if (noun && src == static_cast<int32_t>(t)) {
      sources.push_back(CountryOfTrigger(doc, t, by_token));
    } else {
      sources = ActorsAt(doc, tree, src, by_token);
    }
    std::vector<int32_t> targets = ActorsAt(doc, tree, tgt, by_token);
    if (sources.empty() && targets.empty()) return;
    // Cooperation, aid, yielding and investigation are done to someone: a
    // bare verb of those kinds without a target ("civilians sheltering
    // there") is no event; a fuller pattern ("pledged aid") is.
    const int root = std::stoi(std::string(dict::Ontology::Root(type->code)));
    if (targets.empty() && !noun && root >= 3 && root <= 9 && best->specificity == 0) return;
    if (sources.empty()) sources.push_back(-1);
    if (targets.empty()) targets.push_back(-1);

    Event e;
    e.sentence = s;
    e.trigger = t;
    e.span = {doc.tokens[t].span.begin, doc.tokens[std::max(t, best_match.last)].span.end};
    e.code = type->code;
    e.root = std::string(dict::Ontology::Root(type->code));
    e.goldstein = type->goldstein;
    e.quad_class = type->quad_class;
    e.plover_event = type->plover_event;
    e.plover_mode = type->plover_mode;
    e.negated = Negated(tree, t);
    e.hypothetical = Hypothetical(tree, t);
    e.attribution = Attribution(doc, tree, t, by_token);
    e.confidence = 1.0f;
    e.evidence = {"pattern:" + best->code + ":" + best->text, best->file, best->line};
    for (uint32_t w : best_match.words) used[w] = true;
    for (int32_t a : sources) {
      for (int32_t b : targets) {
        if (a >= 0 && a == b) continue;
        if (a >= 0 && b >= 0 && doc.actors[a].code == doc.actors[b].code &&
            !doc.actors[a].code.empty()) {
          continue;  // "Israeli officials" acting on "Israel": not an event between two
        }
        Event x = e;
        x.source = a;
        x.target = b;
        doc.events.push_back(std::move(x));
      }
    }
  }

  static bool WordMatches(const Tree& tree, uint32_t u, const std::vector<std::string>& words) {
    for (size_t k = 0; k < words.size(); ++k) {
      const uint32_t v = u + static_cast<uint32_t>(k);
      if (v >= tree.end()) return false;
      if (tree.Word(v) != words[k] && tree.Lower(v) != words[k]) return false;
    }
    return true;
  }

  static bool MatchPattern(const Tree& tree, uint32_t t, const EventPattern& p, Match* m) {
    uint32_t pos = t;
    int32_t last_word = -1;
    for (const PatternItem& item : p.items) {
      if (item.kind == PatternItem::kWords) {
        bool found = false;
        for (uint32_t u = pos + 1; u < tree.end() && !found; ++u) {
          for (const std::vector<std::string>& alt : item.alternatives) {
            // The word first: the clause test walks the tree.
            if (!WordMatches(tree, u, alt) || !tree.InClause(u, t)) continue;
            found = true;
            last_word = static_cast<int32_t>(u + alt.size() - 1);
            for (uint32_t k = u; k <= static_cast<uint32_t>(last_word); ++k) m->words.push_back(k);
            pos = static_cast<uint32_t>(last_word);
            if (tree.Head(u) == static_cast<int32_t>(t) && tree.BaseRel(u) == "obj")
              m->object_used = true;
            break;
          }
        }
        if (!found) return false;
        continue;
      }
      int32_t slot = -1;
      if (last_word >= 0) {
        const std::string_view rel = tree.BaseRel(static_cast<uint32_t>(last_word));
        if (rel == "case" || rel == "mark") {
          slot = tree.Head(static_cast<uint32_t>(last_word));
        } else {
          slot = tree.Child(static_cast<uint32_t>(last_word), "obj");
          if (slot < 0) slot = tree.Child(static_cast<uint32_t>(last_word), "nmod");
        }
      } else {
        slot = tree.Child(t, "obj");
        if (slot < 0) slot = tree.Child(t, "iobj");
      }
      if (slot < 0 || slot == static_cast<int32_t>(t)) return false;
      (item.kind == PatternItem::kTarget ? m->target : m->source) = slot;
      pos = std::max(pos, static_cast<uint32_t>(slot));
    }
    m->last = last_word >= 0 ? static_cast<uint32_t>(last_word) : t;
    // A particle the pattern does not name makes another verb.
    for (uint32_t c : tree.Children(t)) {
      const std::string_view rel = tree.Rel(c);
      if (rel != "compound:prt" && !(rel == "advmod" && OneOf(tree.Word(c), kParticles))) continue;
      if (c > m->last || !PatternHas(p, tree, c)) return false;
    }
    return true;
  }

  static bool PatternHas(const EventPattern& p, const Tree& tree, uint32_t c) {
    for (const PatternItem& item : p.items) {
      for (const std::vector<std::string>& alt : item.alternatives) {
        for (const std::string& w : alt)
          if (w == tree.Word(c) || w == tree.Lower(c)) return true;
      }
    }
    return false;
  }

  // The subject of a verb, looking through control ("pressed Tel Aviv to
  // end": Tel Aviv ends), shared subjects of conjoined verbs, and the noun a
  // participle or relative clause modifies.
  static int32_t Subject(const Tree& tree, uint32_t t, int depth) {
    if (depth > 8) return -1;
    int32_t subj = tree.SubjectOf(t);
    const std::string_view rel = tree.BaseRel(t);
    const int32_t head = tree.Head(t);
    if (subj >= 0) {
      if (OneOf(tree.Lower(static_cast<uint32_t>(subj)), kRelativePronouns) &&
          tree.Upos(static_cast<uint32_t>(subj)) == syntax::upos::kPron) {
        if (rel == "acl" && head >= 0) return head;
        const int32_t antecedent = Antecedent(tree, static_cast<uint32_t>(subj));
        if (antecedent >= 0) return antecedent;
      }
      return subj;
    }
    if (head < 0) return -1;
    const uint32_t h = static_cast<uint32_t>(head);
    // An infinitive is controlled like an xcomp, whatever it was attached
    // as: "pressed Tel Aviv to end the war".
    if (rel == "xcomp" || (rel == "advcl" && IsInfinitive(tree, t))) {
      const int32_t obj = tree.Child(h, "obj");
      if (obj >= 0) return obj;
      return Subject(tree, h, depth + 1);
    }
    if (rel == "advcl" && tree.Child(t, "mark") < 0) {
      // "vetoing a resolution calling for ...": a participle right after an
      // object usually modifies that object, whatever the parser attached.
      const int32_t obj = tree.Child(h, "obj");
      if (obj >= 0 && static_cast<uint32_t>(obj) < t &&
          tree.Dominates(static_cast<uint32_t>(obj), t - 1))
        return obj;
    }
    if (rel == "conj" || rel == "advcl") return Subject(tree, h, depth + 1);
    if (rel == "acl") {
      // "Netanyahu's determination to launch": the possessor acts.
      const int32_t poss = tree.Child(h, "nmod:poss");
      return poss >= 0 && tree.Child(t, "mark") >= 0 ? poss : head;
    }
    return -1;
  }

  // A nominal trigger that is itself a role word of its actor ("US
  // opposition to ...": "opposition" is also the agent OPP): the actor is the
  // rest of the phrase, the country. Returns the actor index to use.
  static int32_t CountryOfTrigger(Document& doc, uint32_t t,
                                  const std::unordered_map<uint32_t, int32_t>& by_token) {
    const int32_t a = by_token.at(t);
    const Actor& actor = doc.actors[a];
    bool trigger_is_agent = false;
    for (uint32_t m : actor.mentions) {
      const Mention& x = doc.mentions[m];
      if (x.kind == MentionKind::kAgent && x.tokens.begin <= t && t < x.tokens.end)
        trigger_is_agent = true;
    }
    if (!trigger_is_agent || actor.kind != "agent" || actor.code.size() <= 3 ||
        actor.code.compare(0, 3, "---") == 0) {
      return a;
    }
    Actor country = actor;
    country.code = actor.code.substr(0, 3);
    country.kind = "country";
    for (uint32_t m : actor.mentions) {
      const Mention& x = doc.mentions[m];
      if (x.kind != MentionKind::kActor) continue;
      country.evidence = x.evidence;
      country.name = std::string(doc.Text(x.span));
      country.span = x.span;
    }
    doc.actors.push_back(std::move(country));
    return static_cast<int32_t>(doc.actors.size() - 1);
  }

  static bool IsInfinitive(const Tree& tree, uint32_t t) {
    const int32_t mark = tree.Child(t, "mark");
    return mark >= 0 && tree.Word(static_cast<uint32_t>(mark)) == "to";
  }

  // What a relative pronoun stands for: the nearest noun before it, skipping
  // a parenthetical set off by commas ("the war, now in its sixth month,
  // that has killed").
  static int32_t Antecedent(const Tree& tree, uint32_t pronoun) {
    int32_t j = static_cast<int32_t>(pronoun) - 1;
    const int32_t first = static_cast<int32_t>(tree.begin());
    if (j >= first && tree.Lower(static_cast<uint32_t>(j)) == ",") {
      int32_t k = j - 1;
      while (k >= first && k > j - 12 && tree.Lower(static_cast<uint32_t>(k)) != ",") --k;
      if (k >= first && tree.Lower(static_cast<uint32_t>(k)) == ",") j = k - 1;
    }
    for (; j >= first; --j) {
      const uint8_t u = tree.Upos(static_cast<uint32_t>(j));
      if (u == syntax::upos::kNoun || u == syntax::upos::kPropn) return j;
    }
    return -1;
  }

  // "killed over 32,000 civilians" is often parsed with "over" as a
  // preposition: a counted oblique stands for the object.
  static int32_t CountedOblique(const Tree& tree, uint32_t t) {
    for (uint32_t c : tree.Children(t)) {
      if (tree.BaseRel(c) != "obl" || tree.Child(c, "nummod") < 0) continue;
      const int32_t k = tree.Child(c, "case");
      // No preposition at all: a counted object the parser took for an
      // oblique ("killed over 32,000 civilians", "over" on the number).
      if (k < 0) return static_cast<int32_t>(c);
      const std::string_view w = tree.Lower(static_cast<uint32_t>(k));
      if (w == "over" || w == "nearly" || w == "almost" || w == "about" || w == "around" ||
          w == "some")
        return static_cast<int32_t>(c);
    }
    return -1;
  }

  // The `by` phrase of a passive.
  static int32_t Agent(const Tree& tree, uint32_t t) {
    const int32_t a = tree.Child(t, "obl:agent");
    if (a >= 0) return a;
    for (uint32_t c : tree.Children(t)) {
      if (tree.BaseRel(c) != "obl") continue;
      const int32_t k = tree.Child(c, "case");
      if (k >= 0 && tree.Word(static_cast<uint32_t>(k)) == "by") return static_cast<int32_t>(c);
    }
    return -1;
  }

  // A nominal event's source: the actor of its own phrase ("Israel's
  // invasion", "Israeli strikes"), a `by` phrase, or the subject of the verb
  // whose object it is ("Israel carried out strikes").
  // An "of" phrase the pattern did not take as the target names the doer
  // ("a visit of an Israeli delegation to Washington").
  static int32_t NounSource(const Tree& tree, uint32_t t,
                            const std::unordered_map<uint32_t, int32_t>& by_token,
                            int32_t target = -1, bool of_names_doer = false) {
    if (by_token.count(t)) return static_cast<int32_t>(t);
    int32_t of = -1;
    for (uint32_t c : tree.Children(t)) {
      if (tree.BaseRel(c) != "nmod" || static_cast<int32_t>(c) == target) continue;
      const int32_t k = tree.Child(c, "case");
      if (k < 0) continue;
      const std::string_view prep = tree.Word(static_cast<uint32_t>(k));
      if (prep == "by") return static_cast<int32_t>(c);
      if (prep == "of" && of < 0 && (target >= 0 || of_names_doer)) of = static_cast<int32_t>(c);
    }
    if (of >= 0) return of;
    const int32_t head = tree.Head(t);
    if (head >= 0 && tree.BaseRel(t) == "obj") return Subject(tree, static_cast<uint32_t>(head), 0);
    return -1;
  }

  // US "opposition to ...": a role noun without a country ("opposition",
  // ---OPP) whose country stands just before it, cut off by a quotation
  // mark the parser took for a boundary; the country is the source.
  static int32_t CountryBefore(const Document& doc, const Tree& tree, uint32_t t,
                               const std::unordered_map<uint32_t, int32_t>& by_token,
                               int32_t fallback) {
    const auto self = by_token.find(t);
    if (self == by_token.end() || doc.actors[self->second].code.rfind("---", 0) != 0) {
      return fallback;
    }
    uint32_t u = t;
    while (u > tree.begin() && doc.tokens[u - 1].kind == TokenKind::kQuote) --u;
    if (u == t || u == tree.begin()) return fallback;
    const auto before = by_token.find(u - 1);
    if (before == by_token.end()) return fallback;
    const std::string& code = doc.actors[before->second].code;
    return code.size() >= 3 && code.rfind("---", 0) != 0 ? static_cast<int32_t>(u - 1) : fallback;
  }

  // The actors a word stands for, with its conjuncts ("Israel and Egypt").
  std::vector<int32_t> ActorsAt(Document& doc, const Tree& tree, int32_t w,
                                std::unordered_map<uint32_t, int32_t>& by_token,
                                int depth = 0) const {
    std::vector<int32_t> out;
    if (w < 0) return out;
    std::vector<uint32_t> words = {static_cast<uint32_t>(w)};
    for (size_t i = 0; i < words.size() && i < 16; ++i) {
      for (uint32_t c : tree.Children(words[i]))
        if (tree.BaseRel(c) == "conj") words.push_back(c);
    }
    for (uint32_t x : words) {
      auto it = by_token.find(x);
      if (it != by_token.end()) {
        if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
        continue;
      }
      if (tree.Upos(x) == syntax::upos::kPropn) {
        if (!OneOf(tree.Lower(x), kTimeNames)) out.push_back(UnknownActor(doc, tree, x, by_token));
      } else if (tree.Upos(x) == syntax::upos::kNoun && depth < 2) {
        // "the war that has killed ...": whose war? its owner, or the one
        // who wages it.
        const int32_t owner = NounSource(tree, x, by_token, -1, true);
        if (owner >= 0 && owner != static_cast<int32_t>(x)) {
          for (int32_t a : ActorsAt(doc, tree, owner, by_token, depth + 1)) out.push_back(a);
        }
      }
    }
    return out;
  }

  // A proper name no dictionary knows: kept with its words.
  static int32_t UnknownActor(Document& doc, const Tree& tree, uint32_t x,
                              std::unordered_map<uint32_t, int32_t>& by_token) {
    uint32_t first = x, last = x;
    for (uint32_t c : tree.Children(x)) {
      const std::string_view r = tree.BaseRel(c);
      if (r != "compound" && r != "flat") continue;
      first = std::min(first, c);
      last = std::max(last, c);
    }
    Actor a;
    a.kind = "unknown";
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      if (doc.sentences[s].tokens.begin <= x && x < doc.sentences[s].tokens.end) a.sentence = s;
    }
    a.head = x;
    a.span = {doc.tokens[first].span.begin, doc.tokens[last].span.end};
    a.name = std::string(doc.Text(a.span));
    a.evidence = {"actor:unknown", "", 0};
    const int32_t id = static_cast<int32_t>(doc.actors.size());
    doc.actors.push_back(std::move(a));
    by_token[x] = id;
    return id;
  }

  static bool Negated(const Tree& tree, uint32_t t) {
    for (uint32_t c : tree.Children(t)) {
      const std::string_view r = tree.BaseRel(c);
      if ((r == "advmod" || r == "det") && OneOf(tree.Word(c), kNegators)) return true;
    }
    const int32_t head = tree.Head(t);
    if (head < 0) return false;
    const std::string_view rel = tree.BaseRel(t);
    const std::string_view governor = tree.Word(static_cast<uint32_t>(head));
    if ((rel == "xcomp" || rel == "acl" || rel == "ccomp") && OneOf(governor, kNegatingHeads))
      return true;
    return rel == "obj" && OneOf(governor, kUndoingVerbs);
  }

  static bool Hypothetical(const Tree& tree, uint32_t t) {
    for (uint32_t c : tree.Children(t)) {
      const std::string_view r = tree.BaseRel(c);
      if (r == "aux" && OneOf(tree.Word(c), kModals)) return true;
      if (r == "amod" && (OneOf(tree.Word(c), kHypotheticalModifiers) ||
                          OneOf(tree.Lower(c), kHypotheticalModifiers))) {
        return true;
      }
    }
    const std::string_view rel = tree.BaseRel(t);
    const int32_t mark = tree.Child(t, "mark");
    if (mark >= 0) {
      const std::string_view m = tree.Word(static_cast<uint32_t>(mark));
      if (m == "to" && (rel == "xcomp" || rel == "acl" || rel == "advcl" || rel == "ccomp"))
        return true;  // an infinitive: intended, not done
      if (OneOf(m, kConditionals)) return true;
    }
    return false;
  }

  // Who the text says asserted the event: the subject of a reporting verb
  // the event's clause depends on, a reporting verb added as a parenthetical
  // ("..., Miller says"), or an "according to" phrase in the sentence.
  int32_t Attribution(Document& doc, const Tree& tree, uint32_t t,
                      std::unordered_map<uint32_t, int32_t>& by_token) const {
    uint32_t c = t;
    for (int guard = 0; guard < 32; ++guard) {
      const int32_t head = tree.Head(c);
      if (head < 0) break;
      const uint32_t h = static_cast<uint32_t>(head);
      if ((tree.BaseRel(c) == "ccomp" || tree.BaseRel(c) == "parataxis") &&
          OneOf(tree.Word(h), kReporting)) {
        const std::vector<int32_t> who = ActorsAt(doc, tree, Subject(tree, h, 0), by_token);
        if (!who.empty()) return who.front();
      }
      c = h;
    }
    // c is now the root of t's tree.
    for (uint32_t p : tree.Children(c)) {
      if (p != t && IsReportingTag(tree, p)) {
        const std::vector<int32_t> who = ActorsAt(doc, tree, Subject(tree, p, 0), by_token);
        if (!who.empty()) return who.front();
      }
    }
    for (uint32_t u = tree.begin(); u + 1 < tree.end(); ++u) {
      if (tree.Lower(u) != "according" || tree.Lower(u + 1) != "to") continue;
      const int32_t obj = tree.Head(u);
      if (obj >= 0) {
        const std::vector<int32_t> who = ActorsAt(doc, tree, obj, by_token);
        if (!who.empty()) return who.front();
      }
    }
    return ClosingSpeaker(doc, tree, t, by_token);
  }

  // "..., Matthew Miller said." read off the words when the parse lost it
  // (the name taken for a conjunct of "Monday", "said" for a complement):
  // the sentence ends in a comma, one actor and a reporting verb.
  static int32_t ClosingSpeaker(const Document& doc, const Tree& tree, uint32_t t,
                                const std::unordered_map<uint32_t, int32_t>& by_token) {
    uint32_t end = tree.end();
    while (end > tree.begin() && doc.tokens[end - 1].kind == TokenKind::kPunct) --end;
    if (end < tree.begin() + 3 || end - 1 <= t || !OneOf(tree.Word(end - 1), kReporting)) return -1;
    const auto who = by_token.find(end - 2);
    if (who == by_token.end()) return -1;
    uint32_t u = end - 2;
    while (u > t && by_token.count(u - 1) && by_token.at(u - 1) == who->second) --u;
    if (u <= t + 1 || tree.Word(u - 1) != ",") return -1;
    return who->second;
  }

  // "..., Miller says." / "..., the White House announced.": a reporting
  // verb tacked on after a comma, with nothing reported of its own. Parsers
  // attach it as parataxis or, often, as a conjunct.
  static bool IsReportingTag(const Tree& tree, uint32_t p) {
    if (!OneOf(tree.Word(p), kReporting)) return false;
    const std::string_view rel = tree.BaseRel(p);
    if (rel == "parataxis") return true;
    if (rel != "conj" || tree.Child(p, "obj") >= 0 || tree.Child(p, "ccomp") >= 0 ||
        tree.Child(p, "cc") >= 0) {
      return false;
    }
    // The tag ends the sentence ("..., Matthew Miller said."), or the word
    // before the verb's phrase is a comma ("..., the White House announced
    // on Monday").
    bool last = true;
    for (uint32_t u = p + 1; u < tree.end() && last; ++u)
      last = tree.Upos(u) == syntax::upos::kPunct;
    if (last) return true;
    uint32_t u = p;
    while (u > tree.begin() && tree.Dominates(p, u - 1) && tree.Lower(u - 1) != ",") --u;
    return u > tree.begin() && tree.Lower(u - 1) == ",";
  }

  std::shared_ptr<const CodingData> data_;
};

}  // namespace

std::unique_ptr<Stage> MakeEventStage(std::shared_ptr<const CodingData> data) {
  return std::make_unique<EventStage>(std::move(data));
}

}  // namespace annals
