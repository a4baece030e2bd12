#include "syntax/parser.h"

#include <algorithm>
#include <random>

#include "syntax/parse_state.h"
#include "syntax/parser_features.h"
#include "syntax/tagset.h"

namespace annals::syntax {
namespace {

const uint8_t kRootRel = DeprelId("root");

// Relations the labeller may choose: every named one but "root", which
// only the final attachment to the root gets.
std::vector<bool> LabelMask() {
  std::vector<bool> mask(DeprelNames().size(), true);
  mask[0] = false;
  mask[kRootRel] = false;
  return mask;
}

// The best valid move.
Move BestMove(const ParseState& s, const float* scores) {
  Move best = kNumMoves;
  for (uint32_t m = 0; m < kNumMoves; ++m) {
    if (!s.Valid(static_cast<Move>(m))) continue;
    if (best == kNumMoves || scores[m] > scores[best]) best = static_cast<Move>(m);
  }
  return best;
}

uint8_t BestLabel(const std::vector<float>& scores, const std::vector<bool>& mask) {
  uint32_t best = 0;
  for (uint32_t c = 1; c < scores.size(); ++c) {
    if (mask[c] && (best == 0 || scores[c] > scores[best])) best = c;
  }
  return static_cast<uint8_t>(best);
}

// Dynamic-oracle bookkeeping (Goldberg and Nivre 2013, arc-hybrid): the
// number of gold arcs each move makes unreachable.
struct Oracle {
  const std::vector<int>& gold;  // gold head per word, index 0 unused
  std::vector<int> kids_in_buffer, kids_in_stack;
  std::vector<bool> in_stack;

