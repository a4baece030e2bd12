// The duplicate benchmark: 1,000 BBC stories, each copied 1-5 times
// with the edits syndication makes (an outlet's header and footer, a
// byline, one sentence rewritten, re-punctuated and re-wrapped text), all
// through the index as ingest would: at least 99% of the copies must be
// linked to their original and no two distinct stories may be merged.
//
// The BBC corpus repeats some stories itself (exact copies, and a few
// near-copies under two headlines); an original linked to an earlier one
// is counted apart, as a corpus duplicate, when their exact shingle
// Jaccard similarity is at least 0.3, and as a false merge otherwise.
// Deterministic: a fixed-seed generator. Skipped without ../shared.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "annals/ingest.h"
#include "dedup/near_duplicates.h"
#include "ingest/test_sink.h"

namespace annals::dedup {
namespace {

constexpr const char* kHeaders[] = {
    "Advertisement. Skip to main content. Subscribe to our newsletter for top stories.",
    "Breaking news from our partners. Sign in to read more and comment.",
    "World Wire | Latest | Politics | Business | Sport | Technology",
    "This story was published by our syndication partner and is republished with permission.",
    "Share this article on Facebook, Twitter or by email.",
    "From the wires:",
};
constexpr const char* kFooters[] = {
    "Copyright 2024 Example Media Group. All rights reserved. Not for redistribution.",
    "Follow us on social media for more updates. Related stories: see our coverage page.",
    "Reporting by staff; editing by the news desk. Contact the newsroom with corrections.",
    "Comments are closed on this article. Read our community guidelines.",
    "(c) Wire Services 2024",
    "Sign up for breaking news alerts and get the latest headlines delivered to your inbox.",
};
constexpr const char* kBylines[] = {"By Jane Doe, Staff Reporter.", "By John Roe in London.",
                                    "Our correspondent reports:", "By Wire Staff."};
constexpr const char* kNewSentences[] = {
    "Officials declined to comment further when contacted on Tuesday.",
    "The details could not be independently verified by this newspaper.",
    "More information is expected to be released later this week.",
};

// Splits text into sentences at ". " (good enough to pick one to change).
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = text.find(". "); i != std::string::npos; i = text.find(". ", i + 2)) {
    out.push_back(text.substr(start, i + 1 - start));
    start = i + 2;
  }
  out.push_back(text.substr(start));
  return out;
}

std::string MakeCopy(const std::string& text, std::mt19937_64& rng) {
  auto pick = [&](auto& list) { return std::string(list[rng() % std::size(list)]); };
  std::vector<std::string> sentences = Sentences(text);
  sentences[rng() % sentences.size()] = pick(kNewSentences);
  std::string body;
  for (const std::string& s : sentences) body += (body.empty() ? "" : " ") + s;
  // Re-punctuated and re-wrapped: curly-quote-free ASCII edits the
  // shingles must not see.
  std::string edited;
  size_t column = 0;
  for (const char c : body) {
    if (c == ' ' && column > 70 && rng() % 2) {
      edited += "\n";
      column = 0;
      continue;
    }
    if (c == ',' && rng() % 3 == 0) continue;  // commas dropped
    edited += c == '"' ? '\'' : c;
    ++column;
  }
  std::string copy;
  if (rng() % 4) copy += pick(kHeaders) + "\n\n";
  copy += pick(kBylines) + "\n\n" + edited;
  if (rng() % 4) copy += "\n\n" + pick(kFooters);
  return copy;
}

// Exact Jaccard similarity of two texts' 4-word shingle sets.
double ExactJaccard(const std::string& a, const std::string& b) {
  auto shingles = [](const std::string& t) {
    std::vector<std::string> words;
    std::string w;
    for (char c : t + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (!w.empty()) {
        words.push_back(w);
        w.clear();
      }
    }
    std::set<std::string> s;
    for (size_t i = 0; i + 4 <= words.size(); ++i)
      s.insert(words[i] + ' ' + words[i + 1] + ' ' + words[i + 2] + ' ' + words[i + 3]);
    return s;
  };
  const auto sa = shingles(a), sb = shingles(b);
  size_t both = 0;
  for (const auto& s : sa) both += sb.count(s);
  return static_cast<double>(both) / static_cast<double>(sa.size() + sb.size() - both);
}

TEST(NearDuplicatesCorpus, ThousandBbcStoriesWithCopies) {
  const std::string shared = internal::SharedDataDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is absent: duplicate benchmark not run";
  internal::CollectingSink sink;
  ReadPaths({shared + "/corpora/bbc-news"}, ReadOptions{}, sink);
  std::vector<std::string> stories;
  std::set<std::string> seen;
  for (const Document& d : sink.docs)
    if (stories.size() < 1000 && seen.insert(d.text).second) stories.push_back(d.text);
  ASSERT_EQ(stories.size(), 1000u);

  std::mt19937_64 rng(20240326);
  std::vector<std::pair<size_t, std::string>> copies;  // (story, text)
  for (size_t i = 0; i < stories.size(); ++i) {
    const int n = 1 + static_cast<int>(rng() % 5);
    for (int k = 0; k < n; ++k) copies.emplace_back(i, MakeCopy(stories[i], rng));
  }
  std::shuffle(copies.begin(), copies.end(), rng);

  const auto start = std::chrono::steady_clock::now();
  NearDuplicateIndex index;
  std::vector<int64_t> root(stories.size());
  size_t corpus_duplicates = 0, false_merges = 0;
  for (size_t i = 0; i < stories.size(); ++i) {
    Signature sig;
    ASSERT_TRUE(ComputeSignature(stories[i], &sig));
    const int64_t original = index.FindOriginal(sig);
    index.Add(static_cast<int64_t>(i), sig, original);
    root[i] = original >= 0 ? original : static_cast<int64_t>(i);
    if (original < 0) continue;
    const double j = ExactJaccard(stories[i], stories[static_cast<size_t>(original)]);
    if (j >= 0.3) {
      ++corpus_duplicates;
    } else {
      ++false_merges;
      ADD_FAILURE() << "distinct stories merged (Jaccard " << j << "): " << i << " -> " << original;
    }
  }
  size_t linked = 0, missed = 0, wrong = 0;
  double lowest = 1;
  for (size_t c = 0; c < copies.size(); ++c) {
    const auto& [story, text] = copies[c];
    Signature sig, orig;
    ASSERT_TRUE(ComputeSignature(text, &sig));
    ASSERT_TRUE(ComputeSignature(stories[story], &orig));
    lowest = std::min(lowest, EstimateJaccard(sig, orig));
    const int64_t original = index.FindOriginal(sig);
    index.Add(static_cast<int64_t>(stories.size() + c), sig, original);
    if (original == root[story]) {
      ++linked;
    } else if (original < 0) {
      ++missed;
    } else {
      ++wrong;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double rate = static_cast<double>(linked) / static_cast<double>(copies.size());
  std::printf(
      "near-duplicates: %zu stories, %zu copies: %zu linked to their original (%.2f%%), %zu "
      "not linked, %zu linked to another story; %zu distinct stories merged; %zu corpus "
      "near-duplicates among the originals; lowest copy-original estimate %.3f; %.0f "
      "documents/s\n",
      stories.size(), copies.size(), linked, 100 * rate, missed, wrong, false_merges,
      corpus_duplicates, lowest, static_cast<double>(stories.size() + copies.size()) / seconds);
  EXPECT_GE(rate, 0.99);
  EXPECT_EQ(wrong, 0u);
  EXPECT_EQ(false_merges, 0u);
}

}  // namespace
}  // namespace annals::dedup
