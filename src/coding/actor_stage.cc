// actors.v1: dictionary names in the text, then one actor per noun phrase.
//
// A phrase's mentions are gathered by climbing the tree from each mention's
// head word through the relations that stay inside a noun phrase (compound,
// amod, flat, appos, nmod:poss, "of" nmods), so "the US State Department
// spokesperson Matthew Miller" is one actor with four mentions. The
// strongest mention decides the code: a person's dated role, else an
// institution, organisation or group, else country plus agent role, else a
// country, else a role alone ("---GOV", as PETRARCH writes it).
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "annals/coding.h"
#include "coding/coding_data.h"
#include "coding/tree.h"
#include "syntax/tagset.h"

namespace annals {
namespace {

using dict::ActorEntry;
using dict::ActorKind;

bool IsCountryLike(ActorKind k) {
  return k == ActorKind::kCountry || k == ActorKind::kDemonym || k == ActorKind::kCapital;
}

// The word of a mention whose head lies outside it (the last such word).
uint32_t MentionHead(const coding::Tree& tree, IndexRange r) {
  uint32_t head = r.end - 1;
  for (uint32_t t = r.begin; t < r.end; ++t) {
    const int32_t h = tree.Head(t);
    if (h < 0 || static_cast<uint32_t>(h) < r.begin || static_cast<uint32_t>(h) >= r.end) head = t;
  }
  return head;
}

// Whether the phrase of `t` continues at its head. Appositions and "of"
// phrases join only where one side is a role word ("Miller, the
// spokesperson", "the ambassadors of Arnor"): "the welfare of civilians" and
// a misparsed "Washington, Blinken" stay apart.
bool StaysInPhrase(const coding::Tree& tree, uint32_t t, const std::vector<bool>& agent_word,
                   const std::vector<bool>& named_word) {
  const std::string_view rel = tree.Rel(t);
  if (rel == "compound" || rel == "amod" || rel == "flat" || rel == "nmod:poss" ||
      rel == "nmod:desc" || rel == "flat:name") {
    return true;
  }
  const int32_t head = tree.Head(t);
  if (head < 0) return false;
  const uint32_t h = static_cast<uint32_t>(head) - tree.begin();
  if (rel == "appos") return agent_word[t - tree.begin()] || agent_word[h];
  if (rel == "nmod") {
    // An nmod without a preposition is a misparsed name or title:
    // "spokesperson Matthew Miller".
    const int32_t c = tree.Child(t, "case");
    if (c < 0) return true;
    return tree.Word(static_cast<uint32_t>(c)) == "of" && (agent_word[h] || named_word[h]);
  }
  return false;
}

// True when the word before a surname is a capitalised name of its own
// rather than a title: "Gordon Brown" names someone, "Mr Brown" may be ours.
bool OtherFirstName(const coding::Tree& tree, uint32_t surname) {
  static constexpr std::array<std::string_view, 40> kTitles = {
      "mr",           "mrs",     "ms",        "dr",         "president", "minister",  "secretary",
      "general",      "gen.",    "prime",     "chancellor", "senator",   "sen.",      "rep.",
      "ambassador",   "sheikh",  "king",      "queen",      "prince",    "spokesman", "spokeswoman",
      "spokesperson", "premier", "commander", "chief",      "envoy",     "governor",  "judge",
      "mayor",        "leader",  "speaker",   "emir",       "sultan",    "lt.",       "col.",
      "adm.",         "gov.",    "pope",      "sir",        "lord"};
  const uint32_t prev = surname - 1;
  if (tree.Upos(prev) != syntax::upos::kPropn) return false;
  return std::find(kTitles.begin(), kTitles.end(), tree.Lower(prev)) == kTitles.end();
}

class ActorStage final : public Stage {
 public:
  explicit ActorStage(std::shared_ptr<const CodingData> data) : data_(std::move(data)) {}
  std::string_view name() const override { return "actors.v1"; }
  uint32_t requires_layers() const override { return kLayerSyntax; }
  uint32_t assigns_layers() const override { return kLayerActors; }

