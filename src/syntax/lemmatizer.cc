// Training, the model section and the run-time lookup of lemmatizer.h.
#include "syntax/lemmatizer.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "syntax/features.h"
#include "syntax/tagset.h"

namespace annals::syntax {
namespace {

constexpr uint32_t kMagic = 0x314D454C;  // "LEM1": the format version is the last byte
// Longer words are URLs and junk; no lemma rule is worth a bigger table.
constexpr size_t kMaxWordBytes = 1024;
constexpr uint32_t kMaxEntries = 1u << 22;
constexpr size_t kMaxPoolBytes = size_t{1} << 30;  // keeps pool offsets in 32 bits
// A rule needs this many word types behind it (the empty suffix excepted).
constexpr int kMinRuleSupport = 2;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

void LowerInto(std::string_view s, std::string* out) {
  out->resize(s.size());
  for (size_t i = 0; i < s.size(); ++i) (*out)[i] = AsciiLower(s[i]);
}

bool HasUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// xpos in bits 0-7, the suffix length in 8-15, its bytes from bit 16 on.
uint64_t RuleKey(uint8_t xpos, std::string_view suffix) {
  uint64_t key = xpos | (uint64_t{suffix.size()} << 8);
  for (size_t i = 0; i < suffix.size(); ++i) {
    key |= uint64_t{static_cast<unsigned char>(suffix[i])} << (16 + 8 * i);
  }
  return key;
}

std::string RuleSuffix(uint64_t key) {
  std::string s((key >> 8) & 0xFF, '\0');
  for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<char>(key >> (16 + 8 * i));
  return s;
}

uint64_t ExceptionHash(std::string_view lower, uint8_t upos, uint8_t xpos) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (const char c : lower) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return Mix(h ^ (uint64_t{upos} << 8 | xpos));
}

std::vector<uint32_t> EmptySlots(size_t entries) {
  size_t n = 1;
  while (n < 2 * entries) n *= 2;
  return std::vector<uint32_t>(n, 0);
}

// Places entry `index` (hash h); false when `same` says a slot holds its key.
template <typename Same>
bool Insert(std::vector<uint32_t>& slots, uint64_t h, uint32_t index, Same same) {
  const size_t mask = slots.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots[i] == 0) {
      slots[i] = index + 1;
      return true;
    }
    if (same(slots[i] - 1)) return false;
  }
}

// Training: one way to turn a form into its lemma.
struct Edit {
  Lemmatizer::CaseStep step;
  size_t strip;
  std::string append;
  auto operator<=>(const Edit&) const = default;
};

// The edit from `cased` (the form after `step`) to `lemma`.
Edit EditFor(Lemmatizer::CaseStep step, std::string_view cased, std::string_view lemma) {
  size_t p = 0;
  while (p < cased.size() && p < lemma.size() && cased[p] == lemma[p]) ++p;
  return {step, cased.size() - p, std::string(lemma.substr(p))};
}

// Ties go to the smaller edit, so the choice never depends on hash order;
// then to the later case step: when the evidence is all lower-case words,
// an unseen capitalised one is more likely sentence-initial than a name
// (lower beats keep), and when it is all capitalised, a lower-case word of
// the class is a name written carelessly (upper-first beats keep). Worth
// 0.02 points on EWT dev.
bool Better(const std::pair<Edit, int>& a, const std::pair<Edit, int>& b) {
  if (a.second != b.second) return a.second > b.second;
  const auto rank = [](const Edit& e) {
    return std::make_tuple(e.strip, e.append.size(), std::string_view(e.append),
                           -static_cast<int>(e.step));
  };
  return rank(a.first) < rank(b.first);
}

// One (form, lemma, tags) of the training data and how often it occurs.
struct Type {
  std::string_view form, lemma;
  uint8_t upos, xpos;
  int count;
  std::string lower;  // the form, lower-cased
};

