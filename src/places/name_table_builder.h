// Internal: collects (folded name, place) pairs and lays them out as one of
// the index's open-address name tables (index_format.h).
//
// Every token prefix of a multi-token name gets a slot too, marked
// kLongerName, so that a recogniser scanning text knows when to stop
// extending a span. Slots are filled in hash order, so the same pairs give
// the same bytes.
//
// Tested by gazetteer_test.cc.
#ifndef ANNALS_PLACES_NAME_TABLE_BUILDER_H_
#define ANNALS_PLACES_NAME_TABLE_BUILDER_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "places/index_format.h"

namespace annals::places {

class NameTableBuilder {
 public:
  // `place` is called `folded` (a FoldName result; ignored when empty).
  void Add(std::string_view folded, uint32_t place);

  // Sorts and removes duplicate pairs; needed before PlacesNamed.
  void Sort();
  // The places called by the name with this NameKey hash, by id.
  std::vector<uint32_t> PlacesNamed(uint64_t hash) const;

  // Lays out the table at load factor <= 0.7: each name's places ordered
  // by `before`, lists of two or more appended to *postings. Sorts first.
  void Build(const std::function<bool(uint32_t, uint32_t)>& before, std::vector<NameSlot>* slots,
             uint32_t* probe_limit, std::vector<uint32_t>* postings);

  uint32_t max_tokens() const { return max_tokens_; }
  // Distinct names (after Sort).
  size_t names() const;

 private:
  std::vector<std::pair<uint64_t, uint32_t>> pairs_;  // (hash, place)
  std::vector<uint64_t> prefixes_;
  uint32_t max_tokens_ = 0;
  bool sorted_ = true;
};

}  // namespace annals::places

#endif  // ANNALS_PLACES_NAME_TABLE_BUILDER_H_
