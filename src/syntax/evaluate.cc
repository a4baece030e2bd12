#include "syntax/evaluate.h"

#include <chrono>
#include <cstdio>

#include "syntax/tagset.h"

namespace annals::syntax {

void Analyse(const SyntaxModel& model, ConlluSentence* s, AnalysisScratch& scratch,
             SentenceAnalysis* r) {
  std::vector<std::string_view> forms;
  forms.reserve(s->words.size());
  for (const ConlluWord& w : s->words) forms.push_back(w.form);
  model.Analyse(forms, r, scratch);
  for (size_t i = 0; i < s->words.size(); ++i) {
    ConlluWord& w = s->words[i];
    w.upos = UposName(r->upos[i]);
    w.xpos = XposName(r->xpos[i]);
    w.lemma = r->lemmas[i];
    w.head = r->heads[i];
    w.deprel = DeprelName(r->deprel[i]);
  }
}

SyntaxScores AnalyseAndScore(const SyntaxModel& model, std::vector<ConlluSentence>* sentences) {
  SyntaxScores sc;
  AnalysisScratch scratch;
  SentenceAnalysis r;
  std::vector<ConlluWord> gold;
  for (ConlluSentence& s : *sentences) {
    gold = s.words;
    const auto start = std::chrono::steady_clock::now();
    Analyse(model, &s, scratch, &r);
    sc.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++sc.sentences;
    for (size_t i = 0; i < gold.size(); ++i) {
      const ConlluWord& g = gold[i];
      const ConlluWord& p = s.words[i];
      ++sc.words;
      sc.upos += g.upos == p.upos;
      sc.xpos += g.xpos == p.xpos;
      sc.lemma += g.lemma == p.lemma;
      if (g.head != p.head) continue;
      ++sc.uas;
      sc.las += g.deprel == p.deprel;
      sc.las_base +=
          g.deprel.substr(0, g.deprel.find(':')) == p.deprel.substr(0, p.deprel.find(':'));
    }
  }
  return sc;
}

std::string FormatScores(const SyntaxScores& s) {
  const double n = s.words == 0 ? 1.0 : static_cast<double>(s.words);
  char buf[1024];
  std::snprintf(buf, sizeof(buf),
                "words      %zu in %zu sentences\n"
                "UPOS       %.2f%%\n"
                "XPOS       %.2f%%\n"
                "LEMMA      %.2f%%\n"
                "UAS        %.2f%%\n"
                "LAS        %.2f%%  (universal relations, as CoNLL 2018 scores it)\n"
                "LAS-full   %.2f%%  (relation subtypes must match too)\n"
                "speed      %.0f words/s, %.0f sentences/s (one thread, tag+parse+lemma)\n",
                s.words, s.sentences, 100.0 * static_cast<double>(s.upos) / n,
                100.0 * static_cast<double>(s.xpos) / n, 100.0 * static_cast<double>(s.lemma) / n,
                100.0 * static_cast<double>(s.uas) / n, 100.0 * static_cast<double>(s.las_base) / n,
                100.0 * static_cast<double>(s.las) / n,
                s.seconds > 0 ? static_cast<double>(s.words) / s.seconds : 0.0,
                s.seconds > 0 ? static_cast<double>(s.sentences) / s.seconds : 0.0);
  return buf;
}

}  // namespace annals::syntax
