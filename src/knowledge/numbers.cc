// Tested by numbers_test.cc.
#include "knowledge/numbers.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "syntax/tagset.h"

namespace annals::knowledge {
namespace {

struct Word {
  std::string_view text;
  double value;
};

// Spelled cardinals; "a"/"an" count as one only before a scale word.
constexpr std::array<Word, 28> kCardinals = {{
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"zero", 0},
}};

// Scale words after a number. "dozen" multiplies like a scale ("two dozen").
constexpr std::array<Word, 6> kScales = {{
    {"hundred", 1e2},
    {"thousand", 1e3},
    {"million", 1e6},
    {"billion", 1e9},
    {"trillion", 1e12},
    {"dozen", 12},
}};

// Abbreviated scales, trusted only next to a currency: "100m" alone is a race.
constexpr std::array<Word, 5> kMoneyScales = {{
    {"m", 1e6},
    {"mn", 1e6},
    {"bn", 1e9},
    {"tn", 1e12},
    {"k", 1e3},
}};

// Vague plurals, by our golden-set convention: about twice the unit.
constexpr std::array<Word, 7> kVague = {{
    {"dozens", 24},
    {"scores", 40},
    {"hundreds", 200},
    {"thousands", 2000},
    {"millions", 2e6},
    {"billions", 2e9},
    {"tens", 20},  // only in "tens of thousands/millions"
}};

// Plural scales after "tens of" / "hundreds of".
constexpr std::array<Word, 3> kPluralScales = {{
    {"thousands", 1e3},
    {"millions", 1e6},
    {"billions", 1e9},
}};

constexpr std::array<Word, 17> kDenominators = {{
    {"half", 2},
    {"halves", 2},
    {"third", 3},
    {"thirds", 3},
    {"quarter", 4},
    {"quarters", 4},
    {"fifth", 5},
    {"fifths", 5},
    {"sixth", 6},
    {"sixths", 6},
    {"seventh", 7},
    {"sevenths", 7},
    {"eighth", 8},
    {"eighths", 8},
    {"tenth", 10},
    {"tenths", 10},
    {"ninth", 9},
}};

const Word* Find(std::string_view w, const auto& table) {
  for (const Word& e : table)
    if (e.text == w) return &e;
  return nullptr;
}

struct Cursor {
  const Document& doc;
  const Sentence& s;
  std::string_view Text(uint32_t t) const { return doc.Text(doc.tokens[t].span); }
  // Lower-case surface of token t; empty when past the sentence or too long.
  std::string_view Lower(uint32_t t, char* buf, size_t size) const {
    if (t < s.tokens.begin || t >= s.tokens.end) return {};
    return LowerInto(Text(t), buf, size);
  }
  bool Is(uint32_t t, std::string_view lower) const {
    char buf[32];
    return !lower.empty() && Lower(t, buf, sizeof buf) == lower;
  }
};

// "32,000", "1.4", "32000": digits with thousands commas and one decimal point.
bool ParseDigits(std::string_view s, double* out) {
  if (s.empty() || s.size() > 30) return false;
  char buf[32];
  size_t n = 0;
  bool dot = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      buf[n++] = c;
    } else if (c == ',' && n > 0 && !dot) {
      continue;
    } else if (c == '.' && !dot && n > 0) {
      dot = true;
      buf[n++] = c;
    } else {
      return false;
    }
  }
  if (n == 0 || buf[n - 1] == '.') return false;
  double v = 0;
  auto [p, ec] = std::from_chars(buf, buf + n, v);
  if (ec != std::errc() || p != buf + n) return false;
  *out = v;
  return true;
}

// One value, without qualifier, currency or percent sign.
struct Value {
  double value = 0;
  double base = 0;   // before the scale word ("2" in "2 million")
  double scale = 1;  // product of the scale words
  uint32_t next = 0;
  uint32_t last = 0;
  NumberForm form = NumberForm::kCount;
  bool digits = false;
  bool scaled = false;
  bool clock = false;
  bool has_max = false;  // "10-15" in one token
  double max = 0;
};