  Status Process(Document& doc, Scratch&) const override {
    const int date = StoryDate(doc);
    // Pass 1: every name, so that a surname can be read in the light of the
    // full names the story uses anywhere.
    struct Hit {
      uint32_t sentence;
      IndexRange tokens;
      std::vector<dict::NameMatch> options;  // same length, best first
    };
    std::vector<Hit> hits;
    std::set<uint32_t> named_in_full;
    std::vector<std::string_view> lower, surface;
    std::vector<dict::NameMatch> found;
    // Every pass reads the trees; the tokens do not change here.
    std::vector<coding::Tree> trees;
    trees.reserve(doc.sentences.size());
    for (const Sentence& sentence : doc.sentences) trees.emplace_back(doc, sentence);
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const coding::Tree& tree = trees[s];
      lower.clear();
      surface.clear();
      for (uint32_t t = tree.begin(); t < tree.end(); ++t) {
        lower.push_back(tree.Lower(t));
        surface.push_back(tree.Surface(t));
      }
      for (size_t i = 0; i < lower.size();) {
        data_->actors.MatchAt(lower, surface, i, &found);
        if (found.empty()) {
          ++i;
          continue;
        }
        Hit h{s,
              {tree.begin() + static_cast<uint32_t>(i),
               tree.begin() + static_cast<uint32_t>(i + found.front().length)},
              {}};
        for (const dict::NameMatch& m : found) {
          if (m.length != found.front().length) break;
          if (m.surname && i > 0 && OtherFirstName(tree, tree.begin() + static_cast<uint32_t>(i)))
            continue;  // "Gordon Brown" is not another Brown of the dictionary
          h.options.push_back(m);
          if (!m.surname && data_->actors.entry(m.entry).kind == ActorKind::kPerson)
            named_in_full.insert(m.entry);
        }
        i += found.front().length;
        if (!h.options.empty()) hits.push_back(std::move(h));
      }
    }
    // Pass 2: choose one entry per hit and write the mentions.
    const uint32_t base = static_cast<uint32_t>(doc.mentions.size());
    entry_of_.clear();
    for (const Hit& h : hits) {
      const int64_t chosen = Choose(h.options, named_in_full, date);
      if (chosen < 0) continue;
      const ActorEntry& e = data_->actors.entry(static_cast<uint32_t>(chosen));
      Mention m;
      m.span = {doc.tokens[h.tokens.begin].span.begin, doc.tokens[h.tokens.end - 1].span.end};
      m.tokens = h.tokens;
      m.sentence = h.sentence;
      m.kind = e.kind == ActorKind::kAgent ? MentionKind::kAgent : MentionKind::kActor;
      m.entry = e.kind == ActorKind::kPerson ? e.name : e.code;
      m.evidence = {"actor:" + std::string(dict::ActorKindName(e.kind)), e.file, e.line};
      if (const dict::ActorRole* r = dict::ActorDictionary::RoleOn(e, date))
        m.evidence.line = r->line;
      doc.mentions.push_back(std::move(m));
      entry_of_.push_back(static_cast<uint32_t>(chosen));
    }
    BuildActors(doc, trees, base, date);
    ResolveReferences(doc, trees);
    return Status::Ok();
  }

 private:
  // The entry a hit stands for, or -1 to drop it (an ambiguous surname).
  int64_t Choose(const std::vector<dict::NameMatch>& options, const std::set<uint32_t>& named,
                 int date) const {
    std::vector<uint32_t> full, surname;
    for (const dict::NameMatch& m : options) (m.surname ? surname : full).push_back(m.entry);
    if (!full.empty()) {
      for (uint32_t e : full) {  // a person named in full elsewhere, or in office
        if (named.count(e)) return e;
      }
      for (uint32_t e : full) {
        const ActorEntry& a = data_->actors.entry(e);
        if (a.kind != ActorKind::kPerson || dict::ActorDictionary::RoleOn(a, date)) return e;
      }
      return full.front();
    }
    // A surname alone is a weak clue: it counts for a person the story names
    // in full, else for the one person of that surname in office on the
    // story's date. Without a date, only the full name counts.
    std::vector<uint32_t> pick;
    for (uint32_t e : surname)
      if (named.count(e)) pick.push_back(e);
    if (pick.empty() && date != 0) {
      for (uint32_t e : surname)
        if (dict::ActorDictionary::RoleOn(data_->actors.entry(e), date)) pick.push_back(e);
    }
    return pick.size() == 1 ? static_cast<int64_t>(pick.front()) : int64_t{-1};
  }

