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
// word after them starts a new sentence.
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
};

constexpr AbbrevKind kNever = AbbrevKind::kNeverEnds;
constexpr AbbrevKind kMay = AbbrevKind::kMayEnd;
constexpr AbbrevKind kCap = AbbrevKind::kEndsBeforeCapital;

constexpr Entry kEntries[] = {
    // Titles and ranks: always followed by a name.
    {"Mr", kNever},
    {"Mrs", kNever},
    {"Ms", kNever},
    {"Dr", kNever},
    {"Prof", kNever},
    {"Gen", kNever},
    {"Col", kNever},
    {"Lt", kNever},
    {"Sgt", kNever},
    {"Capt", kNever},
    {"Maj", kNever},
    {"Adm", kNever},
    {"Cmdr", kNever},
    {"Cpl", kNever},
    {"Pvt", kNever},
    {"Brig", kNever},
    {"Gov", kNever},
    {"Sen", kNever},
    {"Rep", kNever},
    {"Rev", kNever},
    {"Hon", kNever},
    {"Pres", kNever},
    {"Supt", kNever},
    {"Insp", kNever},
    {"Fr", kNever},
    {"Mt", kNever},
    {"Ft", kNever},
    {"Messrs", kNever},
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
    {"St", kMay},
    {"Jr", kMay},
    {"Sr", kMay},
    {"No", kMay},
    {"Inc", kMay},
    {"Co", kMay},
    {"Corp", kMay},
    {"Ltd", kMay},
    {"Bros", kMay},
    {"Plc", kMay},
    {"Dept", kMay},
    {"Univ", kMay},
    {"Ave", kMay},
    {"Rd", kMay},
    {"Blvd", kMay},
    {"Jan", kMay},
    {"Feb", kMay},
    {"Mar", kMay},
    {"Apr", kMay},
    {"Jun", kMay},
    {"Jul", kMay},
    {"Aug", kMay},
    {"Sep", kMay},
    {"Sept", kMay},
    {"Oct", kMay},
    {"Nov", kMay},
    {"Dec", kMay},
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
    // Rarely followed by a name.
    {"etc", kCap},
    {"a.m", kCap},
    {"p.m", kCap},
    {"A.M", kCap},
    {"P.M", kCap},
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

struct Tables {
  std::unordered_map<std::string_view, AbbrevKind> exact;
  std::unordered_map<std::string, AbbrevKind> upper;
  std::unordered_set<std::string_view> starters;
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    for (const Entry& e : kEntries) {
      t->exact.emplace(e.stem, e.kind);
      if (e.stem[0] >= 'A' && e.stem[0] <= 'Z') {
        std::string up(e.stem);
        for (char& c : up) {
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        }
        t->upper.emplace(std::move(up), e.kind);
      }
    }
    for (std::string_view s : kStarters) t->starters.insert(s);
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

}  // namespace annals::internal
