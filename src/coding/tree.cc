#include "coding/tree.h"

#include "dict/actor_dictionary.h"
#include "syntax/tagset.h"

namespace annals::coding {

Tree::Tree(const Document& doc, const Sentence& s)
    : doc_(doc),
      begin_(s.tokens.begin),
      end_(s.tokens.end),
      first_child_(s.tokens.size() + 1, 0),
      lower_(s.tokens.size()),
      lower_surface_(s.tokens.size()) {
  const size_t n = s.tokens.size();
  // Children counted, then placed in token order.
  for (uint32_t t = begin_; t < end_; ++t) {
    const int32_t h = Head(t);
    if (h >= 0) ++first_child_[static_cast<uint32_t>(h) - begin_ + 1];
  }
  for (size_t i = 0; i < n; ++i) first_child_[i + 1] += first_child_[i];
  children_.resize(first_child_[n]);
  std::vector<uint32_t> placed(first_child_.begin(), first_child_.end() - 1);
  std::string lower;
  auto keep = [&](std::string_view word) {
    dict::LowerAscii(word, &lower);
    const Piece p{static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(lower.size())};
    text_ += lower;
    return p;
  };
  for (uint32_t t = begin_; t < end_; ++t) {
    const int32_t h = Head(t);
    if (h >= 0) children_[placed[static_cast<uint32_t>(h) - begin_]++] = t;
    const Token& tok = doc.tokens[t];
    lower_surface_[t - begin_] = keep(Surface(t));
    lower_[t - begin_] = tok.lemma.empty() ? lower_surface_[t - begin_] : keep(tok.lemma);
  }
}

int32_t Tree::Head(uint32_t t) const {
  const int32_t h = doc_.tokens[t].head;
  if (h < 0 || h == static_cast<int32_t>(t) || !Contains(static_cast<uint32_t>(h))) return -1;
  return h;
}

std::string_view Tree::Rel(uint32_t t) const {
  static const uint8_t kSconj = syntax::UposId("SCONJ");
  const std::string_view r = syntax::DeprelName(doc_.tokens[t].deprel);
  // A parser slip seen in "said that Israel attacked Hamas": "that" as the
  // object, which would take the object's place. A subordinating
  // conjunction is never an argument: read it as the clause's marker.
  if (doc_.tokens[t].upos == kSconj && (r == "obj" || r == "iobj" || r == "nsubj")) return "mark";
  return r;
}

std::string_view Tree::BaseRel(uint32_t t) const {
  std::string_view r = Rel(t);
  return r.substr(0, r.find(':'));
}

int32_t Tree::Child(uint32_t t, std::string_view rel) const {
  const bool base = rel.find(':') == std::string_view::npos;
  for (uint32_t c : Children(t)) {
    if ((base ? BaseRel(c) : Rel(c)) == rel) return static_cast<int32_t>(c);
  }
  return -1;
}

bool Tree::IsClausal(std::string_view r) {
  return r == "ccomp" || r == "xcomp" || r == "advcl" || r == "acl" || r == "parataxis" ||
         r == "csubj" || r == "conj" || r == "list" || r == "root";
}

bool Tree::InClause(uint32_t t, uint32_t top) const {
  while (t != top) {
    if (IsClausal(BaseRel(t))) return false;
    const int32_t h = Head(t);
    if (h < 0) return false;
    t = static_cast<uint32_t>(h);
  }
  return true;
}

int32_t Tree::SubjectOf(uint32_t verb) const {
  // Of several subjects (a misparsed dateline, "GENEVA (annals) - ...,
  // officials said"), the nearest before the verb.
  int32_t subj = -1;
  for (uint32_t c : Children(verb)) {
    if (Rel(c) != "nsubj") continue;
    if (subj < 0 ||
        (c < verb && (static_cast<uint32_t>(subj) > verb || c > static_cast<uint32_t>(subj))))
      subj = static_cast<int32_t>(c);
  }
  if (subj >= 0) return subj;
  if (verb == begin_ || Child(verb, "nsubj:pass") >= 0) return -1;
  const std::string_view xpos = syntax::XposName(doc_.tokens[verb].xpos);
  if (xpos != "VBD" && xpos != "VBZ" && xpos != "VBP") return -1;
  const uint32_t prev = verb - 1;
  const uint8_t upos = Upos(prev);
  if (upos != syntax::upos::kPropn && upos != syntax::upos::kPron) return -1;
  const std::string_view rel = BaseRel(prev);
  if (rel != "appos" && rel != "nmod" && rel != "conj" && rel != "dep" && rel != "obl") return -1;
  return static_cast<int32_t>(prev);
}

bool Tree::Dominates(uint32_t top, uint32_t t) const {
  for (int guard = 0; guard < 512; ++guard) {
    if (t == top) return true;
    const int32_t h = Head(t);
    if (h < 0) return false;
    t = static_cast<uint32_t>(h);
  }
  return false;
}

std::string_view Tree::Word(uint32_t t) const { return Text(lower_[t - begin_]); }

std::string_view Tree::Surface(uint32_t t) const {
  const Token& tok = doc_.tokens[t];
  return tok.norm.empty() ? doc_.Text(tok.span) : std::string_view(tok.norm);
}

}  // namespace annals::coding
