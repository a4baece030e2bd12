#include "compat/tabari_dictionary.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "dict/fields.h"

namespace annals::compat {
namespace {

using dict::LineError;
using dict::Trim;

// The file's lines without comments: '#' to the end of the line and
// "<!-- ... -->" blocks, which may span lines.
Status ReadLines(const std::string& path, std::vector<std::pair<uint32_t, std::string>>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, "cannot open dictionary '" + path + "'");
  std::string line;
  uint32_t number = 0;
  bool in_comment = false;
  while (std::getline(in, line)) {
    ++number;
    std::string kept;
    bool in_code = false;  // "[###]" is a code, not a comment
    for (size_t i = 0; i < line.size();) {
      if (in_comment) {
        const size_t end = line.find("-->", i);
        if (end == std::string::npos) break;
        in_comment = false;
        i = end + 3;
      } else if (line.compare(i, 4, "<!--") == 0) {
        in_comment = true;
        i += 4;
      } else if (line[i] == '#' && !in_code) {
        break;
      } else {
        if (line[i] == '[') in_code = true;
        if (line[i] == ']') in_code = false;
        kept += line[i++];
      }
    }
    if (kept.find('\0') != std::string::npos) return LineError(path, number, "NUL byte");
    const std::string_view t = Trim(kept);
    if (!t.empty()) out->emplace_back(number, std::string(t));
  }
  return Status::Ok();
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '\t') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// The text inside the first [...] and the text before it.
bool SplitCode(std::string_view line, std::string_view* before, std::string_view* code) {
  const size_t open = line.find('[');
  if (open == std::string_view::npos) return false;
  const size_t close = line.find(']', open);
  if (close == std::string_view::npos) return false;
  *before = Trim(line.substr(0, open));
  *code = Trim(line.substr(open + 1, close - open - 1));
  return true;
}

// yymmdd (19yy from 30, else 20yy) or yyyymmdd.
bool ParseDate(std::string_view s, int* out) {
  s = Trim(s);
  if (s.size() != 6 && s.size() != 8) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (s.size() == 6) v += (v / 10000 >= 30 ? 1900 : 2000) * 10000;
  *out = v;
  return true;
}

// "ISR", "HOB < 950601", "HOBGOV 19950601 - 19990815", "HOBREB > 990816".
bool ParseDatedCode(std::string_view text, DatedCode* out) {
  size_t i = 0;
  while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '<' && text[i] != '>')
    ++i;
  out->code = std::string(text.substr(0, i));
  std::string_view rest = Trim(text.substr(i));
  if (rest.empty()) return !out->code.empty();
  if (rest[0] == '<' || rest[0] == '>') {
    int d = 0;
    if (!ParseDate(rest.substr(1), &d)) return false;
    (rest[0] == '<' ? out->to : out->from) = rest[0] == '<' ? d - 1 : d + 1;
    return true;
  }
  const size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return false;
  return ParseDate(rest.substr(0, dash), &out->from) && ParseDate(rest.substr(dash + 1), &out->to);
}

// Regular English plural of a phrase's last word.
std::string Plural(const std::string& w) {
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("Y") && w.size() > 1 &&
      std::string_view("AEIOU").find(w[w.size() - 2]) == std::string_view::npos)
    return w.substr(0, w.size() - 1) + "IES";
  if (ends("S") || ends("SH") || ends("CH") || ends("X") || ends("Z")) return w + "ES";
  return w + "S";
}

// Regular verb forms: -S/-ES, -ED/-D, -ING.
std::vector<std::string> VerbForms(const std::string& w) {
  std::vector<std::string> out = {w, Plural(w)};
  const bool e = !w.empty() && w.back() == 'E';
  out.push_back(e ? w + "D" : w + "ED");
  out.push_back(e ? w.substr(0, w.size() - 1) + "ING" : w + "ING");
  return out;
}

}  // namespace