  void BuildActors(Document& doc, const std::vector<coding::Tree>& trees, uint32_t base,
                   int date) const {
    // Group mentions by the word their phrase hangs from.
    std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> groups;  // (sentence, anchor)
    for (uint32_t s = 0, m = base; s < doc.sentences.size(); ++s) {
      const coding::Tree& tree = trees[s];
      const uint32_t first = m;
      std::vector<bool> agent_word(tree.end() - tree.begin()), named_word(agent_word.size());
      for (; m < doc.mentions.size() && doc.mentions[m].sentence == s; ++m) {
        const IndexRange r = doc.mentions[m].tokens;
        for (uint32_t t = r.begin; t < r.end; ++t)
          (doc.mentions[m].kind == MentionKind::kAgent ? agent_word
                                                       : named_word)[t - tree.begin()] = true;
      }
      const uint32_t end = m;
      std::vector<uint32_t> anchor(end - first);
      std::vector<int32_t> mention_at(agent_word.size(), -1);
      for (m = first; m < end; ++m) {
        const IndexRange r = doc.mentions[m].tokens;
        for (uint32_t t = r.begin; t < r.end; ++t)
          mention_at[t - tree.begin()] = static_cast<int32_t>(m);
        uint32_t t = MentionHead(tree, r);
        for (int guard = 0; guard < 32 && StaysInPhrase(tree, t, agent_word, named_word); ++guard) {
          const int32_t h = tree.Head(t);
          if (h < 0) break;
          t = static_cast<uint32_t>(h);
        }
        anchor[m - first] = t;
      }
      // A phrase that ends inside another name belongs with that name
      // ("Israeli" hung on "Defence" of "Defence Minister").
      for (int round = 0; round < 4; ++round) {
        for (m = first; m < end; ++m) {
          const int32_t k = mention_at[anchor[m - first] - tree.begin()];
          if (k >= 0 && static_cast<uint32_t>(k) != m) anchor[m - first] = anchor[k - first];
        }
      }
      // A title run the parser broke up: a country, demonym, institution or
      // role right before a role or a person is one phrase ("Israeli |
      // Defence Minister | Yoav Gallant").
      for (m = end; m-- > first + 1;) {
        const Mention& left = doc.mentions[m - 1];
        const Mention& right = doc.mentions[m];
        if (left.tokens.end != right.tokens.begin) continue;
        const ActorKind lk = data_->actors.entry(entry_of_[m - 1 - base]).kind;
        const ActorKind rk = data_->actors.entry(entry_of_[m - base]).kind;
        const bool title_left =
            IsCountryLike(lk) || lk == ActorKind::kAgent || lk == ActorKind::kInstitution;
        const bool title_right = rk == ActorKind::kAgent || rk == ActorKind::kPerson;
        if (!title_left || !title_right) continue;
        const uint32_t from = anchor[m - 1 - first], to = anchor[m - first];
        for (uint32_t& a : anchor)
          if (a == from) a = to;
      }
      for (m = first; m < end; ++m) groups[{s, anchor[m - first]}].push_back(m);
    }
    for (const auto& [key, members] : groups) {
      Actor a = Combine(doc, base, members, date);
      a.sentence = key.first;
      a.head = key.second;
      a.span.begin = doc.mentions[members.front()].span.begin;
      a.span.end = std::max(doc.mentions[members.back()].span.end, doc.tokens[a.head].span.end);
      a.span.begin = std::min(a.span.begin, doc.tokens[a.head].span.begin);
      // Unnamed (country plus role): the words of its mentions, "Israeli
      // delegation" rather than the whole "Israeli delegation's visit".
      if (a.name.empty()) {
        a.name = std::string(doc.Text(
            {doc.mentions[members.front()].span.begin, doc.mentions[members.back()].span.end}));
      }
      a.mentions = members;
      doc.actors.push_back(std::move(a));
    }
    std::sort(doc.actors.begin(), doc.actors.end(), [](const Actor& x, const Actor& y) {
      return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.head < y.head;
    });
  }

