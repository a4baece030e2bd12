// The tables behind tagset.h. Order is part of the store and model formats:
// append only.
#include "syntax/tagset.h"

#include <array>

namespace annals::syntax {
namespace {

constexpr std::array<std::string_view, 18> kUpos = {
    "",    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN",
    "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Penn Treebank tags plus the ones the English Web Treebank adds for web
// text (ADD e-mail/URL, AFX affix, GW "goes with", HYPH, NFP, XX).
constexpr std::array<std::string_view, 51> kXpos = {
    "",    "CC",  "CD",   "DT",    "EX",    "FW",  "IN",   "JJ",  "JJR", "JJS", "LS",   "MD",  "NN",
    "NNS", "NNP", "NNPS", "PDT",   "POS",   "PRP", "PRP$", "RB",  "RBR", "RBS", "RP",   "SYM", "TO",
    "UH",  "VB",  "VBD",  "VBG",   "VBN",   "VBP", "VBZ",  "WDT", "WP",  "WP$", "WRB",  ".",   ",",
    ":",   "``",  "''",   "-LRB-", "-RRB-", "$",   "#",    "ADD", "AFX", "GW",  "HYPH", "NFP"};

// The 37 universal relations, then the subtypes English treebanks use.
constexpr std::array<std::string_view, 62> kDeprel = {"",
                                                      "acl",
                                                      "advcl",
                                                      "advmod",
                                                      "amod",
                                                      "appos",
                                                      "aux",
                                                      "case",
                                                      "cc",
                                                      "ccomp",
                                                      "clf",
                                                      "compound",
                                                      "conj",
                                                      "cop",
                                                      "csubj",
                                                      "dep",
                                                      "det",
                                                      "discourse",
                                                      "dislocated",
                                                      "expl",
                                                      "fixed",
                                                      "flat",
                                                      "goeswith",
                                                      "iobj",
                                                      "list",
                                                      "mark",
                                                      "nmod",
                                                      "nsubj",
                                                      "nummod",
                                                      "obj",
                                                      "obl",
                                                      "orphan",
                                                      "parataxis",
                                                      "punct",
                                                      "reparandum",
                                                      "root",
                                                      "vocative",
                                                      "xcomp",
                                                      "acl:relcl",
                                                      "advcl:relcl",
                                                      "aux:pass",
                                                      "cc:preconj",
                                                      "compound:prt",
                                                      "csubj:outer",
                                                      "csubj:pass",
                                                      "det:predet",
                                                      "flat:foreign",
                                                      "nmod:desc",
                                                      "nmod:poss",
                                                      "nmod:tmod",
                                                      "nmod:unmarked",
                                                      "nsubj:outer",
                                                      "nsubj:pass",
                                                      "obl:agent",
                                                      "obl:npmod",
                                                      "obl:tmod",
                                                      "obl:unmarked",
                                                      "det:poss",
                                                      "flat:name",
                                                      "compound:svc",
                                                      "nmod:npmod",
                                                      "expl:pv"};

template <size_t N>
uint8_t Find(const std::array<std::string_view, N>& table, std::string_view name) {
  if (name.empty()) return 0;
  for (size_t i = 1; i < N; ++i) {
    if (table[i] == name) return static_cast<uint8_t>(i);
  }
  return 0;
}

template <size_t N>
std::string_view Name(const std::array<std::string_view, N>& table, uint8_t id) {
  return id < N ? table[id] : std::string_view();
}

}  // namespace

std::span<const std::string_view> UposNames() { return kUpos; }
std::span<const std::string_view> XposNames() { return kXpos; }
std::span<const std::string_view> DeprelNames() { return kDeprel; }

uint8_t UposId(std::string_view name) { return Find(kUpos, name); }
uint8_t XposId(std::string_view name) { return Find(kXpos, name); }
uint8_t DeprelId(std::string_view name) { return Find(kDeprel, name); }

std::string_view UposName(uint8_t id) { return Name(kUpos, id); }
std::string_view XposName(uint8_t id) { return Name(kXpos, id); }
std::string_view DeprelName(uint8_t id) { return Name(kDeprel, id); }

uint8_t DeprelBase(uint8_t id) {
  const std::string_view name = DeprelName(id);
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? id : DeprelId(name.substr(0, colon));
}

}  // namespace annals::syntax
