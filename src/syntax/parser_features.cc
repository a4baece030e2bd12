// Feature templates after Zhang and Nivre's (2011) rich non-local set, cut
// to the arc-hybrid system: words and tags of the stack and buffer tops,
// their pairs and triples, distances, valencies, outermost children and
// the label sets already attached.
#include "syntax/parser_features.h"

#include "syntax/tagset.h"
#include "syntax/wordnet_forms.h"

namespace annals::syntax {
namespace {

constexpr size_t kStateFeatures = 74;

constexpr uint64_t kNone = 0x4e4f4e45ULL;
constexpr uint64_t kRoot = 0x524f4f54ULL;
const uint8_t kNoun = UposId("NOUN"), kPropn = UposId("PROPN"), kVerb = UposId("VERB");

// Reads words by parser index: -1 none, 0 root, 1..n words.
struct WordView {
  const ParserInput& in;
  uint64_t W(int i) const {
    return i < 0 ? kNone : i == 0 ? kRoot : in.words[static_cast<size_t>(i - 1)].lower;
  }
  uint64_t P(int i) const { return i < 0 ? 255 : i == 0 ? 254 : in.xpos[i - 1]; }
  uint64_t U(int i) const { return i < 0 ? 255 : i == 0 ? 254 : in.upos[i - 1]; }
  // The word's class: its noun's or verb's WordNet sense class as its tag
  // says it is a noun or a verb, else the tag.
  uint64_t C(int i) const {
    if (i <= 0 || in.senses == nullptr) return i < 0 ? 1000 : 1001;
    const uint8_t u = in.upos[i - 1], sense = in.senses[i - 1];
    if (u == kNoun || u == kPropn) return sense / kWnVerbGroups;
    if (u == kVerb) return 100 + sense % kWnVerbGroups;
    return 200 + u;
  }
};

// And what the parse state says of them.
struct View : WordView {
  const ParseState& s;
  View(const ParserInput& in, const ParseState& state) : WordView{in}, s(state) {}
  uint64_t L(int i) const { return i <= 0 ? 255 : s.label[static_cast<size_t>(i)]; }
  int Lc1(int i) const {
    return i < 0 ? -1 : s.lc1[static_cast<size_t>(i)] > 0 ? s.lc1[static_cast<size_t>(i)] : -1;
  }
  int Lc2(int i) const {
    return i < 0 ? -1 : s.lc2[static_cast<size_t>(i)] > 0 ? s.lc2[static_cast<size_t>(i)] : -1;
  }
  int Rc1(int i) const {
    return i < 0 ? -1 : s.rc1[static_cast<size_t>(i)] > 0 ? s.rc1[static_cast<size_t>(i)] : -1;
  }
  int Rc2(int i) const {
    return i < 0 ? -1 : s.rc2[static_cast<size_t>(i)] > 0 ? s.rc2[static_cast<size_t>(i)] : -1;
  }
  uint64_t Nl(int i) const { return i < 0 ? 255 : s.nleft[static_cast<size_t>(i)]; }
  uint64_t Nr(int i) const { return i < 0 ? 255 : s.nright[static_cast<size_t>(i)]; }
  uint64_t Ls(int i) const { return i < 0 ? 1 : s.lset[static_cast<size_t>(i)]; }
  uint64_t Rs(int i) const { return i < 0 ? 1 : s.rset[static_cast<size_t>(i)]; }
};

// Distance buckets: exact up to 4, then 5-6, 7-9, 10+.
uint64_t Dist(int a, int b) {
  if (a <= 0 || b <= 0) return 0;
  const int d = a > b ? a - b : b - a;
  return d <= 4 ? static_cast<uint64_t>(d) : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

}  // namespace

void BufferFeatures(const ParserInput& in, int b0, FeatureList* out) {
  const WordView v{in};
  const int n = static_cast<int>(in.size());
  const int b1 = b0 > 0 && b0 + 1 <= n ? b0 + 1 : -1, b2 = b0 > 0 && b0 + 2 <= n ? b0 + 2 : -1;
  const uint64_t b0w = v.W(b0), b0p = v.P(b0), b1w = v.W(b1), b1p = v.P(b1);
  const uint64_t keys[] = {
      Key(4, b0w),
      Key(5, b0p),
      Key(6, Key(0, b0w, b0p)),
      Key(7, b1w),
      Key(8, b1p),
      Key(9, b1w, b1p),
      Key(10, v.W(b2)),
      Key(11, v.P(b2)),
      Key(23, b0p, b1p),
      Key(27, b0p, b1p, v.P(b2)),
      Key(92, v.C(b0), v.C(b1)),
  };
  out->insert(out->end(), std::begin(keys), std::end(keys));
}

void StackWordFeatures(const ParserInput& in, int word, int depth, FeatureList* out) {
  const WordView v{in};
  const uint64_t w = v.W(word), p = v.P(word);
  if (depth == 0) {
    out->insert(out->end(), {Key(1, w), Key(2, p), Key(3, Key(0, w, p))});
  } else if (depth == 1) {
    out->insert(out->end(), {Key(12, w), Key(13, p), Key(14, w, p)});
  } else {
    out->push_back(Key(15, p));
  }
}

void StateFeatures(const ParserInput& in, const ParseState& s, FeatureList* out) {
  const View v{in, s};
  const int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2);
  const int b0 = s.B(0), b1 = s.B(1);
  const uint64_t s0w = v.W(s0), s0p = v.P(s0), s1w = v.W(s1), s1p = v.P(s1);
  const uint64_t b0w = v.W(b0), b0p = v.P(b0), b1p = v.P(b1);
  const uint64_t s0wp = Key(0, s0w, s0p), b0wp = Key(0, b0w, b0p);
  const int s0l1 = v.Lc1(s0), s0l2 = v.Lc2(s0), s0r1 = v.Rc1(s0), s0r2 = v.Rc2(s0);
  const int s1l1 = v.Lc1(s1), s1r1 = v.Rc1(s1), b0l1 = v.Lc1(b0), b0l2 = v.Lc2(b0);
  const uint64_t dist = Dist(s0, b0), dist1 = Dist(s1, s0);
  // Collected in a local array (no capacity check per feature), appended
  // once; sized for the templates below.
  uint64_t keys[kStateFeatures];
  size_t n = 0;
  auto f = [&keys, &n](uint64_t k) { keys[n++] = k; };
  // Pairs and triples.
  f(Key(16, s0wp, b0wp));
  f(Key(17, s0wp, b0w));
  f(Key(18, s0w, b0wp));
  f(Key(19, s0wp, b0p));
  f(Key(20, s0p, b0wp));
  f(Key(21, s0w, b0w));
  f(Key(22, s0p, b0p));
  f(Key(24, s1p, s0p));
  f(Key(25, s1w, s0w));
  f(Key(26, s1p, s0p, b0p));
  f(Key(28, s0p, b0p, b1p));
  f(Key(29, v.P(s2), s1p, s0p));
  f(Key(30, s0p, v.P(s0l1), b0p));
  f(Key(31, s0p, v.P(s0r1), b0p));
  f(Key(32, s0p, b0p, v.P(b0l1)));
  f(Key(33, s1p, v.P(s1r1), s0p));
  f(Key(34, s1p, s0p, v.P(s0r1)));
  f(Key(35, s1p, v.P(s1l1), s0p));
  f(Key(36, s1p, s0p, v.P(s0l1)));
  // Distances.
  f(Key(38, s0w, dist));
  f(Key(39, s0p, dist));
  f(Key(40, b0w, dist));
  f(Key(41, b0p, dist));
  f(Key(42, s0w, b0w, dist));
  f(Key(43, s0p, b0p, dist));
  f(Key(44, s1p, s0p, dist1));
  f(Key(45, s1w, s0w, dist1));
  // Valencies.
  f(Key(46, s0w, v.Nr(s0)));
  f(Key(47, s0p, v.Nr(s0)));
  f(Key(48, s0w, v.Nl(s0)));
  f(Key(49, s0p, v.Nl(s0)));
  f(Key(50, b0w, v.Nl(b0)));
  f(Key(51, b0p, v.Nl(b0)));
  f(Key(52, s1p, v.Nr(s1)));
  f(Key(53, s1p, v.Nl(s1)));
  // Outermost children.
  f(Key(54, v.W(s0l1)));
  f(Key(55, v.P(s0l1)));
  f(Key(56, v.L(s0l1)));
  f(Key(57, v.W(s0r1)));
  f(Key(58, v.P(s0r1)));
  f(Key(59, v.L(s0r1)));
  f(Key(60, v.W(b0l1)));
  f(Key(61, v.P(b0l1)));
  f(Key(62, v.L(b0l1)));
  f(Key(63, v.P(s1l1)));
  f(Key(64, v.L(s1l1)));
  f(Key(65, v.P(s1r1)));
  f(Key(66, v.L(s1r1)));
  f(Key(67, v.P(s0l2)));
  f(Key(68, v.L(s0l2)));
  f(Key(69, v.P(s0r2)));
  f(Key(70, v.L(s0r2)));
  f(Key(71, v.P(b0l2)));
  f(Key(72, v.L(b0l2)));
  f(Key(73, s0p, v.L(s0l1), v.L(s0l2)));
  f(Key(74, s0p, v.L(s0r1), v.L(s0r2)));
  f(Key(75, b0p, v.L(b0l1), v.L(b0l2)));
  // Label sets.
  f(Key(76, s0w, v.Rs(s0)));
  f(Key(77, s0p, v.Rs(s0)));
  f(Key(78, s0w, v.Ls(s0)));
  f(Key(79, s0p, v.Ls(s0)));
  f(Key(80, b0w, v.Ls(b0)));
  f(Key(81, b0p, v.Ls(b0)));
  f(Key(82, s1p, v.Rs(s1)));
  // Universal tags.
  f(Key(83, v.U(s0), v.U(b0)));
  f(Key(84, v.U(s1), v.U(s0), v.U(b0)));
  // Word classes: which word a phrase attaches to depends on what the
  // words mean ("met Gallant in Washington").
  const uint64_t s0c = v.C(s0), s1c = v.C(s1), b0c = v.C(b0);
  const uint64_t b0l1w = v.W(b0l1);
  f(Key(85, s0c, b0c));
  f(Key(86, s0c, b0p));
  f(Key(87, s0p, b0c));
  f(Key(88, s1c, s0c));
  f(Key(89, s0c, b0l1w, b0c));
  f(Key(90, s1c, b0l1w, b0c));
  f(Key(91, s1c, v.W(s0l1), s0c));
  f(Key(93, s1c, b0c));
  out->insert(out->end(), keys, keys + n);
}

void MoveFeatures(const ParserInput& in, const ParseState& s, FeatureList* out) {
  out->clear();
  BufferFeatures(in, s.B(0), out);
  for (int depth = 0; depth < 3; ++depth) StackWordFeatures(in, s.S(depth), depth, out);
  StateFeatures(in, s, out);
}

uint64_t LabelTagKey(const ParserInput& in, int head, int dep) {
  const WordView v{in};
  const uint64_t dir = head > dep ? 1 : 2;
  return v.P(head) | v.P(dep) << 8 | v.U(head) << 16 | v.U(dep) << 24 | dir << 32 |
         Dist(head, dep) << 34;
}

void LabelTagFeatures(const ParserInput& in, int head, int dep, FeatureList* out) {
  const WordView v{in};
  const uint64_t hp = v.P(head), dp = v.P(dep);
  const uint64_t dir = head > dep ? 1 : 2, dist = Dist(head, dep);
  out->insert(out->end(), {Key(101, 0), Key(102, dp), Key(104, hp, dp), Key(108, hp, dp, dir),
                           Key(109, dp, dir), Key(111, hp, dp, dist), Key(112, dp, dist, dir),
                           Key(123, v.U(head), v.U(dep), dir)});
}

void LabelFeatures(const ParserInput& in, const ParseState& s, int head, int dep,
                   FeatureList* out) {
  out->clear();
  LabelTagFeatures(in, head, dep, out);
  LabelWordFeatures(in, s, head, dep, out);
}

void LabelWordFeatures(const ParserInput& in, const ParseState& s, int head, int dep,
                       FeatureList* out) {
  const View v{in, s};
  const uint64_t hw = v.W(head), hp = v.P(head), dw = v.W(dep), dp = v.P(dep);
  const uint64_t dir = head > dep ? 1 : 2;
  const int dl1 = v.Lc1(dep), dr1 = v.Rc1(dep);
  const uint64_t dl1w = v.W(dl1), dr1w = v.W(dr1);
  // As in StateFeatures; sized for the 25 templates below.
  uint64_t keys[25];
  size_t n = 0;
  auto f = [&keys, &n](uint64_t k) { keys[n++] = k; };
  f(Key(103, dw));
  f(Key(105, hw, dp));
  f(Key(106, hp, dw));
  f(Key(107, hw, dw));
  f(Key(110, dw, dir));
  // The dependent is complete: its function words tell a lot ("by" for
  // an agent, "'s" for a possessor, "to" for an infinitive).
  f(Key(113, dl1w, v.L(dl1)));
  f(Key(114, dp, dl1w));
  f(Key(115, hp, dp, dl1w));
  f(Key(116, dp, dr1w));
  f(Key(117, dp, v.L(dr1), dr1w));
  f(Key(118, dp, v.Ls(dep)));
  f(Key(119, dp, v.Rs(dep)));
  f(Key(120, hp, dp, v.Ls(dep)));
  f(Key(121, hp, dp, v.Ls(head) | v.Rs(head)));
  f(Key(122, hp, v.Ls(head)));
  f(Key(124, hw, dl1w));
  f(Key(125, Key(0, hp, dp), dl1w, dir));
  f(Key(126, dp, v.P(dl1), v.P(dr1)));
  f(Key(127, dp, dep > 0 ? in.words[static_cast<size_t>(dep - 1)].shape : 0));
  f(Key(128, dp, dep > 0 ? in.words[static_cast<size_t>(dep - 1)].suffix[2] : 0, dir));
  // The word after the arc ("was cancelled | by"): for a left arc the head
  // is the buffer's first word, so it is the second; else the first.
  const int after = s.B(0) == head ? s.B(1) : s.B(0);
  f(Key(129, hp, dp, v.P(after)));
  f(Key(130, dp, v.W(after), dir));
  const int hl1 = v.Lc1(head);
  f(Key(131, hp, v.W(hl1), v.L(hl1)));
  f(Key(132, hp, head > 0 ? in.words[static_cast<size_t>(head - 1)].suffix[1] : 0, dp));
  f(Key(133, Key(0, dp, dir), v.L(dl1), v.L(dr1)));
  out->insert(out->end(), keys, keys + n);
}

}  // namespace annals::syntax
