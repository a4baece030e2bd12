#include "syntax/wordnet_forms.h"

#include <array>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

#include "syntax/features.h"

namespace annals::syntax {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// "stop" -> "stopp": the doubled consonant of "stopped", "bigger". Made
// whenever the word ends consonant-vowel-consonant; wrong doublings
// ("visitted") are forms no text contains, so generating them costs nothing.
bool Doubles(std::string_view l) {
  const size_t n = l.size();
  if (n < 3) return false;
  const char c = l[n - 1];
  return IsLetter(c) && !IsVowel(c) && c != 'w' && c != 'x' && c != 'y' && IsVowel(l[n - 2]) &&
         IsLetter(l[n - 3]) && !IsVowel(l[n - 3]);
}

bool ConsonantY(std::string_view l) {
  return l.size() >= 2 && l.back() == 'y' && IsLetter(l[l.size() - 2]) && !IsVowel(l[l.size() - 2]);
}

// The regular -s form: nouns' plurals and verbs' third person.
std::vector<std::string> WithS(const std::string& l) {
  if (ConsonantY(l)) return {l.substr(0, l.size() - 1) + "ies"};
  if (EndsWith(l, "s") || EndsWith(l, "x") || EndsWith(l, "z") || EndsWith(l, "ch") ||
      EndsWith(l, "sh")) {
    return {l + "es"};
  }
  if (EndsWith(l, "o")) return {l + "s", l + "es"};
  return {l + "s"};
}

// Suffixes starting with a vowel: -ed, -ing, -er, -est.
std::vector<std::string> WithVowelSuffix(const std::string& l, const std::string& suffix) {
  std::vector<std::string> out;
  if (suffix != "ing" && ConsonantY(l)) {
    out.push_back(l.substr(0, l.size() - 1) + "i" + suffix);
    return out;
  }
  if (suffix == "ing" && EndsWith(l, "ie")) {
    out.push_back(l.substr(0, l.size() - 2) + "ying");
    return out;
  }
  if (EndsWith(l, "e")) {
    const bool keep =
        suffix == "ing" && (EndsWith(l, "ee") || EndsWith(l, "oe") || EndsWith(l, "ye"));
    out.push_back(keep ? l + suffix : l.substr(0, l.size() - 1) + suffix);
    return out;
  }
  out.push_back(l + suffix);
  if (Doubles(l)) out.push_back(l + l.back() + suffix);
  return out;
}

// A lemma as WordNet writes it in data.*: "Washington", "run_out",
// "galore(ip)". Multi-word lemmas are skipped (the tagger sees words).
bool CleanLemma(std::string_view word, std::string* out) {
  const size_t paren = word.find('(');
  if (paren != std::string_view::npos) word = word.substr(0, paren);
  if (word.empty() || word.find('_') != std::string_view::npos) return false;
  out->assign(word);
  return true;
}

// Verb lexicographer files 29 (verb.body) ... 43 (verb.weather) in groups
// of what their verbs take: 1 communication (say: ccomp), 2 mind (think,
// see, love), 3 motion, 4 possession (give: iobj), 5 stative (be, seem),
// 6 change, 7 physical (contact, creation, body, consumption, weather),
// 8 social and competition.
constexpr uint8_t kVerbGroup[15] = {7, 6, 2, 1, 8, 7, 7, 7, 2, 3, 2, 4, 8, 5, 7};

struct Builder {
  WordNetForms* out;
  std::string lower;
  // Lower-cased lemma -> offset of its most frequent sense, per part of
  // speech (from index.*), and the sense class each lemma got.
  std::unordered_map<std::string, uint32_t> first_sense[2];
  std::unordered_map<std::string, uint32_t> lemma_sense[2];
  void Add(std::string_view form, uint32_t bits) {
    LowerAscii(form, &lower);
    (*out)[HashString(lower)] |= bits;
  }
  // The first lemma to give a form a sense keeps it ("saw": the noun's
  // class from "saw", the verb's from "see").
  void AddSense(std::string_view form, uint32_t bits, uint32_t mask) {
    LowerAscii(form, &lower);
    uint32_t& v = (*out)[HashString(lower)];
    if ((v & mask) == 0) v |= bits;
  }
};

// index.*: "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt
// tagsense_cnt synset_offset...", offsets by falling frequency.
void ReadFirstSenses(const std::string& path, std::unordered_map<std::string, uint32_t>* out) {
  std::ifstream in(path);
  std::string line, lemma, skip;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;
    std::istringstream fields(line);
    int pointers = 0;
    fields >> lemma >> skip >> skip >> pointers;
    for (int k = 0; k < pointers + 2; ++k) fields >> skip;
    unsigned long offset = 0;
    if (fields >> offset) (*out)[lemma] = static_cast<uint32_t>(offset);
  }
}

