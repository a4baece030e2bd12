// Page metadata: title, author, published date, canonical URL, language.
//
// Each field is looked for in the places that state it most deliberately
// first: schema.org JSON-LD (written for search engines, usually right),
// then Open Graph and other <meta> tags, then microdata (itemprop), then
// the markup itself (<h1>, <title>, <time>, a byline element, <html lang>).
// Values are kept as written; only white space is tidied, and a language
// tag written the POSIX way ("en_US") is made BCP 47.
//
// JSON-LD is parsed with nlohmann-json after the nesting check the JSON
// Lines reader uses, and walked without recursion.
//
// Tested by html_metadata_test.cc.
#include <cctype>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_internal.h"
#include "ingest/ingest_internal.h"

namespace annals::internal {
namespace {

using Json = nlohmann::json;

std::string Tidy(std::string_view s, size_t limit = 1024) {
  std::string out;
  bool space = false;
  for (const char c : TrimSpace(s)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) continue;
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
    if (out.size() >= limit) break;
  }
  // Cutting at `limit` may split a UTF-8 sequence.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  return out;
}

std::string MetaValue(const HtmlPage& page, std::initializer_list<std::string_view> names) {
  for (const std::string_view name : names)
    for (const auto& [key, value] : page.meta)
      if (key == name && !TrimSpace(value).empty()) return Tidy(value);
  return {};
}

bool LooksLikeUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//");
}

// A JSON-LD value as text: a string, or an object's "name" / "@id".
std::string NameOf(const Json& v) {
  if (v.is_string()) return Tidy(v.get<std::string>());
  if (v.is_object()) {
    for (const char* key : {"name", "@value"})
      if (auto it = v.find(key); it != v.end() && it->is_string())
        return Tidy(it->get<std::string>());
  }
  return {};
}

std::string AuthorsOf(const Json& v) {
  std::string out;
  auto add = [&](const Json& one) {
    std::string name = NameOf(one);
    if (name.empty() || LooksLikeUrl(name) || out.find(name) != std::string::npos) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  if (v.is_array()) {
    for (const Json& one : v) add(one);
  } else {
    add(v);
  }
  return out;
}

bool IsArticleType(const Json& type) {
  auto check = [](const Json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting" || s == "SocialMediaPosting";
  };
  if (type.is_array()) {
    for (const Json& t : type)
      if (check(t)) return true;
    return false;
  }
  return check(type);
}

// The article object of the page's JSON-LD blocks: the first object typed
// as an article, walking arrays and @graph lists breadth-first.
Json FindArticle(const std::vector<std::string>& blocks) {
  for (const std::string& text : blocks) {
    if (JsonTooDeep(text, kMaxJsonDepth)) continue;
    Json root = Json::parse(text, nullptr, false);
    if (root.is_discarded()) continue;
    std::vector<const Json*> queue = {&root};
    for (size_t i = 0; i < queue.size() && i < 4096; ++i) {
      const Json& v = *queue[i];
      if (v.is_array()) {
        for (const Json& x : v) queue.push_back(&x);
      } else if (v.is_object()) {
        if (auto t = v.find("@type"); t != v.end() && IsArticleType(*t)) return v;
        if (auto g = v.find("@graph"); g != v.end()) queue.push_back(&*g);
      }
    }
  }
  return Json();
}

std::string StringField(const Json& obj, std::initializer_list<const char*> keys) {
  if (!obj.is_object()) return {};
  for (const char* key : keys) {
    auto it = obj.find(key);
    if (it == obj.end()) continue;
    if (it->is_string() && !TrimSpace(it->get_ref<const std::string&>()).empty())
      return Tidy(it->get<std::string>());
    if (it->is_object()) {
      if (auto id = it->find("@id"); id != it->end() && id->is_string())
        return Tidy(id->get<std::string>());
    }
  }
  return {};
}

// "en_US" -> "en-US"; empty unless it looks like a language tag.
std::string LanguageTag(std::string_view raw) {
  std::string tag = Tidy(raw, 35);
  for (char& c : tag)
    if (c == '_') c = '-';
  if (tag.size() < 2) return {};
  size_t letters = 0;
  while (letters < tag.size() && std::isalpha(static_cast<unsigned char>(tag[letters]))) ++letters;
  if (letters < 2 || letters > 3) return {};
  for (const char c : tag)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return {};
  return tag;
}

std::string FirstNonEmpty(std::initializer_list<std::string> values) {
  for (const std::string& v : values)
    if (!v.empty()) return v;
  return {};
}

std::string StripBy(std::string byline) {
  std::string lower;
  for (char c : byline.substr(0, 3))
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "by ") byline.erase(0, 3);
  return Tidy(byline, 200);
}

}  // namespace