  // Pronouns (he, his, she, her) and role nouns ("the spokesperson") that
  // point back at a person the story named: the nearest such person before
  // them, or, for a pronoun in a phrase fronted before its clause's subject
  // ("In his meeting with Gallant, ... Blinken reiterated"), that subject.
  // A role noun takes the nearest person whose role names it.
  static void ResolveReferences(Document& doc, const std::vector<coding::Tree>& trees) {
    std::vector<Actor> added;
    auto person_before = [&](uint32_t offset, std::string_view role_word,
                             uint32_t min_sentence) -> const Actor* {
      const Actor* best = nullptr;
      for (const Actor& a : doc.actors) {
        if (a.kind != "person" || a.span.begin >= offset || a.sentence < min_sentence) continue;
        if (!role_word.empty()) {
          std::string role;
          dict::LowerAscii(a.role, &role);
          if (role.find(role_word) == std::string::npos) continue;
        }
        best = &a;
      }
      return best;
    };
    std::vector<int32_t> actor_at(doc.tokens.size(), -1);
    for (size_t a = 0; a < doc.actors.size(); ++a)
      actor_at[doc.actors[a].head] = static_cast<int32_t>(a);
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      const coding::Tree& tree = trees[s];
      for (uint32_t t = tree.begin(); t < tree.end(); ++t) {
        const std::string_view w = tree.Lower(t);
        if (!(w == "he" || w == "him" || w == "his" || w == "she" || w == "her")) continue;
        uint32_t head = t;
        if (tree.Rel(t) == "nmod:poss" && tree.Head(t) >= 0)
          head = static_cast<uint32_t>(tree.Head(t));
        if (actor_at[head] >= 0) continue;
        const Actor* antecedent = nullptr;
        // Cataphora: the pronoun comes before the subject of the clause it
        // is fronted in.
        for (int32_t c = static_cast<int32_t>(t); c >= 0; c = tree.Head(static_cast<uint32_t>(c))) {
          const int32_t subj = tree.SubjectOf(static_cast<uint32_t>(c));
          if (subj > static_cast<int32_t>(t) && actor_at[subj] >= 0 &&
              doc.actors[actor_at[subj]].kind == "person") {
            antecedent = &doc.actors[actor_at[subj]];
            break;
          }
        }
        // Else the nearest person of this or the two sentences before, unless
        // a name no dictionary knows stands between as a subject ("Mr
        // Evans sued ..., claiming he"): that unknown person is likelier.
        if (!antecedent) {
          antecedent = person_before(doc.tokens[t].span.begin, "", s >= 2 ? s - 2 : 0);
          if (antecedent && UnknownSubjectBetween(doc, trees, *antecedent, s, t))
            antecedent = nullptr;
        }
        if (!antecedent) continue;
        Actor a = *antecedent;
        a.kind = "pronoun";
        a.sentence = s;
        a.head = head;
        a.span = doc.tokens[t].span;
        a.span.end = std::max(a.span.end, doc.tokens[head].span.end);
        a.mentions.clear();
        a.evidence.rule = "coref:pronoun";
        actor_at[head] = -2;
        added.push_back(std::move(a));
      }
    }
    for (Actor& a : doc.actors) {
      if (a.code.compare(0, 3, "---") != 0 || a.mentions.size() != 1) continue;
      const Mention& m = doc.mentions[a.mentions.front()];
      if (m.tokens.begin == 0 || m.tokens.size() != 1) continue;
      std::string prev, word;
      dict::LowerAscii(doc.Text(doc.tokens[m.tokens.begin - 1].span), &prev);
      if (prev != "the") continue;
      dict::LowerAscii(doc.Text(m.span), &word);
      if (const Actor* p = person_before(a.span.begin, word, 0)) {
        const Span span = a.span;
        const uint32_t sentence = a.sentence, head = a.head;
        std::vector<uint32_t> mentions = a.mentions;
        a = *p;
        a.kind = "role";
        a.span = span;
        a.sentence = sentence;
        a.head = head;
        a.mentions = std::move(mentions);
        a.evidence.rule = "coref:role";
      }
    }
    if (added.empty()) return;
    for (Actor& a : added) doc.actors.push_back(std::move(a));
    std::sort(doc.actors.begin(), doc.actors.end(), [](const Actor& x, const Actor& y) {
      return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.head < y.head;
    });
  }

