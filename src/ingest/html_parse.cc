// The page as the extractor sees it: libxml2's HTML parser (SAX, no DOM)
// feeding a flat table of elements and a list of text blocks.
//
// libxml2 does the hard part of HTML: tag soup recovery, implied and
// auto-closed elements, entities. Its SAX events arrive balanced, so a
// stack of open elements is enough to know, for each piece of text, which
// block-level element holds it and whether it is inside a link. Subtrees
// that never hold article text (scripts, forms' controls, hidden elements)
// are skipped as they are read; everything else is kept and judged later,
// so that a wrongly named wrapper cannot lose the article.
//
// Element names are judged here once, as each element starts
// (html_names.cc).
//
// Tested by html_extract_test.cc and html_metadata_test.cc.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_internal.h"

namespace annals::internal {
namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

enum class Capture : uint8_t { kNone, kTitle, kJsonLd };

constexpr size_t kMaxJsonLd = 16;
constexpr size_t kMaxCaptured = 1 << 20;
constexpr size_t kMaxByline = 256;

class Builder {
 public:
  explicit Builder(HtmlPage* page) : page_(page) {
    page_->elements.assign(1, HtmlElement{});
    page_->elements[0].depth = 0;
    open_.push_back(0);
    owners_.push_back(0);
  }

  void Start(const xmlChar* name, const xmlChar** atts) {
    const HtmlTagInfo info = LookUpHtmlTag(reinterpret_cast<const char*>(name));
    if (skipping_ > 0 || info.tag == HtmlTag::kSkip || Hidden(atts)) {
      if (info.tag == HtmlTag::kSkip && skipping_ == 0) StartSkipped(name, atts);
      ++skipping_;
      open_.push_back(kSkipped);
      return;
    }
    if (info.tag == HtmlTag::kBr) {  // void, but libxml2 still sends its end
      Flush();
      open_.push_back(kSkipped);
      ++skipping_;
      return;
    }
    const uint8_t flags = ReadAttributes(info.tag, atts);
    // A named boilerplate or caption element bounds its text even when it
    // is an inline or custom element (<span class="share">, <x-related>),
    // unless it is a link or sits inside running text, where it is part
    // of a sentence (<a class="tag-link">, <span class="author">).
    const bool block = info.block || ((flags & (kNegative | kCaption)) && info.tag != HtmlTag::kA &&
                                      !InRunningText(page_->elements[owners_.back()].tag));
    if (block) Flush();
    if (info.tag == HtmlTag::kTd || info.tag == HtmlTag::kTh) pending_space_ = true;
    const auto index = static_cast<uint32_t>(page_->elements.size());
    const uint32_t parent = open_.back();
    if (info.tag == HtmlTag::kImg) page_->elements[parent].flags |= kImage;
    HtmlElement e;
    e.parent = parent;
    e.tag = info.tag;
    e.block_begin = static_cast<uint32_t>(page_->blocks.size());
    e.depth = static_cast<uint16_t>(std::min<int>(page_->elements[parent].depth + 1, 65535));
    e.flags = flags;
    e.negative = (e.flags & kNegative) ? index : page_->elements[parent].negative;
    page_->elements.push_back(e);
    open_.push_back(index);
    owners_.push_back(block ? index : owners_.back());
    caption_depth_ += (e.flags & kCaption) || info.tag == HtmlTag::kFigcaption;
    if (info.tag == HtmlTag::kA && link_href_) ++in_link_;
    link_stack_.push_back(info.tag == HtmlTag::kA && link_href_);
    if (info.tag == HtmlTag::kTitle && page_->title.empty() && title_seen_ == false) {
      capture_ = Capture::kTitle;
      title_seen_ = true;
    }
  }