std::string ResolveUrl(std::string_view base, std::string_view ref) {
  ref = TrimSpace(ref);
  if (ref.empty()) return std::string(base);
  const size_t colon = ref.find(':');
  const size_t slash = ref.find('/');
  if (colon != std::string_view::npos && colon > 0 &&
      (slash == std::string_view::npos || colon < slash))
    return std::string(ref);  // has a scheme
  const size_t scheme_end = base.find("://");
  if (base.empty() || scheme_end == std::string_view::npos) return std::string(ref);
  if (ref.starts_with("//")) return std::string(base.substr(0, scheme_end + 1)) + std::string(ref);
  const size_t host_end = base.find('/', scheme_end + 3);
  const std::string_view origin = base.substr(0, host_end);
  if (ref.starts_with('/')) return std::string(origin) + std::string(ref);
  if (host_end == std::string_view::npos) return std::string(origin) + "/" + std::string(ref);
  std::string_view dir = base.substr(0, base.find_first_of("?#", host_end));
  dir = dir.substr(0, dir.rfind('/') + 1);
  return std::string(dir) + std::string(ref);
}

void ReadHtmlMetadata(const HtmlPage& page, const HtmlOptions& options, HtmlArticle* out,
                      std::string* article_body) {
  const Json article = FindArticle(page.json_ld);
  article_body->clear();
  if (auto it = article.is_object() ? article.find("articleBody") : article.end();
      article.is_object() && it != article.end() && it->is_string()) {
    *article_body = it->get<std::string>();
  }

  out->title = FirstNonEmpty({StringField(article, {"headline", "name"}),
                              MetaValue(page, {"og:title", "twitter:title"}), Tidy(page.first_h1),
                              Tidy(page.title)});

  std::string author;
  if (article.is_object()) {
    if (auto it = article.find("author"); it != article.end()) author = AuthorsOf(*it);
    if (author.empty())
      if (auto it = article.find("creator"); it != article.end()) author = AuthorsOf(*it);
  }
  if (author.empty()) {
    for (const auto& [key, value] : page.meta) {
      if ((key == "author" || key == "article:author" || key == "dc.creator" ||
           key == "itemprop:author" || key == "byl") &&
          !LooksLikeUrl(value) && !TrimSpace(value).empty()) {
        author = StripBy(value);
        break;
      }
    }
  }
  if (author.empty()) author = StripBy(page.byline);
  out->author = author;

  out->published = FirstNonEmpty(
      {StringField(article, {"datePublished", "dateCreated"}),
       MetaValue(page,
                 {"article:published_time", "og:article:published_time", "itemprop:datepublished",
                  "datepublished", "pubdate", "publishdate", "publish-date", "dc.date.issued",
                  "dc.date", "dcterms.created", "date", "sailthru.date", "parsely-pub-date"}),
       Tidy(page.first_time, 64)});

  std::string url = FirstNonEmpty({MetaValue(page, {"link:canonical", "og:url"}),
                                   StringField(article, {"url", "mainEntityOfPage"})});
  out->url = url.empty() ? options.url : ResolveUrl(options.url, url);

  std::string in_language;
  if (article.is_object())
    if (auto it = article.find("inLanguage"); it != article.end()) in_language = NameOf(*it);
  out->language =
      FirstNonEmpty({LanguageTag(page.lang),
                     LanguageTag(MetaValue(
                         page, {"http-equiv:content-language", "content-language", "language"})),
                     LanguageTag(MetaValue(page, {"og:locale"})), LanguageTag(in_language)});
}

}  // namespace annals::internal
