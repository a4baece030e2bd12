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

struct Builder {
  std::unordered_map<uint64_t, uint16_t>* out;
  std::string lower;
  void Add(std::string_view form, uint16_t bits) {
    LowerAscii(form, &lower);
    (*out)[HashString(lower)] |= bits;
  }
};

// data.* files: "offset lexfile type w_cnt(hex) word lex_id word lex_id ...".
bool ReadData(const std::string& path, char pos, Builder& b, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot read (is the wordnet-base package installed?)";
    return false;
  }
  std::string line, word, lemma, skip;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // the licence header
    std::istringstream fields(line);
    std::string count_hex;
    fields >> skip >> skip >> skip >> count_hex;
    const unsigned long count = std::strtoul(count_hex.c_str(), nullptr, 16);
    for (unsigned long k = 0; k < count && fields >> word >> skip; ++k) {
      if (!CleanLemma(word, &lemma)) continue;
      const bool capital = lemma[0] >= 'A' && lemma[0] <= 'Z';
      switch (pos) {
        case 'n':
          if (capital) {
            b.Add(lemma, kWnProper);
            break;
          }
          b.Add(lemma, kWnNoun);
          for (const std::string& f : WithS(lemma)) b.Add(f, kWnPlural);
          break;
        case 'v':
          b.Add(lemma, kWnVerb);
          for (const std::string& f : WithS(lemma)) b.Add(f, kWnVerbS);
          for (const std::string& f : WithVowelSuffix(lemma, "ed")) b.Add(f, kWnVerbEd);
          for (const std::string& f : WithVowelSuffix(lemma, "ing")) b.Add(f, kWnVerbIng);
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
  std::string line, form;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    if (!(fields >> form) || form.find('_') != std::string::npos) continue;
    uint16_t bits = 0;
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
    const uint16_t usual = best == 0 ? 1 : best == 1 ? 2 : 3;
    b.Add(lemma, static_cast<uint16_t>(usual << kWnUsualShift));
  }
}

}  // namespace

bool ReadWordNetForms(const std::string& dir, std::unordered_map<uint64_t, uint16_t>* out,
                      std::string* error) {
  Builder b{out, {}};
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