  explicit Oracle(const std::vector<int>& g) : gold(g) {
    const size_t n = g.size();
    kids_in_buffer.assign(n, 0);
    kids_in_stack.assign(n, 0);
    in_stack.assign(n, false);
    in_stack[0] = true;
    for (size_t i = 1; i < n; ++i) ++kids_in_buffer[static_cast<size_t>(g[i])];
  }
  int Cost(const ParseState& s, Move m) const {
    const int s0 = s.S(0), s1 = s.S(1), b0 = s.B(0);
    if (m == kShift) {
      const int h = gold[static_cast<size_t>(b0)];
      return kids_in_stack[static_cast<size_t>(b0)] +
             (h != 0 && h != s0 && in_stack[static_cast<size_t>(h)] ? 1 : 0);
    }
    // Either arc pops s0: its children still in the buffer are lost, and
    // so is its gold head if that was still reachable.
    const int h = gold[static_cast<size_t>(s0)];
    const int given = m == kLeft ? b0 : s1;
    int cost = kids_in_buffer[static_cast<size_t>(s0)];
    if (h != given) {
      const bool reachable = h == 0 || h >= s.b || (m == kLeft && h == s1);
      if (reachable) ++cost;
    }
    return cost;
  }
  void Apply(const ParseState& s, Move m) {
    if (m == kShift) {
      const int b0 = s.B(0);
      --kids_in_buffer[static_cast<size_t>(gold[static_cast<size_t>(b0)])];
      ++kids_in_stack[static_cast<size_t>(gold[static_cast<size_t>(b0)])];
      in_stack[static_cast<size_t>(b0)] = true;
    } else {
      const int s0 = s.S(0);
      --kids_in_stack[static_cast<size_t>(gold[static_cast<size_t>(s0)])];
      in_stack[static_cast<size_t>(s0)] = false;
    }
  }
};

}  // namespace

ParserScratch::ParserScratch() : state(std::make_unique<ParseState>()) {}
ParserScratch::~ParserScratch() = default;

void Parser::Parse(const ParserInput& in, int* heads, uint8_t* deprels,
                   ParserScratch& scratch) const {
  static const std::vector<bool> mask = LabelMask();
  ParseState& s = *scratch.state;
  const int n = static_cast<int>(in.size());
  s.Init(n);
  // The weights of the words in each place they can take (BufferFeatures,
  // StackWordFeatures), summed once per sentence instead of once per move:
  // 18 of a move's 92 features. Buffer fronts 1..n come first, then stack
  // words -1..n at depths 0 to 2.
  FeatureList& words = scratch.features;
  words.clear();
  scratch.ends.clear();
  for (int b = 1; b <= n; ++b) {
    BufferFeatures(in, b, &words);
    scratch.ends.push_back(static_cast<uint32_t>(words.size()));
  }
  for (int w = -1; w <= n; ++w) {
    for (int depth = 0; depth < 3; ++depth) {
      StackWordFeatures(in, w, depth, &words);
      scratch.ends.push_back(static_cast<uint32_t>(words.size()));
    }
  }
  scratch.place_sums.assign(scratch.ends.size() * kNumMoves, 0);
  moves_.Sum(words, scratch.ends, scratch.place_sums.data());
  auto place = [&](size_t group) { return &scratch.place_sums[group * kNumMoves]; };
  auto stack_word = [&](int depth) {
    return place(static_cast<size_t>(n + (s.S(static_cast<size_t>(depth)) + 1) * 3 + depth));
  };
  float move_scores[kNumMoves];
  while (!s.Terminal()) {
    // A forced move (the first shift, the right-arcs once the buffer is
    // empty) needs no scores: a tenth of the moves in news text.
    Move m = kNumMoves;
    int valid = 0;
    for (uint32_t k = 0; k < kNumMoves; ++k) {
      if (s.Valid(static_cast<Move>(k))) ++valid, m = static_cast<Move>(k);
    }
    if (valid > 1) {
      // Two valid moves need a word in the buffer.
      const int32_t* made[] = {place(static_cast<size_t>(s.B(0) - 1)), stack_word(0), stack_word(1),
                               stack_word(2)};
      scratch.features.clear();
      StateFeatures(in, s, &scratch.features);
      std::fill(move_scores, move_scores + kNumMoves, 0.0f);
      moves_.Score(scratch.features, made, move_scores);
      m = BestMove(s, move_scores);
    }
    uint8_t rel = 0;
    int h, d;
    s.ArcOf(m, &h, &d);
    if (h == 0) {
      rel = kRootRel;
    } else if (h > 0) {
      const int32_t* tag_sums = scratch.label_memo.Get(
          labels_, LabelTagKey(in, h, d), [&](FeatureList* f) { LabelTagFeatures(in, h, d, f); });
      scratch.features.clear();
      LabelWordFeatures(in, s, h, d, &scratch.features);
      scratch.scores.assign(labels_.num_classes(), 0.0f);
      labels_.Score(scratch.features, std::span<const int32_t* const>(&tag_sums, 1),
                    scratch.scores.data());
      rel = BestLabel(scratch.scores, mask);
    }
    s.Apply(m, rel);
  }
  for (size_t i = 0; i < in.size(); ++i) {
    heads[i] = s.head[i + 1];
    deprels[i] = s.label[i + 1];
  }
}

Parser Parser::Train(const std::vector<GoldSentence>& gold, const std::vector<TrainingTags>& tags,
                     const Options& options) {
  return TrainAveraged(gold, tags, options).Make(options.min_weight);
}

Parser Parser::Averaged::Make(float min_weight) const {
  Parser p;
  p.moves_ = WeightTable::Build(kNumMoves, moves, min_weight);
  p.labels_ = WeightTable::Build(static_cast<uint32_t>(DeprelNames().size()), labels, min_weight);
  return p;
}

Parser::Averaged Parser::TrainAveraged(const std::vector<GoldSentence>& gold,
                                       const std::vector<TrainingTags>& tags,
                                       const Options& options) {
  const std::vector<bool> mask = LabelMask();
  const uint32_t num_labels = static_cast<uint32_t>(DeprelNames().size());
  PerceptronTrainer moves(kNumMoves), labels(num_labels);
  std::vector<std::vector<WordHashes>> hashed(gold.size());
  std::string buffer;
  for (size_t n = 0; n < gold.size(); ++n) {
    for (const std::string& form : gold[n].forms) hashed[n].push_back(HashWord(form, &buffer));
  }
  std::vector<size_t> order(gold.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  ParseState s;
  FeatureList features;
  std::vector<float> label_scores(num_labels);
  for (int it = 0; it < options.iterations; ++it) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const size_t n : order) {
      const GoldSentence& g = gold[n];
      const ParserInput in{hashed[n], tags[n].upos.data(), tags[n].xpos.data(),
                           tags[n].senses.empty() ? nullptr : tags[n].senses.data()};
      std::vector<int> gold_heads(g.size() + 1, 0);
      for (size_t i = 0; i < g.size(); ++i) gold_heads[i + 1] = g.heads[i];
      Oracle oracle(gold_heads);
      s.Init(static_cast<int>(g.size()));
      while (!s.Terminal()) {
        MoveFeatures(in, s, &features);
        float scores[kNumMoves] = {0, 0, 0};
        moves.Score(features, scores);
        const Move guess = BestMove(s, scores);
        int costs[kNumMoves];
        int min_cost = INT32_MAX;
        for (uint32_t m = 0; m < kNumMoves; ++m) {
          costs[m] =
              s.Valid(static_cast<Move>(m)) ? oracle.Cost(s, static_cast<Move>(m)) : INT32_MAX;
          min_cost = std::min(min_cost, costs[m]);
        }
        Move best = kNumMoves;
        for (uint32_t m = 0; m < kNumMoves; ++m) {
          if (costs[m] == min_cost && (best == kNumMoves || scores[m] > scores[best])) {
            best = static_cast<Move>(m);
          }
        }
        Move taken = guess;
        if (costs[guess] > min_cost) {
          moves.Update(features, best, guess);
          const bool explore = it >= options.explore_from && coin(rng) < options.explore;
          if (!explore) taken = best;
        }
        moves.Tick();
        int h, d;
        s.ArcOf(taken, &h, &d);
        uint8_t rel = 0;
        if (h == 0) {
          rel = kRootRel;
        } else if (h > 0) {
          LabelFeatures(in, s, h, d, &features);
          std::fill(label_scores.begin(), label_scores.end(), 0.0f);
          labels.Score(features, label_scores.data());
          rel = BestLabel(label_scores, mask);
          if (gold_heads[static_cast<size_t>(d)] == h) {
            const uint8_t truth = g.deprel[static_cast<size_t>(d - 1)];
            if (truth != kRootRel) {
              labels.Update(features, truth, rel);
              labels.Tick();
              // Later moves see the right relation where the arc is right
              // (predicted ones scored lower on the dev set).
              rel = truth;
            }
          }
        }
        oracle.Apply(s, taken);
        s.Apply(taken, rel);
      }
    }
  }
  return {moves.Averaged(), labels.Averaged()};
}

void Parser::Save(ByteWriter& w) const {
  moves_.Save(w);
  labels_.Save(w);
}

bool Parser::Load(ByteReader& r, Parser* out) {
  Parser p;
  if (!WeightTable::Load(r, &p.moves_) || !WeightTable::Load(r, &p.labels_)) return false;
  if (p.moves_.num_classes() != kNumMoves || p.labels_.num_classes() != DeprelNames().size()) {
    return false;
  }
  *out = std::move(p);
  return true;
}

}  // namespace annals::syntax