std::vector<Type> Types(const std::vector<ConlluSentence>& sentences) {
  struct Key {
    std::string_view form, lemma;
    uint8_t upos, xpos;
    bool operator==(const Key&) const = default;
  };
  struct Hash {
    size_t operator()(const Key& k) const {
      const std::hash<std::string_view> h;
      return Mix(h(k.form) ^ (h(k.lemma) << 1) ^ (uint64_t{k.upos} << 8 | k.xpos));
    }
  };
  std::unordered_map<Key, int, Hash> counts;
  for (const ConlluSentence& s : sentences) {
    for (const ConlluWord& w : s.words) {
      const uint8_t upos = UposId(w.upos), xpos = XposId(w.xpos);
      if (upos == 0 || xpos == 0 || w.form.empty() || w.lemma.empty() ||
          w.form.size() > kMaxWordBytes || w.lemma.size() > kMaxWordBytes) {
        continue;
      }
      ++counts[{w.form, w.lemma, upos, xpos}];
    }
  }
  std::vector<Type> types;
  types.reserve(counts.size());
  for (const auto& [k, n] : counts) {
    types.push_back({k.form, k.lemma, k.upos, k.xpos, n, {}});
    LowerInto(k.form, &types.back().lower);
  }
  return types;  // in hash order: callers sort what they need
}

// Rules count types, not tokens: see the header.
std::vector<Lemmatizer::RuleSpec> LearnRules(const std::vector<Type>& types) {
  struct Node {
    int total = 0;
    std::vector<std::pair<Edit, int>> counts;
  };
  std::unordered_map<uint64_t, Node> nodes;
  std::vector<Edit> edits;
  for (const Type& t : types) {
    std::string upper_first(t.form);
    upper_first[0] = AsciiUpper(upper_first[0]);
    // Every step that reaches the lemma gets the vote: "the" backs both
    // keeping and lower-casing, so the capitalised words decide.
    edits = {EditFor(Lemmatizer::CaseStep::kKeep, t.form, t.lemma),
             EditFor(Lemmatizer::CaseStep::kLower, t.lower, t.lemma),
             EditFor(Lemmatizer::CaseStep::kUpperFirst, upper_first, t.lemma)};
    // The whole word is never a suffix: that is what exceptions are for.
    const size_t max_k = std::min(Lemmatizer::kMaxSuffix, t.form.size() - 1);
    for (size_t k = 0; k <= max_k; ++k) {
      Node& node = nodes[RuleKey(t.xpos, std::string_view(t.lower).substr(t.lower.size() - k))];
      ++node.total;
      for (const Edit& e : edits) {
        if (e.strip > k) continue;
        const auto it = std::find_if(node.counts.begin(), node.counts.end(),
                                     [&](const auto& c) { return c.first == e; });
        if (it != node.counts.end()) {
          ++it->second;
        } else {
          node.counts.emplace_back(e, 1);
        }
      }
    }
  }
  // Shorter suffixes first, so that a rule's parent is decided before it.
  std::vector<uint64_t> keys;
  keys.reserve(nodes.size());
  for (const auto& [key, node] : nodes) keys.push_back(key);
  const auto length = [](uint64_t key) { return (key >> 8) & 0xFF; };
  std::sort(keys.begin(), keys.end(), [&](uint64_t a, uint64_t b) {
    return std::make_pair(length(a), a) < std::make_pair(length(b), b);
  });
  std::unordered_map<uint64_t, Edit> kept;
  std::vector<Lemmatizer::RuleSpec> out;
  for (const uint64_t key : keys) {
    const Node& node = nodes[key];
    const size_t k = length(key);
    const auto best = std::min_element(node.counts.begin(), node.counts.end(), Better);
    if (best == node.counts.end()) continue;
    if (k > 0 && (node.total < kMinRuleSupport || 2 * best->second <= node.total)) continue;
    const auto xpos = static_cast<uint8_t>(key);
    const std::string suffix = RuleSuffix(key);
    // Drop the rule when the one it would override does as well here.
    const Edit* parent = nullptr;
    for (size_t j = k; j-- > 0 && parent == nullptr;) {
      const auto it = kept.find(RuleKey(xpos, std::string_view(suffix).substr(k - j)));
      if (it != kept.end()) parent = &it->second;
    }
    if (parent != nullptr) {
      const auto it = std::find_if(node.counts.begin(), node.counts.end(),
                                   [&](const auto& c) { return c.first == *parent; });
      if (it != node.counts.end() && it->second == best->second) continue;
    }
    kept.emplace(key, best->first);
    const Edit& e = best->first;
    out.push_back({xpos, suffix, e.step, static_cast<uint8_t>(e.strip), e.append});
  }
  return out;
}