Phrase ParsePhrase(std::string_view text) {
  Phrase p;
  text = Trim(text);
  p.stem = text.empty() || text.back() != '_';
  p.words = SplitWords(text);
  // Which separator came before each word.
  p.loose.assign(p.words.size(), false);
  size_t word = 0;
  bool in_word = false, space = false;
  for (char c : text) {
    const bool sep = c == ' ' || c == '_' || c == '\t';
    if (sep) {
      if (in_word) ++word;
      in_word = false;
      space |= c != '_';
    } else {
      if (!in_word && word > 0 && word < p.loose.size()) p.loose[word] = space;
      if (!in_word) space = false;
      in_word = true;
    }
  }
  return p;
}

std::string TabariActor::CodeOn(int date) const {
  const DatedCode* open = nullptr;
  for (const DatedCode& c : codes) {
    if (!c.from && !c.to) {
      open = &c;
      continue;
    }
    if (date && (!c.from || c.from <= date) && (!c.to || date <= c.to)) return c.code;
  }
  return open ? open->code : std::string();
}

Status TabariDictionary::LoadActors(const std::string& path) {
  actor_file_ = path;
  std::vector<std::pair<uint32_t, std::string>> lines;
  if (Status s = ReadLines(path, &lines); !s.ok()) return s;
  for (const auto& [n, line] : lines) {
    Status st = [&, n = n, &line = line]() -> Status {
      std::string_view before, code;
      const bool has_code = SplitCode(line, &before, &code);
      if (line[0] == '+' || line[0] == '[') {
        if (actors_.empty()) return LineError(path, n, "a synonym or code before any actor");
        TabariActor& a = actors_.back();
        if (line[0] == '+') {
          Phrase p = ParsePhrase(has_code ? before.substr(1) : std::string_view(line).substr(1));
          if (p.words.empty()) return LineError(path, n, "a synonym without words");
          a.names.push_back(std::move(p));
          if (!has_code) return Status::Ok();
        }
        DatedCode d;
        if (!has_code || !ParseDatedCode(code, &d))
          return LineError(path, n, "cannot read the code '" + line + "'");
        a.codes.push_back(std::move(d));
        return Status::Ok();
      }
      TabariActor a;
      a.line = n;
      a.names.push_back(ParsePhrase(has_code ? before : std::string_view(line)));
      if (a.names.back().words.empty()) return LineError(path, n, "an actor without a name");
      if (has_code) {
        DatedCode d;
        if (!ParseDatedCode(code, &d))
          return LineError(path, n, "cannot read the code '" + std::string(code) + "'");
        a.codes.push_back(std::move(d));
      }
      actors_.push_back(std::move(a));
      return Status::Ok();
    }();
    if (!st.ok()) {
      if (!lenient_) return st;
      warnings_.push_back(st.message());
    }
  }
  return Status::Ok();
}

