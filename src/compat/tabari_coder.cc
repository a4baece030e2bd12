#include "compat/tabari_coder.h"

#include <algorithm>
#include <set>

#include "annals/document.h"
#include "text/tokenizer.h"

namespace annals::compat {

struct TabariCoder::Unit {
  size_t b = 0, e = 0;
  bool agent = false;
  bool before = false;  // an agent whose code goes first ("NGO~")
  std::string code;
  uint32_t line = 0;  // the dictionary entry
};

struct TabariCoder::Group {
  size_t b = 0, e = 0;
  std::string code;
  uint32_t line = 0;       // the deciding entry: the actor's, else the agent's
  bool agent = false;      // ... which is an agent
  std::string agent_code;  // the last role added to the code, if any
  int compound = -1;       // groups listed together ("A, B and C") share an id
};

struct TabariCoder::Slots {
  int target = -1, source = -1;  // group indices
  bool compound = false;
  size_t end = 0;    // first word after what the pattern matched
  size_t begin = 0;  // first word of what it matched before the verb
  int words = 0;     // pattern elements matched, for choosing the fullest pattern
};

namespace {

std::string Key(const std::string& w) { return w.substr(0, 3); }

bool WordMatches(const std::string& x, const std::string& y, bool stem) {
  return stem ? x.compare(0, y.size(), y) == 0 : x == y;
}

// The phrase at word i. With `gaps`, a word written after a space may come
// up to two words later than the one before it (actors' names only).
bool PhraseAt(const std::vector<std::string>& w, size_t i, const Phrase& p, size_t* len,
              bool gaps = false) {
  size_t at = i;
  for (size_t k = 0; k < p.words.size(); ++k) {
    const bool stem = p.stem && k + 1 == p.words.size();
    const size_t slack = gaps && k > 0 && k < p.loose.size() && p.loose[k] ? 2 : 0;
    size_t found = at;
    while (found < w.size() && found <= at + slack && !WordMatches(w[found], p.words[k], stem))
      ++found;
    if (found >= w.size() || found > at + slack) return false;
    // Skipped words must be words, not punctuation.
    for (size_t x = at; x < found; ++x)
      if (w[x] == "," || w[x] == "." || w[x] == ";" || w[x] == ":") return false;
    at = found + 1;
  }
  *len = at - i;
  return true;
}

bool IsDeterminer(const std::string& w) {
  return w == "A" || w == "AN" || w == "THE" || w == "ITS" || w == "THEIR" || w == "HIS" ||
         w == "HER" || w == "THIS";
}

bool IsBe(const std::string& w) {
  return w == "IS" || w == "WAS" || w == "WERE" || w == "ARE" || w == "BEEN" || w == "BE";
}

bool IsPreposition(const std::string& w) {
  return w == "IN" || w == "ON" || w == "AT" || w == "DURING" || w == "ACCORDING" || w == "AFTER" ||
         w == "BEFORE" || w == "FOR" || w == "WITH";
}

// Whether `code`, cut into three-letter blocks, has `role` as one of them
// ("GMWGOV" has GOV, not WGO).
bool HasBlock(const std::string& code, const std::string& role) {
  for (size_t i = 0; i + role.size() <= code.size(); i += 3)
    if (code.compare(i, role.size(), role) == 0) return true;
  return false;
}

bool IsSubordinator(const std::string& w) {
  return w == "AFTER" || w == "BEFORE" || w == "WHEN" || w == "WHILE" || w == "BECAUSE" ||
         w == "SINCE" || w == "UNTIL" || w == "IF" || w == "ALTHOUGH" || w == "WHERE" ||
         w == "WHETHER";
}

bool IsClauseStart(const std::string& w) {
  static const std::set<std::string> kStarts = {
      ";",     ":",       "THAT",  "WHO",   "WHICH", "AFTER",    "BEFORE", "WHEN",
      "WHILE", "BECAUSE", "SINCE", "UNTIL", "IF",    "ALTHOUGH", "WHERE",  "WHETHER"};
  return kStarts.count(w) > 0;
}

}  // namespace

std::vector<std::string> TabariWords(std::string_view text) {
  std::vector<Token> tokens;
  internal::TokenizeSpan(text, Span{0, static_cast<uint32_t>(text.size())}, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    std::string w(t.norm.empty() ? text.substr(t.span.begin, t.span.size())
                                 : std::string_view(t.norm));
    for (char& c : w)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    // "Dol_Amroth" in a test sentence is two words, as in the dictionaries.
    size_t start = 0;
    for (size_t us; (us = w.find('_', start)) != std::string::npos; start = us + 1) {
      if (us > start) out.push_back(w.substr(start, us - start));
    }
    if (start < w.size()) out.push_back(w.substr(start));
  }
  return out;
}

TabariCoder::TabariCoder(const TabariDictionary& dict) : dict_(dict) {
  // The readers refuse phrases without words; the index checks again, as it
  // is the one place that takes a phrase's first word.
  for (uint32_t a = 0; a < dict.actors().size(); ++a) {
    for (uint32_t n = 0; n < dict.actors()[a].names.size(); ++n)
      if (!dict.actors()[a].names[n].words.empty())
        actor_index_[Key(dict.actors()[a].names[n].words.front())].emplace_back(a, n);
  }
  for (uint32_t a = 0; a < dict.agents().size(); ++a) {
    for (uint32_t n = 0; n < dict.agents()[a].names.size(); ++n)
      if (!dict.agents()[a].names[n].words.empty())
        agent_index_[Key(dict.agents()[a].names[n].words.front())].emplace_back(a, n);
  }
  for (uint32_t v = 0; v < dict.verbs().size(); ++v) {
    for (uint32_t n = 0; n < dict.verbs()[v].forms.size(); ++n)
      if (!dict.verbs()[v].forms[n].words.empty())
        verb_index_[Key(dict.verbs()[v].forms[n].words.front())].emplace_back(v, n);
  }
}

std::vector<TabariCoder::Unit> TabariCoder::FindUnits(const std::vector<std::string>& w,
                                                      int date) const {
  std::vector<Unit> units;
  for (size_t i = 0; i < w.size();) {
    Unit best;
    size_t best_len = 0;
    auto consider = [&](const auto& index, bool agent) {
      auto it = index.find(Key(w[i]));
      if (it == index.end()) return;
      for (const auto& [entry, name] : it->second) {
        size_t len = 0;
        const Phrase& p =
            agent ? dict_.agents()[entry].names[name] : dict_.actors()[entry].names[name];
        if (!PhraseAt(w, i, p, &len, !agent) || len <= best_len) continue;
        Unit u;
        u.b = i;
        u.e = i + len;
        u.agent = agent;
        if (agent) {
          u.code = dict_.agents()[entry].code;
          u.before = dict_.agents()[entry].before;
          u.line = dict_.agents()[entry].line;
        } else {
          u.code = dict_.actors()[entry].CodeOn(date);
          u.line = dict_.actors()[entry].line;
        }
        best = u;
        best_len = len;
      }
    };
    consider(actor_index_, false);
    consider(agent_index_, true);
    if (best_len == 0) {
      ++i;
      continue;
    }
    if (!best.code.empty()) units.push_back(best);
    i += best_len;
  }
  return units;
}

std::vector<TabariCoder::Group> TabariCoder::MakeGroups(const std::vector<std::string>& w,
                                                        std::vector<Unit> units) const {
  auto gap = [&](size_t from, size_t to) {
    return std::vector<std::string>(w.begin() + static_cast<long>(from),
                                    w.begin() + static_cast<long>(to));
  };
  auto is_punct = [](const std::string& x) {
    return x == "," || x == ";" || x == ":" || x == "." || x == "(" || x == ")";
  };
  // Units that name one actor: "MSF Arnor diplomat", "Gondor's government",
  // "Ithilen's awful and evil minister", "soldiers from Gondor".
  auto links = [&](const Unit& a, const Unit& b) {
    const std::vector<std::string> g = gap(a.e, b.b);
    if (g.empty() || g == std::vector<std::string>{"FORMER"}) return true;
    if (g.front() == "'S" && g.size() <= 5) {
      for (const std::string& x : g)
        if (is_punct(x)) return false;
      return b.agent;
    }
    if (a.agent && !b.agent) {
      return g == std::vector<std::string>{"OF"} || g == std::vector<std::string>{"OF", "THE"} ||
             g == std::vector<std::string>{"IN"} || g == std::vector<std::string>{"FROM"};
    }
    return false;
  };
  std::vector<Group> groups;
  std::vector<std::string> of_agent;  // per group: an agent code to share with its compound
  for (size_t u = 0; u < units.size();) {
    size_t v = u + 1;
    int actors = units[u].agent ? 0 : 1;
    while (v < units.size() && links(units[v - 1], units[v]) &&
           actors + (units[v].agent ? 0 : 1) <= 1) {
      actors += units[v].agent ? 0 : 1;
      ++v;
    }
    std::string before, actor, after;
    for (size_t k = u; k < v; ++k) {
      const Unit& x = units[k];
      if (!x.agent) {
        actor = x.code;
      } else if (x.before) {
        before += x.code;
      } else if ((actor.empty() && k + 1 < v) ||
                 (!HasBlock(actor, x.code) && !HasBlock(after, x.code))) {
        // "soldiers from Gondor": the role follows the country; "White
        // House officials" stays USAGOV, the role being there already.
        after += x.code;
      }
    }
    Group g;
    g.b = units[u].b;
    g.e = units[v - 1].e;
    g.code = before + (actor.empty() ? "---" : actor) + after;
    // "former security officials", "former Gondor prosecutors": PETRARCH
    // codes people out of office as elites (ELI), whatever their old role.
    bool former = g.b > 0 && w[g.b - 1] == "FORMER";
    for (size_t x = g.b; x < g.e; ++x) former |= w[x] == "FORMER";
    if (former) {
      g.code = before + (actor.empty() ? "---" : actor) + "ELI";
      if (g.b > 0 && w[g.b - 1] == "FORMER") --g.b;
    }
    g.agent = actor.empty();
    for (size_t k = v; k-- > u;) {
      if (units[k].agent && !units[k].before) {
        g.agent_code = units[k].code;
        break;
      }
    }
    for (size_t k = u; k < v; ++k) {
      if (!units[k].agent || actor.empty()) {
        g.line = units[k].line;
        break;
      }
    }
    groups.push_back(g);
    // "the ambassadors of Arnor, Osgiliath and Gondor": the role is shared.
    of_agent.push_back(units[u].agent && !actor.empty() && v - u == 2 ? units[u].code : "");
    u = v;
  }
  // Compounds: groups separated by a few words that hold a conjunction or a
  // comma ("Mordor, Rohan, Fornost and Bree"; "Fornost and the evil awful
  // Gondor").
  int next_id = 0;
  for (size_t k = 0; k + 1 < groups.size(); ++k) {
    const std::vector<std::string> g = gap(groups[k].e, groups[k + 1].b);
    if (g.empty() || g.size() > 6) continue;
    // A comma lists ("Mordor, Rohan", "Mordor, the awful Fornost") unless an
    // indefinite noun phrase follows (", a senior official said"), which
    // adds someone new; "and"/"or"/"nor" always list.
    bool word_conj = false, comma = false, indefinite = false, clean = true;
    for (const std::string& x : g) {
      word_conj |= x == "AND" || x == "OR" || x == "NOR";
      comma |= x == ",";
      indefinite |= x == "A" || x == "AN";
      clean &= x != ";" && x != ":" && x != "." && !IsClauseStart(x) && !IsVerbWord(x);
    }
    const bool conj = word_conj || (comma && !indefinite);
    if (!conj || !clean) continue;
    if (groups[k].compound < 0) groups[k].compound = next_id++;
    groups[k + 1].compound = groups[k].compound;
    // "Danish media and government": a bare role in a list takes the
    // country of the member before it.
    if (groups[k + 1].code.compare(0, 3, "---") == 0 && groups[k].code.compare(0, 3, "---") != 0 &&
        !groups[k + 1].agent_code.empty() && groups[k].code.size() > groups[k].agent_code.size()) {
      groups[k + 1].code =
          groups[k].code.substr(0, groups[k].code.size() - groups[k].agent_code.size()) +
          groups[k + 1].agent_code;
    }
    if (!of_agent[k].empty() && groups[k + 1].code.find(of_agent[k]) == std::string::npos) {
      groups[k + 1].code += of_agent[k];
      of_agent[k + 1] = of_agent[k];
    }
  }
  return groups;
}

bool TabariCoder::IsVerbWord(const std::string& word) const {
  auto it = verb_index_.find(Key(word));
  if (it == verb_index_.end()) return false;
  for (const auto& [v, f] : it->second) {
    const Phrase& p = dict_.verbs()[v].forms[f];
    if (p.words.size() == 1 && p.words[0] == word) return true;
  }
  return false;
}

bool TabariCoder::MatchWords(const std::vector<std::string>& w, size_t at, const PatternElement& e,
                             size_t* len) const {
  if (e.kind == PatternElement::kWord) {
    if (at >= w.size() || w[at] != e.word) return false;
    *len = 1;
    return true;
  }
  const auto* members = dict_.Synset(e.word);
  if (members == nullptr) return false;
  for (const std::vector<std::string>& m : *members) {
    if (m.size() == 1 && m[0][0] == '&') {  // a synset inside a synset
      PatternElement inner;
      inner.kind = PatternElement::kSynset;
      inner.word = m[0];
      if (MatchWords(w, at, inner, len)) return true;
      continue;
    }
    if (at + m.size() > w.size()) continue;
    if (std::equal(m.begin(), m.end(), w.begin() + static_cast<long>(at))) {
      *len = m.size();
      return true;
    }
  }
  return false;
}

bool TabariCoder::MatchPattern(const std::vector<std::string>& w, const std::vector<Group>& groups,
                               size_t vb, size_t ve, const VerbPattern& p, Slots* slots) const {
  auto group_from = [&](size_t from, bool exact) -> int {
    for (size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].b < from) continue;
      if (exact && groups[g].b != from) return -1;
      return static_cast<int>(g);
    }
    return -1;
  };
  auto group_before = [&](size_t to, bool exact) -> int {
    for (size_t g = groups.size(); g-- > 0;) {
      if (groups[g].e > to) continue;
      if (exact && groups[g].e != to) return -1;
      return static_cast<int>(g);
    }
    return -1;
  };
  // After the verb, left to right; an element tied by '_' to the one before
  // it (or to the verb) must come next.
  size_t pos = ve;
  bool tied = p.after_joined;
  for (const PatternElement& e : p.after) {
    switch (e.kind) {
      case PatternElement::kWord:
      case PatternElement::kSynset: {
        size_t len = 0;
        size_t at = pos;
        if (tied) {
          if (!MatchWords(w, at, e, &len)) return false;
        } else {
          while (at < w.size() && !MatchWords(w, at, e, &len)) ++at;
          if (at >= w.size()) return false;
        }
        pos = at + len;
        ++slots->words;
        break;
      }
      case PatternElement::kTarget:
      case PatternElement::kSource:
      case PatternElement::kCompound: {
        const int g = group_from(pos, tied);
        if (g < 0) return false;
        if (e.kind == PatternElement::kCompound && groups[g].compound < 0) return false;
        // After the verb, "%" is a compound target: each member is a target.
        (e.kind == PatternElement::kSource ? slots->source : slots->target) = g;
        pos = groups[g].e;
        break;
      }
      case PatternElement::kSkip: {  // "^": step over the actor right here, if any
        const int g = group_from(pos, false);
        if (g >= 0 && groups[g].b <= pos + 2) pos = groups[g].e;
        break;
      }
    }
    tied = e.joined;
  }
  slots->end = pos;
  // Before the verb, right to left; an element tied to the next one (or to
  // the verb) must stand right before it.
  size_t end = vb;
  slots->begin = vb;
  for (size_t k = p.before.size(); k-- > 0;) {
    const PatternElement& e = p.before[k];
    const bool must_touch = e.joined;
    switch (e.kind) {
      case PatternElement::kWord:
      case PatternElement::kSynset: {
        bool found = false;
        // A tied element must end right where the next one starts; it may
        // span several words ("DID N'T"), so look a few words back.
        const size_t lowest = must_touch && end > 6 ? end - 6 : 0;
        for (size_t at = end; at-- > lowest;) {
          size_t len = 0;
          if (MatchWords(w, at, e, &len) && at + len <= end && (!must_touch || at + len == end)) {
            end = at;
            found = true;
            break;
          }
        }
        if (!found) return false;
        ++slots->words;
        break;
      }
      case PatternElement::kTarget:
      case PatternElement::kSource:
      case PatternElement::kCompound: {
        const int g = group_before(end, must_touch);
        if (g < 0) return false;
        if (e.kind == PatternElement::kCompound) {
          // Before the verb, "%" is a compound whose members act on each
          // other ("Gondor and Osgiliath delayed their meeting").
          if (groups[g].compound < 0) return false;
          slots->compound = true;
        }
        (e.kind == PatternElement::kTarget ? slots->target : slots->source) = g;
        end = groups[g].b;
        break;
      }
      case PatternElement::kSkip:
        break;
    }
  }
  slots->begin = end;
  return true;
}