bool IsDeterminerLike(const Token& t) {
  return t.upos == syntax::upos::kDet ||
         (t.upos == syntax::upos::kPron && t.xpos == syntax::XposId("PRP$"));
}

// Applies the scale words after token `v->next`; "money" admits "m" and "bn".
void TakeScales(const Cursor& c, bool money, Value* v) {
  char buf[32];
  for (int k = 0; k < 2; ++k) {
    const std::string_view w = c.Lower(v->next, buf, sizeof buf);
    const Word* sc = Find(w, kScales);
    if (sc == nullptr && money) sc = Find(w, kMoneyScales);
    if (sc == nullptr) return;
    v->scale *= sc->value;
    v->value *= sc->value;
    v->scaled = true;
    v->last = v->next++;
  }
}

// Spelled cardinals from token t: "twelve", "forty-five", "two hundred and fifty".
bool ParseSpelled(const Cursor& c, uint32_t t, Value* v) {
  char buf[32];
  double total = 0, current = 0;
  bool any = false;
  uint32_t k = t;
  for (; k < c.s.tokens.end; ++k) {
    const std::string_view w = c.Lower(k, buf, sizeof buf);
    if (const Word* card = Find(w, kCardinals)) {
      // The tagger calls a capitalised "Seven" a name now and then; "one" alone is often a
      // pronoun ("no one", "the one"), so a cardinal it does not tag NUM must precede a noun.
      if (c.doc.tokens[k].upos != syntax::upos::kNum && !any) {
        if (card->value == 1 || k + 1 >= c.s.tokens.end) return false;
        const uint8_t next = c.doc.tokens[k + 1].upos;
        if (next != syntax::upos::kNoun && next != syntax::upos::kAdj &&
            next != syntax::upos::kPropn)
          return false;
      }
      current += card->value;
    } else if (const size_t dash = w.find('-'); dash != std::string_view::npos && !w.empty()) {
      const Word* tens = Find(w.substr(0, dash), kCardinals);
      const Word* unit = Find(w.substr(dash + 1), kCardinals);
      if (tens == nullptr || unit == nullptr || tens->value < 20 || unit->value >= 10) break;
      current += tens->value + unit->value;
    } else if (const Word* sc = Find(w, kScales); sc != nullptr && any) {
      if (sc->value == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        total += (current == 0 ? 1 : current) * sc->value;
        current = 0;
      }
      v->scaled = true;
    } else if (w == "and" && any && k + 1 < c.s.tokens.end &&
               Find(c.Lower(k + 1, buf, sizeof buf), kCardinals) != nullptr &&
               (current >= 100 || total > 0)) {
      continue;  // "two hundred and fifty"
    } else {
      break;
    }
    any = true;
    v->last = k;
  }
  if (!any) return false;
  v->value = total + current;
  v->base = v->value;
  v->next = v->last + 1;
  return true;
}

// "a third", "two-thirds", "half": true when token t starts a fraction that
// is followed by "of" or a determiner ("half the population").
bool ParseFraction(const Cursor& c, uint32_t t, Value* v) {
  char buf[32];
  std::string_view w = c.Lower(t, buf, sizeof buf);
  double num = 0, den = 0;
  uint32_t last = t;
  if (w == "half") {
    // "the second half of 2004", "the first half": a part of a period, not a share.
    if (t > c.s.tokens.begin &&
        (c.Is(t - 1, "the") || c.doc.tokens[t - 1].upos == syntax::upos::kAdj))
      return false;
    num = 1;
    den = 2;
  } else if (const size_t dash = w.find('-'); dash != std::string_view::npos) {
    const Word* n = Find(w.substr(0, dash), kCardinals);
    const Word* d = Find(w.substr(dash + 1), kDenominators);
    if (n == nullptr || d == nullptr || n->value >= d->value) return false;
    num = n->value;
    den = d->value;
  } else {
    const Word* n = (w == "a" || w == "an") ? &kCardinals[0] : Find(w, kCardinals);
    if (n == nullptr || n->value >= 10) return false;
    const Word* d = Find(c.Lower(t + 1, buf, sizeof buf), kDenominators);
    if (d == nullptr || d->value == 2 || n->value >= d->value) return false;
    num = n->value;
    den = d->value;
    last = t + 1;
  }
  const uint32_t after = last + 1;
  if (after >= c.s.tokens.end) return false;
  if (!c.Is(after, "of") && !IsDeterminerLike(c.doc.tokens[after])) return false;
  v->value = v->base = num / den;
  v->form = NumberForm::kFraction;
  v->last = last;
  v->next = after;
  return true;
}

