// Fixed tag tables: UD universal POS tags, Penn Treebank tags (as English
// UD treebanks use them) and UD dependency relations with the subtypes
// English uses.
//
// Ids are what Token::upos/xpos/deprel hold and what the store and the
// model files keep, so they never change: new tags are only appended.
// Id 0 means "unset" in every table.
#ifndef ANNALS_SYNTAX_TAGSET_H_
#define ANNALS_SYNTAX_TAGSET_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace annals::syntax {

// Names indexed by id; entry 0 is "" (unset).
std::span<const std::string_view> UposNames();
std::span<const std::string_view> XposNames();
std::span<const std::string_view> DeprelNames();

// Id for a name, 0 when the name is not in the table.
uint8_t UposId(std::string_view name);
uint8_t XposId(std::string_view name);
uint8_t DeprelId(std::string_view name);

// Name for an id, "" for 0 or an id past the table.
std::string_view UposName(uint8_t id);
std::string_view XposName(uint8_t id);
std::string_view DeprelName(uint8_t id);

// The universal part of a relation id ("nsubj" for "nsubj:pass"), as an id.
uint8_t DeprelBase(uint8_t id);

// A few UPOS ids the stages test for.
namespace upos {
inline constexpr uint8_t kAdj = 1, kAdp = 2, kAdv = 3, kAux = 4, kCconj = 5, kDet = 6, kIntj = 7,
                         kNoun = 8, kNum = 9, kPart = 10, kPron = 11, kPropn = 12, kPunct = 13,
                         kSconj = 14, kSym = 15, kVerb = 16, kX = 17;
}  // namespace upos

}  // namespace annals::syntax

#endif  // ANNALS_SYNTAX_TAGSET_H_
