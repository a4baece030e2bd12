// Main-text selection: which text blocks of a page are the article.
//
// Two steps. First the container: every element is scored as
//   S(e) = prose(e) - kJunkWeight * junk(e)
// where prose is the non-link text of the running-text blocks below e
// (long enough or sentence-like, few links, not captions, not inside
// boilerplate) and junk all the other text (links, short labels, menus,
// boilerplate-named subtrees). The best S is the smallest element that
// holds (nearly) all the story: climbing above it adds navigation and
// footers faster than prose, stopping below it loses paragraphs. This is
// a maximum-weight subtree, computed in one pass from prefix sums over the
// blocks (the element table is in pre-order, so a subtree's blocks are a
// contiguous range).
//
// Then the blocks inside the container are filtered one by one: boilerplate
// subtrees (share bars, "related" boxes, newsletter sign-ups inside the
// article), captions, link lists, the page's h1 (the headline is metadata,
// not body) and short UI labels are dropped; headings, paragraphs, list
// items, quotes and table rows are kept. Short lines at either end
// (dates, kickers, "Topics" lines) are trimmed. Two layouts are recognised
// by shape rather than name: teaser cards (a small element opening with a
// linked heading: another story's title and summary) and image cards (a
// small element holding an <img>: its short lines are captions).
//
// A boilerplate name is trusted only while its element holds a minor part
// of the page's prose: sites put "sidebar" or "share" on wrappers of the
// whole article, and a name must not be able to throw the story away.
// Comment sections are the exception: they can be longer than the story.
//
// The JSON-LD articleBody, when the page has one, is a hint: blocks whose
// words it contains weigh more in the container score.
//
// Tested by html_extract_test.cc and, on real pages, html_eval_test.cc.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/html_internal.h"

namespace annals::internal {
namespace {

constexpr double kJunkWeight = 0.5;
// A boilerplate name counts only below this share of the page's prose.
constexpr double kNegativeMaxShare = 0.5;
// Lines shorter than this at either end of the text are page furniture.
constexpr uint32_t kFurnitureBytes = 40;
// A card (teaser, figure) is an element of at most this many blocks;
// lines next to its image shorter than kCaptionBytes are captions.
constexpr uint32_t kCardBlocks = 4;
constexpr uint32_t kCaptionBytes = 200;

bool IsHeading(HtmlTag t) {
  return t == HtmlTag::kH1 || t == HtmlTag::kH2 || t == HtmlTag::kH3 || t == HtmlTag::kH4 ||
         t == HtmlTag::kH5 || t == HtmlTag::kH6;
}

bool EndsLikeSentence(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')' || s.back() == ' '))
    s.remove_suffix(1);
  if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99")) s.remove_suffix(3);
  return s.ends_with('.') || s.ends_with('!') || s.ends_with('?') || s.ends_with(':') ||
         s.ends_with("\xE2\x80\xA6");
}

// Short blocks that are page furniture whatever the page.
bool IsUiLabel(std::string_view s) {
  if (s.size() > 80) return false;
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  static constexpr std::string_view kLabels[] = {"advertisement",
                                                 "read more",
                                                 "read next",
                                                 "share this",
                                                 "share on",
                                                 "sign up",
                                                 "subscribe",
                                                 "click here",
                                                 "follow us",
                                                 "related:",
                                                 "see also",
                                                 "copyright",
                                                 "\xC2\xA9",
                                                 "photo:",
                                                 "image:",
                                                 "listen to",
                                                 "watch:",
                                                 "recommended",
                                                 "sponsored",
                                                 "continue reading",
                                                 "loading",
                                                 "skip to",
                                                 "all rights reserved",
                                                 "more from",
                                                 "you may also like",
                                                 "this article",
                                                 "comments",
                                                 "leave a comment"};
  for (const std::string_view label : kLabels)
    if (lower.starts_with(label)) return true;
  return lower.find("all rights reserved") != std::string::npos;
}

struct BlockFacts {
  uint32_t bytes = 0;
  uint32_t text_bytes = 0;  // outside links
  bool prose = false;
  bool teaser = false;   // summary of another story
  bool caption = false;  // a line next to an image
};

