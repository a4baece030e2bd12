// Feed reader: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 to Documents,
// one per item or entry.
//
// libxml2 parses the whole feed into a tree (feeds are small; the file is
// already in memory) with no network access, no DTD loading and no entity
// substitution; a feed that declares entities at all is refused before
// parsing, which rules out "billion laughs" and external entities whatever
// the library version. libxml2 limits element depth (256) itself, and the
// tree is walked without recursion.
//
// Fields: title; link (Atom: the alternate link's href); guid / Atom id as
// the document id (else the link); pubDate (RFC 822), dc:date, Atom
// published or updated; author, dc:creator or Atom author/name into
// metadata "author"; the channel's or feed's title as source. The text is
// content:encoded, else Atom content, else description or summary. Feed
// text is usually HTML: it goes to ExtractHtmlArticle, and when that finds
// no article (a fragment of two paragraphs has no page around it) to
// HtmlFragmentToText, which keeps every text node.
//
// Tested by feed_reader_test.cc.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>

#include "annals/html.h"
#include "annals/ingest.h"
#include "ingest/html_fragment.h"
#include "ingest/ingest_internal.h"

namespace annals {
namespace {

std::string_view Name(const xmlNode* n) {
  return n->name ? reinterpret_cast<const char*>(n->name) : "";
}

std::string_view Prefix(const xmlNode* n) {
  return n->ns && n->ns->prefix ? reinterpret_cast<const char*>(n->ns->prefix) : "";
}

std::string_view Attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0 && a->children &&
        a->children->type == XML_TEXT_NODE && a->children->content)
      return reinterpret_cast<const char*>(a->children->content);
  }
  return {};
}

bool IsBlock(std::string_view name) {
  for (std::string_view b :
       {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"})
    if (name == b) return true;
  return false;
}

// The text of `node`'s descendants, without recursion; block elements
// (Atom xhtml content) separate paragraphs.
std::string TextOf(const xmlNode* node) {
  std::string out;
  const xmlNode* n = node->children;
  while (n != nullptr && n != node) {
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      out += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE && IsBlock(Name(n))) {
      out += "\n\n";
    }
    if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n != node && n->next == nullptr) n = n->parent;
    if (n != nullptr && n != node) n = n->next;
  }
  return out;
}

const xmlNode* FirstChild(const xmlNode* parent, std::string_view name,
                          std::string_view prefix = {}) {
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && Name(c) == name && (prefix.empty() || Prefix(c) == prefix))
      return c;
  return nullptr;
}

std::string ChildText(const xmlNode* parent, std::string_view name, std::string_view prefix = {}) {
  const xmlNode* c = FirstChild(parent, name, prefix);
  return c ? std::string(internal::TrimSpace(TextOf(c))) : std::string();
}

// Item text as plain text: markup through the page extractor, else the
// fragment converter; plain text as it is.
std::string PlainText(const std::string& text, const ReadOptions& options) {
  if (!internal::LooksLikeHtml(text)) return std::string(internal::TrimSpace(text));
  HtmlOptions ho;
  ho.max_bytes = options.max_document_bytes;
  ho.declared_charset = "utf-8";
  HtmlArticle article;
  if (ExtractHtmlArticle(text, ho, &article).ok() && !internal::IsBlank(article.text))
    return article.text;
  return internal::HtmlFragmentToText(text);
}

struct FeedKind {
  bool atom = false;
  std::string source;
};