// Per (lower-cased form, tags), tokens counted: an exception when the most
// frequent lemma beats what the rules get right.
std::vector<Lemmatizer::ExceptionSpec> LearnExceptions(std::vector<Type> types,
                                                       const Lemmatizer& rules) {
  const auto group = [](const Type& t) { return std::tie(t.lower, t.upos, t.xpos); };
  std::sort(types.begin(), types.end(), [&](const Type& a, const Type& b) {
    return std::tie(a.lower, a.upos, a.xpos, a.lemma) < std::tie(b.lower, b.upos, b.xpos, b.lemma);
  });
  std::vector<Lemmatizer::ExceptionSpec> out;
  std::string lemma;
  for (size_t begin = 0, end; begin < types.size(); begin = end) {
    int rules_right = 0, best_count = 0, run = 0;
    std::string_view best;
    for (end = begin; end < types.size() && group(types[end]) == group(types[begin]); ++end) {
      const Type& t = types[end];
      rules.Lemmatize(t.form, t.upos, t.xpos, &lemma);
      if (lemma == t.lemma) rules_right += t.count;
      // Types with one lemma are adjacent; the first lemma wins a tie.
      run = end > begin && types[end - 1].lemma == t.lemma ? run + t.count : t.count;
      if (run > best_count) {
        best_count = run;
        best = t.lemma;
      }
    }
    if (best_count <= rules_right) continue;
    const Type& t = types[begin];
    out.push_back({t.lower, t.upos, t.xpos, std::string(best)});
  }
  return out;
}

}  // namespace

Lemmatizer Lemmatizer::Train(const std::vector<ConlluSentence>& sentences) {
  const std::vector<Type> types = Types(sentences);
  const std::vector<RuleSpec> rules = LearnRules(types);
  // Build cannot fail here: Types() has already dropped what it rejects.
  Lemmatizer rules_only;
  rules_only.Build({}, rules);
  Lemmatizer out;
  out.Build(LearnExceptions(types, rules_only), rules);
  return out;
}

bool Lemmatizer::Build(const std::vector<ExceptionSpec>& exceptions,
                       const std::vector<RuleSpec>& rules) {
  if (exceptions.size() > kMaxEntries || rules.size() > kMaxEntries) return false;
  pool_.clear();
  exceptions_.clear();
  rules_.clear();
  exception_slots_ = EmptySlots(exceptions.size());
  rule_slots_ = EmptySlots(rules.size());
  const auto add = [this](std::string_view s) {
    const auto off = static_cast<uint32_t>(pool_.size());
    pool_.append(s);
    return off;
  };
  for (const ExceptionSpec& e : exceptions) {
    if (e.form.empty() || e.form.size() > kMaxWordBytes || HasUpper(e.form) ||
        e.lemma.size() > kMaxWordBytes || pool_.size() > kMaxPoolBytes) {
      return false;
    }
    const uint64_t h = ExceptionHash(e.form, e.upos, e.xpos);
    const auto index = static_cast<uint32_t>(exceptions_.size());
    exceptions_.push_back({h, add(e.form), add(e.lemma), static_cast<uint16_t>(e.form.size()),
                           static_cast<uint16_t>(e.lemma.size()), e.upos, e.xpos});
    const auto same = [&](uint32_t i) {
      return IsException(exceptions_[i], h, e.form, e.upos, e.xpos);
    };
    if (!Insert(exception_slots_, h, index, same)) return false;
  }
  for (const RuleSpec& r : rules) {
    if (r.suffix.size() > kMaxSuffix || HasUpper(r.suffix) || r.strip > r.suffix.size() ||
        r.step > CaseStep::kUpperFirst || r.append.size() > kMaxWordBytes ||
        pool_.size() > kMaxPoolBytes) {
      return false;
    }
    const uint64_t key = RuleKey(r.xpos, r.suffix);
    const auto index = static_cast<uint32_t>(rules_.size());
    rules_.push_back({key, add(r.append), static_cast<uint16_t>(r.append.size()), r.step, r.strip});
    if (!Insert(rule_slots_, Mix(key), index, [&](uint32_t i) { return rules_[i].key == key; })) {
      return false;
    }
  }
  return true;
}

bool Lemmatizer::IsException(const Exception& e, uint64_t hash, std::string_view lower,
                             uint8_t upos, uint8_t xpos) const {
  return e.hash == hash && e.upos == upos && e.xpos == xpos &&
         std::string_view(pool_).substr(e.form_off, e.form_len) == lower;
}