BlockFacts Judge(const HtmlPage& page, const HtmlBlock& b) {
  BlockFacts f;
  f.bytes = b.end - b.begin;
  f.text_bytes = f.bytes - std::min(b.link_bytes, f.bytes);
  const double link_share = f.bytes ? static_cast<double>(b.link_bytes) / f.bytes : 1.0;
  if (b.caption || IsHeading(b.kind) || link_share >= 0.4) return f;
  const std::string_view text = page.BlockText(b);
  f.prose = f.text_bytes >= 100 || (f.text_bytes >= 30 && EndsLikeSentence(text));
  return f;
}

// Word trigrams of the hint, hashed, for looking blocks up in it.
class Hint {
 public:
  explicit Hint(std::string_view text) {
    ForEachTrigram(text, [&](uint64_t h) { grams_.insert(h); });
  }
  bool empty() const { return grams_.empty(); }
  // Share of the block's trigrams found in the hint (1 when it has none).
  double Overlap(std::string_view text) const {
    size_t all = 0, found = 0;
    ForEachTrigram(text, [&](uint64_t h) {
      ++all;
      found += grams_.count(h);
    });
    return all ? static_cast<double>(found) / all : 1.0;
  }

 private:
  template <typename F>
  static void ForEachTrigram(std::string_view text, F f) {
    uint64_t w[3] = {0, 0, 0};
    int n = 0;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i])) &&
             static_cast<unsigned char>(text[i]) < 0x80)
        ++i;
      uint64_t h = 1469598103934665603ull;
      size_t len = 0;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                 static_cast<unsigned char>(text[i]) >= 0x80)) {
        h = (h ^ static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(text[i])))) *
            1099511628211ull;
        ++i;
        ++len;
      }
      if (len == 0) continue;
      w[0] = w[1];
      w[1] = w[2];
      w[2] = h;
      if (++n >= 3) f(w[0] * 31 * 31 + w[1] * 31 + w[2]);
    }
  }
  std::unordered_set<uint64_t> grams_;
};

}  // namespace