  void End() {
    if (open_.size() <= 1) return;
    const uint32_t index = open_.back();
    open_.pop_back();
    if (index == kSkipped) {
      --skipping_;
      if (skipping_ == 0 && capture_ == Capture::kJsonLd) {
        if (page_->json_ld.size() < kMaxJsonLd) page_->json_ld.push_back(std::move(captured_));
        captured_.clear();
        capture_ = Capture::kNone;
      }
      return;
    }
    HtmlElement& e = page_->elements[index];
    if (owners_.back() == index) Flush();
    owners_.pop_back();
    if (link_stack_.back()) --in_link_;
    link_stack_.pop_back();
    caption_depth_ -= (e.flags & kCaption) || e.tag == HtmlTag::kFigcaption;
    if (e.tag == HtmlTag::kTitle && capture_ == Capture::kTitle) capture_ = Capture::kNone;
    if (byline_open_ == index) byline_open_ = 0;
    e.end = static_cast<uint32_t>(page_->elements.size());
    e.block_end = static_cast<uint32_t>(page_->blocks.size());
  }

  void Characters(const xmlChar* ch, int len) {
    const std::string_view s(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
    if (capture_ == Capture::kJsonLd) {
      if (captured_.size() + s.size() <= kMaxCaptured) captured_.append(s);
      return;
    }
    if (capture_ == Capture::kTitle) {
      AppendCollapsed(s, &page_->title, 0, 1024, title_space_);
      return;
    }
    if (skipping_ > 0) return;
    if (byline_open_ != 0) AppendCollapsed(s, &page_->byline, 0, kMaxByline, byline_space_);
    std::string& text = page_->text;
    const size_t before = text.size();
    AppendCollapsed(s, &text, block_start_, std::string::npos, pending_space_);
    if (in_link_ > 0) link_bytes_ += text.size() - before;
  }

  void Finish() {
    while (open_.size() > 1) End();
    Flush();
    HtmlElement& root = page_->elements[0];
    root.end = static_cast<uint32_t>(page_->elements.size());
    root.block_end = static_cast<uint32_t>(page_->blocks.size());
  }

 private:
  static constexpr uint32_t kSkipped = 0xFFFFFFFF;

  // Appends `s` to *out with runs of white space (and U+00A0) made one
  // space, none at the start of what begins at out[start]; drops control
  // bytes. Stops adding at `limit` bytes.
  static void AppendCollapsed(std::string_view s, std::string* out, size_t start, size_t limit,
                              bool& pending_space) {
    for (size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (IsSpace(c) || (c == 0xC2 && i + 1 < s.size() && s[i + 1] == '\xA0')) {
        if (c == 0xC2) ++i;
        pending_space = true;
        continue;
      }
      if (c < 0x20 || c == 0x7F) continue;
      if (out->size() >= limit) return;
      if (pending_space && out->size() > start && out->back() != ' ') out->push_back(' ');
      pending_space = false;
      out->push_back(static_cast<char>(c));
    }
  }

  void Flush() {
    std::string& text = page_->text;
    while (text.size() > block_start_ && text.back() == ' ') text.pop_back();
    if (text.size() > block_start_) {
      HtmlBlock b;
      b.owner = owners_.back();
      b.begin = static_cast<uint32_t>(block_start_);
      b.end = static_cast<uint32_t>(text.size());
      b.link_bytes = static_cast<uint32_t>(std::min<size_t>(link_bytes_, b.end - b.begin));
      b.kind = page_->elements[b.owner].tag;
      b.caption = caption_depth_ > 0;
      if (b.kind == HtmlTag::kH1 && page_->first_h1.empty())
        page_->first_h1 = std::string(page_->BlockText(b));
      page_->blocks.push_back(b);
    }
    block_start_ = text.size();
    link_bytes_ = 0;
    pending_space_ = false;
  }

  static bool InRunningText(HtmlTag owner) {
    switch (owner) {
      case HtmlTag::kP:
      case HtmlTag::kH1:
      case HtmlTag::kH2:
      case HtmlTag::kH3:
      case HtmlTag::kH4:
      case HtmlTag::kH5:
      case HtmlTag::kH6:
      case HtmlTag::kLi:
      case HtmlTag::kBlockquote:
      case HtmlTag::kDd:
      case HtmlTag::kDt:
      case HtmlTag::kPre:
        return true;
      default:
        return false;
    }
  }

  static std::string_view Attr(const xmlChar* v) {
    return v == nullptr ? std::string_view() : reinterpret_cast<const char*>(v);
  }

  static bool EqualsLower(std::string_view s, std::string_view lower) {
    return s.size() == lower.size() &&
           std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  }

  static std::string LowerCopy(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  }

  static bool Hidden(const xmlChar** atts) {
    if (atts == nullptr) return false;
    for (size_t i = 0; atts[i] != nullptr; i += 2) {
      const std::string_view name = Attr(atts[i]), value = Attr(atts[i + 1]);
      if (name == "hidden") return true;
      if (name == "aria-hidden" && EqualsLower(value, "true")) return true;
      if (name == "style" && value.find("display") != std::string_view::npos) {
        std::string compact;
        for (char c : value)
          if (!IsSpace(static_cast<unsigned char>(c)))
            compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        if (compact.find("display:none") != std::string::npos) return true;
      }
    }
    return false;
  }

  // A skipped element that still tells something: <script> with JSON-LD,
  // <head>'s <title>/<meta> come as their own events (head is skipped for
  // text only).
  void StartSkipped(const xmlChar* name, const xmlChar** atts) {
    if (std::strcmp(reinterpret_cast<const char*>(name), "script") != 0 || atts == nullptr) return;
    for (size_t i = 0; atts[i] != nullptr; i += 2) {
      if (Attr(atts[i]) == "type" && EqualsLower(Attr(atts[i + 1]), "application/ld+json")) {
        capture_ = Capture::kJsonLd;
        captured_.clear();
      }
    }
  }

  uint8_t ReadAttributes(HtmlTag tag, const xmlChar** atts) {
    link_href_ = false;
    names_.clear();
    std::string_view itemprop, content, datetime, meta_name, rel, href, lang, http_equiv;
    if (atts != nullptr) {
      for (size_t i = 0; atts[i] != nullptr; i += 2) {
        const std::string_view name = Attr(atts[i]), value = Attr(atts[i + 1]);
        if (name == "class" || name == "id" || name == "role") {
          names_.append(value);
          names_.push_back(' ');
        } else if (name == "href") {
          href = value;
          link_href_ = true;
        } else if (name == "itemprop") {
          itemprop = value;
        } else if (name == "content") {
          content = value;
        } else if (name == "datetime") {
          datetime = value;
        } else if (name == "name" || name == "property") {
          if (meta_name.empty()) meta_name = value;
        } else if (name == "rel") {
          rel = value;
        } else if (name == "lang" || name == "xml:lang") {
          lang = value;
        } else if (name == "http-equiv") {
          http_equiv = value;
        }
      }
    }
    RecordHeadData(tag, itemprop, content, datetime, meta_name, rel, href, lang, http_equiv);
    for (char& c : names_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // <html> and <body> classes describe the page's state ("nav-open",
    // "has-comments"), not what the page is.
    uint8_t flags =
        tag == HtmlTag::kBody || page_->elements.size() <= 1 ? 0 : FlagsForNames(names_);
    if (EqualsLower(itemprop, "articlebody")) flags = kPositive | kStrongPositive;
    switch (tag) {
      case HtmlTag::kNav:
      case HtmlTag::kAside:
      case HtmlTag::kFooter:
      case HtmlTag::kHeader:
      case HtmlTag::kForm:
      case HtmlTag::kMenu:
      case HtmlTag::kDialog:
        if (!(flags & kStrongPositive)) flags |= kNegative;
        break;
      case HtmlTag::kFigure:
      case HtmlTag::kFigcaption:
        flags |= kCaption;
        break;
      case HtmlTag::kArticle:
      case HtmlTag::kMain:
        flags |= kPositive;
        break;
      default:
        break;
    }
    // The first byline-like element's text, for the author.
    if (page_->byline.empty() && byline_open_ == 0 &&
        (EqualsLower(rel, "author") || names_.find("byline") != std::string::npos ||
         EqualsLower(itemprop, "author"))) {
      byline_open_ = static_cast<uint32_t>(page_->elements.size());
    }
    return flags;
  }

  void RecordHeadData(HtmlTag tag, std::string_view itemprop, std::string_view content,
                      std::string_view datetime, std::string_view meta_name, std::string_view rel,
                      std::string_view href, std::string_view lang, std::string_view http_equiv) {
    auto& meta = page_->meta;
    if (meta.size() > 4096) return;
    if (!lang.empty() && page_->lang.empty() && page_->elements.size() <= 2)
      page_->lang = std::string(lang);  // <html lang>, the first element
    if (!meta_name.empty() && !content.empty() && tag == HtmlTag::kOther)
      meta.emplace_back(LowerCopy(meta_name), std::string(content));
    if (!http_equiv.empty() && !content.empty())
      meta.emplace_back("http-equiv:" + LowerCopy(http_equiv), std::string(content));
    if (!itemprop.empty()) {
      const std::string_view value = !content.empty() ? content : datetime;
      if (!value.empty()) meta.emplace_back("itemprop:" + LowerCopy(itemprop), std::string(value));
    }
    if (!rel.empty() && !href.empty() && tag == HtmlTag::kOther) {
      const std::string lower_rel = LowerCopy(rel);
      if (lower_rel.find("canonical") != std::string::npos)
        meta.emplace_back("link:canonical", std::string(href));
    }
    if (tag == HtmlTag::kTime && !datetime.empty() && page_->first_time.empty())
      page_->first_time = std::string(datetime);
  }

  HtmlPage* page_;
  std::vector<uint32_t> open_;    // element indexes, kSkipped for skipped ones
  std::vector<uint32_t> owners_;  // innermost block-level element, per open element
  std::vector<bool> link_stack_;
  int skipping_ = 0;
  int in_link_ = 0;
  int caption_depth_ = 0;
  bool link_href_ = false;
  bool pending_space_ = false;
  bool title_space_ = false;
  bool byline_space_ = false;
  bool title_seen_ = false;
  uint32_t byline_open_ = 0;
  size_t block_start_ = 0;
  size_t link_bytes_ = 0;
  Capture capture_ = Capture::kNone;
  std::string captured_;
  std::string names_;
};

Builder* Of(void* ctx) {
  auto* parser = static_cast<htmlParserCtxtPtr>(ctx);
  return static_cast<Builder*>(parser->_private);
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) { Of(ctx)->Start(name, atts); }
void OnEnd(void* ctx, const xmlChar*) { Of(ctx)->End(); }
void OnCharacters(void* ctx, const xmlChar* ch, int len) { Of(ctx)->Characters(ch, len); }

}  // namespace

void ParseHtmlPage(std::string_view utf8, HtmlPage* page) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  *page = HtmlPage();
  Builder builder(page);
  // libxml2 stops at a NUL byte; the page goes on after it.
  std::string without_nul;
  if (utf8.find('\0') != std::string_view::npos) {
    without_nul.reserve(utf8.size());
    for (char c : utf8)
      if (c != '\0') without_nul.push_back(c);
    utf8 = without_nul;
  }
  if (utf8.empty() || utf8.size() > static_cast<size_t>(INT32_MAX)) {
    builder.Finish();
    return;
  }
  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
  if (ctxt == nullptr) {
    builder.Finish();
    return;
  }
  htmlSAXHandler sax{};
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnCharacters;
  sax.ignorableWhitespace = OnCharacters;
  sax.cdataBlock = OnCharacters;
  *ctxt->sax = sax;
  ctxt->userData = ctxt;  // the callbacks get the context; the builder rides in _private
  ctxt->_private = &builder;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  builder.Finish();
}

}  // namespace annals::internal
