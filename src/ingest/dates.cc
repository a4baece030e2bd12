// Dates as news sources write them: wire datelines ("Tuesday 26 March 2024 -
// 22:16"), RFC 2822 feed dates ("Tue, 26 Mar 2024 22:16:00 GMT"), "March
// 26, 2024" and ISO 8601.
//
// A small hand-written scanner rather than strptime: strptime depends on the
// locale, cannot make the weekday or the time optional, and knows no zone
// names. The scanner needs the whole input to be a date, so that a body line
// that merely starts with a date is not taken for a dateline.
//
// Tested by dates_test.cc.
#include <array>
#include <cctype>
#include <string>
#include <string_view>

#include "ingest/ingest_internal.h"

namespace annals::internal {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

struct ZoneName {
  std::string_view name;
  int offset_minutes;
};
constexpr std::array<ZoneName, 17> kZones = {{
    {"gmt", 0},
    {"utc", 0},
    {"ut", 0},
    {"z", 0},
    {"est", -300},
    {"edt", -240},
    {"cst", -360},
    {"cdt", -300},
    {"mst", -420},
    {"mdt", -360},
    {"pst", -480},
    {"pdt", -420},
    {"cet", 60},
    {"cest", 120},
    {"eet", 120},
    {"eest", 180},
    {"bst", 60},
}};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysIn(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// A cursor over the date text; every Read* skips leading spaces and leaves
// the cursor unchanged when it fails.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool AtEnd() {
    SkipSpace();
    return i_ == s_.size();
  }
  // Letters (and a trailing '.' of an abbreviation), lower-cased.
  bool ReadWord(std::string* word) {
    SkipSpace();
    size_t j = i_;
    while (j < s_.size() && std::isalpha(static_cast<unsigned char>(s_[j]))) ++j;
    if (j == i_ || j - i_ > 12) return false;
    word->clear();
    for (size_t k = i_; k < j; ++k)
      word->push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s_[k]))));
    i_ = j;
    if (i_ < s_.size() && s_[i_] == '.') ++i_;
    return true;
  }
  // 1 to `max_digits` digits.
  bool ReadNumber(int max_digits, int* value, int* digits) {
    SkipSpace();
    size_t j = i_;
    int v = 0;
    while (j < s_.size() && j - i_ < static_cast<size_t>(max_digits) &&
           std::isdigit(static_cast<unsigned char>(s_[j])))
      v = v * 10 + (s_[j++] - '0');
    if (j == i_ || (j < s_.size() && std::isdigit(static_cast<unsigned char>(s_[j])))) return false;
    *value = v;
    *digits = static_cast<int>(j - i_);
    i_ = j;
    return true;
  }
  bool ReadChar(char c) {
    SkipSpace();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  // A character right here, no space skipped ("22:16", "+0300").
  bool ReadCharHere(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  // Past the next `c` within `max` bytes.
  bool SkipTo(char c, size_t max) {
    const size_t at = s_.find(c, i_);
    if (at == std::string_view::npos || at - i_ > max) return false;
    i_ = at + 1;
    return true;
  }
  size_t pos() const { return i_; }
  void set_pos(size_t p) { i_ = p; }

 private:
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  std::string_view s_;
  size_t i_ = 0;
};

// "mar", "march" -> 3; 0 when not a month.
int MonthNumber(std::string_view w) {
  if (w == "sept") return 9;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (w == kMonths[m] || (w.size() == 3 && kMonths[m].starts_with(w)))
      return static_cast<int>(m) + 1;
  }
  return 0;
}

bool IsWeekday(std::string_view w) {
  if (w == "tues" || w == "thur" || w == "thurs") return true;
  for (std::string_view d : kWeekdays)
    if (w == d || (w.size() == 3 && d.starts_with(w))) return true;
  return false;
}

// "26 March 2024" or "March 26, 2024", after an optional weekday.
bool ReadCalendarDate(Scanner& sc, PublishedTime* t) {
  const size_t start = sc.pos();
  std::string word;
  if (sc.ReadWord(&word)) {
    if (IsWeekday(word)) {
      sc.ReadChar(',');
    } else {
      sc.set_pos(start);
    }
  }
  const size_t after_weekday = sc.pos();
  int n = 0, digits = 0;
  if (sc.ReadNumber(2, &n, &digits)) {  // 26 March 2024
    t->day = n;
    if (!sc.ReadWord(&word) || (t->month = MonthNumber(word)) == 0) return false;
  } else {  // March 26, 2024
    sc.set_pos(after_weekday);
    if (!sc.ReadWord(&word) || (t->month = MonthNumber(word)) == 0) return false;
    if (!sc.ReadNumber(2, &t->day, &digits)) return false;
  }
  sc.ReadChar(',');
  if (!sc.ReadNumber(4, &t->year, &digits) || digits != 4) return false;
  return t->year >= 1800 && t->year <= 2200 && t->day >= 1 && t->day <= DaysIn(t->year, t->month);
}

