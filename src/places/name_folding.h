// Internal (not part of the public API): the one spelling the gazetteer
// stores and looks names up by, and the hash of a folded name.
//
// Folding makes the spellings news uses meet the ones GeoNames lists:
//   1. Unicode compatibility decomposition (NFKD), case folding, and every
//      combining mark dropped: "Rafa\u1E29" -> "rafah", "Kh\u0101n
//      Y\u016Bnis" -> "khan yunis", "\u0130zmir" -> "izmir", the ligature
//      U+FB01 -> "fi".
//   2. Latin letters that have no decomposition are spelled in ASCII: o
//      with stroke -> o, ae and oe ligatures -> ae, oe, sharp s -> ss, d
//      with stroke and eth -> d, l with stroke -> l, dotless i -> i, thorn
//      -> th, h and t with stroke -> h, t ("\u0141\u00F3d\u017A" -> "lodz").
//   3. Letters and digits stay (other scripts as they are, in UTF-8);
//      everything else separates tokens: spaces, hyphens, apostrophes of
//      any kind (ASCII, U+2019, the modifier letters U+02B9-U+02BF),
//      periods, commas, brackets. "Port-au-Prince" -> "port au prince",
//      "Cote d'Ivoire" -> "cote d ivoire", "St. Louis" -> "st louis",
//      "Washington, D.C." -> "washington d c".
//   4. Tokens are joined by one space, none leading or trailing.
// So folding the tokens of a text one by one and joining them with spaces
// gives the same string as folding the whole span, whatever the tokenizer
// did with hyphens and apostrophes. Invalid UTF-8 bytes separate tokens.
// (Escapes above are code points: source files stay ASCII.)
//
// Tested by name_folding_test.cc.
#ifndef ANNALS_PLACES_NAME_FOLDING_H_
#define ANNALS_PLACES_NAME_FOLDING_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annals::places {

// Writes the folded form of `name` to *out (replacing its contents). ASCII
// input takes a fast path without Unicode tables. Thread-safe.
void FoldName(std::string_view name, std::string* out);

// True when a folded name has only ASCII letters, digits and spaces and at
// least one letter: the alternate names the gazetteer keeps.
bool IsLatinFolded(std::string_view folded);

// The 64-bit key of a folded name, built token by token: a recogniser can
// extend a span one token at a time and look each length up without
// joining strings. Adding "port", "au", "prince" one by one, or
// "port au prince" at once, gives the same hash; empty tokens (double
// spaces) are skipped. Never 0 (the name table's empty mark).
class NameKey {
 public:
  // Appends one or more folded tokens separated by spaces.
  void Add(std::string_view folded);
  uint64_t hash() const { return hash_ == 0 ? 1 : hash_; }
  // Tokens added so far.
  uint32_t tokens() const { return tokens_; }

 private:
  uint64_t hash_ = 0x9E3779B97F4A7C15ull;
  uint32_t tokens_ = 0;
};

// NameKey of a whole folded name.
inline uint64_t NameHash(std::string_view folded) {
  NameKey k;
  k.Add(folded);
  return k.hash();
}

}  // namespace annals::places

#endif  // ANNALS_PLACES_NAME_FOLDING_H_