Status TabariDictionary::LoadAgents(const std::string& path) {
  std::vector<std::pair<uint32_t, std::string>> lines;
  if (Status s = ReadLines(path, &lines); !s.ok()) return s;
  std::unordered_map<std::string, std::vector<std::string>> macros;
  for (const auto& [n, line] : lines) {
    Status st = [&, n = n, &line = line]() -> Status {
      const size_t eq = line.find('=');
      if (line[0] == '!' && eq != std::string::npos && line.find('[') == std::string::npos) {
        std::vector<std::string>& alts =
            macros[std::string(Trim(std::string_view(line).substr(0, eq)))];
        std::stringstream ss(line.substr(eq + 1));
        std::string item;
        while (std::getline(ss, item, ',')) {
          if (!Trim(item).empty()) alts.emplace_back(Trim(item));
        }
        return Status::Ok();
      }
      std::string_view before, code;
      if (!SplitCode(line, &before, &code)) return LineError(path, n, "an agent needs a [~CODE]");
      TabariAgent a;
      a.line = n;
      std::string c(code);
      c.erase(std::remove(c.begin(), c.end(), ' '), c.end());
      if (!c.empty() && c.front() == '~') {
        a.code = c.substr(1);
      } else if (!c.empty() && c.back() == '~') {
        a.code = c.substr(0, c.size() - 1);
        a.before = true;
      } else {
        return LineError(path, n, "agent code '" + c + "' needs a '~' before or after it");
      }
      std::string phrase(before);
      std::vector<std::string> plurals;
      bool explicit_plurals = false;
      if (const size_t open = phrase.find('{'); open != std::string::npos) {
        const size_t close = phrase.find('}', open);
        if (close == std::string::npos) return LineError(path, n, "'{' without '}'");
        explicit_plurals = true;
        std::stringstream ss(phrase.substr(open + 1, close - open - 1));
        std::string p;
        while (ss >> p) plurals.push_back(p);
        phrase = std::string(Trim(phrase.substr(0, open)));
      }
      // Expand a !MACRO! into each of its words.
      std::vector<std::string> expanded = {phrase};
      for (const auto& [name, alts] : macros) {
        std::vector<std::string> next;
        for (const std::string& e : expanded) {
          const size_t at = e.find(name);
          if (at == std::string::npos) {
            next.push_back(e);
            continue;
          }
          for (const std::string& alt : alts)
            next.push_back(e.substr(0, at) + alt + e.substr(at + name.size()));
        }
        expanded = std::move(next);
      }
      for (const std::string& e : expanded) {
        Phrase p = ParsePhrase(e);
        p.stem = false;  // agents match their forms exactly: "POLICES" is no plural of POLICE
        if (p.words.empty()) return LineError(path, n, "an agent without a name");
        a.names.push_back(p);
        if (!explicit_plurals) {
          Phrase pl = p;
          pl.words.back() = Plural(pl.words.back());
          a.names.push_back(std::move(pl));
        }
      }
      for (const std::string& p : plurals) {
        Phrase plural = ParsePhrase(p);
        if (plural.words.empty()) return LineError(path, n, "a plural without words");
        plural.stem = false;
        a.names.push_back(std::move(plural));
      }
      agents_.push_back(std::move(a));
      return Status::Ok();
    }();
    if (!st.ok()) {
      if (!lenient_) return st;
      warnings_.push_back(st.message());
    }
  }
  return Status::Ok();
}

Status TabariDictionary::LoadDiscards(const std::string& path) {
  std::vector<std::pair<uint32_t, std::string>> lines;
  if (Status s = ReadLines(path, &lines); !s.ok()) return s;
  for (const auto& [n, line] : lines) {
    Status st = [&, n = n, &line = line]() -> Status {
      const bool story = line[0] == '+';
      Phrase p = ParsePhrase(story ? std::string_view(line).substr(1) : std::string_view(line));
      p.stem = false;
      if (p.words.empty()) return LineError(path, n, "an empty discard");
      (story ? story_discards_ : discards_).push_back(std::move(p));
      return Status::Ok();
    }();
    if (!st.ok()) {
      if (!lenient_) return st;
      warnings_.push_back(st.message());
    }
  }
  return Status::Ok();
}

namespace {

bool ParsePattern(std::string_view text, VerbPattern* p, std::string* why) {
  bool after = false;
  // "*SCEPTICAL" (no space) is "* SCEPTICAL".
  std::string spaced;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool star = text[i] == '*';
    if (star && i > 0 && text[i - 1] != ' ' && text[i - 1] != '_') spaced += ' ';
    spaced += text[i];
    if (star && i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '_') spaced += ' ';
  }
  std::stringstream ss{spaced};
  std::string token;
  while (ss >> token) {
    // "NOT_*" is NOT joined to the verb; "IN_*_OUT" joins three.
    size_t start = 0;
    while (start <= token.size()) {
      const size_t us = token.find('_', start);
      const std::string part =
          token.substr(start, us == std::string::npos ? std::string::npos : us - start);
      const bool joined = us != std::string::npos && us + 1 < token.size();
      start = us == std::string::npos ? token.size() + 1 : us + 1;
      if (part.empty()) continue;
      if (part == "*") {
        if (after) {
          *why = "two '*' in one pattern";
          return false;
        }
        after = true;
        p->after_joined = joined;
        continue;
      }
      PatternElement e;
      e.joined = joined;
      if (part == "+") {
        e.kind = PatternElement::kTarget;
      } else if (part == "$") {
        e.kind = PatternElement::kSource;
      } else if (part == "%") {
        e.kind = PatternElement::kCompound;
      } else if (part == "^") {
        e.kind = PatternElement::kSkip;
      } else if (part[0] == '&') {
        e.kind = PatternElement::kSynset;
        e.word = part;
      } else {
        e.word = part;
        for (char& c : e.word)
          if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      (after ? p->after : p->before).push_back(std::move(e));
    }
  }
  if (!after) {
    *why = "a pattern needs '*' for the verb";
    return false;
  }
  return true;
}

}  // namespace

