#include "knowledge/phrase_list.h"

namespace annals::knowledge {

bool PhraseList::Add(std::string_view phrase, uint32_t id, Vocabulary* vocab) {
  Entry e;
  e.id = id;
  size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) {
      std::string w(phrase.substr(i, j - i));
      for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
      e.words.push_back(std::move(w));
    }
    i = j;
  }
  if (e.words.empty() || e.words[0] == "*") return false;
  const auto index = static_cast<uint32_t>(entries_.size());
  if (e.words[0].back() == '*' && e.words[0].size() < 3) return false;  // too short a prefix
  if (e.words[0].back() == '*') {
    const size_t bucket = PrefixBucket(e.words[0]);
    prefixed_[bucket].push_back(index);
    prefix_used_[bucket >> 6] |= uint64_t{1} << (bucket & 63);
  } else {
    const uint32_t word = vocab->Intern(e.words[0]);
    if (word >= by_first_.size()) {
      by_first_.resize(word + 1);
      starts_.resize(word + 1);
    }
    by_first_[word].push_back(index);
    starts_[word] = 1;
  }
  entries_.push_back(std::move(e));
  return true;
}

bool PhraseList::WordMatches(std::string_view pattern, const Words& words, uint32_t t) {
  const std::string_view lower = words.Lower(t);
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return lower.substr(0, pattern.size()) == pattern;
  }
  return lower == pattern || words.Lemma(t) == pattern;
}

uint32_t PhraseList::MatchAllAt(const Words& words, uint32_t t, uint32_t end,
                                std::vector<uint32_t>* ids) const {
  ids->clear();
  uint32_t best = 0;
  auto try_entries = [&](const std::vector<uint32_t>& list) {
    for (uint32_t index : list) {
      const Entry& e = entries_[index];
      const auto n = static_cast<uint32_t>(e.words.size());
      if (n < best || t + n > end) continue;
      bool all = true;
      for (uint32_t k = 0; k < n && all; ++k) all = WordMatches(e.words[k], words, t + k);
      if (!all) continue;
      if (n > best) ids->clear();
      best = n;
      ids->push_back(e.id);
    }
  };
  const uint32_t lower = words.LowerId(t), lemma = words.LemmaId(t);
  if (lower < starts_.size() && starts_[lower]) try_entries(by_first_[lower]);
  if (lemma != lower && lemma < starts_.size() && starts_[lemma]) try_entries(by_first_[lemma]);
  const std::string_view surface = words.Lower(t);
  if (!surface.empty()) {
    const size_t bucket = PrefixBucket(surface);
    if (prefix_used_[bucket >> 6] >> (bucket & 63) & 1) try_entries(prefixed_[bucket]);
  }
  return best;
}

}  // namespace annals::knowledge
