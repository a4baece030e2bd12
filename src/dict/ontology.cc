#include "dict/ontology.h"

#include <charconv>
#include <cstdlib>
#include <set>

#include "dict/fields.h"

namespace annals::dict {
namespace {

// Column positions by header name, so the tables may grow columns.
class Header {
 public:
  Status Read(const FieldFile& f, std::initializer_list<std::string_view> wanted) {
    if (f.lines.empty()) return LineError(f.path, 1, "empty table (a header line is needed)");
    const FieldLine& h = f.lines.front();
    for (std::string_view w : wanted) {
      size_t i = 0;
      while (i < h.fields.size() && h.fields[i] != w) ++i;
      if (i == h.fields.size())
        return LineError(f.path, h.number, "header has no column '" + std::string(w) + "'");
      cols_.push_back(i);
    }
    width_ = h.fields.size();
    return Status::Ok();
  }
  // Field `k` of the wanted list; empty when the line is short.
  std::string_view Get(const FieldLine& l, size_t k) const {
    return cols_[k] < l.fields.size() ? l.fields[cols_[k]] : std::string_view();
  }
  Status CheckWidth(const FieldFile& f, const FieldLine& l) const {
    if (l.fields.size() != width_)
      return LineError(f.path, l.number,
                       "expected " + std::to_string(width_) + " tab-separated fields, found " +
                           std::to_string(l.fields.size()));
    return Status::Ok();
  }

 private:
  std::vector<size_t> cols_;
  size_t width_ = 0;
};

bool IsCameoCode(std::string_view c) {
  if (c.size() < 2 || c.size() > 4) return false;
  for (char ch : c)
    if (ch < '0' || ch > '9') return false;
  const int root = (c[0] - '0') * 10 + (c[1] - '0');
  return root >= 1 && root <= 20;
}

}  // namespace

Status Ontology::Load(const std::string& dir, Ontology* out) {
  Ontology o;
  FieldFile events, mapping, plover, modes, actors;
  if (Status s = ReadFieldFile(dir + "/cameo-events.tsv", '\t', &events); !s.ok()) return s;
  if (Status s = ReadFieldFile(dir + "/cameo-to-plover.tsv", '\t', &mapping); !s.ok()) return s;
  if (Status s = ReadFieldFile(dir + "/plover-events.tsv", '\t', &plover); !s.ok()) return s;
  if (Status s = ReadFieldFile(dir + "/plover-modes.tsv", '\t', &modes); !s.ok()) return s;
  if (Status s = ReadFieldFile(dir + "/cameo-actors.tsv", '\t', &actors); !s.ok()) return s;
  Header ha;
  if (Status s = ha.Read(actors, {"code", "kind"}); !s.ok()) return s;
  for (size_t i = 1; i < actors.lines.size(); ++i) {
    const FieldLine& l = actors.lines[i];
    if (Status s = ha.CheckWidth(actors, l); !s.ok()) return s;
    const std::string code(ha.Get(l, 0));
    if (code.empty()) return LineError(actors.path, l.number, "empty actor code");
    if (!o.actor_kinds_.emplace(code, std::string(ha.Get(l, 1))).second)
      return LineError(actors.path, l.number, "duplicate actor code " + code);
  }

  Header h;
  if (Status s = h.Read(events, {"code", "name", "goldstein", "quad_class"}); !s.ok()) return s;
  for (size_t i = 1; i < events.lines.size(); ++i) {
    const FieldLine& l = events.lines[i];
    if (Status s = h.CheckWidth(events, l); !s.ok()) return s;
    EventType t;
    t.code = std::string(h.Get(l, 0));
    t.name = std::string(h.Get(l, 1));
    t.file = "cameo-events.tsv";
    t.line = l.number;
    if (!IsCameoCode(t.code))
      return LineError(events.path, l.number, "'" + t.code + "' is not a CAMEO event code");
    if (t.name.empty()) return LineError(events.path, l.number, "empty name");
    const std::string g(h.Get(l, 2));
    char* end = nullptr;
    t.goldstein = std::strtod(g.c_str(), &end);
    if (g.empty() || *end != '\0' || t.goldstein < -10 || t.goldstein > 10)
      return LineError(events.path, l.number, "goldstein '" + g + "' is not a number in [-10, 10]");
    const std::string_view q = h.Get(l, 3);
    if (q.size() != 1 || q[0] < '1' || q[0] > '4')
      return LineError(events.path, l.number, "quad_class must be 1, 2, 3 or 4");
    t.quad_class = q[0] - '0';
    if (t.code.size() > 2 && !o.by_code_.count(t.code.substr(0, 2)))
      return LineError(events.path, l.number, "code " + t.code + " comes before its root");
    if (!o.by_code_.emplace(t.code, o.types_.size()).second)
      return LineError(events.path, l.number, "duplicate code " + t.code);
    o.types_.push_back(std::move(t));
  }

  std::set<std::string, std::less<>> plover_events, plover_modes;
  Header hp;
  if (Status s = hp.Read(plover, {"event"}); !s.ok()) return s;
  for (size_t i = 1; i < plover.lines.size(); ++i)
    plover_events.emplace(hp.Get(plover.lines[i], 0));
  Header hm;
  if (Status s = hm.Read(modes, {"event", "mode"}); !s.ok()) return s;
  for (size_t i = 1; i < modes.lines.size(); ++i) {
    const FieldLine& l = modes.lines[i];
    if (!plover_events.count(hm.Get(l, 0)))
      return LineError(modes.path, l.number,
                       "unknown PLOVER event '" + std::string(hm.Get(l, 0)) + "'");
    plover_modes.emplace(std::string(hm.Get(l, 0)) + "/" + std::string(hm.Get(l, 1)));
  }

  Header hx;
  if (Status s = hx.Read(mapping, {"cameo", "plover_event", "plover_mode"}); !s.ok()) return s;
  std::vector<bool> mapped(o.types_.size());
  for (size_t i = 1; i < mapping.lines.size(); ++i) {
    const FieldLine& l = mapping.lines[i];
    const std::string code(hx.Get(l, 0));
    auto it = o.by_code_.find(code);
    if (it == o.by_code_.end())
      return LineError(mapping.path, l.number, "code " + code + " is not in cameo-events.tsv");
    if (mapped[it->second])
      return LineError(mapping.path, l.number, "code " + code + " mapped twice");
    mapped[it->second] = true;
    EventType& t = o.types_[it->second];
    t.plover_event = std::string(hx.Get(l, 1));
    t.plover_mode = std::string(hx.Get(l, 2));
    if (!plover_events.count(t.plover_event))
      return LineError(mapping.path, l.number, "unknown PLOVER event '" + t.plover_event + "'");
    if (!t.plover_mode.empty() && !plover_modes.count(t.plover_event + "/" + t.plover_mode))
      return LineError(mapping.path, l.number,
                       "PLOVER event " + t.plover_event + " has no mode '" + t.plover_mode + "'");
  }
  for (size_t i = 0; i < mapped.size(); ++i) {
    if (!mapped[i])
      return LineError(events.path, o.types_[i].line,
                       "code " + o.types_[i].code + " has no line in cameo-to-plover.tsv");
  }
  *out = std::move(o);
  return Status::Ok();
}

std::string_view Ontology::ActorCodeKind(std::string_view code) const {
  auto it = actor_kinds_.find(std::string(code));
  return it == actor_kinds_.end() ? std::string_view() : std::string_view(it->second);
}

const EventType* Ontology::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &types_[it->second];
}

}  // namespace annals::dict
