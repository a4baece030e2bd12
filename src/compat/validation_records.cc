#include "compat/validation_records.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "dict/fields.h"

namespace annals::compat {
namespace {

// Replaces "<!-- ... -->" with spaces, keeping line breaks so that offsets
// still give line numbers.
void BlankComments(std::string* s) {
  size_t i = 0;
  while ((i = s->find("<!--", i)) != std::string::npos) {
    size_t end = s->find("-->", i + 4);
    end = end == std::string::npos ? s->size() : end + 3;
    for (size_t k = i; k < end; ++k)
      if ((*s)[k] != '\n') (*s)[k] = ' ';
    i = end;
  }
}

uint32_t LineAt(const std::string& s, size_t offset) {
  return 1 +
         static_cast<uint32_t>(std::count(s.begin(), s.begin() + static_cast<long>(offset), '\n'));
}

// The value of name="..." inside a tag's text, or empty.
std::string Attribute(std::string_view tag, std::string_view name) {
  size_t at = 0;
  while ((at = tag.find(name, at)) != std::string_view::npos) {
    const bool starts = at == 0 || tag[at - 1] == ' ' || tag[at - 1] == '\t' || tag[at - 1] == '\n';
    size_t eq = at + name.size();
    while (eq < tag.size() && tag[eq] == ' ') ++eq;
    if (starts && eq < tag.size() && tag[eq] == '=') {
      const size_t q = tag.find('"', eq);
      const size_t q2 = q == std::string_view::npos ? q : tag.find('"', q + 1);
      if (q2 != std::string_view::npos) return std::string(tag.substr(q + 1, q2 - q - 1));
    }
    at += name.size();
  }
  return {};
}

// Text between <name> and </name> after `from`, trimmed; false when absent.
bool Element(const std::string& s, size_t from, size_t to, std::string_view name,
             std::string* out) {
  const std::string open = "<" + std::string(name) + ">", close = "</" + std::string(name) + ">";
  const size_t a = s.find(open, from);
  if (a == std::string::npos || a >= to) return false;
  const size_t b = s.find(close, a);
  if (b == std::string::npos || b > to) return false;
  *out = std::string(dict::Trim(std::string_view(s).substr(a + open.size(), b - a - open.size())));
  return true;
}

}  // namespace

Status ReadValidationFile(const std::string& path, ValidationFile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open validation file '" + path + "'");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = std::move(ss).str();
  BlankComments(&s);
  const size_t env = s.find("<Environment>");
  if (env == std::string::npos)
    return dict::LineError(path, 1, "no <Environment> naming the dictionaries");
  const size_t env_end = s.find("</Environment>", env);
  if (env_end == std::string::npos)
    return dict::LineError(path, LineAt(s, env), "<Environment> is not closed");
  Element(s, env, env_end, "Verbfile", &out->verbs);
  Element(s, env, env_end, "Actorfile", &out->actors);
  Element(s, env, env_end, "Agentfile", &out->agents);
  Element(s, env, env_end, "Discardfile", &out->discards);
  if (out->verbs.empty() || out->actors.empty())
    return dict::LineError(path, LineAt(s, env), "<Environment> needs <Verbfile> and <Actorfile>");
  size_t at = env_end;
  while ((at = s.find("<Sentence ", at)) != std::string::npos) {
    const size_t tag_end = s.find('>', at);
    const size_t end = s.find("</Sentence>", at);
    if (tag_end == std::string::npos || end == std::string::npos)
      return dict::LineError(path, LineAt(s, at), "<Sentence> is not closed");
    ValidationRecord r;
    r.line = LineAt(s, at);
    const std::string_view tag(s.data() + at, tag_end - at);
    r.id = Attribute(tag, "id");
    r.category = Attribute(tag, "category");
    const std::string date = Attribute(tag, "date");
    r.date = std::atoi(date.c_str());
    if (date.size() != 8 || r.date < 10000101)
      return dict::LineError(path, r.line, "record '" + r.id + "' needs date=\"YYYYMMDD\"");
    if (!Element(s, tag_end, end, "Text", &r.text))
      return dict::LineError(path, r.line, "record '" + r.id + "' has no <Text>");
    for (size_t e = tag_end; (e = s.find("<EventCoding", e)) != std::string::npos && e < end;) {
      const size_t close = s.find('>', e);
      const std::string_view coding(s.data() + e, close - e);
      if (Attribute(coding, "noevents") == "True") {
        r.no_events = true;
      } else if (std::string err = Attribute(coding, "error"); !err.empty()) {
        r.error = err;
      } else {
        r.expected.push_back({Attribute(coding, "sourcecode"), Attribute(coding, "targetcode"),
                              Attribute(coding, "eventcode")});
      }
      e = close;
    }
    std::sort(r.expected.begin(), r.expected.end());
    out->records.push_back(std::move(r));
    at = end;
  }
  return Status::Ok();
}

}  // namespace annals::compat
