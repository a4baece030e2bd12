// HTML fragments to plain text; see html_fragment.h.
#include "ingest/html_fragment.h"

#include <cctype>
#include <cstdint>
#include <string>

namespace annals::internal {
namespace {

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

struct Named {
  std::string_view name;
  uint32_t cp;
};
constexpr Named kNamed[] = {
    {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
    {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
    {"rdquo", 0x201D},  {"pound", 0xA3},   {"euro", 0x20AC},  {"copy", 0xA9},
};

// Length of the reference at s[0] ('&') and its code point; 0 if none.
size_t ParseReference(std::string_view s, uint32_t* cp) {
  const size_t semi = s.substr(0, 12).find(';');
  if (semi == std::string_view::npos || semi < 2) return 0;
  const std::string_view body = s.substr(1, semi - 1);
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    uint32_t v = 0;
    for (const char c : digits) {
      const auto u = static_cast<unsigned char>(c);
      int d = std::isdigit(u) ? c - '0' : -1;
      if (hex && d < 0 && std::isxdigit(u)) d = std::tolower(u) - 'a' + 10;
      if (d < 0) return 0;
      v = v * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (v > 0x10FFFF) return 0;
    }
    // NUL, surrogates and C0 controls other than white space are no text.
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF) || (v < 0x20 && v != '\t' && v != '\n')) return 0;
    *cp = v;
    return semi + 1;
  }
  for (const Named& n : kNamed) {
    if (body == n.name) {
      *cp = n.cp;
      return semi + 1;
    }
  }
  return 0;
}

bool TagIs(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names)
    if (name == n) return true;
  return false;
}

// Adds `text` to the paragraph being built, collapsing white space.
void AppendText(std::string_view text, std::string* para) {
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (space) {
      if (!para->empty() && para->back() != ' ') para->push_back(' ');
    } else {
      para->push_back(c);
    }
  }
}

void EndParagraph(std::string* para, std::string* out) {
  while (!para->empty() && para->back() == ' ') para->pop_back();
  if (para->empty()) return;
  if (!out->empty()) *out += "\n\n";
  *out += *para;
  para->clear();
}

}  // namespace

bool LooksLikeHtml(std::string_view s) {
  for (size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size();
       i = s.find('<', i + 1)) {
    const auto c = static_cast<unsigned char>(s[i + 1]);
    if (std::isalpha(c) || c == '/' || c == '!') return true;
  }
  return false;
}

std::string DecodeCharacterReferences(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    const size_t n = s[i] == '&' ? ParseReference(s.substr(i), &cp) : 0;
    if (n == 0) {
      out.push_back(s[i++]);
      continue;
    }
    AppendUtf8(cp, &out);
    i += n;
  }
  return out;
}

std::string HtmlFragmentToText(std::string_view html) {
  std::string out, para, raw;
  size_t i = 0;
  while (i < html.size()) {
    const size_t lt = html.find('<', i);
    raw.assign(html.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i));
    if (!raw.empty()) {
      // A NBSP decoded from &nbsp; is white space to the reader.
      std::string text = DecodeCharacterReferences(raw);
      for (size_t p; (p = text.find("\xC2\xA0")) != std::string::npos;) text.replace(p, 2, " ");
      AppendText(text, &para);
    }
    if (lt == std::string_view::npos) break;
    if (html.substr(lt, 4) == "<!--") {
      const size_t end = html.find("-->", lt + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const size_t gt = html.find('>', lt + 1);
    if (gt == std::string_view::npos) break;  // a cut-off tag is no text
    std::string_view tag = html.substr(lt + 1, gt - lt - 1);
    const bool closing = tag.starts_with('/');
    if (closing) tag.remove_prefix(1);
    size_t name_end = 0;
    while (name_end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[name_end])))
      ++name_end;
    std::string name(tag.substr(0, name_end));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    i = gt + 1;
    if (!closing && TagIs(name, {"script", "style"})) {
      const std::string end_tag = "</" + name;
      size_t end = i;
      // Case-insensitive search for the end tag.
      while (end < html.size()) {
        end = html.find("</", end);
        if (end == std::string_view::npos) break;
        std::string candidate(html.substr(end, end_tag.size()));
        for (char& c : candidate)
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (candidate == end_tag) break;
        end += 2;
      }
      if (end == std::string_view::npos || end >= html.size()) break;
      const size_t close = html.find('>', end);
      i = close == std::string_view::npos ? html.size() : close + 1;
      continue;
    }
    if (TagIs(name, {"p",     "div",     "br",      "li",     "ul",     "ol",         "h1",
                     "h2",    "h3",      "h4",      "h5",     "h6",     "blockquote", "tr",
                     "table", "section", "article", "header", "footer", "figure",     "figcaption",
                     "pre",   "hr",      "title",   "body",   "head",   "html"}))
      EndParagraph(&para, &out);
  }
  EndParagraph(&para, &out);
  return out;
}

}  // namespace annals::internal
