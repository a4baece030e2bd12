#include "knowledge/dates.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include "syntax/tagset.h"

namespace annals::knowledge {
namespace {

namespace ch = std::chrono;
namespace upos = syntax::upos;

constexpr std::string_view kWeekdays[] = {"sunday",   "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday"};

// 0 = Sunday .. 6 = Saturday, as std::chrono::weekday::c_encoding().
int WeekdayOf(std::string_view w) {
  for (int i = 0; i < 7; ++i)
    if (w == kWeekdays[i]) return i;
  return -1;
}

// 1..12, 0 when not a month name.
int MonthOf(std::string_view w) {
  static constexpr std::string_view kNames[][3] = {{"january", "jan", "jan."},
                                                   {"february", "feb", "feb."},
                                                   {"march", "mar.", ""},
                                                   {"april", "apr", "apr."},
                                                   {"may", "", ""},
                                                   {"june", "jun.", ""},
                                                   {"july", "jul.", ""},
                                                   {"august", "aug", "aug."},
                                                   {"september", "sept", "sept."},
                                                   {"october", "oct", "oct."},
                                                   {"november", "nov", "nov."},
                                                   {"december", "dec", "dec."}};
  if (w.empty()) return 0;
  for (int m = 0; m < 12; ++m)
    for (std::string_view n : kNames[m])
      if (!n.empty() && w == n) return m + 1;
  return 0;
}

bool IsPartOfDay(std::string_view w) {
  return w == "morning" || w == "afternoon" || w == "evening" || w == "night";
}

int SmallNumber(std::string_view w) {
  static constexpr std::string_view kWords[] = {"",     "one",    "two",   "three", "four",
                                                "five", "six",    "seven", "eight", "nine",
                                                "ten",  "eleven", "twelve"};
  if (w == "a" || w == "an") return 1;
  for (int i = 1; i < 13; ++i)
    if (w == kWords[i]) return i;
  int n = 0;
  if (w.empty() || w.size() > 3) return 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n;
}

// "25", "7th", "1st": a day of the month, else 0.
int DayOf(std::string_view w) {
  size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view rest = w.substr(digits);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  const int d = digits == 2 ? (w[0] - '0') * 10 + (w[1] - '0') : w[0] - '0';
  return d >= 1 && d <= 31 ? d : 0;
}

// A four-digit year 1900-2100, else 0.
int YearOf(std::string_view w) {
  if (w.size() != 4) return 0;
  int y = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  return y >= 1900 && y <= 2100 ? y : 0;
}

std::string Iso(ch::sys_days d) {
  const ch::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

ch::sys_days Ymd(int y, int m, int d) {
  return ch::sys_days(ch::year(y) / ch::month(static_cast<unsigned>(m)) /
                      ch::day(static_cast<unsigned>(d)));
}

enum class Tense { kPast, kFuture };

struct Match {
  uint32_t first = 0, end = 0;  // tokens
  std::string resolved;
  const char* granularity = "day";
  const char* rule = "";
};

class SentenceDates {
 public:
  SentenceDates(const Words& w, const Sentence& s, std::optional<ch::sys_days> story)
      : w_(w), doc_(w.doc()), b_(s.tokens.begin), e_(s.tokens.end), story_(story) {}

  // The date expression starting at token i, if any.
  std::optional<Match> At(uint32_t i) const;

 private:
  std::string_view L(uint32_t t) const { return t < e_ ? w_.Lower(t) : std::string_view(); }
  int Weekday(uint32_t t) const { return t < e_ && w_.Capitalised(t) ? WeekdayOf(L(t)) : -1; }
  int Month(uint32_t t) const {
    if (t >= e_ || !w_.Capitalised(t)) return 0;
    return MonthOf(L(t));
  }
  Tense TenseAt(uint32_t t) const;
  bool PastClause(uint32_t verb) const;
  std::optional<Match> WeekdayFrom(uint32_t first, uint32_t day_token, int relative) const;
  std::optional<Match> CalendarFrom(uint32_t first, uint32_t at) const;
  std::optional<Match> MonthFrom(uint32_t first, uint32_t at) const;
  std::optional<Match> Relative(uint32_t first, uint32_t at, std::string_view which) const;
  Match Make(uint32_t first, uint32_t end, std::optional<ch::sys_days> day, const char* gran,
             const char* rule) const {
    Match m;
    m.first = first;
    m.end = end;
    if (day) m.resolved = Iso(*day);
    m.granularity = gran;
    m.rule = rule;
    return m;
  }
  ch::weekday StoryWeekday() const { return ch::weekday(*story_); }
  ch::sys_days Monday(ch::sys_days d) const {
    return d - ch::days((ch::weekday(d).c_encoding() + 6) % 7);
  }

  const Words& w_;
  const Document& doc_;
  uint32_t b_, e_;
  std::optional<ch::sys_days> story_;
};

// True when the verb's clause is in a past tense: a past-tense verb or
// auxiliary ("was due", "had planned").
bool SentenceDates::PastClause(uint32_t verb) const {
  if (syntax::XposName(doc_.tokens[verb].xpos) == "VBD") return true;
  for (uint32_t c = b_; c < e_; ++c)
    if (HeadOf(doc_, c) == static_cast<int32_t>(verb) && doc_.tokens[c].upos == upos::kAux &&
        syntax::XposName(doc_.tokens[c].xpos) == "VBD")
      return true;
  return false;
}

// Future when the governing verb has "will"/"would"/"shall", is an
// infinitive under a present-tense verb ("is expected to visit", "is due
// to meet"), or is a bare present ("the convention opens on Monday");
// past otherwise.
Tense SentenceDates::TenseAt(uint32_t t) const {
  int32_t v = static_cast<int32_t>(t);
  for (int hops = 0; v >= 0 && hops < 8; ++hops) {
    const uint8_t u = doc_.tokens[v].upos;
    if (u == upos::kVerb || (u == upos::kAux && doc_.tokens[v].head == v)) break;
    if (u == upos::kAdj && HeadOf(doc_, v) < 0) break;  // "is due on Monday"
    v = HeadOf(doc_, static_cast<uint32_t>(v));
  }
  if (v < 0) return Tense::kPast;
  const auto verb = static_cast<uint32_t>(v);
  bool infinitive = false, has_aux = false;
  for (uint32_t c = b_; c < e_; ++c) {
    if (HeadOf(doc_, c) != v) continue;
    const std::string_view word = L(c);
    if (doc_.tokens[c].upos == upos::kAux) {
      has_aux = true;
      if (word == "will" || word == "would" || word == "shall" || word == "'ll" || word == "wo")
        return Tense::kFuture;
    }
    if (word == "to" && doc_.tokens[c].upos == upos::kPart) infinitive = true;
  }
  const std::string_view xpos = syntax::XposName(doc_.tokens[verb].xpos);
  if (infinitive) {
    const int32_t g = HeadOf(doc_, verb);
    return g >= 0 && PastClause(static_cast<uint32_t>(g)) ? Tense::kPast : Tense::kFuture;
  }
  if (!has_aux && (xpos == "VBZ" || xpos == "VBP")) return Tense::kFuture;
  return Tense::kPast;
}

// A weekday at `day_token`; `relative` is -1 for "last", +1 for "next", 0.
std::optional<Match> SentenceDates::WeekdayFrom(uint32_t first, uint32_t day_token,
                                                int relative) const {
  const int wd = Weekday(day_token);
  uint32_t end = day_token + 1;
  if (IsPartOfDay(L(end))) ++end;
  std::optional<ch::sys_days> day;
  const char* rule = "date:weekday";
  if (story_) {
    const int today = static_cast<int>(StoryWeekday().c_encoding());
    const int back = (today - wd + 7) % 7, ahead = (wd - today + 7) % 7;
    if (relative < 0) {
      day = *story_ - ch::days(back == 0 ? 7 : back);
      rule = "date:weekday:last";
    } else if (relative > 0) {
      day = *story_ + ch::days(ahead == 0 ? 7 : ahead);
      rule = "date:weekday:next";
    } else if (TenseAt(day_token) == Tense::kFuture) {
      day = *story_ + ch::days(ahead);
      rule = "date:weekday:future";
    } else {
      day = *story_ - ch::days(back);
      rule = "date:weekday:past";
    }
  }
  return Make(first, end, day, "day", rule);
}

// "March 25", "March 25, 2024", "25 March 2024", "March 2024" at `at`.
std::optional<Match> SentenceDates::CalendarFrom(uint32_t first, uint32_t at) const {
  int month = Month(at), day = 0, year = 0;
  uint32_t end = at;
  if (month != 0) {
    day = DayOf(L(at + 1));
    end = at + (day ? 2 : 1);
    uint32_t y = end;
    if (day && L(y) == ",") ++y;
    if ((year = YearOf(L(y))) != 0) end = y + 1;
    if (!day && !year) return std::nullopt;
  } else if ((day = DayOf(L(at))) != 0 && (month = Month(at + 1)) != 0) {
    end = at + 2;
    if ((year = YearOf(L(end))) != 0) ++end;
  } else {
    return std::nullopt;
  }
  if (!day) {  // "March 2024"
    return Make(first, end, Ymd(year, month, 1), "month", "date:month-year");
  }
  std::optional<ch::sys_days> resolved;
  const char* rule = "date:calendar";
  if (year) {
    resolved = Ymd(year, month, day);
  } else if (story_) {
    const ch::year_month_day s(*story_);
    const int sy = static_cast<int>(s.year());
    const auto candidate = Ymd(sy, month, day);
    if (TenseAt(at) == Tense::kFuture) {
      resolved = candidate < *story_ ? Ymd(sy + 1, month, day) : candidate;
      rule = "date:calendar:future";
    } else {
      resolved = candidate > *story_ ? Ymd(sy - 1, month, day) : candidate;
      rule = "date:calendar:past";
    }
  }
  if (resolved && !ch::year_month_day(*resolved).ok()) resolved.reset();
  return Make(first, end, resolved, "day", rule);
}

// "in October", "since January", "in late December", "in 2014".
std::optional<Match> SentenceDates::MonthFrom(uint32_t first, uint32_t at) const {
  uint32_t m_at = at;
  const std::string_view part = L(at);
  if (part == "late" || part == "early" || part == "mid" || part == "mid-") ++m_at;
  if (const int year = YearOf(L(m_at)); year != 0 && m_at == at) {
    return Make(first, at + 1, Ymd(year, 1, 1), "year", "date:year");
  }
  const int month = Month(m_at);
  if (month == 0 || DayOf(L(m_at + 1)) != 0) return std::nullopt;
  if (const int year = YearOf(L(m_at + 1)); year != 0)
    return Make(first, m_at + 2, Ymd(year, month, 1), "month", "date:month-year");
  std::optional<ch::sys_days> resolved;
  if (story_) {
    const ch::year_month_day s(*story_);
    const int sy = static_cast<int>(s.year());
    const int sm = static_cast<int>(static_cast<unsigned>(s.month()));
    const bool future = L(first) != "since" && TenseAt(m_at) == Tense::kFuture;
    const int y = future ? (month < sm ? sy + 1 : sy) : (month > sm ? sy - 1 : sy);
    resolved = Ymd(y, month, 1);
  }
  return Make(first, m_at + 1, resolved, "month", "date:month");
}

// "last week", "this month", "next year", "this weekend": `which` is the
// word before the unit ("last", "this", "next"), the unit at `at`.
std::optional<Match> SentenceDates::Relative(uint32_t first, uint32_t at,
                                             std::string_view which) const {
  const std::string_view unit = L(at);
  const int step = which == "last" ? -1 : which == "next" ? 1 : 0;
  if (unit != "week" && unit != "month" && unit != "year" && unit != "weekend") return std::nullopt;
  if (!story_) {
    const char* gran = unit == "week"    ? "week"
                       : unit == "month" ? "month"
                       : unit == "year"  ? "year"
                                         : "day";
    return Make(first, at + 1, std::nullopt, gran, "date:relative");
  }
  const ch::year_month_day s(*story_);
  if (unit == "week")
    return Make(first, at + 1, Monday(*story_) + ch::days(7 * step), "week", "date:relative-week");
  if (unit == "weekend") {
    // The Saturday of the story's week, moved a week for "last"/"next".
    return Make(first, at + 1, Monday(*story_) + ch::days(5 + 7 * step), "day",
                "date:relative-weekend");
  }
  if (unit == "month") {
    const ch::year_month ym = ch::year_month(s.year(), s.month()) + ch::months(step);
    return Make(first, at + 1, ch::sys_days(ym / ch::day(1)), "month", "date:relative-month");
  }
  return Make(first, at + 1, Ymd(static_cast<int>(s.year()) + step, 1, 1), "year",
              "date:relative-year");
}

std::optional<Match> SentenceDates::At(uint32_t i) const {
  const std::string_view w = L(i);
  if (w.empty()) return std::nullopt;
  // Words that may open a longer expression come first.
  if (w == "since") {
    const std::string_view n = L(i + 1);
    if ((n == "the") && (L(i + 2) == "start" || L(i + 2) == "beginning") && L(i + 3) == "of" &&
        (L(i + 4) == "the" || L(i + 4) == "this")) {
      if (auto m = Relative(i, i + 5, "this")) return m;
    }
    if (Weekday(i + 1) >= 0) return WeekdayFrom(i, i + 1, 0);
    if (auto m = CalendarFrom(i, i + 1)) return m;
    return MonthFrom(i, i + 1);
  }
  if (w == "in") return MonthFrom(i, i + 1);
  if (w == "late" || w == "early") {
    if (L(i + 1) == "on" && Weekday(i + 2) >= 0) return WeekdayFrom(i, i + 2, 0);
    return std::nullopt;
  }
  if (w == "on") {
    if (Weekday(i + 1) >= 0) return WeekdayFrom(i, i + 1, 0);
    return std::nullopt;  // "on March 25": the date starts at the month
  }
  if (w == "last" || w == "next" || w == "this") {
    if (Weekday(i + 1) >= 0) return WeekdayFrom(i, i + 1, w == "last" ? -1 : w == "next" ? 1 : 0);
    return Relative(i, i + 1, w);
  }
  if ((w == "earlier" || w == "later") && L(i + 1) == "this") return Relative(i, i + 2, "this");
  if ((w == "over" || w == "at") && L(i + 1) == "the" && L(i + 2) == "weekend") {
    std::optional<ch::sys_days> day;
    if (story_) {  // the Saturday just past (or today, on a Saturday)
      const int today = static_cast<int>(StoryWeekday().c_encoding());
      day = *story_ - ch::days((today - 6 + 7) % 7);
    }
    return Make(i, i + 3, day, "day", "date:weekend");
  }
  if (w == "yesterday" || w == "today" || w == "tomorrow" || w == "tonight") {
    std::optional<ch::sys_days> day;
    const int shift = w == "yesterday" ? -1 : w == "tomorrow" ? 1 : 0;
    if (story_) day = *story_ + ch::days(shift);
    return Make(i, i + 1, day, "day", "date:deictic");
  }
  if (Weekday(i) >= 0) return WeekdayFrom(i, i, 0);
  if (const int n = SmallNumber(w); n > 0 && L(i + 2) == "ago") {
    const std::string_view unit = L(i + 1);
    std::optional<ch::sys_days> day;
    if (unit == "day" || unit == "days") {
      if (story_) day = *story_ - ch::days(n);
      return Make(i, i + 3, day, "day", "date:ago");
    }
    if (unit == "week" || unit == "weeks") {
      if (story_) day = Monday(*story_ - ch::days(7 * n));
      return Make(i, i + 3, day, "week", "date:ago");
    }
    return std::nullopt;
  }
  if (Month(i) != 0 || DayOf(w) != 0) {
    // "May" is also a modal verb: as a month it needs a day or a year.
    if (w == "may" && DayOf(L(i + 1)) == 0 && YearOf(L(i + 1)) == 0) return std::nullopt;
    return CalendarFrom(i, i);
  }
  return std::nullopt;
}

std::optional<ch::sys_days> StoryDay(const Document& doc) {
  if (!doc.published || doc.published->year == 0) return std::nullopt;
  const PublishedTime& p = *doc.published;
  const ch::year_month_day ymd(ch::year(p.year), ch::month(static_cast<unsigned>(p.month)),
                               ch::day(static_cast<unsigned>(p.day)));
  if (!ymd.ok()) return std::nullopt;
  return ch::sys_days(ymd);
}

}  // namespace

void FindDates(const KnowledgeData& data, const Words& words, Document& doc) {
  const std::optional<ch::sys_days> story = StoryDay(doc);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    SentenceDates dates(words, sentence, story);
    for (uint32_t i = sentence.tokens.begin; i < sentence.tokens.end;) {
      const Token& tok = doc.tokens[i];
      const char c = tok.span.size() > 0 ? doc.text[tok.span.begin] : ' ';
      if (!data.DateWord(words.LowerId(i)) && !(c >= '0' && c <= '9')) {
        ++i;
        continue;
      }
      std::optional<Match> m = dates.At(i);
      if (!m) {
        ++i;
        continue;
      }
      DateMention& out = doc.dates.emplace_back();
      out.span = {doc.tokens[m->first].span.begin, doc.tokens[m->end - 1].span.end};
      out.sentence = s;
      out.resolved = std::move(m->resolved);
      out.granularity = m->granularity;
      out.evidence.rule = std::string("knowledge.v1:") + m->rule;
      i = m->end;
    }
  }
}

void DateEvents(Document& doc) {
  if (doc.dates.empty()) return;
  for (Event& e : doc.events) {
    for (const DateMention& d : doc.dates) {
      if (d.sentence != e.sentence || d.granularity != "day" || d.resolved.empty()) continue;
      // The date's first content word, climbed to the clause's verb: the
      // event is dated when that verb is its trigger or the trigger's head.
      const Sentence& s = doc.sentences[d.sentence];
      uint32_t t = s.tokens.begin;
      while (t < s.tokens.end && doc.tokens[t].span.end <= d.span.begin) ++t;
      int32_t v = static_cast<int32_t>(t);
      for (int hops = 0; v >= 0 && hops < 8; ++hops) {
        if (v == static_cast<int32_t>(e.trigger)) break;
        v = HeadOf(doc, static_cast<uint32_t>(v));
      }
      if (v == static_cast<int32_t>(e.trigger)) {
        e.date = d.resolved;
        break;
      }
    }
  }
}

}  // namespace annals::knowledge