// "22:16", "22:16:05", "10:16 pm".
bool ReadClock(Scanner& sc, PublishedTime* t) {
  int digits = 0;
  if (!sc.ReadNumber(2, &t->hour, &digits) || !sc.ReadCharHere(':') ||
      !sc.ReadNumber(2, &t->minute, &digits) || digits != 2)
    return false;
  if (sc.ReadCharHere(':')) {
    if (!sc.ReadNumber(2, &t->second, &digits) || digits != 2 || t->second > 60) return false;
    t->has_seconds = true;
    int fraction = 0;  // dropped, as ParseIso does
    if (sc.ReadCharHere('.') && !sc.ReadNumber(9, &fraction, &digits)) return false;
  }
  const size_t before = sc.pos();
  std::string word, second;
  const bool am_pm = sc.ReadWord(&word) &&
                     (word == "am" || word == "pm" ||
                      ((word == "a" || word == "p") && sc.ReadWord(&second) && second == "m"));
  if (am_pm) {
    if (t->hour < 1 || t->hour > 12) return false;
    t->hour = t->hour % 12 + (word[0] == 'p' ? 12 : 0);
  } else {
    sc.set_pos(before);
  }
  t->has_time = true;
  return t->hour <= 23 && t->minute <= 59;
}

// "+0300", "+03:00", "-5".
bool ReadNumericZone(Scanner& sc, int* offset) {
  const size_t start = sc.pos();
  int sign = 0;
  if (sc.ReadChar('+')) {
    sign = 1;
  } else if (sc.ReadChar('-')) {
    sign = -1;
  } else {
    return false;
  }
  int v = 0, digits = 0, hh = 0, mm = 0;
  if (!sc.ReadNumber(4, &v, &digits)) {
    sc.set_pos(start);
    return false;
  }
  if (digits == 4) {
    hh = v / 100;
    mm = v % 100;
  } else {
    hh = v;
    if (sc.ReadCharHere(':') && (!sc.ReadNumber(2, &mm, &digits) || digits != 2)) {
      sc.set_pos(start);
      return false;
    }
  }
  if (hh > 14 || mm > 59) {
    sc.set_pos(start);
    return false;
  }
  *offset = sign * (hh * 60 + mm);
  return true;
}

// Zone name and/or numeric offset. After GMT or UTC the number is the
// offset; after a local zone name it is the offset meant, so it wins:
// "EST-0500" is -05:00, not -10:00.
bool ReadZone(Scanner& sc, PublishedTime* t) {
  int offset = 0;
  bool any = false;
  const size_t start = sc.pos();
  std::string word;
  if (sc.ReadWord(&word)) {
    for (const ZoneName& z : kZones) {
      if (word == z.name) {
        offset = z.offset_minutes;
        any = true;
      }
    }
    if (!any) {
      sc.set_pos(start);
      return false;
    }
  }
  if (ReadNumericZone(sc, &offset)) any = true;
  if (any) t->utc_offset_minutes = offset;
  return any;
}

// RFC 2822 allows a comment after the zone: "-0500 (EST)".
void SkipComment(Scanner& sc) {
  const size_t start = sc.pos();
  if (!sc.ReadChar('(')) return;
  if (!sc.SkipTo(')', 40)) sc.set_pos(start);
}

// "2024-03-26": the date part of ISO 8601 forms that ParseIso does not
// take ("2024-03-26 22:16:00 UTC", "...T22:16:00-05").
bool ReadIsoDate(Scanner& sc, PublishedTime* t) {
  const size_t start = sc.pos();
  int digits = 0, month_digits = 0, day_digits = 0;
  if (sc.ReadNumber(4, &t->year, &digits) && digits == 4 && sc.ReadCharHere('-') &&
      sc.ReadNumber(2, &t->month, &month_digits) && month_digits == 2 && sc.ReadCharHere('-') &&
      sc.ReadNumber(2, &t->day, &day_digits) && day_digits == 2 && t->month >= 1 &&
      t->month <= 12 && t->day >= 1 && t->day <= DaysIn(t->year, t->month)) {
    sc.ReadCharHere('T');
    return true;
  }
  sc.set_pos(start);
  return false;
}

}  // namespace

bool ParseTextDate(std::string_view s, PublishedTime* out) {
  if (s.size() > 100) return false;
  Scanner sc(s);
  PublishedTime t;
  if (!ReadIsoDate(sc, &t) && !ReadCalendarDate(sc, &t)) return false;
  if (!sc.AtEnd()) {
    // separator between date and time: "-", "--", ",", "|", "at" or none
    const size_t before = sc.pos();
    std::string word;
    if (!(sc.ReadWord(&word) && word == "at")) {
      sc.set_pos(before);
      if (!sc.ReadChar(',') && !sc.ReadChar('|') && sc.ReadChar('-')) sc.ReadChar('-');
    }
    PublishedTime with_time = t;
    if (!ReadClock(sc, &with_time)) return false;
    t = with_time;
    ReadZone(sc, &t);
    SkipComment(sc);
  }
  if (!sc.AtEnd()) return false;
  *out = t;
  return true;
}

bool ParseAnyDate(std::string_view s, PublishedTime* out) {
  s = TrimSpace(s);
  if (PublishedTime::ParseIso(s, out)) return true;
  return ParseTextDate(s, out);
}

bool IsDatelineLine(std::string_view line) {
  line = TrimSpace(line);
  PublishedTime t;
  return !line.empty() && line.size() <= 80 && ParseAnyDate(line, &t);
}

void SetPublished(std::string_view raw, Document& doc) {
  const std::string_view trimmed = TrimSpace(raw);
  if (trimmed.empty()) return;
  PublishedTime t;
  if (ParseAnyDate(trimmed, &t)) {
    doc.published = t;
    return;
  }
  std::string json = JsonQuote(trimmed);
  doc.metadata.emplace_back("published_raw", std::move(json));
  doc.diagnostics.push_back(
      {"ingest", ErrorCode::kOk, "published date not understood, kept as published_raw"});
}

}  // namespace annals::internal
