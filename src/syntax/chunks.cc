// BuildChunks: see chunks.h for the rules. Per sentence: local parent and
// child lists, a top-down order, then for each unassigned word that can head
// a chunk, the candidates reachable through kRules, cut down to a contiguous
// and connected run around the head.
#include "syntax/chunks.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

#include "syntax/tagset.h"

namespace annals::syntax {
namespace {

enum class Side : uint8_t { kLeft, kRight, kEither };
enum class When : uint8_t {
  kAlways,
  kUnderModifier,   // the parent is an amod, nummod or det
  kUnderPossessor,  // the parent is a nmod:poss
  kNegation,        // the word is "not" or "n't"
  kAfterAux,        // between the chunk's first auxiliary and its head
};

struct Rule {
  std::string_view deprel;
  ChunkKind kind;
  Side side;  // of the dependent, relative to its parent
  When when;
};

// The dependents that join their parent's chunk; chunks.h and
// docs/data-model.md give the same table with examples. A relation may have
// several rules; any one that holds is enough.
constexpr ChunkKind kN = ChunkKind::kNoun, kV = ChunkKind::kVerb;
constexpr Rule kRules[] = {
    {"det", kN, Side::kLeft, When::kAlways},
    {"det:predet", kN, Side::kLeft, When::kAlways},
    {"det:poss", kN, Side::kLeft, When::kAlways},
    {"nmod:poss", kN, Side::kLeft, When::kAlways},
    {"amod", kN, Side::kLeft, When::kAlways},
    {"nummod", kN, Side::kLeft, When::kAlways},
    {"compound", kN, Side::kEither, When::kAlways},
    {"flat", kN, Side::kEither, When::kAlways},
    {"flat:name", kN, Side::kEither, When::kAlways},
    {"flat:foreign", kN, Side::kEither, When::kAlways},
    {"advmod", kN, Side::kLeft, When::kUnderModifier},
    {"case", kN, Side::kRight, When::kUnderPossessor},
    {"aux", kV, Side::kEither, When::kAlways},
    {"aux:pass", kV, Side::kEither, When::kAlways},
    {"advmod", kV, Side::kEither, When::kNegation},
    {"advmod", kV, Side::kLeft, When::kAfterAux},
    {"compound:prt", kV, Side::kRight, When::kAlways},
};

struct IdRule {
  uint8_t deprel;
  Rule rule;
};

// Relation ids the chunker tests for, looked up once.
struct Ids {
  std::vector<IdRule> rules;
  uint8_t aux, aux_pass, cop, amod, nummod, det, nmod_poss;
  // Bases that make an untagged, ADJ, DET, X or SYM word a noun head.
  static constexpr std::string_view kNominal[] = {"nsubj", "obj", "iobj", "obl", "nmod"};
  uint8_t nominal[std::size(kNominal)];

  Ids() {
    for (const Rule& r : kRules) rules.push_back({DeprelId(r.deprel), r});
    aux = DeprelId("aux");
    aux_pass = DeprelId("aux:pass");
    cop = DeprelId("cop");
    amod = DeprelId("amod");
    nummod = DeprelId("nummod");
    det = DeprelId("det");
    nmod_poss = DeprelId("nmod:poss");
    for (size_t i = 0; i < std::size(kNominal); ++i) nominal[i] = DeprelId(kNominal[i]);
  }
  bool IsAux(uint8_t r) const { return r == aux || r == aux_pass; }
  bool AfterAux(uint8_t r) const {
    for (const IdRule& x : rules)
      if (x.deprel == r && x.rule.when == When::kAfterAux) return true;
    return false;
  }
};

const Ids& TheIds() {
  static const Ids ids;
  return ids;
}

// The text of a token, "" when a malformed span points outside the text.
std::string_view SurfaceOf(const Document& doc, const Token& t) {
  if (t.span.begin > t.span.end || t.span.end > doc.text.size()) return {};
  return doc.Text(t.span);
}

bool EqualsLower(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != lower[i]) return false;
  }
  return true;
}

// One sentence's working state; the vectors are reused across sentences.
class Chunker {
 public:
  explicit Chunker(Document& doc) : doc_(doc), ids_(TheIds()) {}

  void Sentence(uint32_t index) {
    const IndexRange r = doc_.sentences[index].tokens;
    if (r.begin >= r.end || r.end > doc_.tokens.size()) return;
    base_ = r.begin;
    n_ = r.end - r.begin;
    sentence_ = index;
    if (!LinkParents()) return;
    const size_t first_chunk = doc_.chunks.size();
    owner_.assign(n_, -1);
    mark_.assign(n_, 0);
    attach_.assign(n_, -1);
    stamp_ = 0;
    for (const uint32_t i : order_) {
      if (owner_[i] >= 0) continue;
      if (const std::optional<ChunkKind> kind = HeadKind(i)) Build(i, *kind);
    }
    std::sort(doc_.chunks.begin() + static_cast<ptrdiff_t>(first_chunk), doc_.chunks.end(),
              [](const Chunk& a, const Chunk& b) { return a.tokens.begin < b.tokens.begin; });
  }

