// Internal: reading the dependency tree that syntax.v1 leaves in the tokens,
// for the coding stages: relation names, children, clause boundaries.
#ifndef ANNALS_CODING_TREE_H_
#define ANNALS_CODING_TREE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals::coding {

// One sentence's tree with document token indices.
class Tree {
 public:
  Tree(const Document& doc, const Sentence& s);

  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  bool Contains(uint32_t t) const { return t >= begin_ && t < end_; }
  // The head of `t`, or -1 for the root (or a token outside the sentence).
  int32_t Head(uint32_t t) const;
  // Full relation name ("nsubj:pass") and its universal part ("nsubj").
  std::string_view Rel(uint32_t t) const;
  std::string_view BaseRel(uint32_t t) const;
  std::span<const uint32_t> Children(uint32_t t) const {
    return std::span<const uint32_t>(children_).subspan(
        first_child_[t - begin_], first_child_[t - begin_ + 1] - first_child_[t - begin_]);
  }
  // The first child with this full relation (or, for a name without ':',
  // this universal relation); -1 when none.
  int32_t Child(uint32_t t, std::string_view rel) const;
  // True when `rel` names a clause of its own: a dependent beyond which a
  // verb's arguments are not looked for.
  static bool IsClausal(std::string_view base_rel);
  // True when `t` lies in the clause of `top`: the path up from t reaches
  // top without crossing a clausal relation.
  bool InClause(uint32_t t, uint32_t top) const;
  // The nominal subject of a verb. When the parser gave it none, a proper
  // noun or pronoun standing right before a finite verb and hung elsewhere
  // as an apposition or modifier is taken instead: "In his meeting with
  // Gallant, in Washington, Blinken reiterated" often parses with Blinken as
  // an apposition of Washington. -1 when none.
  int32_t SubjectOf(uint32_t verb) const;
  // True when `top` is `t` or one of its ancestors.
  bool Dominates(uint32_t top, uint32_t t) const;
  // The lemma, else the lower-cased word.
  std::string_view Word(uint32_t t) const;
  std::string_view Surface(uint32_t t) const;
  // The word as written (its ASCII norm for typographic marks), lower-cased.
  std::string_view Lower(uint32_t t) const { return Text(lower_surface_[t - begin_]); }
  uint8_t Upos(uint32_t t) const { return doc_.tokens[t].upos; }

 private:
  // A word kept in text_.
  struct Piece {
    uint32_t begin, size;
  };
  std::string_view Text(Piece p) const { return std::string_view(text_).substr(p.begin, p.size); }

  // The stages build a tree per sentence several times over, so it is
  // made of a few flat arrays: every token's children in one, after each
  // other (token begin_ + i's from first_child_[i]), and the
  // lower-cased words in one string.
  const Document& doc_;
  uint32_t begin_, end_;
  std::vector<uint32_t> first_child_, children_;
  std::vector<Piece> lower_, lower_surface_;
  std::string text_;
};

}  // namespace annals::coding

#endif  // ANNALS_CODING_TREE_H_
