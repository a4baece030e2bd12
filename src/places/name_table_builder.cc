#include "places/name_table_builder.h"

#include <algorithm>
#include <bit>

#include "places/name_folding.h"

namespace annals::places {

void NameTableBuilder::Add(std::string_view folded, uint32_t place) {
  NameKey key;
  size_t i = 0;
  while (i < folded.size()) {
    size_t j = folded.find(' ', i);
    if (j == std::string_view::npos) j = folded.size();
    if (key.tokens() > 0) prefixes_.push_back(key.hash());
    key.Add(folded.substr(i, j - i));
    i = j + 1;
  }
  if (key.tokens() == 0) return;
  pairs_.emplace_back(key.hash(), place);
  max_tokens_ = std::max(max_tokens_, key.tokens());
  sorted_ = false;
}

void NameTableBuilder::Sort() {
  if (sorted_) return;
  std::sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  std::sort(prefixes_.begin(), prefixes_.end());
  prefixes_.erase(std::unique(prefixes_.begin(), prefixes_.end()), prefixes_.end());
  sorted_ = true;
}

std::vector<uint32_t> NameTableBuilder::PlacesNamed(uint64_t hash) const {
  std::vector<uint32_t> out;
  auto it = std::lower_bound(pairs_.begin(), pairs_.end(), std::make_pair(hash, uint32_t{0}));
  for (; it != pairs_.end() && it->first == hash; ++it) out.push_back(it->second);
  return out;
}

size_t NameTableBuilder::names() const {
  size_t n = 0;
  for (size_t i = 0; i < pairs_.size(); ++i) n += i == 0 || pairs_[i].first != pairs_[i - 1].first;
  return n;
}

void NameTableBuilder::Build(const std::function<bool(uint32_t, uint32_t)>& before,
                             std::vector<NameSlot>* slots, uint32_t* probe_limit,
                             std::vector<uint32_t>* postings) {
  Sort();
  // One entry per distinct hash, names and prefixes merged, in hash order.
  std::vector<NameSlot> entries;
  size_t p = 0;
  std::vector<uint32_t> places;
  for (size_t i = 0; i < pairs_.size() || p < prefixes_.size();) {
    const uint64_t hash =
        i < pairs_.size() && (p == prefixes_.size() || pairs_[i].first <= prefixes_[p])
            ? pairs_[i].first
            : prefixes_[p];
    NameSlot s{hash, 0, 0};
    places.clear();
    for (; i < pairs_.size() && pairs_[i].first == hash; ++i) places.push_back(pairs_[i].second);
    if (p < prefixes_.size() && prefixes_[p] == hash) {
      s.count_flags |= kLongerName;
      ++p;
    }
    std::sort(places.begin(), places.end(), before);
    s.count_flags |= static_cast<uint32_t>(places.size());
    if (places.size() == 1) {
      s.value = places[0];
    } else if (places.size() > 1) {
      s.value = static_cast<uint32_t>(postings->size());
      postings->insert(postings->end(), places.begin(), places.end());
    }
    entries.push_back(s);
  }
  const size_t capacity = std::bit_ceil(std::max<size_t>(8, entries.size() * 10 / 7 + 1));
  slots->assign(capacity, NameSlot{0, 0, 0});
  *probe_limit = 0;
  const size_t mask = capacity - 1;
  for (const NameSlot& e : entries) {
    uint32_t probe = 0;
    size_t at = e.hash & mask;
    while ((*slots)[at].hash != 0) {
      at = (at + 1) & mask;
      ++probe;
    }
    (*slots)[at] = e;
    *probe_limit = std::max(*probe_limit, probe);
  }
}

}  // namespace annals::places