 private:
  const Token& Tok(uint32_t i) const { return doc_.tokens[base_ + i]; }
  uint8_t Rel(uint32_t i) const { return Tok(i).deprel; }

  // Fills parent_, the child lists and order_; false when nothing has a head.
  bool LinkParents() {
    parent_.assign(n_, -1);
    bool any = false;
    for (uint32_t i = 0; i < n_; ++i) {
      const int64_t h = Tok(i).head;
      any |= h >= 0;
      if (h >= base_ && h < int64_t{base_} + n_ && h != int64_t{base_} + i)
        parent_[i] = static_cast<int32_t>(h - base_);
    }
    if (!any) return false;
    child_start_.assign(n_ + 1, 0);
    for (uint32_t i = 0; i < n_; ++i)
      if (parent_[i] >= 0) ++child_start_[parent_[i] + 1];
    for (uint32_t i = 0; i < n_; ++i) child_start_[i + 1] += child_start_[i];
    children_.resize(child_start_[n_]);
    fill_ = child_start_;
    for (uint32_t i = 0; i < n_; ++i)
      if (parent_[i] >= 0) children_[fill_[parent_[i]]++] = i;
    // Breadth-first from the roots, then from whatever a cycle kept apart.
    order_.clear();
    seen_.assign(n_, 0);
    for (int pass = 0; pass < 2; ++pass) {
      for (uint32_t i = 0; i < n_; ++i) {
        if (seen_[i] || (pass == 0 && parent_[i] >= 0)) continue;
        seen_[i] = 1;
        size_t q = order_.size();
        order_.push_back(i);
        for (; q < order_.size(); ++q) {
          const uint32_t m = order_[q];
          for (uint32_t c = child_start_[m]; c < child_start_[m + 1]; ++c) {
            const uint32_t d = children_[c];
            if (seen_[d]) continue;
            seen_[d] = 1;
            order_.push_back(d);
          }
        }
      }
    }
    return true;
  }

  // The kind of chunk word i may head, if any.
  std::optional<ChunkKind> HeadKind(uint32_t i) const {
    namespace u = upos;
    const uint8_t tag = Tok(i).upos;
    const uint8_t rel = Rel(i);
    if (tag == u::kNoun || tag == u::kPropn || tag == u::kPron || tag == u::kNum)
      return ChunkKind::kNoun;
    if (tag == u::kVerb || (tag == u::kAux && !ids_.IsAux(rel))) return ChunkKind::kVerb;
    if (tag == 0 || tag == u::kAdj || tag == u::kDet || tag == u::kX || tag == u::kSym) {
      const uint8_t base = DeprelBase(rel);
      for (const uint8_t n : ids_.nominal)
        if (base != 0 && base == n) return ChunkKind::kNoun;
    }
    return std::nullopt;
  }

  bool IsNegation(uint32_t i) const {
    const Token& t = Tok(i);
    const std::string_view s = t.norm.empty() ? SurfaceOf(doc_, t) : std::string_view(t.norm);
    return EqualsLower(s, "not") || EqualsLower(s, "n't") || s == "n\xE2\x80\x99t" ||
           t.lemma == "not";
  }

  // A "-" with no space on either side ("Hamas-run", "al-Ani").
  bool IsTightHyphen(uint32_t i) const {
    if (i == 0 || i + 1 >= n_) return false;
    const Token& t = Tok(i);
    return SurfaceOf(doc_, t) == "-" && !t.space_after && !Tok(i - 1).space_after;
  }

  // Whether dependent d joins a chunk of `kind` through `parent`.
  bool Joins(uint32_t d, uint32_t parent, ChunkKind kind) const {
    const uint32_t lo = std::min(d, parent), hi = std::max(d, parent);
    // Not through a copula's predicate: "well" in "is well-known" is not
    // part of "is".
    if (hi - lo == 2 && IsTightHyphen(lo + 1) && Candidate(parent)) return true;
    const uint8_t rel = Rel(d);
    if (rel == 0) return false;
    for (const IdRule& r : ids_.rules) {
      if (r.deprel != rel || r.rule.kind != kind) continue;
      if ((r.rule.side == Side::kLeft && d > parent) || (r.rule.side == Side::kRight && d < parent))
        continue;
      const uint8_t prel = Rel(parent);
      switch (r.rule.when) {
        case When::kAlways:
          return true;
        case When::kUnderModifier:
          if (prel == ids_.amod || prel == ids_.nummod || DeprelBase(prel) == ids_.det) return true;
          break;
        case When::kUnderPossessor:
          if (prel == ids_.nmod_poss) return true;
          break;
        case When::kNegation:
          if (IsNegation(d)) return true;
          break;
        case When::kAfterAux:  // needs the whole chunk: see Collect()
          break;
      }
    }
    return false;
  }

