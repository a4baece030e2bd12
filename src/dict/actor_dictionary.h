// Internal: the actor dictionaries of data/dict/ (countries, institutions,
// organisations, groups, agents, people with dated roles) and a matcher that
// finds their names in a sentence's tokens. Format: docs/dictionaries.md.
//
// Names are cut into words by the same tokenizer as documents, so "U.S."
// and "Israel's" split the same way in both. Matching is on lower-cased
// words, except names written in capitals only ("US", "UN", "IS"), which
// match only in capitals: "us" is a pronoun.
//
// Tested by actor_dictionary_test.cc.
#ifndef ANNALS_DICT_ACTOR_DICTIONARY_H_
#define ANNALS_DICT_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annals/status.h"
#include "dict/fields.h"
#include "dict/word_filter.h"

namespace annals::dict {

enum class ActorKind : uint8_t {
  kCountry,       // "Israel"
  kDemonym,       // "Israeli", "Israelis"
  kCapital,       // "Washington" standing for the United States
  kInstitution,   // "White House" -> USAGOV
  kOrganisation,  // "Security Council" -> IGOUNOSEC
  kGroup,         // "Hamas"
  kAgent,         // "officials" -> GOV: a role without a country
  kPerson,        // "Antony Blinken": codes come from dated roles
};
std::string_view ActorKindName(ActorKind kind);

struct ActorRole {
  std::string code;  // "USAGOV"
  int from = 0;      // yyyymmdd, 0 = open
  int to = 0;        // yyyymmdd, 0 = open (still in office)
  std::string title;
  uint32_t line = 0;
};

struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string code;              // empty for people
  std::string name;              // the first name given
  std::vector<ActorRole> roles;  // people only, in file order
  std::string file;              // relative to the data directory
  uint32_t line = 0;
};

// One way a name can start at a token.
struct NameMatch {
  uint32_t entry = 0;
  uint32_t length = 0;   // in tokens
  bool surname = false;  // a person found by surname alone
};

class ActorDictionary {
 public:
  // Loads the standard files of data/dict/ (docs/dictionaries.md); `dir` is
  // data/dict and file names in evidence are relative to its parent.
  Status LoadDirectory(const std::string& dir);
  // Loads one file; `rel` is the name evidence will show.
  Status LoadFile(const std::string& path, const std::string& rel, ActorKind kind);

  // Every name that starts at word `i`, longest first. `lower` holds the
  // lower-cased words and `surface` the words as written.
  void MatchAt(std::span<const std::string_view> lower, std::span<const std::string_view> surface,
               size_t i, std::vector<NameMatch>* out) const;

  const ActorEntry& entry(uint32_t id) const { return entries_[id]; }
  size_t size() const { return entries_.size(); }

  // The role of a person on a date (yyyymmdd; 0 = unknown, take the latest
  // role); null when no role covers the date and no undated role exists.
  static const ActorRole* RoleOn(const ActorEntry& person, int date);

 private:
  struct Name {
    uint32_t entry;
    bool surname;
    std::string exact;  // words as written, for capital-only names; else empty
  };
  Status AddName(std::string_view name, uint32_t entry, bool surname, const std::string& file,
                 uint32_t line);

  std::vector<ActorEntry> entries_;
  // key: lower-cased words joined by ' '
  std::unordered_map<std::string, std::vector<Name>, StringHash, std::equal_to<>> names_;
  // Every proper prefix of a name ("united", "united states" of "united
  // states of america"), so that matching stops as soon as no name can
  // continue.
  std::unordered_set<std::string, StringHash, std::equal_to<>> first_words_, prefixes_;
  DictionaryWords first_word_bits_;                   // first_words_, for the common "no"
  std::unordered_map<std::string, uint32_t> people_;  // full name -> entry
  size_t max_words_ = 0;
};

// Lower-cases ASCII letters; other bytes are kept.
void LowerAscii(std::string_view in, std::string* out);

}  // namespace annals::dict

#endif  // ANNALS_DICT_ACTOR_DICTIONARY_H_
