#include "places/toponyms.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "syntax/tagset.h"

namespace annals::places {
namespace {

// Words (lower-cased) that make the capitalised word after them a person's
// name: "President Jordan", "Mr Paris".
constexpr std::array<std::string_view, 24> kTitles = {
    "mr",        "mrs",  "ms",      "miss",   "dr",       "sir",    "lord",    "lady",
    "president", "king", "queen",   "prince", "princess", "sheikh", "general", "gen",
    "coach",     "pope", "senator", "sen",    "rep",      "judge",  "captain", "striker"};

// A capitalised run after a place that ends in one of these is an
// institution of that place ("Gaza Health Ministry", "Kyiv Mayor"): the
// place stays. Any other capitalised run makes the place part of a longer
// name ("Washington Post", "Manchester United", "Paris Hilton").
constexpr std::array<std::string_view, 30> kInstitutionHeads = {
    "ministry",   "authority",   "authorities", "government",   "council",   "court",
    "parliament", "police",      "army",        "state",        "office",    "department",
    "agency",     "service",     "mayor",       "governor",     "province",  "region",
    "oblast",     "governorate", "district",    "airport",      "port",      "border",
    "crossing",   "embassy",     "assembly",    "municipality", "officials", "residents"};

// "University of Georgia", "Bank of England", "Duke of York": an
// institution or title named after a place.
constexpr std::array<std::string_view, 16> kNamedAfterOf = {
    "university", "bank", "college", "institute", "museum",   "school", "church", "archbishop",
    "bishop",     "duke", "earl",    "prince",    "princess", "house",  "club",   "academy"};

// Capitalised words that may stand before a place: "Northern Gaza".
constexpr std::array<std::string_view, 14> kDirections = {
    "north",   "south",   "east",  "west",  "northern", "southern", "eastern",
    "western", "central", "upper", "lower", "greater",  "occupied", "besieged"};

// Lower-case words inside a multi-word name: "Sea of Azov", "Deir al-Balah".
constexpr std::array<std::string_view, 26> kConnectors = {
    "of", "the", "al",  "el",  "de", "du", "la",  "le",  "au",  "and", "upon", "on", "sur",
    "am", "an",  "bin", "ibn", "da", "di", "del", "der", "den", "van", "von",  "y",  "des"};

// Words after which a name is a place: "in Paris", "near Jabalia".
constexpr std::array<std::string_view, 21> kLocative = {
    "in",     "at",     "near",    "from",   "to",      "into",       "outside",
    "across", "toward", "towards", "around", "through", "throughout", "inside",
    "within", "via",    "between", "off",    "onto",    "beyond",     "along"};

// Words after a name that make it a division: "Washington state".
constexpr std::array<std::string_view, 8> kDivisionWords = {
    "state", "province", "county", "region", "oblast", "governorate", "prefecture", "district"};

// Months and weekdays as news writes them: towns named "March" or "Nov"
// exist, but a date is meant.
constexpr std::array<std::string_view, 33> kCalendarWords = {
    "january",   "february", "march",     "april",    "may",    "june",     "july",  "august",
    "september", "october",  "november",  "december", "jan",    "feb",      "mar",   "apr",
    "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",   "dec",
    "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday"};

// A city known only under a name this small needs a clue that the text
// means a place; a country, division or region needs none.
constexpr uint32_t kUncluedMinPopulation = 50000;
constexpr uint32_t kBigCity = 1000000;

template <size_t N>
bool OneOf(std::string_view w, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Words {
  const Document& doc;
  bool tagged;
  std::string_view Text(uint32_t t) const { return doc.Text(doc.tokens[t].span); }
  bool IsWord(uint32_t t) const { return doc.tokens[t].kind == TokenKind::kWord; }
  // Starts with a capital (or a non-ASCII letter the tagger calls a name);
  // Arabic names' article counts as the capital after it ("al-Balah").
  bool Capitalised(uint32_t t) const {
    if (!IsWord(t)) return false;
    const std::string_view w = Text(t);
    if (w.empty()) return false;
    if (IsUpper(w[0])) return true;
    const size_t dash = w.find('-');
    if (dash >= 2 && dash <= 3 && dash + 1 < w.size() && IsUpper(w[dash + 1]) &&
        (w.substr(0, dash) == "al" || w.substr(0, dash) == "el" || w.substr(0, 1) == "a")) {
      return true;
    }
    return static_cast<unsigned char>(w[0]) >= 0x80 &&
           (!tagged || doc.tokens[t].upos == syntax::upos::kPropn);
  }
  // "US", "PARIS"; not "A".
  bool AllCaps(uint32_t t) const {
    int letters = 0;
    for (char c : Text(t)) {
      if (c >= 'a' && c <= 'z') return false;
      letters += IsUpper(c);
    }
    return letters >= 2;
  }
};

}  // namespace

void FindToponyms(const Document& doc, const Gazetteer& gaz, std::vector<Toponym>* out) {
  const bool tagged =
      std::find(doc.stages.begin(), doc.stages.end(), "syntax.v1") != doc.stages.end();
  const Words words{doc, tagged};
  // People's and organisations' names, as actors.v1 found them: a place
  // name inside one is none ("the White House" is no town in Maryland), but
  // one that reaches beyond it is ("Khan Younis" is more than Mr Khan).
  std::vector<IndexRange> names;
  for (const Actor& a : doc.actors) {
    if (a.kind != "person" && a.kind != "institution" && a.kind != "organisation" &&
        a.kind != "group")
      continue;
    for (uint32_t m : a.mentions) {
      // Not the country named inside such a phrase ("South Africa" in
      // "South Africa at the International Court of Justice").
      const std::string& rule = doc.mentions[m].evidence.rule;
      if (rule != "actor:country" && rule != "actor:capital" && rule != "actor:demonym")
        names.push_back(doc.mentions[m].tokens);
    }
  }
  auto inside_name = [&](IndexRange r) {
    for (const IndexRange& n : names) {
      if (n.begin <= r.begin && r.end <= n.end) return true;
    }
    return false;
  };
  // Words looked at and refused ("Jordan" in "Michael Jordan"): the actor
  // dictionaries' country names must not bring them back.
  std::vector<bool> refused(doc.tokens.size());
  std::string dateline;
  FoldName(doc.dateline_place, &dateline);
  std::vector<std::string> folded;
  std::vector<std::string_view> views;
  std::vector<uint32_t> at;  // token of each view
  const size_t first = out->size();
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const IndexRange r = doc.sentences[s].tokens;
    // A headline in title case ("Blinken Says US Opposition to Rafah
    // Assault Unchanged") says nothing by its capitals.
    int word_count = 0, capitalised = 0;
    for (uint32_t t = r.begin; t < r.end; ++t) {
      word_count += words.IsWord(t);
      capitalised += words.Capitalised(t);
    }
    const bool title_case = word_count >= 4 && capitalised * 10 >= word_count * 7;
    for (uint32_t t = r.begin; t < r.end; ++t) {
      if (!words.Capitalised(t)) continue;
      // The words from t on, folded; commas are skipped so that
      // "Washington, D.C." can match as one name.
      folded.clear();
      at.clear();
      for (uint32_t u = t; u < r.end && folded.size() < gaz.max_name_tokens(); ++u) {
        if (words.Text(u) == "," && u > t) continue;
        if (!words.IsWord(u) && doc.tokens[u].kind != TokenKind::kNumber) break;
        folded.emplace_back();
        FoldName(words.Text(u), &folded.back());
        at.push_back(u);
      }
      views.assign(folded.begin(), folded.end());
      SpanMatch m = gaz.LongestMatch(views);
      // "The Seychelles", "the Gambia": a country's name starts after
      // "The" ("The Hague" keeps it).
      if (m.tokens > 1 && folded[0] == "the") {
        bool country = false;
        const SpanMatch rest =
            gaz.LongestMatch(std::span<const std::string_view>(views).subspan(1));
        for (uint32_t id : rest.places) country |= gaz.kind(id) == PlaceKind::kCountry;
        if (country) continue;
      }
      // Every word of a name is capitalised but the connectors inside it;
      // else the longest shorter name that is ("the Jabalia refugee camp":
      // "Jabalia").
      while (m.tokens > 0) {
        bool ok = !m.places.empty() && words.Capitalised(at[m.tokens - 1]);
        for (uint32_t k = 1; k + 1 < m.tokens && ok; ++k)
          ok = words.Capitalised(at[k]) || OneOf(Lower(words.Text(at[k])), kConnectors);
        if (ok) break;
        --m.tokens;
        m.places = gaz.Candidates(std::span<const std::string_view>(views.data(), m.tokens));
      }
      if (m.tokens == 0) continue;
      const uint32_t end = at[m.tokens - 1] + 1;
      for (uint32_t k = t; k < end; ++k) refused[k] = true;  // until kept below
      if (inside_name({t, end})) continue;
      // A one-word name opening a sentence must be a name to the tagger
      // ("Air strikes", "Metro services" are not places); inside one, its
      // capital says enough unless the tagger calls it a function word.
      if (m.tokens == 1) {
        std::string w = Lower(words.Text(t));
        if (!w.empty() && w.back() == '.') w.pop_back();
        if (OneOf(w, kCalendarWords)) continue;
        // A people's name is no place ("English" is also a town in Indiana).
        if (!gaz.DemonymCountries(folded[0]).empty()) continue;
      }
      // A short all-capitals word is an acronym ("EA", "UN") unless it
      // names a country ("US", "UK") or opens a dateline.
      if (m.tokens == 1 && words.AllCaps(t) && words.Text(t).size() <= 3 &&
          !(s == 0 && t - r.begin < 3)) {
        bool country = false;
        for (uint32_t id : m.places) country |= gaz.kind(id) == PlaceKind::kCountry;
        if (!country) {
          // The actor dictionaries may still know it as a country ("US").
          for (uint32_t k = t; k < end; ++k) refused[k] = false;
          continue;
        }
      }
      if (m.tokens == 1 && !words.AllCaps(t)) {
        const uint8_t u = doc.tokens[t].upos;
        const bool closed = u == syntax::upos::kDet || u == syntax::upos::kAdp ||
                            u == syntax::upos::kPron || u == syntax::upos::kAux ||
                            u == syntax::upos::kCconj || u == syntax::upos::kSconj;
        if (words.Text(t).size() < 3 ||
            (tagged && (closed || (t == r.begin && u != syntax::upos::kPropn)))) {
          continue;
        }
      }
      Toponym top;
      top.tokens = {t, end};
      top.sentence = s;
      top.candidates = m.places;
      // What comes before: a title, a first name, "University of".
      if (t > r.begin) {
        const uint32_t p = t - 1;
        const std::string prev = Lower(words.Text(p));
        if (OneOf(prev, kTitles)) continue;
        const bool sentence_start = p == r.begin;
        const bool function_word = tagged && (doc.tokens[p].upos == syntax::upos::kAdp ||
                                              doc.tokens[p].upos == syntax::upos::kDet);
        if (!title_case && words.Capitalised(p) && !words.AllCaps(p) && !OneOf(prev, kDirections) &&
            prev != "the" && !(sentence_start && (function_word || !tagged))) {
          continue;  // "Michael Jordan"
        }
        if (prev == "of" && p > r.begin && OneOf(Lower(words.Text(p - 1)), kNamedAfterOf)) continue;
        uint32_t q = p;
        if (prev == "the" && q > r.begin) --q;
        top.locative = OneOf(Lower(words.Text(q)), kLocative);
      }
      // What comes after: another name ("Paris Hilton") unless it ends in
      // an institution ("Gaza Health Ministry").
      uint32_t u = end;
      while (u < r.end && words.Capitalised(u) && !words.AllCaps(u)) ++u;
      if (u > end && !title_case && !OneOf(Lower(words.Text(u - 1)), kInstitutionHeads)) {
        for (uint32_t k = end; k < u; ++k) refused[k] = true;
        t = u - 1;
        continue;
      }
      top.text = doc.Text({doc.tokens[t].span.begin, doc.tokens[end - 1].span.end});
      top.division = end < r.end && OneOf(Lower(words.Text(end)), kDivisionWords);
      std::string name;
      FoldName(top.text, &name);
      top.dateline = (!dateline.empty() && name == dateline) ||
                     (s == 0 && t - r.begin < 3 && words.AllCaps(t));
      for (uint32_t k = t; k < end; ++k) refused[k] = false;
      out->push_back(top);
      t = end - 1;
    }
  }
  // Countries the actor dictionaries name that the gazetteer does not
  // spell that way ("US", "Britain").
  for (const Mention& m : doc.mentions) {
    if (m.evidence.rule != "actor:country" || m.entry.size() < 3 || m.tokens.empty() ||
        !words.Capitalised(m.tokens.begin) || refused[m.tokens.begin]) {
      continue;
    }
    const uint16_t index = gaz.CountryIndexByIso3(m.entry);
    if (index == kNoCountry) continue;
    const CountryRecord& r = gaz.country(index);
    // The same words found in the gazetteer: the dictionary says a country
    // is meant, so towns of that name are not ("US" is no Us, France;
    // "Wales" no village in England). A division of that country named so
    // stays ("Wales" the nation); else the country itself.
    Toponym* same = nullptr;
    bool covered = false;
    for (size_t i = first; i < out->size() && !covered; ++i) {
      Toponym& x = (*out)[i];
      covered = x.tokens.begin < m.tokens.end && m.tokens.begin < x.tokens.end;
      if (covered && x.tokens == m.tokens) same = &x;
    }
    if (same != nullptr) {
      uint32_t keep = kNoPlace;
      for (uint32_t id : same->candidates) {
        const PlaceKind k = gaz.kind(id);
        if (keep == kNoPlace && k != PlaceKind::kCity && gaz.country_place(id) == r.place) {
          keep = id;
        }
      }
      if (keep == kNoPlace) {
        same->candidates = std::span<const uint32_t>(&r.place, 1);
      } else {
        // keep points into the mapped candidate list, which outlives this.
        const auto it = std::find(same->candidates.begin(), same->candidates.end(), keep);
        same->candidates =
            same->candidates.subspan(static_cast<size_t>(it - same->candidates.begin()), 1);
      }
    }
    if (covered) continue;
    {
      Toponym top;
      top.tokens = m.tokens;
      top.sentence = m.sentence;
      top.candidates = std::span<const uint32_t>(&r.place, 1);
      top.text = doc.Text(m.span);
      out->push_back(top);
    }
  }
  std::sort(out->begin() + static_cast<ptrdiff_t>(first), out->end(),
            [](const Toponym& a, const Toponym& b) { return a.tokens.begin < b.tokens.begin; });
  // "Paris, Texas", "Hyderabad (Pakistan)": a division or country right
  // after a comma or bracket qualifies the name before it.
  for (size_t i = first; i + 1 < out->size(); ++i) {
    Toponym &a = (*out)[i], &b = (*out)[i + 1];
    if (a.sentence != b.sentence || b.tokens.begin != a.tokens.end + 1) continue;
    const std::string_view between = words.Text(a.tokens.end);
    if (between != "," && between != "(") continue;
    bool division = false;
    for (uint32_t id : b.candidates) {
      division |= gaz.kind(id) == PlaceKind::kCountry || gaz.kind(id) == PlaceKind::kAdmin1;
    }
    if (division) a.qualifier = static_cast<int32_t>(i + 1);
  }
  // Small towns need a clue; a name listed with a place that has one
  // ("in Massy and Poissy") shares it. So does a town known by this name
  // only as an alternate, unless it is a big city ("Kiev"): GeoNames lists
  // "Google" for Topeka and "Africa" for Mahdia.
  std::vector<Toponym> kept(out->begin(), out->begin() + static_cast<ptrdiff_t>(first));
  bool previous_kept = false;
  std::string folded_text, folded_name;
  for (size_t i = first; i < out->size(); ++i) {
    const Toponym& x = (*out)[i];
    bool clue = x.locative || x.dateline || x.qualifier >= 0;
    for (size_t j = first; j < i && !clue; ++j)
      clue = (*out)[j].qualifier == static_cast<int32_t>(i);
    bool alternate_only = !clue;
    FoldName(x.text, &folded_text);
    for (uint32_t id : x.candidates) {
      if (!alternate_only) break;
      FoldName(gaz.name(id), &folded_name);
      alternate_only = gaz.kind(id) == PlaceKind::kCity && folded_name != folded_text &&
                       gaz.place(id).population < kBigCity;
    }
    if (alternate_only) {
      previous_kept = false;
      continue;
    }
    for (uint32_t id : x.candidates) {
      const std::string_view f = gaz.feature_code(id);
      clue = clue || gaz.kind(id) != PlaceKind::kCity ||
             gaz.place(id).population >= kUncluedMinPopulation || f == "PPLC" || f == "PPLA";
    }
    if (!clue && previous_kept && i > first) {
      const Toponym& p = (*out)[i - 1];
      bool listed = p.sentence == x.sentence && p.tokens.end < x.tokens.begin;
      for (uint32_t k = p.tokens.end; k < x.tokens.begin && listed; ++k) {
        const std::string_view w = words.Text(k);
        listed = w == "," || w == "and" || w == "or";
      }
      clue = listed;
    }
    previous_kept = clue;
    if (clue) kept.push_back(x);
  }
  // Qualifier indices pointed into the unfiltered list.
  for (size_t i = first; i < kept.size(); ++i) {
    if (kept[i].qualifier < 0) continue;
    const Toponym& q = (*out)[static_cast<size_t>(kept[i].qualifier)];
    kept[i].qualifier = -1;
    for (size_t j = i + 1; j < kept.size(); ++j) {
      if (kept[j].tokens == q.tokens) kept[i].qualifier = static_cast<int32_t>(j);
    }
  }
  *out = std::move(kept);
}

void FindDemonymCountries(const Document& doc, const Gazetteer& gaz, std::vector<uint16_t>* out) {
  const Words words{doc, false};
  std::string folded;
  for (uint32_t t = 0; t < doc.tokens.size(); ++t) {
    if (!words.Capitalised(t)) continue;
    FoldName(words.Text(t), &folded);
    for (uint32_t id : gaz.DemonymCountries(folded)) {
      if (gaz.place(id).country != kNoCountry) out->push_back(gaz.place(id).country);
    }
  }
}

}  // namespace annals::places