  bool Candidate(uint32_t i) const { return mark_[i] == stamp_; }

  void Add(uint32_t d, uint32_t attach) {
    mark_[d] = stamp_;
    attach_[d] = static_cast<int32_t>(attach);
    cand_.push_back(d);
  }

  // Collects the candidates of the chunk headed by h: its dependents by
  // kRules and theirs, breadth-first so that parents come first.
  void Collect(uint32_t h, ChunkKind kind) {
    cand_.clear();
    Add(h, h);
    // A copula's chunk takes its predicate's auxiliaries and negation.
    const int32_t anchor = kind == ChunkKind::kVerb && Rel(h) == ids_.cop ? parent_[h] : -1;
    auto visit = [&](uint32_t from, uint32_t attach) {
      for (uint32_t c = child_start_[from]; c < child_start_[from + 1]; ++c) {
        const uint32_t d = children_[c];
        if (owner_[d] < 0 && !Candidate(d) && Joins(d, from, kind)) Add(d, attach);
      }
    };
    if (anchor >= 0) visit(static_cast<uint32_t>(anchor), h);
    for (size_t q = 0; q < cand_.size(); ++q) visit(cand_[q], cand_[q]);
    if (kind != ChunkKind::kVerb) return;
    // Adverbs between the first auxiliary and the head: "has already met".
    uint32_t first_aux = h;
    for (const uint32_t c : cand_)
      if (ids_.IsAux(Rel(c))) first_aux = std::min(first_aux, c);
    for (const int32_t from : {static_cast<int32_t>(h), anchor}) {
      if (from < 0) continue;
      for (uint32_t c = child_start_[from]; c < child_start_[from + 1]; ++c) {
        const uint32_t d = children_[c];
        if (d > first_aux && d < h && ids_.AfterAux(Rel(d)) && owner_[d] < 0 && !Candidate(d))
          Add(d, h);
      }
    }
  }

  bool Inside(uint32_t i, uint32_t lo, uint32_t hi) const { return i >= lo && i <= hi; }

  void Build(uint32_t h, ChunkKind kind) {
    ++stamp_;
    Collect(h, kind);
    // Grow a contiguous run around h, then drop candidates outside it or cut
    // off from h; repeat until nothing inside the run is dropped.
    uint32_t lo = h, hi = h;
    for (bool cut = true; cut;) {
      lo = hi = h;
      for (;;) {
        if (lo >= 1 && Candidate(lo - 1)) {
          --lo;
        } else if (lo >= 2 && IsTightHyphen(lo - 1) && owner_[lo - 1] < 0 && Candidate(lo - 2)) {
          lo -= 2;
        } else {
          break;
        }
      }
      for (;;) {
        if (hi + 1 < n_ && Candidate(hi + 1)) {
          ++hi;
        } else if (hi + 2 < n_ && IsTightHyphen(hi + 1) && owner_[hi + 1] < 0 &&
                   Candidate(hi + 2)) {
          hi += 2;
        } else {
          break;
        }
      }
      cut = false;
      for (const uint32_t c : cand_) {
        if (c == h || !Candidate(c)) continue;
        const bool in = Inside(c, lo, hi);
        if (!in || !Candidate(static_cast<uint32_t>(attach_[c]))) {
          mark_[c] = 0;
          cut |= in;
        }
      }
    }
    const int32_t id = static_cast<int32_t>(doc_.chunks.size());
    for (uint32_t i = lo; i <= hi; ++i) owner_[i] = id;
    doc_.chunks.push_back(Chunk{{base_ + lo, base_ + hi + 1}, sentence_, base_ + h, kind});
  }

  Document& doc_;
  const Ids& ids_;
  uint32_t base_ = 0, n_ = 0, sentence_ = 0;
  std::vector<int32_t> parent_;
  std::vector<uint32_t> child_start_, fill_, children_, order_;
  std::vector<uint8_t> seen_;
  std::vector<int32_t> owner_;   // chunk index per word, -1 = none yet
  std::vector<uint32_t> mark_;   // == stamp_: candidate of the chunk being built
  std::vector<int32_t> attach_;  // the candidate a candidate joined through
  std::vector<uint32_t> cand_;
  uint32_t stamp_ = 0;
};

}  // namespace

void BuildChunks(Document& doc) {
  doc.chunks.clear();
  Chunker chunker(doc);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) chunker.Sentence(s);
}

}  // namespace annals::syntax