Status TabariDictionary::LoadVerbs(const std::string& path) {
  verb_file_ = path;
  std::vector<std::pair<uint32_t, std::string>> lines;
  if (Status s = ReadLines(path, &lines); !s.ok()) return s;
  std::vector<std::vector<std::string>>* synset = nullptr;
  TabariVerb* verb = nullptr;
  for (const auto& [n, line] : lines) {
    Status st = [&, n = n, &line = line]() -> Status {
      std::string_view before, code;
      if (line.compare(0, 3, "---") == 0) {
        synset = nullptr;
        TabariVerb v;
        v.line = n;
        if (!SplitCode(line, &before, &code))
          return LineError(path, n, "a verb header needs [CODE]");
        v.code = code == "---" ? std::string() : std::string(code);
        verbs_.push_back(std::move(v));
        verb = &verbs_.back();
        return Status::Ok();
      }
      if (line[0] == '&') {
        verb = nullptr;
        std::string name = SplitWords(line).front();
        while (!name.empty() && name.back() == '_') name.pop_back();
        synset = &synsets_[name];
        return Status::Ok();
      }
      if (line[0] == '+' && synset != nullptr) {
        std::vector<std::string> member = SplitWords(std::string_view(line).substr(1));
        if (member.empty()) return LineError(path, n, "a synset member without words");
        synset->push_back(std::move(member));
        return Status::Ok();
      }
      if (verb == nullptr)
        return LineError(path, n, "'" + line + "' is outside any verb or synset");
      if (line[0] == '-') {
        VerbPattern p;
        p.line = n;
        if (!SplitCode(line, &before, &code)) return LineError(path, n, "a pattern needs [CODE]");
        p.code = code == "---" ? std::string() : std::string(code);
        std::string why;
        if (!ParsePattern(before.substr(1), &p, &why)) return LineError(path, n, why);
        verb->patterns.push_back(std::move(p));
        return Status::Ok();
      }
      // A verb and its forms: "BREAK { BROKE BROKEN }", "+BREAK_DOWN {+BROKE_DOWN}".
      std::string text = line;
      text.erase(std::remove(text.begin(), text.end(), '+'), text.end());
      // "DOWNPLAY [014]": a form may carry a code of its own; the words are
      // what matter here.
      if (const size_t code_at = text.find('['); code_at != std::string::npos) {
        const size_t code_end = text.find(']', code_at);
        text.erase(code_at,
                   code_end == std::string::npos ? std::string::npos : code_end - code_at + 1);
      }
      std::vector<std::string> forms;
      const size_t open = text.find('{');
      const bool explicit_forms = open != std::string::npos;
      std::string base = std::string(Trim(std::string_view(text).substr(0, open)));
      if (explicit_forms) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) return LineError(path, n, "'{' without '}'");
        std::stringstream ss(text.substr(open + 1, close - open - 1));
        std::string f;
        while (ss >> f) forms.push_back(f);
      }
      Phrase p = ParsePhrase(base);
      if (p.words.empty()) return LineError(path, n, "a verb without words");
      p.stem = false;
      // Regular forms of the verb (its first word), and any given ones.
      const bool no_regular = !base.empty() && base.back() == '_';
      for (const std::string& w :
           no_regular ? std::vector<std::string>{p.words.front()} : VerbForms(p.words.front())) {
        Phrase f = p;
        f.words.front() = w;
        verb->forms.push_back(std::move(f));
      }
      for (const std::string& f : forms) {
        Phrase q = ParsePhrase(f);
        q.stem = false;
        if (!q.words.empty()) verb->forms.push_back(std::move(q));
      }
      return Status::Ok();
    }();
    if (!st.ok()) {
      if (!lenient_) return st;
      warnings_.push_back(st.message());
    }
  }
  return Status::Ok();
}

const std::vector<std::vector<std::string>>* TabariDictionary::Synset(
    const std::string& name) const {
  auto it = synsets_.find(name);
  return it == synsets_.end() ? nullptr : &it->second;
}

}  // namespace annals::compat
