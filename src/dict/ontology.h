// Internal: the event ontologies as loaded from data/ontology/ (CAMEO event
// codes with Goldstein values and QuadClass, and each code's PLOVER event
// type and mode). Format: docs/dictionaries.md. Tested by ontology_test.cc.
#ifndef ANNALS_DICT_ONTOLOGY_H_
#define ANNALS_DICT_ONTOLOGY_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annals/status.h"

namespace annals::dict {

struct EventType {
  std::string code;  // "042"
  std::string name;  // "Make a visit"
  double goldstein = 0;
  int quad_class = 0;        // 1 verbal cooperation .. 4 material conflict
  std::string plover_event;  // "CONSULT"
  std::string plover_mode;   // "visit", may be empty
  std::string file;          // cameo-events.tsv, for evidence
  uint32_t line = 0;
};

class Ontology {
 public:
  // Reads cameo-events.tsv, cameo-to-plover.tsv and the PLOVER tables from
  // `dir`, checking every line and every cross-reference.
  static Status Load(const std::string& dir, Ontology* out);

  const EventType* Find(std::string_view code) const;
  // The kind cameo-actors.tsv gives a three-letter actor code ("country",
  // "region", "role", "organisation", "religion", "ethnicity"); empty when
  // the code is not listed. Case matters: "CHE" is Switzerland, "che" the
  // Chechens.
  std::string_view ActorCodeKind(std::string_view code) const;
  size_t size() const { return types_.size(); }
  // The CAMEO root of a code: its first two digits.
  static std::string_view Root(std::string_view code) { return code.substr(0, 2); }

 private:
  std::vector<EventType> types_;
  std::unordered_map<std::string, size_t> by_code_;
  std::unordered_map<std::string, std::string> actor_kinds_;
};

}  // namespace annals::dict

#endif  // ANNALS_DICT_ONTOLOGY_H_
