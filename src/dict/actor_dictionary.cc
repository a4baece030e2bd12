#include "dict/actor_dictionary.h"

#include <algorithm>
#include <filesystem>

#include "annals/document.h"
#include "dict/fields.h"
#include "text/tokenizer.h"

namespace annals::dict {
namespace {

bool IsCode(std::string_view c) {
  if (c.empty() || c.size() % 3 != 0) return false;
  for (char ch : c)
    if (!((ch >= 'A' && ch <= 'Z') || ch == '-')) return false;
  return true;
}

// A name in capitals only ("US", "U.S.", "UN"): at least two letters and
// no lower-case letter.
bool CapitalsOnly(std::string_view name) {
  int letters = 0;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

struct Words {
  std::vector<std::string> lower, surface;
};
Words Split(std::string_view name) {
  std::vector<Token> tokens;
  internal::TokenizeSpan(name, Span{0, static_cast<uint32_t>(name.size())}, &tokens);
  Words w;
  for (const Token& t : tokens) {
    std::string_view s =
        t.norm.empty() ? name.substr(t.span.begin, t.span.size()) : std::string_view(t.norm);
    w.surface.emplace_back(s);
    std::string l;
    LowerAscii(s, &l);
    w.lower.push_back(std::move(l));
  }
  return w;
}

std::string Join(const std::vector<std::string>& words) {
  std::string k;
  for (const std::string& w : words) {
    if (!k.empty()) k += ' ';
    k += w;
  }
  return k;
}

}  // namespace

std::string_view ActorKindName(ActorKind kind) {
  switch (kind) {
    case ActorKind::kCountry:
      return "country";
    case ActorKind::kDemonym:
      return "demonym";
    case ActorKind::kCapital:
      return "capital";
    case ActorKind::kInstitution:
      return "institution";
    case ActorKind::kOrganisation:
      return "organisation";
    case ActorKind::kGroup:
      return "group";
    case ActorKind::kAgent:
      return "agent";
    case ActorKind::kPerson:
      return "person";
  }
  return "?";
}

void LowerAscii(std::string_view in, std::string* out) {
  out->assign(in);
  for (char& c : *out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

Status ActorDictionary::AddName(std::string_view name, uint32_t entry, bool surname,
                                const std::string& file, uint32_t line) {
  Words w = Split(name);
  if (w.lower.empty()) return LineError(file, line, "empty name");
  Name n{entry, surname, CapitalsOnly(name) ? Join(w.surface) : std::string()};
  std::vector<Name>& list = names_[Join(w.lower)];
  for (const Name& other : list) {
    if (other.entry == entry && other.exact == n.exact) return Status::Ok();  // listed twice
  }
  list.push_back(std::move(n));
  first_words_.insert(w.lower.front());
  first_word_bits_.Add(w.lower.front());
  std::string prefix;
  for (size_t k = 0; k + 1 < w.lower.size(); ++k) {
    if (k) prefix += ' ';
    prefix += w.lower[k];
    prefixes_.insert(prefix);
  }
  max_words_ = std::max(max_words_, w.lower.size());
  return Status::Ok();
}

Status ActorDictionary::LoadFile(const std::string& path, const std::string& rel, ActorKind kind) {
  FieldFile f;
  if (Status s = ReadFieldFile(path, '|', &f); !s.ok()) return s;
  const bool person = kind == ActorKind::kPerson;
  const size_t want = kind == ActorKind::kCountry ? 4 : person ? 5 : 2;
  for (const FieldLine& l : f.lines) {
    if (l.fields.size() != want) {
      return LineError(path, l.number,
                       "expected " + std::to_string(want) + " fields separated by '|', found " +
                           std::to_string(l.fields.size()));
    }
    const std::string_view code = person ? l.fields[1] : l.fields[0];
    if (!IsCode(code))
      return LineError(
          path, l.number,
          "'" + std::string(code) + "' is not an actor code (upper-case, 3 letters a part)");
    const std::vector<std::string_view> names = SplitList(person ? l.fields[0] : l.fields[1]);
    if (names.empty()) return LineError(path, l.number, "no name");
    if (person) {
      ActorRole role;
      role.code = std::string(code);
      role.title = std::string(l.fields[4]);
      role.line = l.number;
      if (!ParseDictDate(l.fields[2], false, &role.from))
        return LineError(path, l.number, "bad date '" + std::string(l.fields[2]) + "'");
      if (!ParseDictDate(l.fields[3], true, &role.to))
        return LineError(path, l.number, "bad date '" + std::string(l.fields[3]) + "'");
      if (role.from && role.to && role.from > role.to)
        return LineError(path, l.number, "the role ends before it starts");
      const std::string full(names.front());
      auto [it, added] = people_.emplace(full, static_cast<uint32_t>(entries_.size()));
      if (added) {
        ActorEntry e;
        e.kind = kind;
        e.name = full;
        e.file = rel;
        e.line = l.number;
        entries_.push_back(std::move(e));
      }
      const uint32_t id = it->second;
      entries_[id].roles.push_back(std::move(role));
      for (std::string_view n : names) {
        if (Status s = AddName(n, id, false, path, l.number); !s.ok()) return s;
      }
      const Words w = Split(full);
      if (w.lower.size() >= 2) {
        if (Status s = AddName(w.surface.back(), id, true, path, l.number); !s.ok()) return s;
      }
      continue;
    }
    // Countries carry three lists; the others one.
    const uint32_t id = static_cast<uint32_t>(entries_.size());
    ActorEntry e;
    e.kind = kind;
    e.code = std::string(code);
    e.name = std::string(names.front());
    e.file = rel;
    e.line = l.number;
    entries_.push_back(std::move(e));
    for (std::string_view n : names) {
      if (Status s = AddName(n, id, false, path, l.number); !s.ok()) return s;
    }
    if (kind != ActorKind::kCountry) continue;
    for (ActorKind k : {ActorKind::kDemonym, ActorKind::kCapital}) {
      const std::vector<std::string_view> more =
          SplitList(l.fields[k == ActorKind::kDemonym ? 2 : 3]);
      if (more.empty()) continue;
      const uint32_t sub = static_cast<uint32_t>(entries_.size());
      ActorEntry d = entries_[id];  // keeps the country's name: "Israeli" names Israel
      d.kind = k;
      entries_.push_back(std::move(d));
      for (std::string_view n : more) {
        if (Status s = AddName(n, sub, false, path, l.number); !s.ok()) return s;
      }
    }
  }
  return Status::Ok();
}

Status ActorDictionary::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  const std::pair<const char*, ActorKind> files[] = {
      {"countries.txt", ActorKind::kCountry},
      {"institutions.txt", ActorKind::kInstitution},
      {"organisations.txt", ActorKind::kOrganisation},
      {"groups.txt", ActorKind::kGroup},
      {"agents.txt", ActorKind::kAgent}};
  for (const auto& [name, kind] : files) {
    if (Status s = LoadFile(dir + "/" + name, std::string("dict/") + name, kind); !s.ok()) return s;
  }
  std::error_code ec;
  std::vector<std::string> people;
  for (const auto& e : fs::directory_iterator(dir + "/people", ec)) {
    if (e.path().extension() == ".txt") people.push_back(e.path().filename().string());
  }
  if (ec) return Status(ErrorCode::kIo, "cannot list '" + dir + "/people': " + ec.message());
  std::sort(people.begin(), people.end());  // same order, same entry ids, everywhere
  for (const std::string& p : people) {
    if (Status s = LoadFile(dir + "/people/" + p, "dict/people/" + p, ActorKind::kPerson); !s.ok())
      return s;
  }
  return Status::Ok();
}

void ActorDictionary::MatchAt(std::span<const std::string_view> lower,
                              std::span<const std::string_view> surface, size_t i,
                              std::vector<NameMatch>* out) const {
  out->clear();
  if (i >= lower.size() || !first_word_bits_.MayContain(lower[i]) ||
      first_words_.find(lower[i]) == first_words_.end()) {
    return;
  }
  thread_local std::string key, exact;
  key.clear();
  exact.clear();
  for (size_t n = 0; n < max_words_ && i + n < lower.size(); ++n) {
    if (n) {
      key += ' ';
      exact += ' ';
    }
    key += lower[i + n];
    exact += surface[i + n];
    auto it = names_.find(key);
    const bool longer = prefixes_.find(key) != prefixes_.end();
    if (it == names_.end()) {
      if (!longer) break;
      continue;
    }
    for (const Name& name : it->second) {
      if (!name.exact.empty() && name.exact != exact) continue;
      // A surname is a name only when written with a capital.
      if (name.surname && !(surface[i][0] >= 'A' && surface[i][0] <= 'Z')) continue;
      out->push_back({name.entry, static_cast<uint32_t>(n + 1), name.surname});
    }
    if (!longer) break;
  }
  std::stable_sort(out->begin(), out->end(),
                   [](const NameMatch& a, const NameMatch& b) { return a.length > b.length; });
}

const ActorRole* ActorDictionary::RoleOn(const ActorEntry& person, int date) {
  const ActorRole* undated = nullptr;
  const ActorRole* latest = nullptr;
  for (const ActorRole& r : person.roles) {
    if (!r.from && !r.to) {
      undated = &r;
      continue;
    }
    if (!latest || r.from > latest->from) latest = &r;
    if (date && (!r.from || r.from <= date) && (!r.to || date <= r.to)) return &r;
  }
  if (undated) return undated;
  return date ? nullptr : latest;
}

}  // namespace annals::dict
