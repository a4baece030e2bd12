// The abbreviation list and the sentence-starter list.
//
// Why three kinds of abbreviation: a title before a name (Mr., Gen., Dr.)
// practically never ends an English sentence, so its period is never a
// boundary. Words that also occur at the end of a sentence (U.S., Inc.,
// Jan., No., St.) are ambiguous: "...to the U.S. The next day" is two
// sentences, "the U.S. State Department" is one. The segmenter resolves that
// by looking at the next word: a common sentence-starting word (The, He,
// But, ...) means a boundary, any other capitalised word (a name) does not.
// A few (etc., a.m., p.m.) are rarely followed by a name, so any capitalised
// word after them starts a new sentence, except that clock times go on
// before a weekday, month or time zone. Titles end a sentence only before a
// closed-class word that is never a name ("...met Hun Sen. The two...").
// Only entries seen in capitals in datelines ("ST. LOUIS", "GEN.") match
// their all-capitals form: "FT." and "MS." are usually the newspaper and
// the disease.
//
// Lookups build their tables once (thread-safe static initialisation) and
// are only called for words followed by a period, so hashing is cheap.
//
// Tested by abbreviations_test.cc.
#include "text/abbreviations.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace annals::internal {
namespace {

struct Entry {
  std::string_view stem;
  AbbrevKind kind;
  bool caps = false;  // also matches in capitals, as in datelines ("ST. LOUIS")
};

constexpr AbbrevKind kTitle = AbbrevKind::kTitle;
constexpr AbbrevKind kNever = AbbrevKind::kNeverEnds;
constexpr AbbrevKind kMay = AbbrevKind::kMayEnd;
constexpr AbbrevKind kCap = AbbrevKind::kEndsBeforeCapital;
constexpr AbbrevKind kClock = AbbrevKind::kClockTime;
constexpr bool kCaps = true;

constexpr Entry kEntries[] = {
    // Titles and ranks: followed by a name, unless they end a sentence
    // with a name ("Hun Sen.") and a closed-class word follows.
    {"Mr", kTitle},
    {"Mrs", kTitle},
    {"Ms", kTitle},
    {"Dr", kTitle},
    {"Prof", kTitle, kCaps},
    {"Gen", kTitle, kCaps},
    {"Col", kTitle, kCaps},
    {"Lt", kTitle, kCaps},
    {"Sgt", kTitle, kCaps},
    {"Capt", kTitle, kCaps},
    {"Maj", kTitle, kCaps},
    {"Adm", kTitle, kCaps},
    {"Cmdr", kTitle, kCaps},
    {"Cpl", kTitle},
    {"Pvt", kTitle},
    {"Brig", kTitle, kCaps},
    {"Gov", kTitle, kCaps},
    {"Sen", kTitle, kCaps},
    {"Rep", kTitle, kCaps},
    {"Rev", kTitle, kCaps},
    {"Hon", kTitle},
    {"Pres", kTitle},
    {"Supt", kTitle},
    {"Insp", kTitle},
    {"Fr", kTitle},
    {"Mt", kTitle},
    {"Ft", kTitle},
    {"Messrs", kTitle},
    // Latin and reference abbreviations that introduce something.
    {"e.g", kNever},
    {"i.e", kNever},
    {"vs", kNever},
    {"cf", kNever},
    {"approx", kNever},
    {"Nos", kNever},
    {"Vol", kNever},
    {"Fig", kNever},
    // May end a sentence: decided by the next word.
    {"St", kMay, kCaps},
    {"Jr", kMay, kCaps},
    {"Sr", kMay, kCaps},
    {"No", kMay},
    {"Inc", kMay, kCaps},
    {"Co", kMay},
    {"Corp", kMay, kCaps},
    {"Ltd", kMay, kCaps},
    {"Bros", kMay},
    {"Plc", kMay},
    {"Dept", kMay},
    {"Univ", kMay},
    {"Ave", kMay},
    {"Rd", kMay},
    {"Blvd", kMay},
    {"Jan", kMay, kCaps},
    {"Feb", kMay, kCaps},
    {"Mar", kMay},
    {"Apr", kMay, kCaps},
    {"Jun", kMay},
    {"Jul", kMay},
    {"Aug", kMay, kCaps},
    {"Sep", kMay, kCaps},
    {"Sept", kMay, kCaps},
    {"Oct", kMay, kCaps},
    {"Nov", kMay, kCaps},
    {"Dec", kMay, kCaps},
    {"U.S", kMay},
    {"U.K", kMay},
    {"U.N", kMay},
    {"E.U", kMay},
    {"U.S.A", kMay},
    {"D.C", kMay},
    {"Calif", kMay},
    {"Fla", kMay},
    {"Ariz", kMay},
    {"Mich", kMay},
    {"Minn", kMay},
    {"Tenn", kMay},
    {"Penn", kMay},
    {"Conn", kMay},
    {"Colo", kMay},
    {"Okla", kMay},
    // Rarely followed by a name; clock times are often followed by a day,
    // month or time zone ("at 10 a.m. Monday", "11 p.m. EDT").
    {"etc", kCap},
    {"a.m", kClock},
    {"p.m", kClock},
    {"A.M", kClock},
    {"P.M", kClock},
};

constexpr std::string_view kStarters[] = {
    "The",      "A",         "An",       "This",      "That",   "These",     "Those",   "There",
    "Here",     "He",        "She",      "It",        "They",   "We",        "I",       "You",
    "His",      "Her",       "Its",      "Their",     "Our",    "My",        "Your",    "In",
    "On",       "At",        "By",       "For",       "From",   "With",      "Without", "To",
    "Of",       "As",        "After",    "Before",    "During", "Since",     "Until",   "When",
    "While",    "Where",     "Why",      "How",       "What",   "Who",       "Which",   "If",
    "Although", "Though",    "Because",  "But",       "And",    "Or",        "So",      "Yet",
    "However",  "Meanwhile", "Moreover", "Also",      "Then",   "Now",       "Today",   "Yesterday",
    "Earlier",  "Later",     "Last",     "Next",      "Some",   "Many",      "Most",    "Both",
    "Each",     "Every",     "All",      "Another",   "Other",  "One",       "Two",     "Three",
    "Such",     "Not",       "No",       "Nor",       "Still",  "Instead",   "Indeed",  "Despite",
    "Under",    "Over",      "About",    "According", "Asked",  "Officials", "Police",  "Analysts",
    "Critics",
};

// Words that start sentences and are never part of a name, so even a title
// ("...met Hun Sen. The two...") may end a sentence before them.
constexpr std::string_view kClosedClassStarters[] = {
    "The", "It",   "Its",  "He",    "She",   "They",  "We",  "I",   "But",   "And", "In", "On",
    "At",  "This", "That", "These", "Those", "There", "His", "Her", "Their", "Our", "A",  "An",
};

// What follows a clock time inside the same sentence (AP style: "at 10
// a.m. Monday", "11 p.m. EDT").
constexpr std::string_view kTimeQualifiers[] = {
    "Monday",   "Tuesday",  "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March",    "April",     "May",      "June",   "July",     "August", "September",
    "October",  "November", "December",  "Jan",      "Feb",    "Mar",      "Apr",    "Jun",
    "Jul",      "Aug",      "Sep",       "Sept",     "Oct",    "Nov",      "Dec",    "ET",
    "EST",      "EDT",      "CT",        "CST",      "CDT",    "MT",       "MST",    "MDT",
    "PT",       "PST",      "PDT",       "GMT",      "UTC",    "BST",      "CET",    "CEST",
};

struct Tables {
  std::unordered_map<std::string_view, AbbrevKind> exact;
  std::unordered_map<std::string, AbbrevKind> upper;
  std::unordered_set<std::string_view> starters;
  std::unordered_set<std::string_view> closed_class;
  std::unordered_set<std::string_view> time_qualifiers;
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (const Entry& e : kEntries) {
      t->exact.emplace(e.stem, e.kind);
      if (e.caps) {
        std::string up(e.stem);
        for (char& c : up) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
        t->upper.emplace(std::move(up), e.kind);
      }
    }
    for (std::string_view s : kStarters) t->starters.insert(s);
    for (std::string_view s : kClosedClassStarters) t->closed_class.insert(s);
    for (std::string_view s : kTimeQualifiers) t->time_qualifiers.insert(s);
    return t;
  }();
  return *tables;
}

bool IsAllUpper(std::string_view s) {
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') return false;
  }
  return true;
}

}  // namespace

AbbrevKind LookupAbbreviation(std::string_view stem) {
  if (stem.empty() || stem.size() > 8) return AbbrevKind::kNone;
  const Tables& t = GetTables();
  if (auto it = t.exact.find(stem); it != t.exact.end()) return it->second;
  if (stem.size() >= 2 && IsAllUpper(stem)) {
    if (auto it = t.upper.find(std::string(stem)); it != t.upper.end()) {
      return it->second;
    }
  }
  return AbbrevKind::kNone;
}

bool IsSentenceStarter(std::string_view word) { return GetTables().starters.count(word) > 0; }

bool IsClosedClassStarter(std::string_view word) {
  return GetTables().closed_class.count(word) > 0;
}

bool IsTimeQualifier(std::string_view word) {
  if (word.size() > 1 && word.back() == '.') word.remove_suffix(1);  // "Jan."
  return GetTables().time_qualifiers.count(word) > 0;
}

}  // namespace annals::internal