void ReadItem(const xmlNode* item, const FeedKind& kind, uint64_t record, const std::string& path,
              const ReadOptions& options, RecordSink& sink) {
  Document doc = internal::NewDocument(path, record, "feed", options);
  doc.source = kind.source;
  doc.title = ChildText(item, "title");
  if (internal::LooksLikeHtml(doc.title)) doc.title = internal::HtmlFragmentToText(doc.title);
  std::string id, date, author, body;
  if (kind.atom) {
    for (const xmlNode* c = item->children; c != nullptr; c = c->next) {
      if (c->type != XML_ELEMENT_NODE || Name(c) != "link") continue;
      const std::string_view rel = Attr(c, "rel");
      if (doc.url.empty() || rel == "alternate") doc.url = std::string(Attr(c, "href"));
      if (rel.empty() || rel == "alternate") break;
    }
    id = ChildText(item, "id");
    date = ChildText(item, "published");
    if (date.empty()) date = ChildText(item, "updated");
    if (const xmlNode* a = FirstChild(item, "author")) author = ChildText(a, "name");
    body = ChildText(item, "content");
    if (body.empty()) body = ChildText(item, "summary");
  } else {
    doc.url = ChildText(item, "link");
    id = ChildText(item, "guid");
    if (id.empty()) id = std::string(Attr(item, "about"));  // RSS 1.0 rdf:about
    date = ChildText(item, "pubDate");
    if (date.empty()) date = ChildText(item, "date", "dc");
    author = ChildText(item, "creator", "dc");
    if (author.empty()) author = ChildText(item, "author");
    body = ChildText(item, "encoded", "content");
    if (body.empty()) body = ChildText(item, "description");
  }
  if (id.empty()) id = doc.url;
  if (!id.empty()) {
    doc.id = id;
    doc.origin.id_given = true;
  }
  if (!date.empty()) internal::SetPublished(date, doc);
  if (!author.empty()) doc.metadata.emplace_back("author", internal::JsonQuote(author));
  doc.text = PlainText(body, options);
  auto fail = [&](const Status& st) {
    sink.OnError(internal::MakeError(path, record, st.code(), st.message()));
  };
  if (doc.text.size() > options.max_document_bytes)
    return fail(internal::TooLarge(doc.text.size(), options.max_document_bytes, "item text"));
  if (internal::IsBlank(doc.text))
    return fail(Status(ErrorCode::kEmptyDocument,
                       "feed item has no text (no content, "
                       "description or summary)"));
  doc.dateline_place = internal::BodyDatelinePlace(doc.text);
  sink.OnDocument(std::move(doc));
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

void ReadFeed(std::string_view bytes, const std::string& path, const ReadOptions& options,
              RecordSink& sink) {
  auto fail = [&](std::string message) {
    sink.OnError(internal::MakeError(path, 0, ErrorCode::kBadFeed, std::move(message)));
  };
  if (bytes.size() > INT_MAX) return fail("feed over 2 GB");
  if (bytes.find("<!ENTITY") != std::string_view::npos)
    return fail(
        "feed declares XML entities (<!ENTITY>): refused, since expanding them can "
        "blow up (billion laughs) or read files");
  InitLibxml();
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return fail("cannot create an XML parser");
  const int flags = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDocPtr xml = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()),
                                    path.c_str(), nullptr, flags);
  if (xml == nullptr || !ctxt->wellFormed) {
    std::string why = "not well-formed XML";
    const xmlError* e = xmlCtxtGetLastError(ctxt);
    if (e != nullptr && e->message != nullptr) {
      std::string msg = internal::WithoutNul(e->message);
      while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
      why += " (line " + std::to_string(e->line) + ": " + msg + ")";
    }
    if (xml != nullptr) xmlFreeDoc(xml);
    xmlFreeParserCtxt(ctxt);
    return fail(std::move(why));
  }
  xmlFreeParserCtxt(ctxt);
  const xmlNode* root = xmlDocGetRootElement(xml);
  FeedKind kind;
  const xmlNode* items_parent = nullptr;
  std::string_view item_name;
  const std::string_view root_name = root ? Name(root) : "";
  if (root_name == "rss") {
    items_parent = FirstChild(root, "channel");
    item_name = "item";
    if (items_parent) kind.source = ChildText(items_parent, "title");
  } else if (root_name == "RDF") {
    items_parent = root;  // RSS 1.0: items are siblings of the channel
    item_name = "item";
    if (const xmlNode* ch = FirstChild(root, "channel")) kind.source = ChildText(ch, "title");
  } else if (root_name == "feed") {
    items_parent = root;
    item_name = "entry";
    kind.atom = true;
    kind.source = ChildText(root, "title");
  }
  if (items_parent == nullptr) {
    // The message first: root_name points into the document.
    std::string why =
        "not an RSS or Atom feed (root element <" + std::string(root_name.substr(0, 40)) + ">)";
    xmlFreeDoc(xml);
    return fail(std::move(why));
  }
  kind.source = internal::LooksLikeHtml(kind.source) ? internal::HtmlFragmentToText(kind.source)
                                                     : kind.source;
  uint64_t record = 0;
  for (const xmlNode* c = items_parent->children; c != nullptr && !sink.Cancelled(); c = c->next) {
    if (c->type == XML_ELEMENT_NODE && Name(c) == item_name)
      ReadItem(c, kind, ++record, path, options, sink);
  }
  xmlFreeDoc(xml);
  if (record == 0) fail("feed has no items");
}

}  // namespace annals