// Everything a value can start with, except the currency sign.
bool ParseValue(const Cursor& c, uint32_t t, bool money, Value* v) {
  const uint32_t end = c.s.tokens.end;
  if (t >= end) return false;
  const Token& tok = c.doc.tokens[t];
  const std::string_view text = c.Text(t);
  *v = Value();
  v->last = t;
  v->next = t + 1;
  if (tok.kind == TokenKind::kNumber) {
    v->digits = true;
    if (text.find(':') != std::string_view::npos) {
      v->clock = true;
      return true;
    }
    if (!ParseDigits(text, &v->value)) return false;
    v->base = v->value;
    TakeScales(c, money, v);
    return true;
  }
  if (tok.kind != TokenKind::kWord) return false;
  char buf[32];
  const std::string_view w = LowerInto(text, buf, sizeof buf);
  if (w.empty()) return false;
  if (w[0] >= '0' && w[0] <= '9') {
    // "10-15" in one token, or "5m"/"1.5bn" next to a currency.
    size_t n = 0;
    while (n < w.size() && ((w[n] >= '0' && w[n] <= '9') || w[n] == ',' || w[n] == '.')) ++n;
    double a = 0;
    if (!ParseDigits(w.substr(0, n), &a)) return false;
    const std::string_view rest = w.substr(n);
    v->digits = true;
    if (rest.size() >= 2 && (rest[0] == '-' || rest.substr(0, 3) == "\xe2\x80\x93")) {
      const size_t skip = rest[0] == '-' ? 1 : 3;
      double b = 0;
      // "3-1" is a score, "2020-21" a season: only a rising pair is a range.
      if (!ParseDigits(rest.substr(skip), &b) || b <= a) return false;
      v->value = v->base = a;
      v->has_max = true;
      v->max = b;
      TakeScales(c, money, v);
      if (v->scaled) v->max *= v->scale;
      return true;
    }
    const Word* sc = money ? Find(rest, kMoneyScales) : nullptr;
    if (sc == nullptr) return false;
    v->value = a * sc->value;
    v->base = a;
    v->scale = sc->value;
    v->scaled = true;
    return true;
  }
  if (const Word* vague = Find(w, kVague)) {
    v->form = NumberForm::kVague;
    v->value = v->base = vague->value;
    // "tens of thousands", "hundreds of thousands"
    char b2[32];
    if (c.Is(t + 1, "of")) {
      if (const Word* ps = Find(c.Lower(t + 2, b2, sizeof b2), kPluralScales);
          ps != nullptr && ps->value > vague->value / 2) {
        v->value *= ps->value;
        v->last = t + 2;
        v->next = t + 3;
        return true;
      }
    }
    return w != "tens";
  }
  if (w == "several" || w == "few") {
    const Word* sc = Find(c.Lower(t + 1, buf, sizeof buf), kScales);
    if (sc == nullptr) return false;
    v->form = NumberForm::kVague;
    v->value = v->base = 3 * sc->value;
    v->last = t + 1;
    v->next = t + 2;
    return true;
  }
  if (w == "half" || w == "a" || w == "an") {
    // "half a million", "a hundred", "a dozen", "a million"
    uint32_t k = t + 1;
    double mult = 1;
    if (w == "half") {
      if (!c.Is(k, "a") && !c.Is(k, "an")) return ParseFraction(c, t, v);
      mult = 0.5;
      ++k;
    }
    const Word* sc = Find(c.Lower(k, buf, sizeof buf), kScales);
    if (sc == nullptr) return ParseFraction(c, t, v);
    v->value = mult * sc->value;
    v->base = mult;
    v->scale = sc->value;
    v->scaled = true;
    v->last = k;
    v->next = k + 1;
    TakeScales(c, money, v);
    return true;
  }
  if (ParseFraction(c, t, v)) return true;
  return ParseSpelled(c, t, v);
}

