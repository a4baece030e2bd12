// tabari.v1: the TABARI-compatible coder as a pipeline stage, so users'
// TABARI/PETRARCH dictionaries code articles like annals' own do, with the
// same evidence: the actors, agents and verbs file lines behind each part.
#include <filesystem>

#include "annals/coding.h"
#include "coding/coding_data.h"
#include "compat/tabari_coder.h"

namespace annals {
namespace {

class TabariStage final : public Stage {
 public:
  TabariStage(std::unique_ptr<compat::TabariDictionary> dict, TabariFiles files,
              std::shared_ptr<const CodingData> data)
      : dict_(std::move(dict)), coder_(*dict_), files_(std::move(files)), data_(std::move(data)) {}
  std::string_view name() const override { return "tabari.v1"; }
  uint32_t requires_layers() const override { return kLayerSentences; }
  uint32_t assigns_layers() const override { return kLayerActors | kLayerEvents; }

  Status Process(Document& doc, Scratch&) const override {
    const int date = StoryDate(doc);
    std::vector<std::string> words;
    std::vector<uint32_t> token_of;  // word -> token
    for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
      words.clear();
      token_of.clear();
      for (uint32_t t = doc.sentences[s].tokens.begin; t < doc.sentences[s].tokens.end; ++t) {
        const Token& tok = doc.tokens[t];
        for (std::string& w : compat::TabariWords(tok.norm.empty() ? doc.Text(tok.span)
                                                                   : std::string_view(tok.norm))) {
          words.push_back(std::move(w));
          token_of.push_back(t);
        }
      }
      for (const compat::TabariEvent& e : coder_.Code(words, date)) {
        Event ev;
        ev.sentence = s;
        ev.trigger = token_of[e.verb];
        ev.span = doc.tokens[ev.trigger].span;
        ev.code = e.code;
        if (const dict::EventType* type = data_ ? data_->ontology.Find(e.code) : nullptr) {
          ev.root = std::string(dict::Ontology::Root(e.code));
          ev.goldstein = type->goldstein;
          ev.quad_class = type->quad_class;
          ev.plover_event = type->plover_event;
          ev.plover_mode = type->plover_mode;
        }
        ev.source = AddActor(doc, s, token_of, e.source, e.source_begin, e.source_end,
                             e.source_line, e.source_agent);
        if (e.target_end > e.target_begin)
          ev.target = AddActor(doc, s, token_of, e.target, e.target_begin, e.target_end,
                               e.target_line, e.target_agent);
        ev.confidence = 1.0f;
        ev.evidence = {e.pattern_line ? "tabari:pattern" : "tabari:verb", Name(files_.verbs),
                       e.pattern_line ? e.pattern_line : e.verb_line};
        doc.events.push_back(std::move(ev));
      }
    }
    return Status::Ok();
  }

 private:
  static std::string Name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
  }

  int32_t AddActor(Document& doc, uint32_t s, const std::vector<uint32_t>& token_of,
                   const std::string& code, size_t b, size_t e, uint32_t line, bool agent) const {
    Actor a;
    a.code = code;
    a.kind = agent ? "agent" : "tabari";
    a.sentence = s;
    a.head = token_of[e - 1];
    a.span = {doc.tokens[token_of[b]].span.begin, doc.tokens[token_of[e - 1]].span.end};
    a.name = std::string(doc.Text(a.span));
    a.evidence = {agent ? "tabari:agent" : "tabari:actor",
                  Name(agent ? files_.agents : files_.actors), line};
    for (size_t k = 0; k < doc.actors.size(); ++k) {
      const Actor& x = doc.actors[k];
      if (x.sentence == s && x.span == a.span && x.code == a.code) return static_cast<int32_t>(k);
    }
    doc.actors.push_back(std::move(a));
    return static_cast<int32_t>(doc.actors.size() - 1);
  }

  std::unique_ptr<compat::TabariDictionary> dict_;
  compat::TabariCoder coder_;
  TabariFiles files_;
  std::shared_ptr<const CodingData> data_;
};

}  // namespace

StatusOr<std::unique_ptr<Stage>> MakeTabariStage(const TabariFiles& files,
                                                 std::shared_ptr<const CodingData> data,
                                                 std::vector<std::string>* warnings) {
  if (files.verbs.empty() || files.actors.empty())
    return Status(ErrorCode::kInvalidArgument, "TABARI coding needs a verbs and an actors file");
  auto dict = std::make_unique<compat::TabariDictionary>();
  dict->set_lenient(files.lenient);
  if (Status s = dict->LoadVerbs(files.verbs); !s.ok()) return s;
  if (Status s = dict->LoadActors(files.actors); !s.ok()) return s;
  if (!files.agents.empty()) {
    if (Status s = dict->LoadAgents(files.agents); !s.ok()) return s;
  }
  if (!files.discards.empty()) {
    if (Status s = dict->LoadDiscards(files.discards); !s.ok()) return s;
  }
  if (warnings != nullptr) *warnings = dict->warnings();
  return std::unique_ptr<Stage>(
      std::make_unique<TabariStage>(std::move(dict), files, std::move(data)));
}

}  // namespace annals