const Lemmatizer::Exception* Lemmatizer::FindException(std::string_view lower, uint8_t upos,
                                                       uint8_t xpos) const {
  const uint64_t h = ExceptionHash(lower, upos, xpos);
  const size_t mask = exception_slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint32_t slot = exception_slots_[i];
    if (slot == 0) return nullptr;
    const Exception& e = exceptions_[slot - 1];
    if (IsException(e, h, lower, upos, xpos)) return &e;
  }
}

const Lemmatizer::Rule* Lemmatizer::FindRule(uint64_t key) const {
  const size_t mask = rule_slots_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    const uint32_t slot = rule_slots_[i];
    if (slot == 0) return nullptr;
    if (rules_[slot - 1].key == key) return &rules_[slot - 1];
  }
}

void Lemmatizer::Lemmatize(std::string_view form, uint8_t upos, uint8_t xpos,
                           std::string* out) const {
  LowerInto(form, out);
  if (form.empty()) return;
  if (const Exception* e = FindException(*out, upos, xpos)) {
    out->assign(pool_, e->lemma_off, e->lemma_len);
    return;
  }
  const size_t n = form.size();
  for (size_t k = std::min(kMaxSuffix, n - 1) + 1; k-- > 0;) {
    const Rule* r = FindRule(RuleKey(xpos, std::string_view(*out).substr(n - k)));
    if (r == nullptr) continue;
    if (r->step != CaseStep::kLower) out->assign(form);
    if (r->step == CaseStep::kUpperFirst) (*out)[0] = AsciiUpper((*out)[0]);
    out->resize(n - r->strip);
    out->append(pool_, r->append_off, r->append_len);
    return;
  }
  out->assign(form);
}

void Lemmatizer::Save(ByteWriter& w) const {
  const std::string_view pool = pool_;
  w.Put<uint32_t>(kMagic);
  w.Put<uint32_t>(static_cast<uint32_t>(exceptions_.size()));
  for (const Exception& e : exceptions_) {
    w.PutString(pool.substr(e.form_off, e.form_len));
    w.Put<uint8_t>(e.upos);
    w.Put<uint8_t>(e.xpos);
    w.PutString(pool.substr(e.lemma_off, e.lemma_len));
  }
  w.Put<uint32_t>(static_cast<uint32_t>(rules_.size()));
  for (const Rule& r : rules_) {
    w.Put<uint8_t>(static_cast<uint8_t>(r.key));
    w.PutString(RuleSuffix(r.key));
    w.Put<uint8_t>(static_cast<uint8_t>(r.step));
    w.Put<uint8_t>(r.strip);
    w.PutString(pool.substr(r.append_off, r.append_len));
  }
}

bool Lemmatizer::Load(ByteReader& r, Lemmatizer* out) {
  if (r.Get<uint32_t>() != kMagic) return false;
  // Counts are checked against what is left as the entries are read, so a
  // corrupt count costs no more than the bytes behind it.
  std::vector<ExceptionSpec> exceptions;
  const uint32_t n_exceptions = r.Get<uint32_t>();
  if (n_exceptions > kMaxEntries) return false;
  for (uint32_t i = 0; i < n_exceptions && r.ok(); ++i) {
    ExceptionSpec e;
    e.form = r.GetString(kMaxWordBytes);
    e.upos = r.Get<uint8_t>();
    e.xpos = r.Get<uint8_t>();
    e.lemma = r.GetString(kMaxWordBytes);
    exceptions.push_back(std::move(e));
  }
  std::vector<RuleSpec> rules;
  const uint32_t n_rules = r.Get<uint32_t>();
  if (n_rules > kMaxEntries) return false;
  for (uint32_t i = 0; i < n_rules && r.ok(); ++i) {
    RuleSpec s;
    s.xpos = r.Get<uint8_t>();
    s.suffix = r.GetString(kMaxSuffix);
    s.step = static_cast<CaseStep>(r.Get<uint8_t>());
    s.strip = r.Get<uint8_t>();
    s.append = r.GetString(kMaxWordBytes);
    rules.push_back(std::move(s));
  }
  Lemmatizer built;
  if (!r.ok() || !built.Build(exceptions, rules)) return false;
  *out = std::move(built);
  return true;
}

}  // namespace annals::syntax