std::vector<uint32_t> SelectArticleBlocks(const HtmlPage& page, std::string_view hint_text) {
  const auto& els = page.elements;
  const auto& blocks = page.blocks;
  const size_t nb = blocks.size();
  if (nb == 0 || els.empty()) return {};
  std::vector<BlockFacts> facts(nb);
  for (size_t i = 0; i < nb; ++i) facts[i] = Judge(page, blocks[i]);
  // Teasers of other stories: a small card (a few blocks in one element)
  // that opens with a linked title followed by its summary. The story's
  // own subheadings are not links.
  for (size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = blocks[i];
    if (IsHeading(b.kind) && b.link_bytes * 2 >= facts[i].bytes) {
      const HtmlElement& card = els[els[b.owner].parent];
      if (card.block_begin == i && card.block_end - card.block_begin <= kCardBlocks) {
        for (size_t j = i + 1; j < card.block_end; ++j) {
          facts[j].teaser = true;
          facts[j].prose = false;
        }
      }
    }
  }

  // Captions without <figcaption>: short lines in a small element (a few
  // blocks) that holds an image.
  for (size_t i = 1; i < els.size(); ++i) {
    if (!(els[i].flags & kImage)) continue;
    uint32_t card = static_cast<uint32_t>(i);
    for (int up = 0; up < 3; ++up) {
      const HtmlElement& p = els[els[card].parent];
      if (els[card].parent == 0 || p.block_end - p.block_begin > kCardBlocks) break;
      card = els[card].parent;
    }
    const HtmlElement& c = els[card];
    if (c.block_end - c.block_begin > kCardBlocks) continue;
    for (uint32_t j = c.block_begin; j < c.block_end; ++j) {
      if (facts[j].bytes < kCaptionBytes && !IsHeading(blocks[j].kind)) {
        facts[j].caption = true;
        facts[j].prose = false;
      }
    }
  }

  // Which boilerplate names to believe: those over a minor share of prose.
  std::vector<double> raw(nb + 1, 0.0);
  for (size_t i = 0; i < nb; ++i) raw[i + 1] = raw[i] + (facts[i].prose ? facts[i].text_bytes : 0);
  const double total_prose = raw[nb];
  auto prose_of = [&](const HtmlElement& e) { return raw[e.block_end] - raw[e.block_begin]; };
  std::vector<uint32_t> negative(els.size(), 0);
  std::vector<uint8_t> strong(els.size(), 0);
  for (size_t i = 1; i < els.size(); ++i) {
    const HtmlElement& e = els[i];
    strong[i] = (e.flags & kStrongPositive) || strong[e.parent];
    const bool believed = (e.flags & kNegative) && !(e.flags & kStrongPositive) &&
                          ((e.flags & kComments) || prose_of(e) < kNegativeMaxShare * total_prose);
    negative[i] = believed ? static_cast<uint32_t>(i) : negative[e.parent];
  }

  // Container scores from prefix sums of per-block gain.
  const Hint hint(hint_text.size() >= 200 ? hint_text : std::string_view());
  std::vector<double> gain(nb + 1, 0.0);
  for (size_t i = 0; i < nb; ++i) {
    const HtmlBlock& b = blocks[i];
    const BlockFacts& f = facts[i];
    double g;
    if (f.prose && negative[b.owner] == 0) {
      g = f.text_bytes;
      if (strong[b.owner]) g *= 1.5;
      // Prose the page's own articleBody lacks counts against a container.
      if (!hint.empty()) g *= 0.25 + hint.Overlap(page.BlockText(b));
    } else if (negative[b.owner] != 0) {
      g = -kJunkWeight * f.bytes;
    } else if ((IsHeading(b.kind) || b.kind == HtmlTag::kTr) && b.link_bytes == 0) {
      g = 0;  // structure of the story (headings, table rows), not evidence
    } else if (f.text_bytes >= 50 && EndsLikeSentence(page.BlockText(b))) {
      // Sentences around many links (digests, link-rich lists): half weight.
      g = 0.5 * f.text_bytes - kJunkWeight * b.link_bytes;
    } else {
      g = -kJunkWeight * f.bytes;
    }
    gain[i + 1] = gain[i] + g;
  }
  uint32_t best = 0;
  double best_score = -1e300;
  for (size_t i = 0; i < els.size(); ++i) {
    const HtmlElement& e = els[i];
    const double s = gain[e.block_end] - gain[e.block_begin];
    if (s > best_score) {
      best_score = s;
      best = static_cast<uint32_t>(i);
    }
  }
  const HtmlElement& c = els[best];

  // Inside the container: drop what is boilerplate on its own terms.
  std::vector<uint32_t> kept;
  for (uint32_t i = c.block_begin; i < c.block_end; ++i) {
    const HtmlBlock& b = blocks[i];
    const BlockFacts& f = facts[i];
    if (negative[b.owner] > best || b.caption || f.caption || b.kind == HtmlTag::kH1 || f.teaser)
      continue;
    const std::string_view text = page.BlockText(b);
    const double link_share = f.bytes ? static_cast<double>(b.link_bytes) / f.bytes : 1.0;
    if (f.prose) {
      kept.push_back(i);
      continue;
    }
    if (IsUiLabel(text) || (link_share >= 0.5 && f.text_bytes < 100)) continue;
    if (IsHeading(b.kind) || f.text_bytes >= 20 || EndsLikeSentence(text)) kept.push_back(i);
  }
  // Trim furniture (dates, kickers, credits: short lines) before the first
  // and after the last running text; longer lines there are lists and
  // tables of the story.
  auto furniture = [&](uint32_t i) { return !facts[i].prose && facts[i].bytes < kFurnitureBytes; };
  size_t first = 0, last = kept.size();
  while (first < last && furniture(kept[first])) ++first;
  while (last > first && furniture(kept[last - 1])) --last;
  return std::vector<uint32_t>(kept.begin() + static_cast<std::ptrdiff_t>(first),
                               kept.begin() + static_cast<std::ptrdiff_t>(last));
}

}  // namespace annals::internal