// data.* files: "offset lexfile type w_cnt(hex) word lex_id word lex_id ...".
bool ReadData(const std::string& path, char pos, Builder& b, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot read (is the wordnet-base package installed?)";
    return false;
  }
  std::string line, word, lemma, key, skip;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence header
    std::istringstream fields(line);
    std::string count_hex;
    unsigned long offset = 0, lexfile = 0;
    fields >> offset >> lexfile >> skip >> count_hex;
    const unsigned long count = std::strtoul(count_hex.c_str(), nullptr, 16);
    // The synset's sense class, for the lemmas whose most frequent sense
    // it is.
    uint32_t sense = 0, mask = 0;
    if (pos == 'n' && lexfile >= 3 && lexfile <= 28) {
      sense = static_cast<uint32_t>(lexfile - 2) << kWnNounSenseShift;
      mask = 31u << kWnNounSenseShift;
    } else if (pos == 'v' && lexfile >= 29 && lexfile <= 43) {
      sense = static_cast<uint32_t>(kVerbGroup[lexfile - 29]) << kWnVerbSenseShift;
      mask = 15u << kWnVerbSenseShift;
    }
    const size_t part = pos == 'n' ? 0 : 1;
    for (unsigned long k = 0; k < count && fields >> word >> skip; ++k) {
      if (!CleanLemma(word, &lemma)) continue;
      const bool capital = lemma[0] >= 'A' && lemma[0] <= 'Z';
      bool usual = false;
      if (sense != 0) {
        LowerAscii(lemma, &key);
        const auto it = b.first_sense[part].find(key);
        usual = it != b.first_sense[part].end() && it->second == offset;
        if (usual) b.lemma_sense[part].emplace(key, sense);
      }
      auto add = [&](std::string_view form, uint32_t bits) {
        b.Add(form, bits);
        if (usual) b.AddSense(form, sense, mask);
      };
      switch (pos) {
        case 'n':
          if (capital) {
            add(lemma, kWnProper);
            break;
          }
          add(lemma, kWnNoun);
          for (const std::string& f : WithS(lemma)) add(f, kWnPlural);
          break;
        case 'v':
          add(lemma, kWnVerb);
          for (const std::string& f : WithS(lemma)) add(f, kWnVerbS);
          for (const std::string& f : WithVowelSuffix(lemma, "ed")) add(f, kWnVerbEd);
          for (const std::string& f : WithVowelSuffix(lemma, "ing")) add(f, kWnVerbIng);
          break;
        case 'a':
          b.Add(lemma, kWnAdj);
          for (const std::string& f : WithVowelSuffix(lemma, "er")) b.Add(f, kWnComparative);
          for (const std::string& f : WithVowelSuffix(lemma, "est")) b.Add(f, kWnSuperlative);
          break;
        default:
          b.Add(lemma, kWnAdverb);
      }
    }
  }
  return true;
}

// *.exc files: "inflected base...": the irregular forms.
bool ReadExceptions(const std::string& path, char pos, Builder& b, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot read (is the wordnet-base package installed?)";
    return false;
  }
  std::string line, form, base;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    if (!(fields >> form) || form.find('_') != std::string::npos) continue;
    // The irregular form means what its base means.
    if ((pos == 'n' || pos == 'v') && fields >> base) {
      const size_t part = pos == 'n' ? 0 : 1;
      const auto it = b.lemma_sense[part].find(base);
      if (it != b.lemma_sense[part].end()) {
        b.AddSense(form, it->second,
                   pos == 'n' ? 31u << kWnNounSenseShift : 15u << kWnVerbSenseShift);
      }
    }
    uint32_t bits = 0;
    switch (pos) {
      case 'n':
        bits = kWnPlural;
        break;
      case 'v':
        bits = EndsWith(form, "ing") ? kWnVerbIng : EndsWith(form, "s") ? kWnVerbS : kWnVerbEd;
        break;
      case 'a':
        bits = EndsWith(form, "st") ? kWnSuperlative : kWnComparative;
        break;
      default:
        bits = kWnAdverb;
    }
    b.Add(form, bits);
  }
  return true;
}

// cntlist.rev: "lemma%ss_type:lex:id:head:id sense_number count", where
// ss_type is 1 noun, 2 verb, 3 adjective, 4 adverb, 5 adjective satellite.
// Optional: older WordNet packages may lack it.
void ReadUsualPos(const std::string& path, Builder& b) {
  std::ifstream in(path);
  std::unordered_map<std::string, std::array<long, 4>> counts;
  std::string key, sense;
  long count = 0;
  while (in >> key >> sense >> count) {
    const size_t at = key.find('%');
    if (at == std::string::npos || at + 1 >= key.size() || key.find('_') != std::string::npos) {
      continue;
    }
    const char type = key[at + 1];
    const size_t pos = type == '1' ? 0 : type == '2' ? 1 : type == '4' ? 3 : 2;
    counts[key.substr(0, at)][pos] += count;
  }
  for (const auto& [lemma, by_pos] : counts) {
    size_t best = 0;
    for (size_t p = 1; p < 4; ++p) {
      if (by_pos[p] > by_pos[best]) best = p;
    }
    if (by_pos[best] == 0) continue;
    const uint32_t usual = best == 0 ? 1 : best == 1 ? 2 : 3;
    b.Add(lemma, usual << kWnUsualShift);
  }
}

}  // namespace

bool ReadWordNetForms(const std::string& dir, WordNetForms* out, std::string* error) {
  Builder b{out, {}, {}, {}};
  ReadFirstSenses(dir + "/index.noun", &b.first_sense[0]);
  ReadFirstSenses(dir + "/index.verb", &b.first_sense[1]);
  const std::pair<const char*, char> kParts[] = {
      {"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}};
  for (const auto& [name, pos] : kParts) {
    if (!ReadData(dir + "/data." + name, pos, b, error)) return false;
    if (!ReadExceptions(dir + "/" + name + ".exc", pos, b, error)) return false;
  }
  ReadUsualPos(dir + "/cntlist.rev", b);
  return true;
}

}  // namespace annals::syntax
