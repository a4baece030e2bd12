#include "dict/event_patterns.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "dict/actor_dictionary.h"
#include "dict/fields.h"
#include "dict/ontology.h"

namespace annals::dict {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || c == '-' || c == '\'' || c == '.' ||
         static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9');
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

Status EventPatterns::LoadFile(const std::string& path, const std::string& rel,
                               const Ontology* ontology) {
  FieldFile f;
  if (Status s = ReadFieldFile(path, '|', &f); !s.ok()) return s;
  std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> sets;
  for (const FieldLine& l : f.lines) {
    if (l.fields.size() == 1 && !l.fields[0].empty() && l.fields[0][0] == '&') {
      const std::string_view def = l.fields[0];
      const size_t eq = def.find('=');
      if (eq == std::string_view::npos)
        return LineError(path, l.number, "a set needs '&name = word; word'");
      const std::string name(Trim(def.substr(0, eq)));
      auto& members = sets[name];
      for (std::string_view m : SplitList(def.substr(eq + 1))) {
        std::string lower;
        LowerAscii(m, &lower);
        members.push_back(Words(lower));
      }
      if (members.empty()) return LineError(path, l.number, "set " + name + " is empty");
      continue;
    }
    if (l.fields.size() != 3)
      return LineError(path, l.number,
                       "expected 'code | verb | pattern' or '&set = ...', found " +
                           std::to_string(l.fields.size()) + " fields");
    EventPattern p;
    p.code = std::string(l.fields[0]);
    p.file = rel;
    p.line = l.number;
    p.text = std::string(l.fields[2]);
    if (ontology ? !ontology->Find(p.code) : p.code.empty())
      return LineError(path, l.number, "'" + p.code + "' is not a CAMEO event code");
    if (l.fields[1] == "noun") {
      p.noun = true;
    } else if (l.fields[1] != "verb") {
      return LineError(path, l.number,
                       "kind must be 'verb' or 'noun', not '" + std::string(l.fields[1]) + "'");
    }
    const std::vector<std::string> words = Words(p.text);
    if (words.empty()) return LineError(path, l.number, "empty pattern");
    std::vector<std::vector<std::string>> triggers;
    bool target = false, source = false;
    for (size_t i = 0; i < words.size(); ++i) {
      const std::string& w = words[i];
      PatternItem item;
      if (w == "+" || w == "$") {
        if (i == 0)
          return LineError(path, l.number, "a pattern starts with its trigger word, not " + w);
        bool& seen = w == "+" ? target : source;
        if (seen) return LineError(path, l.number, "'" + w + "' appears twice");
        seen = true;
        item.kind = w == "+" ? PatternItem::kTarget : PatternItem::kSource;
      } else if (w[0] == '&') {
        auto it = sets.find(w);
        if (it == sets.end())
          return LineError(path, l.number, "set " + w + " is not defined above this line");
        item.alternatives = it->second;
      } else {
        if (!std::all_of(w.begin(), w.end(), IsWordChar))
          return LineError(path, l.number,
                           "'" + w + "' is not a lower-case word, '+', '$' or '&set'");
        item.alternatives.push_back({w});
      }
      if (i == 0) {
        triggers = item.alternatives;
        continue;
      }
      if (item.kind == PatternItem::kWords) ++p.specificity;
      p.items.push_back(std::move(item));
    }
    // A set as trigger may hold phrases ("shut down"): each phrase becomes
    // its own pattern, trigger = first word, the rest required after it.
    auto& index = p.noun ? nouns_ : verbs_;
    for (const std::vector<std::string>& trigger : triggers) {
      EventPattern q = p;
      if (trigger.size() > 1) {
        PatternItem rest;
        for (size_t k = 1; k < trigger.size(); ++k) rest.alternatives.push_back({trigger[k]});
        // One item per extra word, in order.
        std::vector<PatternItem> items;
        for (auto& alt : rest.alternatives) {
          PatternItem one;
          one.alternatives.push_back(alt);
          items.push_back(std::move(one));
        }
        q.items.insert(q.items.begin(), items.begin(), items.end());
        q.specificity += static_cast<int>(trigger.size() - 1);
      }
      index[trigger.front()].push_back(static_cast<uint32_t>(patterns_.size()));
      triggers_.Add(trigger.front());
      Add(std::move(q));
    }
  }
  return Status::Ok();
}

Status EventPatterns::LoadDirectory(const std::string& dir, const Ontology* ontology) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path().filename().string());
  }
  if (ec) return Status(ErrorCode::kIo, "cannot list '" + dir + "': " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    if (Status s = LoadFile(dir + "/" + f, "dict/verbs/" + f, ontology); !s.ok()) return s;
  }
  return Status::Ok();
}

void EventPatterns::Add(EventPattern p) {
  specificity_.push_back(p.specificity);
  for (const PatternItem& item : p.items) {
    if (item.kind != PatternItem::kWords) continue;
    for (const std::vector<std::string>& alt : item.alternatives) {
      if (!alt.empty()) word_hashes_.push_back(WordHash(alt[0]));
    }
    word_begin_.push_back(static_cast<uint32_t>(word_hashes_.size()));
  }
  item_begin_.push_back(static_cast<uint32_t>(word_begin_.size() - 1));
  patterns_.push_back(std::move(p));
}

bool EventPatterns::MayMatch(uint32_t id, const SentenceWords& sentence) const {
  for (uint32_t g = item_begin_[id]; g < item_begin_[id + 1]; ++g) {
    bool any = false;
    for (uint32_t w = word_begin_[g]; w < word_begin_[g + 1] && !any; ++w) {
      any = sentence.MayContain(word_hashes_[w]);
    }
    if (!any) return false;
  }
  return true;
}

const std::vector<uint32_t>* EventPatterns::ForTrigger(std::string_view word, bool noun) const {
  if (!triggers_.MayContain(word)) return nullptr;
  const auto& index = noun ? nouns_ : verbs_;
  auto it = index.find(word);
  return it == index.end() ? nullptr : &it->second;
}

}  // namespace annals::dict
