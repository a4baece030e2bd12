// MinHash signatures and the banded index; see near_duplicates.h.
#include "dedup/near_duplicates.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace annals::dedup {
namespace {

// MurmurHash3's finaliser: spreads h1 + i * h2 into independent-looking
// values, so one XXH3 per shingle serves all 120 hash functions.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

bool ComputeSignature(std::string_view text, Signature* out) {
  std::vector<uint64_t> words;
  std::string word;
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    word.clear();
    while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) {
      const char c = text[i++];
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
    if (!word.empty()) words.push_back(XXH3_64bits(word.data(), word.size()));
  }
  if (words.size() < kMinWords) return false;
  Signature sig;
  sig.mins.fill(~uint32_t{0});
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    const uint64_t h1 = XXH3_64bits(&words[i], kShingleWords * sizeof(uint64_t));
    const uint64_t h2 = Mix(h1) | 1;
    for (int k = 0; k < kNumHashes; ++k) {
      const auto v = static_cast<uint32_t>(Mix(h1 + static_cast<uint64_t>(k) * h2) >> 32);
      sig.mins[k] = std::min(sig.mins[k], v);
    }
  }
  *out = sig;
  return true;
}

double EstimateJaccard(const Signature& a, const Signature& b) {
  int same = 0;
  for (int k = 0; k < kNumHashes; ++k) same += a.mins[k] == b.mins[k];
  return static_cast<double>(same) / kNumHashes;
}

std::string EncodeSignature(const Signature& sig) {
  std::string out(kNumHashes * 4, '\0');
  for (int k = 0; k < kNumHashes; ++k)
    for (int b = 0; b < 4; ++b) out[k * 4 + b] = static_cast<char>((sig.mins[k] >> (8 * b)) & 0xFF);
  return out;
}

bool DecodeSignature(std::string_view bytes, Signature* out) {
  if (bytes.size() != kNumHashes * 4) return false;
  for (int k = 0; k < kNumHashes; ++k) {
    uint32_t v = 0;
    for (int b = 0; b < 4; ++b)
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[k * 4 + b])) << (8 * b);
    out->mins[k] = v;
  }
  return true;
}

uint64_t NearDuplicateIndex::BandKey(const Signature& sig, int band) {
  uint32_t part[kRowsPerBand + 1];
  part[0] = static_cast<uint32_t>(band);
  std::memcpy(part + 1, &sig.mins[band * kRowsPerBand], kRowsPerBand * sizeof(uint32_t));
  return XXH3_64bits(part, sizeof part);
}

int64_t NearDuplicateIndex::FindOriginal(const Signature& sig) const {
  int64_t best = -1;
  for (int band = 0; band < kNumBands; ++band) {
    const auto it = buckets_.find(BandKey(sig, band));
    if (it == buckets_.end()) continue;
    // Buckets are sorted, so the first match is the earliest, and nothing
    // after an earlier band's match can win: a story syndicated a thousand
    // times costs a few comparisons per copy, not a thousand.
    for (const int64_t key : it->second) {
      if (best >= 0 && key >= best) break;
      if (EstimateJaccard(sig, entries_.at(key).sig) >= threshold_) {
        best = key;
        break;
      }
    }
  }
  if (best < 0) return -1;
  const int64_t original = entries_.at(best).original;
  return original >= 0 ? original : best;
}

void NearDuplicateIndex::Add(int64_t key, const Signature& sig, int64_t original) {
  if (entries_.count(key)) Remove(key);
  entries_[key] = Entry{sig, original};
  for (int band = 0; band < kNumBands; ++band) {
    std::vector<int64_t>& bucket = buckets_[BandKey(sig, band)];
    bucket.insert(std::upper_bound(bucket.begin(), bucket.end(), key), key);  // O(1) in key order
  }
}

void NearDuplicateIndex::Remove(int64_t key) {
  const auto it = entries_.find(key);
  if (it == entries_.end()) return;
  for (int band = 0; band < kNumBands; ++band) {
    auto bucket = buckets_.find(BandKey(it->second.sig, band));
    if (bucket == buckets_.end()) continue;
    std::erase(bucket->second, key);
    if (bucket->second.empty()) buckets_.erase(bucket);
  }
  entries_.erase(it);
  for (auto& [k, e] : entries_)
    if (e.original == key) e.original = -1;
}

}  // namespace annals::dedup