  // A proper noun that is a subject, outside every actor, between an
  // antecedent and the pronoun at token `t` of sentence `s`.
  static bool UnknownSubjectBetween(const Document& doc, const std::vector<coding::Tree>& trees,
                                    const Actor& antecedent, uint32_t s, uint32_t t) {
    for (uint32_t k = antecedent.sentence; k <= s; ++k) {
      const coding::Tree& tree = trees[k];
      for (uint32_t u = tree.begin(); u < tree.end() && u < t; ++u) {
        if (doc.tokens[u].span.begin < antecedent.span.end) continue;
        if (tree.Upos(u) != syntax::upos::kPropn || tree.BaseRel(u) != "nsubj") continue;
        bool known = false;
        for (const Actor& a : doc.actors)
          known |= a.span.begin <= doc.tokens[u].span.begin && doc.tokens[u].span.end <= a.span.end;
        if (!known) return true;
      }
    }
    return false;
  }

  Actor Combine(const Document& doc, uint32_t base, const std::vector<uint32_t>& members,
                int date) const {
    const ActorEntry* person = nullptr;
    const dict::ActorRole* role = nullptr;
    const ActorEntry *named = nullptr, *country = nullptr, *agent = nullptr;
    uint32_t person_m = 0, named_m = 0, country_m = 0, agent_m = 0;
    for (uint32_t m : members) {
      const ActorEntry& e = data_->actors.entry(entry_of_[m - base]);
      if (e.kind == ActorKind::kPerson) {
        person = &e;
        person_m = m;
        role = dict::ActorDictionary::RoleOn(e, date);
      } else if (e.kind == ActorKind::kAgent) {
        agent = &e;
        agent_m = m;
      } else if (IsCountryLike(e.kind)) {
        if (!country) country = &e, country_m = m;
      } else {
        named = &e;
        named_m = m;
      }
    }
    Actor a;
    auto evidence = [&](uint32_t m) { return doc.mentions[m].evidence; };
    if (person && role) {
      a.code = role->code;
      a.name = person->name;
      a.kind = "person";
      a.role = role->title;
      a.evidence = evidence(person_m);
    } else if (named) {
      a.code = named->code;
      a.name = named->name;
      a.kind = std::string(dict::ActorKindName(named->kind));
      a.evidence = evidence(named_m);
    } else if (country && agent) {
      a.code = country->code + agent->code;
      a.kind = "agent";
      a.evidence = evidence(agent_m);
    } else if (person) {  // out of office on this date: still of their country
      const dict::ActorRole* latest = dict::ActorDictionary::RoleOn(*person, 0);
      a.code = latest ? latest->code.substr(0, 3) : std::string();
      a.name = person->name;
      a.kind = "person";
      a.evidence = evidence(person_m);
    } else if (country) {
      a.code = country->code;
      a.name = country->name;
      a.kind = std::string(dict::ActorKindName(country->kind));
      a.evidence = evidence(country_m);
    } else {
      a.code = "---" + agent->code;
      a.kind = "agent";
      a.evidence = evidence(agent_m);
    }
    return a;
  }

  std::shared_ptr<const CodingData> data_;
  // Per Process() call: the entry chosen for each mention. Stages are
  // shared across threads, so this lives in a thread_local below.
  static thread_local std::vector<uint32_t> entry_of_;
};

thread_local std::vector<uint32_t> ActorStage::entry_of_;

}  // namespace

std::unique_ptr<Stage> MakeActorStage(std::shared_ptr<const CodingData> data) {
  return std::make_unique<ActorStage>(std::move(data));
}

}  // namespace annals
