// Element names as the extractor reads them: which tags bound text blocks
// or never hold text, and what class, id and role words say about an
// element (boilerplate, caption, comments, article text).
//
// Names are split into words at anything not a letter or digit
// ("share-bar", "commentList" -> "share", "bar", "commentlist") and compared
// with short lists of stems written for annals. A word matches a stem it
// starts with, except stems of up to three letters, which must match whole
// ("ad", but not "address" or "head"). No list names a site.
//
// Tested by html_extract_test.cc.
#include <array>
#include <cctype>
#include <string_view>
#include <unordered_map>

#include "ingest/html_internal.h"

namespace annals::internal {
namespace {

const std::unordered_map<std::string_view, HtmlTagInfo>& TagTable() {
  using T = HtmlTag;
  static const auto* table = new std::unordered_map<std::string_view, HtmlTagInfo>{
      {"a", {T::kA, false}},
      {"p", {T::kP, true}},
      {"div", {T::kDiv, true}},
      {"h1", {T::kH1, true}},
      {"h2", {T::kH2, true}},
      {"h3", {T::kH3, true}},
      {"h4", {T::kH4, true}},
      {"h5", {T::kH5, true}},
      {"h6", {T::kH6, true}},
      {"li", {T::kLi, true}},
      {"ul", {T::kUl, true}},
      {"ol", {T::kOl, true}},
      {"dl", {T::kDl, true}},
      {"dt", {T::kDt, true}},
      {"dd", {T::kDd, true}},
      {"blockquote", {T::kBlockquote, true}},
      {"pre", {T::kPre, true}},
      {"table", {T::kTable, true}},
      {"tr", {T::kTr, true}},
      // A table row is one line of text, its cells separated by spaces.
      {"td", {T::kTd, false}},
      {"th", {T::kTh, false}},
      {"article", {T::kArticle, true}},
      {"main", {T::kMain, true}},
      {"section", {T::kSection, true}},
      {"nav", {T::kNav, true}},
      {"aside", {T::kAside, true}},
      {"header", {T::kHeader, true}},
      {"footer", {T::kFooter, true}},
      {"figure", {T::kFigure, true}},
      {"figcaption", {T::kFigcaption, true}},
      {"form", {T::kForm, true}},
      {"br", {T::kBr, true}},
      {"hr", {T::kOther, true}},
      {"img", {T::kImg, false}},
      {"picture", {T::kImg, false}},
      {"title", {T::kTitle, false}},
      {"time", {T::kTime, false}},
      {"body", {T::kBody, true}},
      {"address", {T::kAddress, true}},
      {"menu", {T::kMenu, true}},
      {"dialog", {T::kDialog, true}},
      {"center", {T::kOther, true}},
      {"caption", {T::kFigcaption, true}},
      {"details", {T::kOther, true}},
      {"summary", {T::kOther, true}},
      {"fieldset", {T::kOther, true}},
      {"tbody", {T::kOther, true}},
      {"thead", {T::kOther, true}},
      {"tfoot", {T::kOther, true}},
      {"hgroup", {T::kOther, true}},
      {"script", {T::kSkip, true}},
      {"style", {T::kSkip, true}},
      {"noscript", {T::kSkip, true}},
      {"template", {T::kSkip, true}},
      {"svg", {T::kSkip, true}},
      {"math", {T::kSkip, true}},
      {"iframe", {T::kSkip, true}},
      {"object", {T::kSkip, true}},
      {"embed", {T::kSkip, true}},
      {"button", {T::kSkip, true}},
      {"select", {T::kSkip, true}},
      {"option", {T::kSkip, true}},
      {"textarea", {T::kSkip, true}},
      {"input", {T::kSkip, true}},
      {"label", {T::kSkip, true}},
      {"canvas", {T::kSkip, true}},
      {"video", {T::kSkip, true}},
      {"audio", {T::kSkip, true}},
      {"map", {T::kSkip, true}},
  };
  return *table;
}

}  // namespace

HtmlTagInfo LookUpHtmlTag(std::string_view name) {
  const auto& table = TagTable();
  const auto it = table.find(name);
  return it == table.end() ? HtmlTagInfo{HtmlTag::kOther, false} : it->second;
}

namespace {

// Words of class/id/role names. Negative stems mark boilerplate, positive
// ones containers of running text. Stems of up to three letters must match
// a whole word.
constexpr std::array<std::string_view, 62> kNegativeStems = {
    "ad",         "ads",       "adv",        "advert",    "sponsor",  "promo",   "banner",
    "comment",    "disqus",    "reply",      "share",     "sharing",  "social",  "follow",
    "related",    "recommend", "trending",   "popular",   "mostread", "more",    "readmore",
    "newsletter", "subscri",   "signup",     "cookie",    "consent",  "gdpr",    "privacy",
    "nav",        "menu",      "breadcrumb", "sidebar",   "widget",   "footer",  "masthead",
    "toolbar",    "byline",    "author",     "timestamp", "dateline", "meta",    "tag",
    "tags",       "topics",    "popup",      "modal",     "overlay",  "tooltip", "paywall",
    "login",      "skip",      "pagination", "pager",     "print",    "rating",  "outbrain",
    "taboola",    "gallery",   "slideshow",  "carousel",  "donate",   "hidden"};
constexpr std::array<std::string_view, 3> kCaptionStems = {"caption", "credit", "figcaption"};
constexpr std::array<std::string_view, 4> kCommentStems = {"comment", "disqus", "reply",
                                                           "responses"};
constexpr std::array<std::string_view, 4> kContentSubjects = {"article", "story", "entry", "post"};
constexpr std::array<std::string_view, 4> kContentParts = {"body", "content", "text", "copy"};
constexpr std::array<std::string_view, 6> kPositiveStems = {"article", "story", "entry",
                                                            "content", "body",  "main"};

bool WordMatches(std::string_view word, std::string_view stem) {
  return stem.size() <= 3 ? word == stem : word.starts_with(stem);
}

template <size_t N>
bool AnyStem(std::string_view word, const std::array<std::string_view, N>& stems) {
  for (const std::string_view s : stems)
    if (WordMatches(word, s)) return true;
  return false;
}

// Flags for one element from its lower-cased class/id/role words.
}  // namespace

uint8_t FlagsForNames(std::string_view names) {
  bool negative = false, comments = false, caption = false, positive = false, subject = false,
       part = false, strong = false;
  size_t i = 0;
  while (i < names.size()) {
    while (i < names.size() && !std::isalnum(static_cast<unsigned char>(names[i]))) ++i;
    size_t j = i;
    while (j < names.size() && std::isalnum(static_cast<unsigned char>(names[j]))) ++j;
    const std::string_view word = names.substr(i, j - i);
    i = j;
    if (word.empty()) continue;
    negative |= AnyStem(word, kNegativeStems);
    comments |= AnyStem(word, kCommentStems);
    caption |= AnyStem(word, kCaptionStems);
    positive |= AnyStem(word, kPositiveStems);
    const bool is_subject = AnyStem(word, kContentSubjects);
    subject |= is_subject;
    part |= AnyStem(word, kContentParts);
    // One word joining both halves: "articlebody", "storytext".
    if (is_subject) {
      for (const std::string_view s : kContentSubjects) {
        if (!word.starts_with(s)) continue;
        for (const std::string_view p : kContentParts)
          strong |= word.substr(s.size()).starts_with(p);
      }
    }
  }
  strong |= subject && part;
  uint8_t flags = 0;
  if (strong) return kPositive | kStrongPositive;
  if (caption) flags |= kCaption;
  if (comments) flags |= kComments;
  if (negative) return flags | kNegative;
  if (positive) flags |= kPositive;
  return flags;
}

}  // namespace annals::internal
