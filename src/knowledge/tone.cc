#include "knowledge/tone.h"

#include "syntax/tagset.h"

namespace annals::knowledge {
namespace {

bool IsSelf(std::string_view w) {
  return w == "i" || w == "me" || w == "my" || w == "mine" || w == "myself" || w == "we" ||
         w == "us" || w == "our" || w == "ours" || w == "ourselves";
}

bool IsGroup(std::string_view w) {
  return w == "they" || w == "them" || w == "their" || w == "theirs" || w == "themselves";
}

struct Tally {
  uint32_t words = 0, positive = 0, negative = 0, active = 0, self = 0, group = 0;
  void Add(const Tally& o) {
    words += o.words;
    positive += o.positive;
    negative += o.negative;
    active += o.active;
    self += o.self;
    group += o.group;
  }
};

Tone ToneOf(const Tally& t, Span span, int32_t sentence, const std::string& file) {
  Tone tone;
  tone.span = span;
  tone.sentence = sentence;
  tone.words = t.words;
  if (t.words > 0) {
    const float n = static_cast<float>(t.words);
    tone.positive = static_cast<float>(t.positive) / n;
    tone.negative = static_cast<float>(t.negative) / n;
    tone.activity = static_cast<float>(t.active) / n;
    tone.self_reference = static_cast<float>(t.self) / n;
    tone.group_reference = static_cast<float>(t.group) / n;
  }
  tone.polarity = tone.positive - tone.negative;
  tone.evidence.rule = "knowledge.v1:tone";
  tone.evidence.file = file;
  return tone;
}

}  // namespace

void ScoreTone(const KnowledgeData& data, const Words& words, Document& doc) {
  Tally all;
  std::vector<Tone> sentences;
  sentences.reserve(doc.sentences.size());
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    Tally t;
    const Sentence& sentence = doc.sentences[s];
    for (uint32_t i = sentence.tokens.begin; i < sentence.tokens.end; ++i) {
      if (doc.tokens[i].kind != TokenKind::kWord) continue;
      ++t.words;
      const uint32_t id = words.LowerId(i);
      if (const int8_t v = data.Valence(id); v > 0)
        ++t.positive;
      else if (v < 0)
        ++t.negative;
      if (doc.tokens[i].upos == syntax::upos::kVerb) ++t.active;
      if (doc.tokens[i].upos == syntax::upos::kPron) {
        const std::string_view w = words.Lower(i);
        if (IsSelf(w)) ++t.self;
        if (IsGroup(w)) ++t.group;
      }
    }
    all.Add(t);
    sentences.push_back(ToneOf(t, sentence.span, static_cast<int32_t>(s), data.valence_file));
  }
  const Span whole{0, static_cast<uint32_t>(doc.text.size())};
  doc.tones.push_back(ToneOf(all, whole, -1, data.valence_file));
  for (Tone& t : sentences) doc.tones.push_back(std::move(t));
}

void FindFramings(const KnowledgeData& data, const Words& words, Document& doc) {
  if (data.framing.size() == 0) return;
  std::vector<uint32_t> ids;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const IndexRange r = doc.sentences[s].tokens;
    for (uint32_t i = r.begin; i < r.end;) {
      const uint32_t n = doc.tokens[i].kind == TokenKind::kWord
                             ? data.framing.MatchAllAt(words, i, r.end, &ids)
                             : 0;
      if (n == 0) {
        ++i;
        continue;
      }
      const KnowledgeData::FramingTerm& term = data.framing_terms[ids.front()];
      Framing& f = doc.framings.emplace_back();
      f.span = {doc.tokens[i].span.begin, doc.tokens[i + n - 1].span.end};
      f.sentence = s;
      f.term = term.term;
      f.category = data.framing_categories[term.category].name;
      f.evidence = {"knowledge.v1:framing", data.framing_file, term.line};
      i += n;
    }
  }
}

void FindThemes(const KnowledgeData& data, const Words& words, Document& doc) {
  if (data.themes.empty()) return;
  struct Hits {
    uint32_t all = 0;
    bool strong = false;
    Span first;
  };
  std::vector<Hits> hits(data.themes.size());
  std::vector<uint32_t> ids;
  for (const Sentence& sentence : doc.sentences) {
    const IndexRange r = sentence.tokens;
    for (uint32_t i = r.begin; i < r.end;) {
      const uint32_t n = doc.tokens[i].kind == TokenKind::kWord
                             ? data.theme_phrases.MatchAllAt(words, i, r.end, &ids)
                             : 0;
      if (n == 0) {
        ++i;
        continue;
      }
      for (uint32_t id : ids) {
        const KnowledgeData::ThemeCue& cue = data.theme_cues[id];
        Hits& h = hits[cue.theme];
        if (h.all++ == 0) h.first = {doc.tokens[i].span.begin, doc.tokens[i + n - 1].span.end};
        h.strong |= cue.strong;
      }
      i += n;
    }
  }
  for (uint32_t t = 0; t < hits.size(); ++t) {
    if (hits[t].all < 2 && !hits[t].strong) continue;
    Theme& theme = doc.themes.emplace_back();
    theme.name = data.themes[t].name;
    theme.mentions = hits[t].all;
    theme.first = hits[t].first;
    theme.evidence = {"knowledge.v1:theme", data.themes_file, data.themes[t].line};
  }
}

}  // namespace annals::knowledge