bool IsDash(const Cursor& c, uint32_t t) {
  if (t >= c.s.tokens.end) return false;
  const Token& tok = c.doc.tokens[t];
  return tok.kind == TokenKind::kDash || c.Text(t) == "-";
}

}  // namespace

bool IsNumberWord(std::string_view word) {
  // Runs on every word of the corpus: bucket the few number words by first letter and length
  // so that nearly every word is turned away by one table read, with no hashing.
  struct Buckets {
    std::vector<std::string_view> at[26][10];
  };
  static const Buckets buckets = [] {
    Buckets b;
    auto add = [&b](std::string_view w) { b.at[w[0] - 'a'][w.size()].push_back(w); };
    for (const Word& e : kCardinals) add(e.text);
    for (const Word& e : kVague) add(e.text);
    for (std::string_view e : {"half", "several", "few"}) add(e);
    return b;
  }();
  if (word.size() < 3 || word.size() > 9 || word[0] < 'a' || word[0] > 'z') return false;
  for (std::string_view w : buckets.at[word[0] - 'a'][word.size()])
    if (w == word) return true;
  return false;
}

bool IsScaleOrFraction(std::string_view word) {
  return Find(word, kScales) != nullptr || Find(word, kDenominators) != nullptr;
}

std::string_view LowerInto(std::string_view text, char* buf, size_t size) {
  if (text.size() > size) return {};
  for (size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    buf[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return std::string_view(buf, text.size());
}

bool ParseNumber(const Document& doc, const Sentence& s, uint32_t i, const NumberWords& words,
                 NumberExpr* out) {
  const Cursor c{doc, s};
  const uint32_t end = s.tokens.end;
  if (i < s.tokens.begin || i >= end) return false;
  char buf[32];
  NumberExpr e;
  uint32_t start = i;
  uint32_t j = i;
  // A currency sign or code before the number: "$", "US$", "USD", "US" "$".
  const Token& ti = doc.tokens[i];
  const std::string_view ts = doc.Text(ti.span);
  if (ti.kind == TokenKind::kSymbol ||
      (ti.kind == TokenKind::kWord && ts.size() <= 3 && ts[0] >= 'A' && ts[0] <= 'Z')) {
    std::string_view w = c.Lower(i, buf, sizeof buf);
    if (w == "us" && i + 1 < end && c.Text(i + 1) == "$" && !doc.tokens[i].space_after) {
      w = "us$";
      j = i + 1;
    }
    if (auto it = words.before.find(w); it != words.before.end()) {
      e.currency = &it->second;
      ++j;
    }
  }
  // "5.65bn euros": a currency word after the number lets "bn" and "m" be scales. Looked up
  // only where an abbreviated scale may be.
  bool money = e.currency != nullptr;
  if (!money && j < end) {
    const std::string_view tj = doc.Text(doc.tokens[j].span);
    const bool suffixed =
        doc.tokens[j].kind == TokenKind::kWord && !tj.empty() && tj[0] >= '0' && tj[0] <= '9';
    const bool short_next = j + 1 < end && doc.tokens[j + 1].span.size() <= 2;
    for (uint32_t k = j + 1; k <= j + 2 && !money && (suffixed || short_next); ++k)
      money = words.after.contains(c.Lower(k, buf, sizeof buf));
  }
  Value v;
  if (!ParseValue(c, j, money, &v)) return false;
  e.first = j;

  // Qualifier phrase before the number (or before its currency sign).
  bool between = false;
  uint32_t qualifier_words = 0;
  for (const NumberWords::Qualifier& q : words.qualifiers) {
    const uint32_t n = static_cast<uint32_t>(q.words.size());
    if (start < s.tokens.begin + n) continue;
    bool match = true;
    for (uint32_t k = 0; k < n && match; ++k) match = c.Is(start - n + k, q.words[k]);
    if (!match) continue;
    start -= n;
    qualifier_words = n;
    e.qualifier = q.qualifier;
    e.qualifier_line = q.line;
    between = q.qualifier == CountQualifier::kRange;
    break;
  }

  double value = v.value, value_max = v.value;
  uint32_t last = v.last, next = v.next;
  bool ranged = false;
  if (v.has_max && v.max > v.value) {
    value_max = v.max;
    ranged = true;
  } else if (!v.clock && next + 1 < end) {
    // A second value: "between 10 and 15", "10 to 15", "10-15", "two or three".
    char b2[32];
    const std::string_view link = c.Lower(next, b2, sizeof b2);
    // "rose from 5 to 7", "closed up $2.80 to $51.15": a change, not a range.
    char b3[32];
    const std::string_view before =
        s.tokens.begin < start ? c.Lower(start - 1, b3, sizeof b3) : std::string_view();
    const bool from = before == "from" || before == "up" || before == "down" || before == "by";
    const bool linked = (between && link == "and") ||
                        (!from && !between && (link == "to" || link == "or" || IsDash(c, next)));
    uint32_t k = next + 1;
    if (linked && e.currency != nullptr && words.before.contains(c.Lower(k, b2, sizeof b2))) ++k;
    Value w;
    if (linked && v.form == NumberForm::kCount && ParseValue(c, k, money, &w) && !w.clock &&
        w.form == NumberForm::kCount) {
      double low = v.value;
      if (w.scaled && !v.scaled && v.value < w.base + 1) low = v.value * w.scale;
      if (w.value > low) {
        value = low;
        value_max = w.value;
        last = w.last;
        next = w.next;
        ranged = true;
      }
    }
  }
  if (between && !ranged) {
    // "between 2010 and the war": the word belongs to something else.
    e.qualifier = CountQualifier::kExact;
    e.qualifier_line = 0;
    start += qualifier_words;
  }
  if (ranged) e.qualifier = CountQualifier::kRange;
  if (v.form == NumberForm::kVague && e.qualifier == CountQualifier::kExact)
    e.qualifier = CountQualifier::kAbout;

  e.form = v.form;
  // Percent sign or word, or a currency word after the number.
  std::string_view w = c.Lower(next, buf, sizeof buf);
  if (e.form == NumberForm::kCount && e.currency == nullptr) {
    if (w == "%" || w == "percent" || w == "pct") {
      e.form = NumberForm::kPercent;
      ++next;
    } else if (w == "per" && c.Is(next + 1, "cent")) {
      e.form = NumberForm::kPercent;
      next += 2;
    } else if (auto it = words.after.find(w); it != words.after.end()) {
      e.currency = &it->second;
      ++next;
    }
  }
  if (e.currency != nullptr) e.form = NumberForm::kMoney;
  // "100,000 or so", "50 or more"
  if (c.Is(next, "or") && (c.Is(next + 1, "so") || c.Is(next + 1, "more")) &&
      e.qualifier == CountQualifier::kExact) {
    e.qualifier = c.Is(next + 1, "so") ? CountQualifier::kAbout : CountQualifier::kAtLeast;
    next += 2;
  }

  e.tokens = IndexRange{start, next};
  e.last = last;
  e.value = value;
  e.value_max = value_max;
  e.digits = v.digits;
  e.scaled = v.scaled;
  e.clock = v.clock;
  e.partitive = c.Is(next, "of");
  *out = e;
  return true;
}

}  // namespace annals::knowledge