namespace {

// A code TABARI would write: digits, maybe a letter ("174L"). Test
// dictionaries use "+++", "###" or "xxy" to mark patterns that must not fire.
bool UsableCode(const std::string& c) {
  if (c.empty() || c[0] < '0' || c[0] > '9') return false;
  for (char ch : c)
    if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
      return false;
  return true;
}

}  // namespace

std::vector<TabariEvent> TabariCoder::Code(const std::vector<std::string>& w, int date) const {
  std::vector<TabariEvent> out;
  for (const auto* list : {&dict_.discards(), &dict_.story_discards()}) {
    for (const Phrase& d : *list) {
      for (size_t i = 0; i < w.size(); ++i) {
        size_t len = 0;
        if (PhraseAt(w, i, d, &len)) return out;
      }
    }
  }
  const std::vector<Group> groups = MakeGroups(w, FindUnits(w, date));
  auto members = [&](int g) {
    std::vector<int> m;
    if (g < 0) return m;
    if (groups[g].compound < 0) return std::vector<int>{g};
    for (size_t k = 0; k < groups.size(); ++k)
      if (groups[k].compound == groups[g].compound) m.push_back(static_cast<int>(k));
    return m;
  };
  auto in_compound_gap = [&](size_t x) {  // a comma inside "A, B and C"
    for (size_t k = 0; k + 1 < groups.size(); ++k) {
      if (groups[k].compound >= 0 && groups[k].compound == groups[k + 1].compound &&
          groups[k].e <= x && x < groups[k + 1].b)
        return true;
    }
    return false;
  };
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  size_t verb_at = 0;
  auto emit = [&](int a, int b, const std::string& code, uint32_t verb_line, uint32_t line) {
    const std::string target = b < 0 ? "---" : groups[b].code;
    if (b >= 0 && groups[a].code == target) return;
    if (!seen.emplace(groups[a].code, target, code).second) return;
    TabariEvent e{groups[a].code, target, code, verb_line, line};
    e.source_begin = groups[a].b;
    e.source_end = groups[a].e;
    e.source_line = groups[a].line;
    e.source_agent = groups[a].agent;
    if (b >= 0) {
      e.target_begin = groups[b].b;
      e.target_end = groups[b].e;
      e.target_line = groups[b].line;
      e.target_agent = groups[b].agent;
    }
    e.verb = verb_at;
    out.push_back(std::move(e));
  };
  size_t covered = 0;    // words an earlier event used up
  int last_source = -1;  // for "... and promised aid"
  size_t last_event_end = 0;
  size_t last_clause = 0;
  size_t last_event_count = 0;  // events before the last verb's, to undo them
  for (size_t i = 0; i < w.size(); ++i) {
    auto it = verb_index_.find(Key(w[i]));
    if (it == verb_index_.end()) continue;
    int verb = -1;
    size_t len = 0;
    for (const auto& [v, f] : it->second) {
      size_t l = 0;
      if (PhraseAt(w, i, dict_.verbs()[v].forms[f], &l) && l > len) {
        verb = static_cast<int>(v);
        len = l;
      }
    }
    if (verb < 0) continue;
    bool in_group = false;  // inside an actor's name a word is not a verb
    for (const Group& g : groups) in_group |= g.b <= i && i < g.e;
    if (in_group) continue;
    // After a determiner the word is a noun ("in an accord with"), and so
    // after a name that follows a hyphen ("an anti- Gondor parade").
    if (i > 0 && IsDeterminer(w[i - 1])) continue;
    bool after_named_modifier = false;
    for (const Group& g : groups) {
      after_named_modifier |= g.e == i && g.b > 0 && w[g.b - 1] == "-";
    }
    if (after_named_modifier) continue;
    // "... a neat place to visit": an infinitive after an event belongs to it.
    if (i > 0 && w[i - 1] == "TO" && last_source >= 0) continue;
    const TabariVerb& v = dict_.verbs()[verb];
    // The verb's clause starts after the last comma (not one inside a list
    // of actors), semicolon, colon, relative pronoun or subordinating word.
    size_t clause = 0;
    bool subordinate = false;  // "after crowds burned down its embassy"
    for (size_t x = i; x-- > 0;) {
      const std::string& t = w[x];
      if ((t == "," && !in_compound_gap(x)) || IsClauseStart(t)) {
        clause = x + 1;
        subordinate = IsSubordinator(t);
        break;
      }
    }
    // A subordinate clause adds an event only when the main one gave none.
    if (subordinate && !out.empty()) continue;
    // One event per clause, unless a verb is joined to the last one by
    // "and" ("condemned the attack and promised aid").
    bool conjoined = false;
    for (size_t x = last_event_end; x < i && last_source >= 0; ++x) conjoined |= w[x] == "AND";
    const bool same_clause =
        (last_source >= 0 && clause == last_clause && !conjoined) || i < covered;
    Slots best;
    const VerbPattern* fired = nullptr;
    for (const VerbPattern& p : v.patterns) {
      Slots s;
      if (!UsableCode(p.code.substr(0, p.code.find(':'))) && !p.code.empty()) continue;
      if (!MatchPattern(w, groups, i, i + len, p, &s)) continue;
      if (fired == nullptr || s.words > best.words) {
        best = s;
        fired = &p;
      }
    }
    // One event per clause, except that a verb whose pattern names words
    // before it ("INDICATED SHOULD *") takes over from the verb it names.
    if (same_clause) {
      if (fired == nullptr || fired->before.empty()) continue;
      while (!out.empty() && out.size() > last_event_count) out.pop_back();
      seen.clear();
      for (const TabariEvent& e : out) seen.emplace(e.source, e.target, e.code);
    }
    const std::string code = fired ? fired->code : v.code;
    if (code.empty()) continue;
    // The source: the first actor of the verb's clause, which starts after
    // the last comma, semicolon, colon or "that" before the verb (commas
    // inside a list of actors do not count).
    int source = best.source;
    // Words the pattern matched before the verb belong to the verb: its
    // clause starts before them ("NOTED + *": "Falastur noted that Cirith
    // Ungol regretted").
    bool slot_before = false;
    if (fired != nullptr) {
      for (const PatternElement& e : fired->before)
        slot_before |= e.kind != PatternElement::kWord && e.kind != PatternElement::kSynset;
    }
    if (slot_before && best.begin < clause) {
      clause = 0;
      for (size_t x = best.begin; x-- > 0;) {
        if ((w[x] == "," && !in_compound_gap(x)) || IsClauseStart(w[x])) {
          clause = x + 1;
          break;
        }
      }
    }
    if (source < 0) {
      for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].b >= clause && groups[g].e <= i && static_cast<int>(g) != best.target) {
          source = static_cast<int>(g);
          break;
        }
      }
      // "Arnor's foreign minister, in remarks published on Monday, urged":
      // step back over a parenthetical that opens with a preposition.
      if (source < 0 && clause >= 2 && w[clause - 1] == ",") {
        size_t open = clause - 1;
        while (open-- > 0 && w[open] != ",") {
        }
        if (open < clause - 1 && open + 1 < w.size() && IsPreposition(w[open + 1])) {
          for (size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].e <= open && groups[g].e > 0) source = static_cast<int>(g);
          }
        }
      }
      // "... condemned X and promised aid": the subject carries over.
      if (source < 0 && last_source >= 0) {
        for (size_t x = last_event_end; x < i; ++x) {
          if (w[x] == "AND") source = last_source;
        }
      }
    }
    if (source < 0) continue;
    int target = best.target;
    // A passive ("Eriador was opposed by Osgiliath"): the "by" actor acts.
    const bool be_before =
        (i > 0 && IsBe(w[i - 1])) || (i > 1 && IsBe(w[i - 2]) && w[i - 1].size() > 2 &&
                                      w[i - 1].compare(w[i - 1].size() - 2, 2, "LY") == 0);
    if (best.source < 0 && best.target < 0 && be_before) {
      size_t by = i + len;
      while (by < w.size() && by < i + len + 3 && w[by] != "BY") ++by;
      if (by < w.size() && w[by] == "BY") {
        for (size_t g = 0; g < groups.size(); ++g) {
          if (groups[g].b == by + 1 || (groups[g].b == by + 2 && w[by + 1] == "THE")) {
            target = source;
            source = static_cast<int>(g);
            break;
          }
        }
      }
    }
    if (target < 0) {
      const size_t from = i + len;
      for (size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].b < from) continue;
        // ", a senior official said": a new speaker, not the target.
        bool new_speaker = false;
        for (size_t x = from; x + 1 < groups[g].b; ++x)
          new_speaker |= w[x] == "," && (w[x + 1] == "A" || w[x + 1] == "AN");
        if (new_speaker) break;
        if (groups[g].compound < 0 || groups[g].compound != groups[source].compound) {
          target = static_cast<int>(g);
          break;
        }
      }
    }
    const size_t count_before = out.size();
    verb_at = i;
    // "[032:033]": the first code for source to target, the second for the
    // target's answer to the source.
    const size_t colon = code.find(':');
    const std::string forward = code.substr(0, colon);
    const std::string back = colon == std::string::npos ? "" : code.substr(colon + 1);
    const uint32_t line = fired ? fired->line : 0;
    if (best.compound) {
      // "%": the members of the compound act on each other.
      const std::vector<int> m = members(best.source >= 0 ? best.source : best.target);
      for (int a : m)
        for (int b : m)
          if (a != b) emit(a, b, forward, v.line, line);
    } else if (target >= 0) {
      for (int a : members(source)) {
        for (int b : members(target)) {
          emit(a, b, forward, v.line, line);
          if (!back.empty()) emit(b, a, back, v.line, line);
        }
      }
    } else {
      // No target: "---" ("Bree's president said"), but only for a named
      // actor: a role alone ("a senior official said") makes no event.
      if (groups[source].code.compare(0, 3, "---") == 0) continue;
      // Nor does a closing "..., a Bree official said" once the sentence has
      // its event: that is who reported it.
      if (!out.empty()) continue;
      for (int a : members(source)) emit(a, -1, forward, v.line, line);
    }
    last_source = source;
    last_clause = clause;
    last_event_count = count_before;
    covered = std::max(best.end, i + len);
    for (int m : members(target)) covered = std::max(covered, groups[m].e);  // the whole list
    last_event_end = covered;
  }
  return out;
}

}  // namespace annals::compat
